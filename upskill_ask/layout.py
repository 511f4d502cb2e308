"""Layout rules the stylesheets cannot state on their own: figure columns that make room for
their widest figure, the paper, and the block numbers the page repairs point at.

* **Figures never wrap and never spill.** Formatted amounts and hours are set without breaks
  (``white-space: nowrap``). Their columns are sized here from the widths of the very strings
  the documents print, measured with the shipped font's advance widths (an upper bound: no
  kerning, any character the font lacks counted a full em). When the figures would crowd the
  text columns out, the figures get a smaller font size instead, never less than ``MIN_PT``.
Blocks are named by a ``data-k`` number (:func:`number_blocks`) so that a repair rule of
:mod:`upskill_ask.pagefill` can point at one; user text is escaped before this runs, so it
holds no tag for the numbering to touch.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING

from upskill_ask.i18n import draft_words

if TYPE_CHECKING:
    from upskill_ask.costing import LadderTotals, Payback
    from upskill_ask.formatting import Formatter
    from upskill_ask.model import Draft

PT_PER_MM = 72 / 25.4
MIN_PT = 6.5
PAPER_WIDTH_MM = {"A4": 210.0, "letter": 215.9}
_FONTS = {400: "Inter-Regular.otf", 600: "Inter-SemiBold.otf", 700: "Inter-Bold.otf"}


# --- measuring ------------------------------------------------------------------------------


@lru_cache(maxsize=4)
def _advances(weight: int) -> tuple[dict[int, float], dict[int, float]]:
    """Advance widths in em per code point, plain and with tabular figures (the 'tnum' single
    substitutions), from the shipped font of that weight."""
    from fontTools.ttLib import TTFont

    path = resources.files("upskill_ask").joinpath(f"templates/fonts/{_FONTS[weight]}")
    with resources.as_file(path) as file:
        font = TTFont(str(file), lazy=True)
        upm = font["head"].unitsPerEm
        hmtx = font["hmtx"]
        cmap = font.getBestCmap()
        plain = {cp: hmtx[glyph][0] / upm for cp, glyph in cmap.items()}
        tnum: dict[int, float] = {}
        gsub = font["GSUB"].table if "GSUB" in font else None
        mapping: dict[str, str] = {}
        if gsub is not None:
            for record in gsub.FeatureList.FeatureRecord:
                if record.FeatureTag != "tnum":
                    continue
                for index in record.Feature.LookupListIndex:
                    for sub in gsub.LookupList.Lookup[index].SubTable:
                        mapping.update(getattr(sub, "mapping", None) or {})
        for cp, glyph in cmap.items():
            if glyph in mapping:
                tnum[cp] = hmtx[mapping[glyph]][0] / upm
        font.close()
    return plain, tnum


def text_width_pt(text: str, size_pt: float, weight: int = 400) -> float:
    """How wide ``text`` sets in the shipped font at ``size_pt`` (tabular figures), rounded up:
    no kerning, and a character the font lacks (set in a fallback font) counts a full em."""
    plain, tnum = _advances(weight if weight in _FONTS else 400)
    em = 0.0
    for char in text:
        cp = ord(char)
        if unicodedata.category(char) in ("Mn", "Cf"):  # marks and direction marks: no advance
            continue
        width = max(plain.get(cp, 1.0), tnum.get(cp, 0.0))
        em += width
    return em * size_pt * 1.02


def longest_word_pt(text: str, size_pt: float, weight: int = 400) -> float:
    """The widest word of a label that may wrap between words."""
    return max((text_width_pt(w, size_pt, weight) for w in text.split()), default=0.0)


# --- figure columns -------------------------------------------------------------------------


@dataclass(frozen=True)
class FigureColumn:
    """A column of figures: its CSS selector for the <col>, the strings it prints, its header
    (which wraps between words), and the cell's horizontal padding and border in mm."""

    col: str
    values: Sequence[str]
    header: str
    padding_mm: float
    weight: int = 700  # the recommended row sets its figures in bold: measure them all so
    extra_mm: float = 0.0
    subs: Sequence[str] = ()  # lines set under a figure, smaller and regular (SUB_SCALE)


SUB_SCALE = 7.5 / 9  # a figure's sub-line (.sub) against the figure's own size


