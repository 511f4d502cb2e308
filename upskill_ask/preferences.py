"""The user's settings of the app itself (not of a draft), kept in ``settings.json`` in the
config folder: for now, the language the app speaks when it is not the system's."""

from __future__ import annotations

import contextlib
import json
from pathlib import Path
from typing import Any

from upskill_ask.paths import config_dir, private_folder


def _file() -> Path:
    return config_dir() / "settings.json"


def _load() -> dict[str, Any]:
    try:
        data = json.loads(_file().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def app_language() -> str | None:
    """The language chosen in the app, or None to follow the system."""
    value = _load().get("app_language")
    return value if isinstance(value, str) and value else None


def set_app_language(code: str | None) -> bool:
    """Remember the app's language (None: follow the system); False if it could not be saved."""
    from upskill_ask.drafts import write_atomic

    data = _load()
    if code:
        data["app_language"] = code
    else:
        data.pop("app_language", None)
    with contextlib.suppress(OSError):
        private_folder(_file().parent)
        write_atomic(_file(), json.dumps(data, ensure_ascii=False, indent=1).encode("utf-8"))
        return True
    return False
