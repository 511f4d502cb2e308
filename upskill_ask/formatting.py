"""Numbers, money and dates written for the draft's locale and currency (via Babel).

Used by the documents and by the wizard's live totals, so both show the same words.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache


@lru_cache(maxsize=16)
def _locale(name: str, language: str = ""):
    """The Babel locale for a draft: the document's language with the locale's territory
    ('en' + 'nl_NL' -> en_NL: English month names, Dutch number conventions), else the locale."""
    from babel import Locale, UnknownLocaleError

    name = name.replace("-", "_")
    territory = name.partition("_")[2]
    candidates = [f"{language.split('-')[0]}_{territory}"] if language and territory else []
    for candidate in [*candidates, name, "en_GB"]:
        try:
            return Locale.parse(candidate)
        except (UnknownLocaleError, ValueError):
            continue
    raise AssertionError("en_GB is always known")  # pragma: no cover


@dataclass(frozen=True)
class Formatter:
    locale: str = "en_GB"
    currency: str = "EUR"
    language: str = ""

    @classmethod
    def for_draft(cls, draft) -> Formatter:
        return cls(draft.locale, draft.currency, draft.language)

    def money(self, amount: Decimal | None, *, whole: bool = False) -> str:
        """'€1,250.00' in the currency's minor unit; ``whole`` drops a zero minor unit ('€1,250')."""
        if amount is None:
            return "—"
        from babel.numbers import format_currency

        loc = _locale(self.locale, self.language)
        if whole and amount == amount.to_integral_value():
            pattern = re.sub(r"\.0+", "", loc.currency_formats["standard"].pattern.split(";")[0])
            return format_currency(amount, self.currency, format=pattern, locale=loc,
                                   currency_digits=False)
        return format_currency(amount, self.currency, locale=loc)

    def number(self, value: Decimal | int | None, digits: int = 1) -> str:
        """Hours and counts: '12.5', '40' (no trailing ',0'), locale separators."""
        if value is None:
            return "—"
        from babel.numbers import format_decimal

        fmt = "#,##0" + ("." + "#" * digits if digits else "")
        return format_decimal(value, format=fmt, locale=_locale(self.locale, self.language))

    def hours(self, value: Decimal | None) -> str:
        if value is None:
            return "—"
        return f"{self.number(value)} h"

    def date(self, day: dt.date | None, style: str = "medium") -> str:
        if day is None:
            return "—"
        from babel.dates import format_date

        return format_date(day, format=style, locale=_locale(self.locale, self.language))

    def weekday_date(self, day: dt.date | None) -> str:
        if day is None:
            return "—"
        from babel.dates import format_date

        return format_date(day, format="EEEE d MMMM y", locale=_locale(self.locale, self.language))
