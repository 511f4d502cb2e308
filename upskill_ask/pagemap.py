"""Where the parts of the proposal fall on its pages, and what a preview render returns.

Plain data, apart from :mod:`upskill_ask.render` so that the app, which receives these from its
render process, need not import the rendering machinery (Jinja, the templates) to read them.
"""

from __future__ import annotations

from dataclasses import dataclass


def block_name(key: str) -> str:
    """The cut point of a block that began a page, named by its data-k number."""
    return f"k{key}"


def block_key(name: str) -> str | None:
    """The data-k number of a block's cut point (None: the cut point is a part's id)."""
    return name[1:] if name[:1] == "k" and name[1:].isdigit() else None


@dataclass(frozen=True)
class Window:
    """The stretch of the proposal to lay out: from ``start`` (None: the beginning), which
    begins page ``start_page``, up to ``stop`` (None: the end)."""

    start: str | None
    start_page: int
    stop: str | None


@dataclass(frozen=True)
class PageMap:
    """Where each cut point of the proposal began in a full layout (pages count from 1)."""

    pages: int
    # (cut point, page), in document order; a cut point is a part's id, or "k" and the data-k
    # number of a block that began a page inside a part (a table row that runs on, say)
    starts: tuple[tuple[str, int], ...]
    page_tops: frozenset[str] = frozenset()  # the cut points that began their page
    fixes: str = ""  # the layout repairs of that layout (weasy.rendered), for the windows too

    def window(self, first: int, last: int) -> Window | None:
        """The least to lay out for pages ``first`` to ``last`` to come out as in the full
        layout: from the last cut point that began a page at or before ``first``, up to the
        first cut point that begins after ``last``. None when that is more than half the
        document: the full layout, which follows anyway, would come hardly later."""
        start, start_page = None, 1
        for name, page in self.starts:
            if name in self.page_tops and 1 < page <= first:
                start, start_page = name, page
        # a block that began a page (a table row, say) is a place to start, not to stop: cut
        # there, the HTML would end inside its table
        stop, stop_page = next(((n, p) for n, p in self.starts if p > last and block_key(n) is None),
                               (None, self.pages + 1))
        if 2 * (stop_page - start_page) > self.pages or (start is None and stop is None):
            return None
        return Window(start, start_page, stop)


@dataclass(frozen=True)
class Preview:
    """A proposal PDF for the screen; ``page_map`` is None when only a part was laid out."""

    pdf: bytes
    page_map: PageMap | None
    shows: tuple[int, int]  # the first and last page with their content; the others are blank
    seconds: float = 0.0

    @property
    def partial(self) -> bool:
        return self.page_map is None
