"""Every example in every document language: the documents speak the language (no English left
where the user typed none) and lay out cleanly (German and Dutch words are long)."""

from __future__ import annotations

import email
import email.policy
import re

import pytest

from upskill_ask import drafts, i18n, mail, render

from .conftest import EXAMPLES, page_texts
from .test_layout import check_documents

LANGUAGES = [code for code in i18n.LANGUAGES if code != i18n.SOURCE]
# the words the contract check counts as English (docs-languages)
ENGLISH = {"the", "and", "with", "for", "your", "this", "that", "of", "to", "my", "is", "are",
           "what", "how", "who", "when", "you", "from", "by", "have", "if", "it", "we"}
# drafts whose own text is in a language other than English: rendered in any other language,
# every English word would be ours
FOREIGN = [p for p in EXAMPLES if drafts.load(p).language != "en"]


def english_share(text: str) -> tuple[float, list[str]]:
    tokens = re.findall(r"[A-Za-zÀ-ÿ']+", text.lower())
    hits = [t for t in tokens if t in ENGLISH]
    return len(hits) / max(1, len(tokens)), hits[:12]


def in_language(path, code):
    draft = drafts.load(path)
    draft.language = code
    draft.email.message = ""  # the covering note written by the app, in the language
    draft.email.subject = ""
    return draft


@pytest.mark.parametrize("code", LANGUAGES)
@pytest.mark.parametrize("path", FOREIGN, ids=lambda p: p.stem)
def test_the_documents_leave_no_english_where_the_user_typed_none(path, code):
    draft = in_language(path, code)
    proposal = " ".join(page_texts(render.proposal_pdf(draft)))
    prep = " ".join(page_texts(render.prep_pdf(draft)))
    message = email.message_from_bytes(mail.eml_bytes(draft, b"%PDF-1.7\n"),
                                       policy=email.policy.default)
    note = message["Subject"] + " " + message.get_body(("plain",)).get_content()
    for what, text in (("proposal", proposal), ("prep sheet", prep), ("email", note)):
        share, hits = english_share(text)
        assert share < 0.01, f"{what} in {code}: {share:.1%} English words, e.g. {hits}"


@pytest.mark.slow
@pytest.mark.parametrize("code", LANGUAGES)
@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_every_example_lays_out_cleanly_in_every_language(path, code):
    assert check_documents(in_language(path, code), exported=False) == []
