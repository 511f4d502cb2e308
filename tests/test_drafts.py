"""Loading and saving draft files: strict parsing, untouched bad files, atomic writes, recovery."""

from __future__ import annotations

import json
import os

import pytest

from upskill_ask import drafts, model

from .conftest import EXAMPLES, make_draft
from .fakes import read_only


def test_save_then_load_is_equal(tmp_path, draft):
    path = tmp_path / "mine.upskill"
    drafts.save(draft, path)
    assert drafts.load(path) == draft
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["format"] == "upskill-ask/draft" and data["version"] == model.VERSION == 4
    assert list(tmp_path.iterdir()) == [path]  # no temporary left behind


def test_examples_load_and_round_trip(tmp_path):
    assert len(EXAMPLES) >= 3
    for example in EXAMPLES:
        draft = drafts.load(example)
        drafts.save(draft, tmp_path / example.name)
        assert drafts.load(tmp_path / example.name) == draft


@pytest.mark.parametrize(("content", "words"), [
    (b"", "empty"),
    (b"   \n", "empty"),
    (b"\x89PNG\r\n\x1a\n\x00\x00", "UTF-8"),
    (b'{"format": "upskill-ask/draft", "version": 1, "title": "cut', "JSON"),
    (b'{"format": "upskill-ask/draft", "version": 1, "title": "a", "title": "b"}', "twice"),
    (b'{"format": "upskill-ask/draft", "version": 1, "person": {"hourly_cost": NaN}}', "NaN"),
    (b'{"format": "upskill-ask/draft", "version": 1, "skill": {"name": "caf\xe9"}}', "UTF-8"),
    (b"[1, 2]", "JSON object"),
    (b'"just a string"', "JSON object"),
    (b'{"format": "upskill-ask/draft", "version": 7}', "newer"),
    (b'{"version": 1}', "format"),
    (b"[" * 100_000 + b"]" * 100_000, "draft"),
])
def test_bad_files_are_refused_and_never_touched(tmp_path, content, words):
    path = tmp_path / "bad.upskill"
    path.write_bytes(content)
    before = os.stat(path)
    with pytest.raises(drafts.DraftError) as info:
        drafts.load(path)
    assert words in str(info.value)
    assert path.read_bytes() == content
    assert os.stat(path).st_mtime_ns == before.st_mtime_ns


def test_huge_file_is_refused_without_reading_it_all(tmp_path):
    path = tmp_path / "huge.upskill"
    path.write_bytes(b" " * (drafts.MAX_BYTES + 10))
    with pytest.raises(drafts.DraftError, match="larger than"):
        drafts.load(path)


def test_missing_file_and_folder(tmp_path):
    with pytest.raises(drafts.DraftError, match="does not exist"):
        drafts.load(tmp_path / "nope.upskill")
    with pytest.raises(drafts.DraftError, match="folder"):
        drafts.load(tmp_path)


def test_a_byte_order_mark_is_accepted(tmp_path, draft):
    path = tmp_path / "bom.upskill"
    path.write_bytes(b"\xef\xbb\xbf" + drafts.dumps(draft).encode())
    assert drafts.load(path) == draft


def test_failed_save_keeps_the_old_file(tmp_path, draft, monkeypatch):
    path = tmp_path / "keep.upskill"
    drafts.save(draft, path)
    old = path.read_bytes()

    def broken_replace(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken_replace)
    changed = make_draft(title="Changed title")
    with pytest.raises(OSError):
        drafts.save(changed, path)
    assert path.read_bytes() == old
    assert [p.name for p in tmp_path.iterdir()] == ["keep.upskill"]


def test_save_into_read_only_folder_raises_and_leaves_the_old_file(tmp_path, draft, monkeypatch):
    folder = tmp_path / "ro"
    folder.mkdir()
    drafts.save(draft, folder / "x.upskill")
    old = (folder / "x.upskill").read_bytes()
    read_only(monkeypatch, folder)
    with pytest.raises(PermissionError):
        drafts.save(make_draft(title="new"), folder / "x.upskill")
    assert (folder / "x.upskill").read_bytes() == old


def test_stale_temporaries_of_a_killed_save_are_cleaned(tmp_path, draft):
    path = tmp_path / "d.upskill"
    (tmp_path / ".d.upskill.abc123.tmp").write_text("half a dra")
    drafts.save(draft, path)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["d.upskill"]


def test_recovery_files_round_trip_and_are_separate(tmp_path, draft):
    path = tmp_path / "mine.upskill"
    data = draft.model_dump(mode="json")
    written = drafts.write_recovery(data, path, page=4)
    assert written.parent != tmp_path
    assert not path.exists()
    pending = drafts.pending_recoveries()
    assert [(r.file, r.draft_path, r.page) for r in pending] == [(written, str(path), 4)]
    assert pending[0][2] == json.loads(json.dumps(data))
    drafts.discard_recovery(path)
    assert drafts.pending_recoveries() == []


def test_unsaved_work_has_its_own_recovery_file(draft):
    drafts.write_recovery({"format": "upskill-ask/draft"}, None)
    [(file, original, _, _page)] = drafts.pending_recoveries()
    assert original == "" and "untitled" in file.name
