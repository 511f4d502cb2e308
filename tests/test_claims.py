"""Every claim the documents make is true of the draft: 'lighter' options are cheaper and
shorter, one money style and one duration unit per document, each option stated as it is in
the decision block, a free option reads 'Free', and the prep sheet never offers a rung below
the walk-away point."""

from __future__ import annotations

import datetime as dt
import html as htmllib
import re
from decimal import Decimal

from upskill_ask import costing, mail, model, render

from .conftest import make_draft

TODAY = dt.date(2026, 11, 30)


def text(html: str) -> str:
    """The words of an HTML fragment, as a reader sees them."""
    body = re.sub(r"<style\b.*?</style>", " ", html, flags=re.S)
    return re.sub(r"\s+", " ", htmllib.unescape(re.sub(r"<[^>]+>", " ", body))).replace("\u200b", "")


def part(html: str, pattern: str) -> str:
    found = re.search(pattern, html, flags=re.S)
    assert found, pattern
    return text(found.group())


def with_options(draft: model.Draft, *changes: dict) -> model.Draft:
    options = [o.model_copy(update=c) for o, c in zip(draft.options, changes, strict=False)]
    return draft.model_copy(update={"options": options + draft.options[len(options):]})


def money(amount: str) -> model.Money:
    return model.Money(amount=Decimal(amount), currency="GBP")


# --- lighter options ------------------------------------------------------------------------


def test_fallbacks_are_called_lighter_only_when_cheaper_and_shorter():
    draft = make_draft()  # £1,250 and 24 h away, then free and 12 h away: lighter
    page = text(render.proposal_html(draft, today=TODAY))
    assert "1 lighter option" in page
    assert "to the lightest fallback" in page

    # a free first choice with a paid fallback (the accountant's ladder): not lighter
    costly = with_options(draft, {"cost": money("0"), "hours_on_clock": Decimal("10")},
                          {"cost": money("249"), "hours_on_clock": Decimal("12")})
    page = text(render.proposal_html(costly, today=TODAY))
    assert "lighter" not in page and "lightest" not in page
    assert "I have also ranked 1 other option" in page


def test_the_email_calls_the_fallbacks_lighter_only_when_they_are():
    draft = make_draft()
    costly = with_options(draft, {"cost": money("0"), "hours_on_clock": Decimal("10")},
                          {"cost": money("249"), "hours_on_clock": Decimal("12")})
    assert "lighter" not in mail.default_message(costly)
    assert "1 other alternative" in mail.default_message(costly)
    assert "1 lighter alternative" in mail.default_message(draft)


def test_lighter_needs_both_cheaper_and_shorter():
    ladder = costing.ladder_totals(with_options(
        make_draft(), {}, {"cost": money("0"), "hours_on_clock": Decimal("30"),
                           "hours_total": Decimal("40")}))
    assert not ladder.lighter(ladder.options[1])  # cheaper, but more hours away
    assert not ladder.fallbacks_lighter


# --- one money style ------------------------------------------------------------------------

AMOUNT = re.compile(r"£\d[\d,]*(?:\.\d\d)?")


def test_one_money_style_when_every_amount_is_whole():
    draft = make_draft()  # £1,250, £38 an hour x 24 h = £912: every amount whole
    draft = draft.model_copy(update={"person": draft.person.model_copy(
        update={"hourly_cost": Decimal("38")})})
    for html in (render.proposal_html(draft, today=TODAY), render.prep_html(draft, today=TODAY)):
        amounts = AMOUNT.findall(text(html))
        assert amounts and not [a for a in amounts if "." in a], amounts


def test_one_money_style_when_an_amount_has_pence():
    draft = with_options(make_draft(), {"cost": money("1250.50")})
    for html in (render.proposal_html(draft, today=TODAY), render.prep_html(draft, today=TODAY)):
        amounts = AMOUNT.findall(text(html))
        assert amounts and all("." in a for a in amounts), amounts


def test_a_free_option_reads_free_wherever_its_cost_is_a_figure():
    html = render.proposal_html(make_draft(), today=TODAY)
    table = part(html, r'<table[^>]*class="options.*?</table>')
    assert "Free" in table and "£0" not in table
    decision = part(html, r'<section[^>]*class="decision".*?</section>')
    assert "Vendor learning path — Free" in decision
    assert "£0" not in text(html)  # never '£0' or '£0.00' for a fee
    prep = part(render.prep_html(make_draft(), today=TODAY), r'<table[^>]*class="ladder.*?</table>')
    assert "Free" in prep and "£0" not in prep


# --- one duration unit ----------------------------------------------------------------------


def test_one_duration_unit_down_the_table():
    draft = with_options(make_draft(), {"schedule": model.Schedule(
        start=dt.date(2027, 1, 4), end=dt.date(2027, 6, 25))})  # 25 weeks, then 10 weeks
    table = part(render.proposal_html(draft, today=TODAY), r'<table[^>]*class="options.*?</table>')
    assert "months" in table and "week" not in table.replace("a week", "")
    ladder = part(render.prep_html(draft, today=TODAY), r'<table[^>]*class="ladder.*?</table>')
    assert "months" in ladder and " weeks" not in ladder


# --- each option as it is -------------------------------------------------------------------


def test_the_decision_block_names_shifted_hours():
    mentor = model.Option(kind="external_mentor", title="Mentoring with shifted hours",
                          cost=money("600"), hours_total=Decimal("20"),
                          hours_on_clock=Decimal("0"), hours_per_week=Decimal("2"),
                          schedule=model.Schedule(shifted_hours="Start 1 h later on Tue and Thu"))
    draft = make_draft()
    draft = draft.model_copy(update={"options": [draft.options[0], mentor]})
    html = render.proposal_html(draft, today=TODAY)
    decision = part(html, r'<section[^>]*class="decision".*?</section>')
    assert "0 h away" not in decision
    assert "shifted hours (Start 1 h later on Tue and Thu)" in decision
    summary = part(html, r'<section[^>]*class="summary".*?</section>')
    assert "no work time" not in summary and "shifted hours" in summary


# --- the walk-away rung ---------------------------------------------------------------------


def test_the_prep_sheet_offers_nothing_below_the_walk_away_rung():
    draft = make_draft(objections=[model.Objection(id="no-budget"),
                                   model.Objection(id="cheaper-option")])
    draft = draft.model_copy(update={"private": draft.private.model_copy(
        update={"stop_at_option": 1, "fallbacks": {}})})
    prep = render.prep_html(draft, today=TODAY)
    cards = part(prep, r'<section[^>]*class="cards-section".*?</section>')
    assert "Vendor learning path" not in cards  # rung 2 is below the walk-away
    assert "Power BI Data Analyst course" in cards
    ladder = part(prep, r'<table[^>]*class="ladder.*?</table>')
    assert "Below your walk-away" in ladder and "Lightest fallback" not in ladder
