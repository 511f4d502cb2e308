"""Page 8, "Review and export": the last words, a live preview of the proposal, and the exports.

Left: the proposal title and the covering email, a short summary of what is still missing
(each item links to its field), and the export buttons. Right: the proposal as the manager will
see it, rendered by the core off the UI thread a moment after the typing stops.

QtPdf is imported the first time the page is shown, never at start-up; WeasyPrint is imported
by the render thread. Every question goes through ``wizard.dialogs``; opening files with the
desktop goes through :mod:`upskill_ask.ui.desktop`.
"""

from __future__ import annotations

import html
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt, QTimer
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from upskill_ask.ui import desktop, exporting
from upskill_ask.ui.pages.base import DraftPage, PageId
from upskill_ask.ui.preview import PreviewRenderer, RenderWorker, error_text
from upskill_ask.ui.widgets import Binder, plain_label

DEBOUNCE_MS = 200  # while the user keeps typing, wait this long after the last key
LEADING_MS = 0  # the first edit after a quiet spell renders at once
SECTION_PAGES = {"title": PageId.REVIEW, "email": PageId.REVIEW, "person": PageId.PEOPLE,
                 "manager": PageId.PEOPLE, "timing": PageId.PEOPLE, "skill": PageId.SKILL,
                 "options": PageId.OPTIONS, "plan": PageId.PLAN, "objections": PageId.QUESTIONS,
                 "private": PageId.PRIVATE}


def _busy_bar(name: str, accessible: str) -> QProgressBar:
    bar = QProgressBar()
    bar.setObjectName(name)
    bar.setAccessibleName(accessible)
    bar.setRange(0, 0)  # indeterminate
    bar.setTextVisible(False)
    bar.setMaximumHeight(bar.fontMetrics().height())
    policy = bar.sizePolicy()
    policy.setRetainSizeWhenHidden(True)  # showing it never moves the rest of the page
    bar.setSizePolicy(policy)
    bar.hide()
    return bar


