"""The built-in objection library and answers filled with the employee's own figures.

The library is data shipped in the package (``data/objections.toml``). Its response, evidence
and fallback texts may name figures as ``$cash``, ``$hours_away``... (``string.Template``);
they are filled from the draft with :func:`figures`. A sentence that needs a figure is written
as a choice, ``[with $cash|without it]``: the first alternative whose figures the user gave is
printed, so an answer never asserts a figure the user did not give. Text the user wrote is
never a template: an answer the user edited is stored in the draft and printed literally.

The library is written in English, the source language; its texts are msgids of the app's
gettext catalogs (extracted by :mod:`upskill_ask.library_extract`). A document looks each text
up in the draft's ``language`` before filling it, and the words around the figures come from
:mod:`upskill_ask.figure_words` in the same language.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, fields, replace
from functools import lru_cache
from gettext import NullTranslations
from importlib import resources
from string import Template

from upskill_ask import figure_words, prose, retention
from upskill_ask.costing import LadderTotals, ladder_totals, payback
from upskill_ask.formatting import Formatter
from upskill_ask.i18n import draft_words, words
from upskill_ask.model import Draft, Objection


@dataclass(frozen=True)
class LibraryObjection:
    id: str
    question: str
    meaning: str
    reframe: str
    response: str
    evidence: str
    fallback: str


@dataclass(frozen=True)
class ResolvedObjection:
    """One anticipated question as the documents print it."""

    id: str
    question: str
    answer: str
    evidence: str
    meaning: str
    reframe: str
    fallback: str
    custom: bool
    source: str = ""  # the published source of a figure the answer quotes (a footnote)


TEXTS = tuple(f.name for f in fields(LibraryObjection) if f.name != "id")
"""The fields of an entry that are text, translated through the gettext catalogs."""


def library(language: str | None = None, *,
            informal: bool = False) -> dict[str, LibraryObjection]:
    """The library, in its file's order, keyed by id; in the document ``language`` (the
    catalog's words, English where it has none; ``informal``: the manager addressed as the
    user chose), or as written (None)."""
    source = _source()
    if language is None:
        return source
    t = words(language, informal=informal)
    return {oid: translated(entry, t) for oid, entry in source.items()}


@lru_cache(maxsize=1)
def _source() -> dict[str, LibraryObjection]:
    raw = resources.files("upskill_ask").joinpath("data/objections.toml").read_bytes()
    data = tomllib.loads(raw.decode("utf-8"))
    return {entry["id"]: LibraryObjection(**entry) for entry in data["objection"]}


def translated(entry: LibraryObjection, t: NullTranslations) -> LibraryObjection:
    """An entry in a catalog's words: its templates are translated before they are filled,
    so a translation carries the same figures (and may put them in its own order)."""
    # gettext("") would return the catalog's header
    return replace(entry, **{name: t.gettext(text) for name in TEXTS
                             if (text := getattr(entry, name))})


class Figures(dict[str, str]):
    """The words for the library's $placeholders (always all present), and ``given``: the
    names whose words come from the user's own figures rather than a stand-in."""

    given: frozenset[str] = frozenset()


def figures(draft: Draft, totals: LadderTotals | None = None) -> Figures:
    """The user's figures as words, for the library's $placeholders (always all present: a
    figure the draft lacks gets a stand-in, and is left out of ``Figures.given``);
    ``totals``: the ladder totals, when the document has computed them already."""
    w = draft_words(draft)
    given = _given(draft, totals or ladder_totals(draft), w)
    out = Figures({**figure_words.stand_ins(w), **given})
    out.given = frozenset(given)
    return out


def _given(draft: Draft, ladder: LadderTotals, w: NullTranslations) -> dict[str, str]:
    fmt = Formatter.for_draft(draft, ladder)
    out: dict[str, str] = {}

    def put(key: str, value: object, words: str | None = None) -> None:
        if value:
            out[key] = words if words is not None else str(value)

    put("name", draft.person.name)
    put("manager", draft.manager.name)
    put("team", draft.person.team)
    put("skill", draft.skill.name)
    put("project", prose.phrase(draft.skill.applied_to))
    put("company_goal", prose.phrase(draft.skill.company_goal))
    plan = draft.plan
    first = draft.options[0] if draft.options else None
    coverage = plan.coverage or (first.coverage if first else "")
    put("coverage", prose.phrase(coverage))
    put("sharing", prose.phrase(plan.sharing))
    measures = [m for m in plan.measures if m.what]
    # quoted with the document language's marks, as option names are
    put("measure", measures and figure_words.title(w, prose.label(measures[0].what)))
    dated = [c.date for c in plan.check_ins if c.date]
    put("first_check_in", dated and fmt.date(dated[0]))
    put("minutes_per_day", plan.minutes_per_day)
    put("budget_date", draft.timing.budget_date and fmt.date(draft.timing.budget_date))
    t = ladder.recommended
    if first is not None and t is not None:
        put("option", figure_words.title(w, first.name))
        put("deliverable", first.deliverable.strip()
            and figure_words.title(w, prose.label(first.deliverable)))
        put("cash", t.cash > 0 and fmt.money(t.cash))
        put("hours_total", t.hours_total > 0 and fmt.hours(t.hours_total))
        put("hours_away", t.hours_away > 0 and fmt.hours(t.hours_away))
        put("own_hours", t.hours_own_time > 0 and fmt.hours(t.hours_own_time))
        put("hours_per_week", t.hours_away > 0 and t.hours_away_per_week
            and fmt.hours(t.hours_away_per_week))
        put("months", t.weeks and fmt.duration(t.weeks, t.months, ladder.duration_unit))
        put("cash_per_month", t.cash > 0 and t.months and t.months > 1 and t.cash_per_month
            and fmt.approx(t.cash_per_month))
        put("ask", figure_words.ask(w, out.get("cash"), out.get("hours_away")))
    _ladder_figures(draft, ladder, fmt, w, put)
    _gap_figures(draft, ladder, fmt, w, put)
    out["replacement"] = retention.share_words(draft.language)
    put("replacement_cost", retention.replacement_cost(draft, fmt))
    low = retention.replacement_low(draft)
    if low is not None and t is not None and "ask" in out and low > t.employer_cost:
        out["replacement_exceeds"] = out["ask"]
    return out


