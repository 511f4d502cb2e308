"""The one place WeasyPrint is called: a local-only URL fetcher on every HTML and CSS object,
a time limit, the stylesheet and fonts parsed once per process, failed fetches turned into
errors, and the repair passes that keep pages from being left nearly blank.

WeasyPrint is imported only inside these functions: importing this module costs nothing.
"""

from __future__ import annotations

import atexit
import contextlib
import logging
import os
import re
import signal
import threading
from collections.abc import Callable, Iterator
from functools import lru_cache
from pathlib import Path
from typing import Any, TypeVar

from upskill_ask import layout, pagefill
from upskill_ask.assets import font_css, font_css_files, templates_dir

RENDER_SECONDS = 60
T = TypeVar("T")


class RenderError(Exception):
    """The document could not be produced; the message is for the user."""


def make_fetcher():
    from weasyprint.urls import FatalURLFetchingError, URLFetcher, URLFetcherResponse

    allowed_root = templates_dir().resolve()

    class LocalOnlyFetcher(URLFetcher):
        """Serves data: URLs and files inside the package's template folder; refuses the rest."""

        def __init__(self) -> None:
            super().__init__(allowed_protocols=("data", "file"), allow_redirects=False)
            self.refused: list[str] = []

        def fetch(self, url: str, headers: Any = None) -> URLFetcherResponse:
            scheme = url.split(":", 1)[0].lower()
            if scheme == "data":
                return super().fetch(url, headers)
            if scheme == "file":
                from urllib.request import url2pathname

                path = Path(url2pathname(url.split("?", 1)[0].removeprefix("file:"))).resolve()
                if path.is_relative_to(allowed_root) and path.is_file():
                    return URLFetcherResponse(url, path.read_bytes(), {})
            self.refused.append(url[:200])

            class Refused(FatalURLFetchingError):
                pass

            raise Refused(f"refused to fetch {url[:200]}")

    return LocalOnlyFetcher()


class _FetchErrors(logging.Handler):
    """Collects WeasyPrint's logged errors (failed fetches are only logged by default)."""

    def __init__(self) -> None:
        super().__init__(level=logging.ERROR)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage()[:300])


@contextlib.contextmanager
def _time_limit(seconds: float) -> Iterator[None]:
    """Stop a runaway render (only where a signal can interrupt: the main thread on POSIX)."""
    if os.name != "posix" or threading.current_thread() is not threading.main_thread():
        yield
        return

    def on_alarm(signum: int, frame: Any) -> None:
        raise RenderError(f"rendering took longer than {seconds:g} s and was stopped; "
                          "is there an extremely long text in the draft?")

    previous = signal.signal(signal.SIGALRM, on_alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


_STYLE = re.compile(r"<style>(.*?)</style>", re.S)


@lru_cache(maxsize=8)
def _compiled_style(css_text: str) -> tuple[Any, Any]:
    """Our stylesheet parsed once per process, with the fonts it loads (the render process
    renders the preview again and again: this saves about 50 ms a render)."""
    import weasyprint
    from weasyprint.text.fonts import FontConfiguration

    fonts = FontConfiguration()
    fetcher = make_fetcher()
    css = weasyprint.CSS(string=css_text, base_url=templates_dir().as_uri() + "/",
                         url_fetcher=fetcher, font_config=fonts)
    if fetcher.refused:
        raise RenderError(f"the stylesheet asked for an outside resource ({fetcher.refused[0]})")
    return css, fonts


# WeasyPrint copies the fonts into a temporary folder that the font configuration removes when
# it is deleted: delete the cached one while the interpreter is still whole
atexit.register(_compiled_style.cache_clear)


REPAIR_PASSES = 3


def rendered(html: str, *, title: str, author: str, language: str, forms: bool, seconds: float,
              finish: Callable[[Any], T], fixes: str = "", repair: bool = True,
              fixes_out: list[str] | None = None) -> T:
    """Lay out our own HTML with WeasyPrint, fetching nothing outside, and hand the document
    (metadata set) to ``finish``, which writes it; every failure becomes a :class:`RenderError`.

    ``fixes`` are layout repair rules to apply from the start; with ``repair``, a layout that
    leaves a page nearly blank is laid out again with the rules that mend it
    (:func:`pagefill.sparse_fixes`), up to REPAIR_PASSES times. The rules in force at the end are
    appended to ``fixes_out``, for an HTML copy that lays out the same."""
    import weasyprint

    fetcher = make_fetcher()
    errors = _FetchErrors()
    logger = logging.getLogger("weasyprint")
    logger.addHandler(errors)
    try:
        with _time_limit(seconds):
            stylesheets, fonts = [], None
            style = _STYLE.search(html)  # ours: user text is escaped and cannot open a <style>
            if style:
                # the fonts read from files, not parsed out of data: URLs (assets.font_css_files)
                css_text = style.group(1)
                if "data:font/" in css_text:
                    css_text = css_text.replace(str(font_css()), font_css_files(), 1)
                css, fonts = _compiled_style(css_text)
                stylesheets = [css]
                html = html[:style.start()] + html[style.end():]

            def lay_out(rules: str) -> Any:
                doc = weasyprint.HTML(string=layout.with_fixes(html, rules),
                                      base_url=templates_dir().as_uri() + "/", url_fetcher=fetcher)
                # WeasyPrint reads pdf_forms at layout
                return doc.render(stylesheets=stylesheets, font_config=fonts, pdf_forms=forms)

            rendered = lay_out(fixes)
            for _ in range(REPAIR_PASSES if repair else 0):
                more = pagefill.sparse_fixes(rendered, fixes)
                if not more:
                    break
                fixes = f"{fixes}\n{more}".strip()
                rendered = lay_out(fixes)
            if fixes_out is not None:
                fixes_out.append(fixes)
            rendered.metadata.title = title
            rendered.metadata.authors = [author] if author else []
            rendered.metadata.lang = language
            rendered.metadata.generator = "upskill-ask"
            result = finish(rendered)
    except RenderError:
        raise
    except BaseException as exc:  # a refused fetch is a FatalURLFetchingError (BaseException)
        if isinstance(exc, (KeyboardInterrupt, SystemExit)):
            raise
        if fetcher.refused:
            raise RenderError(f"the document asked for an outside resource ({fetcher.refused[0]}); "
                              "nothing was fetched") from None
        raise RenderError(f"could not produce the PDF: {exc}") from exc
    finally:
        logger.removeHandler(errors)
    if fetcher.refused or errors.messages:
        problem = fetcher.refused[0] if fetcher.refused else errors.messages[0]
        raise RenderError(f"the PDF could not be made cleanly: {problem}")
    return result


def html_to_pdf(html: str, *, title: str, author: str, language: str, forms: bool = False,
                seconds: float = RENDER_SECONDS, fixes_out: list[str] | None = None) -> bytes:
    """PDF bytes from our own HTML: tagged (PDF/UA), with metadata, fetching nothing outside."""
    return rendered(html, title=title, author=author, language=language, forms=forms,
                     seconds=seconds, fixes_out=fixes_out,
                     finish=lambda document: document.write_pdf(pdf_variant="pdf/ua-1",
                                                                pdf_forms=forms))
