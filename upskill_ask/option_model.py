"""One rung of the ladder as the draft holds it: the option, its itemised cost and deadlines,
its schedule, and the hours other people give to it (the expert's, the cover's).

Amounts that are not given are None, never 0: "no exam fee stated" and "the exam is free" read
differently, and nothing here is estimated for the user.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from pydantic import Field, model_validator

from upskill_ask.fields import Amount, CurrencyCode, DraftModel, Hours, Line, Text
from upskill_ask.vocabulary import RequestKind, option_name

#: the cost items besides the fee, in the order the documents print them, with their labels
COST_ITEMS = (("exam", "Exam or certification"), ("materials", "Materials"),
              ("travel", "Travel"))


class Cost(DraftModel):
    """What an option costs in cash: the fee, and any other items the user gives."""

    amount: Amount = Field(default=Decimal("0"), description="The fee: course fee or mentor fee.")
    currency: CurrencyCode = "EUR"
    exam: Amount | None = Field(default=None, description="Exam or certification fee.")
    materials: Amount | None = Field(default=None, description="Books, licences, materials.")
    travel: Amount | None = Field(default=None, description="Travel and accommodation.")
    early_bird_amount: Amount | None = Field(
        default=None, description="The fee if booked by the early-bird date.")
    early_bird_date: dt.date | None = Field(default=None, description="Early-bird deadline.")
    register_date: dt.date | None = Field(default=None, description="Registration closes.")

    def items(self) -> list[tuple[str, Decimal]]:
        """The items given besides the fee, as (label, amount)."""
        return [(label, getattr(self, key)) for key, label in COST_ITEMS
                if getattr(self, key) is not None]

    @property
    def total(self) -> Decimal:
        """The option's cash: the fee plus every item given."""
        return self.amount + sum((amount for _, amount in self.items()), Decimal(0))


Money = Cost  # the name of drafts of version 1 and 2, for callers that build one


class Schedule(DraftModel):
    start: dt.date | None = None
    end: dt.date | None = None
    shifted_hours: Line = Field(
        default="", description="Which hours shift, e.g. 'start 1 h later on Tue and Thu'."
    )
    make_up: Line = Field(default="", description="How the shifted hours are made up.")

    @model_validator(mode="after")
    def _end_after_start(self) -> Schedule:
        if self.start and self.end and self.end < self.start:
            raise ValueError("the end date is before the start date")
        return self


class Option(DraftModel):
    """One rung of the ladder."""

    kind: RequestKind = RequestKind.PAID_COURSE
    title: Line = ""
    provider: Line = ""
    link: Line = ""
    cost: Cost = Field(default_factory=Cost)
    hours_total: Hours = Decimal("0")
    hours_per_week: Hours = Decimal("0")
    hours_on_clock: Hours = Field(
        default=Decimal("0"), description="Of the total, the hours taken from paid work time."
    )
    schedule: Schedule = Field(default_factory=Schedule)
    coverage: Text = Field(default="", description="Who covers core duties meanwhile.")
    deliverable: Line = Field(default="", description="Certificate, project, talk to the team...")
    my_commitment: Text = Field(default="", description="What you give in return.")
    expert_hours: Hours | None = Field(
        default=None, description="Hours the expert or mentor gives (someone else's time).")
    expert_rate: Amount | None = Field(
        default=None, description="What an hour of the expert's time costs; without it the "
        "expert's hours are shown as not costed.")
    cover_hours: Hours | None = Field(
        default=None, description="Hours someone else spends covering your core duties.")
    cover_rate: Amount | None = Field(
        default=None, description="What an hour of the cover's time costs; without it the "
        "cover's hours are shown as not costed.")
    in_package: bool = Field(
        default=False, description="Asked for together with the other marked options, as the "
        "first rung (a package needs two or more marked options).")

    @property
    def name(self) -> str:
        """What the option is called: its title, or else its kind's label."""
        return option_name(self.title, self.kind)

    @model_validator(mode="after")
    def _on_clock_within_total(self) -> Option:
        if self.hours_on_clock > self.hours_total:
            raise ValueError("hours on the clock cannot exceed the hours in total")
        return self
