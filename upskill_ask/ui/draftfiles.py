"""The draft file around the window: open, save, save as, new, example copies, the recovery
file written a few seconds after each edit, recent drafts, file names and the messages when a
file cannot be read or written. The wizard and the app's start-up (``ui/app.py``) both use it.

:class:`DraftFiles` belongs to one :class:`upskill_ask.ui.wizard.RequestWizard`: it keeps the
draft's path, the window title with the file name and an unsaved mark, and asks before unsaved
work is lost. Every question goes through the wizard's ``dialogs`` (a seam the tests answer).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from PySide6.QtCore import QObject, QTimer

from upskill_ask import drafts, logs, recent
from upskill_ask.i18n import N_, _
from upskill_ask.ui.dialogs import Unsaved

if TYPE_CHECKING:
    from upskill_ask.model import Draft

AUTOSAVE_MS = 3000
NOT_CHANGED = N_("The file was not changed.")  # translated where shown


def cannot_open(dialogs: Any, parent: Any, path: str | Path, exc: drafts.DraftError,
                outcome: str = NOT_CHANGED) -> None:
    """Say why a draft cannot be opened (every problem, by field) and what happens instead."""
    dialogs.error(parent, _("This draft cannot be opened"),
                  _("{name} cannot be opened:").format(name=Path(path).name) + "\n\n"
                  + "\n".join(exc.lines()) + f"\n\n{_(outcome)}")
    logs.LOGGER.info("refused to open a draft (%d problems)", len(exc.problems))


def is_example(path: str | Path) -> bool:
    """A draft bundled with the app: it opens as an untitled copy, so saving never overwrites it."""
    resolved = Path(path).resolve()
    return any(resolved == example.resolve() for example in recent.examples())


class Opened(NamedTuple):
    """A draft asked for at start-up, as read."""

    draft: Draft | None  # None: none asked for, or it cannot be read
    path: Path | None  # the file the window saves to (None for an example's copy)
    problem: drafts.DraftError | None


def read_at_start(path: str | Path | None) -> Opened:
    """Read the draft named on the command line (an example as an untitled copy)."""
    if path is None:
        return Opened(None, None, None)
    try:
        draft = drafts.load(path)
    except drafts.DraftError as exc:
        return Opened(None, None, exc)
    return Opened(draft, None if is_example(path) else Path(path), None)


def remember(opened: Opened) -> None:
    """Add a draft opened at start-up to the recent drafts (not an example's copy)."""
    if opened.path is not None:
        recent.add(opened.path)


def restore_offered(dialogs: Any, recoveries: list[drafts.Recovery]) -> drafts.Recovery | None:
    """Offer the work sessions left unsaved (``drafts.pending_recoveries()``), one recovery file
    at a time: the first the user restores, or None; the files declined are deleted."""
    for recovery in recoveries:
        where = Path(recovery.draft_path).name if recovery.draft_path else \
            _("an unsaved proposal")
        if dialogs.ask_restore(None, where):
            return recovery
        recovery.file.unlink(missing_ok=True)
    return None


class DraftFiles(QObject):
    """The file of one wizard's draft."""

    def __init__(self, wizard: Any, path: str | Path | None = None):
        super().__init__(wizard)
        self.wizard = wizard
        self.store = wizard.store
        self.path: Path | None = Path(path) if path else None
        #: writes the recovery file AUTOSAVE_MS after the last edit
        self.autosave = QTimer(self)
        self.autosave.setSingleShot(True)
        self.autosave.setInterval(AUTOSAVE_MS)
        self.autosave.timeout.connect(self.write_recovery)
        self.store.changed.connect(self._on_edit)

    @property
    def dialogs(self) -> Any:
        return self.wizard.dialogs

    def display_name(self) -> str:
        return self.path.name if self.path else _("Untitled proposal")

    def update_title(self) -> None:
        self.wizard.setWindowFilePath(str(self.path) if self.path else "")
        self.wizard.setWindowTitle(f"{self.display_name()}[*] — upskill-ask")
        self.wizard.setWindowModified(self.store.dirty)

    def _on_edit(self, _path: str) -> None:
        self.update_title()
        self.autosave.start()

    # --- the recovery file ---------------------------------------------------------------

    def write_recovery(self) -> None:
        """Keep the work in progress in a separate recovery file (never the draft itself)."""
        if not self.store.dirty:
            return
        try:
            drafts.write_recovery(self.store.data, self.path, max(self.wizard.currentId(), 0))
        except OSError as exc:
            logs.LOGGER.warning("recovery file not written: %s", exc.strerror)

    def discard_recovery(self) -> None:
        self.autosave.stop()
        drafts.discard_recovery(self.path)

    # --- saving --------------------------------------------------------------------------

    def save(self) -> bool:
        if self.path is None:
            return self.save_as()
        return self._save_to(self.path)

    def save_as(self) -> bool:
        suggested = str(self.path or (Path.home() / self.suggested_name()))
        target = self.dialogs.save_path(self.wizard, _("Save the draft"), suggested,
                                        _("upskill-ask drafts (*.upskill)"))
        if target is None:
            return False
        if target.suffix != drafts.SUFFIX:
            target = target.with_name(target.name + drafts.SUFFIX)
        return self._save_to(target)

    def suggested_name(self) -> str:
        from upskill_ask import filenames

        return filenames.stem(str(self.store.get("title") or ""),
                              str(self.store.get("skill.name") or "")) + drafts.SUFFIX

    def _save_to(self, target: Path) -> bool:
        try:
            draft = self.store.draft()
        except drafts.DraftError as exc:
            self.dialogs.error(self.wizard, _("The draft cannot be saved yet"),
                               _("Some fields need fixing first:") + "\n\n"
                               + "\n".join(exc.lines()))
            self.wizard.focus_field(exc.problems[0][0])
            return False
        old_recovery = self.path
        try:
            drafts.save(draft, target)
        except OSError as exc:
            self.write_recovery()
            self.dialogs.error(
                self.wizard, _("The draft was not saved"),
                _("Could not write {file}: {reason}.\n\nYour work is still open, and a recovery "
                  "copy is kept. Try another folder with Save As (Ctrl+Shift+S).").format(
                    file=target, reason=exc.strerror or exc))
            logs.LOGGER.warning("save failed: %s", exc.strerror)
            return False
        drafts.discard_recovery(old_recovery)
        self.path = target
        self.discard_recovery()
        self.store.dirty = False
        recent.add(target)
        self.update_title()
        logs.LOGGER.info("saved a draft")
        return True

    def maybe_keep_changes(self) -> bool:
        """Ask what to do with unsaved changes; True when it is fine to go on."""
        if not self.store.dirty:
            return True
        answer = self.dialogs.ask_unsaved(self.wizard, self.display_name())
        if answer is Unsaved.SAVE:
            return self.save()
        if answer is Unsaved.DISCARD:
            self.discard_recovery()
            return True
        return False

    # --- opening -------------------------------------------------------------------------

    def new_draft(self) -> bool:
        if not self.maybe_keep_changes():
            return False
        self.discard_recovery()
        self.path = None
        self.store.replace({})
        self.update_title()
        return True

    def open_dialog(self) -> Path | None:
        """The draft the user picks to open (None if cancelled)."""
        folder = str(self.path.parent if self.path else Path.home())
        return self.dialogs.open_draft(self.wizard, folder)

    def open_path(self, path: str | Path, *, example: bool = False) -> bool:
        """Open a draft file (``example``: as a new, untitled copy that saving never writes
        over); True when it is open."""
        if not self.maybe_keep_changes():
            return False
        try:
            draft = drafts.load(path)
        except drafts.DraftError as exc:
            cannot_open(self.dialogs, self.wizard, path, exc)
            return False
        self.discard_recovery()
        self.path = None if example else Path(path)
        self.store.replace(draft.model_dump(mode="json"))
        if example:
            self.store.dirty = True
        else:
            recent.add(path)
        self.update_title()
        return True
