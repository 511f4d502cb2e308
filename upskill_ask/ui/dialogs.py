"""Every question the app asks the user in a modal dialog, behind one seam.

The wizard calls these methods and never ``QMessageBox``/``QFileDialog`` directly, so tests
replace the object with one that answers from a script instead of opening real modal loops.
"""

from __future__ import annotations

from enum import Enum
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from upskill_ask.i18n import N_, _

DRAFT_FILTER = N_("upskill-ask drafts (*.upskill);;All files (*)")  # translated where shown


class Unsaved(Enum):
    SAVE = "save"
    DISCARD = "discard"
    CANCEL = "cancel"


def _ask(parent: QWidget | None, icon: QMessageBox.Icon, title: str, text: str,
         buttons: QMessageBox.StandardButton, default: QMessageBox.StandardButton,
         details: str = "") -> QMessageBox.StandardButton:
    """A message box that shows its text as plain text: file names and field values may hold
    anything, and must never be read as markup."""
    box = QMessageBox(icon, title, text, buttons, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setDefaultButton(default)
    if details:
        box.setDetailedText(details)
    return QMessageBox.StandardButton(box.exec())


class Dialogs:
    """The real dialogs."""

    def open_draft(self, parent: QWidget, folder: str) -> Path | None:
        name, _chosen = QFileDialog.getOpenFileName(parent, _("Open a draft"), folder,
                                                    _(DRAFT_FILTER))
        return Path(name) if name else None

    def save_path(self, parent: QWidget, title: str, suggested: str, filters: str) -> Path | None:
        name, _chosen = QFileDialog.getSaveFileName(parent, title, suggested, filters)
        return Path(name) if name else None

    def error(self, parent: QWidget, title: str, text: str, details: str = "") -> None:
        _ask(parent, QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Ok,
             QMessageBox.StandardButton.Ok, details)

    def info(self, parent: QWidget, title: str, text: str) -> None:
        _ask(parent, QMessageBox.Icon.Information, title, text, QMessageBox.StandardButton.Ok,
             QMessageBox.StandardButton.Ok)

    def ask_unsaved(self, parent: QWidget, name: str) -> Unsaved:
        answer = _ask(
            parent, QMessageBox.Icon.Question, _("Unsaved changes"),
            _("Save the changes to {name} before closing?").format(name=name),
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Save)
        return {QMessageBox.StandardButton.Save: Unsaved.SAVE,
                QMessageBox.StandardButton.Discard: Unsaved.DISCARD}.get(answer, Unsaved.CANCEL)

    def ask_restore(self, parent: QWidget | None, description: str) -> bool:
        answer = _ask(
            parent, QMessageBox.Icon.Question, _("Restore unsaved work?"),
            _("upskill-ask did not close properly last time. Restore the unsaved work on "
              "{description}?\n\nIf you choose No, the recovered copy is deleted.").format(
                description=description),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.Yes)
        return answer == QMessageBox.StandardButton.Yes

    def ask_export_anyway(self, parent: QWidget, title: str, text: str) -> bool:
        """A warning about the export, with the choice to go on; True to export anyway."""
        answer = _ask(parent, QMessageBox.Icon.Warning, title, text + "\n\n" + _("Export anyway?"),
                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
                      QMessageBox.StandardButton.Cancel)
        return answer == QMessageBox.StandardButton.Yes

    def print_setup(self, parent: QWidget, printer, pages: int) -> bool:
        """The system print dialog for ``printer`` (a QPrinter); True when the user chose Print."""
        from PySide6.QtPrintSupport import QAbstractPrintDialog, QPrintDialog
        from PySide6.QtWidgets import QDialog

        dialog = QPrintDialog(printer, parent)
        dialog.setWindowTitle(_("Print the proposal"))
        dialog.setOption(QAbstractPrintDialog.PrintDialogOption.PrintPageRange, True)
        dialog.setMinMax(1, max(1, pages))
        return dialog.exec() == QDialog.DialogCode.Accepted
