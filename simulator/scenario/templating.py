"""Texts with {{ variables }}: a sandboxed Jinja2 environment with callsim's filters, and what went wrong rendering one.

The static check of every variable and filter a text uses is ``simulator.scenario.template_check``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from functools import cache, lru_cache
from typing import Any

from jinja2 import StrictUndefined, Template, TemplateSyntaxError, UndefinedError
from jinja2.sandbox import SandboxedEnvironment, SecurityError

from simulator.formatting import workdays
from simulator.formatting.dates import format_date, format_time
from simulator.formatting.workdays import MAX_WORKDAYS
from simulator.i18n import Message, translator
from simulator.i18n.elision import PARTICLES, elided

#: Fields of the generated customer that texts may use as {{ customer.<field> }}.
CUSTOMER_FIELDS = frozenset(
    {
        "customer_id",
        "gender",
        "title",
        "first_name",
        "last_name",
        "full_name",
        "formal_name",
        "street",
        "number",
        "address_line",
        "postal_line",
        "box",
        "postcode",
        "city",
        "region",
        "language",
        "phone",
        "mobile",
        "email",
        "birth_date",
        "iban",
    }
)
ORG_FIELDS = frozenset({"name", "sector", "city", "phone", "email"})
AGENT_FIELDS = frozenset({"name"})
PLAIN_NAMES = frozenset({"today"})
#: The filters callsim adds to Jinja2's own (documented in the trainer's guide, 2.10).
CALLSIM_FILTERS = (
    "add_workdays",
    "add_days",
    "first_workday_of_next_month",
    "next_weekday",
    "longdate",
    "shortdate",
    "time",
    "elide",
)


class FilterValueError(ValueError):
    """A filter was given a value it cannot use (a date where a time is expected…), as a ``Message``."""

    def __init__(self, message: Message) -> None:
        super().__init__(str(message))
        self.message = message


def _iso_date(name: str, value: Any) -> dt.date:
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        raise FilterValueError(
            Message(
                "the '{name}' filter expects a YYYY-MM-DD date, not '{value}'",
                name=name,
                value=_shown(value),
            )
        ) from None


def _count(name: str, value: Any) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        raise FilterValueError(
            Message(
                "the '{name}' filter expects a whole number of days, not '{value}'",
                name=name,
                value=_shown(value),
            )
        ) from None


def _shown(value: Any) -> str:
    text = str(value)
    return text if len(text) <= 40 else text[:37] + "…"


def _add_workdays(value: str, days: int) -> str:
    day = _iso_date("add_workdays", value)
    days = _count("add_workdays", days)
    if abs(days) > MAX_WORKDAYS:
        raise FilterValueError(
            Message(
                "the 'add_workdays' filter takes at most {limit} days, not {days}",
                limit=MAX_WORKDAYS,
                days=days,
            )
        )
    try:
        return workdays.add_workdays(day, days).isoformat()
    except OverflowError:
        raise FilterValueError(
            Message("the '{name}' filter leaves the calendar", name="add_workdays")
        ) from None


def _first_workday_of_next_month(value: str) -> str:
    day = _iso_date("first_workday_of_next_month", value)
    try:
        return workdays.first_workday_of_next_month(day).isoformat()
    except (OverflowError, ValueError):
        raise FilterValueError(
            Message("the '{name}' filter leaves the calendar", name="first_workday_of_next_month")
        ) from None


def _next_weekday(value: str, weekday: str) -> str:
    day = _iso_date("next_weekday", value)
    if weekday not in workdays.WEEKDAY_NAMES:
        raise FilterValueError(
            Message(
                "the 'next_weekday' filter expects a day among {days}, not '{value}'",
                days=", ".join(workdays.WEEKDAY_NAMES),
                value=_shown(weekday),
            )
        )
    try:
        return workdays.next_weekday(day, weekday).isoformat()
    except OverflowError:
        raise FilterValueError(
            Message("the '{name}' filter leaves the calendar", name="next_weekday")
        ) from None


def _add_days(value: str, days: int) -> str:
    try:
        return (
            _iso_date("add_days", value) + dt.timedelta(days=_count("add_days", days))
        ).isoformat()
    except OverflowError:
        raise FilterValueError(
            Message("the '{name}' filter leaves the calendar", name="add_days")
        ) from None


def _date_filter(name: str, style: str, lang: str) -> Callable[[Any], str]:
    def apply(value: Any) -> str:
        return format_date(_iso_date(name, value).isoformat(), lang, style)

    return apply


def _time_filter(lang: str) -> Callable[[Any], str]:
    def apply(value: Any) -> str:
        text = str(value)
        try:
            return format_time(text, lang)
        except ValueError:
            looks_like_date = _looks_like_date(text)
            raise FilterValueError(
                Message(
                    "the 'time' filter expects an HH:MM time, not '{value}' (a date: use longdate or shortdate)",
                    value=_shown(value),
                )
                if looks_like_date
                else Message(
                    "the 'time' filter expects an HH:MM time, not '{value}'", value=_shown(value)
                )
            ) from None

    return apply


def _elide(value: Any, particle: Any = "de") -> str:
    """``{{ customer.full_name | elide("de") }}``: the French particle then the value, elided where
    French elides (« d'Anne Dubois », « qu'Olivier », but « de Marc Dubois », « de Hasselt »)."""
    if str(particle).casefold() not in PARTICLES:
        raise FilterValueError(
            Message(
                "the 'elide' filter expects a particle among {particles}, not '{value}'",
                particles=", ".join(PARTICLES),
                value=_shown(particle),
            )
        )
    return elided(str(particle), str(value))


def _looks_like_date(text: str) -> bool:
    try:
        dt.date.fromisoformat(text)
    except ValueError:
        return False
    return True


@cache
def environment(lang: str) -> SandboxedEnvironment:
    """The sandboxed environment for texts shown in ``lang``; filters format dates in that language."""
    env = SandboxedEnvironment(
        undefined=StrictUndefined, autoescape=False, keep_trailing_newline=False
    )
    env.filters["add_workdays"] = _add_workdays
    env.filters["add_days"] = _add_days
    env.filters["first_workday_of_next_month"] = _first_workday_of_next_month
    env.filters["next_weekday"] = _next_weekday
    env.filters["longdate"] = _date_filter("longdate", "long", lang)
    env.filters["shortdate"] = _date_filter("shortdate", "short", lang)
    env.filters["time"] = _time_filter(lang)
    env.filters["elide"] = _elide
    return env


def render(text: str, context: Mapping[str, Any], lang: str = "fr") -> str:
    """Render ``text`` with ``context``; plain text without braces is returned unchanged."""
    if "{" not in text:
        return text
    return _compiled(lang, text).render(context)


@lru_cache(maxsize=4096)
def _compiled(lang: str, text: str) -> Template:
    """Texts are rendered again and again (every view, every replayed path): compile each once."""
    return environment(lang).from_string(text)


@lru_cache(maxsize=4096)
def condition(text: str) -> Any:
    """A ``when:`` condition compiled once (it is asked again on every action, every form checked)."""
    return environment("fr").compile_expression(text)


def describe_error(exc: BaseException) -> Message | str:
    """What went wrong while producing a text, for a trainer (a ``Message`` of the checker's catalog)."""
    if isinstance(exc, FilterValueError):
        return exc.message
    if isinstance(exc, UndefinedError):
        return Message("missing value ({detail})", detail=exc.message)
    if isinstance(exc, SecurityError):
        return Message("operation not allowed in a text ({detail})", detail=str(exc))
    if isinstance(exc, TemplateSyntaxError):
        return exc.message or "?"
    return f"{type(exc).__name__}: {exc}"


def describe_error_in(exc: BaseException, lang: str) -> str:
    """:func:`describe_error` written out in ``lang``."""
    said = describe_error(exc)
    return said.to(translator("checker", lang)) if isinstance(said, Message) else said
