"""One card of the "Questions to expect" page: a chosen question's wording, answer, evidence and
private fallback, with what the library's answer reads like filled with the user's figures.

Also the library's texts filled with a draft's figures (:func:`fill_answers`), which the page
hands to each card.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from upskill_ask.i18n import _
from upskill_ask.ui.form import Form
from upskill_ask.ui.inputs import ProseEdit
from upskill_ask.ui.widgets import card_buttons, plain_label

if TYPE_CHECKING:
    from upskill_ask.objections import LibraryObjection
    from upskill_ask.ui.pages.objections import QuestionsPage


@dataclass(frozen=True)
class Filled:
    """A library entry's texts filled with the draft's figures."""

    answer: str
    evidence: str
    fallback: str


def blank_question(oid: str) -> dict[str, Any]:
    return {"id": oid, "question": "", "answer": "", "evidence": ""}


def _button(text: str, name: str, accessible: str, tip: str, slot) -> QPushButton:
    button = QPushButton(text)
    button.setObjectName(name)
    button.setAccessibleName(accessible)
    button.setToolTip(tip)
    button.clicked.connect(slot)
    return button


class QuestionCard(QGroupBox):
    """One chosen question: its wording, answer, evidence and private fallback."""

    def __init__(self, page: QuestionsPage, index: int, count: int, oid: str):
        super().__init__()
        self.page = page
        self.index = index
        self.oid = oid
        self.entry: LibraryObjection | None = None
        self.custom = True  # until the library says otherwise (it loads when the page shows)
        prefix = f"objections.{index}"
        self.prefix = prefix
        self.setObjectName(f"{prefix}.card")
        n = index + 1
        layout = QVBoxLayout(self)
        grid = QFormLayout()
        grid.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        grid.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        layout.addLayout(grid)
        self.grid = grid
        form = Form(grid, page.binder, mnemonics=count == 1)

        self.question = form.line(f"{prefix}.question", _("&Question"))
        self.answer = form.text(f"{prefix}.answer", _("&Answer"))
        lines = self.answer.fontMetrics().lineSpacing()
        self.answer.setMinimumHeight(lines * 4 + 12)
        self.answer.setMaximumHeight(lines * 7 + 12)

        self.reads = plain_label(name=f"{prefix}.how-it-reads")
        self.reads.setAccessibleName(_("Question {n}: how the answer will read").format(n=n))
        self.reads.setFrameShape(QFrame.Shape.StyledPanel)
        self.reads.setMargin(6)
        grid.addRow(QLabel(_("How it will read")), self.reads)
        self._reads_row = grid.rowCount() - 1

        wording = QWidget()
        wording_row = QHBoxLayout(wording)
        wording_row.setContentsMargins(0, 0, 0, 0)
        self.edit_button = _button(
            _("Edit this wording"), f"{prefix}.edit-wording",
            _("Edit the wording of answer {n}").format(n=n),
            _("Copy the answer filled with your figures into the answer box, so you can change "
              "it. Your figures are then no longer updated."), self.edit_wording)
        self.reset_button = _button(
            _("Reset to library text"), f"{prefix}.reset",
            _("Reset answer {n} to the library text").format(n=n),
            _("Empty the answer box: the library's answer, filled with your current figures, is "
              "used again."), self.reset_wording)
        wording_row.addWidget(self.edit_button)
        wording_row.addWidget(self.reset_button)
        wording_row.addStretch(1)
        grid.addRow("", wording)
        self._wording_row = grid.rowCount() - 1

        self.evidence = form.text(f"{prefix}.evidence", _("&Evidence you will bring"))
        self.fallback = ProseEdit()
        form.add(f"private.fallbacks.{oid}", _("&Fallback (private)"), self.fallback)
        for short in (self.evidence, self.fallback):
            short.setMaximumHeight(lines * 4 + 12)
        private = QLabel(_("Private: goes only into your prep sheet, never into the proposal or "
                           "the email."))
        private.setWordWrap(True)
        private.setObjectName(f"{prefix}.private-note")
        grid.addRow("", private)
        self.fallback.setAccessibleDescription(private.text())

        for caption, widget in ((_("Question"), self.question), (_("Answer"), self.answer),
                                (_("Evidence you will bring"), self.evidence),
                                (_("Fallback, private"), self.fallback)):
            widget.setAccessibleName(_("Question {n}: {field}").format(n=n, field=caption))

        layout.addLayout(card_buttons(prefix, _("question"), index, count, page.move,
                                      page.remove))
        self.set_entry(None)

    # --- library and figures -------------------------------------------------------------

    def set_entry(self, entry: LibraryObjection | None, *, known: bool = False) -> None:
        """The library entry behind this card (None: a question the user wrote)."""
        self.entry = entry
        self.custom = entry is None
        if entry is not None:
            self.question.setPlaceholderText(entry.question)
            self.question.setToolTip(_("Leave empty to use the library's wording, or put it the "
                                       "way your manager would."))
        else:
            self.question.setPlaceholderText(_("The question as your manager might put it"))
            self.answer.setPlaceholderText(_("The answer you will give, in your own words"))
            self.evidence.setPlaceholderText(_("What you will bring to back it up"))
            self.fallback.setPlaceholderText(_("What you could concede if the answer is still no"))
        show_library = known and entry is not None
        self.grid.setRowVisible(self._reads_row, show_library)
        self.grid.setRowVisible(self._wording_row, show_library)
        self.update_title()
        self.update_state()

    def set_filled(self, filled: Filled | None) -> None:
        if self.entry is None or filled is None:
            self.update_state()
            return
        self.answer.setPlaceholderText(filled.answer)
        self.evidence.setPlaceholderText(filled.evidence)
        self.fallback.setPlaceholderText(filled.fallback)
        self.update_state()

    def filled(self) -> Filled | None:
        return self.page.filled.get(self.oid)

    def update_title(self) -> None:
        text = str(self.page.store.get(f"{self.prefix}.question") or "").strip()
        if not text:
            text = self.entry.question if self.entry else _("Your own question")
        title = f"{self.index + 1}. {text}"
        width = max(self.fontMetrics().averageCharWidth() * 70, 200)
        self.setTitle(self.fontMetrics().elidedText(title, Qt.TextElideMode.ElideRight, width))

    def update_state(self) -> None:
        own = str(self.page.store.get(f"{self.prefix}.answer") or "")
        filled = self.filled()
        has_own = bool(own.strip())
        self.edit_button.setEnabled(not self.custom and not has_own and filled is not None)
        self.reset_button.setEnabled(not self.custom and bool(own))
        if self.custom or filled is None:
            self.reads.setText("")
        elif has_own:
            self.reads.setText(_("Your own wording above is used. The library's answer with your "
                                 "figures would read:") + "\n\n" + filled.answer)
        else:
            self.reads.setText(filled.answer)

    # --- actions -------------------------------------------------------------------------

    def edit_wording(self) -> None:
        filled = self.filled()
        if filled is None:
            return
        self.page.store.set(f"{self.prefix}.answer", filled.answer)
        self.answer.setFocus()
        self.answer.moveCursor(QTextCursor.MoveOperation.End)

    def reset_wording(self) -> None:
        self.page.store.set(f"{self.prefix}.answer", "")
        self.answer.setFocus()


def fill_answers(library: dict[str, LibraryObjection], draft: Any) -> dict[str, Filled]:
    """Every library entry's answer, evidence and fallback filled with the draft's figures;
    ``draft`` None: with the figures' names in brackets, while the draft cannot be read."""
    from upskill_ask import objections as core
    from upskill_ask.model import Draft, Objection

    if draft is None:
        values = {k: f"[{k.replace('_', ' ')}]" for k in core.figures(Draft())}
        return {oid: Filled(core.fill(e.response, values), core.fill(e.evidence, values),
                            core.fill(e.fallback, values))
                for oid, e in library.items()}
    values = core.figures(draft)
    filled = {}
    for oid in library:
        resolved = core.resolve_one(Objection(id=oid), draft, library, values)
        filled[oid] = Filled(resolved.answer, resolved.evidence, resolved.fallback)
    return filled
