"""A scripted stand-in for the app's dialog seam (upskill_ask.ui.dialogs.Dialogs)."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

from upskill_ask.ui.dialogs import Unsaved


class FakeDialogs:
    """Answers from scripted values and records every call as (method, text); errors and
    infos also as (title, text), the filters each save dialog offered, and the page count
    each print dialog was shown."""

    def __init__(self, *, open_path: Path | None = None, save_path: Path | None = None,
                 unsaved: Unsaved = Unsaved.DISCARD, restore: bool = True):
        self.open_answer = open_path
        self.save_answer = save_path
        self.unsaved_answer = unsaved
        self.restore_answer = restore
        #: the answer to "export anyway?" warnings (each recorded in ``warnings``)
        self.export_anyway = True
        self.warnings: list[tuple[str, str]] = []
        self.calls: list[tuple[str, Any]] = []
        #: answers for the next save dialogs, in order (then ``save_path``)
        self.paths: list[Path | None] = []
        self.save_filters: list[str] = []
        self.errors: list[tuple[str, str]] = []
        self.infos: list[tuple[str, str]] = []
        #: where the print dialog sends the pages (a PDF file); None: printing is cancelled
        self.print_to: Path | None = None
        self.print_pages: int | None = None

    def open_draft(self, parent, folder):
        self.calls.append(("open_draft", folder))
        return self.open_answer

    def save_path(self, parent, title, suggested, filters):
        self.calls.append(("save_path", suggested))
        self.save_filters.append(filters)
        return self.paths.pop(0) if self.paths else self.save_answer

    def error(self, parent, title, text, details=""):
        self.calls.append(("error", f"{title}: {text}"))
        self.errors.append((title, text))

    def info(self, parent, title, text):
        self.calls.append(("info", f"{title}: {text}"))
        self.infos.append((title, text))

    def ask_export_anyway(self, parent, title, text):
        self.calls.append(("ask_export_anyway", f"{title}: {text}"))
        self.warnings.append((title, text))
        return self.export_anyway

    def ask_unsaved(self, parent, name):
        self.calls.append(("ask_unsaved", name))
        return self.unsaved_answer

    def ask_restore(self, parent, description):
        self.calls.append(("ask_restore", description))
        return self.restore_answer

    def print_setup(self, parent, printer, pages):
        from PySide6.QtPrintSupport import QPrinter

        self.calls.append(("print_setup", pages))
        self.print_pages = pages
        if self.print_to is None:
            return False
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(self.print_to))
        return True

    def __getattr__(self, name):
        # methods added to the seam later answer "cancelled"
        def cancelled(*args, **kwargs):
            self.calls.append((name, ""))
            return None
        return cancelled

    def texts(self, kind: str) -> list[str]:
        return [text for method, text in self.calls if method == kind]


def read_only(monkeypatch, folder: Path) -> None:
    """Make a folder refuse new files, as a read-only mount does (chmod alone does not stop root)."""
    real = tempfile.mkstemp

    def refuse(*args, **kwargs):
        if Path(kwargs.get("dir") or ".").resolve() == folder.resolve():
            raise PermissionError(13, "Permission denied", str(folder))
        return real(*args, **kwargs)

    monkeypatch.setattr(tempfile, "mkstemp", refuse)


def go_to(wizard, page_id):
    """Walk the wizard with Next/Back, as a user would, to a page."""
    for _ in range(10):
        if wizard.currentId() == page_id:
            return
        if wizard.currentId() < page_id:
            wizard.next()
        else:
            wizard.back()
    assert wizard.currentId() == page_id


def type_text(widget, text: str) -> None:
    """Type any text into a widget as key events. QTest.keyClicks takes ASCII only (it aborts
    on '₹' or 'ö'): other characters arrive as key events carrying their text, as an input
    method sends them."""
    from PySide6.QtCore import QEvent, Qt
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    for char in text:
        if char.isascii():
            QTest.keyClicks(widget, char)
            continue
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, Qt.Key.Key_unknown,
                                                     Qt.KeyboardModifier.NoModifier, char))
