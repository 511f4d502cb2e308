"""One undo history for the whole draft: Ctrl+Z / Ctrl+Shift+Z and the Undo/Redo buttons take
back typing, removed and moved cards and rows, and what hangs on them."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QPlainTextEdit, QWidget, QWizard

from upskill_ask import drafts
from upskill_ask.ui.history import REDO_BUTTON, UNDO_BUTTON
from upskill_ask.ui.pages.base import PageId
from upskill_ask.ui.wizard import RequestWizard

from .conftest import make_draft
from .fakes import go_to

pytestmark = pytest.mark.gui
CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def wiz(wizards):
    return wizards(make_draft(), active=True)


def field(wizard: RequestWizard, path: str) -> QWidget:
    widget = wizard.findChild(QWidget, path)
    assert widget is not None, path
    return widget


def test_ctrl_z_in_a_field_takes_back_the_typing_and_ctrl_shift_z_redoes_it(wiz, qtbot):
    go_to(wiz, PageId.PEOPLE)
    team = field(wiz, "person.team")
    team.setFocus()
    team.end(False)
    qtbot.keyClicks(team, " North")
    assert wiz.store.get("person.team") == "Supply Planning North"
    qtbot.keyClick(team, Qt.Key.Key_Z, CTRL)
    assert wiz.store.get("person.team") == "Supply Planning" == team.text()
    qtbot.keyClick(team, Qt.Key.Key_Z, CTRL | SHIFT)
    assert wiz.store.get("person.team") == "Supply Planning North" == team.text()


def test_undo_goes_back_field_by_field_across_pages(wiz, qtbot):
    go_to(wiz, PageId.PEOPLE)
    qtbot.keyClicks(field(wiz, "person.role"), " (night shift)")
    go_to(wiz, PageId.SKILL)
    box = field(wiz, "skill.why_now")
    box.setFocus()
    qtbot.keyClicks(box, " Peak season starts in May.")
    assert isinstance(box, QPlainTextEdit)
    wiz.undo_controls.undo()
    assert wiz.store.get("skill.why_now") == "The new ERP goes live in March."
    assert "(night shift)" in wiz.store.get("person.role")
    wiz.undo_controls.undo()  # the change on the earlier page: the wizard goes there
    assert wiz.store.get("person.role") == "Planning Analyst"
    assert wiz.currentId() == PageId.PEOPLE
    assert wiz.focusWidget() is field(wiz, "person.role")


def test_removing_an_option_says_so_and_undo_brings_it_back_with_the_walk_away_point(wiz, qtbot):
    go_to(wiz, PageId.OPTIONS)
    page = wiz.currentPage()
    assert wiz.store.get("private.stop_at_option") == 2
    remove = wiz.findChild(QAbstractButton, "options.0.remove")
    qtbot.mouseClick(remove, Qt.MouseButton.LeftButton)
    assert [o["title"] for o in wiz.store.get("options")] == ["Vendor learning path"]
    assert wiz.store.get("private.stop_at_option") == 1  # still the same option
    assert page.notice.isVisible()
    assert "Power BI Data Analyst course" in page.notice.text() and "Ctrl+Z" in page.notice.text()
    undo = wiz.button(UNDO_BUTTON)
    assert undo.isEnabled() and "Power BI" in undo.toolTip()
    qtbot.mouseClick(undo, Qt.MouseButton.LeftButton)
    assert [o["title"] for o in wiz.store.get("options")] == ["Power BI Data Analyst course",
                                                               "Vendor learning path"]
    assert wiz.store.get("private.stop_at_option") == 2
    assert wiz.findChild(QWidget, "options.1.title").text() == "Vendor learning path"
    assert wiz.button(REDO_BUTTON).isEnabled()
    wiz.draft()  # still a valid draft


def test_removing_the_walk_away_option_clears_it_and_moving_follows_it(wiz, qtbot):
    go_to(wiz, PageId.OPTIONS)
    wiz.currentPage().move(1, 0)
    assert wiz.store.get("private.stop_at_option") == 1
    assert wiz.store.get("options.0.title") == "Vendor learning path"
    wiz.currentPage().remove(0)
    assert wiz.store.get("private.stop_at_option") is None
    wiz.undo_controls.undo()
    wiz.undo_controls.undo()
    assert wiz.store.get("private.stop_at_option") == 2
    assert wiz.store.get("options.0.title") == "Power BI Data Analyst course"


def test_a_removed_question_comes_back_with_its_private_fallback(wiz, qtbot):
    go_to(wiz, PageId.QUESTIONS)
    wiz.currentPage().remove(0)
    assert "no-budget" not in wiz.store.get("private.fallbacks")
    qtbot.keyClick(wiz.focusWidget() or wiz, Qt.Key.Key_Z, CTRL)
    assert wiz.store.get("objections.0.id") == "no-budget"
    assert wiz.store.get("private.fallbacks")["no-budget"] == "Split the fee over two quarters."


def test_a_removed_row_comes_back(wiz, qtbot):
    go_to(wiz, PageId.SKILL)
    remove = next(b for b in wiz.currentPage().findChildren(QAbstractButton)
                  if b.accessibleName() == "Remove benefit to the team 1")
    qtbot.mouseClick(remove, Qt.MouseButton.LeftButton)
    assert wiz.store.get("skill.benefits_team") == ["Fewer ad-hoc requests"]
    assert "Removed benefit to the team 1" in wiz.currentPage().notice.text()
    wiz.undo_controls.undo()
    assert wiz.store.get("skill.benefits_team")[0] == "Regional leads answer their own questions"
    assert field(wiz, "skill.benefits_team.0").text() == "Regional leads answer their own questions"


def test_typing_in_one_field_undoes_as_one_step(wiz, qtbot):
    go_to(wiz, PageId.PEOPLE)
    qtbot.keyClicks(field(wiz, "person.name"), " Jr")
    qtbot.keyClicks(field(wiz, "manager.title"), ", EMEA")
    assert wiz.store.undo_steps == 2
    wiz.undo_controls.undo()
    wiz.undo_controls.undo()
    assert wiz.store.get("person.name") == "Maya Okafor"
    assert not wiz.button(UNDO_BUTTON).isEnabled()


def test_opening_another_draft_starts_a_new_history(wiz, qtbot, tmp_path):
    go_to(wiz, PageId.PEOPLE)
    qtbot.keyClicks(field(wiz, "person.name"), "x")
    path = tmp_path / "other.upskill"
    drafts.save(make_draft(), path)
    wiz.store.dirty = False
    assert wiz.open_path(path)
    assert not wiz.store.can_undo() and not wiz.button(UNDO_BUTTON).isEnabled()


def test_the_undo_buttons_sit_left_in_the_button_row(wiz):
    layout_ok = wiz.button(UNDO_BUTTON).geometry().x() < wiz.button(
        QWizard.WizardButton.NextButton).geometry().x()
    assert layout_ok and wiz.buttonText(UNDO_BUTTON) == "Undo"


def test_the_save_button_saves_and_the_undo_buttons_do_not(wiz, qtbot, tmp_path):
    wiz.dialogs.save_answer = tmp_path / "saved.upskill"
    go_to(wiz, PageId.PEOPLE)
    qtbot.keyClicks(field(wiz, "person.name"), "x")
    qtbot.mouseClick(wiz.button(UNDO_BUTTON), Qt.MouseButton.LeftButton)
    qtbot.mouseClick(wiz.button(REDO_BUTTON), Qt.MouseButton.LeftButton)
    assert wiz.dialogs.texts("save_path") == []
    qtbot.mouseClick(wiz.button(QWizard.WizardButton.CustomButton1), Qt.MouseButton.LeftButton)
    assert drafts.load(tmp_path / "saved.upskill").person.name == "Maya Okaforx"
