"""The proposal is written in the draft's language, whatever the app's: its headings, sentences,
plurals, kind labels and the words around the figures come from that language's catalog, an
English draft reads as it always did, and the People page chooses the language.

The German here is a small catalog made in the test (the real ones are filled by translators),
so these tests show the wiring, not the translation."""

from __future__ import annotations

import datetime as dt
import gettext
import re
from decimal import Decimal

import pytest

from upskill_ask import i18n, render
from upskill_ask.formatting import Formatter

from .conftest import make_draft, page_texts

TODAY = dt.date(2026, 12, 8)
GERMAN = {
    "Summary": "Zusammenfassung",
    "The options, ranked": "Die Optionen, nach Rang",
    "Decision": "Entscheidung",
    "Development proposal": "Weiterbildungsantrag",
    "Paid course": "Bezahlter Kurs",
    "Cash cost": "Barkosten",
    "I am asking for your support to learn %(skill)s.":
        "Ich bitte Sie um Unterstützung, %(skill)s zu lernen.",
    "{hours} h": "{hours} Std.",
    "Proposal: support for learning {skill}": "Antrag: Unterstützung beim Lernen von {skill}",
}
GERMAN_PLURALS = {
    ("{n} week", "{n} weeks"): ("{n} Woche", "{n} Wochen"),
    ("{n} month", "{n} months"): ("{n} Monat", "{n} Monate"),
}


class FakeCatalog(gettext.NullTranslations):
    """A catalog of a few messages; anything else stays English, as a missing entry does."""

    def __init__(self, messages: dict[str, str], plurals=None, *, mark: str = "") -> None:
        super().__init__()
        self.messages, self.plurals, self.mark = messages, plurals or {}, mark

    def gettext(self, message: str) -> str:
        if self.mark:
            return f"{self.mark}{message}{self.mark}"
        return self.messages.get(message, message)

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        if self.mark:
            return self.mark + (singular if n == 1 else plural) + self.mark
        forms = self.plurals.get((singular, plural), (singular, plural))
        return forms[0] if n == 1 else forms[1]

    def pgettext(self, context: str, message: str) -> str:
        return self.gettext(message)


@pytest.fixture
def german(monkeypatch):
    """German documents speak the fake catalog; every other language stays English."""
    catalog = FakeCatalog(GERMAN, GERMAN_PLURALS)
    real = i18n.translations
    monkeypatch.setattr(i18n, "translations", lambda code: catalog if code == "de" else real(code))
    return catalog


def _text(html: str) -> str:
    body = html[html.index("<body>"):]
    inline = re.sub(r"</?(strong|span|time|a)\b[^>]*>", "", body)
    return " ".join(re.sub(r"<[^>]+>", " ", inline).replace("&nbsp;", " ").split())


def test_a_german_draft_gets_a_german_proposal_and_an_english_one_stays_english(german):
    draft = make_draft()
    german_html = render.proposal_html(draft.model_copy(update={"language": "de"}), today=TODAY)
    english_html = render.proposal_html(draft, today=TODAY)
    de, en = _text(german_html), _text(english_html)
    assert '<html lang="de">' in german_html and '<html lang="en">' in english_html
    for english, translated in [("Summary", "Zusammenfassung"), ("The options, ranked",
                                 "Die Optionen, nach Rang"), ("Decision", "Entscheidung")]:
        heading = re.compile(rf'<h2 [^>]*>{re.escape(english)}</h2>')
        assert f">{translated}</h2>" in german_html and not heading.search(german_html)
        assert heading.search(english_html) and translated not in en
    # a sentence with a placeholder: the user's words go in, escaped, in the German order
    skill = draft.skill.name
    assert f"Ich bitte Sie um Unterstützung, {skill} zu lernen." in de
    assert f"I am asking for your support to learn {skill}." in en
    # the words formatting writes, and the date in the language
    assert re.search(r"\d+ Std\.", de) and not re.search(r"\d+ h\b", de)
    assert "8. Dezember 2026" in de and "8 December 2026" in en
    # the kind of an option, as a label in the documents
    if any(o.title and o.kind.value == "paid_course" for o in draft.options):
        assert "Bezahlter Kurs" in de and "Paid course" not in de


def test_the_german_pdf_is_german_and_tagged_so(german):
    draft = make_draft(language="de")
    pages = page_texts(render.proposal_pdf(draft, today=TODAY))
    text = " ".join(" ".join(pages).split())
    assert "ZUSAMMENFASSUNG" in text.upper() and "Entscheidung" in text
    assert "Summary" not in text and "The options, ranked" not in text


