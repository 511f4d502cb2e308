"""What the rehearsal window shows: one question at a time (:class:`QuestionView`) and the
summary at the end of a round (:class:`SummaryView`).

Text is large and scaled from the system font, so it follows the user's settings and the
display's scale (usable at QT_SCALE_FACTOR=2). Everything the user or the library wrote is
shown as plain text. The keys and the round itself are :mod:`upskill_ask.ui.rehearsal`.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from upskill_ask.i18n import N_, _
from upskill_ask.rehearsal import (
    LISTENING_SECONDS,
    MARK_LABELS,
    Card,
    Outcome,
    clock,
    spoken_seconds,
    summary,
)
from upskill_ask.ui.widgets import plain_label

# translated where shown
KIND_WORDS = {"opening": N_("Your opening line"), "chosen": N_("A question you prepared"),
              "surprise": N_("A surprise: a question you did not pick")}
KEYS_HINT = N_("Space: show the answer  ·  1: got it  ·  2: needs work  ·  Esc: stop")


def scaled(widget: QWidget, factor: float, *, bold: bool = False) -> None:
    """Make a widget's text ``factor`` times the system font (never a fixed pixel size)."""
    font = QFont(widget.font())
    font.setPointSizeF(font.pointSizeF() * factor)
    font.setBold(bold)
    widget.setFont(font)


def _button(text: str, name: str, accessible: str) -> QPushButton:
    button = QPushButton(text)
    button.setObjectName(name)
    button.setAccessibleName(accessible)
    button.setAutoDefault(False)
    scaled(button, 1.15)
    return button


