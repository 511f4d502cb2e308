"""Names in Arabic, Hebrew, Devanagari and CJK print as letters, never as empty boxes: the fonts
the Makefile installs draw them, and without them the start-up check and every export say which
package to install."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest

from upskill_ask import glyphs

from .conftest import ROOT, make_draft

NAMES = {"Arabic": "أحمد الفارسي", "Hebrew": "נועה כהן", "Devanagari": "प्रिया शर्मा",
         "CJK": "王小明"}


@pytest.fixture
def no_fonts(tmp_path) -> dict[str, str]:
    """An environment whose Fontconfig knows no font at all (a bare machine)."""
    (tmp_path / "fonts").mkdir()
    conf = tmp_path / "fonts.conf"
    conf.write_text(f"<?xml version='1.0'?><fontconfig><dir>{tmp_path / 'fonts'}</dir>"
                    f"<cachedir>{tmp_path / 'cache'}</cachedir></fontconfig>")
    return {**os.environ, "FONTCONFIG_FILE": str(conf)}


def test_scripts_are_named_from_their_letters():
    assert [glyphs.script_of(c) for c in "أשप王あア한😀"] == [
        "Arabic", "Hebrew", "Devanagari", "CJK", "Hiragana", "Katakana", "Hangul", "Emoji"]


def test_latin_greek_and_cyrillic_need_no_other_font():
    asked = []
    texts = ["Zoë Ångström-Łukasiewicz", "Αλέξανδρος", "Дмитрий", "₹ 1,45,000 · € 1.560,50"]
    assert glyphs.missing_scripts(texts, font_has=lambda cps: asked.append(cps) or False) == []
    assert asked == []  # the shipped Inter draws all of them


def test_a_missing_script_names_its_letters_and_package():
    gaps = glyphs.missing_scripts(list(NAMES.values()), font_has=lambda cps: False)
    assert {g.script: g.package for g in gaps} == {
        "Arabic": "fonts-noto-core", "Hebrew": "fonts-noto-core",
        "Devanagari": "fonts-noto-core", "CJK": "fonts-noto-cjk"}
    arabic = next(g for g in gaps if g.script == "Arabic")
    assert arabic.sample.startswith("أحمد")  # in the order the name has them
    assert "empty boxes" in arabic.sentence() and "apt-get install fonts-noto-core" in arabic.sentence()


def test_letters_some_font_has_are_not_reported():
    has_arabic = {ord(c) for c in NAMES["Arabic"]}
    gaps = glyphs.missing_scripts([NAMES["Arabic"], NAMES["CJK"]],
                                  font_has=lambda cps: set(cps) <= has_arabic)
    assert [g.script for g in gaps] == ["CJK"]


def test_this_machine_draws_every_script_as_the_makefile_installs_its_fonts():
    assert glyphs.missing_scripts(NAMES.values()) == []


def test_the_proposal_embeds_a_font_for_each_script():
    from pypdf import PdfReader

    from upskill_ask import render

    draft = make_draft()
    draft.person.name = NAMES["Arabic"]
    draft.person.team = NAMES["Hebrew"]
    draft.manager.name = NAMES["Devanagari"]
    draft.manager.title = NAMES["CJK"]
    reader = PdfReader(io.BytesIO(render.proposal_pdf(draft)))
    fonts = {str(font.get_object()["/BaseFont"]).split("+")[-1]
             for page in reader.pages
             for font in (page["/Resources"].get("/Font") or {}).values()}
    for script in ("Arabic", "Hebrew", "Devanagari", "CJK"):
        assert any(script in font for font in fonts), (script, fonts)


def test_start_up_check_names_the_package_when_no_font_has_the_letters(no_fonts):
    run = subprocess.run([sys.executable, "-m", "upskill_ask.syscheck"], env=no_fonts,
                         capture_output=True, text=True, timeout=60)
    assert run.returncode == 0  # a warning: the app works, only those names would be boxes
    warnings = run.stderr.splitlines()
    assert any("Arabic" in w and "fonts-noto-core" in w for w in warnings), warnings
    assert any("CJK" in w and "fonts-noto-cjk" in w for w in warnings), warnings
    assert all(w.startswith("warning: ") for w in warnings)


def test_start_up_check_is_quiet_when_the_fonts_are_there():
    run = subprocess.run([sys.executable, "-m", "upskill_ask.syscheck"], capture_output=True,
                         text=True, timeout=60)
    assert (run.returncode, run.stderr) == (0, "")


def test_render_warns_before_writing_a_pdf_with_boxes(no_fonts, tmp_path):
    from upskill_ask import drafts

    draft = make_draft()
    draft.manager.name = NAMES["Arabic"]
    draft.private.notes = NAMES["CJK"]  # only in the prep sheet
    source = tmp_path / "d.upskill"
    drafts.save(draft, source)
    run = subprocess.run([sys.executable, "-m", "upskill_ask", "render", str(source),
                          "-o", str(tmp_path / "p.pdf")], env=no_fonts, capture_output=True,
                         text=True, timeout=120, cwd=ROOT)
    assert run.returncode == 0 and (tmp_path / "p.pdf").exists()
    warnings = [line for line in run.stderr.splitlines() if line.startswith("warning: ")]
    assert len(warnings) == 1 and "Arabic" in warnings[0] and "fonts-noto-core" in warnings[0]
    assert "Traceback" not in run.stderr


def test_the_prep_sheet_is_checked_with_the_private_part(no_fonts, tmp_path):
    from upskill_ask import drafts

    draft = make_draft()
    draft.private.notes = NAMES["CJK"]
    source = tmp_path / "d.upskill"
    drafts.save(draft, source)
    run = subprocess.run([sys.executable, "-m", "upskill_ask", "render", str(source),
                          "-o", str(tmp_path / "p.pdf"), "--prep-sheet", str(tmp_path / "q.pdf")],
                         env=no_fonts, capture_output=True, text=True, timeout=120, cwd=ROOT)
    assert run.returncode == 0
    assert "CJK" in run.stderr and "fonts-noto-cjk" in run.stderr
    assert Path(tmp_path / "q.pdf").exists()
