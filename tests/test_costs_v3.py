"""Format version 3: itemised costs and booking deadlines, the hours of other people costed or
marked not costed, a package as the first rung, check-ins that say what is reviewed, and the
migration of older drafts (fixtures of versions 1 and 2 that must load forever)."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from email import policy
from email.parser import BytesParser
from pathlib import Path

import pytest

from upskill_ask import drafts, mail, migrations, model, render
from upskill_ask.calendar_file import entries
from upskill_ask.costing import ladder_totals, option_totals
from upskill_ask.package import deadlines, package_totals
from upskill_ask.schema import draft_schema

from .conftest import make_draft, page_texts
from .test_cli import run

FIXTURES = Path(__file__).resolve().parent / "fixtures"
OLD = sorted([*(FIXTURES / "v1").glob("*.upskill"), *(FIXTURES / "v2").glob("*.upskill")])
TODAY = dt.date(2026, 11, 30)


def costed_draft(**plan_overrides) -> model.Draft:
    """The shared draft with an exam fee, deadlines, the expert's hours without a rate, the
    cover's with one, a package of both options and reviews on the check-ins."""
    draft = make_draft()
    first, second = draft.options
    first = first.model_copy(update={
        "cost": first.cost.model_copy(update={
            "exam": Decimal("150"), "materials": Decimal("40.50"),
            "early_bird_amount": Decimal("1100"), "early_bird_date": dt.date(2026, 12, 14),
            "register_date": dt.date(2027, 1, 20)}),
        "cover_hours": Decimal("24"), "cover_rate": Decimal("30"), "in_package": True})
    second = second.model_copy(update={"expert_hours": Decimal("10"), "in_package": True})
    timing = draft.timing.model_copy(update={"budget_line": "Planning training, CC 4410"})
    return model.Draft.model_validate({
        **draft.model_dump(), "options": [first.model_dump(), second.model_dump()],
        "timing": timing.model_dump()})


# --- migration ----------------------------------------------------------------------------


@pytest.mark.parametrize("path", OLD, ids=lambda p: f"{p.parent.name}-{p.stem}")
def test_older_drafts_open_at_the_current_version_with_their_check_in_dates(path):
    raw = json.loads(path.read_text(encoding="utf-8"))
    draft = drafts.load(path)
    assert draft.version == 4  # and on to the current version
    assert [c.date.isoformat() for c in draft.plan.check_ins] == raw["plan"]["check_ins"]
    assert all(c.review == "" for c in draft.plan.check_ins)
    assert all(o.cost.exam is None and o.expert_rate is None and not o.in_package
               for o in draft.options)
    text = "\n".join(page_texts(render.proposal_pdf(draft, today=TODAY)))
    assert "Progress so far, against the success measures" in text  # no empty review


def test_migration_chains_and_leaves_its_input_alone():
    v1 = {"format": "upskill-ask/draft", "version": 1, "plan": {"check_ins": ["2027-02-01"]}}
    before = json.dumps(v1)
    v3 = migrations.migrate(v1)
    assert v3["version"] == 4
    assert v3["plan"]["check_ins"] == [{"date": "2027-02-01", "review": ""}]
    assert json.dumps(v1) == before
    assert migrations.migrate(v3) == v3


# --- costing ------------------------------------------------------------------------------


def test_cash_is_the_sum_of_the_items_given_and_others_hours_are_costed_apart():
    draft = costed_draft()
    first = option_totals(draft.options[0], 1, Decimal("40"))
    assert first.cash == Decimal("1440.50")  # 1250 + 150 + 40.50; travel not given
    assert first.others_cost == Decimal("720.00")  # 24 h of cover at 30
    assert first.cost_of_hours == Decimal("960.00")  # 24 h away at 40
    assert first.total_cost == Decimal("3120.50")
    second = option_totals(draft.options[1], 2, None)
    assert second.others_cost is None and second.others_uncosted == ("expert",)
    assert second.total_cost is None  # nothing costed: no rate is invented


