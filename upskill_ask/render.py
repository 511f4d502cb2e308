"""The documents: one Jinja environment, self-contained HTML, and PDF through WeasyPrint.

* One environment for the whole app: StrictUndefined, autoescape on for every template
  whatever its name, templates loaded from the package. User text is only ever a value.
* Every value printed goes through :func:`_soft_breaks`, so a very long word gets break
  opportunities (WeasyPrint is pathologically slow on long unbreakable words).
* HTML is self-contained: the stylesheet is inlined and the fonts are ``data:`` URLs.
* WeasyPrint is imported lazily and gets :class:`LocalOnlyFetcher`, which serves only ``data:``
  URLs and files inside the package's template folder; anything else stops the render.
* The proposal is rendered from a copy of the draft with the private section (and the covering
  email) emptied, ``model.proposal_source``, so no template change can leak it.
* The on-screen preview (:func:`proposal_preview`) can lay out just the stretch of the proposal
  the reader is looking at, using where each part fell in the last full layout (:class:`PageMap`).
"""

from __future__ import annotations

import atexit
import base64
import contextlib
import datetime as dt
import logging
import os
import re
import signal
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, TypeVar

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup, escape

from upskill_ask import costing, layout, objections
from upskill_ask.formatting import Formatter
from upskill_ask.model import KIND_LABELS, Draft, RequestKind, proposal_source
from upskill_ask.pagemap import PageMap, Preview, Window

RENDER_SECONDS = 60
T = TypeVar("T")
SOFT_BREAK_EVERY = 24
_LONG_WORD = re.compile(rf"\S{{{SOFT_BREAK_EVERY + 8},}}")
FONT_FILES = {
    ("normal", 400): "Inter-Regular.otf",
    ("italic", 400): "Inter-Italic.otf",
    ("normal", 600): "Inter-SemiBold.otf",
    ("normal", 700): "Inter-Bold.otf",
}


class RenderError(Exception):
    """The document could not be produced; the message is for the user."""


def templates_dir() -> Path:
    return Path(str(resources.files("upskill_ask").joinpath("templates")))


def _break_word(match: re.Match[str]) -> str:
    word = match.group()
    return "\u200b".join(word[i:i + SOFT_BREAK_EVERY] for i in range(0, len(word), SOFT_BREAK_EVERY))


def _soft_breaks(value: Any) -> Any:
    """Finalize hook: give long words break opportunities; markup and non-text pass through."""
    if isinstance(value, str) and not isinstance(value, Markup) and len(value) > SOFT_BREAK_EVERY:
        return _LONG_WORD.sub(_break_word, value)
    return value


def _paragraphs(text: str) -> Markup:
    """User prose as escaped <p> elements: blank lines split paragraphs, single newlines break."""
    blocks = [b.strip() for b in re.split(r"\n\s*\n", text or "") if b.strip()]
    return Markup("").join(
        Markup("<p>{}</p>").format(Markup("<br>").join(escape(_soft_breaks(line))
                                                        for line in block.split("\n")))
        for block in blocks
    )


def _safe_link(url: str) -> Markup:
    """An http(s) link for a clickable annotation; anything else is shown but never linked.

    Returned escaped, as Markup, so that finalize puts no soft break inside the URL."""
    return escape(url) if re.match(r"^https?://[^\s<>\"']+$", url or "") else Markup("")


