"""Numbers, money and dates written for the draft's locale and currency (via Babel), and the
few words around them ("h", "weeks", "Free") in the draft's document language.

Used by the documents and by the wizard's live totals, so both show the same words.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

from upskill_ask.i18n import document_language, words


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


@lru_cache(maxsize=16)
def _date_locale(name: str, language: str = ""):
    """The locale a date is written in: the draft's, unless its month names are in another
    language than the document's words (German text, 'en_GB' dates: de_GB is no locale) — then
    the document language's own ('8. Dezember 2026' in a German proposal)."""
    from babel import Locale, UnknownLocaleError

    loc = _locale(name, language)
    code = document_language(language)  # the language the words are written in
    if language and loc.language != code:
        try:
            return Locale.parse(code)
        except (UnknownLocaleError, ValueError):
            pass
    return loc


def whole_amounts(draft, totals=None) -> bool:
    """Whether every amount a document of this draft prints is whole: the fees, the hourly
    cost, the cost of the hours and the totals (a monthly share is printed as "about", rounded
    to a whole amount). One rule for the whole document: then '€1,250' everywhere, otherwise
    '€1,250.00' everywhere, never both."""
    from upskill_ask.costing import ladder_totals

    amounts = [draft.person.hourly_cost]
    for t in (totals or ladder_totals(draft)).options:
        amounts += [t.cash, t.cost_of_hours, t.total_cost, t.others_cost]
    for option in draft.options:  # the items and rates printed beside the totals
        amounts += [option.cost.amount, option.cost.early_bird_amount, option.expert_rate,
                    option.cover_rate, *(a for _, a in option.cost.items())]
    return all(a == a.to_integral_value() for a in amounts if a is not None)


def _count(value: Decimal, digits: int) -> int:
    """The number gettext picks a plural form by: the value as printed ('7.96' printed '8' is
    8), and 2 for a fraction ('4.5 months'), which every language we write takes as plural."""
    shown = round(Decimal(value), digits)
    return int(shown) if shown == shown.to_integral_value() else 2


@dataclass(frozen=True)
class Formatter:
    locale: str = "en_GB"
    currency: str = "EUR"
    language: str = ""
    whole: bool = False  # the document's money style: drop the minor unit of every amount

    @classmethod
    def for_draft(cls, draft, totals=None) -> Formatter:
        """The formatter of a document made from this draft, with its one money style
        (``totals``: the draft's ladder totals, when the caller has them already)."""
        return cls(draft.locale, draft.currency, draft.language, whole_amounts(draft, totals))

    def money(self, amount: Decimal | None, *, whole: bool | None = None) -> str:
        """'€1,250.00' in the currency's minor unit; ``whole`` (by default the formatter's
        document rule) drops a zero minor unit ('€1,250')."""
        if amount is None:
            return "—"
        from babel.numbers import format_currency

        whole = self.whole if whole is None else whole
        loc = _locale(self.locale, self.language)
        if whole and amount == amount.to_integral_value():
            pattern = re.sub(r"\.0+", "", loc.currency_formats["standard"].pattern.split(";")[0])
            return format_currency(amount, self.currency, format=pattern, locale=loc,
                                   currency_digits=False)
        return format_currency(amount, self.currency, locale=loc)

    def approx(self, amount: Decimal | None) -> str:
        """An approximate amount ('about € a month'): whole in a document of whole amounts."""
        if amount is not None and self.whole:
            from decimal import ROUND_HALF_UP

            amount = amount.quantize(Decimal(1), rounding=ROUND_HALF_UP)
        return self.money(amount)

    def cash(self, amount: Decimal | None) -> str:
        """A cash cost as a figure: 'Free' when nothing is paid, else the amount."""
        if amount is not None and amount == 0:
            return words(self.language).pgettext("cash cost", "Free")
        return self.money(amount)

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
        # Translators: a number of hours, short ('12.5 h'), in tables and sentences
        # Translators: keep a no-break space (U+00A0) between the figure and the unit
        return words(self.language).gettext("{hours} h").format(hours=self.number(value))

    def duration(self, weeks: Decimal | None, months: Decimal | None, unit: str) -> str:
        """A span in the document's one unit ('weeks' or 'months'): '8 weeks', '4.5 months'."""
        t = words(self.language)
        if unit == "months" and months is not None:
            digits = 0 if months >= 6 else 1
            return t.ngettext("{n} month", "{n} months", _count(months, digits)).format(
                n=self.number(months, digits))
        if weeks is None:
            return "—"
        digits = 0 if weeks >= 3 else 1
        return t.ngettext("{n} week", "{n} weeks", _count(weeks, digits)).format(
            n=self.number(weeks, digits))

    def date(self, day: dt.date | None) -> str:
        """A date in the documents' one style, the locale's long form ('23 December 2026'):
        the same in prose, tables and the summary, never mixed with short or weekday forms."""
        if day is None:
            return "—"
        from babel.dates import format_date

        return format_date(day, format="long", locale=_date_locale(self.locale, self.language))
