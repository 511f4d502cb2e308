"""The rehearsal: the app plays the manager, one question at a time.

A round opens with the user's opening line (``private.opening_lines``; without one, a neutral
opener that asks them to state the ask), then asks the chosen questions in a random order,
plus one library question the user did not pick (the surprise). Questions marked "needs work"
last time, or never rehearsed, come first; the opener always opens. Results are kept per
question id in ``private.rehearsal`` (attempts, last mark, seconds, date): the prep sheet marks
the cards that still need work, and nothing of it reaches the proposal, email or calendar.

What the manager says (the opener, the questions) and the suggested answers are in the draft's
language, as in the meeting; the window's own words are the app's. Plain Python over the core
model; the window that asks is ``upskill_ask.ui.rehearsal``.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass
from typing import Any, Literal

from upskill_ask import objections
from upskill_ask.formatting import Formatter
from upskill_ask.i18n import N_, draft_words
from upskill_ask.model import Draft, Objection

OPENING_ID = "opening"
GOT_IT = "got_it"
NEEDS_WORK = "needs_work"
MARKS = (GOT_IT, NEEDS_WORK)
MARK_LABELS = {GOT_IT: N_("Got it"), NEEDS_WORK: N_("Needs work")}  # shown through i18n._
SECONDS_MAX = 86_400

Kind = Literal["opening", "chosen", "surprise"]


@dataclass(frozen=True)
class Card:
    """One turn of the conversation: what the manager says and what the user prepared."""

    id: str
    kind: Kind
    prompt: str  # what the manager says
    answer: str  # the prepared answer (the user's, or the library's filled with their figures)
    evidence: str  # the proof to bring
    fallback: str  # the concession to offer
    meaning: str = ""  # what the question usually means (library questions)


def opening_card(draft: Draft, values: dict[str, str] | None = None) -> Card:
    """The manager's first words and the user's opening line (a suggested one if none), in the
    draft's language: the manager speaks it in the rehearsal as in the meeting."""
    _ = draft_words(draft).gettext
    values = objections.figures(draft) if values is None else values
    first = draft.person.name.split(" ")[0] if draft.person.name else ""
    # Translators: the manager opens the rehearsal; {name} is the employee's first name
    prompt = (_("Thanks for coming, {name}. What did you want to talk about?").format(name=first)
              if first else _("What did you want to talk about?"))
    if draft.private.opening_lines:
        answer = draft.private.opening_lines
    else:
        # Translators: a suggested opening line, in the employee's voice: {option} the option
        # asked for, {cash} its cost, {hours_away} the work hours it takes ("32 h")
        ask = _("I would like to learn {skill}, to use it on {project}. I am asking for "
                "{option}: {cash} and {hours_away} away from my core work.").format(
            skill=values["skill"], project=values["project"], option=values["option"],
            cash=values["cash"], hours_away=values["hours_away"])
        decide = (_("Could we decide by {date}?").format(
            date=Formatter.for_draft(draft).date(draft.timing.decision_by))
            if draft.timing.decision_by else _("Could we decide before the budget is set?"))
        note = _("(No opening line is written yet: this one is made from your proposal. "
                 "Write your own under Private prep.)")
        answer = f"{ask} {decide} {note}"
    return Card(id=OPENING_ID, kind="opening", prompt=prompt, answer=answer,
                evidence=_("The proposal's summary box: the ask, the option you recommend, "
                           "what it costs and the date you need a decision by."),
                fallback="")


def _card(chosen: Objection, draft: Draft, values: dict[str, str], kind: Kind) -> Card:
    resolved = objections.resolve_one(chosen, draft, values=values, include_private=True)
    return Card(id=resolved.id, kind=kind, prompt=resolved.question, answer=resolved.answer,
                evidence=resolved.evidence, fallback=resolved.fallback, meaning=resolved.meaning)


def is_weak(results: dict[str, Any], card_id: str) -> bool:
    """Never rehearsed, or marked "needs work" the last time."""
    entry = results.get(card_id)
    return entry is None or _field(entry, "last_mark") != GOT_IT


