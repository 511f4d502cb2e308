"""Private stays private on disk: drafts, recovery files, the recent list, the log, the crash
log and an exported prep sheet are readable by the user alone; the app's folders are 0700;
saving over a draft keeps that file's mode; a session that died is noticed at the next start."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from upskill_ask import cli, drafts, logs, recent

from .conftest import EXAMPLES


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_a_new_draft_is_the_users_alone(tmp_path, draft):
    target = tmp_path / "new.upskill"
    drafts.save(draft, target)
    assert mode(target) == 0o600


def test_saving_over_a_draft_keeps_its_mode(tmp_path, draft):
    target = tmp_path / "shared.upskill"
    target.write_text("{}", encoding="utf-8")
    target.chmod(0o644)
    drafts.save(draft, target)
    assert mode(target) == 0o644
    assert drafts.load(target) == draft


def test_recovery_recent_and_log_files_and_their_folders(_isolated_app_dirs, tmp_path, draft):
    drafts.save(draft, tmp_path / "a.upskill")
    recovery = drafts.write_recovery(draft.model_dump(mode="json"), tmp_path / "a.upskill")
    recent.add(tmp_path / "a.upskill")
    logs.setup()
    logs.LOGGER.info("a line")
    logs.begin_session()
    made = [p for p in _isolated_app_dirs.rglob("*")]
    files = [p for p in made if p.is_file()]
    assert {p.name for p in files} >= {recovery.name, "recent.json", "upskill-ask.log", "crash.log"}
    for path in made:
        assert mode(path) & 0o077 == 0, f"{path.relative_to(_isolated_app_dirs)} is {oct(mode(path))}"
    logs.end_session()


def test_the_app_folders_it_creates_are_0700(tmp_path, monkeypatch):
    from upskill_ask.paths import private_folder

    inner = tmp_path / "home" / "upskill-ask" / "recovery"
    private_folder(inner)
    assert mode(inner) == 0o700 and mode(inner.parent) == 0o700


def test_exported_prep_sheet_is_private_the_proposal_is_not(tmp_path, capsys):
    old = os.umask(0o022)
    try:
        code = cli.main(["render", str(EXAMPLES[0]), "-o", str(tmp_path / "p.pdf"),
                         "--prep-sheet", str(tmp_path / "prep.pdf")])
    finally:
        os.umask(old)
    assert code == 0
    assert mode(tmp_path / "prep.pdf") == 0o600
    assert mode(tmp_path / "p.pdf") == 0o644


def test_a_session_that_died_is_reported_once(_isolated_app_dirs):
    # a child process begins a session and is killed without ending it
    child = subprocess.run([sys.executable, "-c",
                            "from upskill_ask import logs; logs.begin_session(); import os; os._exit(9)"],
                           env=dict(os.environ), capture_output=True, text=True)
    assert child.returncode == 9, child.stderr
    assert logs.begin_session() is True
    logs.end_session()
    assert logs.begin_session() is False
    logs.end_session()


@pytest.mark.slow
def test_a_hard_crash_leaves_its_stack_in_the_crash_log(_isolated_app_dirs):
    child = subprocess.run([sys.executable, "-c",
                            "from upskill_ask import logs; logs.begin_session()\n"
                            "import faulthandler; faulthandler._sigsegv()"],
                           env=dict(os.environ), capture_output=True, text=True)
    assert child.returncode != 0
    text = logs.crash_file().read_text(encoding="utf-8")
    assert "Segmentation fault" in text and "File " in text
