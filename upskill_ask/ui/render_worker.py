"""RenderWorker: runs the render jobs of :mod:`upskill_ask.renderjobs` (previews, exports, the
PDF to print) off the UI thread, one at a time, and calls each job back on the UI thread.

The jobs run in one separate **render process** (``python -c`` serving ``renderjobs.serve``,
driven by a ``QProcess``). Measured here: a warm render on a thread stalled the UI for 120–190 ms
(freeing WeasyPrint's ~35,000 objects is one GC pass holding the GIL); in its own process the
longest event-loop gap was ~30 ms, the core's 60-second limit works (SIGALRM needs a main
thread), a native crash costs one render, not the app, and the app never loads WeasyPrint.
``multiprocessing`` is not used: its spawn start re-runs the embedding ``__main__`` script.
``isolate=False`` runs the jobs on one thread instead (tests that monkeypatch a job use it); the
worker falls back to that by itself when the render process cannot start.
"""

from __future__ import annotations

import atexit
import functools
import logging
import sys
import threading
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, QProcess, QProcessEnvironment, Qt, QTimer, Signal

from upskill_ask import renderjobs
from upskill_ask.i18n import _

if TYPE_CHECKING:  # the thread fallback is rare: start-up does not pay for concurrent.futures
    from concurrent.futures import Future, ThreadPoolExecutor

LOGGER = logging.getLogger("upskill_ask.ui.render_worker")
THREAD_NAME = "upskill-render"
JOB_LIMIT_MS = 120_000  # the core stops a render after 60 s; this catches a hung process
EXPORT_WAIT_MS = 30_000  # at shutdown, an export being written may finish first

Callback = Callable[[Any, BaseException | None], None]


@dataclass
class _Job:
    fn: Callable[..., Any]
    args: tuple[Any, ...]
    callback: Callback
    epoch: int
    keep: bool  # worth waiting for at shutdown (a file being written)


_HOLDERS: list[list[QProcess]] = []  # every worker's processes, for the exit handler


def _kill(process: QProcess) -> None:
    if process.state() != QProcess.ProcessState.NotRunning:
        process.kill()
        process.waitForFinished(3000)


def _reap(holder: list[QProcess], *_args: Any) -> None:
    """A worker went away without shutdown() (or the interpreter is exiting): stop its process."""
    for process in holder:
        if shiboken6.isValid(process):
            process.blockSignals(True)
            _kill(process)
    holder.clear()
    _HOLDERS[:] = [h for h in _HOLDERS if h is not holder]


@atexit.register
def _reap_all() -> None:
    for holder in list(_HOLDERS):
        _reap(holder)