def _field(entry: Any, name: str) -> Any:
    """A result's field, from the model's object or the store's JSON dict alike."""
    return entry.get(name) if isinstance(entry, dict) else getattr(entry, name, None)


def pick_surprise(draft: Draft, rng: random.Random, avoid: set[str] = frozenset()) -> str | None:
    """A library question the user did not choose: one never rehearsed if any is left."""
    chosen = {o.id for o in draft.objections} | set(avoid)
    unpicked = [qid for qid in objections.library() if qid not in chosen]
    fresh = [qid for qid in unpicked if qid not in draft.private.rehearsal]
    pool = fresh or unpicked
    return rng.choice(pool) if pool else None


def build_round(draft: Draft, rng: random.Random | None = None, *,
                weak_only: bool = False) -> list[Card]:
    """The cards of one round, in the order they are asked.

    Full round: the opener, then the chosen questions and earlier surprises marked "needs
    work": those marked "needs work" last time, then those never tried, then those the user
    got (each group shuffled), with one new surprise at a random place after the opener.
    ``weak_only``: just the weak ones, no new surprise.
    """
    rng = rng or random.Random()
    values = objections.figures(draft)
    results = draft.private.rehearsal
    chosen_ids = {o.id for o in draft.objections}
    cards = [_card(o, draft, values, "chosen") for o in draft.objections if o.question
             or o.id in objections.library()]
    lib = objections.library()
    for qid, entry in results.items():  # surprises that went badly come back until they go well
        if qid in lib and qid not in chosen_ids and entry.last_mark == NEEDS_WORK:
            cards.append(_card(Objection(id=qid), draft, values, "surprise"))
    groups: dict[str, list[Card]] = {"needs_work": [], "untried": [], "got_it": []}
    for card in cards:
        entry = results.get(card.id)
        groups["untried" if entry is None or not entry.last_mark else entry.last_mark].append(card)
    for group in groups.values():
        rng.shuffle(group)
    weak = groups["needs_work"] + groups["untried"]  # the known weak ones before the untried
    body = weak if weak_only else weak + groups["got_it"]
    if not weak_only:
        surprise = pick_surprise(draft, rng, {c.id for c in cards})
        if surprise is not None:
            body.insert(rng.randint(0, len(body)),
                        _card(Objection(id=surprise), draft, values, "surprise"))
    opener = opening_card(draft, values)
    if not weak_only or is_weak(results, OPENING_ID):
        body.insert(0, opener)
    return body


def record(previous: dict[str, Any] | None, mark: str, seconds: float,
           today: dt.date | None = None) -> dict[str, Any]:
    """A question's results after one more attempt, as the draft's JSON stores them."""
    if mark not in MARKS:
        raise ValueError(f"unknown mark {mark!r}")
    attempts = int((previous or {}).get("attempts") or 0)
    return {"attempts": attempts + 1, "last_mark": mark,
            "seconds": max(0, min(round(seconds), SECONDS_MAX)),
            "last_date": (today or dt.date.today()).isoformat()}


SPEAKING_WORDS_PER_MINUTE = 140  # a calm pace in a meeting
LISTENING_SECONDS = 60  # about as long as an answer holds a manager's attention


def spoken_seconds(text: str) -> int:
    """About how long ``text`` takes said aloud at a calm pace."""
    return round(len(text.split()) * 60 / SPEAKING_WORDS_PER_MINUTE)


def clock(seconds: float | None) -> str:
    """A duration as the timer shows it: '0:07', '1:42', '12:00'."""
    whole = max(0, int(seconds or 0))
    return f"{whole // 60}:{whole % 60:02d}"


@dataclass(frozen=True)
class Outcome:
    """One card's result in the round just played (None: not reached before stopping)."""

    card: Card
    mark: str | None
    seconds: float | None


def summary(outcomes: list[Outcome]) -> dict[str, Any]:
    """What the end of a round says: how many went well, which need work, the times."""
    marked = [o for o in outcomes if o.mark]
    return {
        "got_it": [o for o in marked if o.mark == GOT_IT],
        "needs_work": [o for o in marked if o.mark == NEEDS_WORK],
        "skipped": [o for o in outcomes if not o.mark],
        "total_seconds": sum(o.seconds or 0 for o in marked),
    }
