"""The built-in objection library and answers filled with the employee's own figures.

The library is data shipped in the package (``data/objections.toml``). Its response, evidence
and fallback texts may name figures as ``$cash``, ``$hours_away``... (``string.Template``);
they are filled from the draft with :func:`figures`. Text the user wrote is never a template:
an answer the user edited is stored in the draft and printed literally.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from importlib import resources
from string import Template

from upskill_ask.costing import LadderTotals, ladder_totals
from upskill_ask.formatting import Formatter
from upskill_ask.model import Draft, Objection


@dataclass(frozen=True)
class LibraryObjection:
    id: str
    question: str
    meaning: str
    reframe: str
    response: str
    evidence: str
    fallback: str


@dataclass(frozen=True)
class ResolvedObjection:
    """One anticipated question as the documents print it."""

    id: str
    question: str
    answer: str
    evidence: str
    meaning: str
    reframe: str
    fallback: str
    custom: bool


@lru_cache(maxsize=1)
def library() -> dict[str, LibraryObjection]:
    """The library, in its file's order, keyed by id."""
    raw = resources.files("upskill_ask").joinpath("data/objections.toml").read_bytes()
    data = tomllib.loads(raw.decode("utf-8"))
    return {entry["id"]: LibraryObjection(**entry) for entry in data["objection"]}


_LEADING_WORDS = {"The", "A", "An", "Our", "My", "This", "These", "Those", "Its", "Their", "We"}


def _first_line(text: str) -> str:
    """The first line of the user's text as a phrase to set mid-sentence: no final full stop,
    and a leading article in lower case ('The Q3 migration' -> 'the Q3 migration')."""
    line = text.strip().splitlines()[0].strip().rstrip(".") if text.strip() else ""
    first, _, rest = line.partition(" ")
    if first in _LEADING_WORDS and rest:
        line = f"{first.lower()} {rest}"
    return line


def figures(draft: Draft, totals: LadderTotals | None = None) -> dict[str, str]:
    """The user's figures as words, for the library's $placeholders (always all present);
    ``totals``: the ladder totals, when the document has computed them already."""
    ladder = totals or ladder_totals(draft)
    fmt = Formatter.for_draft(draft, ladder)
    first = draft.options[0] if draft.options else None
    first_totals = ladder.recommended
    # the fallbacks the answers offer stop at the walk-away rung (set only in the prep sheet's
    # copy of the draft): never suggest settling below it
    stop = draft.private.stop_at_option
    acceptable = [t for t in ladder.options if stop is None or t.rank <= stop]
    cheapest = min(acceptable, key=lambda t: (t.employer_cost, t.hours_away), default=None)
    cheapest_option = draft.options[cheapest.rank - 1] if cheapest else None
    last = draft.options[acceptable[-1].rank - 1] if acceptable else None
    measures = [m for m in draft.plan.measures if m.what]
    return {
        "name": draft.person.name or "I",
        "manager": draft.manager.name or "you",
        "team": draft.person.team or "the team",
        "skill": draft.skill.name or "this skill",
        "project": _first_line(draft.skill.applied_to) or "our current work",
        "company_goal": _first_line(draft.skill.company_goal) or "the team's goals",
        "option": first.name if first else "the first option",
        "cash": fmt.money(first_totals.cash if first_totals else Decimal(0)),
        "hours_total": fmt.hours(first_totals.hours_total) if first_totals else "a few hours",
        "hours_away": fmt.hours(first_totals.hours_away) if first_totals else "a few hours",
        "hours_per_week": (fmt.hours(first_totals.hours_away_per_week)
                           if first_totals and first_totals.hours_away_per_week is not None
                           else "a few hours"),
        "months": _months(fmt, first_totals.months if first_totals else None),
        "cash_per_month": (fmt.approx(first_totals.cash_per_month)
                           if first_totals and first_totals.cash_per_month is not None
                           else "a share of the fee each month"),
        "cheapest_option": (cheapest_option.name
                            if cheapest_option else "the cheapest option"),
        # set as "comes at $cheapest_cash" / "at $cheapest_cash": reads "at no cost" when free
        "cheapest_cash": (fmt.money(cheapest.cash) if cheapest and cheapest.cash > 0
                          else "no cost"),
        "fallback_option": last.name if last else "the last option",
        "deliverable": (first.deliverable if first and first.deliverable
                        else "a short write-up for the team"),
        "coverage": _first_line(draft.plan.coverage or (first.coverage if first else ""))
        or "my core duties stay covered",
        "sharing": _first_line(draft.plan.sharing) or "a short session for the team",
        "measure": measures[0].what if measures else "a result we can both see",
        "first_check_in": next((fmt.date(c.date) for c in draft.plan.check_ins if c.date),
                               "a date we agree"),
        "minutes_per_day": str(draft.plan.minutes_per_day or 15),
    }


def _months(fmt: Formatter, months: Decimal | None) -> str:
    if not months:
        return "a few months"
    return f"{fmt.number(months)} month" + ("" if months == 1 else "s")


def fill(template: str, values: dict[str, str]) -> str:
    """Fill a library text; an unknown $name stays as written rather than failing."""
    return Template(template).safe_substitute(values)


def resolve(draft: Draft, *, include_private: bool,
            totals: LadderTotals | None = None) -> list[ResolvedObjection]:
    """The draft's chosen questions with their answers (the user's, or the library's filled).

    Without ``include_private`` the fallbacks are left empty: the proposal never shows them.
    """
    lib = library()
    values = figures(draft, totals)
    out = []
    for chosen in draft.objections:
        out.append(resolve_one(chosen, draft, lib, values, include_private=include_private))
    return out


def resolve_one(chosen: Objection, draft: Draft, lib: dict[str, LibraryObjection] | None = None,
                values: dict[str, str] | None = None, *, include_private: bool = True,
                ) -> ResolvedObjection:
    lib = library() if lib is None else lib
    values = figures(draft) if values is None else values
    entry = lib.get(chosen.id)
    fallback = ""
    if include_private:
        fallback = draft.private.fallbacks.get(chosen.id, "")
        if not fallback and entry:
            fallback = fill(entry.fallback, values)
    return ResolvedObjection(
        id=chosen.id,
        question=chosen.question or (entry.question if entry else ""),
        answer=chosen.answer or (fill(entry.response, values) if entry else ""),
        evidence=chosen.evidence or (fill(entry.evidence, values) if entry else ""),
        meaning=entry.meaning if entry else "",
        reframe=entry.reframe if entry else "",
        fallback=fallback,
        custom=entry is None,
    )
