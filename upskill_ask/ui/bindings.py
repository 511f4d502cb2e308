"""Is this Qt binding safe for a long session? A probe for lost interpreter references.

PySide6 6.12.0 on Python 3.11 drops one reference to ``None`` on every call of a Python slot
that returns None, one to ``True``/``False`` on every Python override that returns a bool, and
one to ``None`` on ``QObject.property()`` of an unset name or ``QComboBox.itemData()`` of a
missing row. After a few thousand keystrokes the interpreter aborts (``none_dealloc``). The
probe runs each pattern a few hundred times and counts what was lost; the app refuses to start
on a binding that loses them, and the test suite runs it with thousands of calls as a canary.
"""

from __future__ import annotations

import sys


def reference_losses(calls: int = 40) -> dict[str, int]:
    """References to None/True/False lost over ``calls`` calls of each risky pattern.

    Needs a QApplication. A healthy binding loses none (give or take a transient reference);
    an affected one loses one per call. References are lent before each run and what was lost
    is made good after it, so the probe itself never brings the crash closer.
    """
    from PySide6.QtWidgets import QComboBox, QLineEdit, QWizard, QWizardPage

    class AlwaysComplete(QWizardPage):
        def isComplete(self) -> bool:
            return True

    seen: list[str] = []

    def slot(text: str) -> None:
        seen.append(text)

    edit = QLineEdit()
    edit.textChanged.connect(slot)
    combo = QComboBox()
    wizard = QWizard()
    page = AlwaysComplete()
    wizard.addPage(page)
    wizard.addPage(QWizardPage())
    steps = {
        "a Qt signal calling a Python slot": (None, lambda i: edit.setText(str(i))),
        "a Python override returning a bool": (True, lambda _i: page.completeChanged.emit()),
        "property() of an unset name": (None, lambda _i: edit.property("upskill-unset")),
        "itemData() of a missing row": (None, lambda _i: combo.itemData(5)),
    }
    losses: dict[str, int] = {}
    for name, (obj, step) in steps.items():
        adjust(obj, calls)  # lent: an affected binding may take up to one per call
        before = sys.getrefcount(obj)
        for i in range(calls):
            step(i)
        losses[name] = before - sys.getrefcount(obj)
        adjust(obj, losses[name] - calls)  # return the loan less what the binding took
    wizard.deleteLater()
    return losses


def adjust(obj: object, count: int) -> None:
    """Add ``count`` references to ``obj`` (remove them when negative)."""
    import ctypes

    change = ctypes.pythonapi.Py_IncRef if count > 0 else ctypes.pythonapi.Py_DecRef
    for _ in range(abs(count)):
        change(ctypes.py_object(obj))


def problem(calls: int = 40) -> str | None:
    """A one-line reason this binding must not run the app, or None when it is sound."""
    if sys.version_info >= (3, 12):  # None/True/False are immortal there: losses are harmless
        return None
    losses = reference_losses(calls)
    lost = {name: n for name, n in losses.items() if n > calls // 2}
    if not lost:
        return None
    import PySide6

    return (f"PySide6 {PySide6.__version__} on Python {sys.version_info[0]}."
            f"{sys.version_info[1]} loses interpreter references ({', '.join(lost)}) and "
            "would crash after a few thousand keystrokes. Fix: pip install "
            "'PySide6-Essentials<6.12' 'PySide6-Addons<6.12' (or run `make run`, which does).")
