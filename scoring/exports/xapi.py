"""A reviewed session as xAPI 1.0.3 statements: one per competency verdict and one for the épreuve, overrides as voids.

* **actor** — the candidate as an Agent with an ``account`` (``homePage``, default ``urn:callsim``;
  ``name`` the candidate id, or the session's pseudonym in a blind export);
* **verb** — ADL ``passed`` (OK), ``failed`` (NOK) or ``attempted`` (NON OBSERVÉ: too little seen to
  decide, so ``result.success`` is left out), display in fr-BE and en-US;
* **object** — the competency ``urn:callsim:competency:01.09`` (or the épreuve
  ``urn:callsim:epreuve:ID``), its name in fr-BE and en-US;
* **result** — ``success`` and, in ``extensions``, the verdict code and where it comes from;
* **context** — ``registration`` = UUID5 of the session id, the épreuve as ``contextActivities.parent``,
  the assessor as ``instructor`` when the verdict is theirs;
* **timestamp** with the Belgian offset (the end of the épreuve, or the moment of the override),
  and ``version`` 1.0.3.

Ids are UUID5 of stable inputs — the session, the competency, the verdict's source (the automatic
grille's SHA-256, or the override's audit hash) and the actor's account — so exporting again gives
the same ids. An override is a voiding statement (verb ``voided``, object a ``StatementRef`` to the
statement it replaces, actor the assessor) followed by the new verdict; when overrides change the
épreuve's verdict, its statement is voided and replaced the same way.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any
from urllib.parse import quote

from scoring.assessment.model import Override, SessionReview
from scoring.exports.belgian_time import with_offset
from scoring.exports.view import candidate_label, epreuve_verdict, grille_of, grille_source, masker
from simulator.i18n import N_, Message, written_out
from simulator.journal.events import Event, SessionHeader

XAPI_VERSION = "1.0.3"
DEFAULT_HOME_PAGE = "urn:callsim"
#: The namespace of every UUID5 callsim derives (registrations and statement ids).
NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "urn:callsim:xapi")
EXTENSION = "urn:callsim:xapi:"
EPREUVE = "epreuve"

#: Each verb's IRI and its display (a message id of the engine catalog).
VERBS: Mapping[str, tuple[str, str]] = {
    "passed": ("http://adlnet.gov/expapi/verbs/passed", N_("passed")),
    "failed": ("http://adlnet.gov/expapi/verbs/failed", N_("failed")),
    "attempted": ("http://adlnet.gov/expapi/verbs/attempted", N_("attempted")),
    "voided": ("http://adlnet.gov/expapi/verbs/voided", N_("voided")),
}
VERB_OF_VERDICT = {"ok": "passed", "nok": "failed", "not_observed": "attempted"}
_ENDINGS = ("session_finished", "time_up")


def _language_tag(lang: str) -> str:
    """The BCP 47 tag of a session's language: Belgian French and Dutch, plain English."""
    return f"{lang}-BE" if lang in ("fr", "nl") else lang


def _display(label: str) -> dict[str, str]:
    """A verb's display language map, in French (fr-BE) and English (en-US) as statements keep it."""
    shown = written_out(Message(label), "engine")
    return {"fr-BE": shown["fr"], "en-US": shown["en"]}


def registration(session_id: str) -> str:
    """The xAPI registration of a session: UUID5 of its id."""
    return str(uuid.uuid5(NAMESPACE, session_id))


def statement_id(*parts: str) -> str:
    """A UUID5 of ``parts`` (joined with a separator no part contains)."""
    return str(uuid.uuid5(NAMESPACE, "\x1f".join(parts)))


