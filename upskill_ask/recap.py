"""The recap email after the meeting: a short thank-you to the manager that says what was agreed
and the next dates, as a ready-to-send ``.eml`` draft.

Built from the public draft with the same machinery as the covering email (:mod:`upskill_ask.mail`:
``email.message``, ``headerregistry`` addresses, ``X-Unsent: 1``). What was agreed comes from
the recorded outcome (:mod:`upskill_ask.outcome`); before one is recorded, the recap proposes
the first choice with its figures and says plainly, in its first line, that it is a draft to
adjust. Written in the draft's language (whole sentences as msgids). Nothing under
``private`` is read here.
"""

from __future__ import annotations

import datetime as dt
from email.message import EmailMessage
from email.policy import SMTP
from email.utils import format_datetime, make_msgid

from upskill_ask import costing
from upskill_ask.calendar_file import entries
from upskill_ask.formatting import Formatter
from upskill_ask.i18n import N_, draft_words
from upskill_ask.mail import (
    attach_calendar,
    calendar_sentence,
    greeting,
    header_value,
    mailbox,
    recipient,
)
from upskill_ask.model import Draft
from upskill_ask.views import public_copy

ADJUST = N_("[Draft: check that this says what was agreed, and change it if not, before sending.]")


def next_from(draft: Draft, today: dt.date) -> dt.date:
    """The first day that counts as 'next': after the meeting, and not before today."""
    meeting = draft.timing.meeting_date
    return max(today, meeting + dt.timedelta(days=1)) if meeting else today


def subject(draft: Draft) -> str:
    _ = draft_words(draft).gettext
    # Translators: stands for {skill} in the recap's subject when the user named no skill
    skill = draft.skill.name or _("my development proposal")
    if draft.outcome.decision in ("declined", "deferred"):
        return header_value(_("Thank you for considering my proposal: {skill}").format(skill=skill))
    return header_value(_("Thank you, and what we agreed: {skill}").format(skill=skill))


def _option_figures(draft: Draft, fmt: Formatter, rank: int) -> str:
    """'option 1, "Title": £1,450 in fees and 32 h of work time'."""
    _ = draft_words(draft).gettext
    option = draft.options[rank - 1]
    t = costing.ladder_totals(draft).options[rank - 1]
    cash = _("{money} in fees").format(money=fmt.money(t.cash)) if t.cash > 0 else _("no fees")
    if t.hours_away > 0:
        away = _("{hours} of work time").format(hours=fmt.hours(t.hours_away))
    elif option.schedule.shifted_hours:
        away = _("shifted hours instead of time away")
    else:
        away = _("no time away from work")
    # Translators: an option with its figures, inside a sentence ("we agreed on my first
    # choice, {figures}"): {cash} is "£1,450 in fees" or "no fees", {away} "32 h of work time"
    return _("option {rank}, “{name}”: {cash} and {away}").format(
        rank=rank, name=option.name, cash=cash, away=away)


def _agreed(draft: Draft, fmt: Formatter) -> list[str]:
    """The sentences that say what was agreed (or, before an outcome, what is proposed)."""
    _ = draft_words(draft).gettext
    oc = draft.outcome
    rung = oc.agreed_rung(len(draft.options))
    if not oc.recorded:
        if not draft.options:
            return [_("As I understood it, we agreed that I go ahead.")]
        return [_("As I understood it, we agreed on my first choice, {figures}.").format(
            figures=_option_figures(draft, fmt, 1))]
    if oc.decision == "declined":
        return [_("I understand that the answer is no for now, and I appreciate the time you "
                  "gave it.")]
    if oc.decision == "deferred":
        return [_("As agreed, we will come back to it later.")]
    figures = _option_figures(draft, fmt, rung) if rung else ""
    if rung and oc.budget_line:
        said = _("As agreed, I will go ahead with {figures}, paid from {budget_line}.")
    elif rung:
        said = _("As agreed, I will go ahead with {figures}.")
    elif oc.budget_line:
        said = _("As agreed, I will go ahead, paid from {budget_line}.")
    else:
        said = _("As agreed, I will go ahead.")
    sentences = [said.format(figures=figures, budget_line=oc.budget_line)]
    if oc.conditions:
        sentences.append(_("The condition we agreed: {conditions}.").format(
            conditions=oc.conditions.rstrip(".")))
    return sentences


