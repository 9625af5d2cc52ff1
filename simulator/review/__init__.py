"""The assessors' terminal app (Textual): sign in, choose a session, review its grille beside the transcript.

Every action is a ``scoring.assessment.desk.ReviewDesk`` call; a refusal is shown as the desk's
message. ``create_review_app`` is the factory the command line and the tests use. The candidate
app never imports this package.
"""
