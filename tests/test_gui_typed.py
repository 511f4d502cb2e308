"""Amounts, hours and email addresses typed the way people write them: understood in the
draft's locale, or refused at once under the field with the form expected."""

from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QWidget

from upskill_ask import drafts
from upskill_ask.ui.pages.base import PageId

from .conftest import make_draft
from .fakes import go_to, type_text

pytestmark = pytest.mark.gui


@pytest.fixture
def wiz(wizards):
    # focus leaving a field needs an active window
    return lambda **overrides: wizards(make_draft(**overrides), active=True)


def retype(qtbot, widget: QLineEdit, text: str) -> None:
    widget.setFocus()
    widget.selectAll()
    type_text(widget, text)


def problem(wizard, path: str) -> QLabel:
    label = wizard.findChild(QLabel, f"{path}.problem")
    assert label is not None
    return label


@pytest.mark.parametrize(("locale", "currency", "typed", "stored", "shown"), [
    ("en_IN", "INR", "1,45,000", "145000.00", "1,45,000"),
    ("en_IN", "INR", "₹420", "420.00", "420"),
    ("de_DE", "EUR", "1.560,50", "1560.50", "1.560,50"),
    ("fr_FR", "EUR", "1 560,50", "1560.50", "1\u202f560,50"),
    ("en_GB", "GBP", "0", "0.00", "0"),
    ("ja_JP", "JPY", "1,250,000", "1250000", "1,250,000"),
])
def test_amounts_typed_in_the_locales_way_are_understood(wiz, qtbot, locale, currency, typed,
                                                         stored, shown):
    wizard = wiz(locale=locale, currency=currency)
    go_to(wizard, PageId.OPTIONS)
    amount = wizard.findChild(QLineEdit, "options.0.cost.amount")
    retype(qtbot, amount, typed)
    assert Decimal(wizard.store.get("options.0.cost.amount")) == Decimal(stored)
    assert not problem(wizard, "options.0.cost.amount").isVisible()
    wizard.findChild(QWidget, "options.0.hours_total").setFocus()  # leave the field
    assert amount.text() == shown
    assert wizard.draft().options[0].cost.amount == Decimal(stored)


def test_an_amount_that_cannot_be_read_is_refused_at_once_with_the_form_expected(wiz, qtbot):
    wizard = wiz(locale="en_IN", currency="INR")
    go_to(wizard, PageId.OPTIONS)
    amount = wizard.findChild(QLineEdit, "options.0.cost.amount")
    retype(qtbot, amount, "1.2.3")
    label = problem(wizard, "options.0.cost.amount")
    assert label.isVisible() and "'1.2.3'" in label.text() and "1,45,000.50" in label.text()
    assert "1,45,000.50" in amount.accessibleDescription()
    with pytest.raises(drafts.DraftError) as refused:
        wizard.draft()  # the draft never silently keeps the old amount
    assert refused.value.problems[0][0] == "options.0.cost.amount"
    wizard.currentPage().update_totals()
    totals = wizard.findChild(QLabel, "options.0.totals").text()
    assert "wait" in totals and "₹" not in totals  # no figures left from before the problem
    retype(qtbot, amount, "$420")
    assert "INR" in label.text()
    retype(qtbot, amount, "420")
    assert not label.isVisible()
    assert wizard.draft().options[0].cost.amount == 420


def test_hours_are_read_in_the_locale_too(wiz, qtbot):
    wizard = wiz(locale="de_DE", currency="EUR")
    go_to(wizard, PageId.OPTIONS)
    hours = wizard.findChild(QLineEdit, "options.0.hours_total")
    retype(qtbot, hours, "40,5")
    assert wizard.draft().options[0].hours_total == Decimal("40.5")
    retype(qtbot, hours, "4,5,6")
    assert problem(wizard, "options.0.hours_total").isVisible()


