"""The email draft: a standards-valid .eml to the manager with the proposal PDF attached.

Built with the standard library's ``email`` package. ``X-Unsent: 1`` makes mail clients (Outlook,
Thunderbird with an add-on, Apple Mail) open it as a draft ready to send. Header values are
stripped of line breaks; addresses go in only when ``upskill_ask.addresses`` finds them usable
(a draft from an older file may hold anything), built with ``email.headerregistry.Address`` so
that names in any script become encoded words. Nothing under ``private`` is read here.
With ``calendar=True`` the dates go along as a second attachment, a calendar file worded for
the manager (``calendar_file``), which the default message mentions. The recap email sent after
the meeting is :mod:`upskill_ask.recap`, built from the same pieces.
"""

from __future__ import annotations

import datetime as dt
import re
from email.headerregistry import Address, Group
from email.message import EmailMessage
from email.policy import SMTP
from email.utils import format_datetime, make_msgid

from upskill_ask import addresses, costing, prose
from upskill_ask.costing import ladder_totals
from upskill_ask.formatting import Formatter
from upskill_ask.model import Draft
from upskill_ask.package import package_totals
from upskill_ask.views import public_copy


def header_value(text: str) -> str:
    """One line, no CR/LF or other control characters (a stray newline breaks the message)."""
    return re.sub(r"[\x00-\x1f\x7f]+", " ", text or "").strip()


def mailbox(name: str, email: str) -> Address | None:
    """The named address for a header, or None when the address is empty or malformed."""
    found = addresses.parts(header_value(email))
    if found is None:
        return None
    return Address(display_name=header_value(name), username=found[0], domain=found[1])


def recipient(name: str, email: str) -> Address | Group:
    """To: the manager's address, or without a usable one an empty group with their name
    ('Graham Price:;'), which mail clients show and let the user complete."""
    return mailbox(name, email) or Group(display_name=header_value(name) or "Manager")


def subject(draft: Draft) -> str:
    """The user's subject, or one that says what is asked and by when."""
    if draft.email.subject:
        return header_value(draft.email.subject)
    skill = draft.skill.name or "my development"
    if draft.timing.decision_by:
        day = Formatter.for_draft(draft).date(draft.timing.decision_by)
        return header_value(f"Proposal for your decision by {day}: support for learning {skill}")
    return header_value(f"Proposal: support for learning {skill}")


def greeting_name(draft: Draft) -> str:
    """How the user greets their manager: as they said, else by first name."""
    return draft.manager.address_as.strip() or (draft.manager.name.split() or ["there"])[0]


def default_message(draft: Draft, *, calendar: bool = False) -> str:
    """A covering note of three to five sentences written from the public draft: the ask, the
    payoff (when the user gave what the gap costs), the decision date and the attachment (and,
    with ``calendar``, the calendar file attached too). The user can replace it."""
    totals = ladder_totals(draft)
    fmt = Formatter.for_draft(draft, totals)
    skill = prose.phrase(draft.skill.name) or "a skill I want to build"
    ask = f"Before next year's budget is set, I would like your support for learning {skill}"
    sentences = []
    if totals.recommended and draft.options:
        option = draft.options[0]
        rec = totals.recommended
        cost = f"costs {fmt.money(rec.cash)}" if rec.cash else "has no fee"
        if rec.hours_away > 0:
            away = f"{fmt.hours(rec.hours_away)} away from core work"
        elif option.schedule.shifted_hours:
            away = "no hours away from core work, with shifted hours"
        else:
            away = "no time away from core work"
        pkg = package_totals(draft, totals)
        if pkg is not None:
            names = [o.name for o in draft.options if o.in_package]
            cost = f"cost {fmt.money(pkg.cash)}" if pkg.cash else "have no fee"
            away = (f"take {fmt.hours(pkg.hours_away)} away from core work"
                    if pkg.hours_away > 0 else "take no time away from core work")
            sentences.append(f"{ask}: my first choice is to combine {', '.join(names[:-1])} "
                             f"and {names[-1]}, which together {cost} and {away}.")
        else:
            # the title in apposition, never pasted after "is"
            sentences.append(f"{ask}: my first choice, {option.name}, {cost} and takes {away}.")
        back = costing.payback(draft, totals)
        months = back.for_rank(1) if back is not None else None
        if pkg is not None:
            months = pkg.payback_months
        if back is not None and months:
            within = ("under a month" if months < 1 else
                      f"about {fmt.number(months)} month{'' if months == 1 else 's'}")
            sentences.append(f"The gap costs about {fmt.money(back.per_month)} a month today, so "
                             f"it would pay for itself in {within}.")
        if pkg is not None:
            sentences.append("If that is more than we can do now, the proposal ranks each "
                             f"option on its own as a fallback, down to {draft.options[-1].name}.")
        elif len(draft.options) > 1:
            # 'lighter' only when every fallback is both cheaper and shorter (costing.lighter)
            which = "lighter" if totals.fallbacks_lighter else "other"
            n = len(draft.options) - 1
            sentences.append(f"If that is more than we can do now, the proposal also lists {n} "
                             f"{which} alternative{'s' if n > 1 else ''}, down to "
                             f"{draft.options[-1].name}.")
    else:
        sentences.append(f"{ask}.")
    meet, decide = draft.timing.meeting_date, draft.timing.decision_by
    if meet and decide:
        sentences.append(f"Could we go through it when we meet on {fmt.date(meet)}, and could "
                         f"you let me know by {fmt.date(decide)}?")
    elif decide:
        sentences.append(f"Could you let me know by {fmt.date(decide)}?")
    elif meet:
        sentences.append(f"Could we go through it when we meet on {fmt.date(meet)}?")
    else:
        sentences.append("Could we find 30 minutes to go through it?")
    sentences.append("The attached PDF sets out the options side by side, what I will deliver "
                     "and how you will see the results.")
    if calendar:
        sentences.append(calendar_sentence(draft))
    body = "\n\n".join([f"Hi {greeting_name(draft)},", " ".join(sentences),
                         "Thank you,\n" + (draft.person.name or "")])
    return body.rstrip() + "\n"


