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

from upskill_ask import addresses
from upskill_ask.formatting import Formatter
from upskill_ask.i18n import draft_words
from upskill_ask.mail_text import (  # noqa: F401 (the mail's API, used by recap and the UI)
    calendar_sentence,
    default_message,
    greeting,
    greeting_name,
    listed,
)
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
    _ = draft_words(draft).gettext
    skill = draft.skill.name.strip()
    if draft.timing.decision_by:
        day = Formatter.for_draft(draft).date(draft.timing.decision_by)
        text = (_("Proposal for your decision by {day}: support for learning {skill}") if skill
                else _("Proposal for your decision by {day}: support for my development"))
        return header_value(text.format(day=day, skill=skill))
    text = (_("Proposal: support for learning {skill}") if skill
            else _("Proposal: support for my development"))
    return header_value(text.format(skill=skill))


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
