"""An afternoon of typing: thousands of real key events over every text field of every page,
with Back/Next between them and the live preview running. The app must survive, and neither the
interpreter's reference counts nor the process's memory may creep.

On a binding that loses references (PySide6 6.12.0 on Python 3.11) this test fails on the
counts instead of aborting the run: references are lent up front so the session can finish.
"""

from __future__ import annotations

import sys

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication, QLineEdit, QPlainTextEdit, QWidget

from upskill_ask import drafts
from upskill_ask.ui import bindings
from upskill_ask.ui.pages.base import PageId
from upskill_ask.ui.wizard import RequestWizard

from .conftest import EXAMPLES
from .fakes import FakeDialogs

pytestmark = [pytest.mark.gui, pytest.mark.slow]

KEYS = 5200
SENTENCE = "the night shift counted every pallet twice and logged each one by hand"
WORDS = SENTENCE.split(" ")
SKIP = ("email", "date", "amount", "hourly_cost", "hours", "hours_total", "hours_per_week",
        "hours_on_clock", "link", "minutes_per_day", "per_month")
LOAN = 100_000


def _rss_mb() -> float:
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * 4096 / 2**20


def _text_fields(page: QWidget) -> list[QWidget]:
    return [w for w in page.findChildren(QWidget)
            if isinstance(w, (QLineEdit, QPlainTextEdit)) and "." in w.objectName()
            and w.isVisible() and w.isEnabled() and not w.isReadOnly()
            and not w.objectName().rsplit(".", 1)[-1].endswith(SKIP)]


def _type_round(qtbot, wizard: RequestWizard, keys: int) -> int:
    """Walk Next from the first page to the review page, typing into every text field, with a
    Back/Next on each page; returns the number of key events sent."""
    typed = 0
    pages = [p for p in PageId if p != PageId.START]
    per_page = keys // len(pages)
    while wizard.currentId() != PageId.PEOPLE:
        wizard.back()
    for n, page_id in enumerate(pages):
        assert wizard.currentId() == page_id
        fields = _text_fields(wizard.currentPage())
        assert fields, f"no text field on page {page_id.name}"
        share = max(8, per_page // len(fields))
        for i, widget in enumerate(fields):
            widget.setFocus()
            if isinstance(widget, QPlainTextEdit):
                widget.moveCursor(QTextCursor.MoveOperation.End)
            else:
                widget.end(False)
            text = " ".join(WORDS[(i + n + k) % len(WORDS)] for k in range(share))[: share - 4]
            qtbot.keyClicks(widget, text)
            for _ in range(4):  # people correct themselves
                qtbot.keyClick(widget, Qt.Key.Key_Backspace)
            typed += len(text) + 4
        if page_id != pages[-1]:
            wizard.next()
            wizard.back()
            wizard.next()
        QApplication.processEvents()
    return typed


def test_five_thousand_keys_over_every_page_leave_counts_and_memory_flat(qtbot, tmp_path):
    example = next(p for p in EXAMPLES if "support-engineer" in p.name)
    wizard = RequestWizard(drafts.load(example), path=tmp_path / "soak.upskill",
                           dialogs=FakeDialogs())
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.next()
    review = wizard.review_page
    watched = (None, True, False)
    for obj in watched:
        bindings.adjust(obj, LOAN)
    try:
        before = [sys.getrefcount(obj) for obj in watched]
        typed = _type_round(qtbot, wizard, KEYS // 2)
        assert wizard.currentId() == PageId.REVIEW
        qtbot.waitUntil(lambda: not review.is_busy(), timeout=30_000)
        middle_rss = _rss_mb()
        typed += _type_round(qtbot, wizard, KEYS // 2)
        qtbot.waitUntil(lambda: not review.is_busy(), timeout=30_000)
        after = [sys.getrefcount(obj) for obj in watched]
        lost = {repr(obj): b - a for obj, b, a in zip(watched, before, after, strict=True)}
    finally:
        for obj, b, a in zip(watched, before, [sys.getrefcount(o) for o in watched], strict=True):
            bindings.adjust(obj, -LOAN + max(0, b - a))
    print(f"soak: {typed} keys, references lost {lost}, "
          f"memory {middle_rss:.0f} -> {_rss_mb():.0f} MB over the second half")
    assert typed >= 5000
    assert all(n < 200 for n in lost.values()), f"{typed} keys lost references {lost}"
    assert _rss_mb() - middle_rss < 40, "memory grew over the second half of the session"
    wizard.draft()  # still a valid draft after all that typing
    wizard.store.dirty = False
    review.shutdown()
