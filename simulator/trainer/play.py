"""Play a scenario or an épreuve in the plain terminal: numbered choices and typed tool commands."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any, TextIO

from simulator.engine.actions import (
    Choose,
    Continue,
    HangUp,
    Hold,
    Pause,
    Resume,
    Say,
    Take,
    Transfer,
    UseTool,
    WrapUp,
)
from simulator.engine.session import EpreuveSession, Outcome
from simulator.engine.toolbox import ActionRefused
from simulator.i18n import LANGUAGES, N_, translator
from simulator.trainer.play_tables import print_table, result_table
from simulator.trainer.quoted import in_language

#: The commands, a symbolic id: its text is in the checker catalog of each language.
HELP = N_("PLAY_HELP")

ALIASES = {
    "next": "suite",
    "queue": "file",
    "time": "temps",
    "customer": "client",
    "record": "fiche",
    "edit": "modifier",
    "status": "statut",
    "read": "lire",
    "attach": "joindre",
    "book": "réserver",
    "form": "formulaire",
    "field": "champ",
    "submit-form": "envoyer-formulaire",
    "hold": "attente",
    "resume": "reprendre",
    "hangup": "raccrocher",
    "transfer": "transférer",
    "wrapup": "clôture",
    "help": "aide",
    "quit": "quitter",
    "reserver": "réserver",
    "cloture": "clôture",
    "transferer": "transférer",
}


class TerminalPlayer:
    """A line-oriented front end on an EpreuveSession (the trainer's quick preview)."""

    def __init__(
        self,
        session: EpreuveSession,
        lines: Iterator[str],
        out: TextIO,
        *,
        lang: str = "fr",
        start_node: str | None = None,
    ) -> None:
        self.session, self.lines, self.out = session, lines, out
        #: The trainer's language; a stored text without it (see ``in_language``) is read in French.
        self.lang = lang if lang in LANGUAGES else "fr"
        self.t = translator("checker", lang if lang in LANGUAGES else "fr")
        self.start_node = start_node
        self.shown = 0

    def say(self, text: str = "") -> None:
        print(text, file=self.out)

    def run(self) -> int:
        self.say(self.t("Type :help for the list of commands."))
        while self.session.finished is None:
            self.session.tick()
            view = self.session.active_view()
            if view is None:
                if not self.choose_contact():
                    return 1
                continue
            self.show(view)
            try:
                line = next(self.lines)
            except StopIteration:
                return 1
            if not self.handle(line.strip(), view):
                return 1
        self.say(self.t("Épreuve over ({reason}).", reason=self.session.finished))
        if self.session.header.mode == "practice":
            self.feedback()
        return 0

    def choose_contact(self) -> bool:
        waiting = [q for q in self.session.queue() if q.phase in ("waiting", "paused")]
        if not waiting:
            self.say(self.t("No contact waiting. Press Enter to wait."))
            try:
                next(self.lines)
            except StopIteration:
                return False
            return True
        self.say(self.t("Contact queue:"))
        for number, item in enumerate(waiting, start=1):
            paused = self.t(" (paused)") if item.phase == "paused" else ""
            self.say(f"  {number}. [{item.direction}/{item.medium}] {item.title}{paused}")
        try:
            answer = next(self.lines).strip()
        except StopIteration:
            return False
        if answer in (":quitter", ":quit"):
            return False
        if answer.isdigit() and 1 <= int(answer) <= len(waiting):
            key = waiting[int(answer) - 1].key
            self.perform(Take(contact=key, start_node=self.start_node))
            self.shown = 0
        elif answer.startswith(":"):
            name = ALIASES.get(answer[1:].split(" ", 1)[0], answer[1:].split(" ", 1)[0])
            if name == "temps":
                COMMANDS[name](self, "")
            else:
                self.say(self.t(HELP))
        elif answer:
            self.say(
                self.t("Type the number of the contact to take (1 to {count}).", count=len(waiting))
            )
        return True

    def show(self, view: Any) -> None:
        if self.shown == 0:
            self.say(f"\n=== {view.title} ({view.organisation}) ===\n{view.briefing}")
            for _message_id, sender, subject, body in view.inbox:
                self.say(f"\n✉ {sender} — {subject}\n{body}")
        for line in view.lines[self.shown :]:
            who = {"customer": "☎", "agent": "▶", "system": "·", "supervisor": "✎"}.get(
                line.speaker, "·"
            )
            self.say(f"{who} {line.text}")
        self.shown = len(view.lines)
        if view.replies:
            for number, (_rid, text) in enumerate(view.replies, start=1):
                self.say(f"  {number}. {text}")
        elif view.prompt is not None:
            self.say(f"✍ {view.prompt.label}")
        elif view.phase == "wrap_up":
            codes = ", ".join(code for code, _label in view.outcomes)
            self.say(self.t("Wrap-up: :wrapup <code> <note> (codes: {codes})", codes=codes))
        elif view.at_end:
            self.say(self.t("(:hangup to end the call)"))
        elif view.can_continue:
            self.say(self.t("(:next to go on)"))

    def handle(self, line: str, view: Any) -> bool:
        if not line:
            return True
        if not line.startswith(":"):
            if view.replies and line.isdigit() and 1 <= int(line) <= len(view.replies):
                self.perform(Choose(reply=view.replies[int(line) - 1][0]))
            elif view.prompt is not None:
                self.perform(Say(text=line))
            else:
                self.say(self.t("Invalid choice."))
            return True
        name, _, rest = line[1:].partition(" ")
        name = ALIASES.get(name, name)
        if name == "quitter":
            return False
        command = COMMANDS.get(name)
        if command is None:
            self.say(self.t(HELP))
            return True
        try:
            action = command(self, rest.strip())
        except (ValueError, IndexError):
            self.say(self.t("Wrong arguments: see :help."))
            return True
        if action is not None:
            self.perform(action)
        return True

    def perform(self, action: Any) -> Outcome | None:
        try:
            outcome = self.session.perform(action)
        except ActionRefused as exc:
            self.say("⚠ " + exc.message(self.lang))
            return None
        if outcome.result is not None:
            self.show_result(outcome.result)
        if outcome.contact_ended:
            self.shown = 0
            self.say(self.t("— contact closed —"))
            for item in outcome.feedback or ():
                self.say(
                    f"   {'✔' if item.positive else '✘'} {item.competency} {in_language(item.explanation, self.lang)}"
                )
        return outcome

    def show_result(self, result: dict[str, Any]) -> None:
        """A tool's answer as a table (forms, agenda slots, records), or its refusal."""
        if not result.get("ok"):
            self.say("⚠ " + in_language(result["error"], self.lang))
            return
        value = result.get("result")
        table = result_table(value, self.session.header.language or self.lang)
        if table is not None:
            print_table(table, self.out)
        elif value not in (None, "", [], {}):
            self.say(f"  {value}")
        else:
            self.say("  " + self.t("(no result / done)"))

    def feedback(self) -> None:
        self.say("\n" + self.t("Practice feedback:"))
        for item in self.session.evidence():
            self.say(
                f"  {'✔' if item.positive else '✘'} {item.competency} [{item.contact}] {in_language(item.explanation, self.lang)}"
            )


def _tool(tool: str, op: str, **args: Any) -> UseTool:
    return UseTool(tool=tool, op=op, args=args)


def _mail(rest: str, channel: str = "mail") -> UseTool:
    """``to | subject | body [| attachment, attachment…]`` (the body may not contain « | »)."""
    parts = [part.strip() for part in rest.split("|", 3)]
    if len(parts) < 3:
        raise ValueError(rest)
    to, subject, body = parts[:3]
    args: dict[str, Any] = {"to": to, "subject": subject, "body": body, "channel": channel}
    if len(parts) == 4 and parts[3]:
        args["attachments"] = [a.strip() for a in parts[3].split(",") if a.strip()]
    return _tool("mail", "send", **args)


def _split(rest: str, count: int) -> list[str]:
    parts = rest.split(" ", count - 1)
    if len(parts) < count:
        raise ValueError(rest)
    return parts


def _show_queue(player: TerminalPlayer) -> None:
    for item in player.session.queue():
        player.say(f"  [{item.phase}] {item.title}")


Command = Callable[[TerminalPlayer, str], Any]
COMMANDS: dict[str, Command] = {
    "suite": lambda p, r: Continue(),
    "file": lambda p, r: _show_queue(p),
    "temps": lambda p, r: p.say(
        "  " + p.t("Time left: {minutes} min", minutes=int(p.session.remaining_seconds() // 60))
    ),
    "client": lambda p, r: _tool("customer_db", "search", query=r),
    "fiche": lambda p, r: _tool("customer_db", "open", record=r),
    "modifier": lambda p, r: _tool(
        "customer_db", "update", **dict(zip(("record", "field", "value"), _split(r, 3)))
    ),
    "statut": lambda p, r: _tool(
        "customer_db", "set_status", **dict(zip(("record", "status"), _split(r, 2)))
    ),
    "doc": lambda p, r: _tool("documentation", "search", query=r),
    "lire": lambda p, r: _tool("documentation", "open", article=r),
    "joindre": lambda p, r: _tool("documentation", "select", article=r),
    "services": lambda p, r: _tool("directory", "search", query=r),
    "agenda": lambda p, r: _tool("agenda", "view", **({"calendar": r} if r else {})),
    "réserver": lambda p, r: _tool("agenda", "book", slot=r),
    "formulaire": lambda p, r: _tool("forms", "open", form=r),
    "champ": lambda p, r: _tool(
        "forms", "set", **dict(zip(("form", "field", "value"), _split(r, 3)))
    ),
    "envoyer-formulaire": lambda p, r: _tool("forms", "submit", form=r),
    "mail": lambda p, r: _mail(r),
    "fax": lambda p, r: _mail(r, "fax"),
    "attente": lambda p, r: Hold(),
    "pause": lambda p, r: Pause(),
    "reprendre": lambda p, r: Resume(),
    "raccrocher": lambda p, r: HangUp(),
    "transférer": lambda p, r: Transfer(service=r),
    "clôture": lambda p, r: WrapUp(
        outcome=r.split(" ", 1)[0] if r else None, note=r.partition(" ")[2]
    ),
    "aide": lambda p, r: p.say(p.t(HELP)),
}
