"""The follow-through calendar: every dated step of the plan, parsed back with icalendar, with
stable UIDs and nothing private in it."""

from __future__ import annotations

import datetime as dt

from icalendar import Calendar

from upskill_ask import cli
from upskill_ask.calendar_file import calendar_bytes, entries

from .conftest import EXAMPLES, make_draft


def events(raw: bytes) -> list:
    return [c for c in Calendar.from_ical(raw).walk() if c.name == "VEVENT"]


def test_every_dated_step_is_an_all_day_event(draft):
    found = {e.decoded("dtstart"): str(e["summary"]) for e in events(calendar_bytes(draft))}
    assert found[dt.date(2026, 12, 8)] == "Meeting with Graham Price: Data visualisation with Power BI"
    assert found[dt.date(2027, 1, 8)].startswith("Budget is set in a week")
    assert found[dt.date(2027, 1, 15)] == "Next year's budget is set"
    assert found[dt.date(2026, 12, 19)].startswith("Decision wanted")
    assert found[dt.date(2027, 2, 1)].startswith("Check-in with Graham Price")
    assert found[dt.date(2027, 3, 31)] == "Due: Dashboard live for two regions"
    assert len(found) == 7


def test_the_file_is_rfc_5545_text(draft):
    raw = calendar_bytes(draft, now=dt.datetime(2026, 11, 29, 12, tzinfo=dt.UTC))
    text = raw.decode("utf-8")
    assert text.startswith("BEGIN:VCALENDAR\r\n") and text.endswith("END:VCALENDAR\r\n")
    assert all(len(line.encode()) <= 75 for line in text.split("\r\n"))
    for event in events(raw):
        assert {"UID", "DTSTAMP", "DTSTART", "SUMMARY"} <= set(event)


def test_uids_are_stable_so_a_new_export_updates_the_events(draft):
    first = [str(e["uid"]) for e in events(calendar_bytes(draft))]
    again = [str(e["uid"]) for e in events(calendar_bytes(draft))]
    assert first == again and len(set(first)) == len(first)


def test_nothing_private_reaches_the_calendar():
    marker = "PRIVATE-MARKER-7f3a"
    draft = make_draft()
    private = draft.private.model_copy(update={
        "best_alternative": marker, "walk_away": marker, "notes": marker,
        "motivations": marker, "opening_lines": marker, "fallbacks": {"no-budget": marker}})
    raw = calendar_bytes(draft.model_copy(update={"private": private}))
    assert marker.encode() not in raw


def test_a_draft_without_dates_gives_an_empty_calendar():
    draft = make_draft()
    bare = draft.model_copy(update={
        "timing": draft.timing.model_copy(update={"meeting_date": None, "budget_date": None,
                                                   "decision_by": None}),
        "plan": draft.plan.model_copy(update={"check_ins": [], "measures": []})})
    assert entries(bare) == []
    assert events(calendar_bytes(bare)) == []


def test_render_writes_the_calendar_beside_the_proposal(tmp_path, capsys):
    ics = tmp_path / "plan.ics"
    assert cli.main(["render", str(EXAMPLES[0]), "-o", str(tmp_path / "p.pdf"),
                     "--calendar", str(ics)]) == 0
    assert events(ics.read_bytes())
    assert f"wrote {ics}" in capsys.readouterr().out
