"""ListEditor: a list of short lines or small records (benefits, measures, trades, check-in
dates), one bound input per item with add and remove, as one Qt property (``items``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Property as QtProperty
from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QPushButton, QToolButton, QVBoxLayout, QWidget

from upskill_ask.i18n import _, in_sentence
from upskill_ask.ui.binder import Binder
from upskill_ask.ui.inputs import DateField


class ListEditor(QWidget):
    """A list of short lines (benefits, measures...): one named line edit per item, with add
    and remove. Property ``items`` (list of str) with ``itemsChanged``."""

    itemsChanged = Signal(list)

    def __init__(self, path: str, label: str, binder: Binder, *,
                 make_item: Callable[[], Any] = str, fields: tuple[tuple[str, str, str], ...] = (),
                 add_text: str = "", item_kind: str = "line", parent: QWidget | None = None):
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
        add_text = add_text or _("Add")
        self.add_button = QPushButton(add_text)
        self.add_button.setAccessibleName(f"{add_text.replace('&', '')} ({label})")
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
        remove.setText(_("Remove"))
        remove.setAccessibleName(_("Remove {item} {number}").format(item=in_sentence(self.label),
                                                                    number=index + 1))
        remove.clicked.connect(lambda _checked=False, i=index: self._remove(i))
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
        self.binder.store.remove(self.path, index, label=_("removing {item} {number}").format(
            item=in_sentence(self.label), number=index + 1))
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
            page.tell(_("Removed {item} {number}. Undo (Ctrl+Z) brings it back.").format(
                item=in_sentence(self.label), number=index + 1))
