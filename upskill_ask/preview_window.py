"""The proposal for the on-screen preview, laid out only where the reader is looking.

A full layout records where each part of the proposal begins (:class:`PageMap`). After an edit,
only the stretch the pages in view need is laid out, from a part that began a page up to the
first part after the view; the other pages are blank, so the page count and the reader's place
stay put until the whole layout follows. The preview PDF skips tags, form fields and
compression, which more than halves the time spent writing it.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from upskill_ask import weasy
from upskill_ask.model import Draft
from upskill_ask.pagemap import PageMap, Preview, Window
from upskill_ask.render import document_title, page_footer, proposal_html

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
_CUT_TAIL = ('<style>@page {{ @bottom-right {{ content: {footer}; }} }}'
             '@page preview-pad {{ @bottom-right {{ content: none; }} }}</style>'
             + _PAD + '</body></html>')


def _element_start(html: str, name: str) -> int:
    """Where the element that begins at a cut point opens (its section or article, if any)."""
    found = [i for i in (html.find(f'aria-labelledby="{name}"'), html.find(f'id="{name}"')) if i >= 0]
    return html.rfind("<", 0, min(found))


def _window_html(html: str, window: Window, pages: int, language: str) -> str:
    """The proposal's HTML for one window: blank pages before it, blank pages after it."""
    content = html.index(_CONTENT) + len(_CONTENT)
    if window.start is not None:
        start = _element_start(html, window.start)
        tag = re.match(r"<\w+", html[start:]).end()
        html = (html[:content] + _WINDOW_STYLE + _PAD * (window.start_page - 1)
                + html[start:start + tag] + f" {_WINDOW_START}" + html[start + tag:])
    if window.stop is not None:
        html = html[:_element_start(html, window.stop)] + _CUT_TAIL.format(
            footer=page_footer(language, int(pages)))
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
        html = _window_html(html, window, page_map.pages, draft.language)
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
    return weasy.rendered(html, title=document_title(draft), author=draft.person.name,
                     language=draft.language, forms=False, seconds=weasy.RENDER_SECONDS, finish=finish,
                     fixes=page_map.fixes if window is not None else "", repair=window is None,
                     fixes_out=fixes)
