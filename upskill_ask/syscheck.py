"""`make run` / `make test` pre-flight: are the system libraries the app needs installed?

Prints what is missing and exits 1, so the Makefile can print the apt-get line that fixes it.
Fonts for Arabic, Hebrew, Devanagari and CJK are a warning only, naming the package to install:
the app works without them, but names in those scripts would print as empty boxes.
"""

from __future__ import annotations

import ctypes.util
import sys

NEEDED = {
    "pango-1.0": "Pango, for the PDF documents (WeasyPrint)",
    "pangoft2-1.0": "Pango's FreeType backend (WeasyPrint)",
    "fontconfig": "Fontconfig, to find fonts",
    "harfbuzz-subset": "HarfBuzz subsetting, to embed only the glyphs used (WeasyPrint)",
    "xkbcommon": "xkbcommon, for keyboard input in Qt",
    "xcb-cursor": "xcb-cursor, needed by Qt's X11 platform since Qt 6.5",
    "EGL": "EGL, for Qt's window system",
    "GL": "OpenGL, for Qt Widgets",
}


def missing() -> list[str]:
    return [f"{lib}: {why}" for lib, why in NEEDED.items() if ctypes.util.find_library(lib) is None]


def font_warnings() -> list[str]:
    """Scripts no installed font can draw: names in them would be empty boxes in the PDFs."""
    from upskill_ask import glyphs

    return [f"{gap.script} names would show as empty boxes in the PDFs: no font on this "
            f"computer has these letters (install {gap.package})"
            for gap in glyphs.missing_scripts(glyphs.SAMPLES.values())]


def main() -> int:
    gaps = missing()
    for gap in gaps:
        print(f"missing system library {gap}", file=sys.stderr)
    if not gaps:
        for warning in font_warnings():
            print(f"warning: {warning}", file=sys.stderr)
    return 1 if gaps else 0


if __name__ == "__main__":
    sys.exit(main())
