"""The forms of a scenario with variants, each built when a session first needs it.

A checked épreuve has had every form of every scenario checked; what a session needs is the one
form its seed drew (or its header recorded). A ``FormBook`` keeps what builds any form — the
scenario document as written, its variants layer, and the numbers and words as the file wrote them
— and builds a form (patch, then validation) on first use, about a millisecond where checking it
took tens. The forms the check built are kept while the process lives; the épreuve cache keeps
only the recipe, so an entry stays the size of the files, whatever the number of forms.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from simulator.scenario.models import Scenario
    from simulator.scenario.variants.spec import VariantLayer


class FormBook(Mapping[str, "Scenario"]):
    """Form key (``cause=adresse,objection=prix``) → the scenario of that form, built on demand."""

    def __init__(
        self,
        path: str,
        document: dict[str, Any],
        layer: VariantLayer,
        written: dict[tuple[Any, ...], str],
        built: Mapping[str, Scenario] | None = None,
    ) -> None:
        from simulator.scenario.variants.draw import all_combinations, key
        from simulator.scenario.variants.spec import LAYER_KEYS

        self.path, self.layer, self.written = path, layer, written
        self.document = {k: v for k, v in document.items() if k not in LAYER_KEYS}
        self._combinations = {key(c): c for c in all_combinations(layer)}
        self._built: dict[str, Scenario] = dict(built or {})

    def __getitem__(self, form: str) -> Scenario:
        if form not in self._combinations:
            raise KeyError(form)
        if form not in self._built:
            self._built[form] = self._build(self._combinations[form])
        return self._built[form]

    def __iter__(self) -> Iterator[str]:
        return iter(self._combinations)

    def __len__(self) -> int:
        return len(self._combinations)

    def __contains__(self, form: object) -> bool:
        return form in self._combinations

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, FormBook):
            return NotImplemented
        return (self.path, self.document, self.layer) == (other.path, other.document, other.layer)

    __hash__ = None  # type: ignore[assignment]  # mutable cache inside, like the dict it replaces

    def __getstate__(self) -> dict[str, Any]:
        """What the épreuve cache keeps: the recipe, not the forms built so far."""
        state = dict(self.__dict__)
        state["_built"] = {}
        return state

    def _build(self, combination: dict[str, str]) -> Scenario:
        from simulator.engine.bundle import BundleError
        from simulator.scenario.diagnostics import has_errors
        from simulator.scenario.models import Scenario
        from simulator.scenario.validation import validate
        from simulator.scenario.variants.forms import form_document
        from simulator.scenario.yamlsource import SourceMap

        positions = SourceMap(written=dict(self.written))
        form = form_document(self.path, self.document, positions, self.layer, combination)
        model, found = validate(Scenario, form.data, form.source_map, self.path)
        problems = [*form.diagnostics, *found]
        if model is None or has_errors(problems):  # the épreuve was checked: a changed file
            raise BundleError(problems)
        return model
