"""Draw a scenario's dialogue as a graph (Mermaid or Graphviz dot): nodes, choices, endings, evidence."""

from __future__ import annotations

from typing import Any

from simulator.scenario.checker.graph import edges
from simulator.scenario.models import Scenario, text_in


def _evidence_label(reply) -> str:
    marks = [
        f"{'+' if e.effect == 'positive' else '−'}{e.competency}{'!' if e.critical else ''}"
        for e in reply.evidence
    ]
    return " ".join(marks)


def _checks_label(node) -> str:
    """The competencies a node's tool-state expectations observe, e.g. ``✓01.03``."""
    return " ".join(f"✓{code}" for code in dict.fromkeys(check.competency for check in node.expect))


def _node_label(node_id: str, node, lang: str, separator: str) -> str:
    """Id, the other party's line, what the node checks and, for an ending, its outcome."""
    parts = [_short(text_in(node.say, lang))]
    if node.expect:
        parts.append(_checks_label(node))
    if node.end is not None:
        parts.append(f"⟶ {node.end.outcome}")
    detail = " ".join(p for p in parts if p)
    return f"{node_id}{separator}{detail}".replace('"', "'") if detail else node_id


def _short(text: str, limit: int = 40) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def mermaid(scenario: Scenario, lang: str = "fr") -> str:
    """A Mermaid flowchart: endings as stadiums, prompts as parallelograms, edges labelled with evidence."""
    lines = ["flowchart TD"]
    for node_id, node in scenario.nodes.items():
        label = _node_label(node_id, node, lang, ": ")
        if node.end is not None:
            lines.append(f'    {_id(node_id)}(["{label}"])')
        elif node.prompt is not None:
            lines.append(f'    {_id(node_id)}[/"{label}"/]')
        else:
            lines.append(f'    {_id(node_id)}["{label}"]')
    for node_id, node in scenario.nodes.items():
        for index, reply in enumerate(node.replies or ()):
            label = _edge_label(reply.id or f"r{index + 1}", reply.act, _evidence_label(reply))
            lines.append(f'    {_id(node_id)} -->|"{label}"| {_id(reply.goto)}')
        if node.prompt is not None:
            codes = " ".join(sorted({c.competency for c in node.prompt.checks}))
            lines.append(f'    {_id(node_id)} -->|"texte libre {codes}"| {_id(node.prompt.goto)}')
        if node.next is not None:
            lines.append(f"    {_id(node_id)} --> {_id(node.next)}")
        for target, condition in _branches(node):
            lines.append(f'    {_id(node_id)} -.->|"si {condition}"| {_id(target)}')
    lines.append(f"    classDef start stroke-width:3px\n    class {_id(scenario.start)} start")
    return "\n".join(lines) + "\n"


def dot(scenario: Scenario, lang: str = "fr") -> str:
    """A Graphviz digraph with the same content as the Mermaid drawing."""
    lines = [
        f'digraph "{scenario.id}" {{',
        "  rankdir=TB;",
        '  node [fontname="Helvetica", shape=box, style=rounded];',
    ]
    for node_id, node in scenario.nodes.items():
        label = _node_label(node_id, node, lang, "\n").replace("\\", "\\\\").replace("\n", "\\n")
        shape = (
            "doubleoctagon" if node.end is not None else ("parallelogram" if node.prompt else "box")
        )
        extra = ", penwidth=3" if node_id == scenario.start else ""
        lines.append(f'  "{node_id}" [label="{label}", shape={shape}{extra}];')
    for node_id, node in scenario.nodes.items():
        for index, reply in enumerate(node.replies or ()):
            label = _edge_label(reply.id or f"r{index + 1}", reply.act, _evidence_label(reply))
            lines.append(f'  "{node_id}" -> "{reply.goto}" [label="{label}"];')
        if node.prompt is not None:
            codes = " ".join(sorted({c.competency for c in node.prompt.checks}))
            lines.append(
                f'  "{node_id}" -> "{node.prompt.goto}" [label="texte libre {codes}", style=dashed];'
            )
        if node.next is not None:
            lines.append(f'  "{node_id}" -> "{node.next}";')
        for target, condition in _branches(node):
            lines.append(f'  "{node_id}" -> "{target}" [label="si {condition}", style=dotted];')
    lines.append("}")
    return "\n".join(lines) + "\n"


def _branches(node: Any) -> list[tuple[str, str]]:
    """The conditional ways on of a node (scenario/1.1 ``branches``), with their condition made safe to quote."""
    found = [
        *(b for r in node.replies or () for b in r.branches),
        *(node.prompt.branches if node.prompt else ()),
        *node.branches,
    ]
    return [(b.goto, b.when.replace('"', "'")) for b in found]


def _edge_label(name: str, act: str | None, evidence: str) -> str:
    parts = [name] + ([f"[{act}]"] if act else []) + ([evidence] if evidence else [])
    return " ".join(parts).replace('"', "'")


def _id(node_id: str) -> str:
    """A Mermaid-safe id, distinct for distinct node ids (``a-b`` and ``a_b`` must not merge)."""
    return "n_" + node_id.replace("_", "__").replace("-", "_h")


__all__ = ["dot", "edges", "mermaid"]
