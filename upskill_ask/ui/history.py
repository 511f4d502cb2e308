"""Undo and redo for the whole draft: Ctrl+Z / Ctrl+Shift+Z (and Ctrl+Y), two buttons in the
wizard's button row, and the cursor taken to what changed back.

The history itself lives in :class:`~upskill_ask.ui.store.DraftStore`; this module only puts
it in front of the user and names each step by the label of the field it touched.
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget, QWizard

from upskill_ask.i18n import _
from upskill_ask.ui.store import Step

UNDO_BUTTON = QWizard.WizardButton.CustomButton2
REDO_BUTTON = QWizard.WizardButton.CustomButton3


class UndoControls(QObject):
    """Wires the store's history to keys, buttons and the wizard's pages."""

    def __init__(self, wizard):
        super().__init__(wizard)
        self.wizard = wizard
        self.store = wizard.store
        wizard.setOption(QWizard.WizardOption.HaveCustomButton2, True)
        wizard.setOption(QWizard.WizardOption.HaveCustomButton3, True)
        # no Alt+letter: the keys are Ctrl+Z and Ctrl+Shift+Z, and letters are scarce on forms
        wizard.setButtonText(UNDO_BUTTON, _("Undo"))
        wizard.setButtonText(REDO_BUTTON, _("Redo"))
        self.undo_action = self._action(_("Undo"), [QKeySequence.StandardKey.Undo], self.undo)
        self.redo_action = self._action(
            _("Redo"), [QKeySequence.StandardKey.Redo, QKeySequence("Ctrl+Shift+Z"),
                     QKeySequence("Ctrl+Y")], self.redo)
        wizard.customButtonClicked.connect(self._clicked)
        self.store.historyChanged.connect(self.update)
        self.update()

    def _action(self, text: str, keys, slot) -> QAction:
        action = QAction(text, self.wizard)
        shortcuts: list[QKeySequence] = []
        for key in keys:
            for sequence in (QKeySequence.keyBindings(key)
                             if isinstance(key, QKeySequence.StandardKey) else [key]):
                if not sequence.isEmpty() and sequence not in shortcuts:
                    shortcuts.append(sequence)
        action.setShortcuts(shortcuts)
        action.triggered.connect(lambda _checked=False: slot())
        self.wizard.addAction(action)
        return action

    def _clicked(self, which: int) -> None:
        if which == UNDO_BUTTON.value:  # the signal carries the button's number
            self.undo()
        elif which == REDO_BUTTON.value:
            self.redo()

    def describe(self, label: str) -> str:
        """A step's label in words: 'typing in Your name', 'removing option 2'."""
        verb, _colon, path = label.partition(":")
        if not path:
            return label
        widget = self.wizard.findChild(QWidget, path)
        name = widget.accessibleName() if widget is not None else path
        said = {"edit": _("the change to {field}"), "add": _("adding an item"),
                "remove": _("removing an item"), "move": _("moving an item")}.get(verb)
        return said.format(field=name) if said else label

    def update(self) -> None:
        for action, button, can, label, key, doing, nothing in (
                (self.undo_action, UNDO_BUTTON, self.store.can_undo(), self.store.undo_label(),
                 "Ctrl+Z", _("Undo {step}"), _("Nothing to undo")),
                (self.redo_action, REDO_BUTTON, self.store.can_redo(), self.store.redo_label(),
                 "Ctrl+Shift+Z", _("Redo {step}"), _("Nothing to redo"))):
            text = doing.format(step=self.describe(label)) if can else nothing
            action.setEnabled(can)
            widget = self.wizard.button(button)
            widget.setEnabled(can)
            widget.setToolTip(f"{text} ({key})")
            widget.setAccessibleName(text)

    def undo(self) -> None:
        self._show(self.store.undo(), _("Undone: {step}."))

    def redo(self) -> None:
        self._show(self.store.redo(), _("Redone: {step}."))

    def _show(self, step: Step | None, done: str) -> None:
        """Take the user to what changed: the field itself, else the page that holds it."""
        if step is None:
            return
        path = step.changes[-1][0]
        widget = self.wizard.findChild(QWidget, path)
        if widget is None:  # a whole list changed: the first field of it still there
            widget = next((w for w in self.wizard.findChildren(QWidget)
                           if w.objectName().startswith(path + ".") and w.isEnabled()), None)
        if widget is not None:
            self.wizard.focus_field(widget.objectName())
        page = self.wizard.currentPage()
        tell = getattr(page, "tell", None)
        if tell is not None:
            tell(done.format(step=self.describe(step.label)))
