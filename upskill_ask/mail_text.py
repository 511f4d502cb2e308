"""The covering email's words, in the draft's language: the greeting, the default message and
the sentence about the attached calendar (:mod:`upskill_ask.mail` builds the message).

Every sentence is one whole msgid with named placeholders, so a translation may order it as its
language needs; the variants of the first sentence (a fee or none, hours away or none) are
whole sentences each, kept in tables marked with ``N_`` and looked up in the draft's language.
"""

from __future__ import annotations

import datetime as dt

from upskill_ask import costing, figure_words, prose
from upskill_ask.costing import ladder_totals
from upskill_ask.formatting import Formatter
from upskill_ask.i18n import N_, draft_words
from upskill_ask.model import Draft
from upskill_ask.package import package_totals


def greeting_name(draft: Draft) -> str:
    """How the user greets their manager: as they said, else by first name ("" without one)."""
    return draft.manager.address_as.strip() or (draft.manager.name.split() or [""])[0]


def greeting(draft: Draft) -> str:
    """The salutation in the document's language ('Hi Graham,'); the name is the user's."""
    _ = draft_words(draft).gettext
    name = greeting_name(draft)
    # Translators: the salutation of an email to one's manager; {name} is what the user calls
    # them ("Graham", "Mr Price", "Herr Müller"): choose the register a proposal needs.
    return _("Hi {name},").format(name=name) if name else _("Hi there,")


# Translators: the first sentence of the covering email. {skill}: what the user wants to learn;
# {option}: the title of their first choice; {cost}: an amount of money; {hours}: a number of
# work hours with its unit ("32 h").
_FIRST_CHOICE = {
    (True, "hours"): N_("Before next year's budget is set, I would like your support for "
                        "learning {skill}: my first choice, {option}, costs {cost} and takes "
                        "{hours} away from core work."),
    (False, "hours"): N_("Before next year's budget is set, I would like your support for "
                         "learning {skill}: my first choice, {option}, has no fee and takes "
                         "{hours} away from core work."),
    (True, "shifted"): N_("Before next year's budget is set, I would like your support for "
                          "learning {skill}: my first choice, {option}, costs {cost} and takes "
                          "no hours away from core work, with shifted hours."),
    (False, "shifted"): N_("Before next year's budget is set, I would like your support for "
                           "learning {skill}: my first choice, {option}, has no fee and takes "
                           "no hours away from core work, with shifted hours."),
    (True, "none"): N_("Before next year's budget is set, I would like your support for "
                       "learning {skill}: my first choice, {option}, costs {cost} and takes no "
                       "time away from core work."),
    (False, "none"): N_("Before next year's budget is set, I would like your support for "
                        "learning {skill}: my first choice, {option}, has no fee and takes no "
                        "time away from core work."),
}
# Translators: as above, when the first choice combines several options: {options} is a list
# of option titles ("A, B and C").
_PACKAGE = {
    (True, True): N_("Before next year's budget is set, I would like your support for learning "
                     "{skill}: my first choice is to combine {options}, which together cost "
                     "{cost} and take {hours} away from core work."),
    (False, True): N_("Before next year's budget is set, I would like your support for "
                      "learning {skill}: my first choice is to combine {options}, which "
                      "together have no fee and take {hours} away from core work."),
    (True, False): N_("Before next year's budget is set, I would like your support for "
                      "learning {skill}: my first choice is to combine {options}, which "
                      "together cost {cost} and take no time away from core work."),
    (False, False): N_("Before next year's budget is set, I would like your support for "
                       "learning {skill}: my first choice is to combine {options}, which "
                       "together have no fee and take no time away from core work."),
}


def listed(draft: Draft, items: list[str]) -> str:
    """'A, B and C' in the document's language."""
    if len(items) < 2:
        return "".join(items)
    # Translators: the end of a list: {items} is "A, B" and {last} is "C"
    return draft_words(draft).gettext("{items} and {last}").format(
        items=", ".join(items[:-1]), last=items[-1])


def _first_choice(draft: Draft, fmt: Formatter, totals, skill: str) -> str:
    _ = draft_words(draft).gettext
    pkg = package_totals(draft, totals)
    if pkg is not None:
        names = [o.name for o in draft.options if o.in_package]
        text = _(_PACKAGE[(bool(pkg.cash), pkg.hours_away > 0)])
        return text.format(skill=skill, options=listed(draft, names), cost=fmt.money(pkg.cash),
                           hours=fmt.hours(pkg.hours_away))
    option, rec = draft.options[0], totals.recommended
    away = ("hours" if rec.hours_away > 0 else
            "shifted" if option.schedule.shifted_hours else "none")
    # the title in apposition, never pasted after "is"
    return _(_FIRST_CHOICE[(bool(rec.cash), away)]).format(
        skill=skill, option=option.name, cost=fmt.money(rec.cash), hours=fmt.hours(rec.hours_away))


