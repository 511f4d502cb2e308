"""The library's answers use the figures that decide, and never assert one the user did not
give; their words fit any workplace; a published figure they quote is cited."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest

from upskill_ask import drafts, objections, render, retention
from upskill_ask.model import Draft, Manager, Money, Objection, Option, Person, SalaryBand

from .conftest import ROOT, page_texts

ALL = [Objection(id=i) for i in objections.library()]
FIFTH = ROOT / "resources" / "examples" / "electrician-batteries-au.upskill"
# words that assume an office or software work: a ward, a warehouse or a field crew has none
OFFICE_WORDS = re.compile(r"\b(ticket|tickets|sprint|sprints|code|desk|desks|stand-up|lunch-and-learn|"
                          r"inbox|meeting room|laptop)\b", re.I)


def _texts(entry) -> list[str]:
    return [entry.question, entry.meaning, entry.reframe, entry.response, entry.evidence,
            entry.fallback]


@pytest.mark.parametrize("entry", list(objections.library().values()), ids=lambda e: e.id)
def test_built_in_words_fit_any_workplace(entry):
    for text in _texts(entry):
        assert not OFFICE_WORDS.search(text), (entry.id, OFFICE_WORDS.search(text).group())


def test_on_a_near_empty_draft_no_answer_asserts_a_figure():
    draft = Draft(skill={"name": "forklift licence"}, objections=ALL)
    # the stand-ins that would read as a claim about the user's plan
    claims = ["a few hours", "a few months", "our current work", "the team's goals",
              "a result we can both see", "a date we agree", "a short session for the team",
              "my core duties stay covered", "a share of the fee", "a result for the team",
              "what the gap costs", "a year of the gap", "a share of a year's salary",
              "the first option", "the cheapest option", "the last option"]
    for item in objections.resolve(draft, include_private=True):
        for text in (item.answer, item.evidence, item.fallback):
            assert text.strip(), item.id
            assert "$" not in text and "[" not in text and "]" not in text, (item.id, text)
            # no figure the user did not give: only the published share has digits
            assert not re.search(r"\d", text.replace("21%", "").replace("70/20/10", "")), (item.id, text)
            for words in claims:
                assert words not in text, (item.id, words, text)


def test_a_free_first_choice_never_prints_a_zero_fee():
    draft = Draft(currency="EUR", objections=ALL, options=[
        Option(kind="free_training", title="Safe lifting refresher",
               cost=Money(amount=Decimal(0), currency="EUR"), hours_total=Decimal(6),
               hours_per_week=Decimal(2), hours_on_clock=Decimal(6))])
    for item in objections.resolve(draft, include_private=True):
        for text in (item.answer, item.evidence, item.fallback):
            assert not re.search(r"(€|EUR)\s?0(?![\d,.]*[1-9])", text), (item.id, text)
    (budget,) = [i for i in objections.resolve(draft, include_private=False) if i.id == "no-budget"]
    assert "has no fee" in budget.answer


def test_answers_use_the_deciding_figures_of_the_fifth_example():
    draft = drafts.load(FIFTH)
    answers = {i.id: i for i in objections.resolve(draft, include_private=False)}
    # the cost of the gap and how soon the first choice pays for itself
    assert "$5,424 a month" in answers["no-budget"].answer
    assert "pays for itself in under a month" in answers["no-budget"].answer
    # the hours already given in the user's own time, and the micro-habit
    assert "8 h of the 40 h" in answers["own-time"].answer
    assert "10 minutes a day" in answers["own-time"].answer
    # the approval limit, and the rung within it
    assert "above the $2,000 you can approve alone" in answers["need-approval"].answer
    assert "within your limit" in answers["need-approval"].answer
    # the replacement cost from the pay band, with its published source
    leave = answers["will-leave"]
    assert "$19,320 to $21,420" in leave.answer and "21%" in leave.answer
    assert leave.source == retention.SOURCE and "Boushey" in leave.source


def test_without_a_pay_band_the_share_is_quoted_as_a_share():
    draft = drafts.load(FIFTH)
    draft = draft.model_copy(update={"person": draft.person.model_copy(
        update={"salary_band": SalaryBand()})})
    (leave,) = [i for i in objections.resolve(draft, include_private=False) if i.id == "will-leave"]
    assert "a fifth of a year's salary (a median of 21%)" in leave.answer
    assert "at my pay" not in leave.answer


def test_a_first_choice_within_the_approval_limit_says_so():
    draft = Draft(currency="GBP", objections=[Objection(id="need-approval")],
                  manager=Manager(name="Ann", approval_limit=Decimal(500)),
                  person=Person(name="Bo"),
                  options=[Option(title="First aid at work", cost=Money(amount=Decimal(240),
                                                                        currency="GBP"),
                                  hours_total=Decimal(18), hours_per_week=Decimal(6),
                                  hours_on_clock=Decimal(18))])
    (item,) = objections.resolve(draft, include_private=False)
    assert item.answer.startswith("At £240, “First aid at work” is within the £500 you can approve yourself.")


def test_the_proposal_cites_the_source_in_a_footnote_and_the_prep_sheet_under_the_answer():
    draft = drafts.load(FIFTH)
    pages = [" ".join(p.split()) for p in page_texts(render.proposal_pdf(draft))]
    cited = [p for p in pages if "Boushey" in p]
    assert len(cited) == 1 and "21%" in cited[0] and "Center for American Progress" in cited[0]
    prep = " ".join(page_texts(render.prep_pdf(draft)))
    assert "Source: Heather Boushey" in " ".join(prep.split())
