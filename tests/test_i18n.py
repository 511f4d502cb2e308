"""The app in the user's language: which language is picked, the catalogs are complete and
compiled, and the wizard speaks the language throughout (labels, buttons, Qt's own buttons,
mnemonics), remembering a choice made in the app."""

from __future__ import annotations

import gettext
import re
import subprocess
import sys
from pathlib import Path

import pytest

from upskill_ask import i18n, preferences

ROOT = Path(__file__).resolve().parent.parent
LOCALES = ROOT / "upskill_ask" / "locale"
OTHERS = [code for code in i18n.LANGUAGES if code != i18n.SOURCE]


# --- picking the language -------------------------------------------------------------------

@pytest.mark.parametrize(("environ", "expected"), [
    ({"LANGUAGE": "de", "LC_ALL": "C", "LANG": "en_US.UTF-8"}, "de"),
    ({"LANGUAGE": "ja:fr_CA:de", "LANG": "en_GB.UTF-8"}, "fr"),
    ({"LANGUAGE": "ja", "LANG": "nl_NL.UTF-8"}, "nl"),  # an unknown LANGUAGE defers
    ({"LC_ALL": "es_ES.UTF-8", "LC_MESSAGES": "de_DE", "LANG": "fr_FR"}, "es"),
    ({"LC_MESSAGES": "de_AT.UTF-8@euro", "LANG": "fr_FR"}, "de"),
    ({"LANG": "nl_BE.UTF-8"}, "nl"),
    ({"LANG": "C.UTF-8"}, "en"),
    ({"LANG": "pt_BR.UTF-8"}, "en"),
    ({}, "en"),
])
def test_the_system_language_is_read_as_gettext_reads_it(environ, expected):
    assert i18n.system_language(environ) == expected


def test_a_language_chosen_in_the_app_wins_over_the_system(monkeypatch):
    assert i18n.startup_language({"LANG": "de_DE.UTF-8"}) == "de"
    assert preferences.set_app_language("fr")
    assert i18n.startup_language({"LANG": "de_DE.UTF-8"}) == "fr"
    assert preferences.set_app_language(None)
    assert i18n.startup_language({"LANG": "de_DE.UTF-8"}) == "de"


def test_start_up_does_not_import_babel():
    code = ("import sys; from upskill_ask import i18n; i18n.install('de'); "
            "print(i18n._('Options'), 'babel' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout.split()
    assert out == ["Optionen", "False"]


# --- the catalogs ----------------------------------------------------------------------------

def _read_po(path: Path):
    from babel.messages.pofile import read_po

    with path.open("rb") as f:
        return read_po(f)


def test_the_template_holds_every_string_the_code_marks(tmp_path):
    """`make translations` was run after the last string was added or changed."""
    fresh = tmp_path / "fresh.pot"
    subprocess.run([str(Path(sys.executable).parent / "pybabel"), "-q", "extract", "-F",
                    "babel.cfg", "-o", str(fresh), "."], cwd=ROOT, check=True)
    committed = {m.id for m in _read_po(LOCALES / "messages.pot") if m.id}
    wanted = {m.id for m in _read_po(fresh) if m.id}
    assert wanted - committed == set(), "run `make translations` and translate the new strings"
    assert committed - wanted == set(), "run `make translations` to drop strings no longer used"


@pytest.mark.parametrize("code", OTHERS)
def test_every_catalog_translates_every_string_and_none_is_fuzzy(code):
    catalog = _read_po(LOCALES / code / "LC_MESSAGES" / "messages.po")
    template = {m.id for m in _read_po(LOCALES / "messages.pot") if m.id}
    entries = {m.id: m for m in catalog if m.id}
    assert set(entries) == template
    assert not catalog.fuzzy
    problems = []
    for msgid, message in entries.items():
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        source = msgid[0] if isinstance(msgid, tuple) else msgid
        if message.fuzzy or not all(strings) or (
                isinstance(msgid, tuple) and len(strings) != catalog.num_plurals):
            problems.append(f"empty or fuzzy: {source!r}")
            continue
        for text in strings:
            if set(re.findall(r"\{\w+\}", text)) != set(re.findall(r"\{\w+\}", source)):
                problems.append(f"placeholders differ: {source!r} -> {text!r}")
            if ("&" in source.replace("&&", "")) != ("&" in text.replace("&&", "")):
                problems.append(f"mnemonic added or lost: {source!r} -> {text!r}")
    assert problems == []


@pytest.mark.parametrize("code", OTHERS)
def test_each_compiled_catalog_matches_its_source(code):
    """The .mo shipped beside each .po is compiled from it as it stands."""
    catalog = _read_po(LOCALES / code / "LC_MESSAGES" / "messages.po")
    with (LOCALES / code / "LC_MESSAGES" / "messages.mo").open("rb") as f:
        compiled = gettext.GNUTranslations(f)
    form = gettext.c2py(catalog.plural_expr)
    for message in catalog:
        if not message.id:
            continue
        context = message.context
        if isinstance(message.id, tuple):
            for n in (0, 1, 2, 5, 1_000_000):
                found = (compiled.npgettext(context, *message.id, n) if context
                         else compiled.ngettext(*message.id, n))
                assert found == message.string[form(n)], message.id
        else:
            found = (compiled.pgettext(context, message.id) if context
                     else compiled.gettext(message.id))
            assert found == message.string, message.id
