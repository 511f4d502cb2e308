"""The documents read back as a manager or the employee would: text, numbers, metadata, forms,
escaping, privacy, and nothing fetched from outside."""

from __future__ import annotations

import io
import re
from decimal import Decimal

import pypdf
import pytest
from markupsafe import escape

from upskill_ask import drafts, model, preview_window, render, weasy

from .conftest import EXAMPLES, LONG_ENGLISH, ROOT, make_draft, page_texts


def pdf_text(data: bytes) -> str:
    reader = pypdf.PdfReader(io.BytesIO(data))
    return "\n".join(page.extract_text() or "" for page in reader.pages)


def squash(text: str) -> str:
    return re.sub(r"[\s\u200b]+", "", text).lower()


@pytest.fixture(scope="module")
def proposal():
    data = render.proposal_pdf(make_draft())
    return data, pdf_text(data)


@pytest.fixture(scope="module")
def prep():
    data = render.prep_pdf(make_draft())
    return data, pdf_text(data)


def test_proposal_has_every_section_and_the_users_figures(proposal):
    _, text = proposal
    flat = squash(text)
    for expected in ["Maya Okafor", "Graham Price", "Data visualisation with Power BI",
                     "Power BI Data Analyst course", "Vendor learning path",
                     "£1,250", "24 h", "£924", "£2,174",
                     "Regional leads answer their own questions", "A recognised certificate",
                     "Rebuild the stock-cover report as a dashboard",
                     "Sam covers the Monday stock call",
                     "A lunch-and-learn for the planning team in March",
                     "Dashboard live for two regions", "Can the team use it too?",
                     "Yes: I will publish the dashboard to the workspace."]:
        assert squash(expected) in flat, expected


def test_proposal_speaks_of_questions_never_objections(proposal):
    _, text = proposal
    assert "objection" not in text.lower()


def test_proposal_is_tagged_with_metadata_and_a_decision_form(proposal):
    data, _ = proposal
    reader = pypdf.PdfReader(io.BytesIO(data))
    assert reader.metadata.title == "Proposal: data visualisation training"
    assert reader.metadata.author == "Maya Okafor"
    root = reader.trailer["/Root"]
    assert root.get("/Lang") == "en"
    assert "/StructTreeRoot" in root and root["/MarkInfo"]["/Marked"]
    fields = reader.get_fields() or {}
    assert len(fields) >= 3
    kinds = {f.get("/FT") for f in fields.values()}
    assert {"/Btn", "/Tx"} <= kinds


def test_decision_block_is_on_the_last_page(proposal):
    data, _ = proposal
    reader = pypdf.PdfReader(io.BytesIO(data))
    last = reader.pages[-1].extract_text()
    assert "Decision" in last
    assert reader.pages[-1].get("/Annots")


def test_footer_numbers_pages(proposal):
    data, _ = proposal
    reader = pypdf.PdfReader(io.BytesIO(data))
    count = len(reader.pages)
    assert f"1 of {count}" in reader.pages[0].extract_text()


def test_private_section_never_reaches_the_proposal(proposal, prep):
    _, text = proposal
    _, prep_text = prep
    draft = make_draft()
    secrets = [draft.private.best_alternative, draft.private.walk_away, draft.private.motivations,
               draft.private.notes, draft.private.opening_lines, "Split the fee over two quarters.",
               "Cover the January close", "Two course days in February"]
    for secret in secrets:
        assert squash(secret) not in squash(text), secret
        assert squash(secret) in squash(prep_text), secret


def test_prep_sheet_has_cards_with_meaning_and_fallback(prep):
    _, text = prep
    flat = squash(text)
    assert squash("Private") in flat
    assert squash("Can the team use it too?") in flat
    assert "£1,250" in text  # the library answer is filled with the user's figure


@pytest.mark.parametrize("hostile", [
    "<script>alert(1)</script>", "<b>bold</b>", "{{ 7*7 }}", "{% for x in y %}", "$cash",
    "</style><style>body{display:none}</style>", "url(http://127.0.0.1:9/x.css)",
    "&amp; &lt;", "Ω≈ç√ 你好 مرحبا 🎉"])
