"""What the gap costs today and how soon each option pays for itself: from the user's own
figures only, printed in the proposal, and drafts written before the field existed still open."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest

from upskill_ask import cli, costing, drafts, model, render

from .conftest import make_draft, page_texts

V1 = sorted((Path(__file__).resolve().parent / "fixtures" / "v1").glob("*.upskill"))


def with_gap(money=None, hours=None, what="", hourly=Decimal("38.50")):
    draft = make_draft()
    draft.person.hourly_cost = hourly
    draft.skill.gap_cost = model.GapCost(what=what, money_per_month=money, hours_per_month=hours)
    return draft


def test_money_and_costed_hours_make_the_monthly_cost():
    assert costing.gap_per_month(with_gap(money=Decimal("400"))) == Decimal("400.00")
    assert costing.gap_per_month(with_gap(money=Decimal("400"), hours=Decimal("10"))) == Decimal("785.00")
    assert costing.gap_per_month(with_gap(hours=Decimal("10"))) == Decimal("385.00")


def test_nothing_is_guessed():
    assert costing.gap_per_month(with_gap()) is None
    assert costing.gap_per_month(with_gap(hours=Decimal("10"), hourly=None)) is None  # not costed
    assert costing.payback(with_gap(), costing.ladder_totals(with_gap())) is None


def test_each_option_pays_back_in_months_of_the_gap():
    draft = with_gap(money=Decimal("500"))
    back = costing.payback(draft, costing.ladder_totals(draft))
    # the course: £1,250 fee + 24 h at £38.50 = £2,174 -> 4.3 months; the free path: 12 h = £462
    assert back.months == (Decimal("4.3"), Decimal("0.9"))
    assert back.waiting == Decimal("6000.00")


def test_the_proposal_states_the_payoff_in_its_summary_and_the_gap_section():
    draft = with_gap(money=Decimal("500"), what="Three report requests a week wait on me.")
    text = " ".join(" ".join(page_texts(render.proposal_pdf(draft))).split())
    assert ("Today the gap costs about £500.00 a month, so this choice pays for itself in about "
            "4.3 months") in text
    assert "waiting for next year’s budget would cost about £6,000.00" in text
    assert "What the gap costs today" in text and "Three report requests a week wait on me." in text
    # the body gives the slowest payback in a sentence; the full-cost table gives each option's
    assert "Set against it, every option pays for itself within about 4.3 months" in text
    pages = [" ".join(page.split()) for page in page_texts(render.proposal_pdf(draft))]
    reference = next(page for page in pages if "Full cost, and how soon it pays for itself" in page)
    assert "Pays for itself in" in reference
    assert "£2,174.00 about 4.3 months" in reference
    assert "£462.00 under a month" in reference  # never "0.9 months"
    plain = " ".join(" ".join(page_texts(render.proposal_pdf(make_draft()))).split())
    assert "pays for itself" not in plain and "What the gap costs today" not in plain


@pytest.mark.parametrize("path", V1, ids=lambda p: p.stem)
def test_drafts_of_version_1_still_open_and_render(path, tmp_path, capsys):
    assert json.loads(path.read_text(encoding="utf-8"))["version"] == 1
    draft = drafts.load(path)
    assert draft.version == model.VERSION == 4
    assert draft.skill.gap_cost == model.GapCost()
    assert cli.main(["render", str(path), "-o", str(tmp_path / "p.pdf")]) == 0
    assert path.read_text(encoding="utf-8").count('"version": 1') == 1  # the file is untouched


def test_a_small_gap_against_a_large_cost_reads_in_years_not_hundreds_of_months():
    from upskill_ask import figure_words, i18n, mail_text
    from upskill_ask.formatting import Formatter

    draft = with_gap(money=Decimal("2"))  # £2 a month against £2,174
    fmt = Formatter.for_draft(draft, costing.ladder_totals(draft))
    words = i18n.words("en")
    assert figure_words.payback(words, fmt, Decimal("1087")) == "about 91 years"
    assert figure_words.payback(words, fmt, Decimal("14.6")) == "about 15 months"
    assert figure_words.payback(words, fmt, Decimal("4.3")) == "about 4.3 months"
    text = " ".join(" ".join(page_texts(render.proposal_pdf(draft))).split())
    assert "about 91 years" in text and "1,087" not in text
    assert "pay for itself in about 91 years." in mail_text.default_message(draft)
    assert figure_words.payback(i18n.words("de"), fmt, Decimal("1087")) == "etwa 91 Jahren"
