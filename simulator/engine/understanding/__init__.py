"""Understanding typed text: what a candidate's recap, note or mail says, in FR, NL and EN.

Headless, deterministic and offline. ``verdict.judge`` is the entry point (``textcheck.check_text``
calls it for every text check of the engine); the other modules each read one thing: ``text``
(folding, tokens, clauses), ``numbers`` (numbers in words), ``dates`` and ``times`` (against the
contact's calendar), ``matching`` (lemmas, typos), ``lexicon`` (shared concepts and tone markers,
data/*.yaml), ``negation``, ``tone`` and ``sentence``. The libraries behind them (text2num,
simplemma, rapidfuzz) are imported on first use, never when the apps start.
"""
