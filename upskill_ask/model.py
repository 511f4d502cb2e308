"""The draft: everything the employee prepares for the ask, as a pydantic model.

A draft file is a JSON object with ``"format": "upskill-ask/draft"`` and an integer
``"version"``. Everything that must never reach the manager lives under ``"private"``.
Text fields are validated here (length, control characters, lone surrogates) so that the
renderers can trust what they get; money and hours are Decimal, never float.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

from pydantic import Field, ValidationInfo, field_validator

from upskill_ask.fields import (
    Amount,
    CurrencyCode,
    DraftModel,
    EmailAddress,
    Hours,
    Items,
    Line,
    LocaleName,
    QuestionId,
    Rehearsed,
    Text,
)
from upskill_ask.option_model import (  # noqa: F401 (the draft's parts, imported from here)
    COST_ITEMS,
    Cost,
    Money,
    Option,
    Schedule,
)
from upskill_ask.outcome import Outcome
from upskill_ask.vocabulary import (  # noqa: F401 (the model's limits, read from here too)
    FORMAT_ID,
    HOURS_MAX,
    KIND_LABELS,
    LINE_MAX,
    LIST_MAX,
    MONEY_MAX,
    OBJECTIONS_MAX,
    OPTIONS_MAX,
    TEXT_MAX,
    VERSION,
    RequestKind,
    option_name,
)

_Model = DraftModel


class SalaryBand(_Model):
    """A year's pay as a band, in the draft's currency: only ever used to cost replacing you."""

    low: Amount | None = None
    high: Amount | None = None


class Person(_Model):
    name: Line = ""
    role: Line = ""
    team: Line = ""
    email: EmailAddress = ""
    hourly_cost: Amount | None = Field(
        default=None,
        description="What one hour of your time costs the employer, in the draft's currency. "
        "Optional: when given, the proposal shows the cost of the hours away.",
    )
    salary_band: SalaryBand = Field(default_factory=SalaryBand, description="Optional: your "
                                    "yearly pay band, to put a figure on replacing you.")


class Manager(_Model):
    name: Line = ""
    address_as: Line = Field(default="", description="How you greet them in the email, "
                             "e.g. 'Arun' or 'Dr Weber' (default: their first name).")
    title: Line = ""
    email: EmailAddress = ""
    approval_limit: Amount | None = Field(
        default=None, description="What they can approve alone, if you know it.")
    informal: bool = Field(
        default=False, description="Address them informally in the documents, where the "
        "language has a form for it (German 'du' rather than 'Sie').")


class Timing(_Model):
    meeting_date: dt.date | None = None
    budget_date: dt.date | None = Field(
        default=None, description="When next year's budget is set."
    )
    decision_by: dt.date | None = Field(default=None, description="When you need an answer.")
    budget_line: Line = Field(default="", description="The budget line or cost centre you "
                              "propose; printed in the summary and the decision block.")


class GapCost(_Model):
    """What the gap costs today, in the user's own figures: nothing is estimated for them."""

    what: Line = Field(default="", description="What the gap costs: penalties, rework, "
                       "overtime, hours lost, a risk.")
    money_per_month: Amount | None = Field(
        default=None, description="Money lost a month today, in the draft's currency.")
    hours_per_month: Hours | None = Field(
        default=None, description="Work hours lost a month today (costed at the hourly cost).")


class Skill(_Model):
    name: Line = ""
    current_level: Text = ""
    target_level: Text = ""
    gap_evidence: Text = ""
    applied_to: Text = Field(default="", description="The work or project where it will be used.")
    why_now: Text = ""
    career_goal: Text = ""
    company_goal: Text = Field(default="", description="The company goal or strategy it serves.")
    benefits_team: Items = Field(default_factory=list)
    benefits_me: Items = Field(default_factory=list)
    gap_cost: GapCost = Field(default_factory=GapCost)


class Measure(_Model):
    what: Line = ""
    by: dt.date | None = None
    achieved: Line = Field(default="", description="What was achieved (after the fact).")


class CheckIn(_Model):
    """A check-in with the manager, and what is reviewed on that date."""

    date: dt.date | None = None
    review: Line = Field(default="", description="What is reviewed: a measure, a "
                         "deliverable, a demo.")


