"""After the meeting: the outcome in the draft, the decision block as recorded, the recap email,
the outcome report, the calendar attached to the emails, and their CLI flags."""

from __future__ import annotations

import datetime as dt
import email
import email.policy
import io
import json
from pathlib import Path

import pytest
from icalendar import Calendar
from pypdf import PdfReader

from upskill_ask import cli, drafts, mail, model, recap, render, schema
from upskill_ask.calendar_file import calendar_bytes

from .conftest import make_draft, page_texts

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "outcome-data-analyst.upskill"
V1 = sorted((Path(__file__).resolve().parent / "fixtures" / "v1").glob("*.upskill"))
AFTER_MEETING = dt.date(2026, 12, 10)


def parse(raw: bytes):
    return email.message_from_bytes(raw, policy=email.policy.default)


def body(msg) -> str:
    return msg.get_body(("plain",)).get_content().replace("\r\n", "\n")


def events(ics: bytes) -> list:
    return [c for c in Calendar.from_ical(ics).walk() if c.name == "VEVENT"]


def flat(text: str) -> str:
    return " ".join(text.replace("\u200b", "").split())


@pytest.fixture
def decided():
    return drafts.load(FIXTURE)


def with_outcome(draft: model.Draft, **fields) -> model.Draft:
    return draft.model_copy(update={"outcome": model.Outcome(**fields)})


# --- the draft --------------------------------------------------------------------------------


def test_older_drafts_open_with_no_outcome_recorded():
    for path in V1:
        draft = drafts.load(path)
        assert draft.outcome == model.Outcome() and not draft.outcome.recorded
        assert all(m.achieved == "" for m in draft.plan.measures)


def test_the_outcome_is_documented_in_the_schema(decided):
    found = schema.draft_schema()["$defs"]["Outcome"]
    assert set(found["properties"]) == {"decision", "option", "conditions", "budget_line",
                                        "signed_by", "decided_on", "follow_up", "learned",
                                        "applied", "shared"}
    assert "approved_with_conditions" in json.dumps(found["properties"]["decision"])
    assert "achieved" in schema.draft_schema()["$defs"]["Measure"]["properties"]
    assert decided.outcome.label == "Approved with conditions" and decided.outcome.approved


def test_a_decision_outside_the_list_is_refused_naming_the_field(tmp_path, capsys):
    data = json.loads(FIXTURE.read_text())
    data["outcome"]["decision"] = "maybe"
    data["outcome"]["option"] = 0
    bad = tmp_path / "bad.upskill"
    bad.write_text(json.dumps(data))
    assert cli.main(["check", str(bad)]) == 2
    err = capsys.readouterr().err
    assert "error: outcome.decision" in err and "error: outcome.option" in err


# --- the proposal's decision block ------------------------------------------------------------


def test_the_decision_block_shows_the_decision_as_recorded(decided):
    pdf = render.proposal_pdf(decided)
    last = flat(page_texts(pdf)[-1])
    for expected in ("Approved with conditions", "1. Eight-week live course in analytics "
                     "engineering with dbt", "Book the January cohort", "TA-4410 Analytics "
                     "training", "Approved by Gareth Lloyd", "10 December 2026"):
        assert expected in last, expected
    assert not PdfReader(io.BytesIO(pdf)).get_fields()  # no blank form left to fill


def test_without_an_outcome_the_decision_block_is_the_form_to_fill(decided):
    pdf = render.proposal_pdf(decided.model_copy(update={"outcome": model.Outcome()}))
    assert {"budget_line", "approved_by", "signature"} <= set(PdfReader(io.BytesIO(pdf)).get_fields())


def test_a_declined_decision_names_no_approved_option(decided):
    html = render.proposal_html(with_outcome(decided, decision="declined", option=2,
                                             signed_by="Gareth Lloyd"))
    assert "Declined" in html and "Option discussed" in html and "Decided by" in html
    assert "Approved option" not in html


# --- the recap email --------------------------------------------------------------------------


def test_the_recap_thanks_the_manager_and_says_what_was_agreed_and_the_next_dates(decided):
    decided.manager.address_as = "Mr Lloyd"
    msg = parse(recap.eml_bytes(decided, today=AFTER_MEETING))
    assert msg["X-Unsent"] == "1"
    assert msg["To"].addresses[0].addr_spec == "gareth.lloyd@hollismere.example"
    assert msg["Subject"] == "Thank you, and what we agreed: advanced SQL and dbt"
    text = body(msg)
    assert text.startswith("Hi Mr Lloyd,\n\nThank you for taking the time on 3 December 2026")
    assert ("I will go ahead with option 1, “Eight-week live course in analytics engineering "
            "with dbt”: £1,450.00 in fees and 32 h of work time, paid from TA-4410") in flat(text)
    assert "The condition we agreed: Book the January cohort" in text
    assert "The course dates and the cover rota for Mondays" in text
    assert "- 29 January 2027: check-in with you\n" in text
    assert "- 30 June 2027: A full quarter without a correction to the trading pack\n" in text
    assert text.rstrip().endswith("Thank you again,\nPriya Raman")
    assert list(msg.iter_attachments()) == []
    assert "calendar" not in text


