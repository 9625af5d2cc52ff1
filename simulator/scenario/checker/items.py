"""Item analysis of choice points: a right reply a test-wise candidate could find without knowing the work.

Node rules: the right reply stands out by its length (``cue-length-outlier``), is the only polite one
(``cue-only-polite``), echoes the prompt's words more than every distractor (``cue-prompt-echo``);
the question is asked by the narrator or a supervisor instead of the other party
(``narrator-question``). Scenario rule: the right reply is the strictly longest in more than 40 % of
the choice points (``cue-longest-share``). Thresholds are those of the trainer's guide.
"""

from __future__ import annotations

from simulator.i18n import N_, Message
from simulator.scenario.checker.context import FileContext
from simulator.scenario.checker.cues import (
    ChoicePoint,
    choice_point,
    content_words,
    cue_picks,
    length,
    polite,
)
from simulator.scenario.models import Scenario

#: A right reply longer than this many times the longest distractor stands out.
LONG_RATIO = 1.4
#: A right reply shorter than this many times the shortest distractor stands out.
SHORT_RATIO = 0.7
#: How many more prompt words the right reply must share than every distractor to be an echo.
ECHO_MARGIN = 2
#: Share of choice points above which « the longest reply is right » is a usable cue.
LONGEST_SHARE = 0.40
#: Choice points a scenario needs before the share means anything.
MIN_POINTS = 3

#: The codes of the item analysis (warnings that ``--strict`` counts only with ``--items strict``).
ITEM_CODES = frozenset(
    {
        "cue-length-outlier",
        "cue-only-polite",
        "cue-prompt-echo",
        "narrator-question",
        "fact-not-in-tool",
        "rescue-names-answer",
        "reply-earns-tool-evidence",
        "cue-longest-share",
    }
)


def choice_points(scenario: Scenario) -> list[ChoicePoint]:
    """The scenario's choice points, in file order."""
    return [
        point for node_id, node in scenario.nodes.items() if (point := choice_point(node_id, node))
    ]


def check_items(scenario: Scenario, ctx: FileContext) -> None:
    """Warn on every choice point a cue answers, and on a scenario where the longest reply is too often right."""
    points = choice_points(scenario)
    for point in points:
        _length(point, ctx)
        _polite(point, ctx)
        _echo(point, ctx)
        _narrator(point, ctx)
    _longest_share(points, ctx)


def _reply_path(point: ChoicePoint, index: int) -> tuple:
    return ("nodes", point.node_id, "replies", index, "text")


def _length(point: ChoicePoint, ctx: FileContext) -> None:
    wrong = [length(point.text(i)) for i in point.wrong]
    longest, shortest = max(wrong), min(wrong)
    for index in point.right:
        size = length(point.text(index))
        if size > LONG_RATIO * longest:
            ctx.warning(
                _reply_path(point, index),
                "cue-length-outlier",
                size=size,
                other=longest,
                side=Message(N_("longer")),
                ratio=LONG_RATIO,
            )
        elif size < SHORT_RATIO * shortest:
            ctx.warning(
                _reply_path(point, index),
                "cue-length-outlier",
                size=size,
                other=shortest,
                side=Message(N_("shorter")),
                ratio=SHORT_RATIO,
            )


def _polite(point: ChoicePoint, ctx: FileContext) -> None:
    if any(polite(point.text(i)) for i in point.wrong):
        return
    for index in point.right:
        if polite(point.text(index)):
            ctx.warning(_reply_path(point, index), "cue-only-polite")


def _echo(point: ChoicePoint, ctx: FileContext) -> None:
    said = content_words(point.say())
    if not said:
        return
    best_wrong = max(len(content_words(point.text(i)) & said) for i in point.wrong)
    for index in point.right:
        shared = content_words(point.text(index)) & said
        if len(shared) >= best_wrong + ECHO_MARGIN:
            ctx.warning(
                _reply_path(point, index),
                "cue-prompt-echo",
                words=", ".join(sorted(shared)),
                count=len(shared),
                other=best_wrong,
            )


def _narrator(point: ChoicePoint, ctx: FileContext) -> None:
    if point.node.speaker in ("system", "supervisor") and "?" in point.say():
        where: tuple[str, ...] = ("nodes", point.node_id, "say")
        if not isinstance(point.node.say, str):
            where = (*where, "fr")
        ctx.warning(where, "narrator-question", speaker=point.node.speaker)


def longest_is_right(point: ChoicePoint) -> bool:
    """True when the strictly longest reply of the choice point is a right one."""
    pick = cue_picks(point)["longest"]
    return pick is not None and pick in point.right


def _longest_share(points: list[ChoicePoint], ctx: FileContext) -> None:
    if len(points) < MIN_POINTS:
        return
    hits = [point for point in points if longest_is_right(point)]
    if len(hits) > LONGEST_SHARE * len(points):
        ctx.warning(
            ("nodes", hits[0].node_id),
            "cue-longest-share",
            count=len(hits),
            total=len(points),
            percent=round(100 * len(hits) / len(points)),
            limit=round(100 * LONGEST_SHARE),
        )