def statements(
    review: SessionReview,
    header: SessionHeader,
    events: Sequence[Event],
    *,
    blind: bool = False,
    home_page: str = DEFAULT_HOME_PAGE,
) -> list[dict[str, Any]]:
    """Every statement of one session, in time order: the automatic verdicts, then each override's void + new."""
    grille = grille_of(review)
    build = _Statements(review, header, blind, home_page)
    ended = _ended_at(header, events)
    duration = _duration(events)
    source = grille_source(review)
    automatic = review.automatic()
    out, in_force = [], {}
    for item in grille["competencies"]:
        code = item["code"]
        statement = build.competency(code, automatic[code], source, ended, None)
        in_force[code] = statement["id"]
        out.append(statement)
    epreuve_now = grille["verdict"]
    statement = build.epreuve(epreuve_now, automatic, source, ended, None, duration)
    in_force[EPREUVE] = statement["id"]
    out.append(statement)
    verdicts = dict(automatic)
    for override in review.overrides:
        code = override.competency
        if code in in_force:
            out.append(build.void(in_force[code], code, override))
        statement = build.competency(
            code, override.verdict, override.audit_hash, override.at, override
        )
        in_force[code] = statement["id"]
        out.append(statement)
        verdicts[code] = override.verdict
        now = epreuve_verdict(review, verdicts)
        if now != epreuve_now:
            out.append(build.void(in_force[EPREUVE], EPREUVE, override))
            statement = build.epreuve(
                now, verdicts, override.audit_hash, override.at, override, duration
            )
            in_force[EPREUVE], epreuve_now = statement["id"], now
            out.append(statement)
    return out


