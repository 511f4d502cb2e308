"""Every CLI command and exit code, as a user at a terminal meets them."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from upskill_ask import cli, drafts

from .conftest import EXAMPLES, make_draft


def run(*args: str, cwd=None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "upskill_ask", *args], capture_output=True,
                          text=True, timeout=120, cwd=cwd)


@pytest.fixture
def draft_file(tmp_path, draft):
    path = tmp_path / "mine.upskill"
    drafts.save(draft, path)
    return path


def test_check_valid_draft(draft_file, capsys):
    assert cli.main(["check", str(draft_file)]) == 0
    assert "valid draft" in capsys.readouterr().out


def test_check_reports_every_problem_with_its_field(tmp_path, capsys):
    bad = tmp_path / "bad.upskill"
    data = make_draft().model_dump(mode="json")
    data["person"]["name"] = "x\x01"
    data["options"][0]["hours_total"] = -3
    bad.write_text(json.dumps(data))
    before = bad.read_bytes()
    assert cli.main(["check", str(bad)]) == 2
    err = capsys.readouterr().err.splitlines()
    assert all(line.startswith("error: ") for line in err)
    assert any(line.startswith("error: person.name:") for line in err)
    assert any(line.startswith("error: options.0.hours_total:") for line in err)
    assert bad.read_bytes() == before


@pytest.mark.parametrize(("value", "reason"), [
    ("1,45,000", "not a plain decimal number"),
    ("abc", "not a plain decimal number"),
    ("₹420", "not a plain decimal number"),
    ("-5", "negative"),
    (-5, "negative"),
    ("1.234", "more than 2 decimal places"),
    (True, "not a number"),
    (None, "not a number"),
    ("NaN", "not a finite number"),
])
@pytest.mark.parametrize("command", ["check", "render"])
def test_a_bad_amount_is_one_error_line_with_the_field_the_value_and_a_good_example(
        tmp_path, capsys, value, reason, command):
    bad = tmp_path / "bad.upskill"
    data = make_draft().model_dump(mode="json")
    data["options"][0]["cost"]["amount"] = value
    bad.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    before = bad.read_bytes()
    args = [command, str(bad)] + (["-o", str(tmp_path / "out.pdf")] if command == "render" else [])
    assert cli.main(args) == 2
    captured = capsys.readouterr()
    [line] = captured.err.splitlines()
    assert line.startswith("error: options.0.cost.amount: got ")
    assert json.dumps(value, ensure_ascii=False) in line
    assert reason in line
    assert '"145000.00"' in line and "plain decimal" in line
    assert bad.read_bytes() == before
    assert not (tmp_path / "out.pdf").exists()


def test_a_bad_hours_value_names_its_field_and_a_good_example(tmp_path, capsys):
    bad = tmp_path / "bad.upskill"
    data = make_draft().model_dump(mode="json")
    data["options"][1]["hours_per_week"] = "2,5"
    data["person"]["hourly_cost"] = "38,50 €"
    bad.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    assert cli.main(["check", str(bad)]) == 2
    err = capsys.readouterr().err.splitlines()
    assert sorted(line.split(":")[1].strip() for line in err) == [
        "options.1.hours_per_week", "person.hourly_cost"]
    hours = next(line for line in err if "hours_per_week" in line)
    assert 'got "2,5"' in hours and '"2.5"' in hours and "currency" not in hours
    assert 'got "38,50 €"' in next(line for line in err if "hourly_cost" in line)


@pytest.mark.parametrize("content", [b"", b"\x00\xff\xfe", b"{", b'{"format": "x", "version": 1}',
                                     b'{"format": "upskill-ask/draft", "version": 5}'])
def test_bad_input_exits_2_without_traceback(tmp_path, content):
    bad = tmp_path / "bad.upskill"
    bad.write_bytes(content)
    result = run("check", str(bad))
    assert result.returncode == 2
    assert result.stderr.startswith("error: ")
    assert "Traceback" not in result.stderr
    assert bad.read_bytes() == content


def test_missing_file(tmp_path, capsys):
    assert cli.main(["check", str(tmp_path / "none.upskill")]) == 2
    assert "does not exist" in capsys.readouterr().err


def test_usage_errors_exit_2_like_argparse():
    assert run("render").returncode == 2
    assert run("check").returncode == 2
    result = run("render", "x.upskill", "--bogus", "1", "-o", "y.pdf")
    assert result.returncode == 2 and "usage:" in result.stderr


@pytest.mark.parametrize("command", [[], ["check"], ["render"], ["schema"]])
def test_every_command_has_help(command):
    result = run(*command, "--help")
    assert result.returncode == 0
    assert "usage: upskill-ask" in result.stdout


def test_schema_is_json_with_the_draft_fields():
    result = run("schema")
    assert result.returncode == 0
    schema = json.loads(result.stdout)
    assert schema["properties"]["format"]["const"] == "upskill-ask/draft"


def test_check_imports_neither_qt_nor_weasyprint(draft_file):
    code = ("import sys; from upskill_ask import cli; rc = cli.main(['check', sys.argv[1]]); "
            "print([m for m in sys.modules if m.split('.')[0] in ('PySide6', 'weasyprint')])")
    result = subprocess.run([sys.executable, "-c", code, str(draft_file)], capture_output=True,
                            text=True, check=True)
    assert result.stdout.strip().endswith("[]")


def test_render_writes_all_outputs(tmp_path, draft_file, capsys):
    out = {k: tmp_path / f"out.{k}" for k in ("pdf", "prep.pdf", "eml", "html")}
    rc = cli.main(["render", str(draft_file), "-o", str(out["pdf"]), "--prep-sheet",
                   str(out["prep.pdf"]), "--email", str(out["eml"]), "--html", str(out["html"])])
    assert rc == 0, capsys.readouterr().err
    for path in out.values():
        assert path.stat().st_size > 0
    assert out["pdf"].read_bytes().startswith(b"%PDF")
    assert out["prep.pdf"].read_bytes().startswith(b"%PDF")
    assert b"X-Unsent: 1" in out["eml"].read_bytes()
    assert out["html"].read_text().lstrip().lower().startswith("<!doctype html>")


def test_render_refuses_an_incomplete_draft_and_writes_nothing(tmp_path, capsys):
    path = tmp_path / "blank.upskill"
    drafts.save(make_draft(options=[]), path)
    assert cli.main(["render", str(path), "-o", str(tmp_path / "p.pdf")]) == 2
    assert "error: options:" in capsys.readouterr().err
    assert not (tmp_path / "p.pdf").exists()


def test_render_never_overwrites_the_draft(draft_file, capsys):
    before = draft_file.read_bytes()
    assert cli.main(["render", str(draft_file), "-o", str(draft_file)]) == 2
    assert "the draft itself" in capsys.readouterr().err
    assert draft_file.read_bytes() == before


def test_render_into_missing_folder(draft_file, tmp_path, capsys):
    assert cli.main(["render", str(draft_file), "-o", str(tmp_path / "no" / "p.pdf")]) == 2
    assert "does not exist" in capsys.readouterr().err


def test_failed_render_leaves_no_half_written_file(draft_file, tmp_path, monkeypatch, capsys):
    from upskill_ask import render

    target = tmp_path / "p.pdf"
    target.write_bytes(b"old proposal")

    def boom(*args, **kwargs):
        raise render.RenderError("simulated failure")

    monkeypatch.setattr(render, "prep_pdf", boom)
    rc = cli.main(["render", str(draft_file), "-o", str(target), "--prep-sheet",
                   str(tmp_path / "prep.pdf")])
    assert rc == 2
    assert "simulated failure" in capsys.readouterr().err
    assert target.read_bytes() == b"old proposal"
    assert not (tmp_path / "prep.pdf").exists()


@pytest.mark.parametrize("example", EXAMPLES, ids=[e.stem for e in EXAMPLES])
def test_examples_check_through_the_installed_entry_point(example, tmp_path):
    result = run("check", str(example), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
