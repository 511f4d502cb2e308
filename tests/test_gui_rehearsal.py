"""The rehearsal window, driven from the keyboard alone: Space reveals, 1 and 2 mark, Esc stops,
the marks land in the draft's private part, and the weak ones come back first."""

from __future__ import annotations

import random

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QCheckBox, QLabel, QWidget

from upskill_ask import drafts, model, objections, rehearsal
from upskill_ask.ui.pages.base import PageId
from upskill_ask.ui.rehearsal import RehearsalWindow

from .conftest import make_draft
from .fakes import go_to

pytestmark = pytest.mark.gui
Key = Qt.Key


class Clock:
    """A clock the test moves by hand."""

    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def rehearse(wizards, qtbot):
    """A wizard on a draft and its rehearsal window, on a seeded order and a hand clock."""

    def make(draft=None, seed: int = 3):
        wiz = wizards(draft or make_draft(), active=True)
        clock = Clock()
        window = RehearsalWindow(wiz.store, wiz, dialogs=wiz.dialogs, rng=random.Random(seed),
                                 clock=clock)
        qtbot.addWidget(window)
        assert window.start()
        window.show()
        qtbot.waitExposed(window)
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow, timeout=2000)  # keys go to the active window
        return wiz, window, clock

    return make


def key(qtbot, window, which, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    """A key pressed where the window's cursor is, as the user would press it."""
    qtbot.keyClick(window.focusWidget() or window, which, modifier)


def answer(qtbot, window, clock, mark: Key, seconds: float = 30) -> str:
    """Answer the question shown (after ``seconds``), reveal it and mark it; its id."""
    card_id = window.card.id
    clock.now += seconds
    key(qtbot, window, Key.Key_Space)
    key(qtbot, window, mark)
    return card_id


def test_a_round_asks_the_opening_line_first_every_chosen_question_once_and_one_surprise(
        rehearse, qtbot):
    wiz, window, clock = rehearse()
    draft = wiz.draft()
    assert window.question.prompt.text().endswith("What did you want to talk about?")
    asked = []
    while window.on_question and len(asked) < 20:
        asked.append((window.card.id, window.card.kind))
        answer(qtbot, window, clock, Key.Key_1)
    assert asked[0] == (rehearsal.OPENING_ID, "opening")
    chosen = [qid for qid, kind in asked if kind == "chosen"]
    assert sorted(chosen) == sorted(o.id for o in draft.objections)
    surprises = [qid for qid, kind in asked if kind == "surprise"]
    assert len(surprises) == 1 and surprises[0] not in {o.id for o in draft.objections}
    assert surprises[0] in objections.library()
    assert window.stack.currentWidget() is window.summary
    assert "Got it: 4" in window.summary.totals.text()


def test_space_reveals_the_prepared_answer_proof_and_fallback_with_the_time_taken(
        rehearse, qtbot):
    _wiz, window, clock = rehearse()
    answer(qtbot, window, clock, Key.Key_1)  # the opening line
    while window.card.id != "no-budget" and window.index < 10:
        answer(qtbot, window, clock, Key.Key_1)
    assert not window.question.revealed.isVisible()
    assert not window.question.got_button.isEnabled()
    clock.now += 83
    qtbot.wait(1100)  # the timer runs while the user answers
    assert window.question.timer.text() == "1:23"
    key(qtbot, window, Key.Key_Space)
    assert window.question.revealed.isVisible()
    parts = {k: text.text() for k, (_, text) in window.question.parts.items()}
    card = window.card
    assert parts["answer"] == card.answer and "£1,250" in parts["answer"]
    assert parts["evidence"] == card.evidence and parts["evidence"]
    assert parts["fallback"] == "Split the fee over two quarters."
    assert window.question.timer.text() == "1:23"
    assert "You took 1:23" in window.question.hint.text()


def test_one_and_two_mark_and_the_marks_land_in_the_drafts_private_part(rehearse, qtbot):
    wiz, window, clock = rehearse()
    first = answer(qtbot, window, clock, Key.Key_1, seconds=12)
    key(qtbot, window, Key.Key_2)  # before the reveal: nothing is marked yet
    second_id = window.card.id
    assert wiz.store.get(f"private.rehearsal.{second_id}") is None
    assert "First press Space" in window.question.hint.text()
    clock.now += 47
    key(qtbot, window, Key.Key_Space)
    key(qtbot, window, Key.Key_2)
    results = wiz.draft().private.rehearsal
    assert results[first].last_mark == "got_it" and results[first].seconds == 12
    assert results[second_id].last_mark == "needs_work" and results[second_id].seconds == 47
    assert results[second_id].attempts == 1 and results[second_id].last_date is not None
    assert wiz.store.dirty and wiz.isWindowModified()


def test_esc_stops_keeps_the_marks_so_far_and_a_second_esc_closes(rehearse, qtbot):
    wiz, window, clock = rehearse()
    marked = [answer(qtbot, window, clock, Key.Key_1), answer(qtbot, window, clock, Key.Key_2)]
    key(qtbot, window, Key.Key_Escape)
    assert window.isVisible() and window.stack.currentWidget() is window.summary
    assert window.summary.heading.text() == "You stopped the round."
    assert "Not reached: 2" in window.summary.totals.text()
    assert sorted(wiz.store.get("private.rehearsal")) == sorted(marked)
    key(qtbot, window, Key.Key_Escape)
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=2000)
    assert wiz.isVisible()  # Esc in the rehearsal never closes the wizard
    assert sorted(wiz.draft().private.rehearsal) == sorted(marked)