def test_before_an_outcome_the_recap_is_a_draft_to_adjust_with_the_first_choice():
    draft = make_draft()
    text = body(parse(recap.eml_bytes(draft, today=dt.date(2026, 12, 9))))
    assert text.startswith(recap.ADJUST + "\n\nHi Graham,")
    assert ("we agreed on my first choice, option 1, “Power BI Data Analyst course”: £1,250.00 in "
            "fees and 24 h of work time.") in flat(text)
    assert "- 1 February 2027: check-in with you" in text


def test_a_declined_recap_lists_no_dates(decided):
    msg = parse(recap.eml_bytes(with_outcome(decided, decision="declined"), today=AFTER_MEETING,
                                calendar=True))
    assert msg["Subject"] == "Thank you for considering my proposal: advanced SQL and dbt"
    text = body(msg)
    assert "the answer is no for now" in text and "next dates" not in text


def test_the_recap_can_carry_the_next_dates_as_a_calendar_for_the_manager(decided):
    msg = parse(recap.eml_bytes(decided, today=AFTER_MEETING, calendar=True))
    [ics] = list(msg.iter_attachments())
    assert ics.get_content_type() == "text/calendar" and ics.get_filename().endswith(".ics")
    found = events(ics.get_content().encode() if isinstance(ics.get_content(), str)
                   else ics.get_content())
    summaries = [str(e["summary"]) for e in found]
    assert summaries[0] == "Check-in with Priya Raman: advanced SQL and dbt"
    assert not any("Meeting" in s or "Decision" in s or "Budget" in s for s in summaries)
    assert all(e["dtstart"].dt > decided.timing.meeting_date for e in found)
    assert ("The attached calendar file adds the check-in dates and the dates of the success "
            "measures to your calendar.") in flat(body(msg))


# --- the covering email with the calendar -------------------------------------------------------


def test_the_covering_email_can_attach_the_calendar_and_says_so():
    draft = make_draft()
    plain = parse(mail.eml_bytes(draft, b"%PDF-1.7"))
    assert len(list(plain.iter_attachments())) == 1 and "calendar" not in body(plain)
    msg = parse(mail.eml_bytes(draft, b"%PDF-1.7", calendar=True))
    pdf, ics = msg.iter_attachments()
    assert pdf.get_content_type() == "application/pdf"
    assert ics.get_content_type() == "text/calendar"
    assert ics.get_filename() == "Calendar-Proposal-data-visualisation-training.ics"
    assert ("The attached calendar file adds our meeting, the decision date, the check-in dates "
            "and the dates of the success measures to your calendar.") in flat(body(msg))
    content = ics.get_content()
    found = events(content.encode() if isinstance(content, str) else content)
    assert "Meeting with Maya Okafor: Data visualisation with Power BI" in [
        str(e["summary"]) for e in found]
    own = {str(e["uid"]) for e in events(calendar_bytes(draft))}
    assert not own & {str(e["uid"]) for e in found}  # never replaces the employee's own events
    assert not any("Budget" in str(e["summary"]) for e in found)


# --- the outcome report -------------------------------------------------------------------------


def test_the_outcome_report_sets_each_measure_planned_against_achieved(decided):
    pdf = render.outcome_pdf(decided)
    reader = PdfReader(io.BytesIO(pdf))
    assert reader.metadata.title.startswith("Outcome report")
    text = flat(" ".join(page_texts(pdf)))
    for expected in ("What came of learning advanced SQL and dbt", "What I learned",
                     "How to model the trading data in dbt", "Where I applied it",
                     "Success measures: planned and achieved",
                     "All fourteen tables modelled, 212 tests passing",
                     "Refresh takes 50 minutes", "Not recorded yet", "What I shared with the team",
                     "Four Thursday lunch-and-learn sessions", "Approved with conditions",
                     "TA-4410 Analytics training", "2 of 3 success measures"):
        assert expected in text, expected


# --- the command line ---------------------------------------------------------------------------


def test_render_writes_the_recap_the_report_and_emails_with_the_calendar(tmp_path, capsys):
    out = {k: tmp_path / k for k in ("p.pdf", "e.eml", "r.eml", "o.pdf")}
    assert cli.main(["render", str(FIXTURE), "-o", str(out["p.pdf"]), "--email", str(out["e.eml"]),
                     "--recap", str(out["r.eml"]), "--outcome-report", str(out["o.pdf"]),
                     "--email-calendar"]) == 0
    assert all(path.exists() for path in out.values())
    assert [a.get_content_type() for a in parse(out["e.eml"].read_bytes()).iter_attachments()] \
        == ["application/pdf", "text/calendar"]
    assert [a.get_content_type() for a in parse(out["r.eml"].read_bytes()).iter_attachments()] \
        == ["text/calendar"]
    assert "Outcome report" in PdfReader(out["o.pdf"]).metadata.title
    assert f"wrote {out['o.pdf']}" in capsys.readouterr().out


def test_the_calendar_flag_without_an_email_is_refused(tmp_path, capsys):
    assert cli.main(["render", str(FIXTURE), "-o", str(tmp_path / "p.pdf"),
                     "--email-calendar"]) == 2
    assert capsys.readouterr().err.startswith("error: --email-calendar:")
    assert list(tmp_path.iterdir()) == []
