"""German documents may address the manager as "du": a draft setting, a catalog of only the
messages that change, and every document addressed to the manager written in it; the app still
speaks "Sie" to its own user, and drafts written before the setting open as formal."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from upskill_ask import calendar_file, drafts, i18n, mail_text, migrations, recap, render

from .conftest import ROOT, page_texts

LOCALE = ROOT / "upskill_ask" / "locale"
INFORMAL_PO = LOCALE / "de" / "LC_MESSAGES" / "informal.po"
NURSE = ROOT / "resources" / "examples" / "nurse-educator-de.upskill"
# the formal address in German: "Sie" is also "she" and "they", so the tests count the forms
# that are only ever the address
FORMAL = re.compile(r"\b(Ihnen|Ihr|Ihre|Ihrem|Ihren|Ihrer|Ihres)\b")
INFORMAL = re.compile(r"\b(du|dir|dich|dein|deine|deinem|deinen|deiner|deines)\b")
# the words that are only ever the formal address, in each language with an informal catalog
FORMAL_ADDRESS = {"de": FORMAL, "nl": re.compile(r"\b(u|uw|U|Uw)\b"),
                  "es": re.compile(r"\b(usted|Usted|ustedes)\b")}
# the sources whose every sentence is addressed to the manager
TO_THE_MANAGER = ("templates/proposal.html.j2", "templates/outcome.html.j2", "mail_text.py",
                  "recap.py", "figure_words.py")
# the library's texts said to the manager; its "meaning" and "reframe" coach the employee
LIBRARY_TO_THE_MANAGER = re.compile(r"Objection library, [\w-]+, (question|response|evidence|"
                                    r"fallback):")


def with_library_answers(draft):
    """The draft with only the library's questions, answered in the library's words (the
    user's own words are theirs to change)."""
    draft.objections = [o.model_copy(update={"answer": ""}) for o in draft.objections
                        if not o.id.startswith("custom")]
    return draft


def nurse(*, informal: bool):
    """The Munich nurse, with the library's own answers."""
    draft = with_library_answers(drafts.load(NURSE))
    draft.manager.informal = informal
    draft.manager.address_as = "Thomas"
    return draft


def flat(text: str) -> str:
    return " ".join(text.replace("\xa0", " ").split())


@pytest.fixture(scope="module")
def proposals():
    return {informal: flat(" ".join(page_texts(render.proposal_pdf(nurse(informal=informal)))))
            for informal in (False, True)}


def test_the_proposal_says_du_to_the_manager_when_the_user_chooses_it(proposals):
    formal, informal = proposals[False], proposals[True]
    assert len(FORMAL.findall(formal)) >= 3  # the formal proposal addresses "Sie"
    assert FORMAL.findall(informal) == []
    assert len(INFORMAL.findall(informal)) >= 5
    assert INFORMAL.findall(formal) == []


def test_the_emails_and_the_managers_calendar_say_du_too():
    formal, informal = nurse(informal=False), nurse(informal=True)
    letter = mail_text.default_message(informal)
    assert letter.startswith("Hallo Thomas,")
    assert FORMAL.findall(letter) == [] and INFORMAL.findall(letter)
    assert FORMAL.findall(mail_text.default_message(formal))  # so the test can fail
    for entry in calendar_file.entries(informal, for_manager=True):
        assert FORMAL.findall(entry.summary + " " + entry.description) == [], entry
    # the employee's own calendar is the app speaking to its user: "Sie" either way
    mine = " ".join(e.description for e in calendar_file.entries(informal))
    assert mine == " ".join(e.description for e in calendar_file.entries(formal))


def test_the_outcome_report_and_the_recap_say_du():
    draft = drafts.load(ROOT / "tests" / "fixtures" / "outcome-data-analyst.upskill")
    draft.language = "de"
    texts = {}
    for informal in (False, True):
        draft.manager.informal = informal
        texts[informal] = flat(" ".join(page_texts(render.outcome_pdf(draft))))
        texts[informal] += " " + recap.message(draft)
    assert FORMAL.findall(texts[False]) and not FORMAL.findall(texts[True])
    assert INFORMAL.findall(texts[True])


def test_the_setting_does_nothing_in_a_language_without_an_informal_catalog():
    draft = nurse(informal=True)
    draft.language = "fr"
    assert "fr" not in i18n.INFORMAL and "de" in i18n.INFORMAL
    assert i18n.draft_words(draft) is i18n.words("fr")
    assert "vous" in mail_text.default_message(draft)


def test_older_drafts_open_as_formal():
    data = json.loads(NURSE.read_text(encoding="utf-8"))
    assert data["version"] == 3
    assert migrations.migrate(data)["version"] == 4
    assert drafts.load(NURSE).manager.informal is False


# --- the catalog ------------------------------------------------------------------------------


def catalog(path: Path):
    with path.open("rb") as f:
        return read_po(f)


def placeholders(text: str) -> list[str]:
    return sorted(re.findall(r"%\(\w+\)s|\{\w*\}|\$\w+", text))


@pytest.mark.parametrize("language", sorted(i18n.INFORMAL))
def test_every_informal_entry_is_current_complete_and_keeps_its_placeholders(language):
    template = catalog(LOCALE / "messages.pot")
    formal = catalog(LOCALE / language / "LC_MESSAGES" / "messages.po")
    path = LOCALE / language / "LC_MESSAGES" / "informal.po"
    informal = catalog(path)
    assert len(informal) >= 30
    address = FORMAL_ADDRESS[language]
    for message in informal:
        if not message.id:
            continue  # the header
        key = (message.id, message.context)
        assert template.get(*key) is not None, f"stale: {message.id!r}"
        assert not message.fuzzy, message.id
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        assert all(strings), f"empty: {message.id!r}"
        for text in strings:
            assert placeholders(text) == placeholders(ids[-1]), (message.id, text)
            assert not address.search(text), text
        before = formal.get(*key).string
        assert before != message.string, f"the same as the formal one: {message.id!r}"
    mo = path.with_suffix(".mo")
    assert mo.stat().st_mtime >= path.stat().st_mtime - 1, "run make translations"
    assert i18n.ADDRESS_WORDS[language]  # the wizard names the choice in the language's words


def test_every_german_message_to_the_manager_has_its_informal_form():
    formal = catalog(LOCALE / "de" / "LC_MESSAGES" / "messages.po")
    informal = catalog(INFORMAL_PO)
    missing = []
    for message in formal:
        to_the_manager = any(path.endswith(TO_THE_MANAGER) for path, _ in message.locations) \
            or LIBRARY_TO_THE_MANAGER.search(" ".join(message.auto_comments))
        if not message.id or not to_the_manager:
            continue
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        if any(FORMAL.search(text) for text in strings) \
                and informal.get(message.id, message.context) is None:
            missing.append(message.id)
    assert missing == []


# the Dutch "u" is also the hours' unit ("36 u"): the address is the one not after a figure
DUTCH_FORMAL = re.compile(r"\buw\b|(?<!\d) u\b")
OTHERS = [("nl", "accountant-python-nl", DUTCH_FORMAL, re.compile(r"\b(je|jij|jou|jouw)\b")),
          ("es", "data-analyst-sql", re.compile(r"\b(usted|Usted|Le pido|su apoyo)\b"),
           re.compile(r"\b(tú|tu|te|contigo)\b"))]


@pytest.mark.parametrize("language, example, formal, informal", OTHERS, ids=lambda v: str(v)[:8])
def test_dutch_and_spanish_documents_say_je_and_tu_when_chosen(language, example, formal,
                                                                 informal):
    draft = with_library_answers(drafts.load(ROOT / "resources" / "examples" / f"{example}.upskill"))
    draft.language = language
    draft.email.message = ""
    texts = {}
    for chosen in (False, True):
        draft.manager.informal = chosen
        texts[chosen] = flat(" ".join(page_texts(render.proposal_pdf(draft)))
                             + " " + mail_text.default_message(draft))
    assert len(formal.findall(texts[False])) >= 3 and formal.findall(texts[True]) == []
    assert len(informal.findall(texts[True])) >= 3
