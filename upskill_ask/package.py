"""A package: several options asked for together as the first rung, and the deadlines that
make a decision date matter.

When two or more options are marked ``in_package``, the documents put them first as one ask
with combined figures, and keep the ladder of single options below it as the fallbacks. The
figures add up the members' own (already rounded) figures, so a printed total always equals
the sum of the printed parts.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from upskill_ask.costing import LadderTotals, OptionTotals, gap_per_month, round_hours
from upskill_ask.model import Draft


def _sum(values: list[Decimal | None]) -> Decimal | None:
    given = [v for v in values if v is not None]
    return sum(given, Decimal(0)) if given else None


@dataclass(frozen=True)
class PackageTotals:
    """The combined figures of the options asked for together."""

    members: tuple[OptionTotals, ...]
    cash: Decimal
    hours_total: Decimal
    hours_away: Decimal
    hours_away_per_week: Decimal | None
    weekly_load: Decimal | None
    cost_of_hours: Decimal | None
    others_cost: Decimal | None
    total_cost: Decimal | None
    payback_months: Decimal | None

    @property
    def ranks(self) -> tuple[int, ...]:
        return tuple(t.rank for t in self.members)

    @property
    def employer_cost(self) -> Decimal:
        return self.total_cost if self.total_cost is not None else self.cash

    @property
    def others_uncosted(self) -> bool:
        return any(t.others_uncosted for t in self.members)


def package_totals(draft: Draft, totals: LadderTotals) -> PackageTotals | None:
    """The package of the options marked to be asked for together, or None when fewer than
    two are marked."""
    members = tuple(t for o, t in zip(draft.options, totals.options, strict=True) if o.in_package)
    if len(members) < 2:
        return None
    weekly = [t.hours_away_per_week for t in members]
    loads = [t.weekly_load for t in members]
    total = None
    if any(t.total_cost is not None for t in members):
        total = sum((t.employer_cost for t in members), Decimal(0))
    cash = sum((t.cash for t in members), Decimal(0))
    per_month = gap_per_month(draft)
    employer = total if total is not None else cash
    return PackageTotals(
        members=members,
        cash=cash,
        hours_total=sum((t.hours_total for t in members), Decimal(0)),
        hours_away=sum((t.hours_away for t in members), Decimal(0)),
        # weekly figures add up while the members run side by side, as a package does
        hours_away_per_week=_sum(weekly) if all(w is not None for w in weekly) else None,
        weekly_load=_sum(loads) if all(w is not None for w in loads) else None,
        cost_of_hours=_sum([t.cost_of_hours for t in members]),
        others_cost=_sum([t.others_cost for t in members]),
        total_cost=total,
        payback_months=(round_hours(employer / per_month) if employer else Decimal(0))
        if per_month else None,
    )


@dataclass(frozen=True)
class Deadline:
    """A date by which an option must be booked: registration or the early-bird price."""

    rank: int
    kind: str  # 'early_bird' or 'register'
    day: dt.date
    before_decision: bool  # it falls before the decision date asked for

    @property
    def what(self) -> str:
        return "the early-bird price ends" if self.kind == "early_bird" else "registration closes"


def deadlines(draft: Draft) -> list[Deadline]:
    """Every booking deadline of the options, in date order."""
    decide = draft.timing.decision_by
    found = []
    for rank, option in enumerate(draft.options, 1):
        for kind in ("early_bird", "register"):
            day = getattr(option.cost, f"{kind}_date")
            if day is not None:
                found.append(Deadline(rank, kind, day, bool(decide and day < decide)))
    return sorted(found, key=lambda d: (d.day, d.rank))
