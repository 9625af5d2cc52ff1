"""Apply one alternative's patch to a scenario document, carrying every value's position along.

The positions of what the patch brings are those of the patch itself (under ``variants:``), so a
diagnostic about a variant's reply points at the line the trainer wrote in the variant.
"""

from __future__ import annotations

from typing import Any

from simulator.scenario.diagnostics import Diagnostic
from simulator.scenario.variants.spec import FROZEN_KEYS
from simulator.scenario.yamlsource import Path, SourceMap


def copy_positions(
    value: Any, old: SourceMap, old_path: Path, new: SourceMap, new_path: Path
) -> None:
    """Record in ``new`` the positions ``old`` has for ``value`` and everything inside it."""
    for table_old, table_new in ((old.values, new.values), (old.keys, new.keys)):
        if old_path in table_old:
            table_new[new_path] = table_old[old_path]
    if old_path in old.written:
        new.written[new_path] = old.written[old_path]
    if old_path in old.yaml11_booleans:
        new.yaml11_booleans.add(new_path)
    if isinstance(value, dict):
        for key, child in value.items():
            copy_positions(child, old, (*old_path, key), new, (*new_path, key))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            copy_positions(child, old, (*old_path, index), new, (*new_path, index))


def duplicate(smap: SourceMap) -> SourceMap:
    """A copy of every position ``smap`` holds (the tables copied, not walked)."""
    return SourceMap(
        dict(smap.values), dict(smap.keys), set(smap.yaml11_booleans), dict(smap.written)
    )


class Patcher:
    """Merges a patch (positions in ``src``) into a document (positions in ``old``), building ``new``."""

    def __init__(self, file: str, old: SourceMap, src: SourceMap) -> None:
        self.file, self.old, self.src = file, old, src
        # What is kept where it was keeps its position: start from a copy of every position (a
        # copy of four tables, instead of a walk through the whole document for each patch).
        # Positions left over from what the patch replaced are never asked for: the merged
        # document has nothing at those paths.
        self.new = duplicate(old)
        self.diagnostics: list[Diagnostic] = []

    def problem(self, at: Path, code: str, **params: Any) -> None:
        pos = self.src.key(at)
        self.diagnostics.append(Diagnostic(self.file, pos.line, pos.column, "error", code, params))

    def merge(
        self, base: Any, base_path: Path, patch: Any, patch_path: Path, new_path: Path
    ) -> Any:
        """The merged value placed at ``new_path``."""
        if isinstance(patch, dict) and isinstance(base, dict):
            return self._merge_mapping(base, base_path, patch, patch_path, new_path)
        if isinstance(patch, dict) and isinstance(base, list):
            return self._merge_list(base, base_path, patch, patch_path, new_path)
        copy_positions(patch, self.src, patch_path, self.new, new_path)
        return patch

    def _keep(self, value: Any, base_path: Path, new_path: Path) -> Any:
        if base_path != new_path:  # an item moved up the list: its positions move with it
            copy_positions(value, self.old, base_path, self.new, new_path)
        return value

    def _own_position(self, base_path: Path, new_path: Path) -> None:
        for table_old, table_new in (
            (self.old.values, self.new.values),
            (self.old.keys, self.new.keys),
        ):
            if base_path in table_old:
                table_new[new_path] = table_old[base_path]

    def _merge_mapping(
        self, base: dict, base_path: Path, patch: dict, patch_path: Path, new_path: Path
    ) -> dict:
        self._own_position(base_path, new_path)
        result: dict[str, Any] = {}
        for key, value in base.items():
            if key not in patch:
                result[key] = self._keep(value, (*base_path, key), (*new_path, key))
            elif patch[key] is not None:
                result[key] = self.merge(
                    value, (*base_path, key), patch[key], (*patch_path, key), (*new_path, key)
                )
        for key, value in patch.items():
            if key in base:
                continue
            if value is None:
                self.problem((*patch_path, key), "variant-removes-nothing", key=key)
                continue
            result[key] = self.merge(
                None, (*base_path, key), value, (*patch_path, key), (*new_path, key)
            )
        return result

    def _merge_list(
        self, base: list, base_path: Path, patch: dict, patch_path: Path, new_path: Path
    ) -> list:
        self._own_position(base_path, new_path)
        if not all(isinstance(item, dict) and isinstance(item.get("id"), str) for item in base):
            return self._merge_by_position(base, base_path, patch, patch_path, new_path)
        ids = {item["id"] for item in base}
        result: list[Any] = []
        for index, item in enumerate(base):
            target = (*new_path, len(result))
            if item["id"] not in patch:
                result.append(self._keep(item, (*base_path, index), target))
            elif patch[item["id"]] is not None:
                at = (*patch_path, item["id"])
                result.append(self.merge(item, (*base_path, index), patch[item["id"]], at, target))
        for key, value in patch.items():
            if key in ids:
                continue
            if not isinstance(value, dict):
                self.problem((*patch_path, key), "variant-removes-nothing", key=key)
                continue
            added = {"id": key, **value}
            target = (*new_path, len(result))
            copy_positions(value, self.src, (*patch_path, key), self.new, target)
            self.new.values[(*target, "id")] = self.src.key((*patch_path, key))
            result.append(added)
        return result

    def _merge_by_position(
        self, base: list, base_path: Path, patch: dict, patch_path: Path, new_path: Path
    ) -> list:
        """A list without ids (``availability``…) is addressed by position: ``"0"`` is its first item."""
        if not all(key.isdigit() and int(key) < len(base) for key in patch):
            self.problem(patch_path, "variant-list-without-ids", size=len(base))
            return self._keep(base, base_path, new_path)
        result = []
        for index, item in enumerate(base):
            target = (*new_path, index)
            if str(index) in patch and patch[str(index)] is not None:
                result.append(
                    self.merge(
                        item,
                        (*base_path, index),
                        patch[str(index)],
                        (*patch_path, str(index)),
                        target,
                    )
                )
            elif str(index) not in patch:
                result.append(self._keep(item, (*base_path, index), target))
        return result


def apply_patch(
    file: str, doc: dict, doc_map: SourceMap, patch: dict, patch_path: Path, src: SourceMap
) -> tuple[dict, SourceMap, list[Diagnostic]]:
    """``doc`` with ``patch`` merged in, its source map, and what was wrong with the patch."""
    patcher = Patcher(file, doc_map, src)
    for key in patch:
        if key in FROZEN_KEYS:
            patcher.problem((*patch_path, key), "variant-frozen-key", key=key)
    allowed = {k: v for k, v in patch.items() if k not in FROZEN_KEYS}
    merged = patcher.merge(doc, (), allowed, patch_path, ())
    return merged, patcher.new, patcher.diagnostics
