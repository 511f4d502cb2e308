"""The email draft parsed back as a mail client would."""

from __future__ import annotations

import email
import email.policy

from upskill_ask import mail

from .conftest import make_draft

PDF = b"%PDF-1.7 test"


def parse(raw: bytes):
    return email.message_from_bytes(raw, policy=email.policy.default)


def test_eml_is_a_draft_to_the_manager_with_the_proposal_attached():
    msg = parse(mail.eml_bytes(make_draft(), PDF))
    assert msg["X-Unsent"] == "1"
    assert msg["To"].addresses[0].addr_spec == "graham.price@example.com"
    assert msg["To"].addresses[0].display_name == "Graham Price"
    assert msg["From"].addresses[0].addr_spec == "maya@example.com"
    assert msg["Subject"] == ("Proposal for your decision by 19 December 2026: support for "
                              "learning Data visualisation with Power BI")
    [attachment] = list(msg.iter_attachments())
    assert attachment.get_content_type() == "application/pdf"
    assert attachment.get_filename() == "Proposal-data-visualisation-training.pdf"
    assert attachment.get_content() == PDF
    body = msg.get_body(("plain",)).get_content()
    assert body.startswith("Hi Graham,")
    assert "Power BI Data Analyst course" in body and "£1,250" in body
    assert "Maya Okafor" in body


def test_user_subject_and_message_win_and_line_breaks_are_stripped():
    draft = make_draft()
    draft.email.subject = "Training  request"
    draft.email.message = "Dear Graham,\n\nPlease see attached.\n"
    msg = parse(mail.eml_bytes(draft, PDF))
    assert msg["Subject"] == "Training  request"
    body = msg.get_body(("plain",)).get_content().replace("\r\n", "\n")
    assert body == "Dear Graham,\n\nPlease see attached.\n"
    assert mail.header_value("Hello\r\nBcc: evil@example.com") == "Hello Bcc: evil@example.com"


def test_header_injection_through_names_is_impossible():
    draft = make_draft()
    # the model refuses line breaks; build the value past it to test the mail layer alone
    draft.manager = draft.manager.model_copy(
        update={"email": "graham@example.com>\r\nBcc: x@evil.example",
                "name": "Graham\r\nBcc: y@evil.example"})
    raw = mail.eml_bytes(draft, PDF)
    msg = parse(raw)
    assert msg["Bcc"] is None
    assert b"\r\nBcc:" not in raw


def test_private_section_never_reaches_the_email():
    draft = make_draft()
    raw = mail.eml_bytes(draft, PDF)
    msg = parse(raw)
    text = "\n".join(str(v) for v in msg.values()) + msg.get_body(("plain",)).get_content()
    for secret in (draft.private.walk_away, draft.private.notes, draft.private.best_alternative):
        assert secret not in text


def test_without_a_manager_address_the_draft_still_opens():
    draft = make_draft()
    draft.manager.email = ""
    msg = parse(mail.eml_bytes(draft, PDF))
    assert "Graham Price" in str(msg["To"])
    assert msg["X-Unsent"] == "1"


def _sentences(body: str) -> list[str]:
    import re

    middle = body.split("\n\n")[1]  # between the greeting and the sign-off
    return [s for s in re.split(r"(?<=[.?!])\s+", middle) if s]


def test_the_covering_note_is_three_to_five_sentences_with_the_ask_payoff_date_and_attachment():
    from decimal import Decimal

    from upskill_ask import model

    draft = make_draft()
    draft.skill.gap_cost = model.GapCost(money_per_month=Decimal("500"))
    draft.manager.address_as = "Mr Price"
    body = mail.default_message(draft)
    assert body.startswith("Hi Mr Price,\n\n")
    said = _sentences(body)
    assert 3 <= len(said) <= 5, said
    assert "support for learning Data visualisation with Power BI" in said[0]
    assert any("pay for itself in about 4.3 months" in s for s in said)
    assert any("let me know by 19 December 2026" in s for s in said)
    assert "attached PDF" in said[-1]
    plain = _sentences(mail.default_message(make_draft(options=[])))
    assert len(plain) == 3 and "attached PDF" in plain[-1]  # the ask, the date, the attachment


def test_without_a_decision_date_the_subject_still_says_what_is_asked():
    draft = make_draft()
    draft.timing.decision_by = None
    assert mail.subject(draft) == "Proposal: support for learning Data visualisation with Power BI"
