"""Pages that are never left nearly blank: reading a WeasyPrint layout (how full each page is,
which text spills out of its cell or the page) and naming the CSS that repairs a page that is
less than a fifth full.

Small blocks keep together (rules in the stylesheets); a block that turns out too tall to keep
together would push itself to the next page and leave a nearly blank one behind. After a
layout, :func:`sparse_fixes` names, for each such page, the CSS that repairs it: let the block
that left it break after all, or (before the decision page, which always begins a page) move
the last lines of the previous page onto it. The renderer lays the document out again with those
rules; a draft with ordinary texts needs no second pass. Blocks are named by the ``data-k``
numbers of :func:`upskill_ask.layout.number_blocks`.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

FILL_MIN = 0.2  # the least share of a page's height its content may fill (all but the last)
FILL_AIM = 0.3  # what a repair aims for, so that small shifts of the new layout keep it above


# --- reading a layout -----------------------------------------------------------------------


def _walk(box: Any, cell: Any = None, *, footnotes: bool = True) -> Iterator[tuple[Any, Any]]:
    from weasyprint.formatting_structure import boxes

    if isinstance(box, boxes.MarginBox):  # the running header and footer
        return
    if not footnotes and isinstance(box, boxes.FootnoteAreaBox):
        return
    if isinstance(box, boxes.TableCellBox):
        cell = box
    yield box, cell
    for child in getattr(box, "children", None) or []:
        yield from _walk(child, cell, footnotes=footnotes)


@dataclass(frozen=True)
class PageFill:
    number: int
    filled: float  # lowest text bottom below the content top, over the content height
    top: float
    height: float


def page_fills(document: Any) -> list[PageFill]:
    from weasyprint.formatting_structure import boxes

    out = []
    for number, page in enumerate(document.pages, 1):
        root = page._page_box
        top, height = root.content_box_y(), root.height
        lowest = top
        # a footnote sits at the page's foot whatever fills the page: it is not content
        for box, _cell in _walk(root, footnotes=False):
            if isinstance(box, boxes.TextBox) and box.text.strip():
                lowest = max(lowest, box.position_y + box.height)
        out.append(PageFill(number, (lowest - top) / height if height else 1.0, top, height))
    return out


@dataclass(frozen=True)
class Spill:
    page: int
    text: str
    over: float  # points past the cell's padding edge or the page's content edge
    in_cell: bool


def spills(document: Any, tolerance: float = 0.75) -> list[Spill]:
    """Text that runs out of its table cell (past the right padding) or off the page."""
    from weasyprint.formatting_structure import boxes

    found = []
    for number, page in enumerate(document.pages, 1):
        root = page._page_box
        right = root.content_box_x() + root.width
        for box, cell in _walk(root):
            if isinstance(box, boxes.TextBox) and box.text.strip():
                end = box.position_x + box.width
                limit = cell.content_box_x() + cell.width + cell.padding_right if cell else right
                if end > limit + tolerance:
                    found.append(Spill(number, box.text.strip()[:40], round(end - limit, 1),
                                       cell is not None))
    return found


def _key(box: Any) -> str | None:
    element = getattr(box, "element", None)
    return element.get("data-k") if element is not None and hasattr(element, "get") else None


def _first_chain(box: Any) -> list[Any]:
    """The boxes that open a page: the first child, its first child, and so on down."""
    chain = []
    while True:
        children = [c for c in getattr(box, "children", None) or []
                    if not _is_margin(c)]
        if not children:
            return chain
        box = children[0]
        chain.append(box)


def _is_margin(box: Any) -> bool:
    from weasyprint.formatting_structure import boxes

    return isinstance(box, boxes.MarginBox)


def _cut_points(box: Any, before: Any = None) -> Iterator[Any]:
    """Blocks with a data-k number that a page may begin with, in document order: never inside
    a table, never right after a heading or anything else kept with what follows it."""
    from weasyprint.formatting_structure import boxes

    previous = before  # a first child begins where its parent does: the parent's neighbour
    for child in getattr(box, "children", None) or []:
        if _is_margin(child) or not isinstance(child, boxes.BlockLevelBox):
            continue
        table = getattr(child, "is_table_wrapper", False) or isinstance(child, boxes.TableBox)
        if isinstance(child, boxes.BlockBox) and _key(child) and _may_begin(child, previous):
            yield child
        if not table:
            yield from _cut_points(child, previous)
        previous = child


def _may_begin(box: Any, previous: Any) -> bool:
    if box.style["break_before"] in ("avoid", "avoid-page"):
        return False
    if previous is None:
        return True
    return previous.style["break_after"] not in ("avoid", "avoid-page")


_AVOID = ("avoid", "avoid-page")


def _pushed_keeps(page: Any) -> list[str]:
    """The blocks that open a page and refuse a break inside: one of them was too tall to
    finish the page before and left it nearly blank. Those open the page with the first box
    at each depth and with whatever is kept with it (a heading and its lead-in keep with the
    table after them, whose first body row opens the page too)."""
    keys: list[str] = []
    _openers(page._page_box, keys)
    return keys


def _openers(box: Any, keys: list[str], depth: int = 0) -> None:
    children = [c for c in getattr(box, "children", None) or [] if not _is_margin(c)]
    if _is_table(box):  # past a header repeated from the page before, to the first body row
        children = [c for c in children if not getattr(c, "is_header", False)] or children
    if not children or depth > 40:
        return
    run = [children[0]]
    for before, after in itertools.pairwise(children):
        if before.style["break_after"] not in _AVOID and after.style["break_before"] not in _AVOID:
            break
        run.append(after)
    for opener in run:
        key = _key(opener)
        if key and _keeps_together(opener) and key not in keys:
            keys.append(key)
        _openers(opener, keys, depth + 1)


def _is_table(box: Any) -> bool:
    from weasyprint.formatting_structure import boxes

    return isinstance(box, boxes.TableBox)


def _keeps_together(box: Any) -> bool:
    """Whether a box refuses a break inside (a table's wrapper: its table does)."""
    if box.style["break_inside"] in _AVOID:
        return True
    if getattr(box, "is_table_wrapper", False):
        return any(c.style["break_inside"] in _AVOID for c in box.children)
    return False


def _forced_before(page: Any) -> bool:
    """Whether the page opens with a block that always begins a page (the decision block)."""
    return any(box.style["break_before"] in ("page", "always", "left", "right", "recto", "verso")
               for box in _first_chain(page._page_box))


def _move_to_next(page: Any, fill: PageFill, need_pt: float) -> str | None:
    """A block near the bottom of ``page`` to begin the next page with, so that at least
    ``need_pt`` points of content move over while this page stays FILL_AIM full: the lowest
    block that may begin a page (see :func:`_cut_points`) with that much below it."""
    floor = fill.top + FILL_AIM * fill.height
    lowest = fill.top + fill.filled * fill.height
    best = None
    for box in _cut_points(page._page_box):
        y = box.position_y
        if y >= floor and lowest - y >= need_pt and (best is None or y > best.position_y):
            best = box
    return _key(best) if best is not None else None


def _widows(page: Any, fill: PageFill, need_pt: float) -> str | None:
    """For a page that opens with the end of a paragraph begun on the page before: the rule
    that carries enough of its lines over (when no block could begin the page instead)."""
    from weasyprint.formatting_structure import boxes

    for box in _first_chain(page._page_box):
        lines = [c for c in box.children if isinstance(c, boxes.LineBox)] \
            if isinstance(box, boxes.BlockBox) else []
        if lines and _key(box):
            line = max(ln.height for ln in lines) or 1.0
            count = len(lines) + int(need_pt // line) + 2
            return f'[data-k="{_key(box)}"] {{ widows: {min(count, 60)} !important; }}'
    return None


def sparse_fixes(document: Any, applied: str = "") -> str:
    """CSS rules that repair the nearly blank pages of a layout ("" when there are none)."""
    fills = page_fills(document)
    rules: list[str] = []
    for index, fill in enumerate(fills[:-1]):
        if fill.filled >= FILL_MIN:
            continue
        after = document.pages[index + 1]
        if _forced_before(after):
            # the page before the decision holds a small leftover: bring more of the content
            # before it over, from the page before that
            if index == 0:
                continue
            need = (FILL_AIM - fill.filled) * fill.height
            # failing a block that brings the page to FILL_AIM, one that brings it over the
            # minimum (a short question moved after a long one that cannot move)
            key = _move_to_next(document.pages[index - 1], fills[index - 1], need) or \
                _move_to_next(document.pages[index - 1], fills[index - 1],
                              (FILL_MIN + 0.03 - fill.filled) * fill.height)
            rule = f'[data-k="{key}"] {{ break-before: page !important; }}' if key else \
                _widows(document.pages[index], fill, need)
            if rule and rule not in applied:
                rules.append(rule)
            continue
        for key in _pushed_keeps(after):
            rule = f'[data-k="{key}"] {{ break-inside: auto !important; }}'
            if rule not in applied:
                rules.append(rule)
    return "\n".join(rules)
