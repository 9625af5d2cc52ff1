"""An épreuve ready to be played: its validated model and scenarios, with their file hashes."""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from simulator.i18n import Message, translator
from simulator.library import epreuve_files, looks_like_path, named_epreuve

if TYPE_CHECKING:  # the models (pydantic) are imported when an épreuve is loaded, not to name one
    from simulator.scenario.diagnostics import Diagnostic
    from simulator.scenario.loader import LoadedFile
    from simulator.scenario.models import Epreuve, Scenario
    from simulator.scenario.variants.form_table import FormTable
    from simulator.scenario.variants.spec import VariantLayer


class BundleError(Exception):
    """The épreuve or one of its scenarios has errors: it cannot be played."""

    def __init__(self, diagnostics: list[Diagnostic]) -> None:
        self.diagnostics = diagnostics
        first = diagnostics[0].format("en", with_hint=False) if diagnostics else "invalid épreuve"
        super().__init__(first)


class _Explained(LookupError):
    """A lookup that failed with a message (``why``, domain ``engine``) translated where it is shown."""

    def __init__(self, why: Message) -> None:
        super().__init__(str(why))
        self.why = why

    def message(self, lang: str) -> str:
        """The text in ``lang`` (``fr``, ``nl`` or ``en``)."""
        return self.why.to(translator("engine", lang))


class MissingForm(_Explained):
    """A session names a form (variant) its scenario file no longer has: it cannot be played again."""

    def __init__(self, scenario_id: str, form: str) -> None:
        super().__init__(
            Message(
                "scenario '{scenario}' no longer has the variant {form} recorded in this session",
                scenario=scenario_id,
                form=form,
            )
        )


@dataclass(frozen=True)
class PlannedContact:
    """A scenario of the épreuve and the minute it arrives."""

    scenario: Scenario
    at_minute: int
    path: str
    sha256: str
    #: The contact that must have ended before this one arrives (a callback), if any.
    after: str | None = None
    #: The scenario's variants (None without): what a seed draws from.
    layer: VariantLayer | None = None
    #: Each form of a scenario with variants, by its key (``cause=adresse,objection=prix``), built
    #: when first asked for (:class:`simulator.engine.form_book.FormBook`).
    forms: Mapping[str, Scenario] = field(default_factory=dict)


@dataclass(frozen=True)
class Bundle:
    """An épreuve and its contacts, in épreuve order."""

    epreuve: Epreuve
    path: str
    sha256: str
    contacts: tuple[PlannedContact, ...]
    #: "epreuve" for an épreuve file, "scenario" for one scenario played on its own (a preview).
    source: str = "epreuve"
    #: The languages the épreuve is complete in (``fr`` first): the only ones a candidate is offered.
    languages: tuple[str, ...] = ("fr",)

    def scenario_hashes(self) -> dict[str, str]:
        return {c.scenario.id: c.sha256 for c in self.contacts}

    def draw(self, seed: int) -> dict[str, dict[str, str]]:
        """The form each scenario with variants gives a candidate with ``seed``: scenario id → dimension → alternative.

        Taken from the épreuve's assembled forms when it has a table that fits it
        (:mod:`simulator.scenario.variants.form_table`), else drawn for the whole épreuve at once by
        a spreading code (:mod:`simulator.scenario.variants.spread`): either way, seeds given in
        sequence get forms far apart."""
        from simulator.scenario.variants.spread import draw_forms

        table = self.form_table()
        if table is not None:
            return table.draw(self.layers(), seed)
        return draw_forms(self.layers(), seed)

    def layers(self) -> list[tuple[str, VariantLayer]]:
        """Each scenario with variants, in épreuve order: its id and what a seed draws from."""
        return [(c.scenario.id, c.layer) for c in self.contacts if c.layer is not None]

    def form_table(self) -> FormTable | None:
        """The épreuve's assembled forms, when it has a table that fits its scenarios as they are."""
        if self.source != "epreuve":
            return None
        from simulator.scenario.variants.form_table import read_table

        table = read_table(self.path)
        return table if table is not None and table.fits(self.layers()) else None

    def with_forms(self, drawn: dict[str, dict[str, str]]) -> Bundle:
        """This épreuve with each scenario replaced by the form ``drawn`` names (as recorded in a session header)."""
        if not drawn:
            return self
        from simulator.scenario.variants.draw import key

        contacts = []
        for planned in self.contacts:
            wanted = drawn.get(planned.scenario.id)
            if wanted is None:
                contacts.append(planned)
                continue
            # a stored header keeps its keys sorted: the form is named in the order the file declares
            declared = planned.layer.variants if planned.layer is not None else {}
            form = key({dim: wanted[dim] for dim in declared if dim in wanted})
            if set(wanted) != set(declared) or form not in planned.forms:
                raise MissingForm(planned.scenario.id, key(wanted))
            contacts.append(replace(planned, scenario=planned.forms[form]))
        return replace(self, contacts=tuple(contacts))

    def contact(self, key: str) -> PlannedContact:
        for planned in self.contacts:
            if planned.scenario.id == key:
                return planned
        raise KeyError(key)


