"""Where the app keeps its own files on this machine (per platform, via platformdirs)."""

from __future__ import annotations

import os
from pathlib import Path

APP = "upskill-ask"


def _dirs():
    from platformdirs import PlatformDirs

    return PlatformDirs(APP, appauthor=False)


def config_dir() -> Path:
    """Settings and the recent-drafts list."""
    return Path(os.environ.get("UPSKILL_ASK_CONFIG_DIR") or _dirs().user_config_dir)


def recovery_dir() -> Path:
    """Autosave files, one per draft being edited; removed when the draft is saved or closed."""
    return Path(os.environ.get("UPSKILL_ASK_STATE_DIR") or _dirs().user_state_dir) / "recovery"


def log_dir() -> Path:
    """The rotating log file (never holds draft contents)."""
    return Path(os.environ.get("UPSKILL_ASK_LOG_DIR") or _dirs().user_log_dir)