def _dates(draft: Draft, fmt: Formatter, today: dt.date) -> list[str]:
    """The next dates of the plan (check-ins and measures), one line each."""
    if draft.outcome.decision in ("declined", "deferred"):
        return []
    _ = draft_words(draft).gettext
    days: dict[dt.date, list[str]] = {}
    for entry in entries(draft, since=next_from(draft, today)):
        if entry.key.startswith("check-in"):
            review = draft.plan.check_ins[int(entry.key.split("-")[2]) - 1].review.strip()
            days.setdefault(entry.day, []).append(
                _("check-in with you: {review}").format(review=review.rstrip("."))
                if review else _("check-in with you"))
        elif entry.key.startswith("measure"):
            what = draft.plan.measures[int(entry.key.split("-")[1]) - 1].what.strip()
            days.setdefault(entry.day, []).append(what or _("a success measure"))
    return [f"- {fmt.date(day)}: {'; '.join(things)}" for day, things in days.items()]


def _thanks(draft: Draft, fmt: Formatter, today: dt.date) -> str:
    _ = draft_words(draft).gettext
    skill = draft.skill.name
    meeting = draft.timing.meeting_date
    if meeting and meeting < today + dt.timedelta(days=1):
        text = (_("Thank you for taking the time on {date} to talk through my proposal for "
                  "{skill}.") if skill else
                _("Thank you for taking the time on {date} to talk through my proposal."))
        return text.format(date=fmt.date(meeting), skill=skill)
    return (_("Thank you for taking the time to talk through my proposal for {skill}.").format(
        skill=skill) if skill else _("Thank you for taking the time to talk through my proposal."))


def message(draft: Draft, *, today: dt.date | None = None, calendar: bool = False) -> str:
    """The recap's text: thanks, what was agreed, any follow-up, the next dates."""
    _ = draft_words(draft).gettext
    today = today or dt.date.today()
    fmt = Formatter.for_draft(draft, costing.ladder_totals(draft))  # the proposal's money style
    parts = [greeting(draft), " ".join([_thanks(draft, fmt, today), *_agreed(draft, fmt)])]
    if not draft.outcome.recorded:
        parts.insert(0, _(ADJUST))
    if draft.outcome.follow_up:
        parts.append(_("What you asked me to follow up:") + "\n" + draft.outcome.follow_up)
    dates = _dates(draft, fmt, today)
    if dates:
        parts.append(_("The next dates:") + "\n" + "\n".join(dates))
    if calendar and entries(draft, for_manager=True, since=next_from(draft, today)):
        parts.append(calendar_sentence(draft, since=next_from(draft, today)))
    parts.append(_("Thank you again,") + "\n" + (draft.person.name or ""))
    return "\n\n".join(parts).rstrip() + "\n"


def build(draft: Draft, *, now: dt.datetime | None = None, today: dt.date | None = None,
          calendar: bool = False) -> EmailMessage:
    """The recap email; ``calendar``: with the next dates as a calendar file for the manager."""
    draft = public_copy(draft)
    now = now or dt.datetime.now(dt.UTC).astimezone()
    today = today or now.date()
    msg = EmailMessage()
    msg["To"] = recipient(draft.manager.name, draft.manager.email)
    sender = mailbox(draft.person.name, draft.person.email)
    if sender is not None:
        msg["From"] = sender
    msg["Subject"] = subject(draft)
    msg["Date"] = format_datetime(now)
    msg["Message-ID"] = make_msgid(domain="upskill-ask.invalid")
    msg["X-Unsent"] = "1"
    msg["X-Mailer"] = "upskill-ask"
    since = next_from(draft, today)
    calendar = calendar and bool(entries(draft, for_manager=True, since=since))
    msg.set_content(message(draft, today=today, calendar=calendar))
    if calendar:
        from upskill_ask.calendar_file import calendar_bytes

        attach_calendar(msg, draft, calendar_bytes(draft, now=now, for_manager=True, since=since))
    return msg


def eml_bytes(draft: Draft, *, now: dt.datetime | None = None, today: dt.date | None = None,
              calendar: bool = False) -> bytes:
    """The recap as bytes with CRLF line ends, as .eml files are usually stored."""
    return build(draft, now=now, today=today, calendar=calendar).as_bytes(policy=SMTP)
