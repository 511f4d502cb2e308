"""The rehearsal's core: the round, the results in the private part, the prep sheet's tags, and
nothing of it in what the manager gets."""

from __future__ import annotations

import datetime as dt
import email
import email.policy
import json
import random

import pytest

from upskill_ask import calendar_file, drafts, mail, model, objections, rehearsal, render

from .conftest import EXAMPLES, make_draft, page_texts

TODAY = dt.date(2026, 12, 1)


def with_results(draft: model.Draft, results: dict[str, dict]) -> model.Draft:
    data = draft.model_dump(mode="json")
    data["private"]["rehearsal"] = results
    return drafts.from_data(data)


def test_a_round_opens_with_the_opening_line_then_every_chosen_question_once_and_one_surprise():
    draft = make_draft()
    for seed in range(20):
        cards = rehearsal.build_round(draft, random.Random(seed))
        assert cards[0].kind == "opening" and cards[0].id == rehearsal.OPENING_ID
        assert cards[0].answer == draft.private.opening_lines
        chosen = [c.id for c in cards if c.kind == "chosen"]
        assert sorted(chosen) == sorted(o.id for o in draft.objections)
        surprises = [c for c in cards if c.kind == "surprise"]
        assert len(surprises) == 1
        assert surprises[0].id in objections.library()
        assert surprises[0].id not in {o.id for o in draft.objections}
        assert len(cards) == 2 + len(draft.objections)


def test_the_order_is_random_but_a_seed_repeats_it():
    draft = make_draft(objections=[model.Objection(id=qid) for qid in list(objections.library())[:6]])
    orders = {tuple(c.id for c in rehearsal.build_round(draft, random.Random(seed)))
              for seed in range(10)}
    assert len(orders) > 5
    first = [c.id for c in rehearsal.build_round(draft, random.Random(7))]
    assert first == [c.id for c in rehearsal.build_round(draft, random.Random(7))]


def test_the_prepared_answers_are_the_users_or_the_librarys_filled_with_their_figures():
    draft = make_draft()
    cards = {c.id: c for c in rehearsal.build_round(draft, random.Random(1))}
    assert cards["custom-1"].answer == "Yes: I will publish the dashboard to the workspace."
    assert cards["no-budget"].fallback == "Split the fee over two quarters."
    assert "£1,250" in cards["no-budget"].answer  # the library's answer, with the draft's fee
    surprise = next(c for c in cards.values() if c.kind == "surprise")
    entry = objections.library()[surprise.id]
    assert surprise.meaning == entry.meaning and surprise.answer and surprise.fallback
    assert "$" not in surprise.answer + surprise.evidence + surprise.fallback


def test_without_an_opening_line_the_manager_asks_for_the_ask():
    draft = make_draft()
    draft = draft.model_copy(update={"private": draft.private.model_copy(
        update={"opening_lines": ""})})
    opener = rehearsal.build_round(draft, random.Random(0))[0]
    assert opener.prompt == "Thanks for coming, Maya. What did you want to talk about?"
    assert "Power BI Data Analyst course" in opener.answer and "£1,250" in opener.answer
    assert "19 December 2026" in opener.answer


def test_weak_ones_come_first_and_a_weak_round_asks_only_them():
    qids = list(objections.library())[:5]
    draft = make_draft(objections=[model.Objection(id=q) for q in qids])
    got = {"attempts": 1, "last_mark": "got_it", "seconds": 20, "last_date": "2026-11-30"}
    results = {rehearsal.OPENING_ID: got, qids[0]: got, qids[1]: got,
               qids[2]: {**got, "last_mark": "needs_work"}}  # qids[3], qids[4]: never tried
    draft = with_results(draft, results)
    weak = {qids[2], qids[3], qids[4]}
    for seed in range(10):
        cards = [c for c in rehearsal.build_round(draft, random.Random(seed))
                 if c.kind != "surprise"]
        assert cards[0].kind == "opening"
        assert cards[1].id == qids[2]  # marked "needs work": before the ones never tried
        assert {c.id for c in cards[1:4]} == weak
        again = rehearsal.build_round(draft, random.Random(seed), weak_only=True)
        assert {c.id for c in again} == weak  # no opener (got it), no new surprise


