"""What replacing an employee costs: one published figure, quoted with its source.

The share is the median of the case studies reviewed by Boushey and Glynn (Center for American
Progress, 2012): 21 % of a year's salary, for every kind of job they covered except executives
and physicians (whose replacement costs far more). The documents quote the share as a share;
only when the user gives their own pay band is it turned into money, and then as a range.
The words around the figure are in the draft's language (:func:`share_words`); the source's
title stays as published.
"""

from __future__ import annotations

from decimal import Decimal

from upskill_ask.i18n import N_, draft_words, words

SHARE = Decimal("0.21")
# Translators: the published figure as the answers quote it; keep "21%" or "21 %" (the
# document cites the source when it finds the figure)
SHARE_WORDS = N_("about a fifth of a year's salary (a median of 21%)")
SOURCE = ("Heather Boushey and Sarah Jane Glynn, “There Are Significant Business Costs to "
          "Replacing Employees”, Center for American Progress, 16 November 2012: across 27 case "
          "studies of all jobs but executives and physicians, the median cost of replacing an "
          "employee was 21% of their annual salary.")


def share_words(language: str) -> str:
    """``SHARE_WORDS`` in a document's language."""
    return words(language).gettext(SHARE_WORDS)


def replacement_cost(draft, fmt) -> str:
    """The share applied to the user's pay band ("€9,000 to €10,500"), or "" without a band."""
    band = draft.person.salary_band
    ends = sorted({v for v in (band.low, band.high) if v})
    if not ends:
        return ""
    low, high = (fmt.approx(v * SHARE) for v in (ends[0], ends[-1]))
    # Translators: a range of money, "€9,000 to €10,500"
    return low if low == high else draft_words(draft).gettext("{low} to {high}").format(
        low=low, high=high)


def replacement_low(draft) -> Decimal | None:
    """The low end of the replacement cost from the user's pay band, or None without one."""
    band = draft.person.salary_band
    ends = [v for v in (band.low, band.high) if v]
    return min(ends) * SHARE if ends else None


def cites(text: str) -> bool:
    """Whether a text quotes the published share, so the document cites its source."""
    return "21%" in text or "21 %" in text
