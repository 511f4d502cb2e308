"""Unexpected exceptions in the GUI: logged with their traceback, shown in a dialog, survived.

Since PySide6 6.5 an exception in a slot is printed and swallowed; this hook makes it visible
to the user instead, and the app keeps running.
"""

from __future__ import annotations

import sys
import traceback
from collections.abc import Callable
from types import TracebackType

from upskill_ask import logs
from upskill_ask.i18n import _

_showing = False


def install(show: Callable[[str, str], None]) -> None:
    """Route uncaught exceptions to the log and to ``show(summary, details)``."""

    def hook(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
        global _showing
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, value, tb)
            return
        details = "".join(traceback.format_exception(kind, value, tb))
        # the message may quote what the user typed: the log gets the type and the stack only
        logs.LOGGER.error("unexpected %s\n%s", kind.__name__, "".join(traceback.format_tb(tb)))
        if _showing:  # an error while showing an error: the log has it
            return
        _showing = True
        try:
            show(_("Something went wrong: {error}. Your work is still here; saving it now is a "
                   "good idea.\n\nThe details are in {file}.").format(error=kind.__name__,
                                                                     file=logs.log_file()),
                 details)
        finally:
            _showing = False

    sys.excepthook = hook
