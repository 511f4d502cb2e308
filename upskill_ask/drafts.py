"""Reading and writing draft files: strict parsing, atomic saves, recovery files.

A draft on disk is precious: it is read strictly (no NaN, no duplicate keys, valid UTF-8, a
known format and version) and written atomically (a temporary file beside it, flushed to disk,
then renamed over it), so a crash mid-save leaves the old or the new draft, never half of one.
A file that cannot be read is never written to by this module.
"""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from upskill_ask.paths import private_folder, recovery_dir
from upskill_ask.vocabulary import FORMAT_ID, SUFFIX, VERSION

if TYPE_CHECKING:
    from upskill_ask.model import Draft

MAX_BYTES = 5 * 1024 * 1024


class DraftError(Exception):
    """A draft that cannot be used, with one (field path, message) pair per problem."""

    def __init__(self, problems: list[tuple[str, str]], source: str | os.PathLike[str] = ""):
        self.problems = problems
        self.source = str(source)
        super().__init__("; ".join(f"{p}: {m}" for p, m in problems))

    def lines(self) -> list[str]:
        return [f"{path}: {message}" for path, message in self.problems]


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise ValueError(f"the key '{key}' appears twice in one object")
        result[key] = value
    return result


def _no_constants(name: str) -> Any:
    raise ValueError(f"{name} is not a number a draft can hold")


def parse_json(raw: bytes) -> Any:
    """Strict JSON: UTF-8 only, no NaN/Infinity, no duplicate keys."""
    text = raw.decode("utf-8")
    if text.startswith("\ufeff"):
        text = text[1:]
    return json.loads(text, object_pairs_hook=_no_duplicates, parse_constant=_no_constants)


def from_data(data: Any, source: str | os.PathLike[str] = "", *,
              lenient_addresses: bool = False) -> Draft:
    """Validate parsed JSON as a draft (migrating older versions in memory).

    ``lenient_addresses`` keeps a malformed person/manager email address (drafts saved before
    addresses were checked) instead of refusing the draft; the mail module never puts such an
    address in a header, and validating the edited draft again names the field.
    """
    from pydantic import ValidationError

    from upskill_ask import model

    if not isinstance(data, dict):
        raise DraftError([("(draft)", "a draft is a JSON object, this file holds "
                           f"a JSON {type(data).__name__.replace('dict', 'object')}")], source)
    if data.get("format") != FORMAT_ID:
        raise DraftError([("format", f"not an upskill-ask draft (format must be '{FORMAT_ID}')")],
                         source)
    version = data.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise DraftError([("version", "must be a whole number from 1 up")], source)
    if version > VERSION:
        raise DraftError([("version", f"this draft was written by a newer upskill-ask "
                           f"(format version {version}; this one reads up to {VERSION}); "
                           "update the app to open it")], source)
    data = model.migrate(data)
    try:
        return model.Draft.model_validate(
            data, context={"lenient_addresses": True} if lenient_addresses else None)
    except ValidationError as exc:
        raise DraftError([(model.error_path(e["loc"]), problem_message(e))
                          for e in exc.errors()], source) from None


# number fields of a draft: what they hold and a good value as the file stores it
_NUMBER_FIELDS = {"amount": ("amounts", '"145000.00"'), "hourly_cost": ("amounts", '"38.50"'),
                  "hours_total": ("hours", '"37.5"'), "hours_per_week": ("hours", '"2.5"'),
                  "hours_on_clock": ("hours", '"20"'),
                  **dict.fromkeys(("exam", "materials", "travel", "early_bird_amount",
                                   "expert_rate", "cover_rate"), ("amounts", '"150.00"')),
                  **dict.fromkeys(("expert_hours", "cover_hours"), ("hours", '"12"'))}
_NUMBER_REASONS = {
    "decimal_parsing": "which is not a plain decimal number",
    "decimal_type": "which is not a number",
    "finite_number": "which is not a finite number",
    "greater_than_equal": "which is negative",
    "less_than_equal": "which is more than the {le} a draft can hold",
    "decimal_max_places": "which has more than {decimal_places} decimal places",
    "decimal_max_digits": "which has too many digits",
    "decimal_whole_digits": "which has too many digits before the point",
}


def problem_message(error: Any) -> str:
    """One pydantic error as a sentence for a person (amounts and hours: the value it got and
    how a draft file writes a good one)."""
    fields = [part for part in error["loc"] if isinstance(part, str) and part in _NUMBER_FIELDS]
    reason = _NUMBER_REASONS.get(error["type"])
    if not fields or reason is None or error["loc"][-1] != fields[-1]:
        return error["msg"].removeprefix("Value error, ")
    kind, good = _NUMBER_FIELDS[fields[-1]]
    rules = "a point before any decimals, no grouping separators" + (
        ", no currency symbol" if kind == "amounts" else "")
    return (f"got {_shown(error.get('input'))}, {reason.format(**error.get('ctx', {}))}; "
            f"draft files store {kind} as plain decimal numbers like {good} ({rules})")


def _shown(value: Any) -> str:
    """A value from the file as JSON writes it, cut short: "1,45,000", -5, true, null."""
    text = json.dumps(value, ensure_ascii=False, default=str)
    return text if len(text) <= 40 else text[:39] + "…"


