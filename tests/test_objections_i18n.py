"""The objection library in the draft's language: its texts are msgids of the app's catalogs
(extracted from the TOML with a comment for translators), looked up in the document's language
before they are filled, so a translated answer carries the draft's own figures."""

from __future__ import annotations

import gettext
import io
import re
from decimal import Decimal

import pytest
from babel.messages.catalog import Catalog
from babel.messages.extract import check_and_call_extract_file
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.mofile import write_mo

from upskill_ask import drafts, figure_words, i18n, library_extract, objections, render
from upskill_ask.formatting import Formatter
from upskill_ask.model import Objection

from .conftest import ROOT, page_texts

TOML = ROOT / "upskill_ask" / "data" / "objections.toml"
FIFTH = ROOT / "resources" / "examples" / "electrician-batteries-au.upskill"
NO_FEE = ROOT / "resources" / "examples" / "accountant-python-nl.upskill"

EN = objections.library()["no-budget"]
# a German response that puts the figures in another order than the English one, and
# rewrites the first choice with the amount first
DE_RESPONSE = (
    "[$cash kostet meine erste Wahl, $option.|Meine erste Wahl, $option, kostet keine Gebühr.] "
    "[Heute kostet die Lücke etwa $gap_per_month im Monat; in $payback_months hat sich das "
    "bezahlt gemacht, und ein weiteres Jahr Warten kostet etwa $waiting_cost.|Heute kostet die "
    "Lücke etwa $gap_per_month im Monat.|Es zahlt sich über $project aus.] "
    "[Ist das zu viel, bleibt $cheapest_option für $cheapest_cash.|Ist das zu viel, bleibt "
    "$cheapest_option ohne Gebühr.] "
    "[Ich spreche es vor dem $budget_date an.|Ich spreche es an, bevor das Budget steht.]")
DE = {
    EN.question: "Haben wir dafür gerade das Budget?",
    EN.response: DE_RESPONSE,
    ("option name in quotes", "“{name}”"): "„{name}“",
    ("pays for itself in", "under a month"): "weniger als einem Monat",
    ("pays for itself in", "about {n} month"): ("etwa {n} Monat", "etwa {n} Monaten"),
}


def _catalog(messages: dict) -> gettext.GNUTranslations:
    """A compiled German catalog of ``messages`` (msgid or (context, msgid) -> translation)."""
    catalog = Catalog(locale="de")
    for key, value in messages.items():
        context, msgid = key if isinstance(key, tuple) else (None, key)
        if isinstance(value, tuple):  # a plural: the English plural comes from the code
            msgid = (msgid, msgid.replace("month", "months"))
        catalog.add(msgid, value, context=context)
    buffer = io.BytesIO()
    write_mo(buffer, catalog)
    buffer.seek(0)
    return gettext.GNUTranslations(buffer)


@pytest.fixture
def german(monkeypatch):
    de = _catalog(DE)
    real = i18n.translations
    monkeypatch.setattr(i18n, "translations", lambda code: de if code == "de" else real(code))
    return de


def _in(path, language: str):
    draft = drafts.load(path)
    return draft.model_copy(update={"language": language,
                                    "objections": [Objection(id="no-budget")]})


def test_a_translated_answer_carries_the_drafts_figures(german):
    draft = _in(FIFTH, "de")
    values = objections.figures(draft)
    (item,) = objections.resolve(draft, include_private=False)
    assert item.question == "Haben wir dafür gerade das Budget?"
    option = "„Battery storage design and install course, with the accreditation assessment“"
    assert values["option"] == option
    assert item.answer.startswith(f"{values['cash']} kostet meine erste Wahl, {option}. ")
    assert f"etwa {values['gap_per_month']} im Monat; in weniger als einem Monat hat sich" \
        in item.answer
    assert f"Jahr Warten kostet etwa {values['waiting_cost']}." in item.answer
    assert f"bleibt {values['cheapest_option']} für {values['cheapest_cash']}." in item.answer
    assert f"vor dem {values['budget_date']} an." in item.answer
    assert not re.search(r"\$[a-z]|[\[\]|]", item.answer), item.answer
    # untranslated texts of the entry stay in English rather than going missing
    assert item.meaning == EN.meaning and item.evidence.startswith("The ranked options")


def test_a_choice_takes_the_translated_alternative_the_figures_allow(german):
    draft = _in(NO_FEE, "de")
    values = objections.figures(draft)
    assert "cash" not in values.given and "payback_months" in values.given
    (item,) = objections.resolve(draft, include_private=False)
    assert item.answer.startswith(f"Meine erste Wahl, {values['option']}, kostet keine Gebühr.")
    assert f"in {values['payback_months']} hat sich das bezahlt gemacht" in item.answer
    assert re.fullmatch(r"etwa 2[.,]3 Monaten", values["payback_months"])


def test_english_and_unknown_languages_keep_the_library_as_written(german):
    for language in ("en", "it"):
        (item,) = objections.resolve(_in(FIFTH, language), include_private=False)
        assert item.question == EN.question
        assert item.answer.startswith("My first choice, “Battery storage design and install "
                                      "course, with the accreditation assessment”, costs ")
        assert "pays for itself in under a month" in item.answer


