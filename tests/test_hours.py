"""The option form says where hours and dates disagree, and never changes what was typed."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from upskill_ask import hours, model
from upskill_ask.formatting import Formatter

FMT = Formatter("en_GB", "GBP")


def option(total, per_week, start=None, end=None):
    return model.Option(kind="paid_course", hours_total=Decimal(total),
                        hours_per_week=Decimal(per_week),
                        schedule=model.Schedule(start=start, end=end))


def test_dates_and_hours_that_agree_say_nothing():
    # 8 weeks at 4 h a week is 32 h
    assert hours.disagreements(option(32, 4, dt.date(2027, 1, 4), dt.date(2027, 2, 28)), FMT) == []
    assert hours.disagreements(option(30, 4, dt.date(2027, 1, 4), dt.date(2027, 2, 28)), FMT) == []
    assert hours.disagreements(option(0, 0), FMT) == []


def test_dates_that_give_another_total_are_named_with_the_arithmetic():
    opt = option(20, 4, dt.date(2027, 1, 4), dt.date(2027, 2, 28))
    [said] = hours.disagreements(opt, FMT)
    assert "8 weeks" in said and "4 h a week" in said and "32 h" in said and "20 h" in said
    assert opt.hours_total == 20  # nothing typed is replaced


def test_more_hours_a_week_than_in_total():
    [said] = hours.disagreements(option(3, 5), FMT)
    assert "5 h" in said and "3 h" in said
