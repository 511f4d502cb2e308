"""Printing a finished PDF on the UI thread: QtPdf draws each page, composited on white paper,
and QPainter sends it to the printer the user set up.

Imported when the user prints, never at start-up (QtPdf and QtPrintSupport load then).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, QSize, Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter

from upskill_ask.i18n import _

PRINT_DPI = 300  # enough for text on paper; a 1200 dpi printer would need 140 MB per page


class PrintError(Exception):
    """The PDF could not be sent to the printer; the message is for the user."""


def pdf_page_count(pdf: bytes) -> int:
    document, _buffer = _load_pdf(pdf)
    return document.pageCount()


def _load_pdf(pdf: bytes) -> tuple[Any, Any]:
    buffer = QBuffer()
    buffer.setData(QByteArray(pdf))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document = QPdfDocument()
    document.load(buffer)
    if document.status() != QPdfDocument.Status.Ready:
        raise PrintError(_("the PDF could not be read for printing ({reason})").format(
            reason=document.error().name))
    return document, buffer  # the buffer must outlive the document's use


def print_pdf(pdf: bytes, printer: QPrinter) -> int:
    """Print the pages of a PDF (the range chosen in the print dialog) and return how many.

    QtPdf renders pages with a transparent background, so each page is composited on white
    paper before it is drawn; pages are scaled to fit the paper, keeping their proportions.
    """
    document, _buffer = _load_pdf(pdf)
    count = document.pageCount()
    first, last = 1, count
    if printer.printRange() == QPrinter.PrintRange.PageRange and printer.fromPage() > 0:
        first, last = max(1, printer.fromPage()), min(count, printer.toPage() or count)
    pages = list(range(first - 1, last))
    if not pages:
        raise PrintError(_("there is no page to print in the chosen range"))
    printer.setFullPage(True)  # the PDF carries its own margins
    dpi = min(printer.resolution(), PRINT_DPI)
    painter = QPainter()
    if not painter.begin(printer):
        raise PrintError(_("the printer could not be started"))
    try:
        for number, page in enumerate(pages):
            if number and not printer.newPage():
                raise PrintError(_("the printer refused a new page"))
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
