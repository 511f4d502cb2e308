"""Babel extraction of the objection library (``data/objections.toml``) into the app's catalogs.

``babel.cfg`` maps the TOML file to :func:`extract`, so ``make translations`` puts every text
of the library into ``messages.pot`` beside the code's and the templates' strings, each with a
comment for translators: which entry and field it is, and, for the texts that are filled with
the user's figures, how ``$placeholders`` and ``[a|b]`` choices work and what each placeholder
in the text stands for. :mod:`upskill_ask.objections` looks the same texts up at run time.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterator, Mapping
from typing import IO, Any

FIELDS = {
    "question": "how the manager might put the question (the proposal prints it)",
    "meaning": "what the manager usually means or worries about (the employee's prep sheet)",
    "reframe": "the shift in framing the employee keeps in mind (the prep sheet)",
    "response": "the employee's answer, in the first person, filled with their own figures",
    "evidence": "what the employee brings to the meeting to back the answer up",
    "fallback": "a concession the employee can offer if the answer is still no (prep sheet)",
}
"""Every translatable field of an entry, with what it is for."""

TEMPLATES = ("response", "evidence", "fallback")
"""The fields filled with the user's figures (``objections.fill``)."""

SYNTAX = (
    "Keep each $placeholder as it is (never translate the name after $); you may move it. "
    "[A|B|C] is a choice: the first alternative whose placeholders the user gave is printed, "
    "or none. Keep the brackets, the | and the alternatives in their order, each making sense "
    "on its own. $$ is a literal dollar sign. Spaces before . , ; : are removed (French: use a "
    "no-break space there).")

PLACEHOLDERS = {
    "name": "the employee's name", "manager": "the manager's name",
    "team": "the employee's team", "skill": "the skill's name, as the user wrote it",
    "project": "the work the skill is for, the user's words as a phrase",
    "company_goal": "the company goal it serves, the user's words as a phrase",
    "option": "the recommended option's name, in quotation marks",
    "cash": "an amount of money (€1,200)",
    "ask": "the request: an amount, hours of work time, or both ('€1,200 and 40 h of work "
           "time')",
    "hours_total": "a number of hours (60 h)", "hours_away": "a number of hours (40 h)",
    "hours_per_week": "a number of hours (4 h)", "own_hours": "a number of hours (20 h)",
    "months": "a duration ('12 weeks', '3 months')",
    "cash_per_month": "an amount of money ('about €400')",
    "cheapest_option": "an option's name, in quotation marks",
    "cheapest_cash": "an amount of money (€300)",
    "fallback_option": "an option's name, in quotation marks",
    "cheapest_within": "an option's name, in quotation marks",
    "deliverable": "the user's words, in quotation marks",
    "measure": "the user's words, in quotation marks",
    "coverage": "a clause in the user's words ('Sam takes the Monday reports')",
    "sharing": "the user's words as a phrase ('a short demo for the team')",
    "first_check_in": "a date", "budget_date": "a date",
    "minutes_per_day": "a number of minutes (20)",
    "gap_per_month": "an amount of money (€900)", "waiting_cost": "an amount of money",
    "payback_months": "a time, completing 'pays for itself in …' ('about 3 months', 'under a "
                      "month')",
    "approval_limit": "an amount of money", "within_limit": "an amount of money",
    "above_limit": "an amount of money",
    "replacement": "a share of a salary with its source figure ('about a fifth of a year's "
                   "salary (a median of 21%)')",
    "replacement_cost": "an amount or a range of money ('€9,000 to €10,500')",
    "replacement_exceeds": "the request, as for $ask",
}
"""What each placeholder is filled with, for the translators' comments."""

_KEY = re.compile(r"^\s*([A-Za-z_]+)\s*=")
_PLACEHOLDER = re.compile(r"\$([A-Za-z_][A-Za-z0-9_]*)")


def extract(fileobj: IO[bytes], keywords: Mapping[str, Any], comment_tags: Any,
            options: Mapping[str, Any]) -> Iterator[tuple[int, None, str, list[str]]]:
    """Babel's extraction method: ``(line, None, text, comments)`` for every text field of
    every ``[[objection]]``, in the file's order."""
    source = fileobj.read().decode(options.get("encoding", "utf-8"))
    entries = tomllib.loads(source).get("objection", [])
    lines = _key_lines(source)
    for index, entry in enumerate(entries):
        oid = entry.get("id", f"#{index + 1}")
        for field, purpose in FIELDS.items():
            text = entry.get(field)
            if not isinstance(text, str) or not text:
                continue
            yield lines.get((index, field), 1), None, text, comments(oid, field, purpose, text)


def comments(oid: str, field: str, purpose: str, text: str) -> list[str]:
    """The translators' comment for one text of entry ``oid``."""
    out = [f"Objection library, {oid}, {field}: {purpose}."]
    if field in TEMPLATES:
        out.append(SYNTAX)
        named = dict.fromkeys(n for n in _PLACEHOLDER.findall(text.replace("$$", "")))
        if named:
            out.append("Here: " + "; ".join(f"${n} = {PLACEHOLDERS.get(n, n.replace('_', ' '))}"
                                            for n in named) + ".")
    return out


def _key_lines(source: str) -> dict[tuple[int, str], int]:
    """The line of each key, by (entry index, key): tomllib keeps no positions."""
    out: dict[tuple[int, str], int] = {}
    index = -1
    for number, line in enumerate(source.splitlines(), start=1):
        if line.strip() == "[[objection]]":
            index += 1
        elif index >= 0 and (match := _KEY.match(line)):
            out.setdefault((index, match.group(1)), number)
    return out
