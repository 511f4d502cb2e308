"""Page 6, "Questions to expect": the likely objections, put as the questions a manager asks.

The top half is the built-in library: tick a question to add it to the draft, untick it to take
it out; the preview beside the list says what the question usually means and how the answer
reads with the user's own figures. Below, one card per chosen question, in the draft's order,
edits its wording, answer, evidence and the private fallback.

An empty answer means "the library's response, filled with your figures", shown as the
placeholder and under it, recomputed after any edit. Typed text is stored and printed as is.

List and preview: :mod:`~upskill_ask.ui.pages.question_library`; each card:
:mod:`~upskill_ask.ui.pages.question_card`; ``upskill_ask.objections`` loads on first show."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout

from upskill_ask.i18n import _
from upskill_ask.ui.pages.base import DraftPage
from upskill_ask.ui.pages.question_card import Filled, QuestionCard, blank_question, fill_answers
from upskill_ask.ui.pages.question_library import LibraryChooser
from upskill_ask.ui.widgets import heading_label, plain_label
from upskill_ask.vocabulary import OBJECTIONS_MAX

if TYPE_CHECKING:
    from upskill_ask.model import Draft
    from upskill_ask.objections import LibraryObjection

REFRESH_MS = 300
_ITEM_PATH = re.compile(r"^objections\.(\d+)\.(question|answer)$")


class QuestionsPage(DraftPage):
    """The questions a manager may ask: chosen from the library or written, each answered."""

    def build(self) -> None:
        self.setTitle(_("Questions to expect"))
        self.setSubTitle(_("The likely objections, put as the questions your manager may ask. "
                           "Tick the ones you expect: each answer is filled with your own "
                           "figures, and you can change the wording."))
        self.library: dict[str, LibraryObjection] | None = None
        self.filled: dict[str, Filled] = {}
        self.cards: list[QuestionCard] = []
        self._figures_real = False
        self._changes = 0
        self._computed_at = -1

        self.chooser = LibraryChooser(self.filled_for, self)
        self.library_list = self.chooser.list
        self.body_layout.addLayout(self.chooser.layout)

        add_row = QHBoxLayout()
        self.add_button = QPushButton(_("Add your &own question"))
        self.add_button.setObjectName("questions-add-custom")
        self.add_button.setAccessibleName(_("Add your own question"))
        self.add_button.clicked.connect(self.add_custom)
        add_row.addWidget(self.add_button)
        add_row.addStretch(1)
        self.body_layout.addLayout(add_row)

        self.figures_note = plain_label(name="questions-figures-note")
        self.figures_note.hide()
        self.body_layout.addWidget(self.figures_note)

        self.body_layout.addWidget(heading_label(_("Your answers"), top_margin=8))
        self.empty_note = QLabel(_("No questions chosen yet. Tick the ones you expect above, or "
                                   "add your own."))
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
        self.chooser.toggled.connect(self._toggled)
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

    def filled_for(self, oid: str) -> Filled | None:
        """The library's answer to a question, filled with the draft's figures (once known)."""
        return self.filled.get(oid)

    def ensure_library(self) -> dict[str, LibraryObjection]:
        """Load the library and fill the list (once)."""
        if self.library is not None:
            return self.library
        from upskill_ask import objections as core

        self.library = core.library()
        self.chooser.load(self.library)
        self._sync_checks()
        for card in self.cards:
            card.set_entry(self.library.get(card.oid), known=True)
        self.chooser.select_first()
        return self.library

    def refresh_previews(self) -> None:
        """Fill every library answer with the draft's figures as they stand now."""
        self._timer.stop()
        lib = self.ensure_library()
        if self._computed_at == self._changes and self.filled:
            return
        from upskill_ask.drafts import DraftError

        try:
            draft = self.store.draft()
        except DraftError as exc:
            if not self._figures_real:  # nothing good yet: name the figures instead
                self.filled = fill_answers(lib, None)
            self.figures_note.setText(_("Some figures in the answers wait for a fix elsewhere: "
                                        "{problem}").format(
                problem=exc.lines()[0] if exc.lines() else str(exc)))
            self.figures_note.show()
        else:
            self.filled = fill_answers(self._in_language(draft), draft)
            self._figures_real = True
            self.figures_note.hide()
        self._computed_at = self._changes
        for card in self.cards:
            card.set_filled(self.filled.get(card.oid))
        self.chooser.show_current()

    def _in_language(self, draft: Draft) -> dict[str, LibraryObjection]:
        """The library in the draft's language and form of address: the documents' words."""
        from upskill_ask import objections as core

        language, informal = draft.language, draft.manager.informal
        if self.chooser.retitle(f"{language}{'@informal' * informal}",
                                lambda: core.library(language, informal=informal)):
            self.library = self.chooser.library
            for card in self.cards:
                card.set_entry(self.library.get(card.oid), known=True)
        return self.library

    # --- the library list ----------------------------------------------------------------

    def _chosen_ids(self) -> list[str]:
        return [str(item.get("id", "")) if isinstance(item, dict) else ""
                for item in self.store.list_at("objections")]

    def _sync_checks(self) -> None:
        self.chooser.tick(set(self._chosen_ids()))

    def _toggled(self, oid: str, checked: bool) -> None:
        chosen = self._chosen_ids()
        if checked and oid not in chosen:
            if len(chosen) >= OBJECTIONS_MAX:
                self._sync_checks()
                self._too_many()
                return
            self.store.append("objections", blank_question(oid))
        elif not checked and oid in chosen:
            self.remove(chosen.index(oid))

    def _too_many(self) -> None:
        self.message.setText(self._too_many_text())
        self.message.show()

    @staticmethod
    def _too_many_text() -> str:
        return _("A proposal holds at most {n} questions: remove one before adding another."
                 ).format(n=OBJECTIONS_MAX)

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
                self.message.text() == self._too_many_text():
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
        name = (_("question {n}, “{title}”") if question else _("question {n}")).format(
            n=index + 1, title=question[:60])
        with self.store.group(_("removing {item}").format(item=name)):
            fallbacks = self.store.get("private.fallbacks")
            if isinstance(fallbacks, dict) and oid in fallbacks:
                self.store.set("private.fallbacks",
                               {k: v for k, v in fallbacks.items() if k != oid})
            self.store.remove("objections", index)
        self.tell(_("Removed {item}. Undo (Ctrl+Z) brings it back.").format(item=name))
        if self.cards:
            self.cards[min(index, len(self.cards) - 1)].question.setFocus()
        else:
            self.library_list.setFocus()

    def move(self, index: int, to: int) -> None:
        self.store.move("objections", index, to,
                        label=_("moving question {n}").format(n=index + 1))
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
                             _("write question {n}, or remove it").format(n=n)))
            elif not str(item.get("answer") or "").strip():
                gaps.append((f"objections.{index}.answer",
                             _("answer question {n}, or remove it").format(n=n)))
        return gaps
