"""`make run` / `make test` pre-flight: are the system libraries the app needs installed?

Prints what is missing and exits 1, so the Makefile can print the apt-get line that fixes it.
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


def main() -> int:
    gaps = missing()
    for gap in gaps:
        print(f"missing system library {gap}", file=sys.stderr)
    return 1 if gaps else 0


if __name__ == "__main__":
    sys.exit(main())
