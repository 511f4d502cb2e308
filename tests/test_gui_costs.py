"""The options and plan pages edit the fields of format version 3: cost items typed in the
locale's form, others' hours and rates, the package check box with its live combined total,
and check-ins with what is reviewed; undo takes them back like any other input."""

from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QLabel, QLineEdit, QWidget

from upskill_ask.ui.pages.base import PageId

from .conftest import make_draft
from .fakes import go_to, type_text

pytestmark = pytest.mark.gui


def retype(widget: QLineEdit, text: str) -> None:
    widget.setFocus()
    widget.selectAll()
    type_text(widget, text)


def test_cost_items_and_rates_typed_in_the_locale_reach_the_draft_and_the_totals(wizards, qtbot):
    wizard = wizards(make_draft(locale="de_DE", currency="EUR"), active=True)
    go_to(wizard, PageId.OPTIONS)
    page = wizard.currentPage()
    exam = wizard.findChild(QLineEdit, "options.0.cost.exam")
    assert exam is not None and exam.accessibleName().startswith("Option 1")
    retype(exam, "1.150,50")
    assert wizard.draft().options[0].cost.exam == Decimal("1150.50")
    page.update_totals()
    card = wizard.findChild(QLabel, "options.0.totals").text()
    assert "2.400,50" in card  # 1.250 fee + 1.150,50 exam
    retype(wizard.findChild(QLineEdit, "options.1.expert_hours"), "10")
    page.update_totals()
    assert "not costed" in wizard.findChild(QLabel, "options.1.totals").text()
    retype(wizard.findChild(QLineEdit, "options.1.expert_rate"), "45")
    assert wizard.draft().options[1].expert_rate == Decimal("45")
    page.update_totals()
    assert "450" in wizard.findChild(QLabel, "options.1.totals").text()
    retype(exam, "12,3,4")
    label = wizard.findChild(QLabel, "options.0.cost.exam.problem")
    assert label.isVisible()


def test_the_package_box_shows_a_live_combined_total_and_undoes(wizards, qtbot):
    wizard = wizards(make_draft(), active=True)
    go_to(wizard, PageId.OPTIONS)
    page = wizard.currentPage()
    combined = wizard.findChild(QLabel, "package-totals")
    first = wizard.findChild(QCheckBox, "options.0.in_package")
    second = wizard.findChild(QCheckBox, "options.1.in_package")
    assert first.text() == "Ask for this together with the other marked options"
    first.setFocus()
    qtbot.keyClick(first, Qt.Key.Key_Space)
    page.update_totals()
    assert wizard.draft().options[0].in_package and not combined.isVisible()
    second.setFocus()
    qtbot.keyClick(second, Qt.Key.Key_Space)
    page.update_totals()
    assert combined.isVisible() and "options 1 + 2" in combined.text()
    assert "£1,250" in combined.text() and "36 h" in combined.text()
    wizard.store.undo()
    assert not second.isChecked() and not wizard.draft().options[1].in_package


def test_check_ins_edit_a_date_and_what_is_reviewed(wizards, qtbot):
    wizard = wizards(make_draft(), active=True)
    go_to(wizard, PageId.PLAN)
    review = wizard.findChild(QLineEdit, "plan.check_ins.1.review")
    assert wizard.findChild(QWidget, "plan.check_ins.1.date") is not None
    retype(review, "Demo to the team")
    assert wizard.draft().plan.check_ins[1].review == "Demo to the team"
    assert wizard.findChild(QLineEdit, "plan.check_ins.0.review").text() == \
        "The first dashboard page, live"


def test_the_budget_line_is_typed_on_the_people_page(wizards, qtbot):
    wizard = wizards(make_draft(), active=True)
    go_to(wizard, PageId.PEOPLE)
    line = wizard.findChild(QLineEdit, "timing.budget_line")
    retype(line, "CC 4410")
    assert wizard.draft().timing.budget_line == "CC 4410"
