"""Numbers written in words, turned into digits (FR with Belgian septante/nonante, NL compounds, EN).

``text2num`` does the work; it is imported on first use so that nothing that merely imports the
engine waits for it. Small numbers it leaves in words on purpose (« un », « deux ») are handled by
the time reader (« à deux heures ») and the date reader (« le premier décembre »), where they matter.
"""

from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=4096)
def digits(text: str, lang: str) -> str:
    """*text* (already casefolded) with its numbers in words written as digits; unchanged on failure."""
    from text_to_num import alpha2digit

    try:
        return str(alpha2digit(text, lang))
    except (ValueError, IndexError, KeyError):  # the library refuses odd inputs rather than guess
        return text