def test_the_second_round_offers_the_weak_ones_first(rehearse, qtbot):
    wiz, window, clock = rehearse()
    weak = set()
    while window.on_question and len(weak) < 20:
        card_id = window.card.id
        if card_id in ("no-budget", rehearsal.OPENING_ID):
            answer(qtbot, window, clock, Key.Key_2)
            weak.add(card_id)
        else:
            answer(qtbot, window, clock, Key.Key_1)
    assert window.focusWidget() is window.summary.again_button
    key(qtbot, window, Key.Key_Space)  # presses the button that has the cursor
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.question, timeout=2000)
    assert [c.id for c in window.cards] == [rehearsal.OPENING_ID, "no-budget"]
    answer(qtbot, window, clock, Key.Key_1)
    answer(qtbot, window, clock, Key.Key_1)
    results = wiz.draft().private.rehearsal
    assert results["no-budget"].attempts == 2 and results["no-budget"].last_mark == "got_it"
    assert not window.summary.again_button.isEnabled()

    later = rehearsal.build_round(wiz.draft().model_copy(update={"objections": [
        *wiz.draft().objections, model.Objection(id="will-leave")]}), random.Random(1))
    assert next(c.id for c in later if c.kind == "chosen") == "will-leave"  # never tried: first


def test_keys_type_in_the_answer_box_instead_of_acting(rehearse, qtbot):
    wiz, window, _clock = rehearse()
    key(qtbot, window, Key.Key_Y, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(window.question.type_toggle.isChecked, timeout=2000)
    assert window.focusWidget() is window.question.typed
    qtbot.keyClicks(window.question.typed, "1 or 2 ways to say it")
    assert window.question.typed.toPlainText() == "1 or 2 ways to say it"
    assert not window.revealed and wiz.store.get("private.rehearsal") == {}
    key(qtbot, window, Key.Key_R, Qt.KeyboardModifier.AltModifier)  # Alt+R reveals from the box
    qtbot.waitUntil(lambda: window.revealed, timeout=2000)
    assert window.question.parts["typed"][1].text() == "1 or 2 ways to say it"
    key(qtbot, window, Key.Key_1)
    assert window.focusWidget() is window.question.typed  # the box is ready for the next
    assert window.question.typed.toPlainText() == ""


def test_every_control_has_a_mnemonic_and_an_accessible_name(rehearse):
    _wiz, window, _clock = rehearse()
    for view in (window.question, window.summary):
        for widget in view.findChildren(QWidget):
            if isinstance(widget, (QAbstractButton, QCheckBox)) and widget.text():
                assert "&" in widget.text(), widget.objectName()
                assert widget.accessibleName(), widget.objectName()
            elif isinstance(widget, QLabel) and widget.buddy() is not None:
                assert "&" in widget.text() and widget.buddy().accessibleName()


def test_reached_from_the_review_page_and_a_mark_undoes_as_one_step(wizards, qtbot):
    wiz = wizards(make_draft(), active=True)
    go_to(wiz, PageId.REVIEW)
    qtbot.keyClick(wiz.review_page.rehearse_button, Key.Key_H, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: wiz.rehearsal_window is not None
                    and wiz.rehearsal_window.isVisible(), timeout=2000)
    window = wiz.rehearsal_window
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)
    key(qtbot, window, Key.Key_Space)
    key(qtbot, window, Key.Key_2)
    assert wiz.store.get("private.rehearsal.opening.last_mark") == "needs_work"
    assert "rehearsal mark" in wiz.store.undo_label()
    window.close()
    wiz.undo_controls.undo()
    assert wiz.store.get("private.rehearsal") == {}
    assert wiz.draft().private.rehearsal == {}


def test_the_start_page_rehearses_a_saved_draft(wizards, qtbot, tmp_path):
    path = tmp_path / "mine.upskill"
    drafts.save(make_draft(), path)
    wiz = wizards(drafts.load(path), path=path, active=True)
    assert wiz.currentId() == PageId.START
    qtbot.keyClick(wiz.start_page.rehearse_button, Key.Key_H, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: wiz.rehearsal_window is not None
                    and wiz.rehearsal_window.isVisible(), timeout=2000)
    assert wiz.rehearsal_window.card.id == rehearsal.OPENING_ID
    assert wiz.path == path and not wiz.dialogs.calls  # no file dialog: the draft open


def test_ctrl_s_in_the_rehearsal_saves_the_draft_with_the_marks(wizards, qtbot, tmp_path):
    path = tmp_path / "mine.upskill"
    drafts.save(make_draft(), path)
    wiz = wizards(drafts.load(path), path=path, active=True)
    wiz.rehearse()
    window = wiz.rehearsal_window
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)
    key(qtbot, window, Key.Key_Space)
    key(qtbot, window, Key.Key_2)
    assert drafts.load(path).private.rehearsal == {}
    key(qtbot, window, Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert drafts.load(path).private.rehearsal["opening"].last_mark == "needs_work"
    assert not wiz.store.dirty


def test_an_answer_too_long_to_say_in_a_minute_is_pointed_out_after_the_reveal(rehearse, qtbot):
    import dataclasses

    _wiz, window, _clock = rehearse()
    short = dataclasses.replace(window.card, answer="I will share it at the next team meeting.")
    window.question.reveal(short, 9)
    assert "lead with its first two sentences" not in window.question.hint.text()
    long = dataclasses.replace(window.card, answer="word " * 280)  # 2:00 at 140 words a minute
    window.question.reveal(long, 9)
    assert "takes about 2:00" in window.question.hint.text()
    assert "lead with its first two sentences" in window.question.hint.text()
