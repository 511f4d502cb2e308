"""What the export buttons do, minus the buttons: file names, the jobs run on the render thread,
and printing a finished PDF.

The documents themselves come from the core (``render``, ``mail``); files are written with
``drafts.write_atomic`` so a failed export never leaves half a file. The jobs run on the worker
thread and import the core lazily there.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from PySide6.QtPrintSupport import QPrinter

    from upskill_ask.model import Draft

PRINT_DPI = 300  # enough for text on paper; a 1200 dpi printer would need 140 MB per page


@dataclass(frozen=True)
class Export:
    """One kind of file the review page writes."""

    key: str
    prefix: str
    suffix: str
    title: str  # the file dialog's title
    filters: str
    what: str  # for messages: "the proposal"


PROPOSAL = Export("proposal", "Proposal", ".pdf", "Export the proposal",
                  "PDF documents (*.pdf);;All files (*)", "the proposal")
PREP = Export("prep", "Prep-sheet", ".pdf", "Export your private prep sheet",
              "PDF documents (*.pdf);;All files (*)", "the private prep sheet")
EMAIL = Export("email", "Proposal", ".eml", "Save the email draft",
               "Email drafts (*.eml);;All files (*)", "the email draft")


def file_stem(draft: Draft) -> str:
    """The skill as a safe file name part (the same rule as the email attachment's name)."""
    base = re.sub(r"[^\w\-]+", "-", (draft.skill.name or "development").strip()).strip("-")
    return base[:60] or "development"


def default_name(export: Export, draft: Draft) -> str:
    return f"{export.prefix}-{file_stem(draft)}{export.suffix}"


def with_suffix(path: Path, suffix: str) -> Path:
    """Add the expected extension when the user typed a bare name."""
    return path if path.suffix.lower() == suffix else path.with_name(path.name + suffix)


# --- jobs (run on the worker thread) ----------------------------------------------------------


def document_bytes(export: Export, draft: Draft) -> bytes:
    from upskill_ask import mail, render

    if export is PREP:
        return render.prep_pdf(draft)
    pdf = render.proposal_pdf(draft)
    if export is EMAIL:
        return mail.eml_bytes(draft, pdf)
    return pdf


def write_export(export: Export, draft: Draft, target: Path) -> Path:
    """Render and write one export atomically; returns the path written."""
    from upskill_ask import drafts

    data = document_bytes(export, draft)
    drafts.write_atomic(target, data)
    return target


def proposal_bytes(draft: Draft) -> bytes:
    from upskill_ask import render

    return render.proposal_pdf(draft)


# --- printing (UI thread) ---------------------------------------------------------------------


class PrintError(Exception):
    """The PDF could not be sent to the printer; the message is for the user."""


def pdf_page_count(pdf: bytes) -> int:
    document, _buffer = _load_pdf(pdf)
    return document.pageCount()


def _load_pdf(pdf: bytes) -> tuple[Any, Any]:
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice
    from PySide6.QtPdf import QPdfDocument

    buffer = QBuffer()
    buffer.setData(QByteArray(pdf))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document = QPdfDocument()
    document.load(buffer)
    if document.status() != QPdfDocument.Status.Ready:
        raise PrintError(f"the PDF could not be read for printing ({document.error().name})")
    return document, buffer  # the buffer must outlive the document's use


def print_pdf(pdf: bytes, printer: QPrinter) -> int:
    """Print the pages of a PDF (the range chosen in the print dialog) and return how many.

    QtPdf renders pages with a transparent background, so each page is composited on white
    paper before it is drawn; pages are scaled to fit the paper, keeping their proportions.
    """
    from PySide6.QtCore import QRectF, QSize, Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtPrintSupport import QPrinter as Printer

    document, _buffer = _load_pdf(pdf)
    count = document.pageCount()
    first, last = 1, count
    if printer.printRange() == Printer.PrintRange.PageRange and printer.fromPage() > 0:
        first, last = max(1, printer.fromPage()), min(count, printer.toPage() or count)
    pages = list(range(first - 1, last))
    if not pages:
        raise PrintError("there is no page to print in the chosen range")
    printer.setFullPage(True)  # the PDF carries its own margins
    dpi = min(printer.resolution(), PRINT_DPI)
    painter = QPainter()
    if not painter.begin(printer):
        raise PrintError("the printer could not be started")
    try:
        for number, page in enumerate(pages):
            if number and not printer.newPage():
                raise PrintError("the printer refused a new page")
            points = document.pagePointSize(page)
            size = QSize(max(1, round(points.width() * dpi / 72)), max(1, round(points.height() * dpi / 72)))
            paper = QImage(size, QImage.Format.Format_RGB32)
            paper.fill(Qt.GlobalColor.white)  # paper, not a UI colour
            ink = QPainter(paper)
            ink.drawImage(0, 0, document.render(page, size))
            ink.end()
            area = QRectF(painter.viewport())
            scale = min(area.width() / size.width(), area.height() / size.height())
            width, height = size.width() * scale, size.height() * scale
            target = QRectF(area.x() + (area.width() - width) / 2, area.y(), width, height)
            painter.drawImage(target, paper)
    finally:
        painter.end()
    return len(pages)