def load(path: str | os.PathLike[str], *, lenient_addresses: bool = True) -> Draft:
    """Read a draft file; raise DraftError naming every problem. The file is never modified.

    By default a malformed email address from an older draft does not stop it opening (see
    ``from_data``); ``check`` and ``render`` pass ``lenient_addresses=False``.
    """
    path = Path(path)
    try:
        with path.open("rb") as fh:
            raw = fh.read(MAX_BYTES + 1)
    except IsADirectoryError:
        raise DraftError([("(file)", f"{path} is a folder, not a draft")], path) from None
    except FileNotFoundError:
        raise DraftError([("(file)", f"{path} does not exist")], path) from None
    except OSError as exc:
        raise DraftError([("(file)", f"cannot read {path}: {exc.strerror or exc}")], path) from None
    if len(raw) > MAX_BYTES:
        raise DraftError([("(file)", f"{path} is larger than {MAX_BYTES // 1024 // 1024} MB; "
                           "a draft is a few kilobytes")], path)
    if not raw.strip():
        raise DraftError([("(file)", f"{path} is empty")], path)
    try:
        data = parse_json(raw)
    except UnicodeDecodeError as exc:
        raise DraftError([("(file)", f"not UTF-8 text (byte {exc.start + 1}); "
                           "is this really a draft?")], path) from None
    except json.JSONDecodeError as exc:
        raise DraftError([("(file)", f"not valid JSON: {exc.msg} at line {exc.lineno}, "
                           f"column {exc.colno}")], path) from None
    except (ValueError, RecursionError) as exc:
        raise DraftError([("(file)", f"not a valid draft: {exc}")], path) from None
    return from_data(data, path, lenient_addresses=lenient_addresses)


def dumps(draft: Draft) -> str:
    """The draft as the JSON text saved to disk (stable key order, UTF-8, trailing newline)."""
    data = draft.model_dump(mode="json")
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def write_atomic(path: str | os.PathLike[str], data: bytes, *, private: bool = True) -> None:
    """Write bytes to path so that readers only ever see the old or the new content.

    A file that exists keeps its mode. A new one is the user's alone when ``private`` (drafts,
    recovery files, the prep sheet); otherwise it gets the usual mode the umask allows.
    """
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    _remove_stale_temporaries(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        with contextlib.suppress(OSError):
            os.chmod(tmp, path.stat().st_mode & 0o777 if path.exists()
                     else 0o600 if private else 0o666 & ~_umask())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    _fsync_folder(folder)


def _umask() -> int:
    mask = os.umask(0o077)
    os.umask(mask)
    return mask


def _remove_stale_temporaries(path: Path) -> None:
    """Temporaries left by a save that was killed midway: they are never the real draft."""
    folder = path.parent if str(path.parent) else Path(".")
    with contextlib.suppress(OSError):
        for leftover in folder.glob(f".{path.name}.*.tmp"):
            with contextlib.suppress(OSError):
                leftover.unlink()


def _fsync_folder(folder: Path) -> None:
    if os.name != "posix":
        return
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def save(draft: Draft, path: str | os.PathLike[str]) -> None:
    """Save atomically. Raises OSError (disk full, read-only folder) with the old file intact."""
    write_atomic(path, dumps(draft).encode("utf-8"))


def recovery_path(draft_path: str | os.PathLike[str] | None) -> Path:
    """The autosave file for a draft (or for an unsaved one): separate from the draft itself."""
    import hashlib

    if draft_path is None:
        name = "untitled"
    else:
        resolved = str(Path(draft_path).resolve())
        digest = hashlib.sha256(resolved.encode("utf-8", "surrogatepass")).hexdigest()[:12]
        name = f"{Path(draft_path).stem[:40]}-{digest}"
    return recovery_dir() / f"{name}{SUFFIX}.autosave"


class Recovery(NamedTuple):
    """Work left by a session that did not close cleanly."""

    file: Path
    draft_path: str  # '' for a proposal never saved
    data: dict[str, Any]
    page: int | None  # the wizard page the user was on


def write_recovery(data: dict[str, Any], draft_path: str | os.PathLike[str] | None,
                   page: int | None = None) -> Path:
    """Store the work in progress (possibly incomplete) with the path it belongs to and the
    page the user was on."""
    target = recovery_path(draft_path)
    private_folder(target.parent)
    envelope = {"format": "upskill-ask/recovery", "draft_path": str(draft_path or ""),
                "page": page, "data": data}
    write_atomic(target, json.dumps(envelope, ensure_ascii=False, default=str).encode("utf-8"))
    return target


def pending_recoveries() -> list[Recovery]:
    """Recovery files left by a session that did not close cleanly."""
    found = []
    folder = recovery_dir()
    if not folder.is_dir():
        return found
    for file in sorted(folder.glob(f"*{SUFFIX}.autosave")):
        try:
            envelope = parse_json(file.read_bytes())
        except (OSError, ValueError, UnicodeDecodeError):
            continue
        if isinstance(envelope, dict) and envelope.get("format") == "upskill-ask/recovery" \
                and isinstance(envelope.get("data"), dict):
            page = envelope.get("page")
            found.append(Recovery(file, str(envelope.get("draft_path") or ""), envelope["data"],
                                  page if isinstance(page, int) and not isinstance(page, bool)
                                  else None))
    return found


def discard_recovery(draft_path: str | os.PathLike[str] | None) -> None:
    with contextlib.suppress(OSError):
        recovery_path(draft_path).unlink()
