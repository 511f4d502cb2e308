"""The steps around the meeting, reached from the wizard: rehearsing it (the app plays the
manager, :mod:`upskill_ask.ui.rehearsal`) and recording its outcome
(:mod:`upskill_ask.ui.outcome`), on the draft being edited or on a saved one."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from upskill_ask.ui.wizard import RequestWizard


def rehearse(wizard: RequestWizard) -> None:
    """Open the rehearsal window over the draft being edited (its marks are edits)."""
    from upskill_ask.ui.rehearsal import RehearsalWindow

    window = RehearsalWindow(wizard.store, wizard, dialogs=wizard.dialogs, save=wizard.save)
    if window.start():
        wizard.rehearsal_window = window
        window.show()


def rehearse_saved(wizard: RequestWizard, path: Path | None) -> None:
    """From the Start page: rehearse a saved draft: the recent one picked, else the one open,
    else one chosen in the file dialog."""
    path = path or wizard.path or wizard.files.open_dialog()
    if path is None:
        return
    other = wizard.path is None or Path(path).resolve() != wizard.path.resolve()
    if other and not wizard.open_path(Path(path)):
        return
    wizard._leave_start_page()
    rehearse(wizard)


def record_outcome(wizard: RequestWizard):
    """Open the outcome step on the draft being edited; returns the dialog."""
    from upskill_ask.ui.outcome import OutcomeDialog

    dialog = OutcomeDialog(wizard)
    dialog.open()
    return dialog


def outcome_from_start(wizard: RequestWizard) -> None:
    """From the Start page: the recent draft selected, else one chosen in the file dialog,
    opened and then its outcome step."""
    path = wizard.start_page.selected_recent() or wizard.files.open_dialog()
    if path is not None and wizard.open_path(path):
        record_outcome(wizard)
