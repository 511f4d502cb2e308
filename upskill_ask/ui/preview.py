"""The live preview's renderer: renders the proposal off the UI thread on a
:class:`upskill_ask.ui.render_worker.RenderWorker`, latest request wins.

Requests coalesce: while a render runs, newer requests replace each other and only the latest
is rendered afterwards; results older than the latest request are dropped.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from upskill_ask import renderjobs
from upskill_ask.ui.render_worker import RenderWorker

WHOLE_AFTER_MS = 250  # the live preview's second pass (the whole document) waits this long


class PreviewRenderer(QObject):
    """Renders the proposal for the preview, off the UI thread, latest request wins.

    Once a full layout has told where each part of the proposal falls, a request is rendered in
    two passes: first only what the pages in view need (``pages_in_view()``, set by the page
    that shows the preview), sent as ``partial``, then the whole document, sent as
    ``finished``. The first pass takes a fraction of the time. The second waits
    ``WHOLE_AFTER_MS`` first: while the user keeps typing, each edit gets a quick first pass of
    its own instead of queueing behind whole documents nobody looks at.

    ``job(draft, pages_in_view, page_map)`` runs on the worker and returns a
    :class:`upskill_ask.pagemap.Preview` (or anything with its ``pdf``, ``page_map``,
    ``partial`` and ``seconds``).
    """

    started = Signal()
    partial = Signal(bytes)  # the pages in view are new; the pages after them are blank for now
    finished = Signal(bytes)  # the whole document

    failed = Signal(str)

    def __init__(self, worker: RenderWorker | None = None, *,
                 job: Callable[..., Any] = renderjobs.timed_preview,
                 parent: QObject | None = None):
        super().__init__(parent)
        self._worker = worker if worker is not None else RenderWorker(self)
        self._owns_worker = worker is None
        #: what renders a request on the worker (a module-level function for the render process)
        self.job = job
        self._running = False
        self._pending: Any = None
        self._has_pending = False
        self._generation = 0
        self._page_map: Any = None  # from the last full layout
        self._layouts = 0  # counts forget_layout(): a layout made before one is not kept
        self._shown_partial = -1  # the generation whose first pass is on screen
        self._whole_draft: Any = None
        self._whole_timer = QTimer(self)
        self._whole_timer.setSingleShot(True)
        self._whole_timer.setInterval(WHOLE_AFTER_MS)
        self._whole_timer.timeout.connect(lambda: self._start(self._whole_draft, whole=True))
        #: the first and last page (counted from 1) the reader can see, or None: all at once
        self.pages_in_view: Callable[[], tuple[int, int] | None] = lambda: None
        #: seconds the last completed render took on the worker (for the status line and tests)
        self.last_seconds = 0.0

    @property
    def worker(self) -> RenderWorker:
        return self._worker

    @property
    def busy(self) -> bool:
        """A render is running or waiting to run (the whole document after the first pass, too)."""
        return self._running or self._has_pending or self._whole_timer.isActive()

    @property
    def rendering(self) -> bool:
        """A render is running, or a request waits for it: a new request would wait too."""
        return self._running or self._has_pending

    def request(self, draft: Any) -> None:
        """Render this draft; if a render is running, render the latest request after it."""
        self._generation += 1
        self._whole_timer.stop()  # the whole of an older draft is not worth the wait
        if self._running:
            self._pending, self._has_pending = draft, True
            return
        self.started.emit()
        self._start(draft)

    def forget_layout(self) -> None:
        """Render the next request whole: the last layout no longer tells where things fall."""
        self._page_map = None
        self._layouts += 1

    def cancel(self) -> None:
        """Forget waiting requests and drop the result of the running one."""
        self._generation += 1
        self._whole_timer.stop()
        self._pending, self._has_pending = None, False

    def _start(self, draft: Any, *, whole: bool = False) -> None:
        self._running = True
        generation, layouts = self._generation, self._layouts
        in_view = None if whole or self._page_map is None else self.pages_in_view()
        args = (draft,) if in_view is None else (draft, in_view, self._page_map)
        self._worker.submit(
            self.job, args,
            lambda result, error: self._done(generation, layouts, draft, result, error))

    def _done(self, generation: int, layouts: int, draft: Any, result: Any,
              error: BaseException | None) -> None:
        self._running = False
        current = generation == self._generation
        if error is None:
            self.last_seconds = result.seconds
            if not result.partial and layouts == self._layouts:
                self._page_map = result.page_map  # still true enough for a newer request
        if self._has_pending:
            # a newer request waits, but this result is still newer than what is on screen:
            # show the pages in view it brings (a steady typist sees every pass, a few keys
            # behind, instead of none), and the whole document of a request whose first pass
            # is on screen, which fills the blank pages while the newer request renders
            if error is None and result.partial:
                self._shown_partial = generation
                self.partial.emit(result.pdf)
            elif error is None and self._shown_partial == generation:
                self.finished.emit(result.pdf)
            draft, self._pending, self._has_pending = self._pending, None, False
            self.started.emit()
            self._start(draft)
            return
        if not current:
            return  # stale: a newer request was cancelled or superseded
        if error is not None:
            self.failed.emit(renderjobs.error_text(error))
            return
        if result.partial:
            self._shown_partial = generation
            self.partial.emit(result.pdf)
            self._whole_draft = draft
            self._whole_timer.start()
            return
        self.finished.emit(result.pdf)

    def shutdown(self) -> None:
        """Stop: no render is left running and no result arrives afterwards."""
        self.cancel()
        self._running = False
        if self._owns_worker:
            self._worker.shutdown()
