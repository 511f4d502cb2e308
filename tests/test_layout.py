"""The documents hold on any draft the model accepts: no text leaves its table cell or the page,
and no page but the last is less than a fifth full.

The checks walk WeasyPrint's laid-out boxes, as /work/shared/contract-checks/lib/layout_probe.py
does (and no less strictly): the proposal is checked as the exported HTML lays out on its own
(what the contract check renders) and both documents as the layout their PDF is written from.
"""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from upskill_ask import drafts, layout, model, render, weasy

from .conftest import EXAMPLES, LONG_ENGLISH, make_draft

FIXTURES = Path(__file__).resolve().parent / "fixtures"
PUNE = FIXTURES / "pune-warehouse-inr.upskill"
TOLERANCE = 0.75  # points
FILL_MIN = 0.2


def _walk(box, cell=None):
    from weasyprint.formatting_structure import boxes

    if isinstance(box, boxes.MarginBox):  # running header and footer
        return
    if isinstance(box, boxes.TableCellBox):
        cell = box
    yield box, cell
    for child in getattr(box, "children", None) or []:
        yield from _walk(child, cell)


def layout_problems(document) -> list[str]:
    """Every text box past its cell's content and right padding, or past the page's content
    box; every page but the last filled to less than a fifth of its content height."""
    from weasyprint.formatting_structure import boxes

    problems = []
    pages = document.pages
    for number, page in enumerate(pages, 1):
        root = page._page_box
        right = root.content_box_x() + root.width
        top, height = root.content_box_y(), root.height
        lowest = top
        for box, cell in _walk(root):
            if isinstance(box, boxes.TextBox) and box.text.strip():
                end = box.position_x + box.width
                lowest = max(lowest, box.position_y + box.height)
                limit = cell.content_box_x() + cell.width + cell.padding_right if cell else right
                if end > limit + TOLERANCE:
                    problems.append(f"page {number}: {box.text.strip()[:40]!r} runs "
                                    f"{end - limit:.1f}pt past its {'cell' if cell else 'page'}")
                if box.position_x < root.content_box_x() - TOLERANCE and cell is None:
                    problems.append(f"page {number}: {box.text.strip()[:40]!r} starts left of "
                                    "the page's content")
        filled = (lowest - top) / height if height else 1
        if number < len(pages) and filled < FILL_MIN:
            problems.append(f"page {number} of {len(pages)} is only {filled:.0%} full")
    return problems


def _pdf_layout(html: str, *, forms: bool):
    """The layout a PDF is written from (repairs and all)."""
    return weasy.rendered(html, title="t", author="a", language="en", forms=forms,
                            seconds=render.RENDER_SECONDS, finish=lambda document: document)


def check_documents(draft: model.Draft, *, exported: bool = True) -> list[str]:
    """The problems of the proposal and the prep sheet as their PDFs are laid out and, with
    ``exported``, of the proposal's exported HTML laid out on its own as the contract probe
    does (it carries the PDF's repairs, so it must lay out the same)."""
    from weasyprint import HTML

    today = dt.date(2026, 11, 30)
    problems = []
    fixes: list[str] = []
    proposal = weasy.rendered(render.proposal_html(draft, today=today, embed_fonts=False),
                                title="t", author="a", language="en", forms=True,
                                seconds=render.RENDER_SECONDS, finish=lambda document: document,
                                fixes_out=fixes)
    problems += [f"proposal: {p}" for p in layout_problems(proposal)]
    if exported:
        html = layout.with_fixes(render.proposal_html(draft, today=today), fixes[0])
        alone = HTML(string=html).render()
        problems += [f"proposal (HTML): {p}" for p in layout_problems(alone)]
        assert len(alone.pages) == len(proposal.pages)
    prep = _pdf_layout(render.prep_html(draft, today=today, embed_fonts=False), forms=False)
    problems += [f"prep sheet: {p}" for p in layout_problems(prep)]
    return problems


