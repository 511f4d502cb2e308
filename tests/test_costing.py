"""Totals per option and for the ladder, exact to the minor unit of the currency."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from upskill_ask import costing, model

from .conftest import make_draft


def test_option_totals_are_exact(draft):
    totals = costing.ladder_totals(draft)
    first = totals.options[0]
    assert first.cash == Decimal("1250.00")
    assert first.hours_total == Decimal("32.0")
    assert first.hours_away == Decimal("24.0")
    assert first.hours_own_time == Decimal("8.0")
    assert first.weeks == Decimal("8.0")
    assert first.hours_away_per_week == Decimal("3.0")
    assert first.cost_of_hours == Decimal("924.00")  # 24 h x 38.50
    assert first.total_cost == Decimal("2174.00")
    assert first.months == Decimal("1.8")  # 8 weeks / 4.348
    assert first.cash_per_month == Decimal("679.38")  # 1250 x 4.348 / 8 = 679.375, half up


def test_ladder_range_recommended_cheapest_fallback(draft):
    totals = costing.ladder_totals(draft)
    assert totals.recommended.rank == 1
    assert totals.fallback.rank == 2
    assert totals.cheapest.rank == 2
    assert totals.cash_range == (Decimal("0.00"), Decimal("1250.00"))
    assert totals.hours_away_range == (Decimal("12.0"), Decimal("24.0"))


def test_without_hourly_cost_there_is_no_cost_of_hours(draft):
    draft.person.hourly_cost = None
    first = costing.ladder_totals(draft).options[0]
    assert first.cost_of_hours is None and first.total_cost is None
    assert first.employer_cost == Decimal("1250.00")


def test_schedule_dates_set_the_duration():
    option = model.Option(hours_total=Decimal("14"), hours_on_clock=Decimal("14"),
                          schedule=model.Schedule(start=dt.date(2027, 1, 4),
                                                  end=dt.date(2027, 1, 17)))
    totals = costing.option_totals(option, 1, None)
    assert totals.weeks == Decimal("2.0")
    assert totals.hours_away_per_week == Decimal("7.0")


def test_rounding_is_half_up_in_the_currency_minor_unit():
    assert costing.round_money(Decimal("2.345"), "EUR") == Decimal("2.35")
    assert costing.round_money(Decimal("1234.5"), "JPY") == Decimal("1235")
    assert costing.round_hours(Decimal("0.25")) == Decimal("0.3")


def test_sums_of_cents_stay_exact():
    draft = make_draft()
    draft.person.hourly_cost = Decimal("0.10")
    draft.options[0].hours_on_clock = Decimal("3")
    draft.options[0].hours_total = Decimal("3")
    first = costing.ladder_totals(draft).options[0]
    assert first.cost_of_hours == Decimal("0.30")  # 0.1 * 3 in float is 0.30000000000000004


def test_empty_ladder():
    totals = costing.ladder_totals(model.Draft())
    assert totals.recommended is None and totals.cheapest is None and totals.cash_range is None


def test_weeks_until():
    today = dt.date(2026, 11, 23)
    assert costing.weeks_until(dt.date(2027, 1, 15), today) == 7
    assert costing.weeks_until(None, today) is None
    assert costing.weeks_until(dt.date(2026, 11, 1), today) < 0


def test_numbers_follow_the_locale_and_words_the_document_language():
    import datetime as dt

    from upskill_ask.formatting import Formatter

    fmt = Formatter("nl_NL", "EUR", "en")
    assert fmt.money(Decimal("1234.5")) == "€\xa01.234,50"
    assert fmt.number(Decimal("3.1")) == "3,1"
    # one date style in every document: the locale's long form, in the document's language
    assert fmt.date(dt.date(2026, 12, 18)) == "18 December 2026"
    assert Formatter("de_DE", "EUR", "de").date(dt.date(2026, 12, 18)) == "18. Dezember 2026"
    assert Formatter("xx_YY", "EUR", "en").money(Decimal("1")) == "€1.00"
