"""The built-in objection library and answers filled with the employee's own figures."""

from __future__ import annotations

import dataclasses
import datetime as dt
import tomllib
from decimal import Decimal
from importlib import resources
from string import Template

import pytest

from upskill_ask.model import (
    CheckIn,
    Draft,
    Measure,
    Money,
    Objection,
    Option,
    Person,
    Plan,
    Private,
    RequestKind,
    Skill,
)
from upskill_ask.objections import (
    LibraryObjection,
    figures,
    fill,
    library,
    resolve,
    resolve_one,
)

EXPECTED_IDS = [
    "core-duties",
    "precedent",
    "no-budget",
    "will-leave",
    "not-relevant",
    "bad-timing",
    "own-time",
    "tried-before",
    "need-approval",
    "wait-for-review",
    "cheaper-option",
    "prove-value",
    "who-covers",
]
FIELDS = [f.name for f in dataclasses.fields(LibraryObjection)]
TEMPLATED = ("response", "evidence", "fallback")
KNOWN = frozenset(figures(Draft()))


def _entries() -> list[LibraryObjection]:
    return list(library().values())


def _draft(**overrides) -> Draft:
    """A realistic draft: a paid course first, a free internal-expert rung as the fallback."""
    values = dict(
        locale="en_GB",
        currency="EUR",
        person=Person(name="Ana Souza", role="Analyst", team="Billing"),
        skill=Skill(
            name="SQL",
            applied_to="the Q3 billing migration",
            company_goal="cutting the month-end close from five days to two",
        ),
        options=[
            Option(
                kind=RequestKind.PAID_COURSE,
                title="Advanced SQL for Analysts",
                cost=Money(amount=Decimal("1200"), currency="EUR"),
                hours_total=Decimal("40"),
                hours_per_week=Decimal("4"),
                hours_on_clock=Decimal("24"),
                deliverable="a certificate and a talk to the team",
            ),
            Option(
                kind=RequestKind.INTERNAL_EXPERT,
                title="Check-ins with Priya",
                hours_total=Decimal("12"),
                hours_per_week=Decimal("1"),
                hours_on_clock=Decimal("12"),
            ),
        ],
        plan=Plan(
            coverage="Priya covers the on-call rota",
            sharing="a lunch-and-learn in October",
            minutes_per_day=10,
            measures=[Measure(what="month-end reports run in under an hour")],
            check_ins=[CheckIn(date=dt.date(2025, 3, 12))],
        ),
    )
    values.update(overrides)
    return Draft(**values)


# --- the library as data ---------------------------------------------------------------------


def test_library_has_every_id_in_order():
    assert list(library()) == EXPECTED_IDS


def test_library_file_has_exactly_the_expected_keys():
    raw = resources.files("upskill_ask").joinpath("data/objections.toml").read_bytes()
    entries = tomllib.loads(raw.decode("utf-8"))["objection"]
    assert [e["id"] for e in entries] == EXPECTED_IDS
    for entry in entries:
        assert sorted(entry) == sorted(FIELDS), entry["id"]


@pytest.mark.parametrize("entry", _entries(), ids=lambda e: e.id)
def test_every_field_is_non_empty_text(entry: LibraryObjection):
    for field in FIELDS:
        value = getattr(entry, field)
        assert isinstance(value, str), (entry.id, field)
        assert value.strip(), (entry.id, field)
        assert value == value.strip(), (entry.id, field)
        assert "<" not in value and ">" not in value, (entry.id, field)


@pytest.mark.parametrize("entry", _entries(), ids=lambda e: e.id)
def test_questions_are_phrased_as_questions_not_objections(entry: LibraryObjection):
    assert entry.question.endswith("?"), entry.id
    assert "objection" not in entry.question.lower()


@pytest.mark.parametrize("entry", _entries(), ids=lambda e: e.id)
def test_templates_use_only_known_placeholders(entry: LibraryObjection):
    for field in TEMPLATED:
        template = Template(getattr(entry, field))
        assert template.is_valid(), (entry.id, field)
        unknown = set(template.get_identifiers()) - KNOWN
        assert not unknown, (entry.id, field, unknown)


@pytest.mark.parametrize("entry", _entries(), ids=lambda e: e.id)
def test_every_response_uses_the_users_figures(entry: LibraryObjection):
    used = set(Template(entry.response).get_identifiers())
    assert used & KNOWN, entry.id


@pytest.mark.parametrize("entry", _entries(), ids=lambda e: e.id)
def test_untemplated_fields_have_no_placeholders(entry: LibraryObjection):
    # question, meaning and reframe are printed as written, never filled.
    for field in ("question", "meaning", "reframe"):
        assert "$" not in getattr(entry, field), (entry.id, field)


def test_figures_of_a_blank_draft_are_all_words():
    values = figures(Draft())
    assert set(values) == KNOWN
    for key, value in values.items():
        assert isinstance(value, str), key
        assert value.strip(), key


