"""The outcome step, from the keyboard: reached from the Review page and the Start page, it
records the decision into the draft, which the proposal's decision block then shows."""

from __future__ import annotations

import re

import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QWidget

from upskill_ask import drafts, recent, render
from upskill_ask.ui.outcome import OutcomeDialog
from upskill_ask.ui.pages.base import PageId

from .conftest import make_draft
from .fakes import FakeDialogs, go_to, type_text

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")]

ALT = Qt.KeyboardModifier.AltModifier


def focused() -> QWidget:
    return QApplication.focusWidget()


def the_dialog(qtbot) -> OutcomeDialog:
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), OutcomeDialog),
                    timeout=3000)
    dialog = QApplication.activeModalWidget()
    qtbot.waitUntil(lambda: focused() is not None and dialog.isAncestorOf(focused()), timeout=3000)
    return dialog


def closed(dialog) -> bool:
    """The dialog is gone (it deletes itself once closed)."""
    return not shiboken6.isValid(dialog) or not dialog.isVisible()


def alt(qtbot, letter: str) -> None:
    qtbot.keyClick(focused(), getattr(Qt.Key, f"Key_{letter.upper()}"), ALT)


def test_the_decision_is_recorded_from_the_keyboard_and_shown_in_the_proposal(wizards, qtbot,
                                                                             tmp_path):
    target = tmp_path / "mine.upskill"
    wizard = wizards(make_draft(), active=True, dialogs=FakeDialogs(save_path=target))
    go_to(wizard, PageId.REVIEW)
    qtbot.waitUntil(lambda: focused() is not None and wizard.isAncestorOf(focused()), timeout=3000)
    alt(qtbot, "g")  # Record the outcome of the meeting…
    dialog = the_dialog(qtbot)
    assert focused().objectName() == "outcome.decision"
    qtbot.keyClick(focused(), Qt.Key.Key_Down)  # Not recorded yet -> Approved
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    assert focused().objectName() == "outcome.option"
    qtbot.keyClick(focused(), Qt.Key.Key_Down)
    qtbot.keyClick(focused(), Qt.Key.Key_Down)  # Not set -> 1 -> 2
    alt(qtbot, "b")
    assert focused().objectName() == "outcome.budget_line"
    type_text(focused(), "CC-7702 Planning training")
    alt(qtbot, "s")
    type_text(focused(), "Graham Price")
    alt(qtbot, "t")
    assert focused().objectName() == "outcome.decided_on"
    type_text(focused(), "9 Dec 2026")
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    alt(qtbot, "c")
    type_text(focused(), "Start after the January close.")
    alt(qtbot, "l")
    type_text(focused(), "Power Query and DAX measures.")
    # the measures' rows are reached with Tab, past the last labelled field
    alt(qtbot, "h")
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    assert focused().objectName() == "plan.measures.0.achieved"
    type_text(focused(), "Live for three regions")

    outcome = wizard.draft().outcome
    assert (outcome.decision, outcome.option, outcome.budget_line, outcome.signed_by) == (
        "approved", 2, "CC-7702 Planning training", "Graham Price")
    assert outcome.decided_on.isoformat() == "2026-12-09"
    assert outcome.conditions == "Start after the January close."
    assert outcome.learned == "Power Query and DAX measures."
    assert wizard.draft().plan.measures[0].achieved == "Live for three regions"

    html = render.proposal_html(wizard.draft())
    block = re.sub(r"<[^>]+>", " ", html[html.index('id="decision-h"'):])
    block = " ".join(block.split())
    assert "Decision Approved" in block and "2. Vendor learning path" in block
    assert "CC-7702 Planning training" in block and "9 December 2026" in block
    assert 'name="budget_line"' not in html  # the form to fill is gone

    alt(qtbot, "v")  # Save the draft and close
    qtbot.waitUntil(lambda: closed(dialog), timeout=3000)
    assert drafts.load(target).outcome == outcome
    assert not wizard.store.dirty


def test_the_outcome_step_has_a_free_letter_and_a_name_for_every_field(wizards, qtbot):
    wizard = wizards(make_draft(), active=True)
    dialog = wizard.record_outcome()
    the_dialog(qtbot)
    letters = []
    for label in dialog.findChildren(QLabel):
        if label.buddy() is not None:
            assert label.buddy().objectName() and label.buddy().accessibleName()
            if "&" in label.text():
                letters.append(label.text().split("&", 1)[1][0].lower())
    for button in dialog.findChildren(QAbstractButton):
        if "&" in button.text():
            letters.append(button.text().split("&", 1)[1][0].lower())
    assert len(letters) == len(set(letters)) >= 11, letters
    names = {w.objectName() for w in dialog.findChildren(QWidget)}
    assert {"outcome.decision", "outcome.option", "outcome.conditions", "outcome.budget_line",
            "outcome.signed_by", "outcome.decided_on", "outcome.follow_up", "outcome.learned",
            "outcome.applied", "outcome.shared", "plan.measures.0.achieved"} <= names
    qtbot.keyClick(focused(), Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: closed(dialog), timeout=3000)


def test_from_the_start_page_a_recent_draft_opens_on_its_outcome_step(wizards, qtbot, tmp_path):
    path = tmp_path / "saved.upskill"
    drafts.save(make_draft(), path)
    recent.add(path)
    wizard = wizards(None, active=True)
    start = wizard.start_page
    start.refresh_lists()
    start.recent_list.setFocus()
    qtbot.keyClick(start.recent_list, Qt.Key.Key_Down)  # the first recent draft
    assert start.selected_recent() == path
    alt(qtbot, "g")
    dialog = the_dialog(qtbot)
    assert wizard.path == path and wizard.currentId() != PageId.START
    qtbot.keyClick(focused(), Qt.Key.Key_Down)
    assert wizard.draft().outcome.decision == "approved"
    qtbot.keyClick(focused(), Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: closed(dialog), timeout=3000)