def test_user_text_is_printed_literally(hostile):
    draft = make_draft()
    draft.skill.why_now = f"Because {hostile} matters"
    draft.objections[1].answer = f"Answer {hostile} here"
    html = render.proposal_html(draft)
    assert "<script>" not in html
    # the text is data, never a template: '{{ 7*7 }}' stays as typed, it never becomes 49
    plain = html.replace("\u200b", "")  # the soft breaks long words get
    assert f"Because {escape(hostile)} matters" in plain
    assert f"Answer {escape(hostile)} here" in plain
    text = squash(pdf_text(render.proposal_pdf(draft)))
    if not any(ord(c) > 0x2000 for c in hostile):
        assert squash(f"Because {hostile} matters") in text
        assert squash(f"Answer {hostile} here") in text


def test_a_url_in_a_field_is_not_fetched(monkeypatch):
    from weasyprint.urls import URLFetcher

    asked = []
    real = URLFetcher.fetch

    def spy(self, url, headers=None):
        asked.append(url)
        return real(self, url, headers)

    monkeypatch.setattr(URLFetcher, "fetch", spy)
    draft = make_draft()
    draft.options[0].link = "http://127.0.0.1:9/tracker.png"
    draft.skill.gap_evidence = '<img src="http://127.0.0.1:9/pixel.png"> file:///etc/passwd'
    render.proposal_pdf(draft)
    assert not [u for u in asked if u.startswith(("http", "file:///etc"))]


def test_the_fetcher_refuses_outside_files_and_networks():
    fetcher = weasy.make_fetcher()
    for url in ("http://127.0.0.1:9/x", "https://example.com/", "file:///etc/passwd",
                f"{render.templates_dir().as_uri()}/../model.py", "ftp://x/y"):
        with pytest.raises(BaseException, match="refused"):
            fetcher.fetch(url)
    inside = fetcher.fetch(f"{render.templates_dir().as_uri()}/common.css")
    assert inside.read()


def test_a_stylesheet_asking_for_outside_resources_fails_the_render():
    html = "<html><head><style>@import url(http://127.0.0.1:9/evil.css);</style></head><body>x</body></html>"
    with pytest.raises(render.RenderError):
        render.html_to_pdf(html, title="t", author="a", language="en")


def test_long_words_wrap_and_render_quickly():
    import time

    draft = make_draft()
    draft.skill.gap_evidence = "x" * 3000
    draft.options[0].title = "y" * 300
    start = time.perf_counter()
    data = render.proposal_pdf(draft)
    assert time.perf_counter() - start < 30  # a guard against a hang, not a benchmark
    runs = re.findall(r"x{24,}", squash(pdf_text(data)))
    assert sum(map(len, runs)) >= 3000  # all of it, though a page break may fall inside it


def test_many_options_break_across_pages():
    draft = make_draft()
    base = draft.options[0]
    draft.options = [base.model_copy(update={"title": f"Option number {i}"}) for i in range(12)]
    text = pdf_text(render.proposal_pdf(draft))
    for i in range(12):
        assert f"Option number {i}" in text


def test_html_output_is_self_contained():
    html = render.proposal_html(make_draft())
    assert not re.search(r"""(src|href)\s*=\s*["'](?!data:|https?://example\.com/pbi|#)""", html)
    assert "url(http" not in html and "@import" not in html
    assert "data:font/otf;base64," in html


def test_letter_paper_for_us_locales():
    gb = pypdf.PdfReader(io.BytesIO(render.proposal_pdf(make_draft())))
    us = pypdf.PdfReader(io.BytesIO(render.proposal_pdf(make_draft(locale="en_US", currency="GBP"))))
    assert round(float(gb.pages[0].mediabox.height)) == 842  # A4
    assert round(float(us.pages[0].mediabox.height)) == 792  # Letter


