"""The draft being edited, as JSON-shaped data that every page reads and writes by field path.

Widgets are named by their draft field path (``options.0.cost.amount``), so one store serves
every page: a widget writes its value at its path and listens for changes made elsewhere.
The data stays plain JSON (strings, numbers, lists, dicts) until :meth:`DraftStore.draft`
validates it with the core model; pydantic is not needed to show the first page.
"""

from __future__ import annotations

import contextlib
import copy
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QObject, Signal

from upskill_ask.vocabulary import blank_data, for_model

HISTORY_LIMIT = 300
TYPING_PAUSE_S = 2.0  # keys typed into one field closer together than this undo as one step


class _Absent:
    """A key that was not there: undoing its first value removes it again."""

    def __deepcopy__(self, _memo: dict) -> _Absent:
        return self


_ABSENT = _Absent()


@dataclass
class Step:
    """One undoable change: what it was called and each (path, before, after) it made."""

    label: str
    changes: list[tuple[str, Any, Any]] = field(default_factory=list)
    at: float = 0.0

    @property
    def structural(self) -> bool:
        """A change to a list or section (cards added, removed, moved), not to one value."""
        return any(isinstance(v, (list, dict, _Absent)) for _, b, a in self.changes
                   for v in (b, a))


def _key(node: Any, part: str) -> str | int:
    """A path part as a list index under a list, as a key under a dict ("42" may be an id)."""
    return int(part) if isinstance(node, list) and part.isdigit() else part


def _merge_defaults(data: dict[str, Any], defaults: dict[str, Any]) -> dict[str, Any]:
    for key, value in defaults.items():
        if key not in data:
            data[key] = copy.deepcopy(value)
        elif isinstance(value, dict) and isinstance(data[key], dict) and key != "fallbacks":
            _merge_defaults(data[key], value)
    return data