def test_the_exported_html_carries_the_pdfs_layout():
    """What the CLI writes with --html lays out as the PDF: repairs and all."""
    import io

    import pypdf
    from weasyprint import HTML

    # the English accountant leaves a small leftover before the decision page: this draft
    # needs a repair (any draft that needs one will do)
    pdf, html = render.proposal_outputs(drafts.load(LONG_ENGLISH))
    assert 'id="layout-fixes"' in html
    assert len(HTML(string=html).render().pages) == len(pypdf.PdfReader(io.BytesIO(pdf)).pages)


# --- the shipped examples and the fixtures --------------------------------------------------


@pytest.mark.parametrize("path", [*EXAMPLES, PUNE], ids=lambda p: p.stem)
def test_documents_lay_out_cleanly(path):
    assert check_documents(drafts.load(path)) == []


def _currency_variant(draft: model.Draft, locale: str, currency: str,
                      amounts: list[str]) -> model.Draft:
    data = json.loads(draft.model_dump_json())
    data.update(locale=locale, currency=currency)
    for option, amount in zip(data["options"], amounts, strict=False):
        option["cost"] = {"amount": amount, "currency": currency}
    return model.Draft.model_validate(data)


@pytest.mark.parametrize(("locale", "currency", "amounts"), [
    ("ja_JP", "JPY", ["999999999999", "1850000", "0", "0"]),
    ("ko_KR", "KRW", ["999999999999.99", "250000000", "0", "12.5"]),
    ("id_ID", "IDR", ["999999999999.99", "999999999999.99", "999999999999.99", "1"]),
    ("hi_IN", "INR", ["999999999999.99", "124500000.50", "0", "0"]),
    ("de_DE", "EUR", ["999999999999.99", "1250", "0", "0.01"]),
    ("en_US", "USD", ["999999999999.99", "645", "0", "0"]),  # Letter paper
])
def test_twelve_digit_amounts_fit_in_any_currency(locale, currency, amounts):
    draft = _currency_variant(drafts.load(PUNE), locale, currency, amounts)
    assert check_documents(draft) == []


# --- any draft the model accepts ------------------------------------------------------------

LOCALES = [("en_IN", "INR"), ("hi_IN", "INR"), ("ja_JP", "JPY"), ("ko_KR", "KRW"),
           ("id_ID", "IDR"), ("de_DE", "EUR"), ("en_US", "USD"), ("en_GB", "GBP")]
NAMES = ["محمد عبد الرحمن الهاشمي", "山田 太郎", "김민준", "Sandeep Kulkarni",
         "Ольга Кузнецова-Смирнова", "Nguyễn Thị Minh Khai"]
WORDS = ["slotting", "warehouse", "مستودع", "倉庫管理システム", "dispatch", "Lagerverwaltung",
         "cut-off", "99,999", "re-slot"]


