"""Form: builds labelled inputs into a QFormLayout, each named by its draft field path and bound.

Every input is created with its label (mnemonic + buddy), an accessible name and description,
an ``objectName`` equal to its field path, and a problem line under it where what is typed is
checked; then the :class:`upskill_ask.ui.binder.Binder` keeps it in step with the draft.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QWidget,
)

from upskill_ask.i18n import _
from upskill_ask.ui import typed
from upskill_ask.ui.binder import Binder
from upskill_ask.ui.inputs import ChoiceBox, DateField, NumberSpin, ProseEdit
from upskill_ask.ui.widgets import decimal_edit, plain_label


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
            problem.setAccessibleName(_("Problem with {field}").format(field=plain))
            problem.hide()  # a row of its own, so a hidden problem takes no space
            self.layout.addRow(problem)
        self.binder.bind(widget, problem, check)
        return widget

    def line(self, path: str, label: str, **kw: Any) -> QLineEdit:
        return self.add(path, label, QLineEdit(), **kw)

    def text(self, path: str, label: str, **kw: Any) -> QPlainTextEdit:
        return self.add(path, label, ProseEdit(), **kw)

    def decimal(self, path: str, label: str, **kw: Any) -> QLineEdit:
        return self.add(path, label, decimal_edit(typed.is_money(path)), **kw)

    def date(self, path: str, label: str, **kw: Any) -> DateField:
        return self.add(path, label, DateField(), **kw)

    def check(self, path: str, label: str, text: str, **kw: Any) -> QCheckBox:
        """A check box with its own text; ``label`` is the caption in the form's left column."""
        box = QCheckBox(text)
        return self.add(path, label, box, **kw)

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
