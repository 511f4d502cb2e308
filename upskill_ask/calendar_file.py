"""The follow-through as an iCalendar file (RFC 5545, written by the ``icalendar`` library):
the meeting, a reminder a week before the budget is set, the decision date, every check-in and
every success measure's date. Only what the proposal shows goes in: nothing private.

Each event's UID is stable for a given draft, so importing a newer file updates the events in a
calendar app instead of adding copies.

``for_manager``: the file that travels with an email to the manager. Its events are worded for
the manager's calendar (named after the employee), it leaves out the employee's own budget
reminder, and its UIDs differ from the employee's file, so the two never replace each other.
``since``: only the events on or after a day (the recap email sends the dates still to come).
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, replace

from upskill_ask.model import Draft

REMINDER_DAYS = 7


@dataclass(frozen=True)
class Entry:
    key: str  # stable within the draft: 'meeting', 'check-in-2'...
    day: dt.date
    summary: str
    description: str


def entries(draft: Draft, *, for_manager: bool = False,
            since: dt.date | None = None) -> list[Entry]:
    """The dated steps of the plan, in date order, worded for the employee's own calendar
    (``for_manager``: for the manager's)."""
    found = _for_manager(draft) if for_manager else _for_self(draft)
    return sorted((e for e in found if since is None or e.day >= since),
                  key=lambda e: (e.day, e.key))


def _for_manager(draft: Draft) -> list[Entry]:
    skill = draft.skill.name.strip() or "development"
    person = draft.person.name.strip() or "your team member"
    timing, plan = draft.timing, draft.plan
    found: list[Entry] = []
    if timing.meeting_date:
        found.append(Entry("meeting", timing.meeting_date, f"Meeting with {person}: {skill}",
                           f"{person} presents a proposal for learning {skill}."))
    if timing.decision_by and not draft.outcome.recorded:
        found.append(Entry("decision", timing.decision_by, f"Decision asked: {skill}",
                           f"{person} asked for a decision on the proposal by this date."))
    for n, check_in in enumerate(plan.check_ins, 1):
        if check_in.date is None:
            continue
        review = check_in.review.strip().rstrip(".")
        found.append(Entry(
            f"check-in-{n}", check_in.date,
            f"Check-in with {person}: {review}" if review else f"Check-in with {person}: {skill}",
            f"{person} reviews with you: {review}." if review else
            f"{person} shows progress against the success measures."))
    for n, measure in enumerate(plan.measures, 1):
        if measure.by:
            what = measure.what.strip() or f"success measure {n}"
            found.append(Entry(f"measure-{n}", measure.by, f"{person}: {what}",
                               f"Success measure {n} of the plan for {skill}."))
    return [replace(e, key=f"manager-{e.key}") for e in found]


def _for_self(draft: Draft) -> list[Entry]:
    from upskill_ask.formatting import Formatter

    fmt = Formatter.for_draft(draft)
    skill = draft.skill.name.strip() or "the skill"
    manager = draft.manager.name.strip() or "your manager"
    timing, plan = draft.timing, draft.plan
    found: list[Entry] = []
    if timing.meeting_date:
        found.append(Entry("meeting", timing.meeting_date, f"Meeting with {manager}: {skill}",
                           f"Present the proposal for {skill} and agree on an option."))
    if timing.budget_date:
        remind = timing.budget_date - dt.timedelta(days=REMINDER_DAYS)
        found.append(Entry("budget-reminder", remind, f"Budget is set in a week: {skill}",
                           f"Next year's budget is set on {fmt.date(timing.budget_date)}. "
                           "If the proposal is not decided yet, ask for the decision now."))
        found.append(Entry("budget", timing.budget_date, "Next year's budget is set",
                           f"The day the budget that funds {skill} is set."))
    if timing.decision_by:
        found.append(Entry("decision", timing.decision_by, f"Decision wanted: {skill}",
                           f"The date asked of {manager} for a decision on the proposal."))
    for n, check_in in enumerate(plan.check_ins, 1):
        if check_in.date is None:
            continue
        review = check_in.review.strip().rstrip(".")
        found.append(Entry(
            f"check-in-{n}", check_in.date,
            f"Check-in with {manager}: {review}" if review else f"Check-in with {manager}: {skill}",
            f"Review with {manager}: {review}." if review else
            "Show progress against the success measures and what was applied."))
    for n, measure in enumerate(plan.measures, 1):
        if measure.by:
            what = measure.what.strip() or f"success measure {n}"
            found.append(Entry(f"measure-{n}", measure.by, f"Due: {what}",
                               f"Success measure {n} of the plan for {skill}."))
    return found


def _uid(draft: Draft, key: str) -> str:
    seed = "\x1f".join((draft.person.name, draft.manager.name, draft.skill.name, draft.title))
    digest = hashlib.sha256(seed.encode("utf-8", "surrogatepass")).hexdigest()[:16]
    return f"{key}-{digest}@upskill-ask"


def calendar_bytes(draft: Draft, *, now: dt.datetime | None = None, for_manager: bool = False,
                   since: dt.date | None = None) -> bytes:
    """The .ics file: one all-day event per entry, UTF-8, CRLF lines folded at 75 octets."""
    from icalendar import Calendar, Event

    stamp = (now or dt.datetime.now(dt.UTC)).astimezone(dt.UTC)
    cal = Calendar()
    cal.add("prodid", "-//upskill-ask//follow-through//EN")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", f"Development: {draft.skill.name.strip() or 'proposal'}")
    for entry in entries(draft, for_manager=for_manager, since=since):
        event = Event()
        event.add("uid", _uid(draft, entry.key))
        event.add("dtstamp", stamp)
        event.add("dtstart", entry.day)
        event.add("dtend", entry.day + dt.timedelta(days=1))
        event.add("summary", entry.summary)
        event.add("description", entry.description)
        event.add("transp", "TRANSPARENT")  # a reminder, not a busy block
        cal.add_component(event)
    return cal.to_ical()