class QuestionView(QWidget):
    """The manager's words, the timer, an optional box to type in, and once revealed the
    prepared answer, the proof to bring and the fallback."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        layout = QVBoxLayout(self)
        self.progress = plain_label(name="rehearsal-progress")
        self.progress.setAccessibleName(_("Where you are in the round"))
        scaled(self.progress, 1.1)
        top = QHBoxLayout()
        top.addWidget(self.progress, 1)
        self.timer = QLabel("0:00")
        self.timer.setObjectName("rehearsal-timer")
        self.timer.setAccessibleName(_("Time taken"))
        scaled(self.timer, 1.8, bold=True)
        top.addWidget(self.timer, 0, Qt.AlignmentFlag.AlignRight)
        layout.addLayout(top)

        says = QLabel(_("Your manager says:"))
        scaled(says, 1.1)
        layout.addWidget(says)
        self.prompt = plain_label(name="rehearsal-prompt")
        self.prompt.setAccessibleName(_("What your manager says"))
        scaled(self.prompt, 1.9, bold=True)
        layout.addWidget(self.prompt)

        self.type_toggle = QCheckBox(_("T&ype my answer instead of saying it aloud"))
        self.type_toggle.setObjectName("rehearsal-type-toggle")
        self.type_toggle.setAccessibleName(_("Type my answer instead of saying it aloud"))
        scaled(self.type_toggle, 1.1)
        layout.addWidget(self.type_toggle)
        self.typed_label = QLabel(_("Your &answer:"))
        scaled(self.typed_label, 1.1)
        self.typed = QPlainTextEdit()
        self.typed.setObjectName("rehearsal-typed-answer")
        self.typed.setAccessibleName(_("Your answer, typed"))
        self.typed.setTabChangesFocus(True)
        scaled(self.typed, 1.3)
        self.typed_label.setBuddy(self.typed)
        layout.addWidget(self.typed_label)
        layout.addWidget(self.typed, 1)
        self.type_toggle.toggled.connect(self.show_typing)
        self.show_typing(False)

        self.hint = plain_label(name="rehearsal-hint")
        self.hint.setAccessibleName(_("What to do next"))
        scaled(self.hint, 1.1)
        layout.addWidget(self.hint)

        self.revealed = QScrollArea()
        self.revealed.setObjectName("rehearsal-revealed")
        self.revealed.setWidgetResizable(True)
        self.revealed.setFrameShape(QFrame.Shape.StyledPanel)
        self.revealed.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        body = QWidget()
        self.parts_layout = QVBoxLayout(body)
        self.parts: dict[str, tuple[QLabel, QLabel]] = {}
        for key, title in (("typed", _("What you typed")), ("meaning", _("What it usually means")),
                           ("answer", _("Your prepared answer")), ("evidence", _("Proof to bring")),
                           ("fallback", _("Your fallback"))):
            heading = QLabel(title)
            scaled(heading, 1.05, bold=True)
            text = plain_label(name=f"rehearsal-{key}")
            text.setAccessibleName(title)
            scaled(text, 1.3)
            self.parts_layout.addWidget(heading)
            self.parts_layout.addWidget(text)
            self.parts[key] = (heading, text)
        self.parts_layout.addStretch(1)
        self.revealed.setWidget(body)
        layout.addWidget(self.revealed, 3)
        layout.addStretch(1)  # before the reveal, the question stays at the top

        buttons = QHBoxLayout()
        self.reveal_button = _button(_("&Reveal the answer  [Space]"), "rehearsal-reveal",
                                     _("Reveal the prepared answer"))
        self.got_button = _button(_("&Got it  [1]"), "rehearsal-got-it", _("Got it"))
        self.work_button = _button(_("&Needs work  [2]"), "rehearsal-needs-work",
                                  _("Needs work"))
        self.stop_button = _button(_("S&top  [Esc]"), "rehearsal-stop", _("Stop the rehearsal"))
        for button in (self.reveal_button, self.got_button, self.work_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.stop_button)
        layout.addLayout(buttons)
        keys = plain_label(_(KEYS_HINT), name="rehearsal-keys")
        keys.setAccessibleName(_("Keys"))
        layout.addWidget(keys)

    def show_typing(self, on: bool) -> None:
        self.typed_label.setVisible(on)
        self.typed.setVisible(on)
        if on:
            self.typed.setFocus(Qt.FocusReason.OtherFocusReason)

    def show_card(self, card: Card, number: int, total: int) -> None:
        self.progress.setText(_("{number} of {total}").format(number=number, total=total)
                              + "  ·  " + _(KIND_WORDS[card.kind]))
        self.prompt.setText(card.prompt)
        self.timer.setText("0:00")
        self.typed.clear()
        self.hint.setText(_("Type your answer, then press Alt+R to compare with what you "
                            "prepared.") if self.type_toggle.isChecked() else
                          _("Answer aloud as you would in the meeting, then press Space to "
                            "compare with what you prepared."))
        self.revealed.hide()
        self.reveal_button.setEnabled(True)
        self.got_button.setEnabled(False)
        self.work_button.setEnabled(False)

    def reveal(self, card: Card, seconds: float) -> None:
        typed = self.typed.toPlainText().strip()
        values = {"typed": typed, "answer": card.answer, "evidence": card.evidence,
                  "fallback": card.fallback,
                  "meaning": card.meaning if card.kind == "surprise" else ""}
        surprise = card.kind == "surprise"  # not prepared: the library's answer, filled in
        titles = {"answer": _("A suggested answer, with your figures") if surprise
                  else _("Your prepared answer"),
                  "fallback": _("A fallback you could offer") if surprise else _("Your fallback")}
        for key, (heading, text) in self.parts.items():
            if key in titles:
                heading.setText(titles[key])
                text.setAccessibleName(titles[key])
            text.setText(values[key])
            heading.setVisible(bool(values[key]))
            text.setVisible(bool(values[key]))
        hint = _("You took {time}. Was it as good as what you prepared? Press 1 if you got it, "
                 "2 if it needs work.").format(time=clock(seconds))
        spoken = spoken_seconds(card.answer)
        if spoken > LISTENING_SECONDS:
            hint += " " + _("Said aloud, this answer takes about {time}: lead with its first two "
                            "sentences and keep the rest for questions.").format(time=clock(spoken))
        self.hint.setText(hint)
        self.revealed.show()
        self.revealed.verticalScrollBar().setValue(0)
        self.reveal_button.setEnabled(False)
        self.got_button.setEnabled(True)
        self.work_button.setEnabled(True)


class SummaryView(QWidget):
    """How the round went: got it / needs work, the time each answer took."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        layout = QVBoxLayout(self)
        self.heading = plain_label(name="rehearsal-summary-heading")
        self.heading.setAccessibleName(_("How the round went"))
        scaled(self.heading, 1.6, bold=True)
        layout.addWidget(self.heading)
        self.totals = plain_label(name="rehearsal-summary-totals")
        self.totals.setAccessibleName(_("Totals"))
        scaled(self.totals, 1.2)
        layout.addWidget(self.totals)
        label = QLabel(_("&Each question:"))
        scaled(label, 1.1)
        self.table = QTableWidget(0, 3)
        self.table.setObjectName("rehearsal-summary-table")
        self.table.setAccessibleName(_("Each question, its mark and the time taken"))
        self.table.setHorizontalHeaderLabels([_("Question"), _("Mark"), _("Time")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        scaled(self.table, 1.2)
        label.setBuddy(self.table)
        layout.addWidget(label)
        layout.addWidget(self.table, 1)
        buttons = QHBoxLayout()
        self.again_button = _button(_("Rehearse the &weak ones again"), "rehearsal-again",
                                    _("Rehearse the weak ones again"))
        self.close_button = _button(_("&Close"), "rehearsal-close", _("Close the rehearsal"))
        buttons.addWidget(self.again_button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        layout.addLayout(buttons)

    def show_outcomes(self, outcomes: list[Outcome], *, stopped: bool, weak_left: int) -> None:
        counts = summary(outcomes)
        self.heading.setText(_("You stopped the round.") if stopped else _("Round done."))
        parts = [_("Got it: {n}").format(n=len(counts["got_it"])),
                 _("Needs work: {n}").format(n=len(counts["needs_work"]))]
        if counts["skipped"]:
            parts.append(_("Not reached: {n}").format(n=len(counts["skipped"])))
        parts.append(_("Time answering: {time}").format(time=clock(counts["total_seconds"])))
        saved = _("Your marks are in the draft's private part (never in the proposal); "
                  "Ctrl+S saves the draft.")
        self.totals.setText("  ·  ".join(parts) + "\n" + saved)
        self.table.setRowCount(len(outcomes))
        for row, outcome in enumerate(outcomes):
            surprise = "  " + _("(surprise)") if outcome.card.kind == "surprise" else ""
            # the marks' words are in the catalog as the buttons' names
            mark = _(MARK_LABELS[outcome.mark]) if outcome.mark in MARK_LABELS else _("Not reached")
            cells = (outcome.card.prompt + surprise, mark,
                     clock(outcome.seconds) if outcome.mark else "")
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self.table.resizeRowsToContents()
        self.again_button.setEnabled(weak_left > 0)
        self.again_button.setText(_("Rehearse the &weak ones again ({n})").format(n=weak_left)
                                  if weak_left else _("Nothing weak left to rehearse"))
