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
from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from upskill_ask.ui import typed
from upskill_ask.ui.inputs import ChoiceBox, DateField, NumberSpin
from upskill_ask.ui.store import DraftStore


def decimal_edit() -> QLineEdit:
    """An amount or a number of hours, typed the way the draft's locale writes it."""
    edit = QLineEdit()
    edit.setMaxLength(40)
    edit.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    edit.setInputMethodHints(Qt.InputMethodHint.ImhFormattedNumbersOnly)
    edit.setProperty("decimal", True)
    return edit


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
                self._say(widget, widget.text())
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

    def _say(self, widget: QWidget, text: str) -> None:
        """Show or clear the problem under a checked field."""
        if widget not in self._problems:
            return
        label, check = self._problems[widget]
        if widget.property("decimal"):
            problem = typed.read_decimal(widget.objectName(), text,
                                         self.store.get("locale") or "en_GB",
                                         self.store.get("currency") or "EUR")[1]
        else:
            problem = check(text) if check and text.strip() else None
        if not shiboken6.isValid(label):
            return
        label.setText(problem or "")
        label.setVisible(bool(problem))
        widget.setAccessibleDescription(problem or widget.toolTip())

    def _write(self, widget: QWidget) -> None:
        path = widget.objectName()
        if isinstance(widget, DateField):
            value: Any = widget.getIsoDate() or None
        elif isinstance(widget, QLineEdit):
            value = widget.text()
            self._say(widget, value)
            if widget.property("decimal"):  # empty stays empty: the model reads it as 0
                value, _problem = typed.read_decimal(path, value, self.store.get("locale") or "en_GB",
                                                     self.store.get("currency") or "EUR")
        elif isinstance(widget, QPlainTextEdit):
            value = widget.toPlainText()
        elif isinstance(widget, QSpinBox):
            value = widget.value()
        elif isinstance(widget, QComboBox):
            value = widget.currentData()
        else:  # pragma: no cover
            return
        self._writing = widget
        try:
            self.store.set(path, value)
        finally:
            self._writing = None


class Form:
    """Builds labelled inputs into a QFormLayout: label with mnemonic and buddy, accessible
    name and description, objectName = field path, bound to the store."""

    def __init__(self, layout: QFormLayout, binder: Binder, *, mnemonics: bool = True):
        """``mnemonics=False`` for forms repeated on one page (cards), whose letters would
        clash: their labels keep their buddies but carry no Alt+letter."""
        self.layout = layout
        self.binder = binder
        self.mnemonics = mnemonics

    def add(self, path: str, label: str, widget: QWidget, *, hint: str = "",
            required: bool = False, check: Callable[[str], str | None] | None = None) -> QWidget:
        widget.setObjectName(path)
        plain = label.replace("&", "")
        widget.setAccessibleName(plain)
        if hint:
            widget.setToolTip(hint)
            widget.setAccessibleDescription(hint)
            if isinstance(widget, (QLineEdit, QPlainTextEdit)) and not isinstance(widget, DateField):
                widget.setPlaceholderText(hint)  # a date keeps 'Not set' as its placeholder
        if isinstance(widget, QPlainTextEdit):
            widget.setTabChangesFocus(True)
            widget.setMinimumHeight(widget.fontMetrics().lineSpacing() * 3 + 12)
            widget.setMaximumHeight(widget.fontMetrics().lineSpacing() * 6 + 12)
        caption = QLabel((label if self.mnemonics else plain) + (" *" if required else ""))
        caption.setBuddy(widget)
        self.layout.addRow(caption, widget)
        problem = None
        if check is not None or widget.property("decimal"):
            problem = plain_label(name=f"{path}.problem")
            problem.setAccessibleName(f"Problem with {plain}")
            problem.hide()  # a row of its own, so a hidden problem takes no space
            self.layout.addRow(problem)
        self.binder.bind(widget, problem, check)
        return widget

    def line(self, path: str, label: str, **kw: Any) -> QLineEdit:
        return self.add(path, label, QLineEdit(), **kw)

    def text(self, path: str, label: str, **kw: Any) -> QPlainTextEdit:
        return self.add(path, label, QPlainTextEdit(), **kw)

    def decimal(self, path: str, label: str, **kw: Any) -> QLineEdit:
        return self.add(path, label, decimal_edit(), **kw)

    def date(self, path: str, label: str, **kw: Any) -> DateField:
        return self.add(path, label, DateField(), **kw)

    def combo(self, path: str, label: str, choices: list[tuple[str, Any]], **kw: Any) -> QComboBox:
        box = ChoiceBox()
        for text, data in choices:
            box.addItem(text, data)
        return self.add(path, label, box, **kw)

    def spin(self, path: str, label: str, maximum: int, *, special: str = "",
             suffix: str = "", **kw: Any) -> QSpinBox:
        box = NumberSpin()
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
        self.binder.store.remove(self.path, index, label=f"removing {self.label.lower()} {index + 1}")
        self.rebuild()
        self.itemsChanged.emit(self.getItems())
        rows = self._rows.count()
        follow = self._rows.itemAt(min(index, rows - 1)).widget() if rows else self.add_button
        target = follow.findChild(QLineEdit) if rows else follow
        if target is not None:
            target.setFocus()
        page = self.parentWidget()
        while page is not None and not hasattr(page, "tell"):
            page = page.parentWidget()
        if page is not None:
            page.tell(f"Removed {self.label.lower()} {index + 1}. Undo (Ctrl+Z) brings it back.")


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


def busy_bar(name: str, accessible: str) -> QProgressBar:
    """An indeterminate progress bar, hidden until work starts; showing it moves nothing."""
    bar = QProgressBar()
    bar.setObjectName(name)
    bar.setAccessibleName(accessible)
    bar.setRange(0, 0)  # indeterminate
    bar.setTextVisible(False)
    bar.setMaximumHeight(bar.fontMetrics().height())
    policy = bar.sizePolicy()
    policy.setRetainSizeWhenHidden(True)  # showing it never moves the rest of the page
    bar.setSizePolicy(policy)
    bar.hide()
    return bar
