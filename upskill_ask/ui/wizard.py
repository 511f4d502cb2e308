"""RequestWizard: wires the pages together and owns the draft file (open, save, autosave, close).

The pages edit a :class:`DraftStore`; this class only adds the file around it: the window
title with the file name and an unsaved mark, Ctrl+S / Ctrl+O / Ctrl+Shift+S / Ctrl+N, a
recovery file written a few seconds after each edit, and a prompt before unsaved work is lost.
Every question to the user goes through ``self.dialogs`` (a seam the tests answer).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QWidget, QWizard

from upskill_ask import drafts, logs, recent
from upskill_ask.ui.dialogs import Dialogs, Unsaved
from upskill_ask.ui.history import REDO_BUTTON, UNDO_BUTTON, UndoControls
from upskill_ask.ui.pages.base import INPUTS, PageId
from upskill_ask.ui.pages.objections import QuestionsPage
from upskill_ask.ui.pages.options import OptionsPage
from upskill_ask.ui.pages.people import PeoplePage
from upskill_ask.ui.pages.plan import PlanPage
from upskill_ask.ui.pages.private import PrivatePage
from upskill_ask.ui.pages.review import ReviewPage
from upskill_ask.ui.pages.skill import SkillPage
from upskill_ask.ui.pages.start import StartPage
from upskill_ask.ui.store import DraftStore
from upskill_ask.ui.widgets import Binder

if TYPE_CHECKING:
    from upskill_ask.model import Draft

AUTOSAVE_MS = 3000


class RequestWizard(QWizard):
    """The whole app window: eight pages over one draft."""

    def __init__(self, draft: Draft | None = None, parent: QWidget | None = None, *,
                 path: str | Path | None = None, dialogs: Dialogs | None = None,
                 recovered: dict | None = None):
        super().__init__(parent)
        self.dialogs = dialogs or Dialogs()
        self.path: Path | None = Path(path) if path else None
        data = recovered if recovered is not None else (
            draft.model_dump(mode="json") if draft is not None else None)
        self.store = DraftStore(data, self)
        self.store.dirty = recovered is not None
        self.binder = Binder(self.store, self)
        self.setWindowTitle("upskill-ask")
        self.setOption(QWizard.WizardOption.IndependentPages, True)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.setOption(QWizard.WizardOption.HaveCustomButton1, True)
        self.setOption(QWizard.WizardOption.CancelButtonOnLeft, False)
        self.setButtonText(QWizard.WizardButton.CustomButton1, "&Save draft")
        self.setButtonText(QWizard.WizardButton.CancelButton, "&Close")
        self.setButtonText(QWizard.WizardButton.FinishButton, "&Done")
        self.customButtonClicked.connect(
            lambda which: self.save() if which == QWizard.WizardButton.CustomButton1.value else None)
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)

        self.start_page = StartPage(self.binder)
        self.setPage(PageId.START, self.start_page)
        self.setPage(PageId.PEOPLE, PeoplePage(self.binder))
        self.setPage(PageId.SKILL, SkillPage(self.binder))
        self.options_page = OptionsPage(self.binder)
        self.setPage(PageId.OPTIONS, self.options_page)
        self.setPage(PageId.PLAN, PlanPage(self.binder))
        self.setPage(PageId.QUESTIONS, QuestionsPage(self.binder))
        self.setPage(PageId.PRIVATE, PrivatePage(self.binder))
        self.review_page = ReviewPage(self.binder)
        self.setPage(PageId.REVIEW, self.review_page)
        self.setStartId(PageId.START)

        self.start_page.newRequested.connect(self.new_draft)
        self.start_page.openRequested.connect(self.open_dialog)
        self.start_page.pathChosen.connect(self.open_path)
        self.start_page.exampleChosen.connect(self.open_example)

        self._autosave = QTimer(self)
        self._autosave.setSingleShot(True)
        self._autosave.setInterval(AUTOSAVE_MS)
        self._autosave.timeout.connect(self.write_recovery)
        self.store.changed.connect(self._on_edit)
        self._focus_target: QWidget | None = None
        self.currentIdChanged.connect(lambda _id: QTimer.singleShot(0, self, self._place_cursor))
        self._add_shortcuts()
        self.undo_controls = UndoControls(self)
        self.setButtonLayout([UNDO_BUTTON, REDO_BUTTON, QWizard.WizardButton.Stretch,
                              QWizard.WizardButton.CustomButton1, QWizard.WizardButton.BackButton,
                              QWizard.WizardButton.NextButton, QWizard.WizardButton.FinishButton,
                              QWizard.WizardButton.CancelButton])
        self._update_title()
        self.resize(980, 760)

    # --- the seam PRODUCT.md names ------------------------------------------------------

    def draft(self) -> Draft:
        """The draft as currently edited (raises drafts.DraftError if a field is invalid)."""
        return self.store.draft()

    # --- file handling -------------------------------------------------------------------

    def _add_shortcuts(self) -> None:
        for text, keys, slot in (("Save", QKeySequence.StandardKey.Save, self.save),
                                 ("Save as", QKeySequence.StandardKey.SaveAs, self.save_as),
                                 ("Open", QKeySequence.StandardKey.Open, self.open_dialog),
                                 ("New", QKeySequence.StandardKey.New, self.new_draft)):
            action = QAction(text, self)
            action.setShortcut(keys)
            action.triggered.connect(lambda _=False, s=slot: s())
            self.addAction(action)
        save_as = self.actions()[1]
        if save_as.shortcut().isEmpty():  # some platforms define no standard Save As keys
            save_as.setShortcut(QKeySequence("Ctrl+Shift+S"))

    def display_name(self) -> str:
        return self.path.name if self.path else "Untitled proposal"

    def _update_title(self) -> None:
        self.setWindowFilePath(str(self.path) if self.path else "")
        self.setWindowTitle(f"{self.display_name()}[*] — upskill-ask")
        self.setWindowModified(self.store.dirty)

    def _on_edit(self, _path: str) -> None:
        self._update_title()
        self._autosave.start()

    def write_recovery(self) -> None:
        """Keep the work in progress in a separate recovery file (never the draft itself)."""
        if not self.store.dirty:
            return
        try:
            drafts.write_recovery(self.store.data, self.path, max(self.currentId(), 0))
        except OSError as exc:
            logs.LOGGER.warning("recovery file not written: %s", exc.strerror)

    def _discard_recovery(self) -> None:
        self._autosave.stop()
        drafts.discard_recovery(self.path)

    def save(self) -> bool:
        if self.path is None:
            return self.save_as()
        return self._save_to(self.path)

    def save_as(self) -> bool:
        suggested = str(self.path or (Path.home() / self._suggested_name()))
        target = self.dialogs.save_path(self, "Save the draft", suggested,
                                        "upskill-ask drafts (*.upskill)")
        if target is None:
            return False
        if target.suffix != drafts.SUFFIX:
            target = target.with_name(target.name + drafts.SUFFIX)
        return self._save_to(target)

    def _suggested_name(self) -> str:
        from upskill_ask import filenames

        return filenames.stem(str(self.store.get("title") or ""),
                              str(self.store.get("skill.name") or "")) + drafts.SUFFIX

    def _save_to(self, target: Path) -> bool:
        try:
            draft = self.draft()
        except drafts.DraftError as exc:
            self.dialogs.error(self, "The draft cannot be saved yet",
                               "Some fields need fixing first:\n\n" + "\n".join(exc.lines()))
            self.focus_field(exc.problems[0][0])
            return False
        old_recovery = self.path
        try:
            drafts.save(draft, target)
        except OSError as exc:
            self.write_recovery()
            self.dialogs.error(
                self, "The draft was not saved",
                f"Could not write {target}: {exc.strerror or exc}.\n\nYour work is still open, and "
                "a recovery copy is kept. Try another folder with Save As (Ctrl+Shift+S).")
            logs.LOGGER.warning("save failed: %s", exc.strerror)
            return False
        drafts.discard_recovery(old_recovery)
        self.path = target
        self._discard_recovery()
        self.store.dirty = False
        recent.add(target)
        self._update_title()
        logs.LOGGER.info("saved a draft")
        return True

    def maybe_keep_changes(self) -> bool:
        """Ask what to do with unsaved changes; True when it is fine to go on."""
        if not self.store.dirty:
            return True
        answer = self.dialogs.ask_unsaved(self, self.display_name())
        if answer is Unsaved.SAVE:
            return self.save()
        if answer is Unsaved.DISCARD:
            self._discard_recovery()
            return True
        return False

    def new_draft(self) -> None:
        if not self.maybe_keep_changes():
            return
        self._discard_recovery()
        self.path = None
        self.store.replace({})
        self._update_title()
        self._leave_start_page()

    def open_dialog(self) -> None:
        folder = str(self.path.parent if self.path else Path.home())
        chosen = self.dialogs.open_draft(self, folder)
        if chosen is not None:
            self.open_path(chosen)

    def open_path(self, path: Path) -> bool:
        if not self.maybe_keep_changes():
            return False
        try:
            draft = drafts.load(path)
        except drafts.DraftError as exc:
            self.dialogs.error(self, "This draft cannot be opened",
                               f"{Path(path).name} cannot be opened:\n\n" + "\n".join(exc.lines())
                               + "\n\nThe file was not changed.")
            logs.LOGGER.info("refused to open a draft (%d problems)", len(exc.problems))
            return False
        self._discard_recovery()
        self.path = Path(path)
        self.store.replace(draft.model_dump(mode="json"))
        recent.add(path)
        self._update_title()
        self._leave_start_page()
        return True

    def open_example(self, path: Path) -> bool:
        """An example opens as a new, untitled draft: saving never overwrites the bundled file."""
        if not self.maybe_keep_changes():
            return False
        try:
            draft = drafts.load(path)
        except drafts.DraftError as exc:  # pragma: no cover - examples are tested
            self.dialogs.error(self, "The example cannot be opened", "\n".join(exc.lines()))
            return False
        self._discard_recovery()
        self.path = None
        self.store.replace(draft.model_dump(mode="json"))
        self.store.dirty = True
        self._update_title()
        self._leave_start_page()
        return True

    def resume_at(self, page_id: int) -> None:
        """Open on a page (where the user was), walking there from Start with Next so Back
        still leads to every page before it. A page that is not complete stops the walk and
        says what is missing."""
        target = page_id if page_id in self.pageIds() else PageId.PEOPLE
        if self.currentId() == -1:
            self.restart()
        while self.currentId() < target:
            before = self.currentId()
            self.next()
            if self.currentId() == before:
                break

    def _leave_start_page(self) -> None:
        if self.currentId() == PageId.START:
            self.next()

    def focus_field(self, path: str) -> None:
        """Show the page holding a field and put the cursor in it."""
        widget = self.findChild(QWidget, path)
        if widget is None:
            return
        for page_id in self.pageIds():
            if self.page(page_id).isAncestorOf(widget):
                self.show_page(page_id)
                break
        self._focus_target = widget
        widget.setFocus()

    def show_page(self, page_id: int) -> None:
        """Go to a page with Back or Next, so the history stays as the user would make it;
        Next stops at a page that is not complete (it says what is missing)."""
        while self.currentId() > page_id:
            self.back()
        while self.currentId() < page_id:
            before = self.currentId()
            self.next()
            if self.currentId() == before:
                break

    def _place_cursor(self) -> None:
        """After Next or Back the cursor waits in the new page's first field (or in the field
        that ``focus_field`` was asked for)."""
        page = self.currentPage()
        target, self._focus_target = self._focus_target, None
        if target is None:
            now = self.focusWidget()
            if now is not None and page.isAncestorOf(now) and isinstance(now, INPUTS):
                return  # already in a field of this page (put there since the switch)
        if target is None or not shiboken6.isValid(target) or not page.isAncestorOf(target):
            first_field = getattr(page, "first_field", None)
            target = first_field() if first_field else None
        if target is not None:
            target.setFocus(Qt.FocusReason.TabFocusReason)

    # --- closing -------------------------------------------------------------------------

    def _ready_to_close(self) -> bool:
        """Ask about unsaved work; when closing may go on, drop the recovery file and stop
        the preview renderer."""
        if not self.maybe_keep_changes():
            return False
        self._discard_recovery()
        self.review_page.shutdown()
        return True

    def reject(self) -> None:
        """Close / Escape: never loses unsaved work without asking."""
        if self._ready_to_close():
            super().reject()

    def accept(self) -> None:
        if self._ready_to_close():
            super().accept()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._ready_to_close():
            event.accept()
        else:
            event.ignore()
