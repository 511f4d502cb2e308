"""The app's log: a rotating file in the user's log folder. It never holds draft contents,
only what happened (file names, error types), so it can be attached to a bug report.

A hard crash (the interpreter aborting inside Qt) cannot be logged by Python code, so
``faulthandler`` writes its stack to ``crash.log`` beside the log, and each session leaves a
marker that a clean exit removes: the next start can tell the user the app closed unexpectedly.
"""

from __future__ import annotations

import contextlib
import logging
import os
from pathlib import Path

from upskill_ask.paths import log_dir, private_folder

LOGGER = logging.getLogger("upskill_ask")
_handler: logging.Handler | None = None
_target = ""
_crash_file = None


def _private_open(path: str, mode: str, encoding: str | None = None):
    """Open a log file for appending, created readable by the user alone."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
    return open(fd, mode, encoding=encoding)


def setup() -> None:
    """Send the app's log records to upskill-ask.log (1 MB x 3 files). Safe to call again:
    it only changes anything when the log folder did."""
    global _handler, _target
    target = log_file()
    if _handler is not None and target == _target:
        return
    if _handler is not None:
        LOGGER.removeHandler(_handler)
        _handler.close()
    import logging.handlers  # here, not at start-up: it pulls in sockets and pickling

    class PrivateRotatingFileHandler(logging.handlers.RotatingFileHandler):
        def _open(self):
            return _private_open(self.baseFilename, self.mode, self.encoding)

    try:
        private_folder(log_dir())
        handler: logging.Handler = PrivateRotatingFileHandler(
            target, maxBytes=1_000_000, backupCount=3, encoding="utf-8")
    except OSError:
        handler = logging.NullHandler()  # a read-only home must not stop the app
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    LOGGER.addHandler(handler)
    LOGGER.setLevel(logging.INFO)
    LOGGER.propagate = False
    _handler, _target = handler, target


def log_file() -> str:
    return str(log_dir() / "upskill-ask.log")


def crash_file() -> Path:
    return log_dir() / "crash.log"


def _markers() -> Path:
    return log_dir() / "sessions"


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # it exists but is not ours
        return True
    return True


def begin_session() -> bool:
    """Arm the crash log and mark this session as running. True when an earlier session
    ended without closing properly (its marker is still there and its process is gone)."""
    global _crash_file
    import faulthandler
    import time

    crashed = False
    try:
        folder = private_folder(_markers())
        for marker in folder.glob("*.running"):
            pid = int(marker.stem) if marker.stem.isdigit() else 0
            if pid != os.getpid() and not _alive(pid):
                crashed = True
                marker.unlink(missing_ok=True)
        (folder / f"{os.getpid()}.running").touch(mode=0o600)
        if _crash_file is None:
            _crash_file = _private_open(str(crash_file()), "a", "utf-8")
            _crash_file.write(f"--- session {os.getpid()} started {time.strftime('%Y-%m-%d %H:%M:%S')}\n")
            _crash_file.flush()
            faulthandler.enable(_crash_file)
    except OSError as exc:
        LOGGER.warning("crash log not armed: %s", exc.strerror)
    if crashed:
        LOGGER.warning("the previous session ended without closing properly")
    return crashed


def end_session() -> None:
    """A clean exit: the next start will not report a crash."""
    with contextlib.suppress(OSError):
        (_markers() / f"{os.getpid()}.running").unlink(missing_ok=True)
