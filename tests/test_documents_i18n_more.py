"""The prep sheet, the outcome report, the emails, the calendar and the rehearsal's opener are
written in the draft's language: with a small fake German catalog the words come from the
catalog for ``language="de"`` and stay English for ``"en"``, whatever the app speaks."""

from __future__ import annotations

import datetime as dt
import email
import email.policy
import gettext

import pytest
from icalendar import Calendar

from upskill_ask import calendar_file, i18n, mail, recap, rehearsal, render

from .conftest import make_draft

# msgid -> German, as a translator would write them (placeholders kept, reordered at will)
GERMAN = {
    "Proposal for your decision by {day}: support for learning {skill}":
        "Vorschlag zur Entscheidung bis {day}: Weiterbildung in {skill}",
    "Hi {name},": "Guten Tag {name},",
    "Thank you,": "Vielen Dank,",
    "Thank you again,": "Nochmals vielen Dank,",
    "The attached PDF sets out the options side by side, what I will deliver and how you will "
    "see the results.":
        "Im angehängten PDF finden Sie die Optionen im Vergleich, was ich liefere und wie Sie "
        "die Ergebnisse sehen.",
    "Could we go through it when we meet on {meeting}, and could you let me know by "
    "{decision}?":
        "Können wir ihn bei unserem Termin am {meeting} besprechen, und geben Sie mir bis "
        "{decision} Bescheid?",
    "If that is more than we can do now, the proposal also lists {n} lighter alternative, "
    "down to {last}.": "Als Ausweichlösung nennt der Vorschlag {n} leichtere Alternative, bis "
                       "hin zu {last}.",
    "The attached calendar file adds {things} to your calendar.":
        "Die angehängte Kalenderdatei trägt {things} in Ihren Kalender ein.",
    "our meeting": "unser Gespräch",
    "the decision date": "den Entscheidungstermin",
    "the check-in dates": "die Zwischenstände",
    "the dates of the success measures": "die Termine der Erfolgskriterien",
    "{items} and {last}": "{items} und {last}",
    "Thank you, and what we agreed: {skill}": "Danke, und was wir vereinbart haben: {skill}",
    "Thank you for taking the time on {date} to talk through my proposal for {skill}.":
        "Danke, dass Sie sich am {date} Zeit für meinen Vorschlag zu {skill} genommen haben.",
    "The next dates:": "Die nächsten Termine:",
    "check-in with you: {review}": "Zwischenstand mit Ihnen: {review}",
    "Meeting with {person}: {skill}": "Gespräch mit {person}: {skill}",
    "Meeting with {manager}: {skill}": "Gespräch mit {manager}: {skill}",
    "Development: {skill}": "Weiterbildung: {skill}",
    "Check-in with {person}: {what}": "Zwischenstand mit {person}: {what}",
    "Your ladder": "Ihre Stufenleiter",
    "Private — for your eyes only": "Privat — nur für Sie",
    "in %(count)s days": "in %(count)s Tagen",
    "Outcome report": "Ergebnisbericht",
    "What came of learning %(skill)s": "Was aus %(skill)s geworden ist",
    "Thanks for coming, {name}. What did you want to talk about?":
        "Danke fürs Kommen, {name}. Worüber möchten Sie sprechen?",
}


class FakeGerman(gettext.NullTranslations):
    def gettext(self, message):
        return GERMAN.get(message, message)

    def ngettext(self, singular, plural, n):
        message = singular if n == 1 else plural
        return GERMAN.get(message, message)

    def pgettext(self, context, message):
        return GERMAN.get(message, message)


@pytest.fixture(autouse=True)
def german_catalog(monkeypatch):
    real = i18n.translations
    monkeypatch.setattr(i18n, "translations",
                        lambda language: FakeGerman() if language == "de" else real(language))
    monkeypatch.setattr(i18n, "_current", "en")  # the app speaks English throughout


def in_language(language: str):
    return make_draft(language=language)


NOW = dt.datetime(2026, 12, 1, 9, 0, tzinfo=dt.UTC)


def parse(raw: bytes):
    return email.message_from_bytes(raw, policy=email.policy.default)


def test_the_covering_email_is_in_the_drafts_language_and_keeps_its_structure():
    msg = parse(mail.eml_bytes(in_language("de"), b"%PDF-1.7 fake", now=NOW, calendar=True))
    assert msg["Subject"].startswith("Vorschlag zur Entscheidung bis ")
    assert msg["Subject"].endswith(": Weiterbildung in Data visualisation with Power BI")
    body = msg.get_body(("plain",)).get_content().replace("\r\n", "\n")
    assert body.startswith("Guten Tag Graham,\n\n")
    assert "Im angehängten PDF finden Sie die Optionen im Vergleich" in body
    assert "Können wir ihn bei unserem Termin am " in body
    assert "nennt der Vorschlag 1 leichtere Alternative, bis hin zu “Vendor learning path”." in body
    assert ("Die angehängte Kalenderdatei trägt unser Gespräch, den Entscheidungstermin, die "
            "Zwischenstände und die Termine der Erfolgskriterien in Ihren Kalender ein.") in body
    assert body.rstrip().endswith("Vielen Dank,\nMaya Okafor")
    assert "Hi Graham" not in body and "attached PDF" not in body
    # the same MIME structure as in English: text, the PDF, the calendar
    types = [part.get_content_type() for part in msg.walk()]
    assert types == ["multipart/mixed", "text/plain", "application/pdf", "text/calendar"]


