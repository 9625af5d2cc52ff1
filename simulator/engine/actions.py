"""Everything a candidate can do, as data: the journal records these, replay and test plans re-apply them."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter


class _Action(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    def to_json(self) -> dict[str, Any]:
        return self.model_dump(mode="json", exclude_defaults=False)


class Take(_Action):
    """Answer a ringing call, place a scheduled call, or open a task or message."""

    kind: Literal["take"] = "take"
    contact: str
    #: Trainers' preview only: start the dialogue at this node instead of the scenario's start.
    start_node: str | None = None


class Choose(_Action):
    """Choose one of the replies offered at the current node."""

    kind: Literal["choose"] = "choose"
    reply: str


class Say(_Action):
    """Type a free-text answer at a prompt."""

    kind: Literal["say"] = "say"
    text: str


class Continue(_Action):
    """Go on at a node that offers no choice."""

    kind: Literal["continue"] = "continue"


class Hold(_Action):
    kind: Literal["hold"] = "hold"


class Resume(_Action):
    kind: Literal["resume"] = "resume"


class Pause(_Action):
    """Set the open task (an admin task or a mail, never a call) aside to take a ringing call; taking
    the task again (``Take``) resumes it where it stopped."""

    kind: Literal["pause"] = "pause"


class HangUp(_Action):
    kind: Literal["hang_up"] = "hang_up"


class Transfer(_Action):
    """Transfer the call to a service of the directory."""

    kind: Literal["transfer"] = "transfer"
    service: str


class UseTool(_Action):
    """Use a tool: ``tool`` and ``op`` name the operation, ``args`` its arguments."""

    kind: Literal["tool"] = "tool"
    tool: Literal["customer_db", "documentation", "directory", "agenda", "forms", "mail"]
    op: str
    args: dict[str, Any] = Field(default_factory=dict)


class WrapUp(_Action):
    """After the contact: the outcome code and the note."""

    kind: Literal["wrap_up"] = "wrap_up"
    outcome: str | None = None
    note: str = ""


Action = Annotated[
    Take | Choose | Say | Continue | Hold | Resume | Pause | HangUp | Transfer | UseTool | WrapUp,
    Field(discriminator="kind"),
]
ACTION_ADAPTER: TypeAdapter[Any] = TypeAdapter(Action)


def action_from_json(data: Any) -> Any:
    """Parse an action from its journal or test-plan form (raises pydantic.ValidationError)."""
    return ACTION_ADAPTER.validate_python(data)