def calendar_sentence(draft: Draft, since: dt.date | None = None) -> str:
    """What the attached calendar file holds, said to the manager."""
    from upskill_ask.calendar_file import entries

    keys = {e.key.split("-")[1] for e in entries(draft, for_manager=True, since=since)}
    held = [what for key, what in (("meeting", "our meeting"), ("decision", "the decision date"),
                                   ("check", "the check-in dates"),
                                   ("measure", "the dates of the success measures"))
            if key in keys]
    listed = ", ".join(held[:-1]) + " and " + held[-1] if len(held) > 1 else "".join(held)
    return f"The attached calendar file adds {listed or 'the dates'} to your calendar."


def attach_calendar(msg: EmailMessage, draft: Draft, ics: bytes) -> None:
    from upskill_ask import filenames

    msg.add_attachment(ics, maintype="text", subtype="calendar", params={"method": "PUBLISH"},
                       filename=f"Calendar-{filenames.for_draft(draft)}.ics")


def attachment_name(draft: Draft) -> str:
    from upskill_ask import filenames

    return f"{filenames.for_draft(draft)}.pdf"


def build_message(draft: Draft, proposal_pdf: bytes, *, now: dt.datetime | None = None,
                  calendar: bool = False) -> EmailMessage:
    """The covering email; ``calendar``: with the manager's calendar file as a second
    attachment, which the default message mentions."""
    draft = public_copy(draft)
    msg = EmailMessage()
    msg["To"] = recipient(draft.manager.name, draft.manager.email)
    sender = mailbox(draft.person.name, draft.person.email)
    if sender is not None:  # without a usable address the mail client fills in its own
        msg["From"] = sender
    msg["Subject"] = subject(draft)
    msg["Date"] = format_datetime(now or dt.datetime.now(dt.UTC).astimezone())
    msg["Message-ID"] = make_msgid(domain="upskill-ask.invalid")
    msg["X-Unsent"] = "1"
    msg["X-Mailer"] = "upskill-ask"
    body = draft.email.message or default_message(draft, calendar=calendar)
    msg.set_content(body.replace("\r\n", "\n") + ("" if body.endswith("\n") else "\n"))
    msg.add_attachment(proposal_pdf, maintype="application", subtype="pdf",
                       filename=attachment_name(draft))
    if calendar:
        from upskill_ask.calendar_file import calendar_bytes

        attach_calendar(msg, draft, calendar_bytes(draft, now=now, for_manager=True))
    return msg


def eml_bytes(draft: Draft, proposal_pdf: bytes, *, now: dt.datetime | None = None,
              calendar: bool = False) -> bytes:
    """The message as bytes with CRLF line ends, as .eml files are usually stored."""
    return build_message(draft, proposal_pdf, now=now, calendar=calendar).as_bytes(policy=SMTP)
