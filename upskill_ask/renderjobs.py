"""The render process and its jobs: the kinds of file the app exports, the functions that make
them, the protocol between the app and the process that runs them, and the one sentence a
failed job comes back as.

The app's :class:`upskill_ask.ui.render_worker.RenderWorker` starts ``python -c`` running
:func:`serve` and sends it jobs; the live preview, the exports and printing are all jobs of that
one process (WeasyPrint lays out one document at a time). Jobs are module-level functions here;
the documents come from the core (``render``, ``mail``) and files are written with
``drafts.write_atomic``, so a failed export never leaves half a file. This module is core: it
imports no Qt, so the render process never loads it.

Protocol: each message is a frame, an 8-byte big-endian length and a pickle. Requests are
``(module, function name, args)``; answers are ``(READY, None)`` once at start, then per
request ``(OK, result)``, ``(OS_ERROR, (errno, strerror, filename))`` or
``(ERROR, (type name, message, plain))``, ``plain`` when the message is written for the user
(a :class:`upskill_ask.render.RenderError`). Both ends are this app; nothing from outside is
unpickled. The process ends when its stdin closes (the app quit or died).
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

from upskill_ask.i18n import N_

if TYPE_CHECKING:
    from upskill_ask.model import Draft
    from upskill_ask.pagemap import PageMap, Preview


@dataclass(frozen=True)
class Export:
    """One kind of file the review page writes."""

    key: str
    prefix: str
    suffix: str
    title: str  # the file dialog's title
    filters: str
    what: str  # for messages: "the proposal"


# the texts are English; the app shows them through i18n._
PROPOSAL = Export("proposal", "", ".pdf", N_("Export the proposal"),
                  N_("PDF documents (*.pdf);;All files (*)"), N_("the proposal"))
PREP = Export("prep", "Prep-sheet-", ".pdf", N_("Export your private prep sheet"),
              N_("PDF documents (*.pdf);;All files (*)"), N_("the private prep sheet"))
EMAIL = Export("email", "", ".eml", N_("Save the email draft"),
               N_("Email drafts (*.eml);;All files (*)"), N_("the email draft"))
CALENDAR = Export("calendar", "Calendar-", ".ics", N_("Save the dates as a calendar file"),
                  N_("Calendar files (*.ics);;All files (*)"), N_("the calendar"))
RECAP = Export("recap", "Recap-", ".eml", N_("Save the recap email to send after the meeting"),
               N_("Email drafts (*.eml);;All files (*)"), N_("the recap email"))
OUTCOME = Export("outcome", "Outcome-report-", ".pdf", N_("Export the outcome report"),
                 N_("PDF documents (*.pdf);;All files (*)"), N_("the outcome report"))


def default_name(export: Export, draft: Draft) -> str:
    from upskill_ask import filenames  # the attachment's rule too, so the names match

    return f"{export.prefix}{filenames.for_draft(draft)}{export.suffix}"


def with_suffix(path: Path, suffix: str) -> Path:
    """Add the expected extension when the user typed a bare name."""
    return path if path.suffix.lower() == suffix else path.with_name(path.name + suffix)


# --- jobs (run in the render process, or on the render thread) ---------------------------------


def document_bytes(export: Export, draft: Draft, calendar: bool = False) -> bytes:
    """The file of one export; ``calendar``: an email carries the dates as a second attachment."""
    from upskill_ask import mail, render

    if export.key == PREP.key:  # compared by key: the export may arrive pickled, as a copy
        return render.prep_pdf(draft)
    if export.key == CALENDAR.key:
        from upskill_ask.calendar_file import calendar_bytes

        return calendar_bytes(draft)
    if export.key == RECAP.key:
        from upskill_ask import recap

        return recap.eml_bytes(draft, calendar=calendar)
    if export.key == OUTCOME.key:
        return render.outcome_pdf(draft)
    pdf = render.proposal_pdf(draft)
    if export.key == EMAIL.key:
        return mail.eml_bytes(draft, pdf, calendar=calendar)
    return pdf


def write_export(export: Export, draft: Draft, target: Path, calendar: bool = False) -> Path:
    """Render and write one export atomically; returns the path written."""
    from upskill_ask import drafts

    data = document_bytes(export, draft, calendar)
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


# --- the protocol -----------------------------------------------------------------------------

HEADER = struct.Struct(">Q")
READY, OK, OS_ERROR, ERROR = "ready", "ok", "oserror", "error"  # the kinds of answer


def frame(message: Any) -> bytes:
    """One message as it travels: its length, then its pickle."""
    payload = pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL)
    return HEADER.pack(len(payload)) + payload


def unframe(buffer: bytearray) -> list[Any]:
    """The whole messages at the start of ``buffer``, removed from it (a partial one stays)."""
    messages = []
    while len(buffer) >= HEADER.size:
        (size,) = HEADER.unpack_from(buffer)
        if len(buffer) < HEADER.size + size:
            break
        messages.append(pickle.loads(bytes(buffer[HEADER.size:HEADER.size + size])))
        del buffer[:HEADER.size + size]
    return messages


def request(fn: Any, args: tuple[Any, ...]) -> bytes:
    """The frame that asks the render process to run ``fn(*args)`` (a module-level function)."""
    return frame((fn.__module__, fn.__qualname__, args))


class JobError(Exception):
    """A job that failed in the render process, or the process that ran it: the type name of
    its error and the text; ``plain`` when the text is written for the user."""

    def __init__(self, kind: str, message: str, plain: bool = False):
        super().__init__(message)
        self.kind = kind
        self.plain = plain


def is_render_error(exc: BaseException) -> bool:
    """A RenderError of the core (whose message is written for the user). The render module is
    not imported to ask: an error of its kind can only come from it once it is loaded."""
    render = sys.modules.get("upskill_ask.render")
    return render is not None and isinstance(exc, render.RenderError)


def error_text(exc: BaseException) -> str:
    """One readable sentence for a failed render or export."""
    from upskill_ask.drafts import DraftError

    if isinstance(exc, DraftError):
        return "; ".join(exc.lines())
    if isinstance(exc, JobError):
        return str(exc) if exc.plain else f"{exc.kind}: {exc}"
    if is_render_error(exc):
        return str(exc)
    if isinstance(exc, OSError):
        where = f" ({exc.filename})" if exc.filename else ""
        return f"{exc.strerror or exc}{where}"
    return f"{type(exc).__name__}: {exc}"


def answer_error(answer: tuple[str, Any]) -> BaseException | None:
    """The exception an answer carries (None for OK)."""
    kind, value = answer
    if kind == OS_ERROR:
        return OSError(*value)
    if kind == ERROR:
        return JobError(*value)
    return None


def boot_code() -> str:
    """What the render process runs (``python -c``): this app's import path, then :func:`serve`."""
    paths = [p for p in sys.path if p] + [os.getcwd()]
    return (f"import sys; sys.path[:0] = {paths!r}; "
            "from upskill_ask.renderjobs import serve; serve()")


