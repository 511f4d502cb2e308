"""Handing files to the rest of the desktop: plain functions returning whether it worked.

Kept apart so tests (and headless runs) can replace them: ``QDesktopServices.openUrl`` returns
False when no handler exists, which is always the case without a desktop session. A False
result means "tell the user where the file is", never an error.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication


def _has_desktop() -> bool:
    # the offscreen and minimal platforms have no services: asking them only prints a warning
    return QGuiApplication.platformName() not in ("offscreen", "minimal", "")


def open_path(path: str | os.PathLike[str]) -> bool:
    """Open a file with the application the desktop associates with it (PDF viewer, mail client)."""
    if not _has_desktop():
        return False
    return bool(QDesktopServices.openUrl(QUrl.fromLocalFile(str(Path(path).resolve()))))

