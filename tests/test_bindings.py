"""Canary: the Qt binding must not lose references to None/True/False over a long session.

PySide6 6.12.0 on Python 3.11 does (one per slot call, per bool override, per unset property),
and the app aborts after a few thousand keystrokes. A release that regresses fails here, in CI,
instead of in a user's afternoon.
"""

from __future__ import annotations

import sys

import pytest

from upskill_ask.ui import bindings

pytestmark = pytest.mark.gui


def test_thousands_of_risky_calls_lose_no_references(qapp):
    losses = bindings.reference_losses(calls=3000)
    assert set(losses) == {"a Qt signal calling a Python slot", "a Python override returning a bool",
                           "property() of an unset name", "itemData() of a missing row"}
    assert all(abs(lost) < 30 for lost in losses.values()), losses


def test_the_app_accepts_this_binding(qapp):
    assert bindings.problem() is None


def test_an_affected_binding_is_named_with_the_fix(qapp, monkeypatch):
    monkeypatch.setattr(bindings, "reference_losses",
                        lambda calls: {"a Qt signal calling a Python slot": calls, "x": 0})
    monkeypatch.setattr(sys, "version_info", (3, 11, 7, "final", 0))
    reason = bindings.problem()
    assert reason is not None and "\n" not in reason
    assert "a Qt signal calling a Python slot" in reason and "PySide6-Essentials<6.12" in reason
