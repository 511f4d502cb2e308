"""The app's log: a rotating file in the user's log folder. It never holds draft contents,
only what happened (file names, error types), so it can be attached to a bug report."""

from __future__ import annotations

import logging

from upskill_ask.paths import log_dir

LOGGER = logging.getLogger("upskill_ask")
_handler: logging.Handler | None = None
_target = ""


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

    try:
        log_dir().mkdir(parents=True, exist_ok=True)
        handler: logging.Handler = logging.handlers.RotatingFileHandler(
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
