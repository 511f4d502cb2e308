"""The cost rows of an option card (the items besides the fee, booking deadlines, the hours
other people give and their rates, the package check box) and the words of the live totals
shown on the options page: the same figures the documents print."""

from __future__ import annotations

from upskill_ask.ui.form import Form

PACKAGE_TEXT = "Ask for this together with the other marked options"


def add_cost_rows(form: Form, prefix: str) -> None:
    """The rows that follow the fee on an option card; every amount is optional."""
    form.decimal(f"{prefix}.cost.exam", "Exam or certification fee",
                 hint="optional; leave empty if there is none")
    form.decimal(f"{prefix}.cost.materials", "Materials", hint="optional: books, licences")
    form.decimal(f"{prefix}.cost.travel", "Travel", hint="optional: travel and accommodation")
    form.decimal(f"{prefix}.cost.early_bird_amount", "Early-bird fee",
                 hint="optional: the fee if booked by the early-bird date")
    form.date(f"{prefix}.cost.early_bird_date", "Early-bird deadline")
    form.date(f"{prefix}.cost.register_date", "Registration closes")


def add_people_rows(form: Form, prefix: str) -> None:
    """The hours of the expert and of whoever covers core duties, each with an optional rate:
    without a rate the documents say 'not costed' (a rate is never guessed)."""
    form.decimal(f"{prefix}.expert_hours", "Expert's or mentor's hours",
                 hint="optional: the hours the expert gives in all")
    form.decimal(f"{prefix}.expert_rate", "Cost of an expert hour",
                 hint="optional: without it the expert's hours are shown as not costed")
    form.decimal(f"{prefix}.cover_hours", "Hours of cover for your duties",
                 hint="optional: the hours someone else covers for you")
    form.decimal(f"{prefix}.cover_rate", "Cost of a cover hour",
                 hint="optional: without it the cover's hours are shown as not costed")
    form.check(f"{prefix}.in_package", "Package", PACKAGE_TEXT,
               hint="mark two or more options to ask for them together, as the first choice")


def describe(totals, fmt) -> str:
    """One line of totals for an option card (the same figures the documents print)."""
    parts = [f"Cash {fmt.money(totals.cash)}",
             f"{fmt.hours(totals.hours_away)} in work time, away from core work"]
    if totals.hours_own_time:
        parts.append(f"{fmt.hours(totals.hours_own_time)} in your own time")
    if totals.hours_away_per_week is not None:
        parts.append(f"{fmt.hours(totals.hours_away_per_week)} a week of work time")
    if totals.months is not None:
        parts.append(f"over {fmt.number(totals.months)} months")
    if totals.cash_per_month is not None and totals.cash:
        parts.append(f"about {fmt.approx(totals.cash_per_month)} a month")
    if totals.cost_of_hours is not None:
        parts.append(f"cost of the hours {fmt.money(totals.cost_of_hours)}")
    if totals.others_cost is not None:
        parts.append(f"others' hours {fmt.money(totals.others_cost)}")
    if totals.others_uncosted:
        parts.append("others' hours not costed")
    if totals.total_cost is not None:
        parts.append(f"total {fmt.money(totals.total_cost)}")
    return " · ".join(parts)


def package_line(pkg, fmt) -> str:
    """The live combined total of the options marked to be asked for together."""
    if pkg is None:
        return ""
    ranks = " + ".join(str(r) for r in pkg.ranks)
    parts = [f"Package of options {ranks}: cash {fmt.money(pkg.cash)}",
             f"{fmt.hours(pkg.hours_away)} away from core work"]
    if pkg.total_cost is not None:
        parts.append(f"full cost {fmt.money(pkg.total_cost)}")
    if pkg.payback_months:
        parts.append(f"pays for itself in about {fmt.number(pkg.payback_months)} months")
    return " · ".join(parts)
