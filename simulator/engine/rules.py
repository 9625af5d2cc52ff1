"""Order rules: evidence that comes from the order of a candidate's actions, not from their content.

Each rule names a *skill* of the référentiel; the competency it evidences follows from the
contact's direction (``confirm_agreement`` is 01.09 on an inbound call, 02.04 on an outbound one).
The call state machine fires these rules; the checker reads them to know what a scenario can show.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from types import MappingProxyType
from typing import TYPE_CHECKING, Literal

from simulator.i18n import N_, Message, written_out

if TYPE_CHECKING:
    from simulator.referentiel import Direction


@dataclass(frozen=True)
class OrderRule:
    """One rule: its id, the skill it evidences, the effect, and why (a message id of the engine catalog)."""

    id: str
    skill: str
    effect: Literal["positive", "negative"]
    critical: bool
    reason: str
    #: What must be present in the scenario for the rule to be able to fire.
    needs: frozenset[str]

    @property
    def explanation(self) -> Mapping[str, str]:
        """Why, in French, English and Dutch: the evidence keeps it so (Dutch in a Dutch session only)."""
        return _written(self.reason)


@cache
def _written(reason: str) -> Mapping[str, str]:
    return MappingProxyType(written_out(Message(reason), "engine", ("fr", "en", "nl")))


RULES: tuple[OrderRule, ...] = (
    OrderRule(
        id="ORD-CLOSE-BEFORE-AGREEMENT",
        skill="confirm_agreement",
        effect="negative",
        critical=False,
        reason=N_(
            "The conversation was closed before the agreement was confirmed with the other party."
        ),
        needs=frozenset({"act:confirm", "act:close"}),
    ),
    OrderRule(
        id="ORD-CLOSED-PROPERLY",
        skill="close_conversation",
        effect="positive",
        critical=False,
        reason=N_("The conversation was closed with a closing formula before hanging up."),
        needs=frozenset({"act:close", "phone"}),
    ),
    OrderRule(
        id="ORD-HUNG-UP-ON-CALLER",
        skill="close_conversation",
        effect="negative",
        critical=False,
        reason=N_("The candidate hung up on the other party without closing the conversation."),
        needs=frozenset({"phone"}),
    ),
    OrderRule(
        id="ORD-ABANDONED-COMPLAINT",
        skill="handle_complaints",
        effect="negative",
        critical=False,
        reason=N_("The candidate hung up while the caller's complaint was waiting for an answer."),
        needs=frozenset({"phone", "claims:handle_complaints"}),
    ),
    OrderRule(
        id="ORD-ABANDONED-OBJECTION",
        skill="handle_objections",
        effect="negative",
        critical=False,
        reason=N_(
            "The candidate hung up while the other party's objection was waiting for an answer."
        ),
        needs=frozenset({"phone", "claims:handle_objections"}),
    ),
    OrderRule(
        id="ORD-OFFER-BEFORE-NEED",
        skill="commercial_proposal",
        effect="negative",
        critical=False,
        reason=N_("A commercial proposal was made before any need had been detected."),
        needs=frozenset({"act:offer"}),
    ),
    OrderRule(
        id="ORD-UPSELL-BEFORE-NEED",
        skill="additional_sale",
        effect="negative",
        critical=False,
        reason=N_("An additional sale was offered before any need had been detected."),
        needs=frozenset({"act:offer"}),
    ),
    OrderRule(
        id="ORD-TRANSFER-UNANNOUNCED",
        skill="redirect",
        effect="negative",
        critical=False,
        reason=N_("The call was transferred without telling the caller, or to which service."),
        needs=frozenset({"services", "phone"}),
    ),
    OrderRule(
        id="ORD-HOLD-UNANNOUNCED",
        skill="find_files_or_script",
        effect="negative",
        critical=False,
        reason=N_("The call was put on hold without telling the caller or asking them to wait."),
        needs=frozenset({"phone"}),
    ),
    OrderRule(
        id="ORD-WRAP-UP-EMPTY",
        skill="record_information",
        effect="negative",
        critical=False,
        reason=N_("The after-call note was left empty: nothing was recorded in the file."),
        needs=frozenset({"phone", "note_required"}),
    ),
    OrderRule(
        id="ORD-ANSWERED-IN-TIME",
        skill="detect_needs",
        effect="positive",
        critical=False,
        reason=N_(
            "The call was answered in time: the task at hand gave way to the calling customer."
        ),
        needs=frozenset({"phone", "answer_within"}),
    ),
    OrderRule(
        id="ORD-LEFT-RINGING",
        skill="detect_needs",
        effect="negative",
        critical=False,
        reason=N_(
            "The call rang too long: a task that could wait came before the calling customer."
        ),
        needs=frozenset({"phone", "answer_within"}),
    ),
)

RULES_BY_ID: Mapping[str, OrderRule] = {rule.id: rule for rule in RULES}


def competency_of(rule: OrderRule, direction: Direction) -> str | None:
    """The competency ``rule`` evidences on a contact of ``direction``, or None if it has none there."""
    from simulator.referentiel import get_referentiel

    try:
        return get_referentiel().for_skill(rule.skill, direction).code
    except KeyError:
        return None
