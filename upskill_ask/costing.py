"""Totals for each option and for the ladder: cash, hours away, per week and month, cost of hours.

An option's cash is its fee plus the other items given (exam, materials, travel). The hours
other people give (the expert's, the cover's) are costed only at a rate the user gives, and are
kept apart from the cash; without a rate they are counted but not costed.

Everything is Decimal. Money is rounded once, at the end, to the currency's minor unit (half
up, as an invoice would); hours to a tenth. Nothing here is typed by the user: it is computed
from the option's figures and the employee's optional hourly cost.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from functools import lru_cache

from upskill_ask.model import Draft, Option

WEEKS_PER_MONTH = Decimal("4.348")  # 365.25 / 12 / 7, to three places
DAYS_PER_MONTH = Decimal("30.4375")  # 365.25 / 12
HOUR_STEP = Decimal("0.1")


@lru_cache(maxsize=64)
def minor_unit(currency: str) -> Decimal:
    """0.01 for EUR, 1 for JPY: the smallest amount worth printing in that currency."""
    try:
        from babel.numbers import get_currency_precision

        digits = get_currency_precision(currency)
    except Exception:  # an unknown code still gets cents
        digits = 2
    return Decimal(1).scaleb(-digits)


def round_money(amount: Decimal, currency: str) -> Decimal:
    return amount.quantize(minor_unit(currency), rounding=ROUND_HALF_UP)


def round_hours(hours: Decimal) -> Decimal:
    return hours.quantize(HOUR_STEP, rounding=ROUND_HALF_UP)


@dataclass(frozen=True)
class OptionTotals:
    """The computed figures of one option (None where the inputs do not say)."""

    rank: int
    cash: Decimal
    currency: str
    hours_total: Decimal
    hours_away: Decimal
    hours_own_time: Decimal
    weeks: Decimal | None
    months: Decimal | None
    hours_away_per_week: Decimal | None
    hours_away_per_month: Decimal | None
    cash_per_month: Decimal | None
    cost_of_hours: Decimal | None
    total_cost: Decimal | None
    weekly_load: Decimal | None = None  # hours a week in all, on the clock and in own time
    others_cost: Decimal | None = None  # the expert's and the cover's hours at their rates
    others_uncosted: tuple[str, ...] = ()  # whose hours were given without a rate

    @property
    def employer_cost(self) -> Decimal:
        """Cash plus the cost of the hours where known, else the cash alone."""
        return self.total_cost if self.total_cost is not None else self.cash


def _weeks(option: Option) -> Decimal | None:
    start, end = option.schedule.start, option.schedule.end
    if start and end:
        days = (end - start).days + 1
        return Decimal(days) / Decimal(7)
    if option.hours_per_week > 0 and option.hours_total > 0:
        return option.hours_total / option.hours_per_week
    return None


def others(option: Option) -> tuple[Decimal | None, tuple[str, ...]]:
    """The cost of the hours other people give at the rates the user gave (None when no hours
    have a rate), and whose hours ('expert', 'cover') are given without one."""
    costed, uncosted = [], []
    for who in ("expert", "cover"):
        hours, rate = getattr(option, f"{who}_hours"), getattr(option, f"{who}_rate")
        if hours is None or hours == 0:
            continue
        if rate is None:
            uncosted.append(who)
        else:
            costed.append(hours * rate)
    return (sum(costed, Decimal(0)) if costed else None), tuple(uncosted)


def _weekly_load(option: Option, weeks: Decimal | None) -> Decimal | None:
    if option.hours_per_week > 0:
        return option.hours_per_week
    return option.hours_total / weeks if weeks and option.hours_total > 0 else None


def option_totals(option: Option, rank: int, hourly_cost: Decimal | None) -> OptionTotals:
    currency = option.cost.currency
    cash = option.cost.total
    weeks = _weeks(option)
    months = weeks / WEEKS_PER_MONTH if weeks else None
    away = option.hours_on_clock
    cost_of_hours = away * hourly_cost if hourly_cost is not None else None
    others_cost, uncosted = others(option)
    known = [c for c in (cost_of_hours, others_cost) if c is not None]
    total = cash + sum(known, Decimal(0)) if known else None
    load = _weekly_load(option, weeks)
    return OptionTotals(
        rank=rank,
        cash=round_money(cash, currency),
        currency=currency,
        hours_total=round_hours(option.hours_total),
        hours_away=round_hours(away),
        # the difference of the rounded figures, so the printed hours always add up
        hours_own_time=round_hours(option.hours_total) - round_hours(away),
        weeks=round_hours(weeks) if weeks else None,
        months=round_hours(months) if months else None,
        hours_away_per_week=round_hours(away / weeks) if weeks else None,
        hours_away_per_month=round_hours(away * WEEKS_PER_MONTH / weeks) if weeks else None,
        cash_per_month=round_money(cash * WEEKS_PER_MONTH / weeks, currency) if weeks else None,
        cost_of_hours=round_money(cost_of_hours, currency) if cost_of_hours is not None else None,
        total_cost=round_money(total, currency) if total is not None else None,
        weekly_load=round_hours(load) if load is not None else None,
        others_cost=round_money(others_cost, currency) if others_cost is not None else None,
        others_uncosted=uncosted,
    )


@dataclass(frozen=True)
class LadderTotals:
    """The ladder as a whole: the options are alternatives, so it has a range, not a sum."""

    options: tuple[OptionTotals, ...]
    currency: str

    @property
    def recommended(self) -> OptionTotals | None:
        return self.options[0] if self.options else None

    @property
    def fallback(self) -> OptionTotals | None:
        return self.options[-1] if len(self.options) > 1 else None

    @property
    def cheapest(self) -> OptionTotals | None:
        return min(self.options, key=lambda t: (t.employer_cost, t.hours_away), default=None)

    @property
    def duration_unit(self) -> str:
        """One unit for every duration of a document: months when any option runs past 13
        weeks, else weeks (never '8 weeks' in the row under '3.4 months')."""
        long = any(t.weeks is not None and t.weeks > 13 and t.months is not None
                   for t in self.options)
        return "months" if long else "weeks"

    def lighter(self, option: OptionTotals, than: OptionTotals | None = None) -> bool:
        """Whether ``option`` is both cheaper and shorter than ``than`` (the first choice by
        default). Cheaper: less cash, or as much cash and less cost in all (the hours counted
        at the hourly cost). Shorter: fewer hours away from work, or as many and fewer hours in
        all. Two free options are not cheaper than one another without an hourly cost."""
        than = than or self.recommended
        if than is None or option is than:
            return False
        cheaper = option.cash < than.cash or (
            option.cash == than.cash and option.employer_cost < than.employer_cost)
        shorter = option.hours_away < than.hours_away or (
            option.hours_away == than.hours_away and option.hours_total < than.hours_total)
        return cheaper and shorter

    @property
    def fallbacks_lighter(self) -> bool:
        """Whether every option after the first asks for less than the first: only then may a
        document call them the lighter options."""
        return len(self.options) > 1 and all(self.lighter(t) for t in self.options[1:])

    @property
    def last_is_lightest(self) -> bool:
        """Whether the last option asks for less than every other: the 'lightest fallback'."""
        last = self.fallback
        return last is not None and all(self.lighter(last, t) for t in self.options[:-1])

    @property
    def cash_range(self) -> tuple[Decimal, Decimal] | None:
        if not self.options:
            return None
        cash = [t.cash for t in self.options]
        return min(cash), max(cash)

    @property
    def hours_away_range(self) -> tuple[Decimal, Decimal] | None:
        if not self.options:
            return None
        hours = [t.hours_away for t in self.options]
        return min(hours), max(hours)


def ladder_totals(draft: Draft) -> LadderTotals:
    hourly = draft.person.hourly_cost
    return LadderTotals(
        options=tuple(option_totals(o, i + 1, hourly) for i, o in enumerate(draft.options)),
        currency=draft.currency,
    )


def weeks_until(day: dt.date | None, today: dt.date) -> int | None:
    """Whole weeks from today to a date (negative when it has passed)."""
    if day is None:
        return None
    return (day - today).days // 7


@dataclass(frozen=True)
class Payback:
    """What the gap costs and how soon each option pays for itself, from the user's figures."""

    per_month: Decimal  # what the gap costs a month today
    waiting: Decimal  # what one more budget cycle (12 months) of the gap would cost
    months: tuple[Decimal | None, ...]  # per option, in ladder order: cost / the monthly cost

    def for_rank(self, rank: int) -> Decimal | None:
        return self.months[rank - 1] if 0 < rank <= len(self.months) else None

    @property
    def slowest(self) -> Decimal | None:
        """The longest payback of the options with a cost (None: none has a cost)."""
        return max((m for m in self.months if m), default=None)


def gap_per_month(draft: Draft) -> Decimal | None:
    """Money lost a month plus the hours lost costed at the hourly cost; None when the user gave
    no figure that can be costed (hours without an hourly cost are not guessed at)."""
    gap = draft.skill.gap_cost
    parts = [gap.money_per_month] if gap.money_per_month is not None else []
    if gap.hours_per_month is not None and draft.person.hourly_cost is not None:
        parts.append(gap.hours_per_month * draft.person.hourly_cost)
    total = sum(parts, Decimal(0))
    return round_money(total, draft.currency) if parts and total > 0 else None


def payback(draft: Draft, totals: LadderTotals) -> Payback | None:
    per_month = gap_per_month(draft)
    if per_month is None:
        return None
    months = tuple(round_hours(t.employer_cost / per_month) if t.employer_cost else Decimal(0)
                   for t in totals.options)
    return Payback(per_month, round_money(per_month * 12, draft.currency), months)
