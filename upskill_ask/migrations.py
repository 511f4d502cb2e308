"""Older drafts brought up to the current format version, as plain JSON data.

Plain Python (no pydantic): the model reads its input through :func:`migrate`, and the wizard
passes work recovered after a crash through it too, so both hold the current shape. The file
itself is never rewritten; saving writes the current version.

- 1 -> 2: ``skill.gap_cost``, ``manager.address_as`` and ``paper`` were added; a version 1
  draft has none of them, which reads as empty (and the paper as following the locale).
- 2 -> 3: ``plan.check_ins`` held dates; each becomes ``{"date": ..., "review": ""}``. The
  options' cost items and deadlines, the expert's and the cover's hours and rates,
  ``in_package`` and ``timing.budget_line`` were added and read as not given.
- 3 -> 4: ``manager.informal`` was added; a version 3 draft addresses the manager formally.
"""

from __future__ import annotations

import copy
from typing import Any


def _check_ins_as_records(data: dict[str, Any]) -> dict[str, Any]:
    plan = data.get("plan")
    if not isinstance(plan, dict) or not isinstance(plan.get("check_ins"), list):
        return data
    data = copy.copy(data)
    data["plan"] = {**plan, "check_ins": [
        item if isinstance(item, dict) else {"date": item, "review": ""}
        for item in plan["check_ins"]]}
    return data


def migrate(data: dict[str, Any]) -> dict[str, Any]:
    """``data`` at the current version (a new dict when it changes; the input is not touched).
    A version it does not know (newer, or not a number) is returned as it is, for the
    reader to refuse."""
    version = data.get("version")
    if version == 1:
        data = {**data, "version": 2}
        version = 2
    if version == 2:
        data = {**_check_ins_as_records(data), "version": 3}
        version = 3
    if version == 3:
        data = {**data, "version": 4}
    return data
