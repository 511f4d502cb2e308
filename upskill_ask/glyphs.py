"""Will the documents show real letters? Which scripts in a text no installed font can draw.

The documents use the shipped Inter for Latin, Greek and Cyrillic; every other script (Arabic,
Hebrew, Devanagari, CJK, emoji...) is drawn by whatever font Fontconfig finds, as WeasyPrint
does. When none has a character, the PDF shows an empty box in its place, so the app warns
before an export and names the package that brings the font. Fontconfig is asked through its C
library (the same one Pango uses), so no command-line tool is needed.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import unicodedata
from collections.abc import Callable, Iterable
from functools import lru_cache
from importlib import resources
from typing import NamedTuple

# What brings a font for each script on Debian and Ubuntu (the Makefile installs them too).
NOTO_CORE = "fonts-noto-core"
PACKAGES = {
    "CJK": "fonts-noto-cjk", "Hiragana": "fonts-noto-cjk", "Katakana": "fonts-noto-cjk",
    "Hangul": "fonts-noto-cjk", "Bopomofo": "fonts-noto-cjk", "Emoji": "fonts-noto-color-emoji",
}
_SCRIPT_ALIASES = {"CJK": "CJK", "IDEOGRAPHIC": "CJK", "HALFWIDTH": "CJK", "FULLWIDTH": "CJK"}
_SKIP_CATEGORIES = {"Cc", "Cf", "Zs", "Zl", "Zp", "Co", "Cn", "Cs", "Mn", "Me"}
_LATIN_END = 0x250  # Inter draws all of Latin up to here: no need to read its character map
_CHECK_AT_MOST = 400  # distinct characters asked about one by one, after a joint question


class MissingScript(NamedTuple):
    script: str
    sample: str  # a few of the characters that would show as boxes
    package: str  # the Debian/Ubuntu package with a font for them

    def sentence(self) -> str:
        from upskill_ask.i18n import _

        return _("{script} text ({sample}) would show as empty boxes: no font on this computer "
                 "has these letters. Install one, e.g. sudo apt-get install {package}").format(
                     script=self.script, sample=self.sample, package=self.package)


def script_of(char: str) -> str:
    """A readable script name for a character, from its Unicode name ('ARABIC LETTER...')."""
    if unicodedata.category(char) == "So" and ord(char) >= 0x1F000:
        return "Emoji"
    first = unicodedata.name(char, "UNKNOWN").split(" ")[0]
    return _SCRIPT_ALIASES.get(first, first.title())


@lru_cache(maxsize=1)
def shipped_characters() -> frozenset[int]:
    """Code points the shipped Inter draws (read from its character map)."""
    from fontTools.ttLib import TTFont  # WeasyPrint's own dependency, loaded only here

    path = resources.files("upskill_ask").joinpath("templates/fonts/Inter-Regular.otf")
    with resources.as_file(path) as font_file, TTFont(font_file, lazy=True) as font:
        return frozenset(font.getBestCmap())


class _FcFontSet(ctypes.Structure):
    _fields_ = [("nfont", ctypes.c_int), ("sfont", ctypes.c_int), ("fonts", ctypes.c_void_p)]


@lru_cache(maxsize=1)
def _fontconfig() -> ctypes.CDLL | None:
    name = ctypes.util.find_library("fontconfig")
    if name is None:
        return None
    fc = ctypes.CDLL(name)
    fc.FcPatternCreate.restype = ctypes.c_void_p
    fc.FcCharSetCreate.restype = ctypes.c_void_p
    fc.FcCharSetAddChar.argtypes = [ctypes.c_void_p, ctypes.c_uint32]
    fc.FcPatternAddCharSet.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_void_p]
    fc.FcObjectSetBuild.restype = ctypes.c_void_p
    fc.FcFontList.restype = ctypes.POINTER(_FcFontSet)
    fc.FcFontList.argtypes = [ctypes.c_void_p, ctypes.c_void_p, ctypes.c_void_p]
    for name_ in ("FcPatternDestroy", "FcCharSetDestroy", "FcObjectSetDestroy", "FcFontSetDestroy"):
        getattr(fc, name_).argtypes = [ctypes.c_void_p]
    return fc


def installed_font_has(code_points: Iterable[int]) -> bool:
    """Whether one installed font has all these characters (True when Fontconfig is absent:
    the system check names Fontconfig itself then)."""
    fc = _fontconfig()
    if fc is None:
        return True
    pattern, charset = fc.FcPatternCreate(), fc.FcCharSetCreate()
    for code_point in code_points:
        fc.FcCharSetAddChar(charset, code_point)
    fc.FcPatternAddCharSet(pattern, b"charset", charset)
    objects = fc.FcObjectSetBuild(b"family", None)
    fonts = fc.FcFontList(None, pattern, objects)
    found = bool(fonts) and fonts.contents.nfont > 0
    if fonts:
        fc.FcFontSetDestroy(ctypes.cast(fonts, ctypes.c_void_p))
    fc.FcObjectSetDestroy(objects)
    fc.FcPatternDestroy(pattern)
    fc.FcCharSetDestroy(charset)
    return found


def missing_scripts(texts: Iterable[str],
                    font_has: Callable[[Iterable[int]], bool] | None = None
                    ) -> list[MissingScript]:
    """The scripts in these texts that neither Inter nor any installed font can draw
    (``font_has`` answers whether an installed font has all of some code points)."""
    font_has = font_has or installed_font_has
    by_script: dict[str, dict[str, None]] = {}  # in the order the text has them
    for text in texts:
        for char in text:
            if ord(char) < _LATIN_END or unicodedata.category(char) in _SKIP_CATEGORIES:
                continue
            by_script.setdefault(script_of(char), {})[char] = None
    missing = []
    for script, chars in sorted(by_script.items()):
        ordered = [c for c in chars if ord(c) not in shipped_characters()]
        if not ordered:
            continue
        if font_has(map(ord, ordered)):
            continue
        boxes = [c for c in ordered[:_CHECK_AT_MOST] if not font_has([ord(c)])]
        if boxes:
            missing.append(MissingScript(script, "".join(boxes[:6]),
                                         PACKAGES.get(script, NOTO_CORE)))
    return missing


def string_leaves(data: object) -> Iterable[str]:
    """Every string in a JSON-like structure (a draft dumped with ``model_dump``)."""
    if isinstance(data, str):
        yield data
    elif isinstance(data, dict):
        for value in data.values():
            yield from string_leaves(value)
    elif isinstance(data, list):
        for value in data:
            yield from string_leaves(value)


def draft_problems(draft, *, private: bool) -> list[MissingScript]:
    """What would show as boxes in documents made from this draft: the manager's copy, or with
    ``private`` the whole draft (the prep sheet)."""
    from upskill_ask import views

    source = draft if private else views.public_copy(draft)
    return missing_scripts(string_leaves(source.model_dump(mode="json")))


# One name in each script people most often write names in, for the start-up check.
SAMPLES = {"Arabic": "أحمد", "Hebrew": "שלום", "Devanagari": "देवनागरी", "CJK": "王小明"}
