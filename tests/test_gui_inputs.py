"""Inputs change only when the user means it, and dates work from the keyboard."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QDate, QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication, QScrollArea, QVBoxLayout, QWidget

from upskill_ask.ui.inputs import ChoiceBox, DateField, NumberSpin, parse_typed_date
from upskill_ask.ui.pages.base import PageId
from upskill_ask.ui.wizard import RequestWizard

from .conftest import make_draft
from .fakes import FakeDialogs, go_to

pytestmark = pytest.mark.gui


def wheel(widget: QWidget, delta: int = -120) -> None:
    event = QWheelEvent(QPointF(widget.width() / 2, widget.height() / 2),
                        QPointF(widget.mapToGlobal(QPoint(2, 2))), QPoint(0, 0), QPoint(0, delta),
                        Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier,
                        Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(widget, event)


@pytest.fixture
def page(qtbot):
    scroll = QScrollArea()
    body = QWidget()
    layout = QVBoxLayout(body)
    combo, spin = ChoiceBox(), NumberSpin()
    combo.addItems(["Paid course", "Internal expert", "External mentor"])
    spin.setRange(0, 600)
    spin.setValue(15)
    layout.addWidget(combo)
    layout.addWidget(spin)
    layout.addSpacing(2000)  # a long page, so the wheel has something to scroll
    scroll.setWidgetResizable(True)
    scroll.setWidget(body)
    scroll.resize(300, 200)
    qtbot.addWidget(scroll)
    scroll.show()
    qtbot.waitExposed(scroll)
    yield scroll, combo, spin


def test_the_wheel_over_an_unfocused_choice_scrolls_the_page_instead(page):
    scroll, combo, spin = page
    scroll.setFocus()
    for widget in (combo, spin):
        before = scroll.verticalScrollBar().value()
        wheel(widget)
        assert scroll.verticalScrollBar().value() > before, "the page did not scroll"
    assert combo.currentIndex() == 0 and spin.value() == 15


def test_the_wheel_changes_a_choice_the_user_is_in(page):
    _scroll, combo, spin = page
    combo.setFocus()
    wheel(combo)
    assert combo.currentIndex() == 1
    spin.setFocus()
    wheel(spin, 120)
    assert spin.value() == 16


@pytest.mark.parametrize("typed", ["2027-03-09", "9 Mar 2027", "9 March 2027", "March 9, 2027",
                                   "2027-3-9", "09.03.2027"])
def test_dates_are_understood_as_people_type_them(typed):
    assert parse_typed_date(typed) == QDate(2027, 3, 9)


@pytest.mark.parametrize("typed", ["", "soon", "2027-13-01", "31 Feb 2027", "9 Mar 202"])
def test_what_is_not_a_date_is_not_taken_for_one(typed):
    assert parse_typed_date(typed) is None


@pytest.fixture
def date_field(qtbot):
    holder = QWidget()
    layout = QVBoxLayout(holder)
    field, after = DateField(), DateField()
    layout.addWidget(field)
    layout.addWidget(after)
    qtbot.addWidget(holder)
    holder.show()
    qtbot.waitExposed(holder)
    yield field, after  # the holder stays referenced while the test runs


def test_a_typed_date_is_taken_and_shown_in_the_fields_form(date_field, qtbot):
    field, _after = date_field
    field.setFocus()
    with qtbot.waitSignal(field.isoDateChanged) as changed:
        qtbot.keyClicks(field, "2027-03-09")
    assert changed.args == ["2027-03-09"]
    qtbot.keyClick(field, Qt.Key.Key_Tab)
    assert field.text() == "9 Mar 2027" and field.isoDate == "2027-03-09"


def test_delete_clears_a_date_to_not_set(date_field, qtbot):
    field, _after = date_field
    field.isoDate = "2027-03-09"
    field.setFocus()
    qtbot.waitUntil(lambda: field.selectedText() == field.text())  # entering selects the date
    qtbot.keyClick(field, Qt.Key.Key_Delete)
    assert field.isoDate == "" and field.text() == ""
    assert field.placeholderText() == "Not set"


def test_arrows_step_the_date_and_start_at_today(date_field, qtbot):
    field, _after = date_field
    field.setFocus()
    qtbot.keyClick(field, Qt.Key.Key_Up)
    assert field.isoDate == QDate.currentDate().toString("yyyy-MM-dd")
    qtbot.keyClick(field, Qt.Key.Key_Up)
    qtbot.keyClick(field, Qt.Key.Key_PageUp)
    assert field.date() == QDate.currentDate().addDays(1).addMonths(1)


@pytest.mark.parametrize("keys", [(Qt.Key.Key_F4, Qt.KeyboardModifier.NoModifier),
                                  (Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)])
def test_f4_and_alt_down_open_the_calendar_and_enter_picks(date_field, qtbot, keys):
    field, _after = date_field
    field.isoDate = "2027-03-09"
    field.setFocus()
    qtbot.keyClick(field, *keys)
    assert field.popup is not None and field.popup.isVisible()
    calendar = field.popup.calendar
    assert calendar.selectedDate() == QDate(2027, 3, 9)
    inside = QApplication.focusWidget()
    assert calendar.isAncestorOf(inside), "the calendar has the keyboard"
    qtbot.keyClick(inside, Qt.Key.Key_Right)
    qtbot.keyClick(inside, Qt.Key.Key_Return)
    assert not field.popup.isVisible()
    assert field.isoDate == "2027-03-10"


def test_text_that_is_no_date_keeps_the_last_date_and_says_so(date_field, qtbot):
    field, after = date_field
    field.isoDate = "2027-03-09"
    field.setFocus()
    qtbot.keyClicks(field, "next Tuesday")
    after.setFocus()
    assert field.isoDate == "2027-03-09"
    assert "9 Mar 2027" in field.accessibleDescription()


def test_every_timing_date_takes_a_typed_iso_date_in_the_wizard(qtbot):
    wizard = RequestWizard(make_draft(), dialogs=FakeDialogs())
    qtbot.addWidget(wizard)
    wizard.show()
    go_to(wizard, PageId.PEOPLE)
    for key in ("meeting_date", "budget_date", "decision_by"):
        widget = wizard.findChild(QWidget, f"timing.{key}")
        widget.setFocus()
        qtbot.keyClick(widget, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        qtbot.keyClick(widget, Qt.Key.Key_Delete)
        assert wizard.store.get(f"timing.{key}") is None
        qtbot.keyClicks(widget, "2027-03-09")
        qtbot.keyClick(widget, Qt.Key.Key_Tab)
        assert wizard.draft().model_dump(mode="json")["timing"][key] == "2027-03-09"
    wizard.store.dirty = False
    wizard.review_page.shutdown()


def test_the_wheel_over_the_app_language_never_switches_the_language(wizards, qtbot):
    from upskill_ask.ui import language

    wizard = wizards()
    box = wizard.start_page.language_box
    chosen, index = language.chosen(), box.currentIndex()
    for delta in (-120, -120, 120):
        wheel(box, delta)
    qtbot.wait(50)
    assert (language.chosen(), box.currentIndex()) == (chosen, index)
    assert wizard.isVisible() and wizard.currentPage() is wizard.start_page


def test_no_break_spaces_in_paragraphs_come_back_as_typed(wizards, qtbot):
    from PySide6.QtWidgets import QPlainTextEdit

    from .conftest import make_draft

    draft = make_draft()
    draft.skill.why_now = "Le stage coûte 3\u202f180\u00a0€\u00a0: le jeudi de 11\u00a0h à 13\u00a0h."
    wizard = wizards(draft)
    field = wizard.findChild(QPlainTextEdit, "skill.why_now")
    assert field.toPlainText() == draft.skill.why_now
    field.setFocus()
    field.moveCursor(field.textCursor().MoveOperation.End)
    qtbot.keyClicks(field, " Merci")
    assert wizard.draft().skill.why_now == draft.skill.why_now + " Merci"