def test_every_library_text_fills_completely_on_a_blank_draft():
    draft = Draft(objections=[Objection(id=i) for i in EXPECTED_IDS])
    for item in resolve(draft, include_private=True):
        for text in (item.answer, item.evidence, item.fallback):
            assert text.strip(), item.id
            assert "$" not in text, (item.id, text)


# --- resolving a draft's questions -----------------------------------------------------------


def test_resolve_fills_the_users_figures():
    draft = _draft(objections=[Objection(id="no-budget"), Objection(id="who-covers")])
    budget, cover = resolve(draft, include_private=False)

    assert "$cash" in library()["no-budget"].response
    assert budget.id == "no-budget"
    assert budget.custom is False
    assert "€1,200" in budget.answer
    assert "Advanced SQL for Analysts" in budget.answer
    assert "Check-ins with Priya" in budget.answer
    assert "$" not in budget.answer

    assert "Priya covers the on-call rota" in cover.answer
    assert "24 h" in cover.answer
    assert "the busiest days" in cover.answer


def test_meaning_and_reframe_come_from_the_library():
    draft = _draft(objections=[Objection(id="will-leave")])
    (item,) = resolve(draft, include_private=False)
    entry = library()["will-leave"]
    assert item.meaning == entry.meaning
    assert item.reframe == entry.reframe
    assert item.evidence.strip()


def test_question_comes_from_the_library_when_the_draft_leaves_it_empty():
    draft = _draft(objections=[Objection(id="precedent")])
    (item,) = resolve(draft, include_private=False)
    assert item.question == library()["precedent"].question


def test_the_users_own_question_wins_over_the_library():
    draft = _draft(objections=[Objection(id="precedent", question="Is this fair on the others?")])
    (item,) = resolve(draft, include_private=False)
    assert item.question == "Is this fair on the others?"


def test_a_user_edited_answer_is_returned_literally():
    answer = "It costs $cash, which is {{ 7*7 }} times less than hiring. ${skill} $$ {% raw %}"
    evidence = "Bring $hours_away and {{ config }}"
    draft = _draft(objections=[Objection(id="no-budget", answer=answer, evidence=evidence)])
    (item,) = resolve(draft, include_private=True)
    assert item.answer == answer
    assert item.evidence == evidence
    assert "49" not in item.answer
    assert "€1,200" not in item.answer


def test_fallbacks_stay_out_of_the_proposal():
    draft = _draft(
        objections=[Objection(id="no-budget"), Objection(id="cheaper-option")],
        private=Private(fallbacks={"no-budget": "Ask for half now, half in spring."}),
    )
    for item in resolve(draft, include_private=False):
        assert item.fallback == ""


def test_the_users_fallback_wins_over_the_library_in_private():
    draft = _draft(
        objections=[Objection(id="no-budget"), Objection(id="cheaper-option")],
        private=Private(fallbacks={"no-budget": "Ask for half now, half in spring."}),
    )
    budget, cheaper = resolve(draft, include_private=True)
    assert budget.fallback == "Ask for half now, half in spring."
    entry = library()["cheaper-option"]
    expected = fill(entry.fallback, figures(draft))
    assert cheaper.fallback == expected
    assert "Check-ins with Priya" in cheaper.fallback
    assert "$" not in cheaper.fallback


def test_a_custom_question_resolves_as_written():
    custom = Objection(
        id="custom-1",
        question="Can the team lead sign this off instead?",
        answer="Yes: the cost of $cash is within the team lead's limit.",
        evidence="The approval limits page.",
    )
    draft = _draft(
        objections=[custom],
        private=Private(fallbacks={"custom-1": "Split it over two quarters."}),
    )
    (public,) = resolve(draft, include_private=False)
    assert public.id == "custom-1"
    assert public.custom is True
    assert public.question == custom.question
    assert public.answer == custom.answer
    assert public.evidence == custom.evidence
    assert public.meaning == ""
    assert public.reframe == ""
    assert public.fallback == ""

    (private,) = resolve(draft, include_private=True)
    assert private.fallback == "Split it over two quarters."


def test_resolve_keeps_the_drafts_order():
    order = ["who-covers", "core-duties", "custom-7", "no-budget"]
    draft = _draft(
        objections=[Objection(id=i, question="Q?" if i.startswith("custom") else "")
                    for i in order]
    )
    assert [item.id for item in resolve(draft, include_private=False)] == order


def test_resolve_one_matches_resolve():
    draft = _draft(objections=[Objection(id="prove-value")])
    (via_list,) = resolve(draft, include_private=True)
    assert resolve_one(draft.objections[0], draft) == via_list
    assert "12 March 2025" in via_list.answer
    assert "month-end reports run in under an hour" in via_list.answer


def test_a_draft_without_objections_resolves_to_nothing():
    assert resolve(_draft(), include_private=True) == []


def test_the_evidence_reads_as_what_i_will_bring():
    # the proposal prints each hint under "What I will bring": never "your" to the manager
    import re

    from upskill_ask.objections import library

    for oid, entry in library().items():
        assert not re.search(r"\byour?\b", entry.evidence, re.I), oid