def _read_exact(stream: Any, size: int) -> bytes | None:
    data = b""
    while len(data) < size:
        chunk = stream.read(size - len(data))
        if not chunk:
            return None
        data += chunk
    return data


def _failure(exc: Exception) -> tuple[str, Any]:
    if isinstance(exc, OSError):
        return OS_ERROR, (exc.errno, exc.strerror or str(exc), exc.filename)
    return ERROR, (type(exc).__name__, str(exc), is_render_error(exc))


def serve() -> None:
    """The render process: run job requests from stdin, one at a time, answers on stdout."""
    answers = os.fdopen(os.dup(sys.stdout.fileno()), "wb")
    os.dup2(sys.stderr.fileno(), sys.stdout.fileno())  # stray prints never corrupt the answers
    sys.stdout = sys.stderr
    with contextlib.suppress(ValueError, OSError, AttributeError):
        signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl+C in a terminal is for the app

    def send(answer: tuple[str, Any]) -> None:
        answers.write(frame(answer))
        answers.flush()

    send((READY, None))
    requests = sys.stdin.buffer
    while True:
        header = _read_exact(requests, HEADER.size)
        if header is None:
            return
        payload = _read_exact(requests, HEADER.unpack(header)[0])
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
            answer: tuple[str, Any] = (OK, function(*args))
        except Exception as exc:
            answer = _failure(exc)
        try:
            send(answer)
        except (BrokenPipeError, ConnectionError):
            return  # the app is gone: nothing to answer to
        except Exception as exc:  # an answer that cannot be pickled
            send(_failure(exc))
        finally:
            gc.enable()
            gc.collect()
            gc.freeze()  # what survives is long-lived: later collections need not scan it
