"""The review page's export box: the buttons that export the proposal PDF, the private prep
sheet and the email draft, print the proposal or open it in a PDF viewer, and the status line.

The documents are made by jobs of :mod:`upskill_ask.renderjobs` on the render worker (the
buttons are disabled meanwhile); printing happens on the UI thread through
:mod:`upskill_ask.ui.printing`. Every question goes through the wizard's ``dialogs``; opening
files with the desktop goes through :mod:`upskill_ask.ui.desktop`.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QCheckBox, QGroupBox, QVBoxLayout, QWidget

from upskill_ask import renderjobs
from upskill_ask.i18n import _, ngettext
from upskill_ask.renderjobs import CALENDAR, EMAIL, OUTCOME, PREP, PROPOSAL, RECAP, Export
from upskill_ask.ui import desktop
from upskill_ask.ui.render_worker import RenderWorker
from upskill_ask.ui.store import DraftStore
from upskill_ask.ui.widgets import action_button, busy_bar, plain_label


def _cap(text: str) -> str:
    """A message that starts with a noun phrase ('the proposal'): its first letter raised."""
    return text[:1].upper() + text[1:]


class ExportPanel(QGroupBox):
    """Export, email, print and view the proposal; ``wizard`` gives the window (its dialogs and
    the draft's path) when an export asks for it."""

    def __init__(self, store: DraftStore, worker: RenderWorker, wizard: Callable[[], Any],
                 parent: QWidget | None = None):
        super().__init__(_("Export"), parent)
        self.setObjectName("review-exports")
        self.store = store
        self.worker = worker
        self._wizard = wizard
        self._exporting = False
        self._viewer_folder: Path | None = None
        self._last_folder: Path | None = None
        layout = QVBoxLayout(self)
        self.buttons = (
            action_button(_("Export &proposal PDF…"), "export-proposal", self.export_proposal,
                    _("Save the proposal for your manager as a PDF")),
            action_button(_("Export p&rep sheet PDF…"), "export-prep", self.export_prep,
                    _("Private: save your prep sheet (objection cards, walk-away point) for "
                      "yourself only")),
            action_button(_("&Email draft…"), "export-email", self.export_email,
                    _("Save an email to your manager with the proposal attached, and open it in "
                      "your mail program")),
            action_button(_("Add the dates to a ca&lendar…"), "export-calendar", self.export_calendar,
                    _("Save the meeting, a reminder before the budget date, the check-ins and "
                      "the measures' dates as a calendar file (.ics) for your own calendar")),
            action_button(_("Pr&int…"), "print-proposal", self.print_proposal, _("Print the proposal")),
            action_button(_("Open in PDF &viewer"), "open-viewer", self.open_in_viewer,
                    _("Open the proposal in your PDF viewer (from a temporary copy)")))
        for button in self.buttons[:2]:
            layout.addWidget(button)
        layout.addWidget(plain_label(
            _("The prep sheet is private: it holds what you entered on the Private prep page and "
              "is never part of the proposal or the email."), "prep-private-note"))
        layout.addWidget(self.buttons[2])
        self.email_calendar = QCheckBox(_("Attach the dates as a calendar &file to the emails"))
        self.email_calendar.setObjectName("export-email-calendar")
        self.email_calendar.setAccessibleName(_("Attach the dates as a calendar file to the emails"))
        self.email_calendar.setToolTip(_("The email draft and the recap email carry a calendar "
                                         "file with the check-ins and the measures' dates, "
                                         "worded for your manager's calendar"))
        layout.addWidget(self.email_calendar)
        for button in self.buttons[3:]:
            layout.addWidget(button)
        self.more_buttons: list[QWidget] = [self.email_calendar]  # the after-meeting box adds its own
        self.busy = busy_bar("export-busy", _("Exporting"))
        layout.addWidget(self.busy)
        self.status = plain_label(name="export-status")
        self.status.setAccessibleName(_("Export status"))
        layout.addWidget(self.status)

    @property
    def exporting(self) -> bool:
        return self._exporting

    def _dialogs(self):
        return self._wizard().dialogs

    def _export_draft(self, what: str, *, private: bool = False, pdf: bool = True):
        """The draft if it can be exported; otherwise say why (through the dialogs) and None.

        ``what``: the export as a noun phrase, translated ('the proposal'); ``private``: the
        document holds the private part too (the prep sheet); ``pdf``: it is or carries a PDF,
        whose letters need a font here (a calendar file does not)."""
        from upskill_ask import drafts, views

        try:
            draft = self.store.draft()
        except drafts.DraftError as exc:
            self._dialogs().error(self, _cap(_("{what} cannot be made yet").format(what=what)),
                                  _("Some fields need fixing first:") + "\n\n"
                                  + "\n".join(exc.lines()))
            return None
        missing = views.missing_for_export(draft)
        if missing:
            self._dialogs().error(
                self, _cap(_("{what} cannot be made yet").format(what=what)),
                _("A few things are missing first:") + "\n\n"
                + "\n".join(f"{_(message)} ({path})" for path, message in missing))
            return None
        return draft if not pdf or self._letters_drawn(draft, what, private) else None

    def _letters_drawn(self, draft, what: str, private: bool) -> bool:
        """True unless some text would print as empty boxes and the user chose not to go on."""
        from upskill_ask import glyphs

        gaps = glyphs.draft_problems(draft, private=private)
        if not gaps:
            return True
        go_on = self._dialogs().ask_export_anyway(
            self, _("Some letters in {what} would not show").format(what=what),
            "\n\n".join(gap.sentence() for gap in gaps))
        if not go_on:
            self.status.setText(_cap(_("{what} was not made: install the font first.").format(
                what=what)))
        return go_on

    def _folder(self) -> Path:
        """Where the last export went, else beside the draft file, else the home folder."""
        if self._last_folder is not None:
            return self._last_folder
        path = getattr(self._wizard(), "path", None)
        return Path(path).parent if path else Path.home()

    def _ask_target(self, export: Export, draft) -> Path | None:
        suggested = self._folder() / renderjobs.default_name(export, draft)
        target = self._dialogs().save_path(self, _(export.title), str(suggested),
                                           _(export.filters))
        return renderjobs.with_suffix(Path(target), export.suffix) if target else None

    def _run(self, busy_text: str, what: str, job: Callable[..., Any], args: tuple[Any, ...],
             done: Callable[[Any], None], *, keep: bool = True) -> None:
        """Run a job on the render worker with the buttons disabled; errors to a dialog.

        ``keep``: a file being written, which closing the app waits for.
        """
        self.set_exporting(True, busy_text)

        def finish(result: Any, error: BaseException | None) -> None:
            self.set_exporting(False, "")
            if error is None:
                done(result)
                return
            self.status.setText(_cap(_("{what} was not made.").format(what=what)))
            self._dialogs().error(self, _cap(_("{what} could not be made").format(what=what)),
                                  _cap(_("{what} could not be made: {reason}").format(
                                      what=what, reason=renderjobs.error_text(error))),
                                  f"{type(error).__name__}: {error}")

        self.worker.submit(job, args, finish, keep=keep)

    def set_exporting(self, on: bool, text: str) -> None:
        self._exporting = on
        for button in (*self.buttons, *self.more_buttons):
            button.setEnabled(not on)
        self.busy.setVisible(on)
        if text:
            self.status.setText(text)

    def _export_file(self, export: Export, then: Callable[[Path], None] | None = None) -> None:
        what = _(export.what)
        draft = self._export_draft(what, private=export is PREP, pdf=export not in (CALENDAR, RECAP))
        if draft is None:
            return
        target = self._ask_target(export, draft)
        if target is None:
            return

        def saved(path: Path) -> None:
            self._last_folder = path.parent
            self.status.setText(_cap(_("Saved {what} as {path}").format(what=what, path=path)))
            if then is not None:
                then(path)

        self._run(_("Making {what}…").format(what=what), what, renderjobs.write_export,
                  (export, draft, target, self.email_calendar.isChecked()), saved)

    def export_proposal(self) -> None:
        self._export_file(PROPOSAL)

    def export_prep(self) -> None:
        self._export_file(PREP)

    def export_email(self) -> None:
        self._export_file(EMAIL, self._open_email)

    def export_calendar(self) -> None:
        self._export_file(CALENDAR)

    def export_recap(self) -> None:
        self._export_file(RECAP, lambda path: self._open_email(path, recap=True))

    def export_outcome(self) -> None:
        self._export_file(OUTCOME)

    def _open_email(self, path: Path, *, recap: bool = False) -> None:
        if desktop.open_path(path):
            self.status.setText(_("The email draft is open in your mail program (saved as "
                                  "{path}).").format(path=path))
            return
        self._dialogs().info(self, _("Email draft saved"), (_(
            "No mail program could open the email draft here, so it is saved as:\n\n{path}\n\n"
            "Open that file with your mail program: it opens as a draft to your manager, with "
            "what was agreed and the next dates, ready to send.") if recap else _(
            "No mail program could open the email draft here, so it is saved as:\n\n{path}\n\n"
            "Open that file with your mail program: it opens as a draft to your manager, with "
            "the proposal attached, ready to send.")).format(path=path))

    def open_in_viewer(self) -> None:
        draft = self._export_draft(_(PROPOSAL.what))
        if draft is None:
            return
        if self._viewer_folder is None or not self._viewer_folder.is_dir():
            self._viewer_folder = Path(tempfile.mkdtemp(prefix="upskill-ask-"))
        target = self._viewer_folder / renderjobs.default_name(PROPOSAL, draft)

        def opened(path: Path) -> None:
            if desktop.open_path(path):
                self.status.setText(_("Opened the proposal in your PDF viewer ({path}).").format(
                    path=path))
                return
            self.status.setText(_("The proposal is at {path}").format(path=path))
            self._dialogs().info(
                self, _("The PDF viewer could not be opened"),
                _("No PDF viewer could be opened here. The proposal is saved as a temporary copy:"
                  "\n\n{path}\n\nOpen it with any PDF viewer, or use Export proposal PDF… to "
                  "keep a copy where you want it.").format(path=path))

        self._run(_("Making {what}…").format(what=_(PROPOSAL.what)), _(PROPOSAL.what),
                  renderjobs.write_export, (PROPOSAL, draft, target), opened)

    def print_proposal(self) -> None:
        draft = self._export_draft(_(PROPOSAL.what))
        if draft is None:
            return
        self._run(_("Preparing the proposal for printing…"), _(PROPOSAL.what),
                  renderjobs.proposal_bytes, (draft,),
                  lambda pdf: self._print_pdf(pdf, renderjobs.default_name(PROPOSAL, draft)),
                  keep=False)

    def _print_pdf(self, pdf: bytes, name: str) -> None:
        from PySide6.QtPrintSupport import QPrinter

        from upskill_ask.ui import printing

        try:
            pages = printing.pdf_page_count(pdf)
            printer = QPrinter(QPrinter.PrinterMode.HighResolution)
            printer.setDocName(name)
            if not self._dialogs().print_setup(self, printer, pages):
                self.status.setText(_("Printing cancelled."))
                return
            printed = printing.print_pdf(pdf, printer)
        except printing.PrintError as exc:
            self._dialogs().error(self, _("The proposal could not be printed"),
                                  _cap(str(exc)) + ".")
            return
        self.status.setText(ngettext("Sent {n} page to the printer.",
                                     "Sent {n} pages to the printer.", printed).format(n=printed))
