"""The draft's vocabulary, shared by the model, the draft files and the UI: the format id and
version, the request kinds with their labels and help, the limits, the blank draft and option as
JSON data, and how the UI's typed-in data becomes what the model reads.

Plain Python only (no pydantic): the UI builds its first page from this module without paying
for the model. ``tests/test_vocabulary.py`` pins the blank draft here to ``model.Draft()``.
"""

from __future__ import annotations

import copy
from decimal import Decimal
from enum import StrEnum
from typing import Any

from upskill_ask.i18n import N_

FORMAT_ID = "upskill-ask/draft"
VERSION = 4  # 3: check-ins say what is reviewed, itemised costs, others' hours, a package;
# 4: the manager may be addressed informally
# (older versions are brought up to date by upskill_ask.migrations)
SUFFIX = ".upskill"

LINE_MAX = 4_000
TEXT_MAX = 20_000
OPTIONS_MAX = 12
OBJECTIONS_MAX = 40
LIST_MAX = 30
MONEY_MAX = Decimal("999999999999.99")  # 12 digits before the point: large INR, JPY, KRW, IDR budgets
HOURS_MAX = Decimal("10000")


class RequestKind(StrEnum):
    """The four variants of an ask, as the ladder offers them."""

    FREE_TRAINING = "free_training"
    PAID_COURSE = "paid_course"
    INTERNAL_EXPERT = "internal_expert"
    EXTERNAL_MENTOR = "external_mentor"

    @property
    def label(self) -> str:
        return KIND_LABELS[self]


KIND_LABELS = {
    RequestKind.FREE_TRAINING: N_("Free training on the clock"),
    RequestKind.PAID_COURSE: N_("Paid course"),
    RequestKind.INTERNAL_EXPERT: N_("Internal expert"),
    RequestKind.EXTERNAL_MENTOR: N_("External mentor, shifted hours"),
}
"""Keyed by the kind; a StrEnum key also answers to its plain string ("paid_course"). In
English, as the documents' source text; the app shows them through ``i18n._``."""

KIND_HELP = {
    RequestKind.FREE_TRAINING:
        N_("Your employer gives paid hours, no cash. You pick a free course and report progress."),
    RequestKind.PAID_COURSE:
        N_("Your employer pays the fee (and some hours). You pick the course and share what you "
           "learn."),
    RequestKind.INTERNAL_EXPERT:
        N_("A colleague gives regular, structured check-ins. You prepare questions and apply it "
           "on a named project."),
    RequestKind.EXTERNAL_MENTOR:
        N_("A mentor fee or nothing, plus a shifted schedule. You make the hours up and keep "
           "core duties covered."),
}

#: what a manager decided, as recorded after the meeting ('' = not recorded yet)
DECISION_LABELS = {
    "": N_("Not recorded yet"),
    "approved": N_("Approved"),
    "approved_with_conditions": N_("Approved with conditions"),
    "declined": N_("Declined"),
    "deferred": N_("Deferred"),
}

#: the decimal fields of an option: left empty in the UI until typed, read as 0 by the model
OPTION_NUMBERS = ("hours_total", "hours_per_week", "hours_on_clock")
#: the figures of what the gap costs: empty means "not given" (None), never 0
OPTIONAL_NUMBERS = ("money_per_month", "hours_per_month")
#: an option's cost items besides the fee: empty means "not given" (None)
COST_NUMBERS = ("exam", "materials", "travel", "early_bird_amount")
#: the hours others give to an option and what they cost: empty means "not given" (None)
PEOPLE_NUMBERS = ("expert_hours", "expert_rate", "cover_hours", "cover_rate")


def kind_label(kind: object) -> str:
    """The label of a kind given as a string or a RequestKind ('' for an unknown one)."""
    return KIND_LABELS.get(kind, "")  # type: ignore[call-overload]


def option_name(title: object, kind: object) -> str:
    """What an option is called: its title, or else its kind's label."""
    return str(title or "").strip() or kind_label(kind)