class UnknownEpreuve(_Explained):
    """No épreuve file answers to the name or path given; ``known`` lists the names that would."""

    def __init__(self, given: str, known: tuple[str, ...], *, as_path: bool) -> None:
        if as_path:
            super().__init__(Message("épreuve file not found: {given}", given=given))
        else:
            listed = ", ".join(known) or "—"
            super().__init__(
                Message("unknown épreuve '{given}' (known: {listed})", given=given, listed=listed)
            )
        self.given, self.known = given, known


def source_root() -> Path:
    """The folder holding ``scenarios/`` when callsim runs from its source tree."""
    return Path(__file__).resolve().parents[2]


def known_epreuves() -> tuple[str, ...]:
    """The names ``epreuve_path`` accepts, sorted, each once."""
    return tuple(sorted({entry.name for entry in epreuve_files()}))


def epreuve_path(name_or_path: str | Path) -> Path:
    """The épreuve file a command-line argument names; raise UnknownEpreuve when there is none.

    An existing file, or anything that looks like a path (a ``.yaml`` suffix, a folder part), is
    taken as given. A bare name (``standard``) is ``epreuves/NAME.yaml`` of the first library
    folder that has it (``scenarios/`` here, ``CALLSIM_LIBRARY``, the library bundled with callsim).
    """
    found = named_epreuve(name_or_path)
    if found is not None:
        return found
    raise UnknownEpreuve(str(name_or_path), known_epreuves(), as_path=looks_like_path(name_or_path))


def load_bundle(path: str | Path) -> Bundle:
    """Load and fully check an épreuve file and its scenarios; raise BundleError on any error.

    An épreuve checked before by this version of callsim, with the same bytes in every file, is
    read back from the on-disk cache (``bundle_cache``) instead of being parsed and checked again.
    """
    from simulator.engine import bundle_cache

    try:
        raw = Path(path).read_bytes()
    except OSError:  # the checker says what is wrong with it
        return _checked_bundle(path)
    cached = bundle_cache.read(path, raw)
    if cached is not None:
        return cached
    bundle = _checked_bundle(path)
    if bundle.sha256 == hashlib.sha256(raw).hexdigest():  # not changed while it was being checked
        bundle_cache.write(bundle, raw)
    return bundle


def _checked_bundle(path: str | Path) -> Bundle:
    """Parse and check the épreuve and its scenarios from their YAML (ruamel, with positions)."""
    from simulator.scenario.checker import FileCache  # the checker only when the cache has nothing
    from simulator.scenario.checker.coverage import resolve_contact
    from simulator.scenario.checker.languages import epreuve_languages
    from simulator.scenario.diagnostics import has_errors

    cache = FileCache()
    loaded = cache.load(Path(path), str(path))
    errors = [d for d in loaded.diagnostics if d.severity == "error"]
    if loaded.kind != "epreuve" or loaded.model is None or has_errors(errors):
        raise BundleError(errors or loaded.diagnostics)
    epreuve: Epreuve = loaded.model
    contacts = []
    for entry in epreuve.contacts:
        target = resolve_contact(loaded.path, entry.scenario)
        scenario_file = cache.load(target, str(target))
        contacts.append(
            PlannedContact(
                scenario_file.model,
                entry.at_minute,
                str(target),
                scenario_file.sha256,
                entry.after,
                *_forms_of(scenario_file),
            )
        )
    languages = epreuve_languages(epreuve, [c.scenario for c in contacts])
    return Bundle(epreuve, str(path), loaded.sha256, tuple(contacts), languages=languages)


def single_scenario_bundle(path: str | Path) -> Bundle:
    """A one-contact practice épreuve around one scenario (the trainer's preview)."""
    from simulator.scenario.checker import FileCache
    from simulator.scenario.checker.languages import epreuve_languages
    from simulator.scenario.models import ContactEntry, Epreuve

    cache = FileCache()
    loaded = cache.load(Path(path), str(path))
    errors = [d for d in loaded.diagnostics if d.severity == "error"]
    if loaded.kind != "scenario" or loaded.model is None or errors:
        raise BundleError(errors or loaded.diagnostics)
    scenario: Scenario = loaded.model
    epreuve = Epreuve(
        callsim="epreuve/1",
        id=f"preview-{scenario.id}"[:64],
        version=scenario.version,
        title=scenario.title,
        briefing=scenario.briefing,
        mode="practice",
        time_limit_minutes=max(5, min(300, scenario.duration_minutes * 3)),
        order="fixed",
        contacts=[ContactEntry(scenario=Path(path).name, at_minute=0)],
    )
    planned = PlannedContact(scenario, 0, str(path), loaded.sha256, None, *_forms_of(loaded))
    return Bundle(
        epreuve,
        str(path),
        loaded.sha256,
        (planned,),
        source="scenario",
        languages=epreuve_languages(epreuve, [scenario]),
    )


def _forms_of(loaded: LoadedFile) -> tuple[VariantLayer | None, Mapping[str, Scenario]]:
    """A checked scenario file's variants layer and its forms by key (None and {} without variants)."""
    if loaded.layer is None:
        return None, {}
    from simulator.engine.form_book import FormBook
    from simulator.scenario.variants.draw import key

    checked = {key(form.variant): form.model for form in loaded.forms if form.model is not None}
    return loaded.layer, FormBook(
        loaded.path, loaded.data, loaded.layer, dict(loaded.source_map.written), checked
    )
