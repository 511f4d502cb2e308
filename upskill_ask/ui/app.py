"""Starting the desktop app: Qt application, log, error dialog, crash recovery, first window."""

from __future__ import annotations

import sys
from pathlib import Path

from upskill_ask import __version__, logs


def run(draft_path: Path | None = None) -> int:
    """Open the wizard (on a draft if given) and run until the window closes."""
    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QApplication

    logs.setup()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    from upskill_ask.ui import bindings

    unsound = bindings.problem()
    if unsound:
        from upskill_ask.ui.dialogs import Dialogs

        print(f"error: {unsound}", file=sys.stderr)
        logs.LOGGER.error("refused to start: %s", unsound)
        Dialogs().error(None, "upskill-ask cannot start", unsound)
        return 1
    crashed = logs.begin_session()
    app.setApplicationName("upskill-ask")
    app.setApplicationDisplayName("upskill-ask")
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("upskill-ask")
    icon = Path(__file__).resolve().parent.parent / "icons" / "upskill-ask.svg"
    if icon.is_file():
        app.setWindowIcon(QIcon(str(icon)))
    wizard = open_window(draft_path, crashed=crashed)
    wizard.show()
    logs.LOGGER.info("started")
    try:
        return app.exec()
    finally:
        logs.end_session()


def open_window(draft_path: Path | None, dialogs=None, *, crashed: bool = False):
    """The first window: says so when the last session ended unexpectedly (``crashed``),
    offers unsaved work it left, then opens the draft asked for.

    A draft that cannot be opened gets a dialog with the reason and the app starts on a new
    proposal; the file is left untouched.
    """
    from upskill_ask import drafts
    from upskill_ask.ui import errors
    from upskill_ask.ui.dialogs import Dialogs
    from upskill_ask.ui.pages.base import PageId
    from upskill_ask.ui.wizard import RequestWizard

    dialogs = dialogs or Dialogs()
    holder: list = []
    errors.install(lambda text, details: dialogs.error(holder[0] if holder else None,
                                                        "Something went wrong", text, details))
    recoveries = drafts.pending_recoveries()
    if crashed:
        dialogs.info(None, "upskill-ask closed unexpectedly",
                     "upskill-ask closed unexpectedly last time. "
                     + ("Your unsaved work was kept, and you can restore it next. "
                        if recoveries else "No unsaved work was lost. ")
                     + f"The technical details are in {logs.crash_file()}; "
                     "attaching that file to a bug report helps.")
    for file, original, data, page in recoveries:
        where = Path(original).name if original else "an unsaved proposal"
        if dialogs.ask_restore(None, where):
            wizard = RequestWizard(path=original or None, dialogs=dialogs, recovered=data)
            holder.append(wizard)
            wizard.resume_at(page or PageId.PEOPLE)
            return wizard
        file.unlink(missing_ok=True)
    draft = None
    problem = None
    if draft_path is not None:
        try:
            draft = drafts.load(draft_path)
        except drafts.DraftError as exc:
            problem = exc
    from upskill_ask import recent

    bundled = draft is not None and any(
        Path(draft_path).resolve() == example.resolve() for example in recent.examples())
    # an example bundled with the app opens as an untitled copy: saving never overwrites it
    wizard = RequestWizard(draft, path=draft_path if draft and not bundled else None,
                           dialogs=dialogs)
    holder.append(wizard)
    if draft is not None:
        if not bundled:
            recent.add(draft_path)
        wizard.resume_at(PageId.PEOPLE)
    if problem is not None:
        dialogs.error(None, "This draft cannot be opened",
                      f"{Path(draft_path).name} cannot be opened:\n\n" + "\n".join(problem.lines())
                      + "\n\nThe file was not changed. A new proposal is open instead.")
    return wizard