class Plan(_Model):
    """Making it stick: 70/20/10, habits, tracking, sharing, coverage, measures."""

    on_the_job: Text = Field(default="", description="70 %: the on-the-job project.")
    with_people: Text = Field(default="", description="20 %: people to learn with and from.")
    formal: Text = Field(default="", description="10 %: the formal learning.")
    micro_habit: Line = ""
    minutes_per_day: int = Field(default=0, ge=0, le=600)
    tracking: Text = ""
    sharing: Text = ""
    coverage: Text = ""
    measures: list[Measure] = Field(default_factory=list, max_length=LIST_MAX)
    check_ins: list[CheckIn] = Field(default_factory=list, max_length=LIST_MAX)


class Objection(_Model):
    """An anticipated question, with the employee's answer.

    ``id`` names an entry of the built-in library, or starts with ``custom`` for one the user
    wrote. An empty ``answer`` means: the library's response, filled with this draft's figures.
    """

    id: Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9_-]{0,63}$")]
    question: Line = ""
    answer: Text = ""
    evidence: Text = ""


class Trade(_Model):
    give: Line = ""
    get: Line = ""


class Private(_Model):
    """For the employee only: appears in the prep sheet, never in the proposal or email."""

    best_alternative: Text = Field(default="", description="Your best alternative if the answer is no.")
    walk_away: Text = ""
    stop_at_option: int | None = Field(
        default=None, ge=1, le=OPTIONS_MAX, description="The rung (1 = first) below which you stop."
    )
    trades: list[Trade] = Field(default_factory=list, max_length=LIST_MAX)
    motivations: Text = ""
    notes: Text = ""
    opening_lines: Text = ""
    fallbacks: dict[
        Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9_-]{0,63}$")], Text
    ] = Field(default_factory=dict, max_length=OBJECTIONS_MAX,
              description="Your fallback concession per objection id.")
    rehearsal: dict[QuestionId, Rehearsed] = Field(
        default_factory=dict, max_length=OBJECTIONS_MAX * 2,
        description="Rehearsal results per question id ('opening' for the opening line).")


class Email(_Model):
    subject: Line = ""
    message: Text = ""


class Draft(_Model):
    format: Literal["upskill-ask/draft"] = FORMAT_ID
    version: Literal[4] = VERSION
    title: Line = ""
    language: Annotated[str, Field(pattern=r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$")] = "en"
    locale: LocaleName = "en_GB"
    currency: CurrencyCode = "EUR"
    paper: Literal["auto", "A4", "letter"] = Field(
        default="auto", description="The documents' paper: 'auto' follows the locale (US Letter "
        "for the US and Canada, else A4), whatever the language.")
    person: Person = Field(default_factory=Person)
    manager: Manager = Field(default_factory=Manager)
    timing: Timing = Field(default_factory=Timing)
    skill: Skill = Field(default_factory=Skill)
    options: list[Option] = Field(
        default_factory=list, max_length=OPTIONS_MAX,
        description="The ladder: the option you want most first, the cheapest fallback last.",
    )
    plan: Plan = Field(default_factory=Plan)
    objections: list[Objection] = Field(default_factory=list, max_length=OBJECTIONS_MAX)
    email: Email = Field(default_factory=Email)
    private: Private = Field(default_factory=Private)
    outcome: Outcome = Field(default_factory=Outcome, description="The decision and what came "
                             "of it, recorded after the meeting (upskill_ask.outcome).")

    @field_validator("options")
    @classmethod
    def _currencies_match(cls, options: list[Option], info: ValidationInfo) -> list[Option]:
        currency = info.data.get("currency")
        for option in options:
            if currency and option.cost.currency != currency:
                raise ValueError(
                    f"every option is costed in the draft's currency ({currency}); "
                    f"'{option.name}' uses {option.cost.currency}"
                )
        return options

    @field_validator("objections")
    @classmethod
    def _unique_objections(cls, objections: list[Objection]) -> list[Objection]:
        seen: set[str] = set()
        for objection in objections:
            if objection.id in seen:
                raise ValueError(f"the question '{objection.id}' is listed twice")
            seen.add(objection.id)
        return objections

    def proposal_title(self) -> str:
        if self.title:
            return self.title
        if self.skill.name:
            return f"Proposal: support for learning {self.skill.name}"
        return "Development proposal"


def migrate(data: dict[str, Any]) -> dict[str, Any]:
    """Bring an older draft up to VERSION in memory (see :mod:`upskill_ask.migrations`)."""
    from upskill_ask.migrations import migrate as to_current

    return to_current(data)


def error_path(loc: tuple[int | str, ...]) -> str:
    """Dotted field path of a pydantic error location (dropping union/validator tags)."""
    parts = [str(p) for p in loc if not (isinstance(p, str) and ("[" in p or p.startswith("function-")))]
    return ".".join(parts) or "(draft)"
