"""What every wizard page shares: access to the store, a scrolling form, and a message line
that explains what is missing when Next cannot go on yet."""

from __future__ import annotations

from enum import IntEnum

import shiboken6
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QFormLayout,
    QFrame,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from upskill_ask.i18n import _
from upskill_ask.ui.binder import Binder
from upskill_ask.ui.form import Form
from upskill_ask.ui.store import DraftStore
from upskill_ask.ui.widgets import heading_label, plain_label

INPUTS = (QLineEdit, QPlainTextEdit, QComboBox, QAbstractSpinBox, QAbstractItemView)


class PageId(IntEnum):
    START = 0
    PEOPLE = 1
    SKILL = 2
    OPTIONS = 3
    PLAN = 4
    QUESTIONS = 5
    PRIVATE = 6
    REVIEW = 7


class DraftPage(QWizardPage):
    """A page that edits part of the draft. Subclasses build their inputs in ``build``."""

    #: (path, message) pairs that must be filled before Next (messages marked with N_)
    required: tuple[tuple[str, str], ...] = ()

    def __init__(self, binder: Binder, parent: QWidget | None = None):
        super().__init__(parent)
        self.binder = binder
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.body = QWidget()
        self.body_layout = QVBoxLayout(self.body)
        self.scroll.setWidget(self.body)
        outer.addWidget(self.scroll, 1)
        self.message = plain_label(name="page-message")
        self.message.setAccessibleName(_("What is missing"))
        self.message.hide()
        outer.addWidget(self.message)
        self.notice = plain_label(name="page-notice")
        self.notice.setAccessibleName(_("What just happened"))
        self.notice.hide()
        outer.addWidget(self.notice)
        self._form: Form | None = None
        self.build()
        self.store.changed.connect(self._recheck)
        QApplication.instance().focusChanged.connect(self._reveal_focus)

    @property
    def store(self) -> DraftStore:
        return self.binder.store

    def build(self) -> None:
        """Create the page's inputs."""

    def form(self, title: str = "") -> Form:
        """The page's form (one per page, so the label column lines up), with a section title."""
        if self._form is None:
            layout = QFormLayout()
            layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
            layout.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
            self.body_layout.addLayout(layout)
            self._form = Form(layout, self.binder)
        if title:
            self._form.layout.addRow(heading_label(title, top_margin=8))
        return self._form

    def missing(self) -> list[tuple[str, str]]:
        return [(path, _(message)) for path, message in self.required
                if not str(self.store.get(path) or "").strip()]

    def validatePage(self) -> bool:
        gaps = self.missing()
        self._say(gaps)
        if not gaps:
            return True
        target = self.findChild(QWidget, gaps[0][0])
        if target is not None:
            target.setFocus()
            self.scroll.ensureWidgetVisible(target)
        return False

    def _say(self, gaps: list[tuple[str, str]]) -> None:
        self.message.setVisible(bool(gaps))
        self.message.setText(_("Before you go on: {missing}.").format(
            missing="; ".join(m for _path, m in gaps)) if gaps else "")

    def tell(self, text: str) -> None:
        """Say what just happened (a card removed, a step undone) until the page is left."""
        self.notice.setText(text)
        self.notice.show()

    def hideEvent(self, event) -> None:
        super().hideEvent(event)
        self.notice.hide()

    def _recheck(self, _path: str) -> None:
        """A 'before you go on' message goes as soon as it stops being true."""
        if self.message.isVisible():
            self._say(self.missing())

    def first_field(self) -> QWidget | None:
        """Where the cursor waits when the page is shown: its first input in tab order."""
        widget = self.nextInFocusChain()
        while widget is not None and widget is not self:
            if self.isAncestorOf(widget) and isinstance(widget, INPUTS) and widget.isVisible() \
                    and widget.isEnabled() and widget.focusPolicy() & Qt.FocusPolicy.TabFocus \
                    and not getattr(widget, "isReadOnly", lambda: False)():
                return widget
            widget = widget.nextInFocusChain()
        return None

    def _reveal_focus(self, _old: QWidget | None, now: QWidget | None) -> None:
        """Whatever gets the cursor (a new row, a moved card, a field a link names) is
        scrolled into view, once the layout has placed it."""
        if now is not None and self.body.isAncestorOf(now):
            QTimer.singleShot(0, self, lambda: self._reveal(now))

    def after_move(self, prefix: str, index: int, to: int, card: QWidget) -> None:
        """After a card moved: show the whole card, and keep the cursor on its move buttons
        (the same direction while it can go on, else the other)."""
        QTimer.singleShot(0, self, lambda: self._reveal(card))
        ahead = "up" if to < index else "down"
        for name in (ahead, "down" if ahead == "up" else "up"):
            button = self.findChild(QPushButton, f"{prefix}.{to}.{name}")
            if button is not None and button.isEnabled():
                button.setFocus(Qt.FocusReason.OtherFocusReason)
                return

    def _reveal(self, widget: QWidget) -> None:
        if shiboken6.isValid(widget) and self.body.isAncestorOf(widget):
            self.scroll.ensureWidgetVisible(widget)

    def initializePage(self) -> None:
        self.message.hide()
