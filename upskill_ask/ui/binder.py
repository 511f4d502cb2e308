"""The binder: keeps every input named by a draft field path in step with the store, both ways.

Edits go to the store at the widget's path; a change of the store (another draft opened, a value
set elsewhere, undo) comes back to the widget, except into the field being typed in. Amounts and
hours are read and shown in the draft's locale (:mod:`upskill_ask.ui.typed`), and a field that
cannot be read says why in a label under it. Text fields leave Ctrl+Z to the window, so the
draft has one undo history.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QWidget,
)

from upskill_ask.ui import typed
from upskill_ask.ui.inputs import DateField
from upskill_ask.ui.store import DraftStore


class _OneUndoHistory(QObject):
    """Text fields hand Ctrl+Z and Ctrl+Shift+Z to the window, so there is one undo history
    for the whole draft (a field's own undo would bypass it)."""

    def eventFilter(self, _watched: QObject, event: QEvent) -> bool:
        # returning True leaves the override unaccepted: the window's Undo/Redo actions run
        return event.type() == QEvent.Type.ShortcutOverride and (
            event.matches(QKeySequence.StandardKey.Undo)
            or event.matches(QKeySequence.StandardKey.Redo))


class Binder(QObject):
    """Connects widgets (named by path) to the store, both ways."""

    def __init__(self, store: DraftStore, parent: QObject | None = None):
        super().__init__(parent)
        self.store = store
        self._widgets: dict[str, list[QWidget]] = {}
        self._writing: QWidget | None = None
        self._problems: dict[QWidget, tuple[QLabel, Callable[[str], str | None] | None]] = {}
        self._one_history = _OneUndoHistory(self)
        store.changed.connect(self._refresh_path)
        store.reset.connect(self.refresh_all)

    def bind(self, widget: QWidget, problem: QLabel | None = None,
             check: Callable[[str], str | None] | None = None) -> QWidget:
        """Keep ``widget`` and the draft in step. ``problem``: a label under the field that
        says why what was typed cannot be used (amounts, hours, ``check`` for other text)."""
        path = widget.objectName()
        if problem is not None:
            self._problems[widget] = (problem, check)
        self._widgets.setdefault(path, []).append(widget)
        self._load(widget)
        write = lambda *_: self._write(widget)  # noqa: E731
        if isinstance(widget, DateField):
            widget.isoDateChanged.connect(write)
        elif isinstance(widget, QLineEdit):
            widget.textEdited.connect(write)
            widget.installEventFilter(self._one_history)
            if widget.property("decimal"):  # on leaving, show it in the locale's own form
                widget.editingFinished.connect(lambda: self._load(widget))
        elif isinstance(widget, QPlainTextEdit):
            widget.setUndoRedoEnabled(False)
            widget.textChanged.connect(write)
            widget.installEventFilter(self._one_history)
        elif isinstance(widget, QSpinBox):
            widget.valueChanged.connect(write)
        elif isinstance(widget, QComboBox):
            widget.currentIndexChanged.connect(write)
        elif isinstance(widget, QCheckBox):
            widget.toggled.connect(write)
        return widget

    def forget(self, prefix: str) -> None:
        """Drop bindings under a path (before cards of a list are rebuilt)."""
        for path in [p for p in self._widgets if p == prefix or p.startswith(prefix + ".")]:
            del self._widgets[path]

    def refresh_all(self) -> None:
        for path in list(self._widgets):
            self._refresh_path(path)

    def _refresh_path(self, path: str) -> None:
        if path in ("locale", "currency"):  # amounts are shown and read in the draft's locale
            for other in [p for p, ws in self._widgets.items() if ws and ws[0].property("decimal")]:
                self._refresh_path(other)
        alive = [w for w in self._widgets.get(path, []) if shiboken6.isValid(w)]
        if path in self._widgets:
            self._widgets[path] = alive
        for widget in alive:
            if widget is not self._writing:  # never rewrite the field being typed in
                self._load(widget)

    def _load(self, widget: QWidget) -> None:
        value = self.store.get(widget.objectName())
        widget.blockSignals(True)
        try:
            if isinstance(widget, DateField):
                widget.setIsoDate(value)
            elif isinstance(widget, QLineEdit):
                text = typed.show_decimal(value, self.store.get("locale") or "en_GB") \
                    if widget.property("decimal") else str(value or "")
                if widget.text() != text:
                    widget.setText(text)
                if widget in self._problems:
                    self._say(widget, self._read(widget, widget.text())[1])
            elif isinstance(widget, QPlainTextEdit):
                if widget.toPlainText() != (value or ""):
                    widget.setPlainText(value or "")
            elif isinstance(widget, QSpinBox):
                widget.setValue(int(value or 0))
            elif isinstance(widget, QComboBox):
                index = widget.findData(value)
                widget.setCurrentIndex(max(index, 0))
            elif isinstance(widget, QCheckBox):
                widget.setChecked(bool(value))
        finally:
            widget.blockSignals(False)

    def _read(self, widget: QLineEdit, text: str) -> tuple[Any, str | None]:
        """What a line edit's text puts in the draft, and the problem with it (None when fine):
        an amount or hours read in the draft's locale, other text as typed and checked."""
        if widget.property("decimal"):  # empty stays empty: the model reads it as 0 or None
            return typed.read_decimal(widget.objectName(), text,
                                      self.store.get("locale") or "en_GB",
                                      self.store.get("currency") or "EUR")
        check = self._problems.get(widget, (None, None))[1]
        return text, (check(text) if check and text.strip() else None)

    def _say(self, widget: QWidget, problem: str | None) -> None:
        """Show or clear the problem under a checked field."""
        label = self._problems.get(widget, (None, None))[0]
        if label is None or not shiboken6.isValid(label):
            return
        label.setText(problem or "")
        label.setVisible(bool(problem))
        widget.setAccessibleDescription(problem or widget.toolTip())

    def _write(self, widget: QWidget) -> None:
        path = widget.objectName()
        if isinstance(widget, DateField):
            value: Any = widget.getIsoDate() or None
        elif isinstance(widget, QLineEdit):
            value, problem = self._read(widget, widget.text())  # read once per key
            self._say(widget, problem)
        elif isinstance(widget, QPlainTextEdit):
            value = widget.toPlainText()
        elif isinstance(widget, QSpinBox):
            value = widget.value()
        elif isinstance(widget, QComboBox):
            value = widget.currentData()
        elif isinstance(widget, QCheckBox):
            value = widget.isChecked()
        else:  # pragma: no cover
            return
        self._writing = widget
        try:
            self.store.set(path, value)
        finally:
            self._writing = None