@lru_cache(maxsize=1)
def environment() -> Environment:
    env = Environment(
        loader=PackageLoader("upskill_ask", "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        finalize=_soft_breaks,
        trim_blocks=True,
        lstrip_blocks=True,
        auto_reload=False,
    )
    env.filters["paragraphs"] = _paragraphs
    env.filters["safe_link"] = _safe_link
    return env


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
def _font_css_files() -> str:
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


LETTER_LOCALES = ("_US", "_CA")
MARGIN_MM = {False: 22.0 * 2, True: 15.0 * 2}  # proposal.css and prep.css: left plus right


def paper(draft: Draft) -> str:
    """A4, or US Letter for US and Canadian locales."""
    return "letter" if draft.locale.endswith(LETTER_LOCALES) else "A4"


def _figure_css(draft: Draft, fmt: Formatter, totals: costing.LadderTotals, *, private: bool) -> str:
    """Widths (and, when crowded, a smaller size) for the figure columns of this document's
    tables, from the figures it prints (see :mod:`upskill_ask.layout`)."""
    if not totals.options:
        return ""
    unit = totals.duration_unit
    width = layout.PAPER_WIDTH_MM[paper(draft)] - MARGIN_MM[private]
    ts = totals.options
    ranks = [str(t.rank) for t in ts]
    cash = [fmt.cash(t.cash) for t in ts]
    away = [fmt.hours(t.hours_away) for t in ts]
    week = [fmt.hours(t.hours_away_per_week) for t in ts]
    span = [fmt.duration(t.weeks, t.months, unit) for t in ts]
    rules: list[tuple[str, str]] = []
    if private:
        # the ladder: figures at 8.5pt, headers 7pt, cells padded 1.5 mm a side
        tags = ["Below your walk-away", "Lowest you accept"]
        status = max(max(layout.text_width_pt(t, 7.5, 700) for t in tags) / layout.PT_PER_MM + 2.4 + 0.6,
                     layout.longest_word_pt("Ask for this first Lightest fallback Step down", 8.5)
                     / layout.PT_PER_MM) + 3.5
        cols = [layout.FigureColumn("table.ladder col.c-rank", ranks, "#", 3.0, extra_mm=1.1),
                layout.FigureColumn("table.ladder col.c-cash", cash, "Cash", 3.0),
                layout.FigureColumn("table.ladder col.c-away", away, "Hours away", 3.0),
                layout.FigureColumn("table.ladder col.c-week", week, "A week", 3.0),
                layout.FigureColumn("table.ladder col.c-weeks", span, "Duration", 3.0)]
        size, widths = layout.fit_figures(cols, width_mm=width - status, text_min_mm=40,
                                          size_pt=8.5, header_pt=7)
        rules += [(sel, f"width: {w:.2f}mm") for sel, w in widths.items()]
        rules += [("table.ladder col.c-status", f"width: {status:.2f}mm"),
                  ("table.ladder td.num", f"font-size: {size:.2f}pt")]
        return layout.css_rules(rules)
    # the options table: figures at 9pt, headers 7.5pt, cells padded 1.5 mm a side; the rank
    # cell 1 mm on the left and a 3pt rule on the recommended row
    total = [fmt.hours(t.hours_total) for t in ts]
    cols = [layout.FigureColumn("table.options col.c-rank", ranks, "#", 2.5, extra_mm=1.1),
            layout.FigureColumn("table.options col.c-cash", cash, "Cash cost", 3.0),
            layout.FigureColumn("table.options col.c-total", total, "Hours in total", 3.0),
            layout.FigureColumn("table.options col.c-away", away, "Hours away", 3.0),
            layout.FigureColumn("table.options col.c-week", week, "Away a week", 3.0),
            layout.FigureColumn("table.options col.c-weeks", span, "Duration", 3.0)]
    size, widths = layout.fit_figures(cols, width_mm=width, text_min_mm=62, size_pt=9,
                                      header_pt=7.5)
    rest = width - sum(widths.values())
    rules += [(sel, f"width: {w:.2f}mm") for sel, w in widths.items()]
    rules += [("table.options col.c-deliv", f"width: {max(24.0, min(34.0, rest * 0.42)):.2f}mm"),
              ("table.options td.num", f"font-size: {size:.2f}pt")]
    # the full-cost table (when there is an hourly cost)
    if ts[0].cost_of_hours is not None:
        hours_cost = [fmt.money(t.cost_of_hours) for t in ts]
        totals_cost = [fmt.money(t.total_cost) for t in ts]
        cols = [layout.FigureColumn("table.costs col.k-cash", cash, "Cash cost", 3.0),
                layout.FigureColumn("table.costs col.k-away", away, "Hours away", 3.0),
                layout.FigureColumn("table.costs col.k-hours", hours_cost, "Cost of the hours", 3.0),
                layout.FigureColumn("table.costs col.k-total", totals_cost, "Total cost", 3.0)]
        size, widths = layout.fit_figures(cols, width_mm=width, text_min_mm=40, size_pt=9,
                                          header_pt=7.5)
        rules += [(sel, f"width: {w:.2f}mm") for sel, w in widths.items()]
        rules += [("table.costs td.num", f"font-size: {size:.2f}pt")]
    # the summary box: the first choice's cash cost at 12pt in a column of a fifth of the box
    first = ts[0]
    inner = width - 10 - 1.4  # the box's padding and rules
    sub = fmt.money(first.total_cost) if first.total_cost is not None else ""
    cols = [layout.FigureColumn("table.figures td.fig-cash", [cash[0]], "", 3.0)]
    share = inner * 0.19
    need = max(layout.text_width_pt(cash[0], 12, 700), layout.text_width_pt(sub, 8)) \
        / layout.PT_PER_MM + 3.5
    if need > share:
        size, widths = layout.fit_figures(cols, width_mm=inner - 2 * share, text_min_mm=32,
                                          size_pt=12, header_pt=7.5)
        cash_width = max(widths["table.figures td.fig-cash"],
                         layout.text_width_pt(sub, 8) / layout.PT_PER_MM + 3.5)
        rules += [("table.figures td.fig-option", "width: auto"),
                  ("table.figures td.fig-cash", f"width: {cash_width:.2f}mm"),
                  ("table.figures td.fig-cash .fig-value", f"font-size: {size:.2f}pt")]
    return layout.css_rules(rules)


@dataclass(frozen=True)
class Document:
    """What the templates receive (see templates/README.md for each name)."""

    draft: Draft
    fmt: Formatter
    totals: costing.LadderTotals
    questions: list[objections.ResolvedObjection]
    today: dt.date
    weeks_to_budget: int | None
    weeks_to_meeting: int | None
    private: bool
    embed_fonts: bool = True

    def duration(self, t: costing.OptionTotals) -> str:
        return self.fmt.duration(t.weeks, t.months, self.totals.duration_unit)

    def as_context(self) -> dict[str, Any]:
        return {
            "d": self.draft,
            "fmt": self.fmt,
            "totals": self.totals,
            "rows": list(zip(self.draft.options, self.totals.options, strict=True)),
            "questions": self.questions,
            "today": self.today,
            "weeks_to_budget": self.weeks_to_budget,
            "weeks_to_meeting": self.weeks_to_meeting,
            "kind_labels": {k.value: v for k, v in KIND_LABELS.items()},
            "kinds": RequestKind,
            "title": self.draft.proposal_title(),
            # self-contained HTML carries the fonts; HTML made for WeasyPrint names the files
            "font_css": font_css() if self.embed_fonts else Markup(_font_css_files()),
            "stylesheet": stylesheet,
            "paper": paper(self.draft),
            "duration": self.duration,
            # computed from numbers only: widths and sizes in mm and pt, our own selectors
            "figure_css": Markup(_figure_css(self.draft, self.fmt, self.totals,
                                             private=self.private)),
        }


def document(draft: Draft, *, private: bool, today: dt.date | None = None,
             embed_fonts: bool = True) -> Document:
    today = today or dt.date.today()
    shown = draft if private else proposal_source(draft)
    return Document(
        draft=shown,
        fmt=Formatter.for_draft(draft),
        totals=costing.ladder_totals(shown),
        questions=objections.resolve(shown, include_private=private),
        today=today,
        weeks_to_budget=costing.weeks_until(draft.timing.budget_date, today),
        weeks_to_meeting=costing.weeks_until(draft.timing.meeting_date, today),
        private=private,
        embed_fonts=embed_fonts,
    )


def render_template(name: str, context: dict[str, Any]) -> str:
    """The one function that renders a template."""
    return environment().get_template(name).render(context)


def proposal_html(draft: Draft, *, today: dt.date | None = None, embed_fonts: bool = True) -> str:
    """The manager's proposal as one self-contained HTML document (``embed_fonts=False``: the
    fonts named as files beside the templates, for WeasyPrint)."""
    context = document(draft, private=False, today=today, embed_fonts=embed_fonts).as_context()
    return layout.number_blocks(render_template("proposal.html.j2", context))


def prep_html(draft: Draft, *, today: dt.date | None = None, embed_fonts: bool = True) -> str:
    """The employee's private prep sheet as one self-contained HTML document."""
    context = document(draft, private=True, today=today, embed_fonts=embed_fonts).as_context()
    return layout.number_blocks(render_template("prep.html.j2", context))


# --- PDF -------------------------------------------------------------------------------------


def _make_fetcher():
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
    fetcher = _make_fetcher()
    css = weasyprint.CSS(string=css_text, base_url=templates_dir().as_uri() + "/",
                         url_fetcher=fetcher, font_config=fonts)
    if fetcher.refused:
        raise RenderError(f"the stylesheet asked for an outside resource ({fetcher.refused[0]})")
    return css, fonts


# WeasyPrint copies the fonts into a temporary folder that the font configuration removes when
# it is deleted: delete the cached one while the interpreter is still whole
atexit.register(_compiled_style.cache_clear)


REPAIR_PASSES = 3


def _rendered(html: str, *, title: str, author: str, language: str, forms: bool, seconds: float,
              finish: Callable[[Any], T], fixes: str = "", repair: bool = True,
              fixes_out: list[str] | None = None) -> T:
    """Lay out our own HTML with WeasyPrint, fetching nothing outside, and hand the document
    (metadata set) to ``finish``, which writes it; every failure becomes a :class:`RenderError`.

    ``fixes`` are layout repair rules to apply from the start; with ``repair``, a layout that
    leaves a page nearly blank is laid out again with the rules that mend it
    (:func:`layout.sparse_fixes`), up to REPAIR_PASSES times. The rules in force at the end are
    appended to ``fixes_out``, for an HTML copy that lays out the same."""
    import weasyprint

    fetcher = _make_fetcher()
    errors = _FetchErrors()
    logger = logging.getLogger("weasyprint")
    logger.addHandler(errors)
    try:
        with _time_limit(seconds):
            stylesheets, fonts = [], None
            style = _STYLE.search(html)  # ours: user text is escaped and cannot open a <style>
            if style:
                # the fonts read from files, not parsed out of data: URLs (_font_css_files)
                css_text = style.group(1)
                if "data:font/" in css_text:
                    css_text = css_text.replace(str(font_css()), _font_css_files(), 1)
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
                more = layout.sparse_fixes(rendered, fixes)
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
    return _rendered(html, title=title, author=author, language=language, forms=forms,
                     seconds=seconds, fixes_out=fixes_out,
                     finish=lambda document: document.write_pdf(pdf_variant="pdf/ua-1",
                                                                pdf_forms=forms))


def proposal_pdf(draft: Draft, *, today: dt.date | None = None) -> bytes:
    """The proposal PDF, for the manager: tagged, with the fillable decision form."""
    return proposal_outputs(draft, today=today, html=False)[0]


def proposal_outputs(draft: Draft, *, today: dt.date | None = None,
                     html: bool = True) -> tuple[bytes, str]:
    """The proposal PDF and, with ``html``, the same proposal as self-contained HTML that lays
    out page for page like the PDF (it carries the PDF's layout repairs)."""
    fixes: list[str] = []
    pdf = html_to_pdf(proposal_html(draft, today=today, embed_fonts=False),
                      title=draft.proposal_title(), author=draft.person.name,
                      language=draft.language, forms=True, fixes_out=fixes)
    page = layout.with_fixes(proposal_html(draft, today=today), fixes[0]) if html else ""
    return pdf, page


# --- the on-screen preview -------------------------------------------------------------------

# Where the preview may cut the proposal: the start of a section (named by its heading), of an
# option's details or of a question. None of them sits inside a table, so the parser closes
# whatever is open when the HTML ends early. User text is escaped: it holds no `id="`.
_CUT_POINT = re.compile(r'\bid="([a-z]+-h|opt-\d+|q-\d+)"')
_CONTENT = "<!-- content -->"  # in the template: the running header and footer come before it
_PAD = '<div class="preview-pad" aria-hidden="true"></div>'  # a blank page (proposal.css)
# A window that starts mid-document starts on a fresh page, as its first part did in the full
# layout; a break there truncated the part's top margin, so the window's start has none either.
_WINDOW_START = "data-preview-start"
_WINDOW_STYLE = ('<style>[data-preview-start] { break-before: page; margin-top: 0; }'
                 '[data-preview-start] > :first-child { margin-top: 0; }</style>')
# Anything at the top of a page lies within this many CSS pixels of the highest cut point.
_PAGE_TOP_SLACK = 6
# What ends a proposal cut short: the page count of the last full layout in the footer (the
# wording of proposal.css), then a blank page to stand for each page not laid out yet.
_CUT_TAIL = ('<style>@page {{ @bottom-right {{ content: "page " counter(page) " of {pages}"; }} }}'
             '@page preview-pad {{ @bottom-right {{ content: none; }} }}</style>'
             + _PAD + '</body></html>')


def _element_start(html: str, name: str) -> int:
    """Where the element that begins at a cut point opens (its section or article, if any)."""
    found = [i for i in (html.find(f'aria-labelledby="{name}"'), html.find(f'id="{name}"')) if i >= 0]
    return html.rfind("<", 0, min(found))


def _window_html(html: str, window: Window, pages: int) -> str:
    """The proposal's HTML for one window: blank pages before it, blank pages after it."""
    content = html.index(_CONTENT) + len(_CONTENT)
    if window.start is not None:
        start = _element_start(html, window.start)
        tag = re.match(r"<\w+", html[start:]).end()
        html = (html[:content] + _WINDOW_STYLE + _PAD * (window.start_page - 1)
                + html[start:start + tag] + f" {_WINDOW_START}" + html[start + tag:])
    if window.stop is not None:
        html = html[:_element_start(html, window.stop)] + _CUT_TAIL.format(pages=int(pages))
    return html


def _page_map(html: str, document: Any, fixes: str = "") -> PageMap:
    starts: dict[str, tuple[int, float]] = {}
    for number, page in enumerate(document.pages, start=1):
        for anchor, (_x, y, *_rest) in page.anchors.items():
            starts.setdefault(anchor, (number, y))
    order = [name for name in _CUT_POINT.findall(html) if name in starts]
    # the decision block always begins a page, so the highest cut point marks the page top
    top = min((starts[name][1] for name in order), default=0.0)
    page_tops = frozenset(name for name in order if starts[name][1] - top < _PAGE_TOP_SLACK)
    return PageMap(len(document.pages), tuple((name, starts[name][0]) for name in order),
                   page_tops, fixes)


def proposal_preview(draft: Draft, *, in_view: tuple[int, int] | None = None,
                     page_map: PageMap | None = None, today: dt.date | None = None) -> Preview:
    """The proposal for the on-screen preview: no tags, no form fields, no compression, which
    more than halves the time spent writing it.

    Given the :class:`PageMap` of an earlier full layout and the pages ``in_view`` (first,
    last), only the stretch those pages need is laid out (see :meth:`PageMap.window`); the
    other pages are blank, so the page count and the reader's place stay put until the full
    layout follows.
    """
    html = proposal_html(draft, today=today, embed_fonts=False)
    window = page_map.window(*in_view) if page_map is not None and in_view else None
    if window is not None:
        html = _window_html(html, window, page_map.pages)
    fixes: list[str] = []

    def finish(document: Any) -> Preview:
        if window is None:
            return Preview(document.write_pdf(uncompressed_pdf=True),
                           _page_map(html, document, fixes[0] if fixes else ""),
                           (1, len(document.pages)))
        content, pages = document.pages, document.pages
        if window.stop is not None:  # the last page is the blank one of _CUT_TAIL
            content, blank = content[:-1], content[-1]
            pages = content + [blank] * max(0, page_map.pages - len(content))
        return Preview(document.copy(pages).write_pdf(uncompressed_pdf=True), None,
                       (window.start_page, len(content)))

    # a window lays out as the full layout did, with its repairs; only a full layout repairs
    return _rendered(html, title=draft.proposal_title(), author=draft.person.name,
                     language=draft.language, forms=False, seconds=RENDER_SECONDS, finish=finish,
                     fixes=page_map.fixes if window is not None else "", repair=window is None,
                     fixes_out=fixes)


def prep_pdf(draft: Draft, *, today: dt.date | None = None) -> bytes:
    return html_to_pdf(prep_html(draft, today=today, embed_fonts=False),
                       title=f"Private prep sheet — {draft.proposal_title()}",
                       author=draft.person.name, language=draft.language)
