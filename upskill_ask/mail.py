"""The email draft: a standards-valid .eml to the manager with the proposal PDF attached.

Built with the standard library's ``email`` package. ``X-Unsent: 1`` makes mail clients (Outlook,
Thunderbird with an add-on, Apple Mail) open it as a draft ready to send. Header values are
stripped of line breaks; addresses go in only when ``upskill_ask.addresses`` finds them usable
(a draft from an older file may hold anything), built with ``email.headerregistry.Address`` so
that names in any script become encoded words. Nothing under ``private`` is read here.
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


def default_message(draft: Draft) -> str:
    """A covering note of three to five sentences written from the public draft: the ask, the
    payoff (when the user gave what the gap costs), the decision date and the attachment. The
    user can replace it."""
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
        # the title in apposition, never pasted after "is"
        sentences.append(f"{ask}: my first choice, {option.name}, {cost} and takes {away}.")
        back = costing.payback(draft, totals)
        months = back.for_rank(1) if back is not None else None
        if back is not None and months:
            within = ("under a month" if months < 1 else
                      f"about {fmt.number(months)} month{'' if months == 1 else 's'}")
            sentences.append(f"The gap costs about {fmt.money(back.per_month)} a month today, so "
                             f"it would pay for itself in {within}.")
        if len(draft.options) > 1:
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
    body = "\n\n".join([f"Hi {greeting_name(draft)},", " ".join(sentences),
                         "Thank you,\n" + (draft.person.name or "")])
    return body.rstrip() + "\n"


def attachment_name(draft: Draft) -> str:
    from upskill_ask import filenames

    return f"{filenames.for_draft(draft)}.pdf"


def build_message(draft: Draft, proposal_pdf: bytes, *, now: dt.datetime | None = None) -> EmailMessage:
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
    body = draft.email.message or default_message(draft)
    msg.set_content(body.replace("\r\n", "\n") + ("" if body.endswith("\n") else "\n"))
    msg.add_attachment(proposal_pdf, maintype="application", subtype="pdf",
                       filename=attachment_name(draft))
    return msg


def eml_bytes(draft: Draft, proposal_pdf: bytes, *, now: dt.datetime | None = None) -> bytes:
    """The message as bytes with CRLF line ends, as .eml files are usually stored."""
    return build_message(draft, proposal_pdf, now=now).as_bytes(policy=SMTP)
