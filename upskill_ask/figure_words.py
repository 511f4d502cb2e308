"""The words the library's answers put around the user's figures, in the document's language.

:mod:`upskill_ask.objections` fills the library's ``$placeholders`` with the draft's figures;
the figures themselves (money, hours, dates) are localised by the Formatter, and this module
writes the words around them: the stand-ins for a figure the draft does not give, the ask
("€1,200 and 40 h of work time"), the payback time ("about 3 months") and an option's name in
quotation marks. Each takes the document's gettext functions (``i18n.words(draft.language)``).
"""

from __future__ import annotations

from decimal import Decimal
from gettext import NullTranslations

from upskill_ask import retention
from upskill_ask.formatting import Formatter


def stand_ins(t: NullTranslations) -> dict[str, str]:
    """A stand-in for every placeholder, printed only where the sentence holds without the
    figure (the library prints one outside a [...] choice; the rehearsal's opener uses some)."""
    pgettext = t.pgettext  # the name Babel extracts; the context tells translators what it is
    # Translators: stand-ins for a figure the user did not give in their draft, printed
    # where an answer or a rehearsal line names the figure ("I would like to learn this skill,
    # to use it on our current work").
    return {
        "name": pgettext("figure not given: the employee", "I"),
        "manager": pgettext("figure not given: the manager", "you"),
        "team": pgettext("figure not given", "the team"),
        "skill": pgettext("figure not given", "this skill"),
        "project": pgettext("figure not given", "our current work"),
        "company_goal": pgettext("figure not given", "the team's goals"),
        "option": pgettext("figure not given", "the first option"),
        "cash": pgettext("figure not given", "the fee"),
        "ask": pgettext("figure not given", "the time and money asked for"),
        "hours_total": pgettext("figure not given", "the hours"),
        "hours_away": pgettext("figure not given", "some work time"),
        "hours_per_week": pgettext("figure not given", "a few hours"),
        "months": pgettext("figure not given", "a few months"),
        "own_hours": pgettext("figure not given", "some of the hours"),
        "cash_per_month": pgettext("figure not given", "a share of the fee each month"),
        "cheapest_option": pgettext("figure not given", "the cheapest option"),
        "cheapest_cash": pgettext("figure not given", "less"),
        "fallback_option": pgettext("figure not given", "the last option"),
        "deliverable": pgettext("figure not given", "a result for the team"),
        "coverage": pgettext("figure not given", "my core duties stay covered"),
        "sharing": pgettext("figure not given", "a short session for the team"),
        "measure": pgettext("figure not given", "a result we can both see"),
        "first_check_in": pgettext("figure not given", "a date we agree"),
        # Translators: stands in for a number of minutes ("just a few minutes of practice").
        "minutes_per_day": pgettext("figure not given", "a few"),
        "budget_date": pgettext("figure not given", "the date the budget is set"),
        "gap_per_month": pgettext("figure not given", "what the gap costs"),
        "payback_months": pgettext("figure not given", "a few months"),
        "waiting_cost": pgettext("figure not given", "a year of the gap"),
        "approval_limit": pgettext("figure not given", "your limit"),
        "within_limit": pgettext("figure not given", "your limit"),
        "above_limit": pgettext("figure not given", "your limit"),
        "cheapest_within": pgettext("figure not given", "the cheapest option"),
        "replacement": t.gettext(retention.SHARE_WORDS),
        "replacement_cost": pgettext("figure not given", "a share of a year's salary"),
        "replacement_exceeds": pgettext("figure not given", "the request"),
    }


def ask(t: NullTranslations, cash: str | None, hours_away: str | None) -> str | None:
    """What the request asks for: the fee and the work time, as given (None: neither)."""
    if cash and hours_away:
        # Translators: $ask in the library's answers ("it asks for €1,200 and 40 h of work
        # time"); {cash} is an amount of money, {hours} a number of hours.
        return t.gettext("{cash} and {hours} of work time").format(cash=cash, hours=hours_away)
    if hours_away:
        # Translators: $ask in the library's answers when there is no fee; {hours} is a number
        # of hours ("it asks for 40 h of work time").
        return t.gettext("{hours} of work time").format(hours=hours_away)
    return cash or None


def payback_span(months: Decimal) -> tuple[str, Decimal]:
    """How a payback of ``months`` is counted: ("under", 0) under a month; ("years", whole
    years) from three years; else ("months", months), a fraction only under a year. So a
    small gap against a large cost never reads "about 963.4 months"."""
    if months < 1:
        return "under", Decimal(0)
    if months >= 36:
        return "years", (months / 12).to_integral_value()
    return "months", months.to_integral_value() if months >= 12 else months


def plural_count(number: Decimal) -> int:
    """The integer gettext chooses a plural form by: a whole number as it is, a fraction as
    several ("2.5 months")."""
    return int(number) if number == number.to_integral_value() else 10


def payback(t: NullTranslations, fmt: Formatter, months: Decimal) -> str:
    """How long the request takes to pay for itself ("about 3 months", "under a month", "about
    15 years"), counted as :func:`payback_span` says."""
    unit, n = payback_span(months)
    if unit == "under":
        # Translators: $payback_months, completing "so it pays for itself in …".
        return t.pgettext("pays for itself in", "under a month")
    if unit == "years":
        # Translators: completing "so it pays for itself in …", for three years and more;
        # {n} is a whole number of years.
        return t.npgettext("pays for itself in", "about {n} year", "about {n} years",
                           plural_count(n)).format(n=fmt.number(n))
    # Translators: $payback_months, completing "so it pays for itself in …"; {n} is a
    # number, perhaps with a decimal ("about 2.5 months").
    return t.npgettext("pays for itself in", "about {n} month", "about {n} months",
                       plural_count(n)).format(n=fmt.number(n))


def title(t: NullTranslations, name: str) -> str:
    """An option's name inside an answer: quoted, so a title with commas of its own reads as
    one name ('My first choice, “Course, with the exam”, costs …')."""
    # Translators: an option's name quoted inside a sentence; use your language's quotation
    # marks („…“, « … », “…”).
    return t.pgettext("option name in quotes", "“{name}”").format(name=name)
