"""The draft model: defaults, validation messages that name the field, migration, schema."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest
from pydantic import ValidationError

from upskill_ask import drafts, model, views
from upskill_ask.schema import draft_schema

from .conftest import make_draft


def problems(data) -> dict[str, str]:
    with pytest.raises(drafts.DraftError) as info:
        drafts.from_data(data)
    return dict(info.value.problems)


def base(**fields):
    return {"format": "upskill-ask/draft", "version": 1, **fields}


def test_blank_draft_is_valid_and_carries_format_and_version():
    data = model.Draft().model_dump(mode="json")
    assert data["format"] == "upskill-ask/draft"
    assert data["version"] == model.VERSION == 4
    assert set(data["private"]) >= {"best_alternative", "walk_away", "trades", "fallbacks"}


def test_money_and_hours_are_decimal_never_float():
    draft = drafts.from_data(base(currency="EUR", options=[
        {"cost": {"amount": 0.1, "currency": "EUR"}, "hours_total": "2.5", "hours_on_clock": 1}]))
    option = draft.options[0]
    assert option.cost.amount == Decimal("0.1")
    assert isinstance(option.hours_total, Decimal)


@pytest.mark.parametrize(("data", "path", "words"), [
    (base(person={"name": "a\x00b"}), "person.name", "control character"),
    (base(person={"name": "two\nlines"}), "person.name", "single line"),
    (base(skill={"name": "x" * (model.LINE_MAX + 1)}), "skill.name", "at most"),
    (base(options=[{"hours_total": 5, "hours_on_clock": 9}]), "options.0", "exceed"),
    (base(options=[{"cost": {"amount": "-1", "currency": "EUR"}}]), "options.0.cost.amount",
     "negative"),
    (base(options=[{"cost": {"amount": "1.234", "currency": "EUR"}}]), "options.0.cost.amount",
     "decimal places"),
    (base(currency="EUR", options=[{"cost": {"amount": 5, "currency": "USD"}}]), "options",
     "currency"),
    (base(timing={"meeting_date": "2026-13-01"}), "timing.meeting_date", "date"),
    (base(unknown_field=1), "unknown_field", "not permitted"),
    (base(options=[{}] * (model.OPTIONS_MAX + 1)), "options", "at most"),
    (base(objections=[{"id": "no-budget"}, {"id": "no-budget"}]), "objections", "twice"),
    (base(private={"stop_at_option": 0}), "private.stop_at_option", "greater than"),
    (base(options=[{"schedule": {"start": "2027-02-01", "end": "2027-01-01"}}]),
     "options.0.schedule", "before the start"),
])
def test_invalid_fields_are_named_by_path(data, path, words):
    found = problems(data)
    assert path in found, found
    assert words in found[path]


def test_lone_surrogate_is_refused():
    found = problems(base(skill={"name": "bad \ud800 text"}))
    assert "unicode" in found["skill.name"] or "surrogate" in found["skill.name"]


def test_nan_and_infinity_are_refused_even_as_strings():
    for value in ("NaN", "Infinity", "-Infinity"):
        found = problems(base(options=[{"hours_total": value}]))
        assert "options.0.hours_total" in found


def test_wrong_format_and_newer_version_are_refused_with_reason():
    assert "format" in problems({"format": "other", "version": 1})
    newer = problems(base(version=99))
    assert "newer" in newer["version"]
    assert "version" in problems(base(version="1"))
    assert "(draft)" in problems([1, 2, 3])


def test_text_is_normalised_and_trimmed():
    draft = drafts.from_data(base(skill={"name": "  Cafe\u0301  ", "gap_evidence": "a\r\nb"}))
    assert draft.skill.name == "Café"
    assert draft.skill.gap_evidence == "a\nb"


def test_migrate_keeps_version_one_as_is():
    data = make_draft().model_dump(mode="json")
    assert model.migrate(dict(data)) == data


def test_missing_for_export_names_what_the_proposal_needs():
    assert {p for p, _ in views.missing_for_export(model.Draft())} == {
        "person.name", "manager.name", "skill.name", "options"}
    assert views.missing_for_export(make_draft()) == []


def test_assignment_is_validated():
    draft = make_draft()
    with pytest.raises(ValidationError):
        draft.person.name = "bad\x07"


def test_schema_describes_the_draft_and_validates_an_example():
    schema = draft_schema()
    assert schema["$schema"].endswith("2020-12/schema")
    assert {"format", "version"} <= set(schema["required"])
    assert "private" in schema["properties"]
    text = json.dumps(schema)
    assert "hourly_cost" in text and "stop_at_option" in text
