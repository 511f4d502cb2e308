"""Amounts typed the way people write them: accepted forms, refusals and their messages,
and the round trip format -> parse across locales."""

from __future__ import annotations

from decimal import Decimal

import pytest
from babel.numbers import get_currency_precision
from hypothesis import given, settings
from hypothesis import strategies as st

from upskill_ask.amounts import (
    AmountError,
    example,
    format_amount_for_editing,
    parse_amount,
    parse_number,
)

NNBSP, NBSP = "\u202f", "\u00a0"

ACCEPTED = [
    # text, locale, currency, value
    ("1,45,000", "en_IN", "INR", "145000"),
    ("145,000", "en_IN", "INR", "145000"),
    ("1,45,000.50", "en_IN", "INR", "145000.50"),
    ("12,34,567", "en_IN", "INR", "1234567"),
    ("₹420", "en_IN", "INR", "420"),
    ("420 ₹", "en_IN", "INR", "420"),
    ("₹ 1,45,000", "en_IN", "INR", "145000"),
    ("INR 420", "en_IN", "INR", "420"),
    ("420 inr", "en_IN", "INR", "420"),
    ("1.560,50", "de_DE", "EUR", "1560.50"),
    ("1.560", "de_DE", "EUR", "1560"),
    ("1.560.000", "de_DE", "EUR", "1560000"),
    ("1,560", "de_DE", "EUR", "1.56"),  # the comma is the decimal separator in de_DE
    ("12,50 €", "de_DE", "EUR", "12.50"),
    ("1560.5", "de_DE", "EUR", "1560.5"),  # a lone point that cannot be grouping
    ("1 560,50", "fr_FR", "EUR", "1560.50"),
    (f"1{NNBSP}560,50", "fr_FR", "EUR", "1560.50"),
    (f"1{NBSP}560,50", "fr_FR", "EUR", "1560.50"),
    (f"1{NNBSP}560,50{NBSP}€", "fr_FR", "EUR", "1560.50"),
    ("1560.5", "fr_FR", "EUR", "1560.5"),
    ("1'560.50", "de_CH", "CHF", "1560.50"),
    ("1’560.50", "de_CH", "CHF", "1560.50"),
    ("CHF 1'560", "de_CH", "CHF", "1560"),
    ("1,560.50", "en_GB", "GBP", "1560.50"),
    ("£1,560.50", "en_GB", "GBP", "1560.50"),
    ("1,560.50", "en_US", "USD", "1560.50"),
    ("$1,560.50", "en_US", "USD", "1560.50"),
    ("1,560", "en_GB", "GBP", "1560"),  # the comma groups in en_GB
    ("1560,5", "en_GB", "GBP", "1560.5"),  # unambiguous: cannot be grouping
    ("1560.5", "en_GB", "GBP", "1560.5"),
    ("1 560.50", "en_GB", "GBP", "1560.50"),  # spaces group everywhere
    ("1 560,50", "en_GB", "GBP", "1560.50"),  # ',' before two digits cannot be grouping
    ("0", "en_GB", "EUR", "0"),
    ("0.00", "en_GB", "EUR", "0"),
    ("  42  ", "en_GB", "EUR", "42"),
    (f"{NBSP}42\t", "en_GB", "EUR", "42"),
    ("42\n", "en_GB", "EUR", "42"),
    (".5", "en_GB", "EUR", "0.5"),
    ("1,450", "ja_JP", "JPY", "1450"),
    ("￥1,450", "ja_JP", "JPY", "1450"),
    ("１，４５０", "ja_JP", "JPY", "1450"),  # full-width digits and comma
    ("₩1,500", "ko_KR", "KRW", "1500"),
    ("Rp 1.500.000", "id_ID", "IDR", "1500000"),
    ("€ 1.250,00", "nl_NL", "EUR", "1250"),
    ("999999999999.99", "en_GB", "EUR", "999999999999.99"),
]


@pytest.mark.parametrize(("text", "locale", "currency", "value"), ACCEPTED)
def test_amounts_typed_the_local_way_are_understood(text, locale, currency, value):
    assert parse_amount(text, locale, currency) == Decimal(value)


