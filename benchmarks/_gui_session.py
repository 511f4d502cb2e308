"""One app session for benchmarks/gui.py: preview refresh, event-loop stalls, export memory.

Opens the draft given on the command line in the wizard (offscreen), goes to the review page,
then (1) times single edits until the pages in view and then the whole proposal are new, with
the reader at its start, middle and end, (2) measures the longest gap of a 1 ms timer while
previews render, against the same timer on an idle event loop, (3) exports the proposal, prep
sheet and email draft, reporting peak memory of the app and its renderer, and (4) types a key
every 150 ms and times how long each key takes to show in the page in view.
"""

from __future__ import annotations

import os
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QElapsedTimer, QEventLoop, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit

app = QApplication(sys.argv[:1])

from upskill_ask import drafts  # noqa: E402
from upskill_ask.ui import desktop  # noqa: E402
from upskill_ask.ui.pages.base import PageId  # noqa: E402
from upskill_ask.ui.wizard import RequestWizard  # noqa: E402

OUT = Path(tempfile.mkdtemp())


class Answers:
    """Dialog answers for an unattended session: every export goes to OUT."""

    def save_path(self, parent, title, suggested, filters):
        return OUT / Path(suggested).name

    def info(self, *args):
        pass

    def error(self, parent, title, text, details=""):
        raise SystemExit(f"error dialog: {title}: {text}")


class GapMeter:
    """The longest interval between ticks of a 1 ms timer: how long the event loop stalled."""

    def __init__(self):
        self.clock = QElapsedTimer()
        self.timer = QTimer()
        self.timer.setInterval(1)
        self.timer.timeout.connect(self._tick)
        self.gaps: list[float] = []

    def start(self):
        self.gaps = []
        self.clock.start()
        self.timer.start()

    def _tick(self):
        self.gaps.append(self.clock.restart())

    def stop(self) -> float:
        self.timer.stop()
        return max(self.gaps or [0.0])


def wait_until(condition, seconds=60.0):
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            raise SystemExit("timed out")
        # a real event loop, checked every millisecond: no polling sleep in what is measured
        loop = QEventLoop()
        QTimer.singleShot(1, loop.quit)
        loop.exec()


def main() -> None:
    desktop.open_path = lambda path: False  # no mail program in a benchmark
    wizard = RequestWizard(drafts.load(sys.argv[1]), dialogs=Answers())
    wizard.resize(1100, 800)
    wizard.show()
    page = wizard.review_page
    shown: list[float] = []
    page.renderer.finished.connect(lambda _pdf: shown.append(time.perf_counter()))
    while wizard.currentId() != PageId.REVIEW:
        wizard.next()
    wait_until(lambda: shown)  # the first preview (renderer process starting) is not timed

    meter = GapMeter()
    meter.start()
    wait_until(lambda: len(meter.gaps) >= 2000)
    idle_gap = meter.stop()

    title = wizard.findChild(QLineEdit, "title")
    stalls: list[float] = []
    partial: list[float] = []
    page.renderer.partial.connect(lambda _pdf: partial.append(time.perf_counter()))

    def edit_and_wait() -> tuple[float, float]:
        """One keystroke: seconds until the pages in view are new, and until the whole is."""
        before = len(shown)
        partial.clear()
        title.setFocus()
        title.end(False)
        start = time.perf_counter()
        QTest.keyClick(title, "x")  # one edit: one keystroke
        wait_until(lambda: len(shown) > before)
        whole = shown[-1] - start
        in_view = (partial[0] - start) if partial else whole
        wait_until(lambda: not page.is_busy())
        return in_view, whole

    def series(where: str, scroll_to: int) -> None:
        bar = page.view.verticalScrollBar()
        bar.setValue(scroll_to if scroll_to >= 0 else bar.maximum())
        app.processEvents()
        reading = page.pages_in_view()  # where the reader is while the edits are timed
        in_view, whole, render_only = [], [], []
        for _ in range(9):  # with nothing else running in the app
            a, b = edit_and_wait()
            in_view.append(a)
            whole.append(b)
            render_only.append(page.renderer.last_seconds)
        print(f"preview refresh after an edit, {where} (pages {reading}, now {page.pages_in_view()}, of "
              f"{page.pdf_document.pageCount()} in view): pages in view "
              f"median {statistics.median(in_view) * 1000:.0f} ms "
              f"(best {min(in_view) * 1000:.0f}, worst {max(in_view) * 1000:.0f}); whole document "
              f"median {statistics.median(whole) * 1000:.0f} ms "
              f"(best {min(whole) * 1000:.0f}, worst {max(whole) * 1000:.0f}; last render pass "
              f"alone {statistics.median(render_only) * 1000:.0f} ms)")

    def typing(keys: int = 16, every_ms: int = 150) -> None:
        """Keys typed steadily: how long until the page in view shows each one."""
        import io
        import re

        from pypdf import PdfReader

        updates: list[tuple[float, bytes]] = []
        record = lambda pdf: updates.append((time.perf_counter(), pdf))  # noqa: E731
        page.renderer.partial.connect(record)
        page.renderer.finished.connect(record)
        title.setFocus()
        title.end(False)
        QTest.keyClick(title, "-")
        wait_until(lambda: not page.is_busy())

        def keys_shown(pdf: bytes) -> int:
            """The longest run of typed keys in the title on page 1 (the heading shows it whole)."""
            text = PdfReader(io.BytesIO(pdf)).pages[0].extract_text()
            text = text.replace("\u200b", "").replace("\n", "")
            return max((len(run) for run in re.findall(r"-(y*)", text)), default=0)

        updates.clear()
        typed = []
        for _ in range(keys):
            typed.append(time.perf_counter())
            QTest.keyClick(title, "y")
            wait_until(lambda: time.perf_counter() - typed[-1] >= every_ms / 1000)
        wait_until(lambda: not page.is_busy())
        page.renderer.partial.disconnect(record)
        page.renderer.finished.disconnect(record)
        shown = [(when, keys_shown(pdf)) for when, pdf in updates]
        lags = [min(when for when, count in shown if count > k) - typed[k] for k in range(keys)]
        print(f"while typing a key every {every_ms} ms: each key shows in the page in view after "
              f"median {statistics.median(lags) * 1000:.0f} ms, worst {max(lags) * 1000:.0f} ms "
              f"({len(updates)} updates for {keys} keys)")

    series("reading the first page", 0)
    series("reading the middle", page.view.verticalScrollBar().maximum() // 2)
    series("reading the last page", -1)
    page.view.verticalScrollBar().setValue(0)
    for _ in range(5):  # stalls, measured by a 1 ms timer (which itself costs the app some time)
        meter.start()
        edit_and_wait()
        stalls.append(meter.stop())
    print(f"longest event-loop stall while previews render: {max(stalls):.0f} ms "
          f"(median of runs {statistics.median(stalls):.0f} ms; idle loop baseline {idle_gap:.0f} ms)")

    for export in (page.export_proposal, page.export_prep, page.export_email):
        export()
        wait_until(lambda: not page.is_busy())
    files = sorted(p.name for p in OUT.iterdir())
    me = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
    typing()  # after the memory reading: the benchmark itself reads the PDFs back here
    wizard.store.dirty = False
    page.shutdown()
    app.processEvents()
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss // 1024
    print(f"peak memory through a full export ({', '.join(files)}): app {me} MB, "
          f"render process {children} MB")
    sys.stdout.flush()
    os._exit(0)  # skip interpreter teardown of live Qt objects


if __name__ == "__main__":
    main()
