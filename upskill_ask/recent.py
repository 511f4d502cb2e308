"""The list of recently opened drafts, kept in the user's config folder (most recent first)."""

from __future__ import annotations

import contextlib
import json
from pathlib import Path

from upskill_ask.paths import config_dir, private_folder

LIMIT = 8


def _file() -> Path:
    return config_dir() / "recent.json"


def load() -> list[Path]:
    """Recent drafts that still exist."""
    try:
        names = json.loads(_file().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return []
    if not isinstance(names, list):
        return []
    return [Path(n) for n in names if isinstance(n, str) and Path(n).is_file()][:LIMIT]


def add(path: str | Path) -> None:
    from upskill_ask.drafts import write_atomic

    path = Path(path).resolve()
    names = [str(path)] + [str(p) for p in load() if p.resolve() != path]
    with contextlib.suppress(OSError):
        private_folder(_file().parent)
        write_atomic(_file(), json.dumps(names[:LIMIT], ensure_ascii=False).encode("utf-8"))


def examples() -> list[Path]:
    """The example drafts shipped with the app."""
    return sorted((Path(__file__).resolve().parent / "examples").glob("*.upskill"))


def describe_example(path: Path) -> str:
    """A line that tells examples apart: who asks for what, in which currency."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        role = data["person"]["role"]
        skill = data["skill"]["name"]
        return f"{role}: {skill} ({data['currency']})"
    except (OSError, ValueError, KeyError, TypeError):
        return path.stem.replace("-", " ").capitalize()
