"""The wizard in each of the app's languages: no English left in what a user reads, Qt's own
buttons translated, no mnemonic repeated on a page, and a language chosen on the Start page
applied at once and remembered."""

from __future__ import annotations

import re

import pytest
from PySide6.QtWidgets import QAbstractButton, QApplication, QGroupBox, QLabel, QWidget, QWizard

from upskill_ask import drafts, i18n, preferences
from upskill_ask.ui import language
from upskill_ask.ui.pages.base import PageId

from .conftest import EXAMPLES
from .test_gui_keyboard import _mnemonic, crowded_draft

pytestmark = pytest.mark.gui

OTHERS = [code for code in i18n.LANGUAGES if code != i18n.SOURCE]
# common English words, none of them a word of German, Dutch, French or Spanish as well
_WORDS = """the and with for your this that of to my are what how who when you from by have if it
add remove save draft proposal skill question questions answer move down hours week ready undo
redo close done back next yet not where which be at or any there their them they please before
after nothing something"""
ENGLISH = set(_WORDS.split())
NATIVE = {"de": {"will", "so"}, "nl": {"is", "we", "of", "week"},
          "fr": {"question", "questions"}, "es": set()}


@pytest.fixture
def speak(qapp):
    """Install a language for a test; English again afterwards."""
    yield language.install_qt
    language.install_qt(i18n.SOURCE)


def native_draft():
    """The Munich example, with questions of the user's own (the library's texts are data,
    translated with the documents, not part of the app's own words)."""
    example = next(p for p in EXAMPLES if p.name.startswith("nurse"))
    data = drafts.load(example).model_dump(mode="json")
    data["objections"] = [{"id": "custom-1", "question": "Wer übernimmt meine Schichten?",
                           "answer": "Der Springerpool.", "evidence": "Dienstplan"}]
    data["private"]["fallbacks"] = {}
    data["title"] = "Antrag: Weiterbildung zur Praxisanleiterin"
    for n, option in enumerate(data["options"], 1):
        option["title"] = f"Weiterbildung {n}"
    from upskill_ask import model

    return model.Draft.model_validate(data)


def visible_texts(wiz) -> list[str]:
    """What the user reads on the page shown, as the contract's probe collects it, plus the
    tooltips and placeholders of what is visible."""
    page = wiz.currentPage()
    texts = [page.title(), page.subTitle()]
    for widget in wiz.findChildren(QWidget):
        if not widget.isVisible():
            continue
        if isinstance(widget, (QLabel, QAbstractButton)):
            texts.append(widget.text())
        elif isinstance(widget, QGroupBox):
            texts.append(widget.title())
        texts.append(widget.toolTip())
        placeholder = getattr(widget, "placeholderText", None)
        if placeholder is not None:
            texts.append(placeholder())
    return [t for t in texts if t]


def walk(wiz):
    """Every page in turn, from the first, as Next reaches them."""
    wiz.restart()
    while True:
        QApplication.processEvents()
        yield PageId(wiz.currentId())
        before = wiz.currentId()
        wiz.next()
        if wiz.currentId() == before:
            return


@pytest.mark.parametrize("code", OTHERS)
def test_the_wizard_shows_no_english_words_in_any_language(code, speak, wizards):
    speak(code)
    wiz = wizards(native_draft())
    sources = set()
    from babel.messages.pofile import read_po

    with (i18n.LOCALE_DIR / "messages.pot").open("rb") as f:
        sources = {m.id for m in read_po(f) if isinstance(m.id, str) and m.id}
    shown, untranslated = [], []
    for page in walk(wiz):
        texts = visible_texts(wiz)
        shown += texts
        untranslated += [(page.name, t) for t in texts if t in sources
                         and i18n.translations(code).gettext(t) != t]
    assert [p.name for p in PageId][-1] == page.name  # every page was seen
    words = re.findall(r"[A-Za-zÀ-ÿ']+", "\n".join(shown).replace("&", "").lower())
    english = [w for w in words if w in ENGLISH - NATIVE[code]]
    assert untranslated == []
    assert english == [], english[:20]  # one unwrapped string is enough to fail


@pytest.mark.parametrize("code", OTHERS)
def test_qt_own_buttons_speak_the_language(code, speak, wizards):
    speak(code)
    wiz = wizards()
    for which, english in ((QWizard.WizardButton.NextButton, "&Next >"),
                           (QWizard.WizardButton.BackButton, "< &Back")):
        assert wiz.buttonText(which) not in ("", english)
    assert wiz.buttonText(QWizard.WizardButton.NextButton).replace("&", "").startswith(
        {"de": "Weiter", "nl": "Volgende", "fr": "Suivant", "es": "Siguiente"}[code])


@pytest.mark.parametrize("code", OTHERS)
def test_no_mnemonic_repeats_on_any_page_in_any_language(code, speak, wizards):
    speak(code)
    wiz = wizards(crowded_draft(), active=True)
    buttons = [wiz.button(b) for b in (QWizard.WizardButton.BackButton,
                                       QWizard.WizardButton.NextButton,
                                       QWizard.WizardButton.CustomButton1,
                                       QWizard.WizardButton.CancelButton,
                                       QWizard.WizardButton.FinishButton)]
    pages = 0
    for page in walk(wiz):
        letters: dict[str, list[str]] = {}
        for widget in wiz.currentPage().findChildren(QWidget) + buttons:
            if widget.isVisible() and isinstance(widget, (QLabel, QAbstractButton, QGroupBox)):
                text = widget.title() if isinstance(widget, QGroupBox) else widget.text()
                letter = _mnemonic(text)
                if letter:
                    letters.setdefault(letter, []).append(text)
        repeats = {k: v for k, v in letters.items() if len(v) > 1}
        assert not repeats, f"{code} {page.name}: {repeats}"
        pages += 1
    assert pages == len(PageId)