def fit_figures(columns: Sequence[FigureColumn], *, width_mm: float, text_min_mm: float,
                size_pt: float, header_pt: float) -> tuple[float, dict[str, float]]:
    """The largest font size, from ``size_pt`` down to MIN_PT, at which every figure column is
    as wide as its widest figure and the text columns keep ``text_min_mm``; with the widths."""
    size = size_pt
    while True:
        widths = {}
        for c in columns:
            figure = max((text_width_pt(v, size, c.weight) for v in c.values), default=0.0)
            figure = max([figure, *(text_width_pt(v, size * SUB_SCALE) for v in c.subs)])
            header = longest_word_pt(c.header, header_pt, 600)
            widths[c.col] = max(figure, header) / PT_PER_MM + c.padding_mm + c.extra_mm + 0.5
        if sum(widths.values()) + text_min_mm <= width_mm or size <= MIN_PT:
            return size, widths
        size = max(MIN_PT, size - 0.25)


def css_rules(rules: Iterable[tuple[str, str]]) -> str:
    """CSS text from (selector, declarations) pairs (numbers and our own class names only)."""
    return "\n".join(f"{selector} {{ {decl} }}" for selector, decl in rules)


# --- naming blocks --------------------------------------------------------------------------

_BLOCK_TAG = re.compile(r"<(p|div|section|article|header|h[1-6]|table|tr|ul|ol|li|blockquote)\b")
_BODY = re.compile(r"<body\b[^>]*>")


def number_blocks(html: str) -> str:
    """Give every block element of the body a ``data-k`` number a repair rule can name."""
    body = _BODY.search(html)
    if body is None:
        return html
    counter = iter(range(1, 1_000_000))
    head, rest = html[:body.end()], html[body.end():]
    return head + _BLOCK_TAG.sub(lambda m: f'{m.group()} data-k="{next(counter)}"', rest)


def with_fixes(html: str, fixes: str) -> str:
    """The HTML with the repair rules as a style element of their own, at the end of <head>."""
    if not fixes:
        return html
    at = html.index("</head>")
    return html[:at] + f'<style id="layout-fixes">\n{fixes}\n</style>\n' + html[at:]


# --- the figure columns of a document -------------------------------------------------------


LETTER_LOCALES = ("_US", "_CA")
MARGIN_MM = {False: 20.0 * 2, True: 15.0 * 2}  # proposal.css and prep.css: left plus right


def paper(draft: Draft) -> str:
    """The paper the draft asks for; by default A4, or US Letter for US and Canadian locales."""
    if draft.paper != "auto":
        return draft.paper
    return "letter" if draft.locale.endswith(LETTER_LOCALES) else "A4"


