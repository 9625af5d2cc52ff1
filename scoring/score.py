"""Score a transcript: ``score`` reads the evidence the journal carries; ``rescore`` re-derives it by replay.

Both are pure: the same header, events, rubric (and, for ``rescore``, the same scenario files)
give the same grille, byte for byte. Nothing here reads the clock, a random generator or a file
other than the ones handed in.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from operator import attrgetter
from typing import Any

from scoring.excerpts import ExcerptReader
from scoring.grille import build_grille
from scoring.quoted import quoted_error
from scoring.rubric import LoadedRubric
from scoring.transcripts import scored_payloads
from simulator.i18n import DEFAULT_LANG, N_, Message, translator
from simulator.journal.events import Event, SessionHeader


class ScoringError(Exception):
    """A transcript cannot be scored: a stable ``code`` and ``why``, translated where it is shown."""

    def __init__(self, code: str, why: Message) -> None:
        super().__init__(str(why))
        self.code, self.why = code, why

    def message(self, lang: str = DEFAULT_LANG) -> str:
        """Why, in ``lang`` (fr, nl or en)."""
        return self.why.to(translator("engine", lang))


def score(
    header: SessionHeader,
    events: Iterable[Event],
    rubric: LoadedRubric,
    *,
    scenario_versions: Mapping[str, str] | None = None,
    confirmations: Mapping[tuple[int, str], bool] | None = None,
) -> dict[str, Any]:
    """The grille of a journal, from the evidence its events carry (as observed during the épreuve);
    unsure typed texts count only as ``confirmations`` (see scoring.confirmations) decide them."""
    ordered = sorted(events, key=_SEQ)
    items, moments = _journal_evidence(ordered)
    return build_grille(
        header,
        ordered,
        items,
        moments,
        rubric,
        source="journal",
        scenario_versions=scenario_versions,
        confirmations=confirmations,
    )


def rescore(
    header: SessionHeader,
    events: Iterable[Event],
    bundle: Any,
    rubric: LoadedRubric,
    *,
    confirmations: Mapping[tuple[int, str], bool] | None = None,
    replay: bool = False,
) -> dict[str, Any]:
    """The grille of a journal with the evidence the engine derives from it on ``bundle`` today.

    The engine replays the journal (leniently: a changed scenario rule gives changed evidence
    instead of an error) — unless nothing the evidence depends on changed: the épreuve files are
    the ones the session was played on and the journal was written by this version of callsim.
    The engine is deterministic, so a replay would then derive exactly the evidence the journal
    already holds, and that is taken (``tests/scoring/test_rescore_replay.py`` holds the two equal,
    byte for byte); ``replay=True`` runs the engine all the same. The grille records whether the
    scenario files are the ones the session was played on.
    """
    from simulator import installed_version

    ordered = sorted(events, key=_SEQ)
    same = (
        header.epreuve_hash == bundle.sha256
        and dict(header.scenario_hashes) == bundle.scenario_hashes()
    )
    if same and not replay and header.app_version == installed_version():
        items, moments = _journal_evidence(ordered)
    else:
        items, moments = _replay_evidence(header, ordered, bundle)
    versions = {c.scenario.id: c.scenario.version for c in bundle.contacts}
    return build_grille(
        header,
        ordered,
        items,
        moments,
        rubric,
        source="replay",
        scenario_versions=versions if same else None,
        extra=_replay_record(bundle, same),
        confirmations=confirmations,
    )


Items = list[tuple[str, int, dict[str, Any]]]


def _journal_evidence(ordered: list[Event]) -> tuple[Items, list[dict[str, Any]]]:
    """The observations the journal's events carry (competency, order, entry) and their moments."""
    reader = ExcerptReader()
    moment, feed = reader.moment, reader.feed
    items: Items = []
    moments: list[dict[str, Any]] = []
    add_item, add_moment = items.append, moments.append
    for event, payload in scored_payloads(ordered):
        carried = payload.get("evidence")
        if carried:
            found = moment(event.type, event.at, payload)
            found["seq"] = seq = event.seq
            add_moment(found)
            for order, evidence in enumerate(carried):
                add_item(_entry(evidence, seq, order))
        feed(event.type, payload)
    return items, moments


def _replay_evidence(
    header: SessionHeader, ordered: list[Event], bundle: Any
) -> tuple[Items, list[dict[str, Any]]]:
    """The observations the engine derives again by replaying the journal on ``bundle``, and their moments."""
    session = _replayed(header, ordered, bundle)
    by_seq: dict[int, list[Any]] = {}
    for evidence in session.evidence():
        by_seq.setdefault(evidence.seq, []).append(evidence)
    reader = ExcerptReader()
    items: Items = []
    moments: list[dict[str, Any]] = []
    for event in ordered:
        found = by_seq.get(event.seq)
        if found:
            moments.append(_moment(reader, event, event.payload))
            items.extend(
                _entry(evidence.to_json(), event.seq, order) for order, evidence in enumerate(found)
            )
        reader.feed(event.type, event.payload)
    return items, moments


def _replayed(header: SessionHeader, ordered: list[Event], bundle: Any) -> Any:
    """The session the engine rebuilds from the journal (leniently); ``ScoringError`` when it cannot."""
    from simulator.engine.session import EpreuveSession, SessionError
    from simulator.engine.toolbox import ActionRefused

    try:
        return EpreuveSession.replay(header, ordered, bundle, strict=False)
    except (SessionError, ActionRefused, LookupError, ValueError, TypeError) as exc:
        why = Message(
            N_("replaying the journal on the current épreuve fails ({reason})"),
            reason=quoted_error(exc),
        )
        raise ScoringError("replay-failed", why) from exc


def _replay_record(bundle: Any, same: bool) -> dict[str, Any]:
    """What the grille records of the replay: the épreuve's hash, whether its files changed, its scenarios."""
    replayed = [
        {"id": c.scenario.id, "sha256": c.sha256, "version": c.scenario.version}
        for c in bundle.contacts
    ]
    return {
        "replay": {
            "epreuve_sha256": bundle.sha256,
            "scenario_files": "same" if same else "changed",
            "scenarios": replayed,
        }
    }


_SEQ = attrgetter("seq")


def _moment(reader: ExcerptReader, event: Event, payload: Mapping[str, Any]) -> dict[str, Any]:
    """The moment of an event that carries evidence: its seq, time, contact, action and excerpt."""
    moment = reader.moment(event.type, event.at, payload)
    moment["seq"] = event.seq
    return moment


def _entry(evidence: Mapping[str, Any], seq: int, order: int) -> tuple[str, int, dict[str, Any]]:
    """(competency, order in its event, the observation as the grille lists it); its moment is found by ``seq``."""
    get = evidence.get
    entry = {
        "seq": seq,
        "contact": str(get("contact", "")),
        "effect": "positive" if get("effect") == "positive" else "negative",
        "critical": get("critical") is True,
        "rule": str(get("rule", "")),
        "source": str(get("source", "")),
        "explanation": get("explanation") or {},
    }
    if detail := get("detail"):
        entry["detail"] = detail
    if get("unsure") is True:
        entry["unsure"] = True
    return str(get("competency", "")), order, entry
