"""The proposal for the on-screen preview, laid out only where the reader is looking.

A full layout records where each part of the proposal begins (:class:`PageMap`), and which block
begins each page: a section, a question, or a row of a table that runs on from the page before.
After an edit, only the stretch the pages in view need is laid out, from a block that began a
page up to the first one after the view, with the elements around that block opened again (a
table's column widths and header row too); the other pages are blank, so the page count and the
reader's place stay put until the whole layout follows. The preview PDF skips tags, form fields and
compression, which more than halves the time spent writing it.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from upskill_ask import weasy
from upskill_ask.model import Draft
from upskill_ask.pagemap import PageMap, Preview, Window, block_key, block_name
from upskill_ask.render import document_title, page_footer, proposal_html

# Where the preview may cut the proposal: the start of a section (named by its heading), of an
# option's details or of a question; and any block that began a page, named by its data-k
# number (pagemap.block_name, layout.number_blocks). The parser closes whatever is open when
# the HTML ends early.
# User text is escaped: it holds no `id="` and no `data-k="`.
_CUT_POINT = re.compile(r'\bid="([a-z]+-h|opt-\d+|q-\d+)"')
_CONTENT = "<!-- content -->"  # in the template: the running header and footer come before it
_PAD = '<div class="preview-pad" aria-hidden="true"></div>'  # a blank page (proposal.css)
# A window that starts mid-document starts on a fresh page, as its first part did in the full
# layout; a break there truncated the part's top margin, so the window's start has none either.
_WINDOW_START = "data-preview-start"
_WINDOW_STYLE = ('<style>[data-preview-start] { break-before: page; margin-top: 0; }'
                 '[data-preview-start] > :first-child { margin-top: 0; }'
                 # an element opened again continues from the page before: no top edge
                 '[data-preview-open] { margin-top: 0; }'
                 '[data-preview-open]:not(table) { padding-top: 0; border-top-width: 0; }'
                 '</style>')
_OPEN = "data-preview-open"
_VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
                   "source", "track", "wbr"})
_TAG = re.compile(r"<!--.*?-->|<(/?)([a-zA-Z][a-zA-Z0-9]*)\b[^>]*>", re.S)
_TABLE_HEAD = re.compile(r"<colgroup\b.*?</colgroup>|<thead\b.*?</thead>", re.S)
# Anything at the top of a page lies within this many CSS pixels of the highest cut point.
_PAGE_TOP_SLACK = 6
# What ends a proposal cut short: the page count of the last full layout in the footer (the
# wording of proposal.css), then a blank page to stand for each page not laid out yet.
_CUT_TAIL = ('<style>@page {{ @bottom-right {{ content: {footer}; }} }}'
             '@page preview-pad {{ @bottom-right {{ content: none; }} }}</style>'
             + _PAD + '</body></html>')


def _element_start(html: str, name: str) -> int:
    """Where the element that begins at a cut point opens (its section or article, if any)."""
    key = block_key(name)
    if key is not None:
        return html.rfind("<", 0, html.index(f' data-k="{key}"'))
    found = [i for i in (html.find(f'aria-labelledby="{name}"'), html.find(f'id="{name}"')) if i >= 0]
    return html.rfind("<", 0, min(found))


def _open_elements(html: str, begin: int, end: int) -> list[re.Match[str]]:
    """The start tags of the elements still open at ``end``, outermost first."""
    stack: list[re.Match[str]] = []
    for tag in _TAG.finditer(html, begin, end):
        name = (tag.group(2) or "").lower()
        if not name or name in _VOID or tag.group().endswith("/>"):
            continue
        if tag.group(1):  # a closing tag: close up to the element it names
            while stack and stack.pop().group(2).lower() != name:
                pass
        else:
            stack.append(tag)
    return stack


def _with_attribute(tag: str, attribute: str) -> str:
    return re.sub(r"^<\w+", lambda m: f"{m.group()} {attribute}", tag)


def _reopened(html: str, content: int, start: int) -> str:
    """The start tags of the elements around ``start``, as if they ran on from the page before:
    the outermost begins the window; a table keeps its columns and its header row."""
    out = []
    for depth, tag in enumerate(_open_elements(html, content, start)):
        out.append(_with_attribute(tag.group(), _OPEN if depth else f"{_WINDOW_START} {_OPEN}"))
        if tag.group(2).lower() == "table":
            inner = html[tag.end():start]
            out += [m.group() for m in _TABLE_HEAD.finditer(inner)]
    return "".join(out)


def _window_html(html: str, window: Window, pages: int, language: str) -> str:
    """The proposal's HTML for one window: blank pages before it, blank pages after it."""
    content = html.index(_CONTENT) + len(_CONTENT)
    if window.stop is not None:
        html = html[:_element_start(html, window.stop)] + _CUT_TAIL.format(
            footer=page_footer(language, int(pages)))
    if window.start is not None:
        start = _element_start(html, window.start)
        around = _reopened(html, content, start)
        tag = re.match(r"<\w+", html[start:]).end()
        first = "" if around else f" {_WINDOW_START}"
        html = (html[:content] + _WINDOW_STYLE + _PAD * (window.start_page - 1) + around
                + html[start:start + tag] + first + html[start + tag:])
    return html


def _page_top_blocks(document: Any) -> dict[int, str]:
    """The block each page begins with, where that is a block of its own: not the rest of one
    begun on an earlier page, nor the inside of a table cell (a row may begin a page, after the
    repeated header row)."""
    from weasyprint.formatting_structure import boxes

    from upskill_ask.pagefill import _key, _walk

    skip = (boxes.MarginBox, boxes.FootnoteAreaBox)
    seen: set[str] = set()
    tops: dict[int, str] = {}
    for number, page in enumerate(document.pages, start=1):
        box = page._page_box
        while number > 1:
            children = [c for c in getattr(box, "children", None) or []
                        if not isinstance(c, skip) and not getattr(c, "is_header", False)]
            if not children or isinstance(children[0], boxes.TableCellBox):
                break
            box = children[0]
            key = _key(box)
            if key is not None and key not in seen:
                tops[number] = key
                break
        seen.update(key for b, _cell in _walk(page._page_box) if (key := _key(b)) is not None)
    return tops


def _page_map(html: str, document: Any, fixes: str = "") -> PageMap:
    starts: dict[str, tuple[int, float]] = {}
    for number, page in enumerate(document.pages, start=1):
        for anchor, (_x, y, *_rest) in page.anchors.items():
            starts.setdefault(anchor, (number, y))
    order = [name for name in _CUT_POINT.findall(html) if name in starts]
    # the decision block always begins a page, so the highest cut point marks the page top
    top = min((starts[name][1] for name in order), default=0.0)
    page_tops = {name for name in order if starts[name][1] - top < _PAGE_TOP_SLACK}
    pages = {name: starts[name][0] for name in order}
    for number, key in _page_top_blocks(document).items():
        if not any(pages[name] == number for name in page_tops):  # a part begins it already
            pages[block_name(key)] = number
            page_tops.add(block_name(key))
    found = sorted(pages, key=lambda name: _element_start(html, name))
    return PageMap(len(document.pages), tuple((name, pages[name]) for name in found),
                   frozenset(page_tops), fixes)


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
