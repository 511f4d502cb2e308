"""User text set into the documents' sentences: one full stop, no capitalised fragment."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from upskill_ask import prose

words = st.text(st.characters(min_codepoint=32, max_codepoint=0x24F,
                              blacklist_categories=("Cc", "Zl", "Zp")), max_size=80)


def test_a_common_first_word_is_lowered_mid_sentence():
    assert prose.phrase("Cut inventory write-offs by a fifth.") == "cut inventory write-offs by a fifth"
    assert prose.phrase("The Q3 migration") == "the Q3 migration"
    assert prose.phrase("A fifteen-minute walk-through") == "a fifteen-minute walk-through"
    assert prose.phrase("Same-day dispatch for 98 % of orders") == "same-day dispatch for 98 % of orders"


def test_names_acronyms_and_unknown_words_stay_as_written():
    assert prose.phrase("Priya covers the on-call rota.") == "Priya covers the on-call rota"
    assert prose.phrase("SQL for the billing team") == "SQL for the billing team"
    assert prose.phrase("iPhone repairs") == "iPhone repairs"
    assert prose.phrase("I cover the rota") == "I cover the rota"
    assert prose.phrase("McKinsey report") == "McKinsey report"


def test_a_sentence_ends_with_exactly_one_mark():
    assert prose.sentence("the team gets a dashboard") == "The team gets a dashboard."
    assert prose.sentence("Done.") == "Done."
    assert prose.sentence("Really?") == "Really?"
    assert prose.sentence("Wait…") == "Wait…"
    assert prose.sentence("He said “yes.”") == "He said “yes.”"
    assert prose.sentence("  ") == ""
    assert prose.sentence("dbt models tested") == "dbt models tested."
    assert prose.sentence("iPhone repairs on site") == "iPhone repairs on site."


def test_quoted_labels_keep_the_users_capitals_without_the_full_stop():
    assert prose.quoted("Slotting tickets down to 10 a month.") == "“Slotting tickets down to 10 a month”"
    assert prose.quoted("") == ""


@given(words)
def test_sentence_never_doubles_the_full_stop(text):
    out = prose.sentence(text)
    if text.strip():
        assert prose.ends_sentence(out)
        assert not out.endswith("..") or text.strip().endswith("..")
        assert prose.sentence(out) == out  # idempotent
    else:
        assert out == ""


@given(words)
def test_phrase_never_ends_in_a_single_full_stop_and_only_changes_the_first_letter(text):
    out = prose.phrase(text)
    assert not (out.endswith(".") and not out.endswith(".."))
    line = text.strip()
    if line.endswith(".") and not line.endswith(".."):
        line = line[:-1].rstrip()
    assert out.lower() == line.lower()
    assert out[1:] == line[1:]


@given(words)
def test_full_stop_adds_at_most_one_mark(text):
    out = prose.full_stop(text)
    assert prose.ends_sentence(out) or not text.strip()
    assert len(out) - len(text.rstrip()) in (0, 1)


@pytest.mark.parametrize(("text", "inside"), [
    ("Close in Five, our project", "Close in Five, our project"),
    ("Next Day Delivery", "Next Day Delivery"),
    ("Reduce returns at Lighthouse stores", "reduce returns at Lighthouse stores"),
    ("Die Stationsbesprechung am Montag", "die Stationsbesprechung am Montag"),
    ("Le briefing du lundi", "le briefing du lundi"),
])
def test_a_name_in_title_case_keeps_its_capital_and_an_article_loses_it(text, inside):
    assert prose.phrase(text) == inside
