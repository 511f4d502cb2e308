"""The cost rows of an option card (the items besides the fee, booking deadlines, the hours
other people give and their rates, the package check box) and the words of the live totals
shown on the options page: the same figures the documents print."""

from __future__ import annotations

from upskill_ask.i18n import _
from upskill_ask.ui.form import Form


def add_cost_rows(form: Form, prefix: str) -> None:
    """The rows that follow the fee on an option card; every amount is optional."""
    form.decimal(f"{prefix}.cost.exam", _("Exam or certification fee"),
                 hint=_("optional; leave empty if there is none"))
    form.decimal(f"{prefix}.cost.materials", _("Materials"), hint=_("optional: books, licences"))
    form.decimal(f"{prefix}.cost.travel", _("Travel"), hint=_("optional: travel and accommodation"))
    form.decimal(f"{prefix}.cost.early_bird_amount", _("Early-bird fee"),
                 hint=_("optional: the fee if booked by the early-bird date"))
    form.date(f"{prefix}.cost.early_bird_date", _("Early-bird deadline"))
    form.date(f"{prefix}.cost.register_date", _("Registration closes"))


def add_people_rows(form: Form, prefix: str) -> None:
    """The hours of the expert and of whoever covers core duties, each with an optional rate:
    without a rate the documents say 'not costed' (a rate is never guessed)."""
    form.decimal(f"{prefix}.expert_hours", _("Expert's or mentor's hours"),
                 hint=_("optional: the hours the expert gives in all"))
    form.decimal(f"{prefix}.expert_rate", _("Cost of an expert hour"),
                 hint=_("optional: without it the expert's hours are shown as not costed"))
    form.decimal(f"{prefix}.cover_hours", _("Hours of cover for your duties"),
                 hint=_("optional: the hours someone else covers for you"))
    form.decimal(f"{prefix}.cover_rate", _("Cost of a cover hour"),
                 hint=_("optional: without it the cover's hours are shown as not costed"))
    form.check(f"{prefix}.in_package", _("Package"),
               _("Ask for this together with the other marked options"),
               hint=_("mark two or more options to ask for them together, as the first choice"))


def describe(totals, fmt) -> str:
    """One line of totals for an option card (the same figures the documents print)."""
    parts = [_("Cash {amount}").format(amount=fmt.money(totals.cash)),
             _("{hours} in work time, away from core work").format(
                 hours=fmt.hours(totals.hours_away))]
    if totals.hours_own_time:
        parts.append(_("{hours} in your own time").format(hours=fmt.hours(totals.hours_own_time)))
    if totals.hours_away_per_week is not None:
        parts.append(_("{hours} a week of work time").format(
            hours=fmt.hours(totals.hours_away_per_week)))
    if totals.months is not None:
        parts.append(_("over {n} months").format(n=fmt.number(totals.months)))
    if totals.cash_per_month is not None and totals.cash:
        parts.append(_("about {amount} a month").format(amount=fmt.approx(totals.cash_per_month)))
    if totals.cost_of_hours is not None:
        parts.append(_("cost of the hours {amount}").format(amount=fmt.money(totals.cost_of_hours)))
    if totals.others_cost is not None:
        parts.append(_("others' hours {amount}").format(amount=fmt.money(totals.others_cost)))
    if totals.others_uncosted:
        parts.append(_("others' hours not costed"))
    if totals.total_cost is not None:
        parts.append(_("total {amount}").format(amount=fmt.money(totals.total_cost)))
    return " · ".join(parts)


def package_line(pkg, fmt) -> str:
    """The live combined total of the options marked to be asked for together."""
    if pkg is None:
        return ""
    ranks = " + ".join(str(r) for r in pkg.ranks)
    parts = [_("Package of options {ranks}: cash {amount}").format(
                 ranks=ranks, amount=fmt.money(pkg.cash)),
             _("{hours} away from core work").format(hours=fmt.hours(pkg.hours_away))]
    if pkg.total_cost is not None:
        parts.append(_("full cost {amount}").format(amount=fmt.money(pkg.total_cost)))
    if pkg.payback_months:
        parts.append(_("pays for itself in about {n} months").format(
            n=fmt.number(pkg.payback_months)))
    return " · ".join(parts)
