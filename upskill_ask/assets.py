"""The package's own files the documents are made of: the template folder, the shipped Inter
fonts (as ``data:`` URLs for self-contained HTML, or as files for WeasyPrint) and the stylesheets
inlined into the HTML."""

from __future__ import annotations

import base64
from functools import lru_cache
from importlib import resources
from pathlib import Path

from markupsafe import Markup

FONT_FILES = {
    ("normal", 400): "Inter-Regular.otf",
    ("italic", 400): "Inter-Italic.otf",
    ("normal", 600): "Inter-SemiBold.otf",
    ("normal", 700): "Inter-Bold.otf",
}


def templates_dir() -> Path:
    return Path(str(resources.files("upskill_ask").joinpath("templates")))


@lru_cache(maxsize=1)
def font_css() -> Markup:
    """@font-face rules with the shipped fonts as data: URLs (self-contained output)."""
    folder = resources.files("upskill_ask").joinpath("templates/fonts")
    rules = []
    for (style, weight), name in FONT_FILES.items():
        data = base64.b64encode(folder.joinpath(name).read_bytes()).decode("ascii")
        rules.append(
            f"@font-face {{ font-family: 'Inter'; font-style: {style}; font-weight: {weight}; "
            f"src: url(data:font/otf;base64,{data}) format('opentype'); }}"
        )
    return Markup("\n".join(rules))


@lru_cache(maxsize=1)
def font_css_files() -> str:
    """The same @font-face rules with the fonts as files beside the templates, for WeasyPrint.

    WeasyPrint's CSS tokenizer reads a data: URL character by character: the four inlined
    fonts (1.4 MB of base64) would cost about 0.4 s of every render. The fetcher serves these.
    """
    return "\n".join(
        f"@font-face {{ font-family: 'Inter'; font-style: {style}; font-weight: {weight}; "
        f"src: url(fonts/{name}) format('opentype'); }}"
        for (style, weight), name in FONT_FILES.items()
    )


@lru_cache(maxsize=4)
def stylesheet(name: str) -> Markup:
    """A stylesheet from the template folder, to inline in a <style> element."""
    return Markup(resources.files("upskill_ask").joinpath(f"templates/{name}").read_text("utf-8"))