def test_the_covering_email_stays_english_for_an_english_draft():
    draft = in_language("en")
    assert mail.subject(draft).startswith("Proposal for your decision by 19 December 2026")
    body = mail.default_message(draft, calendar=True)
    assert body.startswith("Hi Graham,\n\n") and "The attached PDF sets out" in body
    assert "our meeting, the decision date, the check-in dates and the dates" in body
    assert not any(word in body for word in ("Guten", "Vielen", "Kalender"))


def test_the_recap_is_in_the_drafts_language():
    draft = in_language("de")
    assert recap.subject(draft) == ("Danke, und was wir vereinbart haben: Data visualisation "
                                    "with Power BI")
    text = recap.message(draft, today=dt.date(2026, 12, 9))
    assert "\n\nGuten Tag Graham,\n\nDanke, dass Sie sich am " in text
    assert "Zeit für meinen Vorschlag zu Data visualisation with Power BI genommen haben." in text
    assert "Die nächsten Termine:\n- " in text
    assert "Zwischenstand mit Ihnen: The first dashboard page, live" in text  # user text kept
    assert text.rstrip().endswith("Nochmals vielen Dank,\nMaya Okafor")
    english = recap.message(in_language("en"), today=dt.date(2026, 12, 9))
    assert "Thank you for taking the time on " in english and "The next dates:" in english
    assert "Danke" not in english


def summaries(raw: bytes) -> list[str]:
    return [str(c["summary"]) for c in Calendar.from_ical(raw).walk() if c.name == "VEVENT"]


def test_the_calendar_titles_and_name_are_in_the_drafts_language():
    raw = calendar_file.calendar_bytes(in_language("de"), now=NOW, for_manager=True)
    found = summaries(raw)
    assert "Gespräch mit Maya Okafor: Data visualisation with Power BI" in found
    assert "Zwischenstand mit Maya Okafor: The first dashboard page, live" in found
    assert str(Calendar.from_ical(raw)["x-wr-calname"]) == \
        "Weiterbildung: Data visualisation with Power BI"
    mine = summaries(calendar_file.calendar_bytes(in_language("de"), now=NOW))
    assert "Gespräch mit Graham Price: Data visualisation with Power BI" in mine
    english = summaries(calendar_file.calendar_bytes(in_language("en"), now=NOW))
    assert "Meeting with Graham Price: Data visualisation with Power BI" in english


def test_the_prep_sheet_headings_follow_the_drafts_language():
    today = dt.date(2026, 12, 1)  # the meeting is a week away
    html = render.prep_html(in_language("de"), today=today)
    assert 'lang="de"' in html
    assert "Ihre Stufenleiter" in html and "Privat — nur für Sie" in html
    assert "in 7 Tagen" in html  # a plural from the catalog, with its number
    english = render.prep_html(in_language("en"), today=today)
    assert ">Your ladder<" in english and "in 7 days" in english
    assert "Ihre Stufen" not in english


def test_the_outcome_report_follows_the_drafts_language():
    html = render.outcome_html(in_language("de"), today=dt.date(2027, 4, 1))
    assert "Ergebnisbericht" in html
    assert "Was aus Data visualisation with Power BI geworden ist" in html
    english = render.outcome_html(in_language("en"), today=dt.date(2027, 4, 1))
    assert "What came of learning Data visualisation with Power BI" in english
    # the plural follows the number of measures (one here), not the number met
    assert "0 of 1 success measure has a result to report." in english


def test_the_manager_opens_the_rehearsal_in_the_drafts_language():
    assert rehearsal.opening_card(in_language("de")).prompt == \
        "Danke fürs Kommen, Maya. Worüber möchten Sie sprechen?"
    assert rehearsal.opening_card(in_language("en")).prompt == \
        "Thanks for coming, Maya. What did you want to talk about?"


def test_an_empty_draft_has_a_prep_sheet_and_an_outcome_report_in_any_language():
    from upskill_ask import model

    for language in ("en", "de"):
        empty = model.Draft(language=language)
        # no dates, no options: the after-the-meeting card is still there to fill in by hand
        assert 'id="after-h"' in render.prep_html(empty)
        assert 'id="decision-h"' in render.outcome_html(empty)
