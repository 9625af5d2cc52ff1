"""Item analysis of what the tools must give: facts handed over, rescues that name the answer, claimed tool work.

``fact-not-in-tool``: a candidate reply uses a ``facts.*`` value or a customer-record field that no
tool of the scenario shows and that the other party has not said on every path before it.
``rescue-names-answer``: a narrator's or supervisor's line names a value an end-of-contact check
expects. ``reply-earns-tool-evidence``: a reply claims tool work (a record updated, a slot booked, a
form filled, a mail sent, a transfer made) and earns the positive evidence of a competency the
rubric judges on the tools' final state.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from simulator.i18n import N_, Message
from simulator.scenario.checker.graph import edges
from simulator.scenario.checker.items_shown import facts_shown_by_value, texts_of
from simulator.scenario.models import LANGS, Scenario
from simulator.scenario.models.checks import (
    AppointmentCheck,
    FormCheck,
    RecordFieldCheck,
    TransferCheck,
)
from simulator.scenario.models.common import Text, text_in

_VARIABLE = re.compile(r"\b(facts|customer)\.([a-z_][a-z0-9_]*)")
_TEMPLATE = re.compile(r"\{\{(.*?)\}\}|\{%(.*?)%\}", re.DOTALL)
#: Customer fields that show the same piece of the record (the name, the street address, the locality).
_GROUPS = {
    "name": {"title", "first_name", "last_name", "full_name", "formal_name", "gender"},
    "address": {"street", "number", "box", "address_line"},
    "locality": {"postcode", "city", "postal_line", "region"},
}
_OTHER_PARTY = ("customer",)

#: What a reply must say to claim a tool deed, by theme (French, Dutch, English).
_CLAIMS = {
    "record": r"(j'ai|je) (bien )?(not|enregistr|mis à jour|mets à jour|corrig|modifi|encod|ajout|saisi|rectifi)\w*"
    r"|ik (heb )?\w* ?(genoteerd|aangepast|bijgewerkt|ingevoerd|verbeterd)|i(?:'ve| have)? (updated|recorded|noted|corrected)",
    "booking": r"(j'ai|je (vous )?)(réserv|bloqu|inscri|planifi|fix|cal)\w* .{0,40}(rendez-vous|créneau|agenda|intervention|visite|passage)"
    r"|ik (heb )?\w* ?(geboekt|ingepland|vastgelegd)|i(?:'ve| have)? (booked|scheduled)",
    "form": r"(j'ai|je) (rempli|rempl|complét|encod|envoi|envoy|transm)\w* .{0,30}formulaire|formulier|(filled|submitted) .{0,20}form",
    "mail": r"(j'ai|je vous|je) (envoy|envoi|transm|adress)\w* .{0,40}(mail|courriel|fax|confirmation écrite)"
    r"|ik (stuur|mail|heb .{0,20} gestuurd)|i(?:'ve| have)? (sent|mailed|emailed)",
    "transfer": r"je vous (transfère|passe|mets en relation)|je transf\w*|ik verbind u door|i(?:'ll| will)? (transfer|put you through)",
    "documents": r"(j'ai|je (vous )?)(sélectionn|joi|choisi|retenu)\w* .{0,30}(document|article|brochure|fiche d'information|pièce)",
}
_CLAIM_RE = {theme: re.compile(pattern, re.IGNORECASE) for theme, pattern in _CLAIMS.items()}
#: The themes each competency's rubric-2 *deed* criterion judges from the tools' final state.
DEED_THEMES: dict[str, tuple[str, ...]] = {
    "01.02": ("record", "booking", "mail", "form"),
    "01.04": ("record",),
    "01.05": ("record",),
    "02.03": ("record",),
    "03.02": ("record",),
    "01.07": ("transfer",),
    "02.02": ("booking",),
    "03.04": ("booking",),
    "02.05": ("record", "booking", "mail"),
    "03.01": ("documents",),
    "03.03": ("form",),
    "03.05": ("mail",),
}


def _variables(text: str) -> set[str]:
    found: set[str] = set()
    for block in _TEMPLATE.finditer(text):
        body = block.group(1) or block.group(2) or ""
        found.update(f"{base}.{name}" for base, name in _VARIABLE.findall(body))
    return found


def _key(variable: str) -> str:
    """Customer fields of one group count as the same piece of information."""
    base, name = variable.split(".", 1)
    if base == "customer":
        for group, members in _GROUPS.items():
            if name in members:
                return f"customer.{group}"
    return variable


def shown_by_tools(scenario: Scenario) -> set[str]:
    """The facts and record pieces a tool of the scenario shows (keys as ``_key`` makes them)."""
    res = scenario.resources
    texts: list[str] = []
    for article in res.documentation:
        texts += [*texts_of(article.title), *texts_of(article.body)]
    for message in res.inbox:
        texts += [message.sender, *texts_of(message.subject), *texts_of(message.body)]
    for service in res.services:
        texts += [*texts_of(service.name), *texts_of(service.handles)]
    shown = {_key(v) for text in texts for v in _variables(text)}
    db = res.customer_db
    if db is not None and db.target_in_db:
        shown |= {_key(f"customer.{field}") for group in _GROUPS.values() for field in group}
        shown |= {
            "customer.phone",
            "customer.mobile",
            "customer.email",
            "customer.birth_date",
            "customer.iban",
            "customer.language",
            "customer.customer_id",
        }
        shown |= {_key(v) for value in db.target_overrides.values() for v in _variables(value)}
    joined = "\n".join(texts).casefold()
    for name, value in scenario.facts.items():
        if "{" not in value and len(value) >= 4 and value.casefold() in joined:
            shown.add(f"facts.{name}")
    return shown | facts_shown_by_value(scenario)


def said_before(scenario: Scenario) -> dict[str, set[str]]:
    """Per node, what the other party has said on every path from the start to it (a must-analysis)."""
    preds: dict[str, list[str]] = {node_id: [] for node_id in scenario.nodes}
    for node_id, node in scenario.nodes.items():
        for target, _ in edges(node):
            if target in preds:
                preds[target].append(node_id)
    said = {node_id: _said_at(node) for node_id, node in scenario.nodes.items()}
    everything = set().union(*said.values()) if said else set()
    into = {node_id: set(everything) for node_id in scenario.nodes}
    into[scenario.start] = set()
    changed = True
    while changed:
        changed = False
        for node_id in scenario.nodes:
            if node_id == scenario.start:
                continue
            new = set(everything)
            for pred in preds[node_id]:
                new &= into[pred] | said[pred]
            if not preds[node_id]:
                new = set()
            if new != into[node_id]:
                into[node_id], changed = new, True
    return {node_id: into[node_id] | said[node_id] for node_id in scenario.nodes}


def _said_at(node) -> set[str]:
    if node.speaker not in _OTHER_PARTY:
        return set()
    return {_key(v) for text in texts_of(node.say) for v in _variables(text)}


def unshown_facts(scenario: Scenario) -> Iterator[tuple[tuple, str]]:
    """Each candidate reply (path to its text) and the fact or record piece it hands over."""
    shown = shown_by_tools(scenario)
    known = said_before(scenario)
    for node_id, node in scenario.nodes.items():
        for index, reply in enumerate(node.replies or ()):
            for variable in sorted(_variables(text_in(reply.text, "fr"))):
                key = _key(variable)
                if key not in shown and key not in known.get(node_id, set()):
                    yield ("nodes", node_id, "replies", index, "text"), variable


def expected_values(scenario: Scenario) -> list[str]:
    """The values end-of-contact checks expect: record fields, form fields, the slot's time, the service's name."""
    values: list[str] = []
    slots = {
        s.id: s for s in (scenario.resources.agenda.slots if scenario.resources.agenda else [])
    }
    services = {s.id: s for s in scenario.resources.services}
    for check in scenario.checks:
        if isinstance(check, RecordFieldCheck):
            values.append(check.equals)
        elif isinstance(check, FormCheck):
            values += list(check.fields.values())
        elif isinstance(check, AppointmentCheck) and check.slot in slots:
            slot = slots[check.slot]
            values += [slot.time, slot.time.replace(":", "h")]
        elif isinstance(check, TransferCheck) and check.service in services:
            values.append(text_in(services[check.service].name, "fr"))
    return values


def named_value(line: str, values: list[str]) -> str | None:
    """The first expected value ``line`` names (a templated value by its facts; a literal one as written)."""
    used = {v for v in _variables(line) if v.startswith("facts.")}
    folded = line.casefold()
    for value in values:
        facts = {v for v in _variables(value) if v.startswith("facts.")}
        if facts & used:
            return min(facts & used)
        literal = _TEMPLATE.sub("", value).strip()
        if (
            "{" not in value
            and len(literal) >= 4
            and not literal.isdigit()
            and re.search(rf"(?<!\w){re.escape(literal.casefold())}(?!\w)", folded)
        ):
            return literal
    return None


def claimed_deed(text: str, competency: str) -> str | None:
    """The tool deed ``text`` claims that the rubric judges on the tools for ``competency``, or None."""
    for theme in DEED_THEMES.get(competency, ()):
        if _CLAIM_RE[theme].search(text):
            return theme
    return None


def check_tool_items(scenario: Scenario, ctx) -> None:
    """Warn on handed-over facts, rescues that name the answer, and replies that earn tool evidence."""
    for where, variable in unshown_facts(scenario):
        ctx.warning(where, "fact-not-in-tool", name=variable)
    values = expected_values(scenario)
    for node_id, node in scenario.nodes.items():
        if node.speaker in ("system", "supervisor") and values:
            for lang_path, line in _lines(node.say):
                value = named_value(line, values)
                if value is not None:
                    ctx.warning(
                        ("nodes", node_id, "say", *lang_path), "rescue-names-answer", value=value
                    )
                    break
        for index, reply in enumerate(node.replies or ()):
            for evidence in reply.evidence:
                theme = claimed_deed(text_in(reply.text, "fr"), evidence.competency)
                if evidence.effect == "positive" and theme is not None:
                    ctx.warning(
                        ("nodes", node_id, "replies", index, "text"),
                        "reply-earns-tool-evidence",
                        competency=evidence.competency,
                        theme=_THEME_NAMES[theme],
                    )
                    break


_THEME_NAMES = {
    "record": Message(N_("the customer record")),
    "booking": Message(N_("the agenda")),
    "form": Message(N_("the form")),
    "mail": Message(N_("the mail")),
    "transfer": Message(N_("the transfer")),
    "documents": Message(N_("the document selection")),
}


def _lines(text: Text | None) -> Iterator[tuple[tuple[str, ...], str]]:
    if text is None:
        return
    if isinstance(text, str):
        yield (), text
        return
    for lang in LANGS:
        if getattr(text, lang):
            yield (lang,), getattr(text, lang)