def blank_data() -> dict[str, Any]:
    """A new, empty draft as JSON data (the shape and defaults the model writes)."""
    return {
        "format": FORMAT_ID, "version": VERSION, "title": "", "language": "en",
        "locale": "en_GB", "currency": "EUR", "paper": "auto",
        "person": {"name": "", "role": "", "team": "", "email": "", "hourly_cost": None,
                   "salary_band": {"low": None, "high": None}},
        "manager": {"name": "", "address_as": "", "title": "", "email": "",
                    "approval_limit": None, "informal": False},
        "timing": {"meeting_date": None, "budget_date": None, "decision_by": None,
                   "budget_line": ""},
        "skill": {"name": "", "current_level": "", "target_level": "", "gap_evidence": "",
                  "applied_to": "", "why_now": "", "career_goal": "", "company_goal": "",
                  "benefits_team": [], "benefits_me": [],
                  "gap_cost": {"what": "", "money_per_month": None, "hours_per_month": None}},
        "options": [],
        "plan": {"on_the_job": "", "with_people": "", "formal": "", "micro_habit": "",
                 "minutes_per_day": 0, "tracking": "", "sharing": "", "coverage": "",
                 "measures": [], "check_ins": []},
        "objections": [],
        "email": {"subject": "", "message": ""},
        "private": {"best_alternative": "", "walk_away": "", "stop_at_option": None,
                    "trades": [], "motivations": "", "notes": "", "opening_lines": "",
                    "fallbacks": {}, "rehearsal": {}},
        "outcome": {"decision": "", "option": None, "conditions": "", "budget_line": "",
                    "signed_by": "", "decided_on": None, "follow_up": "", "learned": "",
                    "applied": "", "shared": ""},
    }


def blank_option(kind: str, currency: str) -> dict[str, Any]:
    """A new option as the UI holds it: the numbers empty until typed (see ``for_model``)."""
    return {
        "kind": kind, "title": "", "provider": "", "link": "",
        "cost": {"amount": "", "currency": currency, **dict.fromkeys(COST_NUMBERS, ""),
                 "early_bird_date": None, "register_date": None},
        **dict.fromkeys(OPTION_NUMBERS, ""),
        "schedule": {"start": None, "end": None, "shifted_hours": "", "make_up": ""},
        "coverage": "", "deliverable": "", "my_commitment": "",
        **dict.fromkeys(PEOPLE_NUMBERS, ""), "in_package": False,
    }


def for_model(data: dict[str, Any]) -> dict[str, Any]:
    """A copy of the UI's draft data as the model reads it.

    The one rule for empty numbers: an empty amount or number of hours of an option means 0,
    except ``person.hourly_cost``, the pay band, the approval limit, the gap's cost, an option's
    cost items besides the fee and the hours others give with their rates, where empty means
    "not given" (None).
    Every option is costed in the draft's currency, which the UI does not let differ.
    """
    data = copy.deepcopy(data)
    for option in data.get("options", []):
        for key in OPTION_NUMBERS:
            if option.get(key) in ("", None):
                option[key] = "0"
        for key in PEOPLE_NUMBERS:
            if option.get(key) == "":
                option[key] = None
        cost = option.get("cost", {})
        if cost.get("amount") in ("", None):
            cost["amount"] = "0"
        for key in COST_NUMBERS:
            if cost.get(key) == "":
                cost[key] = None
        cost["currency"] = data.get("currency", cost.get("currency"))
    person = data.get("person", {})
    if person.get("hourly_cost") == "":
        person["hourly_cost"] = None
    band = person.get("salary_band", {})
    for key in ("low", "high"):
        if band.get(key) == "":
            band[key] = None
    manager = data.get("manager", {})
    if manager.get("approval_limit") == "":
        manager["approval_limit"] = None
    gap = data.get("skill", {}).get("gap_cost", {})
    for key in OPTIONAL_NUMBERS:
        if gap.get(key) == "":
            gap[key] = None
    return data
