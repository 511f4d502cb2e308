"""Every page from the keyboard: the cursor waits in a field after Next and Back, mnemonics
never repeat on a page, a 'before you go on' message goes when it stops being true, and
what gets the cursor is scrolled into view."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QGroupBox, QLabel, QWidget, QWizard

from upskill_ask import model, objections
from upskill_ask.ui.pages.base import INPUTS, PageId
from upskill_ask.ui.wizard import RequestWizard

from .conftest import make_draft
from .fakes import go_to

pytestmark = pytest.mark.gui


@pytest.fixture
def wizard(wizards):
    return lambda draft=None: wizards(draft, active=True)


def crowded_draft() -> model.Draft:
    """Four options (one of each kind) and every question of the library chosen."""
    data = make_draft().model_dump(mode="json")
    base = data["options"][0]
    data["options"] = [dict(base, kind=kind, title=f"Option {n}")
                       for n, kind in enumerate(("paid_course", "free_training", "internal_expert",
                                                 "external_mentor"), 1)]
    data["objections"] = [{"id": oid} for oid in objections.library()]
    return model.Draft.model_validate(data)


def cursor_page(wiz: RequestWizard) -> QWidget | None:
    focus = QApplication.focusWidget()
    page = wiz.currentPage()
    return page if focus is not None and page.isAncestorOf(focus) and isinstance(focus, INPUTS) \
        else None


def test_after_next_and_back_the_cursor_waits_in_a_field(wizard, qtbot):
    wiz = wizard(make_draft())
    visited = []
    while wiz.currentId() != PageId.REVIEW:
        wiz.next()
        qtbot.waitUntil(lambda: cursor_page(wiz) is not None, timeout=2000)
        visited.append(PageId(wiz.currentId()))
    while wiz.currentId() != PageId.PEOPLE:
        wiz.back()
        qtbot.waitUntil(lambda: cursor_page(wiz) is not None, timeout=2000)
    assert visited == list(PageId)[1:]
    assert QApplication.focusWidget().objectName() == "person.name"  # the first field


def test_the_keyboard_alone_reaches_the_next_page_with_alt_n(wizard, qtbot):
    wiz = wizard(make_draft())
    go_to(wiz, PageId.PEOPLE)
    qtbot.waitUntil(lambda: cursor_page(wiz) is not None, timeout=2000)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_N, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: wiz.currentId() == PageId.SKILL, timeout=2000)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None
                    and QApplication.focusWidget().objectName() == "skill.name", timeout=2000)


def _mnemonic(text: str) -> str | None:
    found = re.search(r"&([^&])", text.replace("&&", ""))
    return found.group(1).lower() if found else None


def test_no_mnemonic_repeats_on_any_page_with_four_options_and_every_question(wizard):
    wiz = wizard(crowded_draft())
    buttons = [wiz.button(b) for b in (QWizard.WizardButton.BackButton,
                                       QWizard.WizardButton.NextButton,
                                       QWizard.WizardButton.CustomButton1,
                                       QWizard.WizardButton.CancelButton,
                                       QWizard.WizardButton.FinishButton)]
    checked = 0
    while True:
        page = wiz.currentPage()
        QApplication.processEvents()
        letters: dict[str, list[str]] = {}
        for widget in page.findChildren(QWidget) + buttons:
            if not widget.isVisible():
                continue
            if isinstance(widget, (QLabel, QAbstractButton)):
                text = widget.text()
            elif isinstance(widget, QGroupBox):
                text = widget.title()
            else:
                continue
            letter = _mnemonic(text)
            if letter:
                letters.setdefault(letter, []).append(text)
        repeats = {k: v for k, v in letters.items() if len(v) > 1}
        assert not repeats, f"{PageId(wiz.currentId()).name}: {repeats}"
        checked += 1
        before = wiz.currentId()
        wiz.next()
        if wiz.currentId() == before:
            break
    assert checked == len(PageId)
    assert len(wiz.draft().options) == 4


def test_a_missing_message_goes_as_soon_as_it_is_no_longer_true(wizard, qtbot):
    wiz = wizard()
    wiz.next()
    page = wiz.currentPage()
    wiz.next()  # nothing typed: the page explains
    assert page.message.isVisible() and "your name" in page.message.text()
    name = wiz.findChild(QWidget, "person.name")
    assert wiz.focusWidget() is name
    qtbot.keyClicks(name, "Priya")
    assert "your name" not in page.message.text() and page.message.isVisible()
    qtbot.keyClicks(wiz.findChild(QWidget, "manager.name"), "Arun")
    assert not page.message.isVisible()


def test_add_at_least_one_option_goes_when_an_option_is_added(wizard, qtbot):
    wiz = wizard(make_draft(options=[]))
    go_to(wiz, PageId.OPTIONS)
    wiz.next()
    page = wiz.currentPage()
    assert wiz.currentId() == PageId.OPTIONS and "at least one option" in page.message.text()
    add = wiz.focusWidget()
    assert add.objectName() == "add-paid_course"
    qtbot.keyClick(add, Qt.Key.Key_Space)
    assert len(wiz.store.get("options")) == 1
    assert not page.message.isVisible()


def test_a_moved_card_and_a_new_row_are_scrolled_into_view(wizard, qtbot):
    wiz = wizard(crowded_draft())
    go_to(wiz, PageId.OPTIONS)
    page = wiz.currentPage()
    bar = page.scroll.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0, timeout=2000)
    bar.setValue(0)
    page.findChild(QAbstractButton, "options.2.down").click()
    moved = wiz.findChild(QWidget, "options.3.card")
    qtbot.waitUntil(lambda: bar.value() > 0, timeout=2000)
    top = moved.mapTo(page.body, moved.rect().topLeft()).y()
    assert bar.value() <= top + moved.height()
    go_to(wiz, PageId.PLAN)
    plan = wiz.currentPage()
    plan.scroll.verticalScrollBar().setValue(0)
    add = plan.findChild(QAbstractButton, "plan.check_ins.add") or next(
        b for b in plan.findChildren(QAbstractButton) if b.text().startswith("Add") and b.isVisible()
        and "check" in b.accessibleName().lower())
    add.click()
    new_row = wiz.focusWidget()
    assert plan.isAncestorOf(new_row)
    qtbot.waitUntil(lambda: not new_row.visibleRegion().isEmpty(), timeout=2000)
