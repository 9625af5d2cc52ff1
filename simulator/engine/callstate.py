"""Call variables (scenario/1.1): what the call remembers as it goes, and the conditions that read it.

A reply, a typed answer or a tool action sets variables (``set: {vente: "oui"}``); conditions
(``when: call.vente == "oui"``) then choose the replies offered, the way on, and which checks are
judged. Variables are strings, start at the values the scenario declares, and are a pure function
of the actions taken, so replaying a journal gives them back exactly.
"""

from __future__ import annotations

from collections.abc import Mapping, MutableMapping, Sequence
from typing import Any

from jinja2 import TemplateError

from simulator.engine.context import ContactContext
from simulator.engine.personas import Persona
from simulator.engine.tools.customer_records import RECORD_FIELDS
from simulator.scenario.models import Text, text_in
from simulator.scenario.models.dialogue import Branch
from simulator.scenario.templating import condition as compiled_condition
from simulator.scenario.templating import render


class CallContext:
    """A contact's template context plus its live call variables (``{{ call.<name> }}``) and, for a
    scenario/1.1, the records of its customer database (``{{ record.<role>.<field> }}``).

    Texts that do not mention ``call`` are filled in by the shared, cached context; the others are
    filled in afresh each time, with the variables as they stand.
    """

    def __init__(
        self,
        base: ContactContext,
        call: MutableMapping[str, str],
        extra: Mapping[str, Any] | None = None,
    ) -> None:
        self.base, self.call, self.extra = base, call, dict(extra or {})

    @property
    def persona(self) -> Persona:
        return self.base.persona

    @property
    def lang(self) -> str:
        return self.base.lang

    @property
    def variables(self) -> dict[str, Any]:
        """The shared variables and ``call`` (the live mapping, not a copy)."""
        return {**self.base.variables, **self.extra, "call": self.call}

    def text(self, text: Text | None, lang: str | None = None) -> str:
        chosen = lang or self.lang
        template = text_in(text, chosen)
        if not self._live(template):
            return self.base.text(text, chosen)
        return render(template, self.variables, chosen)

    def value(self, template: str, **extra: Any) -> str:
        if not self._live(template) and not extra:
            return self.base.value(template)
        return render(template, {**self.variables, **extra}, self.lang)

    def _live(self, template: str) -> bool:
        """Whether ``template`` reads the call variables or this contact's records."""
        return "call" in template or any(name in template for name in self.extra)


def records_of(db: Any) -> dict[str, dict[str, str]]:
    """Every record of the customer database as it starts, by role: ``{{ record.<role>.<field> }}``."""
    if db is None:
        return {}
    return {
        db.role_of(r.record_id): {name: str(getattr(r, name)) for name in RECORD_FIELDS}
        for r in db.records()
    }


def holds(condition: str | None, variables: Mapping[str, Any]) -> bool:
    """True when there is no condition or when it is true for ``variables`` (an error is not true)."""
    if condition is None:
        return True
    try:
        return bool(compiled_condition(condition)(**variables))
    except (TemplateError, TypeError, ValueError, ArithmeticError):
        # The checker tries every condition with the declared values and reports one that fails;
        # during a contact a condition that cannot be evaluated simply does not hold.
        return False


def apply_settings(
    settings: Mapping[str, str], ctx: Any, call: MutableMapping[str, str], **extra: Any
) -> None:
    """Set each call variable to its (templated) value; values are computed before any is set.

    A value that cannot be produced (a tool action without the argument it names) leaves its
    variable as it was: the checker tries every value beforehand, and a contact never stops on it.
    """
    values = {}
    for name, value in settings.items():
        try:
            values[name] = (
                ctx.value(value, **extra)
                if isinstance(ctx, CallContext)
                else render(value, {**ctx.variables, **extra})
            )
        except (TemplateError, TypeError, ValueError):
            continue
    call.update(values)


def way_on(default: str, branches: Sequence[Branch], variables: Mapping[str, Any]) -> str:
    """The first branch whose condition holds, else ``default``."""
    for branch in branches:
        if holds(branch.when, variables):
            return branch.goto
    return default
