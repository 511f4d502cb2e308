"""Input widgets named by draft field path, and the binder that keeps them in step with the store.

Every input is created with its label (mnemonic + buddy), an accessible name and an
``objectName`` equal to its field path, then bound: edits go to the store at that path, and a
change of the store (another draft opened, a value set elsewhere) comes back to the widget.
Compound widgets expose a Qt Property with a change signal, so Qt's field machinery works.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import Property as QtProperty
from PySide6.QtCore import QDate, QObject, QRegularExpression, Qt, Signal
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from upskill_ask.ui.store import DraftStore

NO_DATE = QDate(2000, 1, 1)


class DateField(QDateEdit):
    """A date that may be unset: the earliest date shows as 'Not set'. Property: ``isoDate``."""

    isoDateChanged = Signal(str)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setCalendarPopup(True)
        self.setMinimumDate(NO_DATE)
        self.setMaximumDate(QDate(2100, 12, 31))
        self.setSpecialValueText("Not set")
        self.setDisplayFormat("d MMM yyyy")
        self.setDate(NO_DATE)
        self.setCorrectionMode(QAbstractSpinBox.CorrectionMode.CorrectToNearestValue)
        self.dateChanged.connect(lambda _d: self.isoDateChanged.emit(self.getIsoDate()))

    def getIsoDate(self) -> str:
        day = self.date()
        return "" if day == NO_DATE else day.toString("yyyy-MM-dd")

    def setIsoDate(self, value: str | None) -> None:
        if not value:
            self.setDate(NO_DATE)
            return
        parsed = QDate.fromString(str(value), "yyyy-MM-dd")
        self.setDate(parsed if parsed.isValid() else NO_DATE)

    isoDate = QtProperty(str, getIsoDate, setIsoDate, notify=isoDateChanged)

    def mousePressEvent(self, event) -> None:
        # opening the calendar on 'Not set' starts at today, not in the year 2000
        if self.date() == NO_DATE:
            self.calendarWidget().setSelectedDate(QDate.currentDate())
        super().mousePressEvent(event)


def decimal_edit(places: int = 2) -> QLineEdit:
    """A figure typed plainly: up to 12 digits (model.MONEY_MAX), the decimal point or comma."""
    edit = QLineEdit()
    pattern = rf"^\d{{0,12}}([.,]\d{{0,{places}}})?$"
    edit.setValidator(QRegularExpressionValidator(QRegularExpression(pattern), edit))
    edit.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    edit.setInputMethodHints(Qt.InputMethodHint.ImhFormattedNumbersOnly)
    edit.setProperty("decimal", True)
    return edit


def _decimal_text(value: Any) -> str:
    if value in (None, ""):
        return ""
    text = str(value)
    return "" if text in ("0", "0.0", "0.00") else text


class Binder(QObject):
    """Connects widgets (named by path) to the store, both ways."""

    def __init__(self, store: DraftStore, parent: QObject | None = None):
        super().__init__(parent)
        self.store = store
        self._widgets: dict[str, list[QWidget]] = {}
        store.changed.connect(self._refresh_path)
        store.reset.connect(self.refresh_all)

    def bind(self, widget: QWidget) -> QWidget:
        path = widget.objectName()
        self._widgets.setdefault(path, []).append(widget)
        self._load(widget)
        write = lambda *_: self._write(widget)  # noqa: E731
        if isinstance(widget, DateField):
            widget.isoDateChanged.connect(write)
        elif isinstance(widget, QLineEdit):
            widget.textEdited.connect(write)
        elif isinstance(widget, QPlainTextEdit):
            widget.textChanged.connect(write)
        elif isinstance(widget, QSpinBox):
            widget.valueChanged.connect(write)
        elif isinstance(widget, QComboBox):
            widget.currentIndexChanged.connect(write)
        return widget

    def forget(self, prefix: str) -> None:
        """Drop bindings under a path (before cards of a list are rebuilt)."""
        for path in [p for p in self._widgets if p == prefix or p.startswith(prefix + ".")]:
            del self._widgets[path]

    def refresh_all(self) -> None:
        for path in list(self._widgets):
            self._refresh_path(path)

    def _refresh_path(self, path: str) -> None:
        alive = [w for w in self._widgets.get(path, []) if shiboken6.isValid(w)]
        if path in self._widgets:
            self._widgets[path] = alive
        for widget in alive:
            self._load(widget)

    def _load(self, widget: QWidget) -> None:
        value = self.store.get(widget.objectName())
        widget.blockSignals(True)
        try:
            if isinstance(widget, DateField):
                widget.setIsoDate(value)
            elif isinstance(widget, QLineEdit):
                text = _decimal_text(value) if widget.property("decimal") else str(value or "")
                if widget.text() != text:
                    widget.setText(text)
            elif isinstance(widget, QPlainTextEdit):
                if widget.toPlainText() != (value or ""):
                    widget.setPlainText(value or "")
            elif isinstance(widget, QSpinBox):
                widget.setValue(int(value or 0))
            elif isinstance(widget, QComboBox):
                index = widget.findData(value)
                widget.setCurrentIndex(max(index, 0))
        finally:
            widget.blockSignals(False)

    def _write(self, widget: QWidget) -> None:
        path = widget.objectName()
        if isinstance(widget, DateField):
            value: Any = widget.getIsoDate() or None
        elif isinstance(widget, QLineEdit):
            value = widget.text()
            if widget.property("decimal"):
                value = value.replace(",", ".") or ("" if path.endswith("hourly_cost") else "0")
                if value.endswith("."):
                    value += "0"
        elif isinstance(widget, QPlainTextEdit):
            value = widget.toPlainText()
        elif isinstance(widget, QSpinBox):
            value = widget.value()
        elif isinstance(widget, QComboBox):
            value = widget.currentData()
        else:  # pragma: no cover
            return
        self.store.set(path, value)


class Form:
    """Builds labelled inputs into a QFormLayout: label with mnemonic and buddy, accessible
    name and description, objectName = field path, bound to the store."""

    def __init__(self, layout: QFormLayout, binder: Binder):
        self.layout = layout
        self.binder = binder

    def add(self, path: str, label: str, widget: QWidget, *, hint: str = "",
            required: bool = False) -> QWidget:
        widget.setObjectName(path)
        plain = label.replace("&", "")
        widget.setAccessibleName(plain)
        if hint:
            widget.setToolTip(hint)
            widget.setAccessibleDescription(hint)
            if isinstance(widget, (QLineEdit, QPlainTextEdit)):
                widget.setPlaceholderText(hint)
        if isinstance(widget, QPlainTextEdit):
            widget.setTabChangesFocus(True)
            widget.setMinimumHeight(widget.fontMetrics().lineSpacing() * 3 + 12)
            widget.setMaximumHeight(widget.fontMetrics().lineSpacing() * 6 + 12)
        caption = QLabel(label + (" *" if required else ""))
        caption.setBuddy(widget)
        self.layout.addRow(caption, widget)
        self.binder.bind(widget)
        return widget

    def line(self, path: str, label: str, **kw: Any) -> QLineEdit:
        return self.add(path, label, QLineEdit(), **kw)

    def text(self, path: str, label: str, **kw: Any) -> QPlainTextEdit:
        return self.add(path, label, QPlainTextEdit(), **kw)

    def decimal(self, path: str, label: str, places: int = 2, **kw: Any) -> QLineEdit:
        return self.add(path, label, decimal_edit(places), **kw)

    def date(self, path: str, label: str, **kw: Any) -> DateField:
        return self.add(path, label, DateField(), **kw)

    def combo(self, path: str, label: str, choices: list[tuple[str, Any]], **kw: Any) -> QComboBox:
        box = QComboBox()
        for text, data in choices:
            box.addItem(text, data)
        return self.add(path, label, box, **kw)

    def spin(self, path: str, label: str, maximum: int, *, special: str = "",
             suffix: str = "", **kw: Any) -> QSpinBox:
        box = QSpinBox()
        box.setRange(0, maximum)
        box.setSuffix(suffix)
        if special:
            box.setSpecialValueText(special)
        return self.add(path, label, box, **kw)


class ListEditor(QWidget):
    """A list of short lines (benefits, measures...): one named line edit per item, with add
    and remove. Property ``items`` (list of str) with ``itemsChanged``."""

    itemsChanged = Signal(list)

    def __init__(self, path: str, label: str, binder: Binder, *,
                 make_item: Callable[[], Any] = str, fields: tuple[tuple[str, str, str], ...] = (),
                 add_text: str = "Add", item_kind: str = "line", parent: QWidget | None = None):
        """``fields``: for lists of objects, (key, column label, kind 'line' or 'date')."""
        super().__init__(parent)
        self.path = path
        self.label = label
        self.binder = binder
        self.make_item = make_item
        self.fields = fields
        self.item_kind = item_kind
        self.setObjectName(path + ".list")
        self.setAccessibleName(label)
        self._rows = QVBoxLayout()
        self._rows.setContentsMargins(0, 0, 0, 0)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addLayout(self._rows)
        self.add_button = QPushButton(add_text)
        self.add_button.setAccessibleName(f"{add_text} ({label})")
        self.add_button.clicked.connect(self._add)
        row = QHBoxLayout()
        row.addWidget(self.add_button)
        row.addStretch(1)
        outer.addLayout(row)
        binder.store.reset.connect(self.rebuild)
        self.rebuild()

    def getItems(self) -> list:
        return list(self.binder.store.get(self.path) or [])

    def setItems(self, items: list) -> None:
        self.binder.store.set(self.path, list(items))
        self.rebuild()

    items = QtProperty(list, getItems, setItems, notify=itemsChanged)

    def rebuild(self) -> None:
        self.binder.forget(self.path)
        while self._rows.count():
            item = self._rows.takeAt(0)
            if item.widget():
                item.widget().deleteLater()
        for index, _value in enumerate(self.binder.store.list_at(self.path)):
            row = self._row(index)
            self._rows.addWidget(row)
            row.show()

    def _row(self, index: int) -> QWidget:
        row = QWidget()
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        item_path = f"{self.path}.{index}"
        if self.fields:
            for key, caption, kind in self.fields:
                widget: QWidget = DateField() if kind == "date" else QLineEdit()
                widget.setObjectName(f"{item_path}.{key}")
                widget.setAccessibleName(f"{self.label} {index + 1}: {caption}")
                if isinstance(widget, QLineEdit):
                    widget.setPlaceholderText(caption)
                else:
                    widget.setToolTip(caption)
                layout.addWidget(widget, 0 if kind == "date" else 1)
                self.binder.bind(widget)
        else:
            edit = DateField() if self.item_kind == "date" else QLineEdit()
            edit.setObjectName(item_path)
            edit.setAccessibleName(f"{self.label} {index + 1}")
            layout.addWidget(edit, 1)
            self.binder.bind(edit)
        remove = QToolButton()
        remove.setText("Remove")
        remove.setAccessibleName(f"Remove {self.label.lower()} {index + 1}")
        remove.clicked.connect(lambda _=False, i=index: self._remove(i))
        layout.addWidget(remove)
        return row

    def _add(self) -> None:
        self.binder.store.append(self.path, self.make_item())
        self.rebuild()
        self.itemsChanged.emit(self.getItems())
        last = self._rows.itemAt(self._rows.count() - 1).widget()
        first_input = last.findChild(QWidget, f"{self.path}.{self._rows.count() - 1}") or \
            last.findChild(QLineEdit)
        if first_input:
            first_input.setFocus()

    def _remove(self, index: int) -> None:
        self.binder.store.remove(self.path, index)
        self.rebuild()
        self.itemsChanged.emit(self.getItems())


def plain_label(text: str = "", name: str = "") -> QLabel:
    """A wrapping label that shows its text as plain text: it may quote what the user typed,
    which must never be read as markup."""
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if name:
        label.setObjectName(name)
    return label


def card_buttons(prefix: str, noun: str, index: int, count: int,
                 move: Callable[[int, int], None], remove: Callable[[int], None]) -> QHBoxLayout:
    """Move up / Move down / Remove for one card of a list (options, questions)."""
    row = QHBoxLayout()
    for text, name, enabled, slot in (
            ("Move up", "up", index > 0, lambda: move(index, index - 1)),
            ("Move down", "down", index < count - 1, lambda: move(index, index + 1)),
            ("Remove", "remove", True, lambda: remove(index))):
        button = QPushButton(text)
        button.setObjectName(f"{prefix}.{name}")
        button.setAccessibleName(f"{text} {noun} {index + 1}")
        button.setEnabled(enabled)
        button.clicked.connect(slot)
        row.addWidget(button)
    row.addStretch(1)
    return row
