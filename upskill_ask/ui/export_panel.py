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

from PySide6.QtWidgets import QCheckBox, QGroupBox, QLabel, QPushButton, QVBoxLayout, QWidget

from upskill_ask import renderjobs
from upskill_ask.renderjobs import CALENDAR, EMAIL, OUTCOME, PREP, PROPOSAL, RECAP, Export
from upskill_ask.ui import desktop
from upskill_ask.ui.render_worker import RenderWorker
from upskill_ask.ui.store import DraftStore
from upskill_ask.ui.widgets import busy_bar, plain_label


def _button(text: str, name: str, slot: Callable[[], None], tip: str) -> QPushButton:
    button = QPushButton(text)
    button.setObjectName(name)
    button.setAccessibleName(text.replace("&", "").rstrip("…"))
    button.setToolTip(tip)
    button.setAccessibleDescription(tip)
    button.setAutoDefault(False)
    button.clicked.connect(lambda _checked=False: slot())
    return button


class ExportPanel(QGroupBox):
    """Export, email, print and view the proposal; ``wizard`` gives the window (its dialogs and
    the draft's path) when an export asks for it."""

    def __init__(self, store: DraftStore, worker: RenderWorker, wizard: Callable[[], Any],
                 parent: QWidget | None = None):
        super().__init__("Export", parent)
        self.setObjectName("review-exports")
        self.store = store
        self.worker = worker
        self._wizard = wizard
        self._exporting = False
        self._viewer_folder: Path | None = None
        self._last_folder: Path | None = None
        layout = QVBoxLayout(self)
        self.buttons = (
            _button("Export &proposal PDF…", "export-proposal", self.export_proposal,
                    "Save the proposal for your manager as a PDF"),
            _button("Export p&rep sheet PDF…", "export-prep", self.export_prep,
                    "Private: save your prep sheet (objection cards, walk-away point) for yourself "
                    "only"),
            _button("&Email draft…", "export-email", self.export_email,
                    "Save an email to your manager with the proposal attached, and open it in your "
                    "mail program"),
            _button("Add the dates to a ca&lendar…", "export-calendar", self.export_calendar,
                    "Save the meeting, a reminder before the budget date, the check-ins and the "
                    "measures' dates as a calendar file (.ics) for your own calendar"),
            _button("Pr&int…", "print-proposal", self.print_proposal, "Print the proposal"),
            _button("Open in PDF &viewer", "open-viewer", self.open_in_viewer,
                    "Open the proposal in your PDF viewer (from a temporary copy)"),
            _button("Record the outcome of the meetin&g…", "record-outcome",
                    lambda: self._wizard().record_outcome(),
                    "Record what was decided: it fills the proposal's decision block, the recap "
                    "email and the outcome report"),
            _button("Rec&ap email…", "export-recap", self.export_recap,
                    "Save a thank-you email to your manager with what was agreed and the next "
                    "dates, and open it in your mail program"),
            _button("Outcome rep&ort PDF…", "export-outcome",
                    lambda: self._export_file(OUTCOME),
                    "Save the outcome report for the last check-in: what you learned and applied, "
                    "each measure planned against achieved"))
        for button in self.buttons[:2]:
            layout.addWidget(button)
        layout.addWidget(plain_label(
            "The prep sheet is private: it holds what you entered on the Private prep page and is "
            "never part of the proposal or the email.", "prep-private-note"))
        layout.addWidget(self.buttons[2])
        self.email_calendar = QCheckBox("Attac&h the dates as a calendar file to the emails")
        self.email_calendar.setObjectName("export-email-calendar")
        self.email_calendar.setAccessibleName("Attach the dates as a calendar file to the emails")
        self.email_calendar.setToolTip("The email draft and the recap email carry a calendar "
                                       "file with the check-ins and the measures' dates, "
                                       "worded for your manager's calendar")
        self.email_calendar.setAccessibleDescription(self.email_calendar.toolTip())
        layout.addWidget(self.email_calendar)
        for button in self.buttons[3:6]:
            layout.addWidget(button)
        after = QLabel("After the meeting")
        after.setObjectName("after-meeting-heading")
        font = after.font()
        font.setBold(True)
        after.setFont(font)
        layout.addWidget(after)
        for button in self.buttons[6:]:
            layout.addWidget(button)
        self.busy = busy_bar("export-busy", "Exporting")
        layout.addWidget(self.busy)
        self.status = plain_label(name="export-status")
        self.status.setAccessibleName("Export status")
        layout.addWidget(self.status)

    @property
    def exporting(self) -> bool:
        return self._exporting

    def _dialogs(self):
        return self._wizard().dialogs

    def _export_draft(self, what: str):
        """The draft if it can be exported; otherwise say why (through the dialogs) and None."""
        from upskill_ask import drafts, views

        try:
            draft = self.store.draft()
        except drafts.DraftError as exc:
            self._dialogs().error(self, f"{what.capitalize()} cannot be made yet",
                                  "Some fields need fixing first:\n\n" + "\n".join(exc.lines()))
            return None
        missing = views.missing_for_export(draft)
        if missing:
            self._dialogs().error(
                self, f"{what.capitalize()} cannot be made yet",
                "A few things are missing first:\n\n"
                + "\n".join(f"{message} ({path})" for path, message in missing))
            return None
        return draft

    def _folder(self) -> Path:
        """Where the last export went, else beside the draft file, else the home folder."""
        if self._last_folder is not None:
            return self._last_folder
        path = getattr(self._wizard(), "path", None)
        return Path(path).parent if path else Path.home()

    def _ask_target(self, export: Export, draft) -> Path | None:
        suggested = self._folder() / renderjobs.default_name(export, draft)
        target = self._dialogs().save_path(self, export.title, str(suggested), export.filters)
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
            self.status.setText(f"{what.capitalize()} was not made.")
            self._dialogs().error(self, f"{what.capitalize()} could not be made",
                                  f"{what.capitalize()} could not be made: "
                                  f"{renderjobs.error_text(error)}",
                                  f"{type(error).__name__}: {error}")

        self.worker.submit(job, args, finish, keep=keep)

    def set_exporting(self, on: bool, text: str) -> None:
        self._exporting = on
        for button in (*self.buttons, self.email_calendar):
            button.setEnabled(not on)
        self.busy.setVisible(on)
        if text:
            self.status.setText(text)

    def _export_file(self, export: Export, then: Callable[[Path], None] | None = None) -> None:
        draft = self._export_draft(export.what)
        if draft is None:
            return
        target = self._ask_target(export, draft)
        if target is None:
            return

        def saved(path: Path) -> None:
            self._last_folder = path.parent
            self.status.setText(f"Saved {export.what} as {path}")
            if then is not None:
                then(path)

        self._run(f"Making {export.what}…", export.what, renderjobs.write_export,
                  (export, draft, target, self.email_calendar.isChecked()), saved)

    def export_proposal(self) -> None:
        self._export_file(PROPOSAL)

    def export_prep(self) -> None:
        self._export_file(PREP)

    def export_email(self) -> None:
        self._export_file(EMAIL, lambda path: self._open_email(path, "the proposal attached"))

    def export_calendar(self) -> None:
        self._export_file(CALENDAR)

    def export_recap(self) -> None:
        self._export_file(RECAP, lambda path: self._open_email(path, "what was agreed and the next dates"))

    def _open_email(self, path: Path, holding: str) -> None:
        if desktop.open_path(path):
            self.status.setText(f"The email draft is open in your mail program (saved as {path}).")
            return
        self._dialogs().info(
            self, "Email draft saved",
            f"No mail program could open the email draft here, so it is saved as:\n\n{path}\n\n"
            "Open that file with your mail program: it opens as a draft to your manager, with "
            f"{holding}, ready to send.")

    def open_in_viewer(self) -> None:
        draft = self._export_draft("the proposal")
        if draft is None:
            return
        if self._viewer_folder is None or not self._viewer_folder.is_dir():
            self._viewer_folder = Path(tempfile.mkdtemp(prefix="upskill-ask-"))
        target = self._viewer_folder / renderjobs.default_name(PROPOSAL, draft)

        def opened(path: Path) -> None:
            if desktop.open_path(path):
                self.status.setText(f"Opened the proposal in your PDF viewer ({path}).")
                return
            self.status.setText(f"The proposal is at {path}")
            self._dialogs().info(
                self, "The PDF viewer could not be opened",
                f"No PDF viewer could be opened here. The proposal is saved as a temporary copy:"
                f"\n\n{path}\n\nOpen it with any PDF viewer, or use Export proposal PDF… to keep "
                "a copy where you want it.")

        self._run("Making the proposal…", "the proposal",
                  renderjobs.write_export, (PROPOSAL, draft, target), opened)

    def print_proposal(self) -> None:
        draft = self._export_draft("the proposal")
        if draft is None:
            return
        self._run("Preparing the proposal for printing…", "the proposal",
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
                self.status.setText("Printing cancelled.")
                return
            printed = printing.print_pdf(pdf, printer)
        except printing.PrintError as exc:
            self._dialogs().error(self, "The proposal could not be printed", str(exc).capitalize() + ".")
            return
        self.status.setText(f"Sent {printed} page{'s' if printed != 1 else ''} to the printer.")
