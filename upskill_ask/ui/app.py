"""Starting the desktop app: Qt application, log, error dialog, crash recovery, first window."""

from __future__ import annotations

import sys
from pathlib import Path

from upskill_ask import __version__, logs
from upskill_ask.i18n import _


def run(draft_path: Path | None = None) -> int:
    """Open the wizard (on a draft if given) and run until the window closes."""
    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QApplication

    logs.setup()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    from upskill_ask.ui import bindings, language

    language.install_qt()  # before any widget: Qt's own texts are taken when a widget is made

    unsound = bindings.problem()
    if unsound:
        from upskill_ask.ui.dialogs import Dialogs

        print(f"error: {unsound}", file=sys.stderr)
        logs.LOGGER.error("refused to start: %s", unsound)
        Dialogs().error(None, _("upskill-ask cannot start"), unsound)
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
    from upskill_ask.ui import draftfiles, errors
    from upskill_ask.ui.dialogs import Dialogs
    from upskill_ask.ui.pages.base import PageId
    from upskill_ask.ui.wizard import RequestWizard

    dialogs = dialogs or Dialogs()
    holder: list = []
    errors.install(lambda text, details: dialogs.error(_window(holder), _("Something went wrong"),
                                                        text, details))
    recoveries = drafts.pending_recoveries()
    if crashed:
        dialogs.info(None, _("upskill-ask closed unexpectedly"),
                     " ".join((_("upskill-ask closed unexpectedly last time."),
                               _("Your unsaved work was kept, and you can restore it next.")
                               if recoveries else _("No unsaved work was lost."),
                               _("The technical details are in {file}; attaching that file to a "
                                 "bug report helps.").format(file=logs.crash_file()))))
    restored = draftfiles.restore_offered(dialogs, recoveries)
    if restored is not None:
        wizard = RequestWizard(path=restored.draft_path or None, dialogs=dialogs,
                               recovered=restored.data)
        holder.append(wizard)
        wizard.resume_at(restored.page or PageId.PEOPLE)
        return wizard
    opened = draftfiles.read_at_start(draft_path)
    wizard = RequestWizard(opened.draft, path=opened.path, dialogs=dialogs)
    holder.append(wizard)
    draftfiles.remember(opened)
    if opened.draft is not None:
        wizard.resume_at(PageId.PEOPLE)
    if opened.problem is not None:
        draftfiles.cannot_open(dialogs, None, draft_path, opened.problem,
                               " ".join((_(draftfiles.NOT_CHANGED),
                                         _("A new proposal is open instead."))))
    return wizard


def _window(holder: list):
    """The window an error dialog belongs to: the first one, or the one that replaced it when
    the app's language changed (None if it is gone)."""
    import shiboken6

    window = holder[0] if holder else None
    while window is not None and getattr(window, "replaced_by", None) is not None:
        window = window.replaced_by
    return window if window is not None and shiboken6.isValid(window) else None
