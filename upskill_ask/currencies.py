"""The currency and the sign in a typed amount, for :mod:`upskill_ask.amounts`: the draft's own
currency symbol or code (before or after the number) and a minus sign are taken off; another
currency's symbol or code is recognised, so the amount can be refused with its name.

Babel supplies the symbols and codes; text is compared NFKC-normalised and case-folded.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

MINUS = "-\u2212\u2012\u2013\u2014\ufe63\uff0d"
_NUMERIC = r"[\d.,' \u2019]"


def babel_locale(locale: str):
    from upskill_ask.formatting import _locale

    return _locale(locale)


def nfkc(text: str) -> str:
    """Full-width digits and signs become ASCII, every kind of space becomes ' '."""
    return unicodedata.normalize("NFKC", text)


def looks_numeric(core: str) -> bool:
    return bool(re.fullmatch(_NUMERIC + "*\\d" + _NUMERIC + "*", core))


@lru_cache(maxsize=64)
def _currency_tokens(locale: str, currency: str) -> tuple[str, ...]:
    """The draft currency as it may be typed: its code and its symbols (locale, English)."""
    from babel.numbers import get_currency_symbol

    tokens = {currency, get_currency_symbol(currency, babel_locale(locale)),
              get_currency_symbol(currency, "en")}
    return tuple(sorted({nfkc(t).casefold() for t in tokens if t}, key=len, reverse=True))


def _strip_token(core: str, tokens: tuple[str, ...]) -> tuple[str, bool]:
    folded = core.casefold()
    for token in tokens:
        if folded.startswith(token):
            return core[len(token):].strip(), True
        if folded.endswith(token):
            return core[: len(core) - len(token)].strip(), True
    return core, False


def without_currency_and_sign(core: str, locale: str, currency: str) -> tuple[str, bool]:
    """Removes one currency symbol or code (before or after) and a leading minus sign."""
    tokens = _currency_tokens(locale, currency)
    core, found = _strip_token(core, tokens)
    negative = core[:1] in MINUS if core else False
    if negative:
        core = core[1:].strip()
    if not found:
        core, _ = _strip_token(core, tokens)
    if core.startswith("(") and core.endswith(")"):  # accounting style: (420)
        negative, core = True, core[1:-1].strip()
    return core, negative


@lru_cache(maxsize=32)
def _other_currencies(locale: str) -> dict[str, str]:
    """Symbol or code (casefolded) -> currency code, for every currency Babel knows."""
    from babel import Locale
    from babel.numbers import list_currencies

    found = {code.casefold(): code for code in list_currencies()}
    for loc in (Locale.parse("en"), babel_locale(locale)):
        for code, symbol in loc.currency_symbols.items():
            found.setdefault(nfkc(symbol).casefold(), code)
    return found


def other_currency(core: str, locale: str, currency: str) -> str | None:
    """The code of another currency whose symbol or code stands before or after the number."""
    match = re.fullmatch(r"(\D*?)\s*" + _NUMERIC + r"*\d" + _NUMERIC + r"*?\s*(\D*)", core)
    if not match:
        return None
    known = _other_currencies(locale)
    for affix in match.groups():
        code = known.get(affix.strip().casefold())
        if affix.strip() and code and code != currency:
            return code
    return None