class DraftStore(QObject):
    """Holds the draft data; emits ``changed(path)`` after every write."""

    changed = Signal(str)
    reset = Signal()
    historyChanged = Signal()

    def __init__(self, data: dict[str, Any] | None = None, parent: QObject | None = None):
        super().__init__(parent)
        self._data: dict[str, Any] = _merge_defaults(copy.deepcopy(data or {}), blank_data())
        self.dirty = False
        self._undo: list[Step] = []
        self._redo: list[Step] = []
        self._group: Step | None = None

    @property
    def data(self) -> dict[str, Any]:
        return self._data

    def replace(self, data: dict[str, Any]) -> None:
        """Load another draft; every bound widget refreshes from it."""
        self._data = _merge_defaults(copy.deepcopy(data), blank_data())
        self.dirty = False
        self._undo.clear()
        self._redo.clear()
        self.reset.emit()
        self.historyChanged.emit()

    def get(self, path: str, default: Any = None) -> Any:
        node: Any = self._data
        for part in path.split("."):
            try:
                node = node[_key(node, part)]
            except (KeyError, IndexError, TypeError):
                return default
        return node

    def set(self, path: str, value: Any, label: str = "") -> None:
        before = self.get(path, _ABSENT)
        if before is not _ABSENT and before == value:
            return
        self._put(path, value)
        self._record(path, before, value, label or f"edit:{path}")
        self.dirty = True
        self.changed.emit(path)

    def _put(self, path: str, value: Any) -> None:
        parts = path.split(".")
        node: Any = self._data
        for part in parts[:-1]:
            node = node[_key(node, part)]
        last = _key(node, parts[-1])
        if value is _ABSENT:
            node.pop(last, None)
        elif isinstance(node, list) and last == len(node):
            node.append(value)
        else:
            node[last] = value

    def list_at(self, path: str) -> list[Any]:
        value = self.get(path)
        if not isinstance(value, list):
            value = []
            self._put(path, value)  # a missing list is not a change the user made
        return value

    def _change_list(self, path: str, label: str, change) -> Any:
        items = self.list_at(path)
        before = copy.deepcopy(items)
        result = change(items)
        self._record(path, before, items, label)
        self.dirty = True
        self.changed.emit(path)
        return result

    def append(self, path: str, item: Any, label: str = "") -> int:
        return self._change_list(path, label or f"add:{path}",
                                 lambda items: items.append(item) or len(items) - 1)

    def remove(self, path: str, index: int, label: str = "") -> None:
        self._change_list(path, label or f"remove:{path}.{index}", lambda items: items.pop(index))

    def move(self, path: str, index: int, to: int, label: str = "") -> None:
        items = self.list_at(path)
        if not (0 <= index < len(items) and 0 <= to < len(items)) or index == to:
            return
        self._change_list(path, label or f"move:{path}.{index}",
                          lambda items: items.insert(to, items.pop(index)))

    # --- undo and redo ------------------------------------------------------------------

    def _record(self, path: str, before: Any, after: Any, label: str) -> None:
        change = (path, copy.deepcopy(before), copy.deepcopy(after))
        now = time.monotonic()
        if self._group is not None:
            self._group.changes.append(change)
        else:
            last = self._undo[-1] if self._undo else None
            typing = (last is not None and not self._redo and len(last.changes) == 1
                      and last.changes[0][0] == path and last.label == label
                      and not isinstance(after, (list, dict))
                      and now - last.at < TYPING_PAUSE_S)
            if typing:
                last.changes[0] = (path, last.changes[0][1], change[2])
                last.at = now
                return
            self._undo.append(Step(label, [change], now))
            del self._undo[:-HISTORY_LIMIT]
        self._redo.clear()
        self.historyChanged.emit()

    @contextlib.contextmanager
    def group(self, label: str) -> Iterator[None]:
        """Changes made inside undo as one step (removing a card and what hangs on it)."""
        if self._group is not None:  # nested: part of the outer step
            yield
            return
        self._group = Step(label, [], time.monotonic())
        try:
            yield
        finally:
            step, self._group = self._group, None
            if step.changes:
                self._undo.append(step)
                del self._undo[:-HISTORY_LIMIT]
                self._redo.clear()
                self.historyChanged.emit()

    @property
    def undo_steps(self) -> int:
        """How many steps Undo can take back."""
        return len(self._undo)

    def can_undo(self) -> bool:
        return bool(self._undo)

    def can_redo(self) -> bool:
        return bool(self._redo)

    def undo_label(self) -> str:
        return self._undo[-1].label if self._undo else ""

    def redo_label(self) -> str:
        return self._redo[-1].label if self._redo else ""

    def undo(self) -> Step | None:
        """Put back what the last step changed; returns that step (None if nothing to undo)."""
        if not self._undo:
            return None
        step = self._undo.pop()
        self._apply(step, [(path, before) for path, before, _ in reversed(step.changes)])
        self._redo.append(step)
        self.historyChanged.emit()
        return step

    def redo(self) -> Step | None:
        if not self._redo:
            return None
        step = self._redo.pop()
        self._apply(step, [(path, after) for path, _, after in step.changes])
        self._undo.append(step)
        self.historyChanged.emit()
        return step

    def _apply(self, step: Step, values: list[tuple[str, Any]]) -> None:
        for path, value in values:
            self._put(path, copy.deepcopy(value))
        self.dirty = True
        if step.structural:
            self.reset.emit()  # cards come and go: every page rebuilds from the data
        for path in dict.fromkeys(path for path, _ in values):
            self.changed.emit(path)

    def draft(self):
        """The data validated as a core Draft (raises drafts.DraftError naming the fields)."""
        from upskill_ask import drafts

        return drafts.from_data(self.clean_data())

    def clean_data(self) -> dict[str, Any]:
        """The data as the model reads it (``vocabulary.for_model``: empty numbers and all)."""
        return for_model(self._data)