def test_an_untitled_proposal_is_titled_in_the_draft_language(german):
    draft = make_draft(title="", language="de")
    assert render.document_title(draft) == f"Antrag: Unterstützung beim Lernen von {draft.skill.name}"
    english = draft.model_copy(update={"language": "en"})
    assert render.document_title(english) == f"Proposal: support for learning {draft.skill.name}"
    assert render.document_title(draft.model_copy(update={"title": "Mein Antrag"})) == "Mein Antrag"


def test_every_word_of_the_proposal_comes_from_the_catalog(monkeypatch):
    """With a catalog that marks each message it gives, no English word of ours is left
    unmarked: the sentences below are whole messages, not glued fragments."""
    marked = FakeCatalog({}, mark="¤")
    monkeypatch.setattr(i18n, "translations", lambda code: marked)
    text = _text(render.proposal_html(make_draft(language="de"), today=TODAY))
    for ours in ["Summary", "The options, ranked", "Each option in detail", "Hours away",
                 "Success measures and check-ins", "Questions you may have",
                 "Budget line / cost centre", "Signature", "What it brings", "Why now",
                 "I am asking for your support to learn"]:
        assert f"¤{ours}" in text, ours
        assert text.count(ours) == text.count(f"¤{ours}"), f"{ours!r} printed unmarked"
    assert "%(" not in text and "{n}" not in text and "{hours}" not in text


@pytest.mark.parametrize(("language", "expected"), [("en", "8 December 2026"),
                                                    ("de", "8. Dezember 2026")])
def test_dates_follow_the_document_language(language, expected):
    fmt = Formatter("de_DE" if language == "de" else "en_GB", "EUR", language)
    assert fmt.date(TODAY) == expected


def test_the_formatting_words_are_in_the_document_language(german):
    de, en = Formatter("de_DE", "EUR", "de"), Formatter("en_GB", "EUR", "en")
    assert de.hours(Decimal("12.5")) == "12,5 Std." and en.hours(Decimal("12.5")) == "12.5 h"
    assert de.duration(Decimal(1), None, "weeks") == "1 Woche"
    assert de.duration(Decimal(8), None, "weeks") == "8 Wochen"
    assert de.duration(Decimal(8), Decimal("4.5"), "months") == "4,5 Monate"
    assert de.duration(Decimal(4), Decimal(1), "months") == "1 Monat"
    # a value printed rounded to a whole number takes the form of that number
    assert en.duration(Decimal("7.96"), None, "weeks") == "8 weeks"
    assert en.duration(Decimal("1.02"), None, "weeks") == "1 week"
    assert en.duration(Decimal("1.5"), None, "weeks") == "1.5 weeks"
    assert en.cash(Decimal(0)) == "Free"


def test_a_language_without_a_catalog_writes_english():
    draft = make_draft(language="it")
    text = _text(render.proposal_html(draft, today=TODAY))
    assert "Summary" in text and '<html lang="it">' in render.proposal_html(draft, today=TODAY)


# --- the People page -------------------------------------------------------------------------


def test_the_people_page_chooses_the_document_language(wizards):
    from PySide6.QtWidgets import QComboBox, QLabel

    from upskill_ask.ui.pages.base import PageId

    from .fakes import go_to

    wizard = wizards(make_draft(language="en"))
    go_to(wizard, PageId.PEOPLE)
    box = wizard.findChild(QComboBox, "language")
    assert [box.itemText(i) for i in range(box.count())] == list(i18n.LANGUAGES.values())
    assert box.currentData() == "en" and box.accessibleName()
    label = next(w for w in wizard.currentPage().findChildren(QLabel) if w.buddy() is box)
    assert "&" in label.text()
    box.setCurrentIndex(box.findData("de"))
    assert wizard.draft().language == "de"
    box.setCurrentIndex(box.findData("es"))
    assert wizard.draft().language == "es"


def test_a_language_the_app_has_no_catalog_for_is_shown_and_kept(wizards):
    from PySide6.QtWidgets import QComboBox

    from upskill_ask.ui.pages.base import PageId

    from .fakes import go_to

    wizard = wizards(make_draft(language="it"))
    go_to(wizard, PageId.PEOPLE)
    box = wizard.findChild(QComboBox, "language")
    assert box.currentText() == "it" and box.currentData() == "it"
    wizard.store.set("person.role", "Analista")  # another edit leaves the language alone
    assert wizard.draft().language == "it"