@pytest.mark.slow
@pytest.mark.parametrize("example", EXAMPLES, ids=[e.stem for e in EXAMPLES])
def test_every_example_renders_with_its_public_words(example):
    draft = drafts.load(example)
    text = squash(pdf_text(render.proposal_pdf(draft)))
    assert squash(draft.person.name) in text
    assert squash(draft.skill.name) in text
    for option in draft.options:
        assert squash(option.title) in text
    assert render.prep_pdf(draft).startswith(b"%PDF")


def test_figures_follow_the_draft_currency_and_locale():
    draft = make_draft(locale="de_DE", currency="EUR")
    for option in draft.options:
        option.cost = model.Money(amount=option.cost.amount, currency="EUR")
    draft.options[0].cost.amount = Decimal("1234.5")
    text = pdf_text(render.proposal_pdf(draft))
    assert "1.234,50" in text and "€" in text


# --- the on-screen preview: the pages in view first ------------------------------------------


@pytest.fixture(scope="module")
def long_example():
    draft = drafts.load(LONG_ENGLISH)
    whole = render.proposal_preview(draft)
    return draft, whole


def test_a_full_preview_maps_where_each_part_begins(long_example):
    draft, whole = long_example
    pages = page_texts(whole.pdf)
    assert not whole.partial and whole.shows == (1, len(pages)) and whole.page_map.pages == len(pages) >= 5
    starts = dict(whole.page_map.starts)
    assert [name for name in starts if not name.startswith("k")][:3] == \
        ["summary-h", "skill-h", "options-h"]
    assert starts["summary-h"] == 1 and starts["decision-h"] == len(pages)
    assert [page for _name, page in whole.page_map.starts] == sorted(starts.values())
    assert "decision-h" in whole.page_map.page_tops and "summary-h" not in whole.page_map.page_tops
    for number, question in enumerate((q for q in draft.objections if q.question), start=1):
        page = starts[f"q-{number}"]
        assert squash(question.question)[:30] in squash(pages[page - 1] + pages[page])


def test_reading_the_first_page_lays_out_only_the_start(long_example):
    draft, whole = long_example
    full_pages = page_texts(whole.pdf)
    part = render.proposal_preview(draft, in_view=(1, 1), page_map=whole.page_map)
    pages = page_texts(part.pdf)
    assert part.partial and part.page_map is None
    assert len(pages) == len(full_pages)  # the reader's place and the page count stay put
    first, last = part.shows
    assert first == 1 and last < len(full_pages) // 2 + 1
    assert pages[0] == full_pages[0]  # the page in view is exactly the final one
    assert f"page 1 of {len(full_pages)}" in pages[0]
    assert all(not text.strip() for text in pages[last:])  # blank, no footer either


def test_reading_the_decision_page_lays_out_only_that_page(long_example):
    draft, whole = long_example
    full_pages = page_texts(whole.pdf)
    last = len(full_pages)
    part = render.proposal_preview(draft, in_view=(last, last), page_map=whole.page_map)
    pages = page_texts(part.pdf)
    assert part.partial and part.shows == (last, last)
    assert len(pages) == last
    assert pages[-1] == full_pages[-1]  # form, names and "page 7 of 7" alike
    assert all(not text.strip() for text in pages[:-1])


def test_a_partial_preview_shows_the_edit(long_example):
    draft, whole = long_example
    edited = draft.model_copy(update={"title": "A brand new title for the proposal"})
    part = render.proposal_preview(edited, in_view=(1, 2), page_map=whole.page_map)
    pages = page_texts(part.pdf)
    assert part.partial
    assert "A brand new title for the proposal" in squash_spaces(pages[0])
    assert "A brand new title" in squash_spaces(pages[1])  # the footer of the next page too


def squash_spaces(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("\u200b", ""))


@pytest.fixture(scope="module", params=["long-english", "accountant-python-nl",
                                         "maintenance-technician-plc-fr"])