def test_changing_the_locale_shows_amounts_in_its_form(wiz, qtbot):
    wizard = wiz(locale="en_GB", currency="GBP")
    go_to(wizard, PageId.OPTIONS)
    amount = wizard.findChild(QLineEdit, "options.0.cost.amount")
    assert amount.text() == "1,250"
    wizard.store.set("locale", "de_DE")
    assert amount.text() == "1.250"


def test_an_email_address_is_checked_as_it_is_typed(wiz, qtbot):
    wizard = wiz()
    go_to(wizard, PageId.PEOPLE)
    email = wizard.findChild(QLineEdit, "manager.email")
    label = problem(wizard, "manager.email")
    retype(qtbot, email, "graham at work")
    assert label.isVisible() and "space" in label.text()
    with pytest.raises(drafts.DraftError):
        wizard.draft()
    retype(qtbot, email, "graham.price@example.com")
    assert not label.isVisible()
    assert wizard.draft().manager.email == "graham.price@example.com"


def test_the_option_card_says_where_dates_and_hours_disagree_and_keeps_the_figures(wiz, qtbot):
    wizard = wiz()
    go_to(wizard, PageId.OPTIONS)
    page = wizard.currentPage()
    check = wizard.findChild(QLabel, "options.0.hours-check")
    start = wizard.findChild(QWidget, "options.0.schedule.start")
    end = wizard.findChild(QWidget, "options.0.schedule.end")
    retype(qtbot, start, "2027-01-04")
    retype(qtbot, end, "2027-02-28")  # 8 weeks at 4 h a week: 32 h, and the total is 32
    page.update_totals()
    assert not check.isVisible()
    retype(qtbot, wizard.findChild(QLineEdit, "options.0.hours_total"), "60")
    page.update_totals()
    assert check.isVisible() and "8 weeks" in check.text() and "60 h" in check.text()
    assert wizard.draft().options[0].hours_total == 60  # what was typed stays
    totals = wizard.findChild(QLabel, "options.0.totals").text()
    assert "24 h in work time" in totals and "36 h in your own time" in totals


def test_keys_no_amount_can_hold_are_refused_at_once(wiz, qtbot):
    wizard = wiz(locale="en_IN", currency="INR")
    go_to(wizard, PageId.OPTIONS)
    hours = wizard.findChild(QLineEdit, "options.0.hours_total")
    retype(qtbot, hours, "the shift ran 40 late")
    assert hours.text().strip() == "40"  # the letters never went in
    assert wizard.draft().options[0].hours_total == 40
    amount = wizard.findChild(QLineEdit, "options.0.cost.amount")
    retype(qtbot, amount, "INR 1,45,000!?")
    assert wizard.draft().options[0].cost.amount == 145000


def test_what_the_gap_costs_is_typed_on_the_skill_page(wiz, qtbot):
    wizard = wiz(locale="en_IN", currency="INR")
    go_to(wizard, PageId.SKILL)
    retype(qtbot, wizard.findChild(QLineEdit, "skill.gap_cost.what"), "41 tickets a month")
    retype(qtbot, wizard.findChild(QLineEdit, "skill.gap_cost.money_per_month"), "₹1,20,000")
    retype(qtbot, wizard.findChild(QLineEdit, "skill.gap_cost.hours_per_month"), "40")
    gap = wizard.draft().skill.gap_cost
    assert (gap.what, gap.money_per_month, gap.hours_per_month) == (
        "41 tickets a month", Decimal("120000"), Decimal("40"))
    money = wizard.findChild(QLineEdit, "skill.gap_cost.money_per_month")
    money.setFocus()
    money.selectAll()
    qtbot.keyClick(money, Qt.Key.Key_Delete)
    assert wizard.draft().skill.gap_cost.money_per_month is None  # empty is "not given", not 0


def test_the_paper_size_is_chosen_on_the_people_page(wiz, qtbot):
    from PySide6.QtWidgets import QComboBox

    wizard = wiz()
    go_to(wizard, PageId.PEOPLE)
    box = wizard.findChild(QComboBox, "paper")
    assert wizard.draft().paper == "auto"
    box.setCurrentIndex(box.findData("letter"))
    assert wizard.draft().paper == "letter"