@pytest.mark.parametrize("code", OTHERS)
def test_every_label_keeps_a_mnemonic_in_every_language_without_cards(code, speak, wizards):
    """Without repeated cards every key is unique on a page, among the page's own labels and
    the wizard's buttons (the check of the English test, for each language)."""
    from .conftest import make_draft

    speak(code)
    wiz = wizards(make_draft(options=[], objections=[]))
    reserved = {_mnemonic(wiz.buttonText(b)) for b in (
        QWizard.WizardButton.BackButton, QWizard.WizardButton.NextButton,
        QWizard.WizardButton.CustomButton1, QWizard.WizardButton.CancelButton)} - {None}
    assert len(reserved) == 4
    for page_id in wiz.pageIds():
        keys = [_mnemonic(w.text()) for w in wiz.page(page_id).findChildren(QWidget)
                if isinstance(w, (QLabel, QAbstractButton)) and _mnemonic(w.text())]
        assert not reserved & set(keys), (code, PageId(page_id).name, reserved & set(keys))
        assert len(keys) == len(set(keys)), (code, PageId(page_id).name, sorted(keys))


def test_a_language_chosen_on_the_start_page_applies_at_once_and_is_remembered(qtbot, wizards,
                                                                               speak):
    wiz = wizards(native_draft())
    wiz.store.set("person.role", "Praxisanleiterin in spe")
    box = wiz.start_page.language_box
    assert box.currentData() is None and box.currentText() == "System"
    box.setCurrentIndex(box.findData("de"))
    box.activated.emit(box.currentIndex())
    new = wiz.replaced_by
    assert new is not None
    qtbot.addWidget(new)
    try:
        assert preferences.app_language() == "de" and i18n.startup_language({}) == "de"
        assert new.start_page.title() == "Bereiten Sie Ihre Anfrage vor"
        assert new.buttonText(QWizard.WizardButton.NextButton) == "&Weiter >"
        assert new.start_page.language_box.currentData() == "de"
        # the draft and its unsaved state went along
        assert new.store.get("person.role") == "Praxisanleiterin in spe" and new.store.dirty
        assert new.isVisible() and not wiz.isVisible()
        new.start_page.language_box.setCurrentIndex(0)
        new.start_page.language_box.activated.emit(0)
        newer = new.replaced_by
        qtbot.addWidget(newer)
        assert preferences.app_language() is None
        assert newer.start_page.title() == "Prepare your ask"  # the system's: English here
    finally:
        for window in (new, getattr(new, "replaced_by", None)):
            if window is not None:
                window.store.dirty = False
                window.review_page.shutdown()


@pytest.mark.parametrize("code", OTHERS)
def test_the_rehearsal_window_speaks_the_language_with_one_key_per_letter(code, speak, wizards,
                                                                          qtbot):
    """The window's own words (not the questions and answers, which are the draft's and the
    library's) in the language, and no Alt+letter twice across its two views."""
    import random

    from PySide6.QtWidgets import QTableWidget

    from upskill_ask.ui.rehearsal import RehearsalWindow

    speak(code)
    wiz = wizards(native_draft())
    window = RehearsalWindow(wiz.store, wiz, rng=random.Random(1))
    qtbot.addWidget(window)
    assert window.start()
    data = {"rehearsal-prompt", "rehearsal-typed", "rehearsal-meaning", "rehearsal-answer",
            "rehearsal-evidence", "rehearsal-fallback"}

    def own_texts() -> list[str]:
        texts = [window.windowTitle()]
        for widget in window.findChildren(QWidget):
            if widget.objectName() not in data and isinstance(widget, (QLabel, QAbstractButton)):
                texts.append(widget.text())
            texts += [widget.accessibleName(), widget.toolTip()]
        return [t for t in texts if t]

    shown = own_texts()
    window.reveal()
    shown += own_texts()
    window.stop()
    shown += own_texts()
    table = window.findChild(QTableWidget, "rehearsal-summary-table")
    shown += [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())]
    shown += [table.item(r, 1).text() for r in range(table.rowCount())]
    words = re.findall(r"[A-Za-zÀ-ÿ']+", "\n".join(shown).replace("&", "").lower())
    english = [w for w in words if w in ENGLISH - NATIVE[code]]
    assert english == [], english[:20]
    letters: dict[str, list[str]] = {}
    for widget in window.findChildren(QWidget):  # both views: hidden ones too
        if isinstance(widget, (QLabel, QAbstractButton)) and _mnemonic(widget.text()):
            letters.setdefault(_mnemonic(widget.text()), []).append(widget.text())
    assert len(letters) == 9 and all(len(v) == 1 for v in letters.values()), letters


@pytest.mark.parametrize(("code", "shown"), [("en", "8 Dec 2026"), ("de", "8. Dez. 2026"),
                                             ("fr", "8 déc. 2026"), ("es", "8 dic 2026"),
                                             ("nl", "8 dec 2026")])
def test_date_fields_show_months_in_the_apps_language_and_read_them_back(code, shown, speak):
    from PySide6.QtCore import QDate

    from upskill_ask.ui.inputs import DateField, parse_typed_date

    speak(code)
    field = DateField()
    field.setIsoDate("2026-12-08")
    assert field.text() == shown
    assert parse_typed_date(shown) == QDate(2026, 12, 8)
    assert parse_typed_date("9 Mar 2027") == QDate(2027, 3, 9)  # English forms still read
    assert parse_typed_date("2027-03-09") == QDate(2027, 3, 9)
