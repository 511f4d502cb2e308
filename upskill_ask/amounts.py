"""Amounts as people type them, in the draft's locale and currency.

``parse_amount`` reads what a person typed into a money field ('1,45,000' in en_IN, '₹420',
'INR 420', '1.560,50' in de_DE, '1 560,50' in fr_FR, "1'560.50" in de_CH) and returns a Decimal,
or raises :class:`AmountError` with a message naming the value and showing how to type it for
that locale. ``format_amount_for_editing`` writes a Decimal back the way the user would type it.
``parse_number`` is the same reading without a currency, for hours and other quantities.

Plain Python and Babel (no Qt): the wizard calls these live as the user types. Babel supplies the
symbols, the grouping sizes and the currency's minor unit; the logic here only decides which
separator is which, because Babel's own ``parse_decimal`` is either lax (accepts '1e5', '-3',
'NaN') or strict about one grouping style only. The currency and sign around the number are
:mod:`upskill_ask.currencies`.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

from upskill_ask import currencies

INTEGER_DIGITS = 12
"""At most this many digits before the decimal point."""
PLACES = 2
"""At most this many decimal places (fewer when the currency's minor unit is smaller)."""
EXAMPLE = Decimal("145000.50")

_APOSTROPHES = "'\u2019\u02bc\u2018"
_MARKS = ".,"
_SHOWN_MAX = 40


class AmountError(ValueError):
    """A typed amount that cannot be read. ``str(error)`` is the message for a person;
    ``text`` is what was typed and ``example`` a correctly typed amount for the locale."""

    def __init__(self, message: str, *, text: str, example: str):
        super().__init__(message)
        self.text = text
        self.example = example


@dataclass(frozen=True)
class _Conventions:
    """How one locale writes numbers, as Babel knows it (NFKC-normalised)."""

    decimal: str
    group: str
    separators: frozenset[str]
    grouping: tuple[int, int]


@lru_cache(maxsize=32)
def _conventions(locale: str) -> _Conventions:
    from babel.numbers import get_decimal_symbol, get_group_symbol, parse_pattern

    loc = currencies.babel_locale(locale)
    decimal = currencies.nfkc(get_decimal_symbol(loc))
    group = currencies.nfkc(get_group_symbol(loc))
    separators = {group, " "}  # digits grouped by spaces are read everywhere (SI style)
    if group in _APOSTROPHES:
        separators |= set(_APOSTROPHES)
    grouping = parse_pattern(loc.decimal_formats[None]).grouping
    return _Conventions(decimal, group, frozenset(separators - {decimal}), grouping)


def format_amount_for_editing(value: Decimal, locale: str) -> str:
    """The amount as the user would type it: locale grouping and decimal separator, no currency
    symbol; two decimals when there is a fraction ('1,45,000.50'), none otherwise ('420');
    0 is '0'. ``parse_amount`` reads the result back to the same Decimal."""
    from babel.numbers import format_decimal, get_decimal_symbol, get_group_symbol

    if not value.is_finite():
        raise ValueError(f"{value} is not an amount")
    if value == 0:
        return "0"
    loc = currencies.babel_locale(locale)
    primary, secondary = _conventions(locale).grouping
    pattern = f"#,{'#' * secondary},{'#' * (primary - 1)}0"
    if value != value.to_integral_value():
        pattern += ".00"
    # formatted with English symbols, then swapped: Babel 2.19 drops apostrophe group separators
    # in pairs when it unquotes the result (de_CH 1'234'567 came out as 1234567)
    text = format_decimal(value, format=pattern, locale="en", decimal_quantization=False)
    swap = {",": "\0", ".": get_decimal_symbol(loc)}
    return text.translate(str.maketrans(swap)).replace("\0", get_group_symbol(loc))


def example(locale: str, places: int = PLACES) -> str:
    """A correctly typed amount for the locale, for messages: '1,45,000.50', '145.000,50'."""
    return format_amount_for_editing(EXAMPLE if places else EXAMPLE.to_integral_value(), locale)


def _shown(text: str) -> str:
    text = re.sub(r"[\x00-\x1f\x7f]+", " ", text).strip()
    return text if len(text) <= _SHOWN_MAX else text[: _SHOWN_MAX - 1] + "…"


@dataclass(frozen=True)
class _Typed:
    """What was typed, and for which locale and minor unit: makes the error messages."""

    text: str
    locale: str
    places: int
    currency: str = ""

    def error(self, reason: str) -> AmountError:
        sample = example(self.locale, self.places)
        return AmountError(reason.format(text=_shown(self.text), example=sample),
                           text=self.text, example=sample)


def parse_number(text: str, locale: str, *, places: int = PLACES,
                 integer_digits: int = INTEGER_DIGITS) -> Decimal:
    """A non-negative number typed in the locale's way (hours, say), without a currency.

    Same rules as :func:`parse_amount`; the result has exactly ``places`` decimal places.
    """
    typed = _Typed(text, locale, places)
    core = currencies.nfkc(text).strip()
    if core[:1] in currencies.MINUS and currencies.looks_numeric(core[1:]):
        raise typed.error("'{text}' is negative; type a number from 0 up, like {example}")
    return _read(core, typed, integer_digits)


def parse_amount(text: str, locale: str, currency: str) -> Decimal:
    """An amount of money typed the way people write it in ``locale``, in ``currency``.

    Accepts the locale's grouping ('1,45,000' in en_IN, '1.560' in de_DE, '1 560' in fr_FR with
    any kind of space, "1'560" in de_CH) or plain groups of three, the locale's decimal
    separator, and a lone '.' or ',' that cannot be a group separator ('1560.5' in de_DE). A
    separator that could be either is read the locale's way ('1,560' is 1560 in en_GB, 1.56
    in de_DE); where the locale does not use it at all ('1.560' in fr_FR) the amount is refused
    as ambiguous. The draft's currency symbol or code may stand before or after the number.

    Returns a Decimal quantized to the currency's minor unit (at most 2 places). Raises
    AmountError (a ValueError) for anything else: a negative amount, another currency's symbol,
    more decimals than the currency has, more than 12 digits before the point, exponents,
    NaN... Empty text is refused too ("nothing typed"); the caller decides what empty means.
    """
    typed = _Typed(text, locale, min(PLACES, _minor_unit(currency)), currency)
    core, negative = currencies.without_currency_and_sign(currencies.nfkc(text).strip(), locale, currency)
    if negative and currencies.looks_numeric(core):
        raise typed.error("'{text}' is negative; an amount cannot be below 0 "
                          "(type it like {example})")
    other = currencies.other_currency(core, locale, currency)
    if other is not None:
        from babel.numbers import get_currency_name

        raise typed.error(
            f"'{{text}}' is an amount in {get_currency_name(other, locale='en')} ({other}), "
            f"but this draft is in {get_currency_name(currency, locale='en')} "
            f"({currency}); type the amount in {currency}, like {{example}}")
    return _read(core, typed, INTEGER_DIGITS)


def _minor_unit(currency: str) -> int:
    from babel.numbers import get_currency_precision

    return get_currency_precision(currency)


def _read(core: str, typed: _Typed, integer_digits: int) -> Decimal:
    """The number in ``core`` (currency and sign already removed)."""
    if not typed.text.strip():
        raise typed.error("nothing typed; type an amount like {example}")
    if not core:
        raise typed.error("'{text}' is not an amount; type it like {example}")
    if re.fullmatch(r"[\d.,]+[eE][+-]?\d+", core):
        raise typed.error("'{text}' uses an exponent; write the amount out in full, like {example}")
    conv = _conventions(typed.locale)
    core = "".join(str(unicodedata.decimal(c)) if c.isdecimal() else c for c in core)
    allowed = set("0123456789") | conv.separators | {conv.decimal} | set(_MARKS)
    if not any(c.isdigit() for c in core) or set(core) - allowed:
        raise typed.error("'{text}' is not an amount; type it like {example}")
    head, fraction = _split(core, conv, typed)
    return _assemble(_integer_digits(head, conv, typed), fraction, typed, integer_digits)


def _split(core: str, conv: _Conventions, typed: _Typed) -> tuple[str, str]:
    """(integer part with its group separators, fraction digits)."""
    if conv.decimal in core:
        head, _, fraction = core.partition(conv.decimal)
        if fraction and not fraction.isdigit():
            raise typed.error("'{text}' is not an amount; type it like {example}")
        return head, fraction
    last = max(core.rfind(mark) for mark in _MARKS)
    if last < 0:
        return core, ""
    mark, tail = core[last], core[last + 1:]
    lone, foreign = core.count(mark) == 1, mark not in conv.separators
    if lone and (len(tail) < 3 or (foreign and len(tail) > 3)):
        return core[:last], tail  # cannot be a group separator: a decimal mark ('1560.5')
    if lone and foreign:
        raise typed.error(f"'{{text}}' is ambiguous: is '{mark}' a decimal point or a thousands "
                          "separator? Type it like {example}")
    return core, ""


def _integer_digits(head: str, conv: _Conventions, typed: _Typed) -> str:
    """The digits of the integer part, its grouping checked ('1,45,000' or '145,000' in en_IN)."""
    separators = {c for c in head if not c.isdigit()}
    if not separators:
        return head
    groups = re.split("[" + re.escape("".join(separators)) + "]", head)
    if len(separators) > 1 or not separators <= conv.separators or not _grouped(groups, conv):
        raise typed.error("'{text}' has its digits grouped in a way this locale does not use; "
                          "type it like {example}")
    return "".join(groups)


def _grouped(groups: list[str], conv: _Conventions) -> bool:
    """Groups as the locale makes them, or in threes: the first group at most as long as the
    ones after it (and not starting with 0), the last one of the primary size."""
    first, *middle, last = groups
    return any(
        len(last) == primary and all(len(g) == secondary for g in middle)
        and 1 <= len(first) <= secondary and first[0] != "0"
        for primary, secondary in {conv.grouping, (3, 3)})


def _assemble(digits: str, fraction: str, typed: _Typed, integer_digits: int) -> Decimal:
    if not digits and not fraction:
        raise typed.error("'{text}' is not an amount; type it like {example}")
    if fraction[typed.places:].strip("0"):
        raise typed.error(_too_many_places(typed, len(fraction)))
    if len(digits.lstrip("0")) > integer_digits:
        raise typed.error(f"'{{text}}' is too large: at most {integer_digits} digits before the "
                          "decimal point (like {example})")
    value = Decimal(f"{digits or '0'}.{fraction or '0'}")
    return value.quantize(Decimal(1).scaleb(-typed.places))


def _too_many_places(typed: _Typed, count: int) -> str:
    if typed.places == 0 and typed.currency:
        from babel.numbers import get_currency_name

        name = get_currency_name(typed.currency, locale="en")
        return (f"'{{text}}' has a fraction, but {name} ({typed.currency}) amounts are whole "
                "numbers; type it like {example}")
    if typed.places == 0:
        return "'{text}' has a fraction; type a whole number, like {example}"
    return (f"'{{text}}' has {count} decimal places; type at most {typed.places}, "
            "like {example}")
