"""The documents: one Jinja environment, self-contained HTML, and the PDFs made from it.

* One environment for the whole app: StrictUndefined, autoescape on for every template
  whatever its name, templates loaded from the package. User text is only ever a value.
* Every value printed goes through :func:`_soft_breaks`, so a very long word gets break
  opportunities (WeasyPrint is pathologically slow on long unbreakable words).
* HTML is self-contained: the stylesheet is inlined and the fonts are ``data:`` URLs.
* PDFs come from :mod:`upskill_ask.weasy`, the one place WeasyPrint is called, with a fetcher
  that serves only ``data:`` URLs and files inside the package's template folder.
* The proposal is rendered from a copy of the draft with the private section (and the covering
  email) emptied, ``views.proposal_source``, so no template change can leak it.
* The on-screen preview (:func:`proposal_preview`, in :mod:`upskill_ask.preview_window`) can lay
  out just the stretch of the proposal the reader is looking at.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache, partial
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup, escape

from upskill_ask import costing, figure_words, i18n, layout, objections, package, prose
from upskill_ask.assets import font_css, font_css_files, stylesheet, templates_dir  # noqa: F401
from upskill_ask.formatting import Formatter
from upskill_ask.model import KIND_LABELS, Draft, RequestKind
from upskill_ask.pagemap import PageMap, Preview
from upskill_ask.views import proposal_source
from upskill_ask.weasy import RENDER_SECONDS, RenderError, html_to_pdf  # noqa: F401 (callers' API)

SOFT_BREAK_EVERY = 24
_LONG_WORD = re.compile(rf"\S{{{SOFT_BREAK_EVERY + 8},}}")


def _break_word(match: re.Match[str]) -> str:
    word = match.group()
    return "\u200b".join(word[i:i + SOFT_BREAK_EVERY] for i in range(0, len(word), SOFT_BREAK_EVERY))


def _soft_breaks(value: Any) -> Any:
    """Finalize hook: give long words break opportunities; markup and non-text pass through."""
    if isinstance(value, str) and not isinstance(value, Markup) and len(value) > SOFT_BREAK_EVERY:
        return _LONG_WORD.sub(_break_word, value)
    return value


def _paragraphs(text: str, footnote: str = "") -> Markup:
    """User prose as escaped <p> elements: blank lines split paragraphs, single newlines break;
    ``footnote``: a source cited at the end of the last paragraph (CSS ``float: footnote``)."""
    blocks = [b.strip() for b in re.split(r"\n\s*\n", text or "") if b.strip()]
    note = Markup('<span class="footnote">{}</span>').format(footnote) if footnote else ""
    return Markup("").join(
        Markup("<p>{}{}</p>").format(Markup("<br>").join(escape(_soft_breaks(line))
                                                          for line in block.split("\n")),
                                     note if i == len(blocks) - 1 else "")
        for i, block in enumerate(blocks)
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
        extensions=["jinja2.ext.i18n"],
    )
    # {% trans %} blocks are extracted and looked up with their whitespace collapsed
    env.policies["ext.i18n.trimmed"] = True
    env.filters["paragraphs"] = _paragraphs
    env.filters["safe_link"] = _safe_link
    env.filters["sentence"] = prose.sentence
    env.filters["phrase"] = prose.phrase
    env.filters["full_stop"] = prose.full_stop
    # a value passed into a {% trans %} block skips finalize: long words get their breaks here
    env.filters["soft"] = _soft_breaks
    return env


def page_footer(language: str, pages: int | None = None) -> Markup:
    """The CSS ``content`` of a page's number in the document's language ('page 2 of 8'), with
    the total as a counter, or as a fixed number (a preview cut short knows the total)."""
    text = i18n.words(language).gettext("page {page} of {pages}")
    parts = re.split(r"(\{page\}|\{pages\})", text)
    values = {"{page}": "counter(page)",
              "{pages}": "counter(pages)" if pages is None else _css_string(str(pages))}
    return Markup(" ".join(values.get(part) or _css_string(part) for part in parts if part))


def _css_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ") + '"'


def document_title(draft: Draft) -> str:
    """The proposal's title in the draft's language: the user's own title, else one made from
    the skill."""
    if draft.title:
        return draft.title
    t = i18n.draft_words(draft)
    if draft.skill.name:
        return t.gettext("Proposal: support for learning {skill}").format(skill=draft.skill.name)
    return t.gettext("Development proposal")




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
        words = i18n.draft_words(self.draft)
        payback = costing.payback(self.draft, self.totals)  # the table and its widths share it
        return {
            # the document's language (the draft's), which may differ from the app's
            "_": words.gettext,
            "gettext": words.gettext,
            "ngettext": words.ngettext,
            "pgettext": words.pgettext,
            "d": self.draft,
            "fmt": self.fmt,
            "totals": self.totals,
            "payback": payback,
            "payback_words": partial(figure_words.payback, words, self.fmt),
            "package": package.package_totals(self.draft, self.totals),
            "deadlines": package.deadlines(self.draft),
            "rows": list(zip(self.draft.options, self.totals.options, strict=True)),
            "questions": self.questions,
            "today": self.today,
            "weeks_to_budget": self.weeks_to_budget,
            "weeks_to_meeting": self.weeks_to_meeting,
            "kind_labels": {k.value: words.gettext(v) for k, v in KIND_LABELS.items()},
            "kinds": RequestKind,
            "title": document_title(self.draft),
            "page_footer": page_footer(self.draft.language),
            # Translators: the prep sheet's running header, on every page
            "private_header": Markup(_css_string(words.gettext("PRIVATE — FOR YOUR EYES ONLY"))),
            # self-contained HTML carries the fonts; HTML made for WeasyPrint names the files
            "font_css": font_css() if self.embed_fonts else Markup(font_css_files()),
            "stylesheet": stylesheet,
            "paper": layout.paper(self.draft),
            "duration": self.duration,
            # computed from numbers only: widths and sizes in mm and pt, our own selectors
            "figure_css": Markup(layout.figure_css(self.draft, self.fmt, self.totals,
                                                   private=self.private, payback=payback)),
        }


def document(draft: Draft, *, private: bool, today: dt.date | None = None,
             embed_fonts: bool = True) -> Document:
    today = today or dt.date.today()
    shown = draft if private else proposal_source(draft)
    totals = costing.ladder_totals(shown)  # once per document: the answers and figures share it
    return Document(
        draft=shown,
        fmt=Formatter.for_draft(shown, totals),
        totals=totals,
        questions=objections.resolve(shown, include_private=private, totals=totals),
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


def proposal_pdf(draft: Draft, *, today: dt.date | None = None) -> bytes:
    """The proposal PDF, for the manager: tagged, with the fillable decision form."""
    return proposal_outputs(draft, today=today, html=False)[0]


def proposal_outputs(draft: Draft, *, today: dt.date | None = None,
                     html: bool = True) -> tuple[bytes, str]:
    """The proposal PDF and, with ``html``, the same proposal as self-contained HTML that lays
    out page for page like the PDF (it carries the PDF's layout repairs)."""
    fixes: list[str] = []
    pdf = html_to_pdf(proposal_html(draft, today=today, embed_fonts=False),
                      title=document_title(draft), author=draft.person.name,
                      language=draft.language, forms=True, fixes_out=fixes)
    page = layout.with_fixes(proposal_html(draft, today=today), fixes[0]) if html else ""
    return pdf, page


def proposal_preview(draft: Draft, *, in_view: tuple[int, int] | None = None,
                     page_map: PageMap | None = None, today: dt.date | None = None) -> Preview:
    """The proposal for the on-screen preview (see :mod:`upskill_ask.preview_window`)."""
    from upskill_ask import preview_window

    return preview_window.proposal_preview(draft, in_view=in_view, page_map=page_map, today=today)


def outcome_html(draft: Draft, *, today: dt.date | None = None, embed_fonts: bool = True) -> str:
    """The outcome report (for the manager, at the last check-in): from the public source,
    like the proposal, so nothing private can reach it."""
    context = document(draft, private=False, today=today, embed_fonts=embed_fonts).as_context()
    return render_template("outcome.html.j2", context)


def outcome_pdf(draft: Draft, *, today: dt.date | None = None) -> bytes:
    return html_to_pdf(outcome_html(draft, today=today, embed_fonts=False),
                       title=i18n.draft_words(draft).gettext(
                           "Outcome report — {title}").format(title=document_title(draft)),
                       author=draft.person.name, language=draft.language)


def prep_pdf(draft: Draft, *, today: dt.date | None = None) -> bytes:
    return html_to_pdf(prep_html(draft, today=today, embed_fonts=False),
                       title=i18n.draft_words(draft).gettext(
                           "Private prep sheet — {title}").format(title=document_title(draft)),
                       author=draft.person.name, language=draft.language)