def render_statements(items: Sequence[Mapping[str, Any]]) -> str:
    """A JSON array, indented, keys sorted (same statements → same bytes)."""
    return json.dumps(list(items), indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def export_xapi(
    review: SessionReview,
    header: SessionHeader,
    events: Sequence[Event],
    *,
    blind: bool = False,
    lang: str = "fr",
    home_page: str = DEFAULT_HOME_PAGE,
) -> str:
    """One session's statements as a JSON array (``lang`` is unused: names are given in both languages)."""
    return render_statements(statements(review, header, events, blind=blind, home_page=home_page))


class _Statements:
    """Builds the statements of one session (shared actor, registration, parent activity)."""

    def __init__(
        self, review: SessionReview, header: SessionHeader, blind: bool, home_page: str
    ) -> None:
        from simulator.referentiel import get_referentiel

        self.review, self.home_page = review, home_page
        self.referentiel = get_referentiel()
        self.candidate = candidate_label(review, blind)
        self.mask = masker(review, blind)
        self.automatic = {**review.automatic(), EPREUVE: grille_of(review)["verdict"]}
        self.registration = registration(review.session_id)
        self.language = _language_tag(header.language)
        epreuve = header.epreuve_id
        self.parent = {
            "objectType": "Activity",
            "id": f"urn:callsim:epreuve:{quote(epreuve, safe='-._~')}",
            "definition": {
                "name": {
                    "fr-BE": f"Épreuve {epreuve} — titre de compétence « Opérateur call center »",
                    "en-US": f"Épreuve {epreuve} — « Opérateur call center » competency standard",
                },
                "type": "http://adlnet.gov/expapi/activities/assessment",
            },
        }

    def agent(self, name: str) -> dict[str, Any]:
        return {"objectType": "Agent", "account": {"homePage": self.home_page, "name": name}}

    def competency(
        self, code: str, verdict: str, source: str, at: str, override: Override | None
    ) -> dict[str, Any]:
        competency = self.referentiel.competency(code)
        activity = {
            "objectType": "Activity",
            "id": f"urn:callsim:competency:{code}",
            "definition": {
                "name": {"fr-BE": competency.label("fr"), "en-US": competency.label("en")},
                "type": "http://adlnet.gov/expapi/activities/objective",
            },
        }
        context = self._context(source, override)
        context["contextActivities"] = {"parent": [self.parent]}
        return self._verdict(code, verdict, source, at, override, activity, context, {})

    def epreuve(
        self,
        verdict: str,
        verdicts: Mapping[str, str],
        source: str,
        at: str,
        override: Override | None,
        duration: str | None,
    ) -> dict[str, Any]:
        from scoring.verdicts import counts

        extra: dict[str, Any] = {"duration": duration} if duration else {}
        statement = self._verdict(
            EPREUVE,
            verdict,
            source,
            at,
            override,
            self.parent,
            self._context(source, override),
            extra,
        )
        statement["result"]["extensions"][EXTENSION + "counts"] = counts(verdicts.values())
        return statement

    def void(self, voided_id: str, subject: str, override: Override) -> dict[str, Any]:
        """The statement that voids ``voided_id`` because of ``override`` (the assessor is its actor)."""
        verb_id, label = VERBS["voided"]
        return {
            "id": statement_id(
                "void",
                self.review.session_id,
                subject,
                override.audit_hash,
                self.home_page,
                self.candidate,
            ),
            "actor": self.agent(override.assessor),
            "verb": {"id": verb_id, "display": _display(label)},
            "object": {"objectType": "StatementRef", "id": voided_id},
            "context": {"registration": self.registration},
            "timestamp": with_offset(override.at),
            "version": XAPI_VERSION,
        }

    def _verdict(
        self,
        subject: str,
        verdict: str,
        source: str,
        at: str,
        override: Override | None,
        activity: Mapping[str, Any],
        context: dict[str, Any],
        result: dict[str, Any],
    ) -> dict[str, Any]:
        verb_id, label = VERBS[VERB_OF_VERDICT[verdict]]
        extensions: dict[str, Any] = {
            EXTENSION + "verdict": verdict,
            EXTENSION + "source": "assessor" if override else "automatic",
        }
        if override is not None:
            extensions[EXTENSION + "reason"] = self.mask(override.reason)
            extensions[EXTENSION + "automatic"] = self.automatic[subject]
        if verdict != "not_observed":
            result["success"] = verdict == "ok"
        result["extensions"] = extensions
        return {
            "id": statement_id(
                "verdict", self.review.session_id, subject, source, self.home_page, self.candidate
            ),
            "actor": self.agent(self.candidate),
            "verb": {"id": verb_id, "display": _display(label)},
            "object": dict(activity),
            "result": result,
            "context": context,
            "timestamp": with_offset(at),
            "version": XAPI_VERSION,
        }

    def _context(self, source: str, override: Override | None) -> dict[str, Any]:
        context: dict[str, Any] = {
            "registration": self.registration,
            "platform": "callsim",
            "language": self.language,
            "extensions": {
                EXTENSION + "session": self.review.session_id,
                EXTENSION + ("audit-hash" if override else "grille-sha256"): source,
            },
        }
        if override is not None:
            context["instructor"] = self.agent(override.assessor)
        return context


def _ended_at(header: SessionHeader, events: Sequence[Event]) -> str:
    """When the épreuve ended (its last ending event; else its last event; else its start)."""
    ending = next((e for e in reversed(events) if e.type in _ENDINGS), None)
    if ending is not None:
        return ending.at
    return events[-1].at if events else header.created_at


def _duration(events: Sequence[Event]) -> str | None:
    """The épreuve's length as an ISO 8601 duration (``PT42M10S``), from its first event to its end."""
    if not events:
        return None
    ending = next((e for e in reversed(events) if e.type in _ENDINGS), events[-1])
    millis = round(
        (datetime.fromisoformat(ending.at) - datetime.fromisoformat(events[0].at)).total_seconds()
        * 1000
    )
    hours, rest = divmod(max(millis, 0), 3_600_000)
    minutes, rest = divmod(rest, 60_000)
    seconds = f"{rest // 1000}.{rest % 1000:03d}".rstrip("0").rstrip(".")
    return (
        "PT" + (f"{hours}H" if hours else "") + (f"{minutes}M" if minutes else "") + f"{seconds}S"
    )