def _text(draw, limit: int, *, multiline: bool = True) -> str:
    kinds = ["short", "words", "long word", "at the limit"] + (["lines"] if multiline else [])
    kind = draw(st.sampled_from(kinds))
    if kind == "short":
        return draw(st.sampled_from(WORDS))
    if kind == "words":
        return " ".join(draw(st.lists(st.sampled_from(WORDS), min_size=3, max_size=60)))
    if kind == "long word":
        return draw(st.sampled_from(["x", "9", "倉", "م"])) * min(limit, 2_000)
    if kind == "lines":
        return "\n".join(draw(st.lists(st.sampled_from(WORDS), min_size=2, max_size=40)))
    word = draw(st.sampled_from(WORDS))
    return ((word + " ") * (limit // (len(word) + 1) + 1))[:limit].strip()


@st.composite
def any_draft(draw) -> model.Draft:
    base = json.loads(drafts.load(PUNE).model_dump_json())
    locale, currency = draw(st.sampled_from(LOCALES))
    base.update(locale=locale, currency=currency)
    amount = st.decimals(min_value=0, max_value=model.MONEY_MAX, places=2,
                         allow_nan=False, allow_infinity=False).map(str)
    hours = st.decimals(min_value=0, max_value=model.HOURS_MAX, places=1,
                        allow_nan=False, allow_infinity=False)
    base["person"]["name"] = draw(st.sampled_from(NAMES))
    base["manager"]["name"] = draw(st.sampled_from(NAMES))
    base["person"]["hourly_cost"] = draw(st.none() | amount)
    n = draw(st.integers(1, model.OPTIONS_MAX))
    options = []
    template = base["options"]
    for i in range(n):
        option = json.loads(json.dumps(template[i % len(template)]))
        option["cost"] = {"amount": draw(amount), "currency": currency}
        total = draw(hours)
        option["hours_total"] = str(total)
        option["hours_on_clock"] = str(min(total, draw(hours)))
        option["hours_per_week"] = str(draw(hours))
        options.append(option)
    base["options"] = options
    base["private"]["stop_at_option"] = draw(st.none() | st.integers(1, n))
    # one or two fields at the model's limits
    lines = [("title",), ("skill", "name"), ("options", 0, "title"), ("options", 0, "deliverable"),
             ("options", n - 1, "provider"), ("plan", "micro_habit")]
    texts = [("skill", "gap_evidence"), ("options", 0, "coverage"), ("plan", "on_the_job"),
             ("skill", "current_level"), ("private", "notes")]
    for path in draw(st.lists(st.sampled_from(lines), max_size=2, unique=True)):
        _set(base, path, _text(draw, model.LINE_MAX, multiline=False))
    for path in draw(st.lists(st.sampled_from(texts), max_size=1)):
        _set(base, path, _text(draw, model.TEXT_MAX // 2))
    # many questions, some with long answers
    ids = ["no-budget", "core-duties", "bad-timing", "will-leave", "own-time", "precedent",
           "not-relevant"]
    chosen = draw(st.lists(st.sampled_from(ids), unique=True, max_size=len(ids)))
    base["objections"] = [{"id": i, "question": "", "answer": "", "evidence": ""} for i in chosen]
    extra = draw(st.integers(0, 8))
    base["objections"] += [{"id": f"custom-{k}", "question": draw(st.sampled_from(WORDS)) + "?",
                            "answer": _text(draw, 1_500), "evidence": draw(st.sampled_from(WORDS))}
                           for k in range(extra)]
    return model.Draft.model_validate(base)


def _set(data, path, value):
    for key in path[:-1]:
        data = data[key]
    data[path[-1]] = value


@pytest.mark.slow
# a few examples, always the same ones (derandomize), and no shrinking: a layout takes seconds
# and shrinking one failure took minutes; the failing draft is printed whole instead
@settings(max_examples=6, deadline=None, derandomize=True,
          phases=[Phase.explicit, Phase.generate],
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(draft=any_draft())
def test_any_draft_lays_out_cleanly(draft):
    assert check_documents(draft, exported=False) == []


# --- the model takes twelve-digit amounts ---------------------------------------------------


def test_twelve_digit_amounts_are_accepted_and_costed_exactly():
    from upskill_ask import costing

    top = Decimal("999999999999.99")
    assert top == model.MONEY_MAX
    draft = make_draft()
    first = draft.options[0].model_copy(update={"cost": model.Money(amount=top, currency="GBP")})
    draft = draft.model_copy(update={"options": [first, *draft.options[1:]],
                                     "person": draft.person.model_copy(update={"hourly_cost": top})})
    draft = model.Draft.model_validate(json.loads(draft.model_dump_json()))
    totals = costing.ladder_totals(draft).options[0]
    assert totals.cash == top
    assert totals.cost_of_hours == top * 24  # 24 h on the clock, exact
    assert totals.total_cost == top * 25
    with pytest.raises(ValueError, match="less than or equal"):
        model.Money(amount=Decimal("1000000000000"), currency="GBP")


def test_the_paper_is_a_setting_of_the_draft_independent_of_the_locale():
    import io

    from pypdf import PdfReader

    def size(draft) -> tuple[int, int]:
        box = PdfReader(io.BytesIO(render.proposal_pdf(draft))).pages[0].mediabox
        return round(float(box.width) * 25.4 / 72), round(float(box.height) * 25.4 / 72)

    assert size(make_draft()) == (210, 297)  # en_GB: A4
    assert size(make_draft(locale="en_US")) == (216, 279)  # US Letter by default there
    assert size(make_draft(paper="letter")) == (216, 279)  # chosen, whatever the locale
    assert size(make_draft(locale="en_US", paper="A4")) == (210, 297)
