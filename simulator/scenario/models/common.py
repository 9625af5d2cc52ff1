"""Building blocks shared by scenario and épreuve models: localised text, identifiers, codes."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Discriminator, Field, Tag

Lang = Literal["fr", "en", "nl"]
LANGS: tuple[Lang, ...] = ("fr", "en", "nl")

#: An identifier a trainer chooses: lower-case letters, digits, dashes and underscores.
Ident = Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9_-]*$", max_length=64)]
#: A competency code of the référentiel, e.g. "01.05" (the checker verifies it exists).
CompetencyCode = Annotated[str, Field(pattern=r"^\d\d\.\d\d$")]
#: A semantic version, e.g. "1.0.0".
Version = Annotated[str, Field(pattern=r"^\d+\.\d+\.\d+$")]
#: A clock time of day, "HH:MM".
ClockTime = Annotated[str, Field(pattern=r"^([01]\d|2[0-3]):[0-5]\d$")]
Weekday = Literal["mon", "tue", "wed", "thu", "fri", "sat", "sun"]


class Model(BaseModel):
    """Strict, closed, immutable: unknown keys are errors and nothing is silently coerced.

    ``defer_build``: a model's validator is built when it first validates (a file being checked),
    not when the class is created: an épreuve read back from the cache (``bundle_cache``) builds
    none, which saves about 0.1 s on every start of the candidate's app.
    """

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True, defer_build=True)


class LocalisedText(Model):
    """A text in French (required) and optionally English and Dutch."""

    fr: str = Field(min_length=1)
    en: str | None = Field(default=None, min_length=1)
    nl: str | None = Field(default=None, min_length=1)


def _text_branch(value: Any) -> str:
    return "languages" if isinstance(value, dict | LocalisedText) else "plain"


#: Either plain French text or a {fr, en, nl} block. Text may use {{ variables }}.
Text = Annotated[
    Annotated[str, Tag("plain")] | Annotated[LocalisedText, Tag("languages")],
    Discriminator(_text_branch),
]


def text_in(text: Text | None, lang: str) -> str:
    """The text in ``lang``, falling back to French."""
    if text is None:
        return ""
    if isinstance(text, str):
        return text
    return getattr(text, lang, None) or text.fr


def languages_of(text: Text) -> set[str]:
    """The languages a text is available in."""
    if isinstance(text, str):
        return {"fr"}
    return {lang for lang in LANGS if getattr(text, lang)}