def test_the_result_carries_the_currency_minor_unit():
    assert str(parse_amount("1,45,000", "en_IN", "INR")) == "145000.00"
    assert str(parse_amount("1,450", "ja_JP", "JPY")) == "1450"


REFUSED = [
    # text, locale, currency, words the message must hold
    ("1.2.3", "en_IN", "INR", ["'1.2.3' is not an amount", "type it like 1,45,000.50"]),
    ("abc", "de_DE", "EUR", ["'abc' is not an amount", "145.000,50"]),
    ("", "en_GB", "EUR", ["nothing typed", "145,000.50"]),
    ("   ", "en_GB", "EUR", ["nothing typed"]),
    ("-", "en_GB", "EUR", ["'-' is not an amount"]),
    ("-420", "en_GB", "EUR", ["'-420' is negative"]),
    ("−420", "en_GB", "EUR", ["negative"]),  # U+2212 minus sign
    ("-€420", "en_GB", "EUR", ["negative"]),
    ("€-420", "en_GB", "EUR", ["negative"]),
    ("(420)", "en_GB", "EUR", ["negative"]),
    ("$420", "en_IN", "INR", ["'$420'", "US Dollar (USD)", "Indian Rupee (INR)", "1,45,000.50"]),
    ("£420", "en_GB", "EUR", ["British Pound (GBP)", "Euro (EUR)"]),
    ("420 USD", "de_DE", "EUR", ["US Dollar (USD)", "145.000,50"]),
    ("1.5", "ja_JP", "JPY", ["'1.5' has a fraction", "Japanese Yen (JPY)", "whole", "145,000"]),
    ("1,5", "ko_KR", "KRW", ["whole"]),
    ("1.234", "en_GB", "EUR", ["'1.234' has 3 decimal places", "at most 2"]),
    ("1,005", "de_DE", "EUR", ["3 decimal places"]),
    ("1234567890123", "en_GB", "EUR", ["too large", "12 digits"]),
    ("1,234,567,890,123", "en_GB", "EUR", ["too large"]),
    ("1e5", "en_GB", "EUR", ["'1e5' uses an exponent"]),
    ("1E+5", "en_GB", "EUR", ["exponent"]),
    ("NaN", "en_GB", "EUR", ["'NaN' is not an amount"]),
    ("inf", "en_GB", "EUR", ["not an amount"]),
    ("Infinity", "en_GB", "EUR", ["not an amount"]),
    ("∞", "en_GB", "EUR", ["not an amount"]),
    ("1.560", "fr_FR", "EUR", ["'1.560' is ambiguous", "145\u202f000,50"]),
    ("1,560", "de_CH", "CHF", ["ambiguous", "145'000.50"]),
    ("1.560,50", "en_GB", "GBP", ["not an amount", "145,000.50"]),
    ("1,560.50", "de_DE", "EUR", ["not an amount", "145.000,50"]),
    ("1.560.000", "fr_FR", "EUR", ["grouped"]),
    ("14,5000", "en_IN", "INR", ["grouped", "1,45,000.50"]),
    ("1,2345", "en_GB", "EUR", ["grouped"]),
    ("1,23,4", "en_GB", "EUR", ["grouped"]),
    ("0,500", "en_GB", "EUR", ["grouped"]),
    ("1'560", "en_GB", "GBP", ["not an amount"]),
    ("1,560 000", "en_GB", "GBP", ["grouped"]),
    ("₹ 420 ₹", "en_IN", "INR", ["not an amount"]),
    ("Rs 420", "en_IN", "INR", ["not an amount"]),
    ("0x1F", "en_GB", "EUR", ["not an amount"]),
    ("1_000", "en_GB", "EUR", ["not an amount"]),
]


@pytest.mark.parametrize(("text", "locale", "currency", "words"), REFUSED)
def test_what_cannot_be_read_is_refused_with_the_expected_form(text, locale, currency, words):
    with pytest.raises(AmountError) as info:
        parse_amount(text, locale, currency)
    message = str(info.value)
    for word in words:
        assert word in message, message
    assert isinstance(info.value, ValueError)
    assert info.value.text == text
    assert info.value.example in message
    assert "\n" not in message