def test_the_package_adds_up_its_members_exactly():
    draft = costed_draft()
    totals = ladder_totals(draft)
    pkg = package_totals(draft, totals)
    assert pkg is not None and pkg.ranks == (1, 2)
    assert pkg.cash == totals.options[0].cash + totals.options[1].cash == Decimal("1440.50")
    assert pkg.hours_away == Decimal("36")
    assert pkg.employer_cost == sum(t.employer_cost for t in totals.options)
    one = draft.model_copy(update={"options": [draft.options[0], draft.options[1].model_copy(
        update={"in_package": False})]})
    assert package_totals(one, ladder_totals(one)) is None  # one marked option is no package


def test_a_deadline_before_the_decision_date_is_found():
    found = deadlines(costed_draft())
    assert [(d.kind, d.day, d.before_decision) for d in found] == [
        ("early_bird", dt.date(2026, 12, 14), True), ("register", dt.date(2027, 1, 20), False)]


# --- documents ----------------------------------------------------------------------------


def test_the_proposal_shows_items_deadlines_not_costed_hours_and_the_package():
    text = " ".join(" ".join(page_texts(render.proposal_pdf(costed_draft(), today=TODAY))).split())
    assert "Exam or certification £150.00" in text and "Materials £40.50" in text
    assert "Travel" not in text  # not given, not printed
    assert "Early-bird price £1,100.00 if booked by 14 December 2026" in text
    assert "registration closes on 20 January 2027" in text
    assert "a decision by 14 December 2026 keeps the early-bird price" in text
    assert "10 h, not costed" in text and "24 h at £30.00 an hour: £720.00" in text
    assert "A package of 2 options" in text and "combine Power BI Data Analyst course" in text
    assert "1+2 PACKAGE" in text and "The package:" in text
    assert "Planning training, CC 4410" in text
    assert "The first dashboard page, live" in text


def test_the_decision_block_carries_the_budget_line_as_its_value():
    import io

    from pypdf import PdfReader

    fields = PdfReader(io.BytesIO(render.proposal_pdf(costed_draft(), today=TODAY))).get_fields()
    assert fields["budget_line"].get("/V") == "Planning training, CC 4410"
    assert "approved_package" in fields


def test_the_prep_sheet_flags_the_early_deadline_and_lists_reviews():
    text = " ".join(" ".join(page_texts(render.prep_pdf(costed_draft(), today=TODAY))).split())
    assert "the early-bird price ends on 14 December 2026, before the decision date" in text
    assert "1 February 2027: The first dashboard page, live" in text
    assert "Package: Power BI Data Analyst course + Vendor learning path" in text


def test_the_email_asks_for_the_package_first():
    raw = mail.eml_bytes(costed_draft(), b"%PDF-1.7\n")
    message = BytesParser(policy=policy.default).parsebytes(raw)
    body = " ".join(message.get_body(("plain",)).get_content().split())
    assert "my first choice is to combine Power BI Data Analyst course and Vendor " \
           "learning path, which together cost" in body
    assert "ranks each option on its own as a fallback" in body


def test_the_calendar_says_what_each_check_in_reviews():
    found = {e.key: e for e in entries(costed_draft())}
    assert found["check-in-1"].summary == "Check-in with Graham Price: The first dashboard page, live"
    assert "The first dashboard page, live" in found["check-in-1"].description
    assert found["check-in-2"].summary.startswith("Check-in with Graham Price: ")  # no review


def test_the_schema_names_the_new_fields():
    text = json.dumps(draft_schema())
    for name in ("early_bird_date", "register_date", "expert_rate", "cover_hours",
                 "in_package", "budget_line", "CheckIn"):
        assert name in text


def test_the_cli_names_the_exam_fee_that_is_wrong(tmp_path):
    data = json.loads(drafts.dumps(costed_draft()))
    data["options"][0]["cost"]["exam"] = "1,50"
    bad = tmp_path / "bad.upskill"
    bad.write_text(json.dumps(data), encoding="utf-8")
    result = run("check", str(bad))
    assert result.returncode == 2
    line = next(x for x in result.stderr.splitlines() if "options.0.cost.exam" in x)
    assert line.startswith("error: ") and '"1,50"' in line and "plain decimal" in line