class ReviewPage(DraftPage):
    def __init__(self, binder: Binder, wizard=None):
        self._wizard = wizard
        super().__init__(binder)

    # --- building ------------------------------------------------------------------------

    def build(self) -> None:
        self.setTitle("Review and export")
        self.setSubTitle("Check the proposal as your manager will see it, then export it, "
                         "email it or print it.")
        form = self.form()
        form.line("title", "Proposal &title", hint="shown at the top of the proposal")
        form.line("email.subject", "Email s&ubject", hint="left empty, a subject is written for you")
        form.text("email.message", "Email &message",
                  hint="left empty, a short covering note is written from your proposal")

        self.worker = RenderWorker(self)
        self.renderer = PreviewRenderer(self.worker, parent=self)
        self.renderer.pages_in_view = self.pages_in_view
        self.renderer.started.connect(self._preview_started)
        self.renderer.partial.connect(self.show_pdf)
        self.renderer.finished.connect(self._preview_finished)
        self.renderer.failed.connect(self._preview_failed)

        self._build_summary()
        self._build_exports()
        self.body_layout.addStretch(1)
        self._build_preview_panel()

        # the form, summary and buttons scroll on the left; the preview fills the right
        outer = self.layout()
        index = outer.indexOf(self.scroll)
        outer.removeWidget(self.scroll)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("review-splitter")
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self.scroll)
        self.splitter.addWidget(self.preview_panel)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)
        outer.insertWidget(index, self.splitter, 1)
        self.scroll.setMinimumWidth(self.fontMetrics().averageCharWidth() * 40)

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(DEBOUNCE_MS)
        self._debounce.timeout.connect(self._refresh_if_changed)
        self._stale = True
        self._previewed: Any = None  # what the preview on screen (or being made) was made from
        self._exporting = False
        self._viewer_folder: Path | None = None
        self._last_folder: Path | None = None
        self._pdf_document: Any = None
        self._pdf_buffer: QBuffer | None = None
        self.view: Any = None
        self.store.changed.connect(self._on_changed)
        self.store.reset.connect(self._on_reset)

    def _build_summary(self) -> None:
        box = QGroupBox("Ready to export?")
        box.setObjectName("review-summary")
        layout = QVBoxLayout(box)
        self.summary = plain_label(name="summary-text")
        self.summary.setAccessibleName("Summary")
        layout.addWidget(self.summary)
        self.missing_list = QLabel()
        self.missing_list.setObjectName("missing-for-export")
        self.missing_list.setAccessibleName("What is still missing")
        self.missing_list.setWordWrap(True)
        self.missing_list.setTextFormat(Qt.TextFormat.RichText)
        self.missing_list.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByMouse
                                                  | Qt.TextInteractionFlag.LinksAccessibleByKeyboard)
        self.missing_list.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.missing_list.setToolTip("Follow a link to go to that field")
        self.missing_list.linkActivated.connect(self.go_to_field)
        self.missing_list.hide()
        layout.addWidget(self.missing_list)
        self.body_layout.addWidget(box)

    def _button(self, text: str, name: str, slot: Callable[[], None], tip: str) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        button.setAccessibleName(text.replace("&", "").rstrip("…"))
        button.setToolTip(tip)
        button.setAccessibleDescription(tip)
        button.setAutoDefault(False)
        button.clicked.connect(lambda _checked=False: slot())
        return button

    def _build_exports(self) -> None:
        box = QGroupBox("Export")
        box.setObjectName("review-exports")
        layout = QVBoxLayout(box)
        self.export_proposal_button = self._button(
            "Export &proposal PDF…", "export-proposal", self.export_proposal,
            "Save the proposal for your manager as a PDF")
        self.export_prep_button = self._button(
            "Export p&rep sheet PDF…", "export-prep", self.export_prep,
            "Private: save your prep sheet (objection cards, walk-away point) for yourself only")
        self.email_button = self._button(
            "&Email draft…", "export-email", self.export_email,
            "Save an email to your manager with the proposal attached, and open it in your mail "
            "program")
        self.print_button = self._button(
            "Pr&int…", "print-proposal", self.print_proposal, "Print the proposal")
        self.viewer_button = self._button(
            "Open in PDF &viewer", "open-viewer", self.open_in_viewer,
            "Open the proposal in your PDF viewer (from a temporary copy)")
        self.export_buttons = (self.export_proposal_button, self.export_prep_button,
                               self.email_button, self.print_button, self.viewer_button)
        for button in self.export_buttons[:2]:
            layout.addWidget(button)
        private = plain_label("The prep sheet is private: it holds what you entered on the "
                               "Private prep page and is never part of the proposal or the email.",
                               "prep-private-note")
        layout.addWidget(private)
        for button in self.export_buttons[2:]:
            layout.addWidget(button)
        self.export_busy = _busy_bar("export-busy", "Exporting")
        layout.addWidget(self.export_busy)
        self.export_status = plain_label(name="export-status")
        self.export_status.setAccessibleName("Export status")
        layout.addWidget(self.export_status)
        self.body_layout.addWidget(box)

    def _build_preview_panel(self) -> None:
        self.preview_panel = QWidget()
        self.preview_panel.setObjectName("preview-panel")
        layout = QVBoxLayout(self.preview_panel)
        layout.setContentsMargins(0, 0, 0, 0)
        header = QHBoxLayout()
        self.preview_caption = QLabel("Previe&w of the proposal")
        font = self.preview_caption.font()
        font.setBold(True)
        self.preview_caption.setFont(font)
        header.addWidget(self.preview_caption)
        header.addStretch(1)
        self.preview_busy = _busy_bar("preview-busy", "Updating the preview")
        self.preview_busy.setMaximumWidth(self.fontMetrics().averageCharWidth() * 16)
        header.addWidget(self.preview_busy)
        layout.addLayout(header)
        self.preview_status = plain_label("The preview appears here.", "preview-status")
        self.preview_status.setAccessibleName("Preview status")
        layout.addWidget(self.preview_status)
        self.preview_error = plain_label(name="preview-error")
        self.preview_error.setAccessibleName("Preview problem")
        self.preview_error.hide()
        layout.addWidget(self.preview_error)
        self.preview_placeholder = QWidget()
        self.preview_placeholder.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        layout.addWidget(self.preview_placeholder, 1)
        self.preview_panel.setMinimumWidth(self.fontMetrics().averageCharWidth() * 45)

    def _ensure_view(self) -> None:
        """Create the PDF view the first time the page is shown (QtPdf loads only then)."""
        if self.view is not None:
            return
        from PySide6.QtPdf import QPdfDocument
        from PySide6.QtPdfWidgets import QPdfView

        self._pdf_document = QPdfDocument(self)
        self.view = QPdfView(self.preview_panel)
        self.view.setObjectName("proposal-preview")
        self.view.setAccessibleName("Preview of the proposal")
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.view.setDocument(self._pdf_document)
        self.preview_caption.setBuddy(self.view)
        layout = self.preview_panel.layout()
        layout.replaceWidget(self.preview_placeholder, self.view)
        self.preview_placeholder.deleteLater()
        self.preview_placeholder = None

    # --- when to refresh -----------------------------------------------------------------

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self._ensure_view()
        if self._stale or self._debounce.isActive():
            self._refresh_if_changed()

    def hideEvent(self, event) -> None:
        super().hideEvent(event)
        if self._debounce.isActive():
            self._debounce.stop()
            self._stale = True

    def _on_reset(self) -> None:
        self.renderer.forget_layout()  # another draft: where its parts fall is not known yet
        self._on_changed()

    def _on_changed(self, _path: str = "") -> None:
        if not self.isVisible():
            # edits on other pages may move every page break: lay the proposal out whole
            self.renderer.forget_layout()
            self._stale = True
            return
        # the first edit after a pause starts a render straight away; edits that follow while
        # it runs (or while waiting) push the next render to DEBOUNCE_MS after the last one
        quiet = not self._debounce.isActive() and not self.renderer.rendering
        self._debounce.start(LEADING_MS if quiet else DEBOUNCE_MS)

    def _refresh_if_changed(self) -> None:
        self.refresh(only_if_changed=True)

    def refresh(self, *, only_if_changed: bool = False) -> None:
        """Update the summary and render the preview from the draft as it stands now
        (``only_if_changed``: unless the proposal would come out the same as the one shown)."""
        from upskill_ask import drafts, model

        self._debounce.stop()
        self._stale = False
        try:
            draft = self.store.draft()
        except drafts.DraftError as exc:
            self.renderer.cancel()
            self._previewed = None
            self._show_problems("Some fields need fixing before the proposal can be made:",
                                exc.problems)
            self.preview_busy.hide()
            self.preview_error.setText("The preview waits for these fields to be fixed: "
                                       + "; ".join(exc.lines()))
            self.preview_error.show()
            return
        missing = model.missing_for_export(draft)
        if missing:
            self._show_problems("Before you export, fill in:", missing)
        else:
            self._show_ready(draft)
        source = model.proposal_source(draft)
        if only_if_changed and source == self._previewed:
            return  # an edit to the email or the private notes: the proposal is the same
        self._previewed = source
        self.renderer.request(draft)

    def _show_problems(self, heading: str, problems: list[tuple[str, str]]) -> None:
        self.summary.setText(heading)
        items = "".join(
            f'<li><a href="{html.escape(path, quote=True)}">{html.escape(message)}</a> '
            f"<code>{html.escape(path)}</code></li>" for path, message in problems)
        self.missing_list.setText(f"<ul style='margin-left: 0'>{items}</ul>")
        self.missing_list.show()

    def _show_ready(self, draft) -> None:
        options = len(draft.options)
        first = draft.options[0]
        choice = first.title or first.kind.label
        to = draft.manager.name + (f" ({draft.manager.title})" if draft.manager.title else "")
        self.summary.setText(
            f"Ready: “{draft.proposal_title()}”, addressed to {to}, with "
            f"{options} option{'s' if options != 1 else ''} (first choice: {choice}) and "
            f"{len(draft.objections)} anticipated question{'s' if len(draft.objections) != 1 else ''}.")
        self.missing_list.clear()
        self.missing_list.hide()

    def go_to_field(self, path: str) -> None:
        """Show the page that holds a field and put the cursor in it."""
        wizard = self._wizard
        if wizard is None:
            return
        if wizard.findChild(QWidget, path) is not None:
            wizard.focus_field(path)
            return
        target = SECTION_PAGES.get(path.split(".", 1)[0])
        if target is None:
            return
        while wizard.currentId() > target:
            before = wizard.currentId()
            wizard.back()
            if wizard.currentId() == before:
                break

    # --- the preview ---------------------------------------------------------------------

    def _preview_started(self) -> None:
        self.preview_busy.show()
        self.preview_status.setText("Updating preview…")

    def _preview_finished(self, pdf: bytes) -> None:
        self.preview_busy.hide()
        self.preview_error.hide()
        self.show_pdf(pdf)
        pages = self._pdf_document.pageCount() if self._pdf_document is not None else 0
        status = f"{pages} page{'s' if pages != 1 else ''}, as your manager will see it."
        if self.missing_list.isVisible():
            status += " Incomplete: see what is missing on the left."
        self.preview_status.setText(status)

    def _preview_failed(self, message: str) -> None:
        self._previewed = None  # the next look or edit tries again
        self.preview_busy.hide()
        self.preview_status.setText("The preview is not up to date.")
        self.preview_error.setText(f"The preview could not be made: {message}")
        self.preview_error.show()

    def show_pdf(self, pdf: bytes) -> None:
        """Show new PDF bytes in the view, keeping the reader's place."""
        self._ensure_view()
        bar = self.view.verticalScrollBar()
        position = bar.value()
        buffer = QBuffer(self)
        buffer.setData(QByteArray(pdf))
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self._pdf_document.load(buffer)  # closes the previous document first
        if self._pdf_buffer is not None:
            self._pdf_buffer.close()
            self._pdf_buffer.deleteLater()
        self._pdf_buffer = buffer
        if position:
            QTimer.singleShot(0, lambda: self.view is not None and bar.setValue(position))

    def pages_in_view(self) -> tuple[int, int] | None:
        """The first and last page of the preview that show in the view (counted from 1), or
        None before there is one. The pages share one size (the proposal's paper), so where
        each one is follows from the scroll range, the margins and the spacing."""
        if self.view is None or self._pdf_document is None:
            return None
        pages = self._pdf_document.pageCount()
        if pages < 1:
            return None
        bar = self.view.verticalScrollBar()
        margins = self.view.documentMargins()
        spacing = self.view.pageSpacing()
        height = bar.maximum() + bar.pageStep()  # the whole column of pages, in pixels
        pitch = (height - margins.top() - margins.bottom() + spacing) / pages  # a page and a gap
        if pitch <= spacing:
            return None
        top = bar.value() - margins.top()
        bottom = top + self.view.viewport().height() - 1

        def page_at(y: float) -> int:
            return max(1, min(pages, int(y // pitch) + 1))

        return page_at(top), page_at(bottom)

    def is_busy(self) -> bool:
        """A preview is due or rendering, or an export is running (scripts wait on this)."""
        return self._debounce.isActive() or self.renderer.busy or self._exporting

    @property
    def pdf_document(self):
        """The QPdfDocument shown (None before the page was first shown)."""
        return self._pdf_document

    # --- exports -------------------------------------------------------------------------

    def _dialogs(self):
        return self._wizard.dialogs

    def _export_draft(self, what: str):
        """The draft if it can be exported; otherwise say why (through the dialogs) and None."""
        from upskill_ask import drafts, model

        try:
            draft = self.store.draft()
        except drafts.DraftError as exc:
            self._dialogs().error(self, f"{what.capitalize()} cannot be made yet",
                                  "Some fields need fixing first:\n\n" + "\n".join(exc.lines()))
            return None
        missing = model.missing_for_export(draft)
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
        path = getattr(self._wizard, "path", None)
        return Path(path).parent if path else Path.home()

    def _ask_target(self, export: exporting.Export, draft) -> Path | None:
        suggested = self._folder() / exporting.default_name(export, draft)
        target = self._dialogs().save_path(self, export.title, str(suggested), export.filters)
        return exporting.with_suffix(Path(target), export.suffix) if target else None

    def _run(self, busy_text: str, what: str, job: Callable[..., Any], args: tuple[Any, ...],
             done: Callable[[Any], None], *, keep: bool = True) -> None:
        """Run a job on the render worker with the export buttons disabled; errors to a dialog.

        ``keep``: a file being written, which closing the app waits for.
        """
        self._set_exporting(True, busy_text)

        def finish(result: Any, error: BaseException | None) -> None:
            self._set_exporting(False, "")
            if error is None:
                done(result)
                return
            self.export_status.setText(f"{what.capitalize()} was not made.")
            self._dialogs().error(self, f"{what.capitalize()} could not be made",
                                  f"{what.capitalize()} could not be made: {error_text(error)}",
                                  f"{type(error).__name__}: {error}")

        self.worker.submit(job, args, finish, keep=keep)

    def _set_exporting(self, on: bool, text: str) -> None:
        self._exporting = on
        for button in self.export_buttons:
            button.setEnabled(not on)
        self.export_busy.setVisible(on)
        if text:
            self.export_status.setText(text)

    @property
    def exporting(self) -> bool:
        return self._exporting

    def _export_file(self, export: exporting.Export, then: Callable[[Path], None] | None = None) -> None:
        draft = self._export_draft(export.what)
        if draft is None:
            return
        target = self._ask_target(export, draft)
        if target is None:
            return

        def saved(path: Path) -> None:
            self._last_folder = path.parent
            self.export_status.setText(f"Saved {export.what} as {path}")
            if then is not None:
                then(path)

        self._run(f"Making {export.what}…", export.what,
                  exporting.write_export, (export, draft, target), saved)

    def export_proposal(self) -> None:
        self._export_file(exporting.PROPOSAL)

    def export_prep(self) -> None:
        self._export_file(exporting.PREP)

    def export_email(self) -> None:
        self._export_file(exporting.EMAIL, self._open_email)

    def _open_email(self, path: Path) -> None:
        if desktop.open_path(path):
            self.export_status.setText(f"The email draft is open in your mail program (saved as {path}).")
            return
        self._dialogs().info(
            self, "Email draft saved",
            f"No mail program could open the email draft here, so it is saved as:\n\n{path}\n\n"
            "Open that file with your mail program: it opens as a draft to your manager, with "
            "the proposal attached, ready to send.")

    def open_in_viewer(self) -> None:
        draft = self._export_draft("the proposal")
        if draft is None:
            return
        if self._viewer_folder is None or not self._viewer_folder.is_dir():
            self._viewer_folder = Path(tempfile.mkdtemp(prefix="upskill-ask-"))
        target = self._viewer_folder / exporting.default_name(exporting.PROPOSAL, draft)

        def opened(path: Path) -> None:
            if desktop.open_path(path):
                self.export_status.setText(f"Opened the proposal in your PDF viewer ({path}).")
                return
            self.export_status.setText(f"The proposal is at {path}")
            self._dialogs().info(
                self, "The PDF viewer could not be opened",
                f"No PDF viewer could be opened here. The proposal is saved as a temporary copy:"
                f"\n\n{path}\n\nOpen it with any PDF viewer, or use Export proposal PDF… to keep "
                "a copy where you want it.")

        self._run("Making the proposal…", "the proposal",
                  exporting.write_export, (exporting.PROPOSAL, draft, target), opened)

    def print_proposal(self) -> None:
        draft = self._export_draft("the proposal")
        if draft is None:
            return
        self._run("Preparing the proposal for printing…", "the proposal",
                  exporting.proposal_bytes, (draft,),
                  lambda pdf: self._print_pdf(pdf, exporting.default_name(exporting.PROPOSAL, draft)),
                  keep=False)

    def _print_pdf(self, pdf: bytes, name: str) -> None:
        from PySide6.QtPrintSupport import QPrinter

        try:
            pages = exporting.pdf_page_count(pdf)
            printer = QPrinter(QPrinter.PrinterMode.HighResolution)
            printer.setDocName(name)
            if not self._dialogs().print_setup(self, printer, pages):
                self.export_status.setText("Printing cancelled.")
                return
            printed = exporting.print_pdf(pdf, printer)
        except exporting.PrintError as exc:
            self._dialogs().error(self, "The proposal could not be printed", str(exc).capitalize() + ".")
            return
        self.export_status.setText(f"Sent {printed} page{'s' if printed != 1 else ''} to the printer.")

    # --- closing -------------------------------------------------------------------------

    def shutdown(self) -> None:
        """Stop the render thread (waits for a render in progress) before the app closes."""
        self._debounce.stop()
        self.renderer.shutdown()
        self.worker.shutdown()
        self._set_exporting(False, "")
