"""Order rules: evidence that comes from the order of a candidate's actions, not from their content.

Each rule names a *skill* of the référentiel; the competency it evidences follows from the
contact's direction (``confirm_agreement`` is 01.09 on an inbound call, 02.04 on an outbound one).
The call state machine fires these rules; the checker reads them to know what a scenario can show.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from simulator.referentiel import Direction


@dataclass(frozen=True)
class OrderRule:
    """One rule: its id, the skill it evidences, the effect, and why (FR, EN and NL)."""

    id: str
    skill: str
    effect: Literal["positive", "negative"]
    critical: bool
    explanation: Mapping[str, str]
    #: What must be present in the scenario for the rule to be able to fire.
    needs: frozenset[str]


RULES: tuple[OrderRule, ...] = (
    OrderRule(
        id="ORD-CLOSE-BEFORE-AGREEMENT",
        skill="confirm_agreement",
        effect="negative",
        critical=False,
        explanation={
            "fr": "L'entretien a été conclu avant que l'accord ne soit confirmé avec l'interlocuteur.",
            "en": "The conversation was closed before the agreement was confirmed with the other party.",
            "nl": "Het gesprek werd afgesloten voordat het akkoord met de gesprekspartner bevestigd was.",
        },
        needs=frozenset({"act:confirm", "act:close"}),
    ),
    OrderRule(
        id="ORD-CLOSED-PROPERLY",
        skill="close_conversation",
        effect="positive",
        critical=False,
        explanation={
            "fr": "L'entretien a été conclu par une formule de clôture avant de raccrocher.",
            "en": "The conversation was closed with a closing formula before hanging up.",
            "nl": "Het gesprek werd met een slotformule afgesloten voordat er werd opgehangen.",
        },
        needs=frozenset({"act:close", "phone"}),
    ),
    OrderRule(
        id="ORD-HUNG-UP-ON-CALLER",
        skill="close_conversation",
        effect="negative",
        critical=False,
        explanation={
            "fr": "Le candidat a raccroché au nez de l'interlocuteur, sans conclure l'entretien.",
            "en": "The candidate hung up on the other party without closing the conversation.",
            "nl": "De kandidaat heeft de gesprekspartner zomaar ingehaakt, zonder het gesprek af te sluiten.",
        },
        needs=frozenset({"phone"}),
    ),
    OrderRule(
        id="ORD-ABANDONED-COMPLAINT",
        skill="handle_complaints",
        effect="negative",
        critical=False,
        explanation={
            "fr": "Le candidat a raccroché alors que la réclamation de l'interlocuteur attendait une réponse.",
            "en": "The candidate hung up while the caller's complaint was waiting for an answer.",
            "nl": "De kandidaat heeft ingehaakt terwijl de klacht van de gesprekspartner op een antwoord wachtte.",
        },
        needs=frozenset({"phone", "claims:handle_complaints"}),
    ),
    OrderRule(
        id="ORD-ABANDONED-OBJECTION",
        skill="handle_objections",
        effect="negative",
        critical=False,
        explanation={
            "fr": "Le candidat a raccroché alors que l'objection de l'interlocuteur attendait une réponse.",
            "en": "The candidate hung up while the other party's objection was waiting for an answer.",
            "nl": "De kandidaat heeft ingehaakt terwijl het bezwaar van de gesprekspartner op een antwoord wachtte.",
        },
        needs=frozenset({"phone", "claims:handle_objections"}),
    ),
    OrderRule(
        id="ORD-OFFER-BEFORE-NEED",
        skill="commercial_proposal",
        effect="negative",
        critical=False,
        explanation={
            "fr": "Une proposition commerciale a été faite avant d'avoir détecté le besoin.",
            "en": "A commercial proposal was made before any need had been detected.",
            "nl": "Er werd een commercieel voorstel gedaan voordat de behoefte achterhaald was.",
        },
        needs=frozenset({"act:offer"}),
    ),
    OrderRule(
        id="ORD-UPSELL-BEFORE-NEED",
        skill="additional_sale",
        effect="negative",
        critical=False,
        explanation={
            "fr": "Une vente additionnelle a été proposée avant d'avoir détecté le besoin.",
            "en": "An additional sale was offered before any need had been detected.",
            "nl": "Er werd een bijkomende verkoop voorgesteld voordat de behoefte achterhaald was.",
        },
        needs=frozenset({"act:offer"}),
    ),
    OrderRule(
        id="ORD-TRANSFER-UNANNOUNCED",
        skill="redirect",
        effect="negative",
        critical=False,
        explanation={
            "fr": "L'appel a été transféré sans prévenir l'interlocuteur ni lui dire vers quel service.",
            "en": "The call was transferred without telling the caller, or to which service.",
            "nl": "De oproep werd doorverbonden zonder de beller te verwittigen of te zeggen naar welke dienst.",
        },
        needs=frozenset({"services", "phone"}),
    ),
    OrderRule(
        id="ORD-HOLD-UNANNOUNCED",
        skill="find_files_or_script",
        effect="negative",
        critical=False,
        explanation={
            "fr": "L'appel a été mis en attente sans prévenir l'interlocuteur ni lui demander de patienter.",
            "en": "The call was put on hold without telling the caller or asking them to wait.",
            "nl": "De oproep werd in de wacht gezet zonder de beller te verwittigen of te vragen even te wachten.",
        },
        needs=frozenset({"phone"}),
    ),
    OrderRule(
        id="ORD-WRAP-UP-EMPTY",
        skill="record_information",
        effect="negative",
        critical=False,
        explanation={
            "fr": "La note d'après-appel a été laissée vide : rien n'est consigné dans le dossier.",
            "en": "The after-call note was left empty: nothing was recorded in the file.",
            "nl": "De nota na het gesprek werd leeg gelaten: er werd niets in het dossier genoteerd.",
        },
        needs=frozenset({"phone", "note_required"}),
    ),
    OrderRule(
        id="ORD-ANSWERED-IN-TIME",
        skill="detect_needs",
        effect="positive",
        critical=False,
        explanation={
            "fr": "L'appel a été pris à temps : la tâche en cours a cédé la priorité au client qui appelle.",
            "en": "The call was answered in time: the task at hand gave way to the calling customer.",
            "nl": "De oproep werd op tijd beantwoord: de lopende taak maakte plaats voor de klant die belt.",
        },
        needs=frozenset({"phone", "answer_within"}),
    ),
    OrderRule(
        id="ORD-LEFT-RINGING",
        skill="detect_needs",
        effect="negative",
        critical=False,
        explanation={
            "fr": "L'appel a sonné trop longtemps : une tâche qui peut attendre est passée avant le client qui appelle.",
            "en": "The call rang too long: a task that could wait came before the calling customer.",
            "nl": "De oproep ging te lang over: een taak die kon wachten ging voor op de klant die belt.",
        },
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