def test_the_typed_value_is_shown_cut_short_and_on_one_line():
    with pytest.raises(AmountError) as info:
        parse_amount("12\x0034" + "9" * 100, "en_GB", "EUR")
    message = str(info.value)
    assert "\x00" not in message and "…" in message and len(message) < 200


def test_examples_follow_the_locale():
    assert example("en_IN") == "1,45,000.50"
    assert example("de_DE") == "145.000,50"
    assert example("fr_FR") == "145\u202f000,50"
    assert example("de_CH") == "145'000.50"
    assert example("ja_JP", places=0) == "145,000"


@pytest.mark.parametrize(("value", "locale", "text"), [
    ("0", "en_GB", "0"),
    ("0.00", "de_DE", "0"),
    ("420", "en_GB", "420"),
    ("420.00", "en_GB", "420"),
    ("1560.5", "en_GB", "1,560.50"),
    ("145000.50", "en_IN", "1,45,000.50"),
    ("1234567", "en_IN", "12,34,567"),
    ("1560.5", "de_DE", "1.560,50"),
    ("1560.5", "fr_FR", "1\u202f560,50"),
    ("1234567", "de_CH", "1'234'567"),  # Babel 2.19's own formatting drops these apostrophes
    ("0.05", "nl_NL", "0,05"),
    ("1450", "ja_JP", "1,450"),
])
def test_format_for_editing_writes_what_the_user_would_type(value, locale, text):
    assert format_amount_for_editing(Decimal(value), locale) == text


def test_format_for_editing_has_no_currency_symbol():
    assert format_amount_for_editing(Decimal("1250"), "en_IN") == "1,250"


def test_format_for_editing_refuses_nan():
    with pytest.raises(ValueError):
        format_amount_for_editing(Decimal("NaN"), "en_GB")


LOCALES = {"en_IN": "INR", "de_DE": "EUR", "fr_FR": "EUR", "de_CH": "CHF", "en_GB": "GBP",
           "ja_JP": "JPY", "ko_KR": "KRW", "id_ID": "IDR", "nl_NL": "EUR"}


@st.composite
def amounts(draw):
    locale = draw(st.sampled_from(sorted(LOCALES)))
    currency = LOCALES[locale]
    places = min(2, get_currency_precision(currency))  # JPY, KRW, and for CLDR IDR too: 0
    cents = draw(st.integers(min_value=0, max_value=10**12 * 10**places - 1))
    return locale, currency, Decimal(cents).scaleb(-places)


@settings(max_examples=400, deadline=None)
@given(amounts())
def test_format_then_parse_gives_the_same_amount(case):
    locale, currency, value = case
    text = format_amount_for_editing(value, locale)
    assert parse_amount(text, locale, currency) == value
    # with the currency's symbol or code in front, too
    assert parse_amount(f"{currency} {text}", locale, currency) == value


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=30), st.sampled_from(sorted(LOCALES)))
def test_any_text_is_read_or_refused_never_crashes(text, locale):
    try:
        value = parse_amount(text, locale, LOCALES[locale])
    except AmountError as exc:
        assert str(exc) and "\n" not in str(exc)
    else:
        assert value.is_finite() and value >= 0
        assert value < Decimal(10) ** 12


@pytest.mark.parametrize(("text", "locale", "value"), [
    ("37,5", "de_DE", "37.5"),
    ("37.5", "en_GB", "37.5"),
    ("1,200", "en_GB", "1200"),
    ("0", "fr_FR", "0"),
])
def test_parse_number_reads_hours_without_a_currency(text, locale, value):
    assert parse_number(text, locale) == Decimal(value)


@pytest.mark.parametrize(("text", "words"), [
    ("-3", "negative"), ("€3", "not an amount"), ("100000", "at most 5 digits"), ("1.234", "3 decimal"),
])
def test_parse_number_refuses(text, words):
    with pytest.raises(AmountError, match=words):
        parse_number(text, "en_GB", integer_digits=5)
