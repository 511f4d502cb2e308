"""Where the app keeps its own files on this machine (per platform, via platformdirs)."""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

APP = "upskill-ask"


def _dirs():
    from platformdirs import PlatformDirs

    return PlatformDirs(APP, appauthor=False)


def private_folder(folder: Path) -> Path:
    """Create the app's folder (and any missing parents of its own) readable by the user alone.

    Folders the app creates hold drafts' contents (recovery files) or their names (the recent
    list, the log): 0700 on POSIX. A folder that already exists is tightened only when it is one
    of the app's own (named after it), never a folder of the user's.
    """
    missing = []
    probe = folder
    while not probe.exists() and probe != probe.parent:
        missing.append(probe)
        probe = probe.parent
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    for made in missing:
        with contextlib.suppress(OSError):
            made.chmod(0o700)
    for own in (folder, folder.parent):
        if APP in own.name and own.is_dir():
            with contextlib.suppress(OSError):
                own.chmod(0o700)
    return folder


def config_dir() -> Path:
    """Settings and the recent-drafts list."""
    return Path(os.environ.get("UPSKILL_ASK_CONFIG_DIR") or _dirs().user_config_dir)


def recovery_dir() -> Path:
    """Autosave files, one per draft being edited; removed when the draft is saved or closed."""
    return Path(os.environ.get("UPSKILL_ASK_STATE_DIR") or _dirs().user_state_dir) / "recovery"


def log_dir() -> Path:
    """The rotating log file (never holds draft contents)."""
    return Path(os.environ.get("UPSKILL_ASK_LOG_DIR") or _dirs().user_log_dir)
