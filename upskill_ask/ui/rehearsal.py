"""The rehearsal window: the app plays the manager, one question at a time.

Keys: **Space** reveals the prepared answer (or presses the button that has the cursor, as
Space always does), **1** marks "got it", **2** "needs work", **Esc** stops the round and shows
what was done so far (nothing is lost: each mark is already in the draft); **Ctrl+S** saves the
draft. While the cursor is in the box for a typed answer, Space, 1 and 2 type as usual: the text
box claims them first (Alt+R reveals from there).

Each mark goes into the draft's ``private.rehearsal`` through the :class:`DraftStore`, so it is
autosaved, saved and undone like any other edit. The round itself is
:func:`upskill_ask.rehearsal.build_round`; the widgets are :mod:`.rehearsal_views`.
"""

from __future__ import annotations

import datetime as dt
import random
import time
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QDialog,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from upskill_ask import rehearsal
from upskill_ask.i18n import _
from upskill_ask.ui.rehearsal_views import QuestionView, SummaryView

TICK_MS = 1000


class RehearsalWindow(QDialog):
    """One rehearsal over the draft in ``store``; ``start()`` begins a round."""

    def __init__(self, store: Any, parent: QWidget | None = None, *, dialogs: Any = None,
                 rng: random.Random | None = None, clock: Callable[[], float] = time.monotonic,
                 today: dt.date | None = None, save: Callable[[], object] | None = None):
        super().__init__(parent)
        self.store = store
        self.dialogs = dialogs
        self.rng = rng or random.Random()
        self.clock = clock
        self.today = today
        self.setObjectName("rehearsal-window")
        self.setWindowTitle(_("Rehearse the meeting") + " — upskill-ask")
        self.setAccessibleName(_("Rehearse the meeting"))
        self.setModal(True)
        self.question = QuestionView()
        self.summary = SummaryView()
        self.stack = QStackedWidget()
        self.stack.addWidget(self.question)
        self.stack.addWidget(self.summary)
        QVBoxLayout(self).addWidget(self.stack)

        self.cards: list[rehearsal.Card] = []
        self.outcomes: list[rehearsal.Outcome] = []
        self.index = 0
        self.revealed = False
        self.started = 0.0
        self.seconds = 0.0
        self._closing = False
        self.ticker = QTimer(self)
        self.ticker.setInterval(TICK_MS)
        self.ticker.timeout.connect(self._tick)

        self.question.reveal_button.clicked.connect(self.reveal)
        self.question.got_button.clicked.connect(lambda: self.mark(rehearsal.GOT_IT))
        self.question.work_button.clicked.connect(lambda: self.mark(rehearsal.NEEDS_WORK))
        self.question.stop_button.clicked.connect(self.stop)
        self.summary.again_button.clicked.connect(lambda: self.start(weak_only=True))
        self.summary.close_button.clicked.connect(self.close)
        for key, slot in ((Qt.Key.Key_Space, self._space),
                          (Qt.Key.Key_1, lambda: self.mark(rehearsal.GOT_IT)),
                          (Qt.Key.Key_2, lambda: self.mark(rehearsal.NEEDS_WORK))):
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.activated.connect(slot)
        if save is not None:  # Ctrl+S saves the draft from here too, as in the wizard
            saving = QShortcut(QKeySequence(QKeySequence.StandardKey.Save), self)
            saving.activated.connect(lambda: save() and None)
        self._size_to_screen()

    def _size_to_screen(self) -> None:
        """Two thirds of the screen, never less than about 60 x 30 characters of the font."""
        em = self.fontMetrics().averageCharWidth()
        self.setMinimumSize(min(em * 60, 1200), min(self.fontMetrics().height() * 30, 900))
        screen = self.screen().availableGeometry() if self.screen() else None
        if screen is not None:
            self.resize(max(self.minimumWidth(), screen.width() * 2 // 3),
                        max(self.minimumHeight(), screen.height() * 3 // 4))

    # --- a round -------------------------------------------------------------------------

    @property
    def on_question(self) -> bool:
        return self.stack.currentWidget() is self.question and self.index < len(self.cards)

    @property
    def card(self) -> rehearsal.Card:
        return self.cards[self.index]

    def start(self, *, weak_only: bool = False) -> bool:
        """Begin a round from the draft as it stands; False (and says why) when the draft has
        fields to fix first."""
        from upskill_ask import drafts

        try:
            draft = self.store.draft()
        except drafts.DraftError as exc:
            if self.dialogs is not None:
                self.dialogs.error(self.parentWidget(), _("The rehearsal cannot start yet"),
                                   _("Some fields need fixing first:") + "\n\n"
                                   + "\n".join(exc.lines()))
            return False
        self.cards = rehearsal.build_round(draft, self.rng, weak_only=weak_only)
        self.outcomes = []
        self.index = 0
        if not self.cards:
            self._finish(stopped=False)
            return True
        self.stack.setCurrentWidget(self.question)
        self._show_card()
        return True

    def _show_card(self) -> None:
        self.revealed = False
        self.question.show_card(self.card, self.index + 1, len(self.cards))
        self.started = self.clock()
        self.ticker.start()
        if not self.question.typed.isVisible():
            self.question.reveal_button.setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            self.question.typed.setFocus(Qt.FocusReason.OtherFocusReason)

    def _elapsed(self) -> float:
        return max(0.0, self.clock() - self.started)

    def _tick(self) -> None:
        self.question.timer.setText(rehearsal.clock(self._elapsed()))

    def _space(self) -> None:
        focused = QApplication.focusWidget()
        if isinstance(focused, QAbstractButton) and self.isAncestorOf(focused) \
                and focused is not self.question.reveal_button and focused.isEnabled():
            focused.animateClick()  # Space presses the button that has the cursor
            return
        self.reveal()

    def reveal(self) -> None:
        if not self.on_question or self.revealed:
            return
        self.seconds = self._elapsed()
        self.ticker.stop()
        self.revealed = True
        self.question.timer.setText(rehearsal.clock(self.seconds))
        self.question.reveal(self.card, self.seconds)
        self.question.got_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def mark(self, mark: str) -> None:
        """Mark the question shown; its result goes into the draft at once."""
        if not self.on_question:
            return
        if not self.revealed:
            self.question.hint.setText(_("First press Space to see what you prepared, then mark it."))
            return
        card = self.card
        path = f"private.rehearsal.{card.id}"
        previous = self.store.get(path)
        entry = rehearsal.record(previous if isinstance(previous, dict) else None, mark,
                                 self.seconds, self.today)
        self.store.set(path, entry, label=_("the rehearsal mark on “{question}”").format(
            question=_short(card.prompt)))
        self.outcomes.append(rehearsal.Outcome(card, mark, self.seconds))
        self.index += 1
        if self.index < len(self.cards):
            self._show_card()
        else:
            self._finish(stopped=False)

    def stop(self) -> None:
        """Esc: end the round here and show the summary; every mark made is kept."""
        if not self.on_question:
            return
        self.outcomes.extend(rehearsal.Outcome(card, None, None)
                             for card in self.cards[self.index:])
        self.index = len(self.cards)
        self._finish(stopped=True)

    def _finish(self, *, stopped: bool) -> None:
        self.ticker.stop()
        self.summary.show_outcomes(self.outcomes, stopped=stopped, weak_left=self.weak_left())
        self.stack.setCurrentWidget(self.summary)
        target = self.summary.again_button
        if not target.isEnabled():
            target = self.summary.close_button
        target.setFocus(Qt.FocusReason.OtherFocusReason)

    def weak_left(self) -> int:
        """How many questions a "weak ones" round would ask now."""
        from upskill_ask import drafts

        try:
            draft = self.store.draft()
        except drafts.DraftError:
            return 0
        return len(rehearsal.build_round(draft, random.Random(0), weak_only=True))

    # --- leaving -------------------------------------------------------------------------

    def reject(self) -> None:
        """Esc stops a round first (to the summary); from the summary it closes the window."""
        if self.on_question and not self._closing:
            self.stop()
            return
        self.ticker.stop()
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        self._closing = True  # the window's close button closes at once, marks kept
        try:
            super().closeEvent(event)
        finally:
            self._closing = False


def _short(text: str, limit: int = 48) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit - 1] + "…"
