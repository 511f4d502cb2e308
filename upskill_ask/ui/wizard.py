"""RequestWizard: the app window, eight pages over one draft.

The pages edit a :class:`DraftStore`; the draft's file (open, save, autosave, recovery, the
window title) is :class:`upskill_ask.ui.draftfiles.DraftFiles`, reached as ``self.files`` and
through the methods below, with Ctrl+S / Ctrl+O / Ctrl+Shift+S / Ctrl+N. This class wires the
pages, moves between them (``show_page``, ``focus_field``, ``resume_at``) and never closes on
unsaved work without asking. Every question to the user goes through ``self.dialogs`` (a seam
the tests answer).
"""

from __future__ import annotations

import copy
from pathlib import Path
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QWidget, QWizard

from upskill_ask import i18n
from upskill_ask.i18n import _
from upskill_ask.ui import language, meeting_steps
from upskill_ask.ui.binder import Binder
from upskill_ask.ui.dialogs import Dialogs
from upskill_ask.ui.draftfiles import DraftFiles
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

if TYPE_CHECKING:
    from upskill_ask.model import Draft

class RequestWizard(QWizard):
    """The whole app window: eight pages over one draft."""

    def __init__(self, draft: Draft | None = None, parent: QWidget | None = None, *,
                 path: str | Path | None = None, dialogs: Dialogs | None = None,
                 recovered: dict | None = None):
        language.install_qt()  # Qt's Back/Next take their text when the wizard is made
        super().__init__(parent)
        self.replaced_by: RequestWizard | None = None  # the window that took over (language)
        self.dialogs = dialogs or Dialogs()
        if recovered is not None:  # work saved by an older version holds the older shape
            from upskill_ask.migrations import migrate

            recovered = migrate(recovered)
        data = recovered if recovered is not None else (
            draft.model_dump(mode="json") if draft is not None else None)
        self.store = DraftStore(data, self)
        self.store.dirty = recovered is not None
        self.binder = Binder(self.store, self)
        self.files = DraftFiles(self, path)
        self.setWindowTitle("upskill-ask")
        self.setOption(QWizard.WizardOption.IndependentPages, True)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.setOption(QWizard.WizardOption.HaveCustomButton1, True)
        self.setOption(QWizard.WizardOption.CancelButtonOnLeft, False)
        self.setButtonText(QWizard.WizardButton.CustomButton1, _("&Save draft"))
        self.setButtonText(QWizard.WizardButton.CancelButton, _("&Close"))
        self.setButtonText(QWizard.WizardButton.FinishButton, _("&Done"))
        self.customButtonClicked.connect(
            lambda which: self.save() if which == QWizard.WizardButton.CustomButton1.value else None)
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)

        # buttons before pages: each change of the button row lays out every page again
        self.undo_controls = UndoControls(self)
        self.setButtonLayout([UNDO_BUTTON, REDO_BUTTON, QWizard.WizardButton.Stretch,
                              QWizard.WizardButton.CustomButton1, QWizard.WizardButton.BackButton,
                              QWizard.WizardButton.NextButton, QWizard.WizardButton.FinishButton,
                              QWizard.WizardButton.CancelButton])

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
        self.start_page.outcomeRequested.connect(self.outcome_from_start)
        self.start_page.languageChosen.connect(self.change_language)
        self.start_page.rehearseRequested.connect(self.rehearse_saved)
        self.review_page.rehearseRequested.connect(self.rehearse)
        self.rehearsal_window = None

        self._focus_target: QWidget | None = None
        self.currentIdChanged.connect(lambda _id: QTimer.singleShot(0, self, self._place_cursor))
        self._add_shortcuts()
        self.files.update_title()
        self.resize(980, 760)

    # --- the seam PRODUCT.md names ------------------------------------------------------

    def draft(self) -> Draft:
        """The draft as currently edited (raises drafts.DraftError if a field is invalid)."""
        return self.store.draft()

    def _add_shortcuts(self) -> None:
        for text, keys, slot in ((_("Save"), QKeySequence.StandardKey.Save, self.save),
                                 (_("Save as"), QKeySequence.StandardKey.SaveAs, self.save_as),
                                 (_("Open"), QKeySequence.StandardKey.Open, self.open_dialog),
                                 (_("New"), QKeySequence.StandardKey.New, self.new_draft)):
            action = QAction(text, self)
            action.setShortcut(keys)
            action.triggered.connect(lambda _checked=False, s=slot: s())
            self.addAction(action)
        save_as = self.actions()[1]
        if save_as.shortcut().isEmpty():  # some platforms define no standard Save As keys
            save_as.setShortcut(QKeySequence("Ctrl+Shift+S"))

    # --- the file (ui/draftfiles.py) ------------------------------------------------------

    @property
    def path(self) -> Path | None:
        """The draft file this window saves to (None: not saved yet)."""
        return self.files.path

    def display_name(self) -> str:
        return self.files.display_name()

    def write_recovery(self) -> None:
        self.files.write_recovery()

    def save(self) -> bool:
        return self.files.save()

    def save_as(self) -> bool:
        return self.files.save_as()

    def maybe_keep_changes(self) -> bool:
        """Ask what to do with unsaved changes; True when it is fine to go on."""
        return self.files.maybe_keep_changes()

    def new_draft(self) -> None:
        if self.files.new_draft():
            self._leave_start_page()

    def open_dialog(self) -> None:
        chosen = self.files.open_dialog()
        if chosen is not None:
            self.open_path(chosen)

    def open_path(self, path: Path) -> bool:
        opened = self.files.open_path(path)
        if opened:
            self._leave_start_page()
        return opened

    def open_example(self, path: Path) -> bool:
        """An example opens as a new, untitled draft: saving never overwrites the bundled file."""
        opened = self.files.open_path(path, example=True)
        if opened:
            self._leave_start_page()
        return opened

    # --- the meeting itself and after it (ui/meeting_steps.py) ---------------------------

    def rehearse(self) -> None:
        meeting_steps.rehearse(self)

    def rehearse_saved(self, path: Path | None) -> None:
        meeting_steps.rehearse_saved(self, path)

    def record_outcome(self):
        return meeting_steps.record_outcome(self)

    def outcome_from_start(self) -> None:
        meeting_steps.outcome_from_start(self)

    def resume_at(self, page_id: int) -> None:
        """Open on a page (where the user was), walking there from Start with Next so Back
        still leads to every page before it. A page that is not complete stops the walk and
        says what is missing."""
        target = page_id if page_id in self.pageIds() else PageId.PEOPLE
        if self.currentId() == -1:
            self.restart()
        self.show_page(target)

    def change_language(self, code: str | None) -> RequestWizard:
        """Speak another language now (``code`` None: the system's): a new window, built in it,
        takes over the draft, its file and its unsaved state; this one closes without asking.
        The undo history starts afresh."""
        language.install_qt(code if code is not None else i18n.system_language())
        window = RequestWizard(path=self.path, dialogs=self.dialogs,
                               recovered=copy.deepcopy(self.store.data))
        window.store.dirty = self.store.dirty
        window.files.update_title()
        window.setGeometry(self.geometry())
        self.replaced_by = window
        page = self.currentId()
        window.show()
        if page > PageId.START:
            window.resume_at(page)
        else:
            window.start_page.language_box.setFocus()
        self.files.autosave.stop()
        self.review_page.shutdown()
        self.hide()
        self.deleteLater()
        return window

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
            target.setFocus(Qt.FocusReason.OtherFocusReason)  # no select-all to type over

    # --- closing -------------------------------------------------------------------------

    def _ready_to_close(self) -> bool:
        """Ask about unsaved work; when closing may go on, drop the recovery file and stop
        the preview renderer."""
        if not self.maybe_keep_changes():
            return False
        self.files.discard_recovery()
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
