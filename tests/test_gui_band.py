"""The approval limit and the pay band are typed like any amount, and the answers use them."""

from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtWidgets import QLineEdit

from .conftest import make_draft
from .fakes import go_to

pytestmark = [pytest.mark.gui,
              pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")]


def test_the_approval_limit_and_the_pay_band_are_typed_in_the_locales_form(wizards, qtbot):
    from upskill_ask.ui.pages.base import PageId

    draft = make_draft()
    draft.locale = "de_DE"
    wizard = wizards(draft, active=True)
    go_to(wizard, PageId.PEOPLE)
    limit = wizard.findChild(QLineEdit, "manager.approval_limit")
    limit.setFocus()
    qtbot.keyClicks(limit, "2.500")
    go_to(wizard, PageId.SKILL)
    for name, text in (("person.salary_band.low", "48.000"), ("person.salary_band.high",
                                                               "56.000,50")):
        field = wizard.findChild(QLineEdit, name)
        field.setFocus()
        qtbot.keyClicks(field, text)
    saved = wizard.draft()
    assert saved.manager.approval_limit == Decimal("2500")
    assert (saved.person.salary_band.low, saved.person.salary_band.high) == (
        Decimal("48000"), Decimal("56000.50"))
    for name in ("manager.approval_limit", "person.salary_band.low"):
        field = wizard.findChild(QLineEdit, name)
        label = next(lbl for lbl in wizard.findChildren(type(wizard.findChild(
            __import__("PySide6.QtWidgets", fromlist=["QLabel"]).QLabel)))
            if lbl.buddy() is field)
        assert "&" in label.text() and field.accessibleName()


def test_the_informal_address_is_a_keyboard_choice_for_german_documents(wizards, qtbot):
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QCheckBox, QComboBox, QLabel

    from upskill_ask.ui.pages.base import PageId

    draft = make_draft()
    draft.language = "de"
    wizard = wizards(draft, active=True)
    go_to(wizard, PageId.PEOPLE)
    box = wizard.findChild(QCheckBox, "manager.informal")
    label = next(lbl for lbl in wizard.findChildren(QLabel) if lbl.buddy() is box)
    assert "&" in label.text() and box.accessibleName() and box.toolTip()
    assert box.isEnabled() and not box.isChecked()
    assert box.text() == "Informally: “du”, not “Sie”"  # in the proposal language's words
    qtbot.waitUntil(wizard.findChild(QLineEdit, "person.name").hasFocus)  # the page's own
    letter = label.text()[label.text().index("&") + 1].upper()
    # Alt+letter on a check box's label focuses and ticks it (Qt clicks a button buddy)
    qtbot.keyClick(wizard.currentPage(), getattr(Qt.Key, f"Key_{letter}"),
                   Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: wizard.draft().manager.informal is True)
    assert box.hasFocus() and box.isChecked()
    qtbot.keyClick(box, Qt.Key.Key_Space)  # and Space unticks it
    assert wizard.draft().manager.informal is False
    qtbot.keyClick(box, Qt.Key.Key_Space)
    assert wizard.draft().manager.informal is True
    language = wizard.findChild(QComboBox, "language")
    language.setCurrentIndex(language.findData("fr"))
    assert not box.isEnabled()  # French keeps "vous": no informal catalog
    assert box.text() == "Informally (not offered for this proposal language)"
    assert wizard.draft().manager.informal is True  # kept for when German comes back
    language.setCurrentIndex(language.findData("en"))
    assert not box.isVisible() and not label.isVisible()  # English has one "you"
    language.setCurrentIndex(language.findData("de"))
    assert box.isEnabled() and box.isVisible()