def _payback(draft: Draft, fmt: Formatter, per_month, months) -> str:
    t = draft_words(draft)
    unit, n = figure_words.payback_span(months)
    if unit == "under":
        text = t.gettext("The gap costs about {money} a month today, so it would pay for itself "
                         "in under a month.")
    elif unit == "years":
        text = t.ngettext("The gap costs about {money} a month today, so it would pay for "
                          "itself in about {n} year.",
                          "The gap costs about {money} a month today, so it would pay for "
                          "itself in about {n} years.", figure_words.plural_count(n))
    else:
        text = t.ngettext("The gap costs about {money} a month today, so it would pay for "
                          "itself in about {n} month.",
                          "The gap costs about {money} a month today, so it would pay for "
                          "itself in about {n} months.", figure_words.plural_count(n))
    return text.format(money=fmt.money(per_month), n=fmt.number(n))


def _fallbacks(draft: Draft, totals, package: bool) -> str:
    t = draft_words(draft)
    last = figure_words.title(t, draft.options[-1].name)  # one name, whatever its case
    if package:
        return t.gettext("If that is more than we can do now, the proposal ranks each option on "
                         "its own as a fallback, down to {last}.").format(last=last)
    n = len(draft.options) - 1
    # 'lighter' only when every fallback is both cheaper and shorter (costing.lighter)
    if totals.fallbacks_lighter:
        text = t.ngettext("If that is more than we can do now, the proposal also lists {n} "
                          "lighter alternative, down to {last}.",
                          "If that is more than we can do now, the proposal also lists {n} "
                          "lighter alternatives, down to {last}.", n)
    else:
        text = t.ngettext("If that is more than we can do now, the proposal also lists {n} "
                          "other alternative, down to {last}.",
                          "If that is more than we can do now, the proposal also lists {n} "
                          "other alternatives, down to {last}.", n)
    return text.format(n=n, last=last)


def _when(draft: Draft, fmt: Formatter) -> str:
    _ = draft_words(draft).gettext
    meet, decide = draft.timing.meeting_date, draft.timing.decision_by
    if meet and decide:
        return _("Could we go through it when we meet on {meeting}, and could you let me know "
                 "by {decision}?").format(meeting=fmt.date(meet), decision=fmt.date(decide))
    if decide:
        return _("Could you let me know by {decision}?").format(decision=fmt.date(decide))
    if meet:
        return _("Could we go through it when we meet on {meeting}?").format(
            meeting=fmt.date(meet))
    return _("Could we find 30 minutes to go through it?")


def default_message(draft: Draft, *, calendar: bool = False) -> str:
    """A covering note of three to five sentences written from the public draft: the ask, the
    payoff (when the user gave what the gap costs), the decision date and the attachment (and,
    with ``calendar``, the calendar file attached too), in the draft's language. The user can
    replace it."""
    _ = draft_words(draft).gettext
    totals = ladder_totals(draft)
    fmt = Formatter.for_draft(draft, totals)
    # Translators: stands for {skill} when the user named none
    skill = prose.phrase(draft.skill.name) or _("a skill I want to build")
    sentences = []
    if totals.recommended and draft.options:
        sentences.append(_first_choice(draft, fmt, totals, skill))
        pkg = package_totals(draft, totals)
        back = costing.payback(draft, totals)
        months = back.for_rank(1) if back is not None else None
        if pkg is not None:
            months = pkg.payback_months
        if back is not None and months:
            sentences.append(_payback(draft, fmt, back.per_month, months))
        if pkg is not None or len(draft.options) > 1:
            sentences.append(_fallbacks(draft, totals, pkg is not None))
    else:
        sentences.append(_("Before next year's budget is set, I would like your support for "
                           "learning {skill}.").format(skill=skill))
    sentences.append(_when(draft, fmt))
    sentences.append(_("The attached PDF sets out the options side by side, what I will deliver "
                       "and how you will see the results."))
    if calendar:
        sentences.append(calendar_sentence(draft))
    body = "\n\n".join([greeting(draft), " ".join(sentences),
                        _("Thank you,") + "\n" + (draft.person.name or "")])
    return body.rstrip() + "\n"


def calendar_sentence(draft: Draft, since: dt.date | None = None) -> str:
    """What the attached calendar file holds, said to the manager."""
    from upskill_ask.calendar_file import entries

    _ = draft_words(draft).gettext
    keys = {e.key.split("-")[1] for e in entries(draft, for_manager=True, since=since)}
    held = [_(what) for key, what in (("meeting", N_("our meeting")),
                                      ("decision", N_("the decision date")),
                                      ("check", N_("the check-in dates")),
                                      ("measure", N_("the dates of the success measures")))
            if key in keys]
    # Translators: {things} is a list such as "our meeting, the decision date and the check-in
    # dates"
    return _("The attached calendar file adds {things} to your calendar.").format(
        things=listed(draft, held) or _("the dates"))
