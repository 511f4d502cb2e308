"""Rendering off the UI thread: one worker thread for every document, results back as Qt signals.

* :class:`RenderWorker` owns a single background thread (WeasyPrint lays out one document at a
  time, so previews and exports queue behind each other). A job's result comes back to the UI
  thread through a queued signal and is handed to the callback given with the job.
* :class:`PreviewRenderer` renders the proposal for the live preview. Requests coalesce: while
  a render runs, newer requests replace each other and only the latest is rendered afterwards;
  results older than the latest request are dropped.
* Nothing heavy is imported here: the core's ``render`` module (and WeasyPrint) is imported by
  the worker, the first time it renders.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal

THREAD_NAME = "upskill-render"

Callback = Callable[[Any, BaseException | None], None]


def render_proposal(draft: Any) -> bytes:
    """The proposal PDF, made by the core (runs on the worker thread)."""
    from upskill_ask import render

    return render.proposal_pdf(draft)


def error_text(exc: BaseException) -> str:
    """One readable sentence for a failed render."""
    from upskill_ask.drafts import DraftError

    if isinstance(exc, DraftError):
        return "; ".join(exc.lines())
    name = type(exc).__name__
    if name == "RenderError":
        return str(exc)
    if isinstance(exc, OSError):
        return exc.strerror or str(exc)
    return f"{name}: {exc}"


class RenderWorker(QObject):
    """A single background thread; ``submit(job, callback)`` calls back on the UI thread."""

    _delivered = Signal(int, object, object, object)  # epoch, callback, result, error

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._executor: ThreadPoolExecutor | None = None
        self._lock = threading.Lock()
        self._epoch = 0
        self._jobs = 0  # submitted and not yet called back
        self._delivered.connect(self._deliver, Qt.ConnectionType.QueuedConnection)

    @property
    def busy(self) -> bool:
        return self._jobs > 0

    def submit(self, job: Callable[[], Any], callback: Callback) -> None:
        if self._executor is None:
            self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix=THREAD_NAME)
        self._jobs += 1
        self._executor.submit(self._run, self._epoch, job, callback)

    def _run(self, epoch: int, job: Callable[[], Any], callback: Callback) -> None:
        result: Any = None
        error: BaseException | None = None
        try:
            result = job()
        except Exception as exc:
            error = exc
        with self._lock:  # after shutdown() nothing is posted to a page that may be gone
            if epoch == self._epoch:
                self._delivered.emit(epoch, callback, result, error)

    def _deliver(self, epoch: int, callback: Callback, result: Any, error: BaseException | None) -> None:
        if epoch != self._epoch:
            return
        self._jobs = max(0, self._jobs - 1)
        callback(result, error)

    def shutdown(self) -> None:
        """Drop queued jobs, wait for the running one, and forget every result still to come.

        The thread is joined before this returns; a later ``submit`` starts a new one.
        """
        with self._lock:
            self._epoch += 1
        executor, self._executor = self._executor, None
        self._jobs = 0
        if executor is not None:
            executor.shutdown(wait=True, cancel_futures=True)


class PreviewRenderer(QObject):
    """Renders the proposal for the preview, off the UI thread, latest request wins."""

    started = Signal()
    finished = Signal(bytes)
    failed = Signal(str)

    def __init__(self, worker: RenderWorker | None = None, *,
                 render: Callable[[Any], bytes] = render_proposal, parent: QObject | None = None):
        super().__init__(parent)
        self._worker = worker if worker is not None else RenderWorker(self)
        self._owns_worker = worker is None
        self._render = render
        self._running = False
        self._pending: Any = None
        self._has_pending = False
        self._generation = 0
        #: seconds the last completed render took on the worker (for the status line and tests)
        self.last_seconds = 0.0

    @property
    def busy(self) -> bool:
        """A render is running or waiting to run."""
        return self._running or self._has_pending

    def request(self, draft: Any) -> None:
        """Render this draft; if a render is running, render the latest request after it."""
        self._generation += 1
        if self._running:
            self._pending, self._has_pending = draft, True
            return
        self._start(draft)

    def cancel(self) -> None:
        """Forget waiting requests and drop the result of the running one."""
        self._generation += 1
        self._pending, self._has_pending = None, False

    def _start(self, draft: Any) -> None:
        self._running = True
        generation = self._generation
        render = self._render

        def job() -> tuple[bytes, float]:
            began = time.perf_counter()
            pdf = render(draft)
            return pdf, time.perf_counter() - began

        self.started.emit()
        self._worker.submit(job, lambda result, error: self._done(generation, result, error))

    def _done(self, generation: int, result: Any, error: BaseException | None) -> None:
        self._running = False
        if self._has_pending:
            draft, self._pending, self._has_pending = self._pending, None, False
            self._start(draft)
            return
        if generation != self._generation:
            return  # stale: a newer request was cancelled or superseded
        if error is not None:
            self.failed.emit(error_text(error))
            return
        pdf, self.last_seconds = result
        self.finished.emit(pdf)

    def shutdown(self) -> None:
        """Stop: no render is left running and no result arrives afterwards."""
        self.cancel()
        self._running = False
        if self._owns_worker:
            self._worker.shutdown()
