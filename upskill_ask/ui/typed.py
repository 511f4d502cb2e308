"""Values people type in their own way: amounts and hours in the draft's locale (``1,45,000``,
``₹420``, ``1.560,50``), and email addresses. Each is read into the draft's plain form, or
refused at once with the reason and the form expected, shown under the field.

What cannot be read is still kept in the draft as typed, so the draft is invalid (the review
page and export say which field) instead of silently holding an older value the user no longer
sees.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

HOURS_DIGITS = 5  # the model allows up to 10,000 hours


def is_money(path: str) -> bool:
    return path.endswith(("cost.amount", "hourly_cost", "money_per_month", "cost.exam",
                          "cost.materials", "cost.travel", "early_bird_amount", "_rate",
                          "approval_limit", "salary_band.low", "salary_band.high"))


def read_decimal(path: str, text: str, locale: str, currency: str) -> tuple[str, str | None]:
    """(what the draft stores, the problem or None) for a typed amount or number of hours."""
    if not text.strip():
        return "", None
    from upskill_ask import amounts

    try:
        if is_money(path):
            value = amounts.parse_amount(text, locale, currency)
        else:
            value = amounts.parse_number(text, locale, places=2, integer_digits=HOURS_DIGITS)
    except amounts.AmountError as exc:
        return text, str(exc)
    return str(value), None


def show_decimal(value: object, locale: str) -> str:
    """A stored amount or number as the field shows it for editing: the locale's grouping and
    decimal mark; '0' for a zero; empty when never filled; kept as is when it is not a number."""
    if value in (None, ""):
        return ""
    try:
        number = Decimal(str(value))
    except InvalidOperation:
        return str(value)
    if not number.is_finite():
        return str(value)
    from upskill_ask import amounts

    return amounts.format_amount_for_editing(number, locale)


def email_problem(text: str) -> str | None:
    from upskill_ask import addresses

    reason = addresses.problem(text)
    from upskill_ask.i18n import _

    return _("Not a usable address: {reason}").format(reason=reason) if reason else None
