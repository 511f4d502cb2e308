"""The draft being edited, as JSON-shaped data that every page reads and writes by field path.

Widgets are named by their draft field path (``options.0.cost.amount``), so one store serves
every page: a widget writes its value at its path and listens for changes made elsewhere.
The data stays plain JSON (strings, numbers, lists, dicts) until :meth:`DraftStore.draft`
validates it with the core model; pydantic is not needed to show the first page.
"""

from __future__ import annotations

import copy
from typing import Any

from PySide6.QtCore import QObject, Signal


def _key(node: Any, part: str) -> str | int:
    """A path part as a list index under a list, as a key under a dict ("42" may be an id)."""
    return int(part) if isinstance(node, list) and part.isdigit() else part


def blank_data() -> dict[str, Any]:
    """A new, empty draft as JSON data (the same shape the model writes)."""
    return {
        "format": "upskill-ask/draft", "version": 1, "title": "", "language": "en",
        "locale": "en_GB", "currency": "EUR",
        "person": {"name": "", "role": "", "team": "", "email": "", "hourly_cost": None},
        "manager": {"name": "", "title": "", "email": ""},
        "timing": {"meeting_date": None, "budget_date": None, "decision_by": None},
        "skill": {"name": "", "current_level": "", "target_level": "", "gap_evidence": "",
                  "applied_to": "", "why_now": "", "career_goal": "", "company_goal": "",
                  "benefits_team": [], "benefits_me": []},
        "options": [],
        "plan": {"on_the_job": "", "with_people": "", "formal": "", "micro_habit": "",
                 "minutes_per_day": 0, "tracking": "", "sharing": "", "coverage": "",
                 "measures": [], "check_ins": []},
        "objections": [],
        "email": {"subject": "", "message": ""},
        "private": {"best_alternative": "", "walk_away": "", "stop_at_option": None,
                    "trades": [], "motivations": "", "notes": "", "opening_lines": "",
                    "fallbacks": {}},
    }


def blank_option(kind: str, currency: str) -> dict[str, Any]:
    return {
        "kind": kind, "title": "", "provider": "", "link": "",
        "cost": {"amount": "0", "currency": currency},
        "hours_total": "0", "hours_per_week": "0", "hours_on_clock": "0",
        "schedule": {"start": None, "end": None, "shifted_hours": "", "make_up": ""},
        "coverage": "", "deliverable": "", "my_commitment": "",
    }


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

    def __init__(self, data: dict[str, Any] | None = None, parent: QObject | None = None):
        super().__init__(parent)
        self._data: dict[str, Any] = _merge_defaults(copy.deepcopy(data or {}), blank_data())
        self.dirty = False

    @property
    def data(self) -> dict[str, Any]:
        return self._data

    def replace(self, data: dict[str, Any]) -> None:
        """Load another draft; every bound widget refreshes from it."""
        self._data = _merge_defaults(copy.deepcopy(data), blank_data())
        self.dirty = False
        self.reset.emit()

    def get(self, path: str, default: Any = None) -> Any:
        node: Any = self._data
        for part in path.split("."):
            try:
                node = node[_key(node, part)]
            except (KeyError, IndexError, TypeError):
                return default
        return node

    def set(self, path: str, value: Any) -> None:
        parts = path.split(".")
        node: Any = self._data
        for part in parts[:-1]:
            node = node[_key(node, part)]
        last = _key(node, parts[-1])
        if isinstance(node, dict) and node.get(last) == value and last in node:
            return
        if isinstance(node, list) and last < len(node) and node[last] == value:
            return
        node[last] = value
        self.dirty = True
        self.changed.emit(path)

    def list_at(self, path: str) -> list[Any]:
        value = self.get(path)
        if not isinstance(value, list):
            value = []
            self.set(path, value)
        return value

    def append(self, path: str, item: Any) -> int:
        items = self.list_at(path)
        items.append(item)
        self.dirty = True
        self.changed.emit(path)
        return len(items) - 1

    def remove(self, path: str, index: int) -> None:
        items = self.list_at(path)
        del items[index]
        self.dirty = True
        self.changed.emit(path)

    def move(self, path: str, index: int, to: int) -> None:
        items = self.list_at(path)
        if not (0 <= index < len(items) and 0 <= to < len(items)) or index == to:
            return
        items.insert(to, items.pop(index))
        self.dirty = True
        self.changed.emit(path)

    def draft(self):
        """The data validated as a core Draft (raises drafts.DraftError naming the fields)."""
        from upskill_ask import drafts

        return drafts.from_data(self.clean_data())

    def clean_data(self) -> dict[str, Any]:
        """The data as the model expects it: empty number fields count as zero."""
        data = copy.deepcopy(self._data)
        for option in data.get("options", []):
            for key in ("hours_total", "hours_per_week", "hours_on_clock"):
                if option.get(key) in ("", None):
                    option[key] = "0"
            cost = option.get("cost", {})
            if cost.get("amount") in ("", None):
                cost["amount"] = "0"
            cost["currency"] = data.get("currency", cost.get("currency"))
        person = data.get("person", {})
        if person.get("hourly_cost") == "":
            person["hourly_cost"] = None
        return data