def _ladder_figures(draft: Draft, ladder: LadderTotals, fmt: Formatter, w: NullTranslations,
                    put) -> None:
    """The cheaper rungs the answers may offer: never below the walk-away rung (set only in
    the prep sheet's copy of the draft), never the first choice itself."""
    stop = draft.private.stop_at_option
    acceptable = [t for t in ladder.options if stop is None or t.rank <= stop]
    cheapest = min(acceptable, key=lambda t: (t.employer_cost, t.hours_away), default=None)
    if cheapest is not None and cheapest.rank > 1:
        put("cheapest_option", figure_words.title(w, draft.options[cheapest.rank - 1].name))
        put("cheapest_cash", cheapest.cash > 0 and fmt.money(cheapest.cash))
    if len(acceptable) > 1:
        put("fallback_option", figure_words.title(w, draft.options[acceptable[-1].rank - 1].name))
    limit, first = draft.manager.approval_limit, ladder.recommended
    if limit is None or first is None:
        return
    put("approval_limit", fmt.money(limit))
    if first.cash <= limit:
        put("within_limit", fmt.money(limit))
        return
    put("above_limit", fmt.money(limit))
    within = [t for t in acceptable if t.cash <= limit]
    if within:
        low = min(within, key=lambda t: (t.employer_cost, t.hours_away))
        put("cheapest_within", figure_words.title(w, draft.options[low.rank - 1].name))


def _gap_figures(draft: Draft, ladder: LadderTotals, fmt: Formatter, w: NullTranslations,
                 put) -> None:
    back = payback(draft, ladder)
    if back is None:
        return
    put("gap_per_month", fmt.money(back.per_month))
    put("waiting_cost", fmt.money(back.waiting))
    months = back.for_rank(1)
    put("payback_months", months and figure_words.payback(w, fmt, months))


_CHOICE = re.compile(r"\[([^\[\]]*)\]")


def fill(template: str, values: dict[str, str]) -> str:
    """Fill a library text. ``[A|B|C]`` prints the first of A, B, C whose placeholders are
    all given (``Figures.given``; a plain dict counts every key as given), or nothing; an
    unknown $name outside a choice stays as written rather than failing."""
    given = getattr(values, "given", None)
    given = frozenset(values) if given is None else given

    def choose(match: re.Match[str]) -> str:
        for alternative in match.group(1).split("|"):
            if set(Template(alternative).get_identifiers()) <= given:
                return alternative
        return ""

    text = Template(_CHOICE.sub(choose, template)).safe_substitute(values)
    text = re.sub(r"[ \t]{2,}", " ", text)
    return re.sub(r" +([.,;:])", r"\1", text).strip()


def resolve(draft: Draft, *, include_private: bool,
            totals: LadderTotals | None = None) -> list[ResolvedObjection]:
    """The draft's chosen questions with their answers (the user's, or the library's filled).

    Without ``include_private`` the fallbacks are left empty: the proposal never shows them.
    """
    lib = library()
    values = figures(draft, totals)
    out = []
    for chosen in draft.objections:
        out.append(resolve_one(chosen, draft, lib, values, include_private=include_private))
    return out


def resolve_one(chosen: Objection, draft: Draft, lib: dict[str, LibraryObjection] | None = None,
                values: dict[str, str] | None = None, *, include_private: bool = True,
                ) -> ResolvedObjection:
    lib = library() if lib is None else lib
    values = figures(draft) if values is None else values
    entry = lib.get(chosen.id)
    if entry is not None:  # the library as written, looked up in the document's language
        entry = translated(entry, draft_words(draft))
    fallback = ""
    if include_private:
        fallback = draft.private.fallbacks.get(chosen.id, "")
        if not fallback and entry:
            fallback = fill(entry.fallback, values)
    answer = chosen.answer or (fill(entry.response, values) if entry else "")
    return ResolvedObjection(
        id=chosen.id,
        question=chosen.question or (entry.question if entry else ""),
        answer=answer,
        evidence=chosen.evidence or (fill(entry.evidence, values) if entry else ""),
        meaning=entry.meaning if entry else "",
        reframe=entry.reframe if entry else "",
        fallback=fallback,
        custom=entry is None,
        source=retention.SOURCE if retention.cites(answer) else "",
    )
