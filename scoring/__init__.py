"""Scoring: from a transcript's evidence to the grille d'évaluation (OK / NOK / not observed per competency).

Headless and pure: it depends only on the journal format, the engine's replay and the référentiel,
never on textual, the clock or a random generator. Where things live:

* ``rubric`` / ``rubric_file`` — the versioned rubric (``rubrics/default.yaml``) and its reading;
* ``verdicts`` — one competency's observations → a verdict; activities and the épreuve aggregate;
* ``score`` — ``score`` (the evidence the journal carries) and ``rescore`` (re-derived by replay);
* ``grille`` / ``excerpts`` / ``actions_text`` — the grille as canonical JSON, its transcript moments;
* ``transcripts`` — verified reading of journals; ``storage`` — grilles stored beside the journal;
* ``batch`` — many sessions, across processes when it pays; ``diff`` — what a re-scoring changes;
* ``bundles`` — the épreuve files a session was played on; ``reports`` — terminal, HTML, JSON, CSV, MD.
"""
