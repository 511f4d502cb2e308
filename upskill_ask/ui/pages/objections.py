"""Page 6, "Questions to expect": the likely objections, put as the questions a manager asks.

The top half is the built-in library: tick a question to add it to the draft, untick it to take
it out; the preview beside the list says what the question usually means and how the answer
reads with the user's own figures. Below, one card per chosen question, in the draft's order,
edits its wording, answer, evidence and the private fallback.

An empty answer means "the library's response, filled with your figures": that filled text is
shown as the answer's placeholder and under it ("How it will read"), recomputed a moment after
any edit from the draft as it stands. Text the user types is stored and printed literally.

The core's ``upskill_ask.objections`` imports pydantic and babel (about 0.1 s); it is only
imported when the page is first shown, so the first wizard page stays quick.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html import escape
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from upskill_ask.ui.form import Form
from upskill_ask.ui.pages.base import DraftPage
from upskill_ask.ui.widgets import card_buttons, plain_label
from upskill_ask.vocabulary import OBJECTIONS_MAX

if TYPE_CHECKING:
    from upskill_ask.objections import LibraryObjection

REFRESH_MS = 300
ID_ROLE = Qt.ItemDataRole.UserRole
_ITEM_PATH = re.compile(r"^objections\.(\d+)\.(question|answer)$")


@dataclass(frozen=True)
class Filled:
    """A library entry's texts filled with the draft's figures."""

    answer: str
    evidence: str
    fallback: str


def blank_question(oid: str) -> dict[str, Any]:
    return {"id": oid, "question": "", "answer": "", "evidence": ""}


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

        self.question = form.line(f"{prefix}.question", "&Question")
        self.answer = form.text(f"{prefix}.answer", "&Answer")
        lines = self.answer.fontMetrics().lineSpacing()
        self.answer.setMinimumHeight(lines * 4 + 12)
        self.answer.setMaximumHeight(lines * 7 + 12)

        self.reads = plain_label(name=f"{prefix}.how-it-reads")
        self.reads.setAccessibleName(f"Question {n}: how the answer will read")
        self.reads.setFrameShape(QFrame.Shape.StyledPanel)
        self.reads.setMargin(6)
        grid.addRow(QLabel("How it will read"), self.reads)
        self._reads_row = grid.rowCount() - 1

        wording = QWidget()
        wording_row = QHBoxLayout(wording)
        wording_row.setContentsMargins(0, 0, 0, 0)
        self.edit_button = QPushButton("Edit this wording")
        self.edit_button.setObjectName(f"{prefix}.edit-wording")
        self.edit_button.setAccessibleName(f"Edit the wording of answer {n}")
        self.edit_button.setToolTip("Copy the answer filled with your figures into the answer box, "
                                    "so you can change it. Your figures are then no longer updated.")
        self.edit_button.clicked.connect(self.edit_wording)
        self.reset_button = QPushButton("Reset to library text")
        self.reset_button.setObjectName(f"{prefix}.reset")
        self.reset_button.setAccessibleName(f"Reset answer {n} to the library text")
        self.reset_button.setToolTip("Empty the answer box: the library's answer, filled with "
                                     "your current figures, is used again.")
        self.reset_button.clicked.connect(self.reset_wording)
        wording_row.addWidget(self.edit_button)
        wording_row.addWidget(self.reset_button)
        wording_row.addStretch(1)
        grid.addRow("", wording)
        self._wording_row = grid.rowCount() - 1

        self.evidence = form.text(f"{prefix}.evidence", "&Evidence you will bring")
        self.fallback = QPlainTextEdit()
        form.add(f"private.fallbacks.{oid}", "&Fallback (private)", self.fallback)
        for short in (self.evidence, self.fallback):
            short.setMaximumHeight(lines * 4 + 12)
        private = QLabel("Private: goes only into your prep sheet, never into the proposal or "
                         "the email.")
        private.setWordWrap(True)
        private.setObjectName(f"{prefix}.private-note")
        grid.addRow("", private)
        self.fallback.setAccessibleDescription(private.text())

        for caption, widget in (("Question", self.question), ("Answer", self.answer),
                                ("Evidence you will bring", self.evidence),
                                ("Fallback, private", self.fallback)):
            widget.setAccessibleName(f"Question {n}: {caption}")

        layout.addLayout(card_buttons(prefix, "question", index, count, page.move, page.remove))
        self.set_entry(None)

    # --- library and figures -------------------------------------------------------------

    def set_entry(self, entry: LibraryObjection | None, *, known: bool = False) -> None:
        """The library entry behind this card (None: a question the user wrote)."""
        self.entry = entry
        self.custom = entry is None
        if entry is not None:
            self.question.setPlaceholderText(entry.question)
            self.question.setToolTip("Leave empty to use the library's wording, or put it the "
                                     "way your manager would.")
        else:
            self.question.setPlaceholderText("The question as your manager might put it")
            self.answer.setPlaceholderText("The answer you will give, in your own words")
            self.evidence.setPlaceholderText("What you will bring to back it up")
            self.fallback.setPlaceholderText("What you could concede if the answer is still no")
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
            text = self.entry.question if self.entry else "Your own question"
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
            self.reads.setText("Your own wording above is used. The library's answer with your "
                               "figures would read:\n\n" + filled.answer)
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


class QuestionsPage(DraftPage):
    def build(self) -> None:
        self.setTitle("Questions to expect")
        self.setSubTitle("The likely objections, put as the questions your manager may ask. Tick "
                         "the ones you expect: each answer is filled with your own figures, and "
                         "you can change the wording.")
        self.library: dict[str, LibraryObjection] | None = None
        self.filled: dict[str, Filled] = {}
        self.cards: list[QuestionCard] = []
        self._figures_real = False
        self._changes = 0
        self._computed_at = -1

        top = QHBoxLayout()
        left = QVBoxLayout()
        self.library_label = QLabel("Questions from the &library")
        self.library_list = QListWidget()
        self.library_list.setObjectName("questions-library")
        self.library_list.setAccessibleName("Questions from the library")
        self.library_list.setAccessibleDescription(
            "Tick a question to add it to your proposal; untick it to take it out.")
        self.library_list.setMouseTracking(True)
        self.library_list.setUniformItemSizes(True)
        self.library_label.setBuddy(self.library_list)
        left.addWidget(self.library_label)
        left.addWidget(self.library_list)
        right = QVBoxLayout()
        preview_label = QLabel("What it usually means, and your answer")
        self.preview = QTextBrowser()
        self.preview.setObjectName("questions-preview")
        self.preview.setAccessibleName("Preview of the selected question")
        self.preview.setOpenLinks(False)
        self.preview.setTabChangesFocus(True)
        preview_label.setBuddy(self.preview)
        right.addWidget(preview_label)
        right.addWidget(self.preview)
        top.addLayout(left, 1)
        top.addLayout(right, 1)
        self.body_layout.addLayout(top)

        add_row = QHBoxLayout()
        self.add_button = QPushButton("Add your &own question")
        self.add_button.setObjectName("questions-add-custom")
        self.add_button.setAccessibleName("Add your own question")
        self.add_button.clicked.connect(self.add_custom)
        add_row.addWidget(self.add_button)
        add_row.addStretch(1)
        self.body_layout.addLayout(add_row)

        self.figures_note = plain_label(name="questions-figures-note")
        self.figures_note.hide()
        self.body_layout.addWidget(self.figures_note)

        heading = QLabel("Your answers")
        font = heading.font()
        font.setBold(True)
        heading.setFont(font)
        heading.setContentsMargins(0, 8, 0, 0)
        self.body_layout.addWidget(heading)
        self.empty_note = QLabel("No questions chosen yet. Tick the ones you expect above, or "
                                 "add your own.")
        self.empty_note.setObjectName("questions-empty")
        self.empty_note.setWordWrap(True)
        self.body_layout.addWidget(self.empty_note)
        self.cards_box = QVBoxLayout()
        self.body_layout.addLayout(self.cards_box)
        self.body_layout.addStretch(1)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(REFRESH_MS)
        self._timer.timeout.connect(self.refresh_previews)
        self.library_list.itemChanged.connect(self._item_changed)
        self.library_list.currentItemChanged.connect(lambda item, _old: self._show_preview(item))
        self.library_list.itemEntered.connect(self._show_preview)
        self.library_list.viewport().installEventFilter(self)
        self.store.changed.connect(self._on_changed)
        self.store.reset.connect(self._on_reset)
        self.rebuild()

    # --- showing the page ----------------------------------------------------------------

    def initializePage(self) -> None:
        super().initializePage()
        self.refresh_previews()

    def showEvent(self, event) -> None:
        # With IndependentPages, initializePage runs only on the first visit; figures may
        # have changed on other pages since, so every showing refreshes (cheap if unchanged).
        super().showEvent(event)
        self.refresh_previews()

    def ensure_library(self) -> dict[str, LibraryObjection]:
        """Load the library and fill the list (once)."""
        if self.library is not None:
            return self.library
        from upskill_ask import objections as core

        self.library = core.library()
        self.library_list.blockSignals(True)
        for oid, entry in self.library.items():
            item = QListWidgetItem(entry.question)
            item.setData(ID_ROLE, oid)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                          | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.library_list.addItem(item)
        self.library_list.blockSignals(False)
        rows = max(min(self.library_list.count(), 14), 4)
        height = self.library_list.sizeHintForRow(0) * rows + 2 * self.library_list.frameWidth()
        self.library_list.setFixedHeight(height)
        self.preview.setFixedHeight(height)
        self._sync_checks()
        for card in self.cards:
            card.set_entry(self.library.get(card.oid), known=True)
        if self.library_list.count():
            self.library_list.setCurrentRow(0)
        return self.library

    def refresh_previews(self) -> None:
        """Fill every library answer with the draft's figures as they stand now."""
        self._timer.stop()
        lib = self.ensure_library()
        if self._computed_at == self._changes and self.filled:
            return
        from upskill_ask import objections as core
        from upskill_ask.drafts import DraftError
        from upskill_ask.model import Draft, Objection

        try:
            draft = self.store.draft()
        except DraftError as exc:
            if not self._figures_real:  # nothing good yet: name the figures instead
                values = {k: f"[{k.replace('_', ' ')}]" for k in core.figures(Draft())}
                self.filled = {oid: Filled(core.fill(e.response, values),
                                           core.fill(e.evidence, values),
                                           core.fill(e.fallback, values))
                               for oid, e in lib.items()}
            self.figures_note.setText("Some figures in the answers wait for a fix elsewhere: "
                                      + (exc.lines()[0] if exc.lines() else str(exc)))
            self.figures_note.show()
        else:
            values = core.figures(draft)
            filled = {}
            for oid in lib:
                resolved = core.resolve_one(Objection(id=oid), draft, lib, values)
                filled[oid] = Filled(resolved.answer, resolved.evidence, resolved.fallback)
            self.filled = filled
            self._figures_real = True
            self.figures_note.hide()
        self._computed_at = self._changes
        for card in self.cards:
            card.set_filled(self.filled.get(card.oid))
        self._show_preview(self.library_list.currentItem())

    # --- the library list ----------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.library_list.viewport() and event.type() == QEvent.Type.Leave:
            self._show_preview(self.library_list.currentItem())
        return super().eventFilter(watched, event)

    def _show_preview(self, item: QListWidgetItem | None) -> None:
        if item is None or self.library is None:
            self.preview.setPlainText("Select a question to see what it usually means and how "
                                      "your answer would read.")
            return
        oid = item.data(ID_ROLE)
        entry = self.library.get(oid)
        if entry is None:  # pragma: no cover - the list holds library ids only
            return
        filled = self.filled.get(oid)
        parts = [f"<p><b>{escape(entry.question)}</b></p>",
                 f"<p><i>What it usually means</i><br>{escape(entry.meaning)}</p>"]
        if filled is not None:
            parts.append(f"<p><i>Your answer, with your figures</i><br>{escape(filled.answer)}</p>")
        self.preview.setHtml("".join(parts))

    def _chosen_ids(self) -> list[str]:
        return [str(item.get("id", "")) if isinstance(item, dict) else ""
                for item in self.store.list_at("objections")]

    def _sync_checks(self) -> None:
        chosen = set(self._chosen_ids())
        self.library_list.blockSignals(True)
        for row in range(self.library_list.count()):
            item = self.library_list.item(row)
            state = Qt.CheckState.Checked if item.data(ID_ROLE) in chosen else \
                Qt.CheckState.Unchecked
            if item.checkState() != state:
                item.setCheckState(state)
        self.library_list.blockSignals(False)

    def _item_changed(self, item: QListWidgetItem) -> None:
        oid = item.data(ID_ROLE)
        chosen = self._chosen_ids()
        checked = item.checkState() == Qt.CheckState.Checked
        if checked and oid not in chosen:
            if len(chosen) >= OBJECTIONS_MAX:
                self._sync_checks()
                self._too_many()
                return
            self.store.append("objections", blank_question(oid))
        elif not checked and oid in chosen:
            self.remove(chosen.index(oid))

    def _too_many(self) -> None:
        self.message.setText(f"A proposal holds at most {OBJECTIONS_MAX} questions: remove one "
                             "before adding another.")
        self.message.show()

    # --- the cards -----------------------------------------------------------------------

    def rebuild(self) -> None:
        self.binder.forget("objections")
        self.binder.forget("private.fallbacks")
        for card in self.cards:
            card.setParent(None)
            card.deleteLater()
        chosen = self._chosen_ids()
        self.cards = [QuestionCard(self, i, len(chosen), oid) for i, oid in enumerate(chosen)]
        for card in self.cards:
            if self.library is not None:
                card.set_entry(self.library.get(card.oid), known=True)
                card.set_filled(self.filled.get(card.oid))
            self.cards_box.addWidget(card)
        self.empty_note.setVisible(not self.cards)
        self.add_button.setEnabled(len(chosen) < OBJECTIONS_MAX)
        if len(chosen) < OBJECTIONS_MAX and self.message.isVisible() and \
                self.message.text().startswith("A proposal holds"):
            self.message.hide()
        self._sync_checks()

    def add_custom(self) -> None:
        chosen = self._chosen_ids()
        if len(chosen) >= OBJECTIONS_MAX:
            self._too_many()
            return
        taken = set(chosen) | set(self.store.get("private.fallbacks") or {})
        n = 1
        while f"custom-{n}" in taken:
            n += 1
        index = self.store.append("objections", blank_question(f"custom-{n}"))
        card = self.cards[index]
        card.question.setFocus()
        QTimer.singleShot(0, lambda: self._scroll_to(card))

    def _scroll_to(self, card: QuestionCard) -> None:
        if card in self.cards:
            self.scroll.ensureWidgetVisible(card)
            self.scroll.ensureWidgetVisible(card.question)

    def remove(self, index: int) -> None:
        chosen = self._chosen_ids()
        if not 0 <= index < len(chosen):
            return
        oid = chosen[index]
        card = self.cards[index] if index < len(self.cards) else None
        question = card.question.text().strip() if card is not None else ""
        name = f"question {index + 1}" + (f", “{question[:60]}”" if question else "")
        with self.store.group(f"removing {name}"):
            fallbacks = self.store.get("private.fallbacks")
            if isinstance(fallbacks, dict) and oid in fallbacks:
                self.store.set("private.fallbacks",
                               {k: v for k, v in fallbacks.items() if k != oid})
            self.store.remove("objections", index)
        self.tell(f"Removed {name}. Undo (Ctrl+Z) brings it back.")
        if self.cards:
            self.cards[min(index, len(self.cards) - 1)].question.setFocus()
        else:
            self.library_list.setFocus()

    def move(self, index: int, to: int) -> None:
        self.store.move("objections", index, to, label=f"moving question {index + 1}")
        if 0 <= to < len(self.cards):
            self.after_move("objections", index, to, self.cards[to])

    # --- store events --------------------------------------------------------------------

    def _on_changed(self, path: str) -> None:
        if path == "objections":
            self.rebuild()
            return
        match = _ITEM_PATH.match(path)
        if match:
            index = int(match.group(1))
            if index < len(self.cards):
                card = self.cards[index]
                if match.group(2) == "question":
                    card.update_title()
                else:
                    card.update_state()
            return
        if path.startswith(("objections.", "private.")):
            return  # evidence, fallbacks...: no figure depends on them
        self._changes += 1
        if self.isVisible():
            self._timer.start()

    def _on_reset(self) -> None:
        self._changes += 1
        self.rebuild()
        if self.isVisible():
            self._timer.start()

    # --- Next ----------------------------------------------------------------------------

    def missing(self) -> list[tuple[str, str]]:
        gaps = super().missing()
        library = self.ensure_library()
        for index, item in enumerate(self.store.list_at("objections")):
            if not isinstance(item, dict) or item.get("id") in library:
                continue
            n = index + 1
            if not str(item.get("question") or "").strip():
                gaps.append((f"objections.{index}.question",
                             f"write question {n}, or remove it"))
            elif not str(item.get("answer") or "").strip():
                gaps.append((f"objections.{index}.answer",
                             f"answer question {n}, or remove it"))
        return gaps
