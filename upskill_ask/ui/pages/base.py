"""What every wizard page shares: access to the store, a scrolling form, and a message line
that explains what is missing when Next cannot go on yet."""

from __future__ import annotations

from enum import IntEnum

from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from upskill_ask.ui.store import DraftStore
from upskill_ask.ui.widgets import Binder, Form, plain_label


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

    #: (path, message) pairs that must be filled before Next
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
        self.message.setAccessibleName("What is missing")
        self.message.hide()
        outer.addWidget(self.message)
        self._form: Form | None = None
        self.build()

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
            heading = QLabel(title)
            font = heading.font()
            font.setBold(True)
            heading.setFont(font)
            heading.setContentsMargins(0, 8, 0, 0)
            self._form.layout.addRow(heading)
        return self._form

    def missing(self) -> list[tuple[str, str]]:
        return [(path, message) for path, message in self.required
                if not str(self.store.get(path) or "").strip()]

    def validatePage(self) -> bool:
        gaps = self.missing()
        if not gaps:
            self.message.hide()
            return True
        self.message.setText("Before you go on: " + "; ".join(m for _, m in gaps) + ".")
        self.message.show()
        target = self.findChild(QWidget, gaps[0][0])
        if target is not None:
            target.setFocus()
            self.scroll.ensureWidgetVisible(target)
        return False

    def initializePage(self) -> None:
        self.message.hide()