class RenderWorker(QObject):
    """One job at a time off the UI thread; ``submit(fn, args, callback)`` calls back on the UI
    thread with ``(result, None)`` or ``(None, exception)``."""

    _delivered = Signal(int, object, object, object)  # epoch, callback, result, error

    def __init__(self, parent: QObject | None = None, *, isolate: bool = True):
        super().__init__(parent)
        #: run jobs in the render process (True) or on a single thread (False)
        self.isolate = isolate
        self._epoch = 0
        self._jobs = 0  # submitted and not yet called back
        # the render process
        self._queue: deque[_Job] = deque()
        self._current: _Job | None = None
        self._process: QProcess | None = None
        self._holder: list[QProcess] = []
        _HOLDERS.append(self._holder)
        self._ready = False
        self._overdue = False
        self._cannot_start = False
        self._buffer = bytearray()
        self._watchdog = QTimer(self)
        self._watchdog.setSingleShot(True)
        self._watchdog.setInterval(JOB_LIMIT_MS)
        self._watchdog.timeout.connect(self._job_overdue)
        self.destroyed.connect(functools.partial(_reap, self._holder))
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.shutdown)
        # the thread
        self._executor: ThreadPoolExecutor | None = None
        self._lock = threading.Lock()
        self._delivered.connect(self._deliver, Qt.ConnectionType.QueuedConnection)

    @property
    def busy(self) -> bool:
        return self._jobs > 0

    @property
    def pid(self) -> int | None:
        """The render process's id (None: none running)."""
        return self._process.processId() if self._process is not None else None

    @property
    def on_thread(self) -> bool:
        """The render process could not start: jobs run on a thread of the app instead."""
        return self._cannot_start

    @property
    def job_limit_ms(self) -> int:
        """How long a job may run in the render process before the process is stopped."""
        return self._watchdog.interval()

    @job_limit_ms.setter
    def job_limit_ms(self, ms: int) -> None:
        self._watchdog.setInterval(ms)

    def submit(self, fn: Callable[..., Any], args: tuple[Any, ...], callback: Callback, *,
               keep: bool = False) -> None:
        """Run ``fn(*args)`` off the UI thread, then ``callback(result, error)`` on it.

        In the render process ``fn`` must be a module-level function and ``args`` picklable.
        """
        self._jobs += 1
        job = _Job(fn, args, callback, self._epoch, keep)
        if self.isolate and not self._cannot_start:
            self._queue.append(job)
            self._next()
        else:
            self._submit_to_thread(job)

    def _finish(self, job: _Job, result: Any, error: BaseException | None) -> None:
        if job.epoch != self._epoch:
            return
        self._jobs = max(0, self._jobs - 1)
        job.callback(result, error)

    # --- the render process --------------------------------------------------------------

    def _start_process(self) -> None:
        process = QProcess()  # no parent: _reap may outlive this object
        process.setProgram(sys.executable)
        process.setArguments(["-c", renderjobs.boot_code()])
        process.setProcessChannelMode(QProcess.ProcessChannelMode.ForwardedErrorChannel)
        environment = QProcessEnvironment.systemEnvironment()
        environment.insert("PYTHONUNBUFFERED", "1")
        process.setProcessEnvironment(environment)
        process.readyReadStandardOutput.connect(self._read)
        process.finished.connect(lambda code, status, p=process: self._process_ended(p, code))
        process.errorOccurred.connect(lambda error, p=process: self._process_error(p, error))
        self._process = process
        self._holder.append(process)
        self._ready = False
        self._overdue = False
        self._buffer.clear()
        process.start()

    def _next(self) -> None:
        if self._current is not None or not self._queue:
            return
        if self._process is None:
            self._start_process()
        job = self._queue.popleft()
        try:
            message = renderjobs.request(job.fn, job.args)
        except Exception as exc:  # a job that cannot travel: a programming error, said plainly
            self._finish(job, None, exc)
            self._next()
            return
        self._current = job
        self._process.write(message)
        self._watchdog.start()

    def _read(self) -> None:
        process = self._process
        if process is None:
            return
        self._buffer += process.readAllStandardOutput().data()
        for answer in renderjobs.unframe(self._buffer):
            self._answer(answer)

    def _answer(self, answer: tuple[str, Any]) -> None:
        if answer[0] == renderjobs.READY:
            self._ready = True
            return
        self._watchdog.stop()
        job, self._current = self._current, None
        if job is not None:
            error = renderjobs.answer_error(answer)
            self._finish(job, None if error else answer[1], error)
        self._next()

    def _job_overdue(self) -> None:
        if self._process is not None:
            LOGGER.warning("a render took longer than %d s; stopping the render process",
                           JOB_LIMIT_MS // 1000)
            self._overdue = True
            self._process.kill()

    def _process_error(self, process: QProcess, error: QProcess.ProcessError) -> None:
        if error == QProcess.ProcessError.FailedToStart:  # no finished() follows
            self._process_ended(process, -1)

    def _process_ended(self, process: QProcess, code: int) -> None:
        if process is not self._process or not shiboken6.isValid(process):
            return
        self._read()
        self._process = None
        self._watchdog.stop()
        process.blockSignals(True)
        if process in self._holder:
            self._holder.remove(process)
        process.deleteLater()
        job, self._current = self._current, None
        if not self._ready:
            # the process never came up (a frozen app, a broken install): use a thread instead
            LOGGER.warning("the render process did not start (exit code %s); rendering on a thread",
                           code)
            self._cannot_start = True
            waiting = ([job] if job else []) + list(self._queue)
            self._queue.clear()
            for item in waiting:
                self._submit_to_thread(item)
            return
        if job is not None:
            message = (_("the document took too long and was stopped; is there an extremely "
                         "long text in the draft?") if self._overdue else
                       _("the render process stopped unexpectedly (exit code {code}); try "
                         "again").format(code=code))
            self._finish(job, None, renderjobs.JobError("", message, True))
        self._next()  # a fresh process for whatever waits

    # --- the thread ----------------------------------------------------------------------

    def _submit_to_thread(self, job: _Job) -> None:
        if self._executor is None:
            from concurrent.futures import ThreadPoolExecutor

            self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix=THREAD_NAME)
        future = self._executor.submit(job.fn, *job.args)
        future.add_done_callback(functools.partial(self._post, job))

    def _post(self, job: _Job, future: Future) -> None:
        """Runs on the worker thread: hand the outcome to the UI thread."""
        if future.cancelled():
            return
        error = future.exception()
        result = None if error is not None else future.result()
        with self._lock:  # after shutdown() nothing is posted to a page that may be gone
            if job.epoch == self._epoch:
                self._delivered.emit(job.epoch, job, result, error)

    def _deliver(self, epoch: int, job: _Job, result: Any, error: BaseException | None) -> None:
        self._finish(job, result, error)

    # --- stopping ------------------------------------------------------------------------

    def shutdown(self) -> None:
        """Drop waiting jobs and every result still to come; stop the process and the thread.

        A preview being rendered is abandoned; an export being written may finish first (up to
        30 s). Nothing is left running when this returns; a later ``submit`` starts afresh.
        """
        with self._lock:
            self._epoch += 1
        self._jobs = 0
        self._queue.clear()
        self._watchdog.stop()
        process, self._process = self._process, None
        job, self._current = self._current, None
        if process is not None:
            process.blockSignals(True)
            if job is not None and job.keep:
                process.closeWriteChannel()  # the server exits after the job in hand
                process.waitForFinished(EXPORT_WAIT_MS)
            _kill(process)
            if process in self._holder:
                self._holder.remove(process)
            process.deleteLater()
        executor, self._executor = self._executor, None
        if executor is not None:
            executor.shutdown(wait=True, cancel_futures=True)
