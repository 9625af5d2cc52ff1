"""The candidate's terminal app (Textual): sign-in, console with tools, wrap-up, end screen.

The app translates key presses into engine calls and engine views into widgets; it holds no
scoring or scenario logic. ``create_app`` is the factory the command line and the tests use.
"""
