"""The review page's right half: the proposal as the manager will see it, in a PDF view, kept
up to date by a :class:`upskill_ask.ui.preview.PreviewRenderer` a moment after the typing stops.

QtPdf is imported the first time the panel is shown, never at start-up; WeasyPrint runs in the
render process. The page decides what to render (``show_draft``) and when the draft cannot be
rendered (``wait_for_fixes``); the panel decides when a refresh is due and shows the result.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt, QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from upskill_ask.i18n import _, ngettext
from upskill_ask.ui.preview import PreviewRenderer
from upskill_ask.ui.render_worker import RenderWorker
from upskill_ask.ui.widgets import busy_bar, plain_label

DEBOUNCE_MS = 200  # edits during a render: gathered this long after the first of them
LEADING_MS = 0  # the first edit after a quiet spell renders at once


class PreviewPanel(QWidget):
    """The live preview: caption, busy bar, status, problem line and the PDF view."""

    #: a refresh is due (the typing paused, or the panel was shown on a changed draft)
    refreshDue = Signal()

    def __init__(self, worker: RenderWorker, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("preview-panel")
        self.renderer = PreviewRenderer(worker, parent=self)
        self.renderer.pages_in_view = self.pages_in_view
        self.renderer.started.connect(self._started)
        self.renderer.partial.connect(self.show_pdf)
        self.renderer.finished.connect(self._finished)
        self.renderer.failed.connect(self._failed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        header = QHBoxLayout()
        self.caption = QLabel(_("Previe&w of the proposal"))
        font = self.caption.font()
        font.setBold(True)
        self.caption.setFont(font)
        header.addWidget(self.caption)
        header.addStretch(1)
        self.busy = busy_bar("preview-busy", _("Updating the preview"))
        self.busy.setMaximumWidth(self.fontMetrics().averageCharWidth() * 16)
        header.addWidget(self.busy)
        layout.addLayout(header)
        self.status = plain_label(_("The preview appears here."), "preview-status")
        self.status.setAccessibleName(_("Preview status"))
        layout.addWidget(self.status)
        self.error = plain_label(name="preview-error")
        self.error.setAccessibleName(_("Preview problem"))
        self.error.hide()
        layout.addWidget(self.error)
        self._placeholder: QWidget | None = QWidget()
        self._placeholder.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        layout.addWidget(self._placeholder, 1)
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 45)

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(DEBOUNCE_MS)
        self._debounce.timeout.connect(self.refreshDue)
        self._stale = True
        self._previewed: Any = None  # what the preview on screen (or being made) was made from
        #: the draft lacks something for export: the status line says so
        self.incomplete = False
        self.document: Any = None  # the QPdfDocument shown (None before the panel was shown)
        self._buffer: QBuffer | None = None
        self.view: Any = None

    def _ensure_view(self) -> None:
        """Create the PDF view the first time the panel is shown (QtPdf loads only then)."""
        if self.view is not None:
            return
        from PySide6.QtPdf import QPdfDocument
        from PySide6.QtPdfWidgets import QPdfView

        self.document = QPdfDocument(self)
        self.view = QPdfView(self)
        self.view.setObjectName("proposal-preview")
        self.view.setAccessibleName(_("Preview of the proposal"))
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.view.setDocument(self.document)
        self.caption.setBuddy(self.view)
        self.layout().replaceWidget(self._placeholder, self.view)
        self._placeholder.deleteLater()
        self._placeholder = None

    # --- when to refresh -----------------------------------------------------------------

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self._ensure_view()
        if self._stale or self._debounce.isActive():
            self.refreshDue.emit()

    def hideEvent(self, event) -> None:
        super().hideEvent(event)
        if self._debounce.isActive():
            self._debounce.stop()
            self._stale = True

    def draft_replaced(self) -> None:
        """Another draft: where its parts fall is not known yet."""
        self.renderer.forget_layout()
        self.draft_changed()

    def draft_changed(self) -> None:
        if not self.isVisible():
            # edits on other pages may move every page break: lay the proposal out whole
            self.renderer.forget_layout()
            self._stale = True
            return
        # the first edit after a pause starts a render straight away; edits that follow while
        # it runs gather into one more render DEBOUNCE_MS later. A render already due is never
        # pushed back: a steady typist whose keys come faster than a render still sees the
        # page follow, at most DEBOUNCE_MS behind, instead of only once they stop.
        if self._debounce.isActive():
            return
        quiet = not self.renderer.rendering
        self._debounce.start(LEADING_MS if quiet else DEBOUNCE_MS)

    def wait_for_fixes(self, problems: list[str]) -> None:
        """The draft cannot be rendered: drop what was asked and say which fields wait."""
        self._settle()
        self.renderer.cancel()
        self._previewed = None
        self.busy.hide()
        self.error.setText(_("The preview waits for these fields to be fixed: {problems}").format(
            problems="; ".join(problems)))
        self.error.show()

    def show_draft(self, draft: Any, source: Any, *, only_if_changed: bool = False) -> None:
        """Render ``draft`` (``source``: what its proposal is made from), unless
        ``only_if_changed`` and the proposal would come out the same as the one shown."""
        self._settle()
        if only_if_changed and source == self._previewed:
            return  # an edit to the email or the private notes: the proposal is the same
        self._previewed = source
        self.renderer.request(draft)

    def _settle(self) -> None:
        self._debounce.stop()
        self._stale = False

    @property
    def busy_now(self) -> bool:
        """A preview is due or rendering."""
        return self._debounce.isActive() or self.renderer.busy

    # --- showing -------------------------------------------------------------------------

    def _started(self) -> None:
        self.busy.show()
        self.status.setText(_("Updating preview…"))

    def _finished(self, pdf: bytes) -> None:
        self.busy.hide()
        self.error.hide()
        self.show_pdf(pdf)
        pages = self.document.pageCount() if self.document is not None else 0
        status = ngettext("{n} page, as your manager will see it.",
                          "{n} pages, as your manager will see it.", pages).format(n=pages)
        if self.incomplete:
            status += " " + _("Incomplete: see what is missing on the left.")
        self.status.setText(status)

    def _failed(self, message: str) -> None:
        self._previewed = None  # the next look or edit tries again
        self.busy.hide()
        self.status.setText(_("The preview is not up to date."))
        self.error.setText(_("The preview could not be made: {reason}").format(reason=message))
        self.error.show()

    def show_pdf(self, pdf: bytes) -> None:
        """Show new PDF bytes in the view, keeping the reader's place."""
        self._ensure_view()
        bar = self.view.verticalScrollBar()
        position = bar.value()
        buffer = QBuffer(self)
        buffer.setData(QByteArray(pdf))
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document.load(buffer)  # closes the previous document first
        if self._buffer is not None:
            self._buffer.close()
            self._buffer.deleteLater()
        self._buffer = buffer
        if position:
            QTimer.singleShot(0, lambda: self.view is not None and bar.setValue(position))

    def pages_in_view(self) -> tuple[int, int] | None:
        """The first and last page of the preview that show in the view (counted from 1), or
        None before there is one. The pages share one size (the proposal's paper), so where
        each one is follows from the scroll range, the margins and the spacing."""
        if self.view is None or self.document is None:
            return None
        pages = self.document.pageCount()
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

    def shutdown(self) -> None:
        """No refresh is left due and no render running."""
        self._debounce.stop()
        self.renderer.shutdown()