def figure_css(draft: Draft, fmt: Formatter, totals: LadderTotals, *, private: bool,
               payback: Payback | None) -> str:
    """Widths (and, when crowded, a smaller size) for the figure columns of this document's
    tables, from the figures it prints (see :mod:`upskill_ask.layout`); ``payback``: the
    document's (costing.payback), for the full-cost table's last column."""
    if not totals.options:
        return ""
    unit = totals.duration_unit
    width = PAPER_WIDTH_MM[paper(draft)] - MARGIN_MM[private]
    ts = totals.options
    ranks = [str(t.rank) for t in ts]
    from upskill_ask import figure_words
    from upskill_ask.package import package_totals

    pkg = package_totals(draft, totals)
    if pkg is not None:  # the package's row comes first in both documents
        ranks.append("+".join(str(r) for r in pkg.ranks))
    cash = [fmt.cash(t.cash) for t in ts]
    away = [fmt.hours(t.hours_away) for t in ts]
    week = [fmt.hours(t.hours_away_per_week) for t in ts]
    span = [fmt.duration(t.weeks, t.months, unit) for t in ts]
    if pkg is not None:
        cash.append(fmt.cash(pkg.cash))
        away.append(fmt.hours(pkg.hours_away))
        week.append(fmt.hours(pkg.hours_away_per_week))
    rules: list[tuple[str, str]] = []
    if private:
        # the ladder: figures at 8.5pt, headers 7pt, cells padded 1.5 mm a side
        tags = ["Below your walk-away", "Lowest you accept"]
        status = max(max(text_width_pt(t, 7.5, 700) for t in tags) / PT_PER_MM + 2.4 + 0.6,
                     longest_word_pt("Ask for this first Lightest fallback Step down", 8.5)
                     / PT_PER_MM) + 3.5
        cols = [FigureColumn("table.ladder col.c-rank", ranks, "#", 3.0, extra_mm=1.1),
                FigureColumn("table.ladder col.c-cash", cash, "Cash", 3.0),
                FigureColumn("table.ladder col.c-away", away, "Hours away", 3.0),
                FigureColumn("table.ladder col.c-week", week, "A week", 3.0),
                FigureColumn("table.ladder col.c-weeks", span, "Duration", 3.0)]
        size, widths = fit_figures(cols, width_mm=width - status, text_min_mm=40,
                                          size_pt=8.5, header_pt=7)
        rules += [(sel, f"width: {w:.2f}mm") for sel, w in widths.items()]
        rules += [("table.ladder col.c-status", f"width: {status:.2f}mm"),
                  ("table.ladder td.num", f"font-size: {size:.2f}pt")]
        return css_rules(rules)
    # the options table: figures at 9pt, headers 7.5pt, cells padded 1.5 mm a side; the rank
    # cell 1 mm on the left and a 3pt rule on the recommended row; a package row first
    # the headers as the proposal prints them, in the document's language
    words = draft_words(draft)
    _ = words.gettext
    load = [fmt.hours(t.weekly_load) for t in ts]
    every_week = [t.hours_away_per_week for t in ts] + ([pkg.hours_away_per_week] if pkg else [])
    # the template's msgid ({% trans %} writes its placeholders %-style)
    at_work = [_("%(hours)s at work") % {"hours": fmt.hours(h)} for h in every_week]
    if pkg is not None:
        load.append(fmt.hours(pkg.weekly_load))
    cols = [FigureColumn("table.options col.c-rank", ranks, "#", 2.5, extra_mm=1.1),
            FigureColumn("table.options col.c-cash", cash, _("Cash cost"), 3.0),
            FigureColumn("table.options col.c-away", away, _("Hours away"), 3.0),
            FigureColumn("table.options col.c-week", load, _("Hours a week"), 3.0, subs=at_work),
            FigureColumn("table.options col.c-weeks", span, _("Duration"), 3.0)]
    size, widths = fit_figures(cols, width_mm=width, text_min_mm=62, size_pt=9,
                                      header_pt=7.5)
    rest = width - sum(widths.values())
    rules += [(sel, f"width: {w:.2f}mm") for sel, w in widths.items()]
    rules += [("table.options col.c-deliv", f"width: {max(24.0, min(34.0, rest * 0.42)):.2f}mm"),
              ("table.options td.num", f"font-size: {size:.2f}pt")]
    # the full-cost table (when the hours of anyone are costed, or the gap has a cost)
    if any(t.total_cost is not None for t in ts) or payback is not None:
        every = [*ts, *([pkg] if pkg is not None else [])]
        totals_cost = [fmt.money(t.employer_cost) for t in every]
        cols = [FigureColumn("table.costs col.k-cash", cash, _("Cash cost"), 3.0)]
        if draft.person.hourly_cost is not None:
            hours_cost = [fmt.money(t.cost_of_hours) for t in every]
            cols += [FigureColumn("table.costs col.k-away", away, _("Hours away"), 3.0),
                     FigureColumn("table.costs col.k-hours", hours_cost, _("Cost of the hours"),
                                  3.0)]
        if any(t.others_cost is not None or t.others_uncosted for t in ts):
            others = [fmt.money(t.others_cost) for t in every] + [_("not costed")]
            cols.append(FigureColumn("table.costs col.k-others", others, _("Others’ hours"), 3.0))
        cols.append(FigureColumn("table.costs col.k-total", totals_cost, _("Total cost"), 3.0))
        if payback is not None:
            months = [*payback.months, *([pkg.payback_months] if pkg is not None else [])]
            cols.append(FigureColumn("table.costs col.k-payback",
                                     [figure_words.payback(words, fmt, m) if m else "—"
                                      for m in months], _("Pays for itself in"), 3.0))
        size, widths = fit_figures(cols, width_mm=width, text_min_mm=40, size_pt=9,
                                          header_pt=7.5)
        rules += [(sel, f"width: {w:.2f}mm") for sel, w in widths.items()]
        rules += [("table.costs td.num", f"font-size: {size:.2f}pt")]
    # the summary box: the first choice's cash cost at 12pt in a column of a fifth of the box
    first = pkg if pkg is not None else ts[0]
    first_cash = fmt.cash(first.cash)
    inner = width - 10 - 1.4  # the box's padding and rules
    sub = fmt.money(first.total_cost) if first.total_cost is not None else ""
    cols = [FigureColumn("table.figures td.fig-cash", [first_cash], "", 3.0)]
    share = inner * 0.19
    need = max(text_width_pt(first_cash, 12, 700), text_width_pt(sub, 8)) \
        / PT_PER_MM + 3.5
    if need > share:
        size, widths = fit_figures(cols, width_mm=inner - 2 * share, text_min_mm=32,
                                          size_pt=12, header_pt=7.5)
        cash_width = max(widths["table.figures td.fig-cash"],
                         text_width_pt(sub, 8) / PT_PER_MM + 3.5)
        rules += [("table.figures td.fig-option", "width: auto"),
                  ("table.figures td.fig-cash", f"width: {cash_width:.2f}mm"),
                  ("table.figures td.fig-cash .fig-value", f"font-size: {size:.2f}pt")]
    return css_rules(rules)