def test_the_users_own_words_are_never_translated(german):
    draft = _in(FIFTH, "de").model_copy(update={"objections": [
        Objection(id="no-budget", question="Do we have the budget for this right now?",
                  answer="My first choice, $option, costs $cash.")]})
    (item,) = objections.resolve(draft, include_private=False)
    assert item.question == "Do we have the budget for this right now?"
    assert item.answer == "My first choice, $option, costs $cash."


def test_the_library_in_a_language_translates_every_entry_it_has(german):
    lib = objections.library("de")
    assert lib["no-budget"].question == "Haben wir dafür gerade das Budget?"
    assert lib["no-budget"].response == DE_RESPONSE
    assert lib["core-duties"] == objections.library()["core-duties"]
    assert objections.library() is objections.library()  # the source is read once


def test_the_figure_words_follow_the_catalog(german):
    fmt = Formatter.for_draft(_in(FIFTH, "de"))
    assert figure_words.payback(german, fmt, Decimal(1)) == "etwa 1 Monat"
    half = fmt.number(Decimal("2.5"))
    assert figure_words.payback(german, fmt, Decimal("2.5")) == f"etwa {half} Monaten"
    english = i18n.words("en")
    assert figure_words.payback(english, fmt, Decimal("0.4")) == "under a month"
    assert figure_words.ask(english, "€5", "4 h") == "€5 and 4 h of work time"
    assert figure_words.ask(english, None, "4 h") == "4 h of work time"
    assert figure_words.ask(english, "€5", None) == "€5"


def test_the_german_proposal_prints_the_translated_question_and_answer(german):
    draft = _in(FIFTH, "de")
    text = " ".join(" ".join(page_texts(render.proposal_pdf(draft))).split())
    assert "Haben wir dafür gerade das Budget?" in text
    assert "kostet meine erste Wahl" in text
    assert "Do we have the budget" not in text


# --- extraction --------------------------------------------------------------------------


def _extracted() -> list[tuple]:
    """The library's messages as ``pybabel extract -F babel.cfg`` finds them."""
    with open(ROOT / "babel.cfg", encoding="utf-8") as cfg:
        method_map, options_map = parse_mapping_cfg(cfg)
    return list(check_and_call_extract_file(str(TOML), method_map, options_map, None, {}, [],
                                            False, dirpath=str(ROOT)))


def test_babel_extracts_every_library_text_with_a_comment():
    found = _extracted()
    lib = objections.library()
    expected = {getattr(e, name) for e in lib.values() for name in objections.TEXTS}
    assert {message for _f, _line, message, _c, _ctx in found} == expected
    assert len(found) == len(lib) * len(objections.TEXTS)
    lines = TOML.read_text(encoding="utf-8").splitlines()
    for _file, line, message, comments, context in found:
        assert context is None
        first = comments[0]
        oid, field = re.match(r"Objection library, ([a-z-]+), ([a-z]+): ", first).groups()
        assert getattr(lib[oid], field) == message
        assert lines[line - 1].startswith(f"{field} = ")  # the location is the key's line
        if field in library_extract.TEMPLATES:
            assert "$placeholder" in comments[1] and "[A|B|C]" in comments[1]
            for name in set(re.findall(r"\$(\w+)", message)):
                assert f"${name} = {library_extract.PLACEHOLDERS[name]}" in comments[2]
        else:
            assert len(comments) == 1, (oid, field)


def test_every_placeholder_has_a_meaning_for_translators():
    known = set(objections.figures(drafts.load(FIFTH)))
    assert set(library_extract.PLACEHOLDERS) == known


# --- the questions page --------------------------------------------------------------------


@pytest.mark.gui
def test_the_questions_page_shows_the_library_in_the_drafts_language(german, wizards, qtbot):
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QLineEdit, QListWidget, QPlainTextEdit, QPushButton

    from upskill_ask.ui.pages.base import PageId

    from .conftest import make_draft
    from .fakes import go_to

    wizard = wizards(make_draft(language="de"))
    qtbot.waitExposed(wizard)
    go_to(wizard, PageId.QUESTIONS)
    page = wizard.page(PageId.QUESTIONS)
    library_list = page.findChild(QListWidget, "questions-library")
    texts = {library_list.item(r).data(Qt.ItemDataRole.UserRole): library_list.item(r).text()
             for r in range(library_list.count())}
    assert texts["no-budget"] == "Haben wir dafür gerade das Budget?"
    assert texts["core-duties"] == objections.library()["core-duties"].question
    question = page.findChild(QLineEdit, "objections.0.question")
    answer = page.findChild(QPlainTextEdit, "objections.0.answer")
    assert question.placeholderText() == "Haben wir dafür gerade das Budget?"
    assert "kostet meine erste Wahl" in answer.placeholderText()
    # editing the wording copies the answer in the document's language into the draft
    qtbot.mouseClick(page.findChild(QPushButton, "objections.0.edit-wording"),
                     Qt.MouseButton.LeftButton)
    stored = wizard.draft().objections[0]
    assert stored.answer == answer.placeholderText() and "kostet meine erste Wahl" in stored.answer
    assert stored.question == ""  # the library's question, in whatever language is printed
    # back in English, the page follows the draft's language
    wizard.store.set("language", "en")
    qtbot.waitUntil(lambda: question.placeholderText() == EN.question)
    assert library_list.findItems(EN.question, Qt.MatchFlag.MatchExactly)