def laid_out(request, long_example):
    """Drafts whose pages begin inside a table (rows may break between pages)."""
    if request.param == "long-english":
        return long_example
    draft = drafts.load(ROOT / "resources" / "examples" / f"{request.param}.upskill")
    return draft, render.proposal_preview(draft)


def test_every_page_in_view_comes_out_as_in_the_full_layout(laid_out):
    """Wherever the reader is, the pages in view are the final ones; the window starts at a
    part or a table row that began a page in the full layout, so the pages before it are
    blank."""
    draft, whole = laid_out
    full_pages = page_texts(whole.pdf)
    count = len(full_pages)
    windowed = 0
    for first in range(1, count + 1):
        last = min(count, first + 1)
        result = render.proposal_preview(draft, in_view=(first, last), page_map=whole.page_map)
        pages = page_texts(result.pdf)
        assert len(pages) == count
        assert pages[first - 1:last] == full_pages[first - 1:last], (first, last)
        shown_first, shown_last = result.shows
        assert shown_first <= first and last <= shown_last
        if result.partial:
            windowed += 1
            assert 2 * (shown_last - shown_first) <= count + 1  # at most about half laid out
            assert all(not text.strip() for text in pages[:shown_first - 1] + pages[shown_last:])
    assert windowed >= count - 2


def test_with_every_page_in_view_the_preview_is_laid_out_whole(long_example):
    draft, whole = long_example
    count = whole.page_map.pages
    assert whole.page_map.window(1, count) is None
    result = render.proposal_preview(draft, in_view=(1, count), page_map=whole.page_map)
    assert not result.partial and result.page_map == whole.page_map


def test_a_page_that_begins_inside_a_table_is_a_cut_point_of_its_own(laid_out):
    _draft, whole = laid_out
    rows = [(name, page) for name, page in whole.page_map.starts
            if name in whole.page_map.page_tops and name.startswith("k")]
    assert rows  # some page begins with a table row or a block inside a section
    assert all(page > 1 for _name, page in rows)
    tops = [page for name, page in whole.page_map.starts if name in whole.page_map.page_tops]
    assert len(tops) == len(set(tops))  # one cut point per page at most


def test_user_text_cannot_make_a_cut_point():
    draft = make_draft(title='x" id="q-1" aria-labelledby="opt-1')
    draft.skill.name = '<div id="decision-h">'
    draft.skill.why_now = 'id="options-h" data-k="3"'
    html = render.proposal_html(draft, embed_fonts=False)
    points = preview_window._CUT_POINT.findall(html)
    assert len(points) == len(set(points))  # only the template's own, each once
    keys = re.findall(r' data-k="(\d+)"', html)
    assert len(keys) == len(set(keys))
    whole = render.proposal_preview(draft)
    assert [name for name, _page in whole.page_map.starts if not name.startswith("k")] == points


def test_the_figures_are_computed_once_per_document(draft, monkeypatch):
    from upskill_ask import costing, objections

    calls = []
    real = costing.ladder_totals
    counted = lambda d: calls.append(1) or real(d)  # noqa: E731
    monkeypatch.setattr(costing, "ladder_totals", counted)
    monkeypatch.setattr(objections, "ladder_totals", counted)
    render.proposal_html(draft)
    assert len(calls) == 1  # the table, the money style and the filled answers share them


def test_every_prep_card_is_complete_or_says_what_is_missing():
    from upskill_ask import model

    draft = make_draft(objections=[model.Objection(id="custom-1", question="Who signs it off?",
                                                   answer="The site head, in the March review.")])
    draft.private.fallbacks = {}
    text = squash(" ".join(page_texts(render.prep_pdf(draft))))
    assert squash("Your own question: ask yourself what worry sits behind it") in text
    assert squash("No proof noted yet.") in text
    assert squash("No fallback yet: decide what you could accept instead") in text
    proposal = squash(" ".join(page_texts(render.proposal_pdf(draft))))
    assert squash("No fallback yet") not in proposal  # the proposal never shows the prep notes
