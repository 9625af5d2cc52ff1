"""Lines shown in exams that judge the candidate's previous choice (« Surtout pas ! », « Bonne réponse »).

In an exam no line may tell right from wrong: a supervisor's correction belongs to practice. The
checker reads every line an exam shows (nodes without ``audience: practice``) for judging markers
in French, Dutch and English: at the start of a supervisor's or narrator's line (« Non, … »,
« Exact », « Bien. », "Careful", "Klopt"), anywhere in such a line (« ce n'était pas… »), and
anywhere in any line for an examiner's verdict (« bonne réponse », "right answer"). A customer who
says « Non, ce n'est pas ça » or a sarcastic « Bravo. » in character is not judged. It also warns on a practice-only node an
exam cannot pass over, since its replies would still show.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from simulator.scenario.checker.context import FileContext
from simulator.scenario.models import LANGS, Scenario
from simulator.scenario.models.dialogue import Node

_LEAD = r"^\s*[«\"“'(]*\s*"
#: Judging openings of a supervisor's or narrator's line.
OPENINGS = (
    # French
    r"non\b",
    r"surtout pas",
    r"attention\b",
    r"attends\b",
    r"exact(ement)?\b",
    r"(très )?bien\s*[.!,;]",
    r"bon\s*[.!,;]",
    r"ok\s*[.!,;]",
    r"parfait",
    r"bravo",
    r"pas besoin",
    r"relis(ez)?\b",
    r"regardez? à nouveau",
    r"erreur\b",
    r"faux\b",
    r"correct",
    r"c'est (juste|ça|bien ça)\b",
    r"pas du tout",
    r"certainement pas",
    # English
    r"no\b",
    r"not at all",
    r"definitely not",
    r"careful\b",
    r"hold on\b",
    r"wait\b",
    r"exactly\b",
    r"right\s*[.!,;]",
    r"good\s*[.!,;]",
    r"great\s*[.!,;]",
    r"okay\s*[.!,;]",
    r"fine\s*[.!,;]",
    r"wrong\b",
    r"re-?read\b",
    r"perfect\b",
    r"that's right",
    r"no need\b",
    # Dutch
    r"nee\b",
    r"zeker niet",
    r"opgelet\b",
    r"let op\b",
    r"wacht\b",
    r"juist\b",
    r"precies\b",
    r"klopt\b",
    r"goed\s*[.!,;]",
    r"prima\b",
    r"mooi\s*[.!,;]",
    r"oké\b",
    r"fout\b",
    r"verkeerd\b",
    r"perfect\b",
    r"herlees\b",
    r"lees .{0,40} opnieuw",
    r"niet nodig\b",
)
#: Judging phrases anywhere in a supervisor's or narrator's line.
SUPERVISOR_PHRASES = (
    r"ce n'était pas",
    r"tu aurais dû",
    r"vous auriez dû",
    r"that wasn't",
    r"that was not",
    r"you should have",
    r"dat was niet",
    r"je had .{0,30} moeten",
    r"u had .{0,30} moeten",
    r"bien joué",
    r"well done",
    r"good call",
    r"goed gedaan",
)
#: An examiner's verdict, in anyone's line.
VERDICTS = (
    r"bonne réponse",
    r"mauvaise réponse",
    r"bon réflexe",
    r"right answer",
    r"wrong answer",
    r"goed antwoord",
    r"juiste antwoord",
    r"fout antwoord",
    r"verkeerde antwoord",
)
_OPENING = re.compile(_LEAD + "(" + "|".join(OPENINGS) + ")", re.IGNORECASE)
_SUPERVISOR = re.compile("|".join(SUPERVISOR_PHRASES + VERDICTS), re.IGNORECASE)
_VERDICT = re.compile("|".join(VERDICTS), re.IGNORECASE)


def judging_marker(text: str, speaker: str) -> str | None:
    """The judging words of ``text`` as said by ``speaker``, or None when it judges nothing."""
    if speaker == "customer":
        found = _VERDICT.search(text)
    else:
        found = _OPENING.search(text) or _SUPERVISOR.search(text)
    return found.group(0).strip(" «\"“'(") if found else None


def check_judging(scenario: Scenario, ctx: FileContext) -> None:
    """Warn on exam-visible judging lines, and on coaching nodes an exam cannot pass over."""
    for node_id, node in scenario.nodes.items():
        base = ("nodes", node_id)
        if node.audience == "practice":
            if node.single_way_on() is None and node.replies:
                ctx.warning((*base, "audience"), "coaching-not-passed")
            continue
        for where, text in _said(node):
            marker = judging_marker(text, node.speaker)
            if marker is not None:
                ctx.warning((*base, *where), "judging-line", marker=marker)


def _said(node: Node) -> Iterator[tuple[tuple[str, ...], str]]:
    """The node's line in each language, with its place under the node."""
    if node.say is None:
        return
    if isinstance(node.say, str):
        yield ("say",), node.say
        return
    for lang in LANGS:
        text = getattr(node.say, lang)
        if text:
            yield ("say", lang), text
