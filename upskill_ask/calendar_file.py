"""The follow-through as an iCalendar file (RFC 5545, written by the ``icalendar`` library):
the meeting, a reminder a week before the budget is set, the decision date, every check-in and
every success measure's date. Only what the proposal shows goes in: nothing private.

Each event's UID is stable for a given draft, so importing a newer file updates the events in a
calendar app instead of adding copies.

``for_manager``: the file that travels with an email to the manager. Its events are worded for
the manager's calendar (named after the employee), it leaves out the employee's own budget
reminder, and its UIDs differ from the employee's file, so the two never replace each other.
``since``: only the events on or after a day (the recap email sends the dates still to come).
Titles, descriptions and the calendar's name are in the draft's language.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace

from upskill_ask.i18n import draft_words
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


def _dated_steps(draft: Draft, _: Callable[[str], str]
                 ) -> Iterator[tuple[str, dt.date, int | None, str]]:
    """The plan's dated steps, both calendars alike: each check-in (no number, what it reviews,
    or "") and each success measure (its number, its wording)."""
    for n, check_in in enumerate(draft.plan.check_ins, 1):
        if check_in.date is not None:
            yield f"check-in-{n}", check_in.date, None, check_in.review.strip().rstrip(".")
    for n, measure in enumerate(draft.plan.measures, 1):
        if measure.by:
            yield (f"measure-{n}", measure.by, n,
                   measure.what.strip() or _("success measure {n}").format(n=n))


def _for_manager(draft: Draft) -> list[Entry]:
    _ = draft_words(draft).gettext
    # Translators: in the manager's calendar, {skill} when the user named none
    skill = draft.skill.name.strip() or _("development")
    # Translators: in the manager's calendar, {person} when the user gave no name
    person = draft.person.name.strip() or _("your team member")
    timing = draft.timing
    found: list[Entry] = []
    if timing.meeting_date:
        found.append(Entry("meeting", timing.meeting_date,
                           _("Meeting with {person}: {skill}").format(person=person, skill=skill),
                           _("{person} presents a proposal for learning {skill}.").format(
                               person=person, skill=skill)))
    if timing.decision_by and not draft.outcome.recorded:
        found.append(Entry("decision", timing.decision_by,
                           _("Decision asked: {skill}").format(skill=skill),
                           _("{person} asked for a decision on the proposal by this date.").format(
                               person=person)))
    for key, day, n, text in _dated_steps(draft, _):
        if n is None:  # a check-in, and what it reviews
            found.append(Entry(
                key, day, _("Check-in with {person}: {what}").format(person=person,
                                                                     what=text or skill),
                _("{person} reviews with you: {review}.").format(person=person, review=text)
                if text else
                _("{person} shows progress against the success measures.").format(person=person)))
        else:
            found.append(Entry(key, day, _("{person}: {measure}").format(person=person, measure=text),
                               _("Success measure {n} of the plan for {skill}.").format(
                                   n=n, skill=skill)))
    return [replace(e, key=f"manager-{e.key}") for e in found]


def _for_self(draft: Draft) -> list[Entry]:
    from upskill_ask.formatting import Formatter

    _ = draft_words(draft).gettext
    fmt = Formatter.for_draft(draft)
    # Translators: in the employee's calendar, {skill} when they named none
    skill = draft.skill.name.strip() or _("the skill")
    # Translators: in the employee's calendar, {manager} when they gave no name
    manager = draft.manager.name.strip() or _("your manager")
    timing = draft.timing
    found: list[Entry] = []
    if timing.meeting_date:
        found.append(Entry("meeting", timing.meeting_date,
                           _("Meeting with {manager}: {skill}").format(manager=manager,
                                                                       skill=skill),
                           _("Present the proposal for {skill} and agree on an option.").format(
                               skill=skill)))
    if timing.budget_date:
        remind = timing.budget_date - dt.timedelta(days=REMINDER_DAYS)
        found.append(Entry("budget-reminder", remind,
                           _("Budget is set in a week: {skill}").format(skill=skill),
                           _("Next year's budget is set on {date}. If the proposal is not "
                             "decided yet, ask for the decision now.").format(
                               date=fmt.date(timing.budget_date))))
        found.append(Entry("budget", timing.budget_date, _("Next year's budget is set"),
                           _("The day the budget that funds {skill} is set.").format(
                               skill=skill)))
    if timing.decision_by:
        found.append(Entry("decision", timing.decision_by,
                           _("Decision wanted: {skill}").format(skill=skill),
                           _("The date asked of {manager} for a decision on the proposal.").format(
                               manager=manager)))
    for key, day, n, text in _dated_steps(draft, _):
        if n is None:
            found.append(Entry(
                key, day, _("Check-in with {manager}: {what}").format(manager=manager,
                                                                      what=text or skill),
                _("Review with {manager}: {review}.").format(manager=manager, review=text)
                if text else _("Show progress against the success measures and what was applied.")))
        else:
            found.append(Entry(key, day, _("Due: {measure}").format(measure=text),
                               _("Success measure {n} of the plan for {skill}.").format(
                                   n=n, skill=skill)))
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
    _ = draft_words(draft).gettext
    skill = draft.skill.name.strip()
    # Translators: the name of the calendar the file adds; {skill} is what the user learns
    cal.add("x-wr-calname", _("Development: {skill}").format(skill=skill) if skill
            else _("Development proposal"))
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
