"""What the export buttons do, minus the buttons: file names, the jobs that make the files, and
printing a finished PDF.

The documents themselves come from the core (``render``, ``mail``); files are written with
``drafts.write_atomic`` so a failed export never leaves half a file. The jobs run in the render
process (see :mod:`upskill_ask.ui.preview`), so this module must import no Qt at module level:
only the printing functions, which run on the UI thread, import Qt, inside themselves.
"""

from __future__ import annotations

import contextlib
import gc
import importlib
import os
import pickle
import signal
import struct
import sys
import time
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from PySide6.QtPrintSupport import QPrinter

    from upskill_ask.model import Draft
    from upskill_ask.pagemap import PageMap, Preview

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


PROPOSAL = Export("proposal", "", ".pdf", "Export the proposal",
                  "PDF documents (*.pdf);;All files (*)", "the proposal")
PREP = Export("prep", "Prep-sheet-", ".pdf", "Export your private prep sheet",
              "PDF documents (*.pdf);;All files (*)", "the private prep sheet")
EMAIL = Export("email", "", ".eml", "Save the email draft",
               "Email drafts (*.eml);;All files (*)", "the email draft")


def default_name(export: Export, draft: Draft) -> str:
    from upskill_ask import filenames  # the attachment's rule too, so the names match

    return f"{export.prefix}{filenames.for_draft(draft)}{export.suffix}"


def with_suffix(path: Path, suffix: str) -> Path:
    """Add the expected extension when the user typed a bare name."""
    return path if path.suffix.lower() == suffix else path.with_name(path.name + suffix)


# --- jobs (run in the render process, or on the render thread) ---------------------------------


def document_bytes(export: Export, draft: Draft) -> bytes:
    from upskill_ask import mail, render

    if export.key == PREP.key:  # compared by key: the export may arrive pickled, as a copy
        return render.prep_pdf(draft)
    pdf = render.proposal_pdf(draft)
    if export.key == EMAIL.key:
        return mail.eml_bytes(draft, pdf)
    return pdf


def write_export(export: Export, draft: Draft, target: Path) -> Path:
    """Render and write one export atomically; returns the path written."""
    from upskill_ask import drafts

    data = document_bytes(export, draft)
    drafts.write_atomic(target, data, private=export.key == PREP.key)
    return target


def proposal_bytes(draft: Draft) -> bytes:
    from upskill_ask import render

    return render.proposal_pdf(draft)


def timed_preview(draft: Draft, in_view: tuple[int, int] | None = None,
                  page_map: PageMap | None = None) -> Preview:
    """The proposal for the live preview (only the pages ``in_view`` need, when an earlier
    full layout tells where they are: see ``render.proposal_preview``), timed."""
    from upskill_ask import render

    began = time.perf_counter()
    preview = render.proposal_preview(draft, in_view=in_view, page_map=page_map)
    return replace(preview, seconds=time.perf_counter() - began)


# --- the render process -----------------------------------------------------------------------

_HEADER = struct.Struct(">Q")


def _read_exact(stream: Any, size: int) -> bytes | None:
    data = b""
    while len(data) < size:
        chunk = stream.read(size - len(data))
        if not chunk:
            return None
        data += chunk
    return data


def serve() -> None:
    """The render process: run job requests from stdin, one at a time, answers on stdout.

    A frame is an 8-byte big-endian length and a pickle. Requests are
    ``(module, function name, args)``; answers ``("ready", None)`` once at start, then per
    request ``("ok", result)``, ``("oserror", (errno, strerror, filename))`` or
    ``("error", (type name, message))``. Both ends are this app; nothing from outside is
    unpickled. The process ends when stdin closes (the app quit or died).
    """
    answers = os.fdopen(os.dup(sys.stdout.fileno()), "wb")
    os.dup2(sys.stderr.fileno(), sys.stdout.fileno())  # stray prints never corrupt the answers
    sys.stdout = sys.stderr
    with contextlib.suppress(ValueError, OSError, AttributeError):
        signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl+C in a terminal is for the app

    def send(answer: tuple[str, Any]) -> None:
        payload = pickle.dumps(answer, protocol=pickle.HIGHEST_PROTOCOL)
        answers.write(_HEADER.pack(len(payload)) + payload)
        answers.flush()

    send(("ready", None))
    requests = sys.stdin.buffer
    while True:
        header = _read_exact(requests, _HEADER.size)
        if header is None:
            return
        payload = _read_exact(requests, _HEADER.unpack(header)[0])
        if payload is None:
            return
        # A render builds tens of thousands of objects; the cyclic collector running in the
        # middle of it costs about a quarter of the time. Collect once the answer is sent.
        gc.disable()
        try:
            module, name, args = pickle.loads(payload)
            function = importlib.import_module(module)
            for part in name.split("."):
                function = getattr(function, part)
            answer: tuple[str, Any] = ("ok", function(*args))
        except OSError as exc:
            answer = ("oserror", (exc.errno, exc.strerror or str(exc), exc.filename))
        except Exception as exc:
            answer = ("error", (type(exc).__name__, str(exc)))
        try:
            send(answer)
        except (BrokenPipeError, ConnectionError):
            return  # the app is gone: nothing to answer to
        except Exception as exc:  # an answer that cannot be pickled
            send(("error", (type(exc).__name__, str(exc))))
        finally:
            gc.enable()
            gc.collect()
            gc.freeze()  # what survives is long-lived: later collections need not scan it


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
