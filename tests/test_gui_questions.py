"""Page 6, "Questions to expect", driven as a user would: ticking library questions, typing
answers, fallbacks and questions of one's own, and moving between pages."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QTextBrowser,
)

from upskill_ask import drafts
from upskill_ask.objections import library
from upskill_ask.ui.pages.base import PageId
from upskill_ask.ui.wizard import RequestWizard

from .conftest import make_draft
from .fakes import FakeDialogs, go_to

pytestmark = pytest.mark.gui


@pytest.fixture
def wizard(wizards, qtbot):
    made = wizards(make_draft())
    qtbot.waitExposed(made)
    go_to(made, PageId.QUESTIONS)
    return made


def page_of(wizard):
    return wizard.page(PageId.QUESTIONS)


def find(wizard, kind, name):
    widget = page_of(wizard).findChild(kind, name)
    assert widget is not None, f"no {kind.__name__} named {name}"
    return widget


def toggle(qtbot, wizard, oid):
    """Select a library question and press Space, as a keyboard user does."""
    library_list = find(wizard, QListWidget, "questions-library")
    for row in range(library_list.count()):
        item = library_list.item(row)
        if item.data(Qt.ItemDataRole.UserRole) == oid:
            library_list.setCurrentItem(item)
            library_list.setFocus()
            qtbot.keyClick(library_list, Qt.Key.Key_Space)
            return item
    raise AssertionError(f"{oid} is not in the library list")


def ids(wizard):
    return [o.id for o in wizard.draft().objections]


def test_the_library_list_shows_every_question_with_the_chosen_ones_ticked(wizard):
    library_list = find(wizard, QListWidget, "questions-library")
    assert library_list.count() == len(library())
    ticked = {library_list.item(r).data(Qt.ItemDataRole.UserRole)
              for r in range(library_list.count())
              if library_list.item(r).checkState() == Qt.CheckState.Checked}
    assert ticked == {"no-budget"}
    assert [c.objectName() for c in page_of(wizard).findChildren(QGroupBox)
            if c.objectName().endswith(".card")] == ["objections.0.card", "objections.1.card"]


def test_ticking_a_question_adds_a_card_with_the_answer_filled_with_my_figures(qtbot, wizard):
    entry = library()["need-approval"]
    assert "$cash" in entry.response
    toggle(qtbot, wizard, "need-approval")
    assert ids(wizard) == ["no-budget", "custom-1", "need-approval"]
    question = find(wizard, QLineEdit, "objections.2.question")
    answer = find(wizard, QPlainTextEdit, "objections.2.answer")
    find(wizard, QPlainTextEdit, "objections.2.evidence")
    fallback = find(wizard, QPlainTextEdit, "private.fallbacks.need-approval")
    assert question.placeholderText() == entry.question
    assert "£1,250" in answer.placeholderText()
    assert "$" not in answer.placeholderText()
    reads = find(wizard, QLabel, "objections.2.how-it-reads")
    assert "£1,250" in reads.text()
    qtbot.waitUntil(reads.isVisible)
    assert fallback.placeholderText() and "$" not in fallback.placeholderText()
    assert wizard.draft().objections[2].answer == ""  # empty: the library text is used
    preview = find(wizard, QTextBrowser, "questions-preview")
    assert "£1,250" in preview.toPlainText()
    assert entry.meaning[:40] in preview.toPlainText()


def test_typed_answer_is_stored_literally_and_reset_brings_back_the_library(qtbot, wizard):
    answer = find(wizard, QPlainTextEdit, "objections.0.answer")
    reset = find(wizard, QPushButton, "objections.0.reset")
    assert not reset.isEnabled()
    typed = "Split it over two quarters: {{ 7*7 }} and $cash stay as written."
    qtbot.keyClicks(answer, typed)
    assert wizard.store.get("objections.0.answer") == typed
    assert wizard.draft().objections[0].answer == typed
    reads = find(wizard, QLabel, "objections.0.how-it-reads")
    assert reads.text().startswith("Your own wording above is used")
    assert reset.isEnabled()
    qtbot.mouseClick(reset, Qt.MouseButton.LeftButton)
    assert wizard.draft().objections[0].answer == ""
    assert answer.toPlainText() == ""
    assert "£1,250" in reads.text()


def test_edit_this_wording_copies_the_filled_answer_into_the_box(qtbot, wizard):
    edit = find(wizard, QPushButton, "objections.0.edit-wording")
    qtbot.mouseClick(edit, Qt.MouseButton.LeftButton)
    answer = find(wizard, QPlainTextEdit, "objections.0.answer")
    text = wizard.draft().objections[0].answer
    assert "£1,250" in text and "$" not in text
    assert answer.toPlainText() == text
    assert not edit.isEnabled()
    qtbot.keyClicks(answer, " Thanks.")
    assert wizard.draft().objections[0].answer == text + " Thanks."


def test_adding_my_own_question(qtbot, wizard):
    qtbot.mouseClick(find(wizard, QPushButton, "questions-add-custom"), Qt.MouseButton.LeftButton)
    assert ids(wizard) == ["no-budget", "custom-1", "custom-2"]  # custom-1 is taken
    question = find(wizard, QLineEdit, "objections.2.question")
    qtbot.waitUntil(question.hasFocus)
    qtbot.keyClicks(question, "Could Sam learn it with you?")
    qtbot.keyClicks(find(wizard, QPlainTextEdit, "objections.2.answer"), "Yes, {{ 7*7 }} of us.")
    draft = wizard.draft()
    assert draft.objections[2].question == "Could Sam learn it with you?"
    assert draft.objections[2].answer == "Yes, {{ 7*7 }} of us."
    # questions of one's own have no library text to edit or reset to
    card = find(wizard, QGroupBox, "objections.2.card")
    qtbot.waitUntil(card.isVisible)
    assert not find(wizard, QPushButton, "objections.2.reset").isVisibleTo(card)
    assert not find(wizard, QPushButton, "objections.2.edit-wording").isVisibleTo(card)
    assert not find(wizard, QLabel, "objections.2.how-it-reads").isVisibleTo(card)
    assert find(wizard, QPushButton, "objections.0.reset").isVisibleTo(page_of(wizard))
    assert "Could Sam learn it with you?" in card.title()


def test_a_blank_question_of_my_own_holds_next_until_written(qtbot, wizard):
    qtbot.mouseClick(find(wizard, QPushButton, "questions-add-custom"), Qt.MouseButton.LeftButton)
    wizard.next()
    assert wizard.currentId() == PageId.QUESTIONS
    message = page_of(wizard).findChild(QLabel, "page-message")
    assert "question 3" in message.text()
    qtbot.keyClicks(find(wizard, QLineEdit, "objections.2.question"), "Why now?")
    wizard.next()
    assert wizard.currentId() == PageId.QUESTIONS
    assert "answer question 3" in message.text()
    qtbot.keyClicks(find(wizard, QPlainTextEdit, "objections.2.answer"), "The ERP goes live.")
    wizard.next()
    assert wizard.currentId() == PageId.PRIVATE


def test_fallback_goes_to_the_private_section(qtbot, wizard):
    toggle(qtbot, wizard, "will-leave")
    fallback = find(wizard, QPlainTextEdit, "private.fallbacks.will-leave")
    qtbot.keyClicks(fallback, "Agree a repayment clause.")
    draft = wizard.draft()
    assert draft.private.fallbacks["will-leave"] == "Agree a repayment clause."
    assert draft.private.fallbacks["no-budget"] == "Split the fee over two quarters."
    # emptied again, the draft still validates
    fallback.selectAll()
    qtbot.keyClick(fallback, Qt.Key.Key_Delete)
    assert wizard.draft().private.fallbacks.get("will-leave", "") == ""


def test_unticking_removes_the_card_and_its_fallback(qtbot, wizard):
    item = toggle(qtbot, wizard, "no-budget")
    assert item.checkState() == Qt.CheckState.Unchecked
    assert ids(wizard) == ["custom-1"]
    assert "no-budget" not in wizard.draft().private.fallbacks
    assert page_of(wizard).findChild(QPlainTextEdit, "private.fallbacks.no-budget") is None
    question = find(wizard, QLineEdit, "objections.0.question")
    assert question.text() == "Can the team use it too?"
    assert page_of(wizard).findChild(QLineEdit, "objections.1.question") is None


def test_remove_and_move_buttons(qtbot, wizard):
    toggle(qtbot, wizard, "core-duties")
    qtbot.mouseClick(find(wizard, QPushButton, "objections.2.up"), Qt.MouseButton.LeftButton)
    assert ids(wizard) == ["no-budget", "core-duties", "custom-1"]
    assert find(wizard, QLineEdit, "objections.2.question").text() == "Can the team use it too?"
    assert find(wizard, QLineEdit, "objections.1.question").placeholderText() == \
        library()["core-duties"].question
    qtbot.mouseClick(find(wizard, QPushButton, "objections.0.remove"), Qt.MouseButton.LeftButton)
    assert ids(wizard) == ["core-duties", "custom-1"]
    library_list = find(wizard, QListWidget, "questions-library")
    checked = [library_list.item(r).data(Qt.ItemDataRole.UserRole)
               for r in range(library_list.count())
               if library_list.item(r).checkState() == Qt.CheckState.Checked]
    assert checked == ["core-duties"]


def test_back_then_next_keeps_everything(qtbot, wizard):
    toggle(qtbot, wizard, "need-approval")
    qtbot.keyClicks(find(wizard, QPlainTextEdit, "objections.2.answer"), "Mine {{ 7*7 }}")
    qtbot.keyClicks(find(wizard, QLineEdit, "objections.2.question"), "Who signs?")
    qtbot.keyClicks(find(wizard, QPlainTextEdit, "private.fallbacks.need-approval"), "Go halves")
    before = wizard.draft()
    wizard.back()
    wizard.back()
    go_to(wizard, PageId.QUESTIONS)
    assert wizard.draft() == before
    assert find(wizard, QPlainTextEdit, "objections.2.answer").toPlainText() == "Mine {{ 7*7 }}"
    assert find(wizard, QLineEdit, "objections.2.question").text() == "Who signs?"
    assert find(wizard, QPlainTextEdit, "private.fallbacks.need-approval").toPlainText() == \
        "Go halves"
    wizard.next()
    wizard.back()
    assert wizard.draft() == before


def test_figures_changed_on_another_page_show_when_i_come_back(qtbot, wizard):
    go_to(wizard, PageId.OPTIONS)
    amount = wizard.findChild(QLineEdit, "options.0.cost.amount")
    amount.selectAll()
    qtbot.keyClicks(amount, "2000")
    go_to(wizard, PageId.QUESTIONS)
    reads = find(wizard, QLabel, "objections.0.how-it-reads")
    assert "£2,000" in reads.text()
    assert "£2,000" in find(wizard, QPlainTextEdit, "objections.0.answer").placeholderText()


def test_figures_follow_edits_a_moment_later_and_survive_an_invalid_draft(qtbot, wizard):
    reads = find(wizard, QLabel, "objections.0.how-it-reads")
    note = find(wizard, QLabel, "questions-figures-note")
    wizard.store.set("options.0.cost.amount", "900")
    assert "£1,250" in reads.text()  # debounced
    qtbot.waitUntil(lambda: "£900" in reads.text(), timeout=2000)
    wizard.store.set("options.0.hours_on_clock", "999")  # more than the total: invalid
    with pytest.raises(drafts.DraftError):
        wizard.draft()
    qtbot.waitUntil(note.isVisible, timeout=2000)
    assert "options.0" in note.text()
    assert "£900" in reads.text()  # the last good text stays
    wizard.store.set("options.0.hours_on_clock", "24")
    qtbot.waitUntil(lambda: not note.isVisible(), timeout=2000)


def test_opening_another_draft_rebuilds_the_cards(qtbot, wizard):
    other = make_draft(objections=[])
    wizard.store.replace(other.model_dump(mode="json"))
    assert page_of(wizard).findChild(QLineEdit, "objections.0.question") is None
    assert find(wizard, QLabel, "questions-empty").isVisible()
    toggle(qtbot, wizard, "own-time")
    assert ids(wizard) == ["own-time"]
    assert find(wizard, QLineEdit, "objections.0.question").placeholderText() == \
        library()["own-time"].question


def test_card_inputs_are_labelled_and_named_by_path(wizard):
    page = page_of(wizard)
    buddies = {label.buddy(): label for label in page.findChildren(QLabel) if label.buddy()}
    for name in ("objections.0.question", "objections.0.answer", "objections.0.evidence",
                 "private.fallbacks.no-budget", "objections.1.question"):
        widget = page.findChild(QLineEdit, name) or page.findChild(QPlainTextEdit, name)
        assert widget is not None, name
        assert widget.accessibleName().startswith("Question ")
        label = buddies.get(widget)
        # two cards: their letters would repeat, so they carry none (the buddy stays)
        assert label is not None and "&" not in label.text(), name
        if isinstance(widget, QPlainTextEdit):
            assert widget.tabChangesFocus()
    assert "private" in buddies[page.findChild(QPlainTextEdit, "private.fallbacks.no-budget")] \
        .text().lower()


def test_an_all_digit_id_still_keeps_its_fallback(qtbot):
    from upskill_ask import model

    draft = make_draft(objections=[model.Objection(id="42", question="Q?", answer="A.")])
    made = RequestWizard(draft, dialogs=FakeDialogs())
    qtbot.addWidget(made)
    made.show()
    go_to(made, PageId.QUESTIONS)
    fallback = made.findChild(QPlainTextEdit, "private.fallbacks.42")
    qtbot.keyClicks(fallback, "Half now")
    assert made.draft().private.fallbacks["42"] == "Half now"
    made.store.dirty = False


def test_hovering_a_question_previews_it_and_leaving_shows_the_selected_one(qtbot, wizard):
    library_list = find(wizard, QListWidget, "questions-library")
    preview = find(wizard, QTextBrowser, "questions-preview")
    library_list.setCurrentRow(0)
    first = library_list.item(0).text()
    assert first in preview.toPlainText()
    hovered = library_list.item(4)
    qtbot.mouseMove(library_list.viewport(), library_list.visualItemRect(hovered).center())
    qtbot.waitUntil(lambda: hovered.text() in preview.toPlainText(), timeout=2000)
    qtbot.mouseMove(find(wizard, QPushButton, "questions-add-custom"))
    qtbot.waitUntil(lambda: first in preview.toPlainText(), timeout=2000)


def test_at_most_forty_questions(qtbot):
    from upskill_ask import model

    chosen = [model.Objection(id="no-budget")] + [
        model.Objection(id=f"custom-{n}", question=f"Question {n}?", answer="Yes.")
        for n in range(1, 39)]
    made = RequestWizard(make_draft(objections=chosen), dialogs=FakeDialogs())
    qtbot.addWidget(made)
    made.show()
    go_to(made, PageId.QUESTIONS)
    add = find(made, QPushButton, "questions-add-custom")
    qtbot.mouseClick(add, Qt.MouseButton.LeftButton)
    assert len(made.draft().objections) == 40
    assert not add.isEnabled()
    item = toggle(qtbot, made, "will-leave")
    assert item.checkState() == Qt.CheckState.Unchecked
    assert len(made.draft().objections) == 40
    message = page_of(made).findChild(QLabel, "page-message")
    assert "at most 40" in message.text()
    qtbot.mouseClick(find(made, QPushButton, "objections.39.remove"), Qt.MouseButton.LeftButton)
    assert add.isEnabled() and message.isHidden()
    made.store.dirty = False