def test_a_surprise_that_went_badly_comes_back_and_a_new_one_is_fresh():
    draft = make_draft()
    unpicked = [q for q in objections.library() if q not in {"no-budget"}]
    results = {unpicked[0]: {"attempts": 1, "last_mark": "needs_work", "seconds": 80,
                             "last_date": "2026-11-30"},
               unpicked[1]: {"attempts": 1, "last_mark": "got_it", "seconds": 30,
                             "last_date": "2026-11-30"}}
    draft = with_results(draft, results)
    for seed in range(10):
        cards = rehearsal.build_round(draft, random.Random(seed))
        surprises = [c.id for c in cards if c.kind == "surprise"]
        assert unpicked[0] in surprises and unpicked[1] not in surprises
        assert len(surprises) == 2 and len(set(surprises)) == 2


def test_record_counts_attempts_and_keeps_the_last_mark_and_time():
    first = rehearsal.record(None, rehearsal.NEEDS_WORK, 41.6, TODAY)
    assert first == {"attempts": 1, "last_mark": "needs_work", "seconds": 42,
                     "last_date": "2026-12-01"}
    second = rehearsal.record(first, rehearsal.GOT_IT, 30, TODAY)
    assert second["attempts"] == 2 and second["last_mark"] == "got_it"
    with pytest.raises(ValueError):
        rehearsal.record(None, "maybe", 1)
    assert rehearsal.clock(0) == "0:00" and rehearsal.clock(102.9) == "1:42"


def test_results_are_an_optional_private_field_that_old_drafts_and_examples_lack():
    for path in EXAMPLES:
        assert drafts.load(path).private.rehearsal == {}
    draft = with_results(make_draft(), {"no-budget": {"attempts": 3, "last_mark": "got_it",
                                                      "seconds": 25, "last_date": "2026-12-01"}})
    assert draft.private.rehearsal["no-budget"].attempts == 3
    bad = make_draft().model_dump(mode="json")
    bad["private"]["rehearsal"] = {"no-budget": {"attempts": 1, "last_mark": "perfect"}}
    with pytest.raises(drafts.DraftError) as caught:
        drafts.from_data(bad)
    assert any(path.startswith("private.rehearsal.no-budget.last_mark")
               for path, _ in caught.value.problems)
    assert "rehearsal" in json.dumps(model.Draft.model_json_schema())


@pytest.mark.slow
def test_the_prep_sheet_tags_the_cards_that_need_work_and_shows_the_attempts():
    draft = with_results(make_draft(), {
        "no-budget": {"attempts": 2, "last_mark": "needs_work", "seconds": 95,
                      "last_date": "2026-12-01"},
        "custom-1": {"attempts": 3, "last_mark": "got_it", "seconds": 31,
                     "last_date": "2026-12-01"}})
    text = " ".join(" ".join(page_texts(render.prep_pdf(draft, today=TODAY))).split())
    assert "Needs work Rehearsed 2×, 1:35 to answer" in text
    assert "Rehearsed 3×, got it last time, 0:31 to answer" in text
    plain = " ".join(" ".join(page_texts(render.prep_pdf(make_draft(), today=TODAY))).split())
    assert "Rehearsed" not in plain and "Needs work" not in plain
    html = render.prep_html(draft, today=TODAY)
    assert html.count('class="card needs-work"') == 1


@pytest.mark.trust
def test_nothing_of_the_rehearsal_reaches_the_proposal_the_email_or_the_calendar():
    plain = make_draft()
    marks = {q.id: {"attempts": 4, "last_mark": "needs_work", "seconds": 77,
                    "last_date": "2026-12-01"} for q in plain.objections}
    marks[rehearsal.OPENING_ID] = {"attempts": 1, "last_mark": "got_it", "seconds": 9,
                                   "last_date": "2026-12-01"}
    rehearsed = with_results(plain, marks)
    assert render.proposal_html(rehearsed, today=TODAY) == render.proposal_html(plain, today=TODAY)
    now = dt.datetime(2026, 12, 1, 9, 0, tzinfo=dt.UTC)
    assert calendar_file.calendar_bytes(rehearsed, now=now) == calendar_file.calendar_bytes(plain, now=now)
    pdf = render.proposal_pdf(rehearsed, today=TODAY)

    def readable(eml: bytes) -> list[str]:
        """Headers (but the random Message-ID) and the text parts of an email draft."""
        msg = email.message_from_bytes(eml, policy=email.policy.default)
        return [f"{k}: {v}" for k, v in msg.items() if k.lower() not in {"message-id",
                                                                          "content-type"}] + [
            str(p.get_content()) for p in msg.walk() if p.get_content_maintype() == "text"]

    body = readable(mail.eml_bytes(rehearsed, pdf, now=now))
    assert body == readable(mail.eml_bytes(plain, pdf, now=now))
    text = " ".join(page_texts(pdf) + body)
    for word in ("rehears", "needs work", "got it", "1:17"):
        assert word not in text.lower()
