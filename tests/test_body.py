"""The proposal reads as a memo: a first page that stands alone, a body of at most three pages
before the reference material, and user text quoted as a person would write it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from upskill_ask import drafts, i18n, mail, prose, render

from .conftest import EXAMPLES, ROOT, page_texts

FIXTURES = Path(__file__).resolve().parent / "fixtures"
DRAFTS = [*EXAMPLES, FIXTURES / "pune-warehouse-inr.upskill"]
# the checks of English wording read the drafts whose documents are in English
ENGLISH = [p for p in [*DRAFTS, *sorted((FIXTURES / "v3").glob("*.upskill"))]
           if drafts.load(p).language == "en"]
FIFTH = ROOT / "resources" / "examples" / "electrician-batteries-au.upskill"
REFERENCE = "Each option in detail"  # the heading the reference material begins with


def _flat(text: str) -> str:
    return " ".join(text.replace("\xa0", " ").replace("\u202f", " ").split())


@pytest.fixture(scope="module")
def rendered():
    return {path: [_flat(p) for p in page_texts(render.proposal_pdf(drafts.load(path)))]
            for path in dict.fromkeys([*DRAFTS, *ENGLISH])}


@pytest.mark.parametrize("path", DRAFTS, ids=lambda p: p.stem)
def test_the_body_before_the_reference_material_fits_on_three_pages(rendered, path):
    pages = rendered[path]
    words = i18n.words(drafts.load(path).language)
    heading = words.gettext(REFERENCE)
    start = next(n for n, text in enumerate(pages, 1) if heading in text)
    # the body ends on page 3: the reference material begins there, or at the top of page 4
    assert start <= 3 or (start == 4 and not pages[3].split(heading)[0].strip()), \
        f"the body runs on to page {start}: {pages[start - 1].split(heading)[0][:200]!r}"
    questions = next(n for n, text in enumerate(pages, 1)
                     if words.gettext("Questions you may have") in text)
    assert start <= questions < len(pages)  # then the answers, and the decision last
    assert words.pgettext("the proposal's last section and its first row", "Decision") \
        in pages[-1]


@pytest.mark.parametrize("path", ENGLISH, ids=lambda p: f"{p.parent.name}-{p.stem}")
def test_the_first_page_stands_alone(rendered, path):
    draft = drafts.load(path)
    first = rendered[path][0]
    from upskill_ask.costing import ladder_totals, payback
    from upskill_ask.formatting import Formatter
    from upskill_ask.package import package_totals

    totals = ladder_totals(draft)
    fmt = Formatter.for_draft(draft, totals)
    first_choice = package_totals(draft, totals) or totals.recommended  # a package comes first
    assert "I am asking for your support to learn" in first
    assert _flat(draft.options[0].name[:30]) in first
    assert _flat(fmt.cash(first_choice.cash)) in first
    assert _flat(fmt.hours(first_choice.hours_away)) in first
    assert _flat(fmt.date(draft.timing.decision_by)) in first
    back = payback(draft, totals)
    if back is not None:
        assert _flat(f"Today the gap costs about {fmt.money(back.per_month)} a month") in first


@pytest.mark.parametrize("path", ENGLISH, ids=lambda p: f"{p.parent.name}-{p.stem}")
def test_user_text_reads_as_a_person_would_write_it(rendered, path):
    text = " ".join(rendered[path])
    assert "your career goal" not in text.lower()
    assert not re.search(r"(?<!\.)\.\.(?!\.)", text)  # no doubled full stop
    # a title is never pasted after "is" (a package reads "my first choice is to combine")
    assert not re.search(r"My first choice is (?!to combine)", text)
    # a common word never starts the user's text with a capital inside our sentence
    for match in re.finditer(r"\b(?:serves|through|while I learn,) ([A-Z][a-z]+)\b", text):
        assert match.group(1).lower() not in prose.COMMON_WORDS, match.group()
    draft = drafts.load(path)
    assert f"For {draft.manager.name}" in rendered[path][0]
    assert f"From {draft.person.name}" in rendered[path][0]


def test_the_fifth_example_renders_its_figures_in_both_documents():
    draft = drafts.load(FIFTH)
    assert draft.person.role == "Electrical Foreman" and draft.currency == "AUD"
    assert len({o.kind for o in draft.options}) == 4
    proposal = _flat(" ".join(page_texts(render.proposal_pdf(draft))))
    for figure in ("$2,850", "$5,026", "32 h", "18 December 2026", "$5,424 a month",
                   "pays for itself in under a month", "$65,088", "$19,320 to $21,420"):
        assert figure in proposal, figure
    prep = _flat(" ".join(page_texts(render.prep_pdf(draft))))
    for words in ("PRIVATE", "$2,850", "Take two Saturday call-out rosters in January",
                  "Ask Karen to approve Priya's sessions now", "Source: Heather Boushey"):
        assert words in prep, words
    assert "Private" not in proposal.split("Proposal")[0]


def test_the_covering_email_names_the_first_choice_in_apposition():
    body = mail.default_message(drafts.load(FIFTH))
    assert body.startswith("Hi Karen,")
    assert ("my first choice, Battery storage design and install course, with the accreditation "
            "assessment, costs $2,850 and takes 32 h away from core work.") in " ".join(body.split())
    assert "pay for itself in under a month" in body


@pytest.mark.parametrize("path", ENGLISH, ids=lambda p: f"{p.parent.name}-{p.stem}")
def test_the_check_ins_are_named_in_the_body_and_listed_in_the_reference_part(rendered, path):
    draft = drafts.load(path)
    dated = [c for c in draft.plan.check_ins if c.date]
    if not dated:
        pytest.skip("no dated check-ins")
    text = " ".join(rendered[path])
    from upskill_ask.formatting import Formatter

    first = _flat(Formatter.for_draft(draft).date(dated[0].date))
    count = len([c for c in draft.plan.check_ins if c.date or c.review])
    assert f"I propose {count} check-ins with you, the first on {first}" in text
    details = text.index(REFERENCE)
    listed = text.index("Check-ins with you What we review")
    assert details < listed < text.index("Questions you may have")
    for check_in in dated:
        assert _flat(check_in.review or "Progress so far")[:40] in text[listed:]
