"""The checked field types a draft is built from: one line of text, prose, an email address,
hours, money, a currency code, a locale name, a short list, a question id and its rehearsal
results. Each refuses what the documents could not print safely (control characters, lone
surrogates, overlong text, NaN)."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from decimal import Decimal
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, ValidationInfo

from upskill_ask.vocabulary import HOURS_MAX, LINE_MAX, LIST_MAX, MONEY_MAX, TEXT_MAX

_FORBIDDEN = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff]")


def _clean(value: str, *, multiline: bool) -> str:
    bad = _FORBIDDEN.search(value)
    if bad:
        char = bad.group()
        kind = "a lone surrogate" if "\ud800" <= char <= "\udfff" else "a control character"
        raise ValueError(f"contains {kind} (U+{ord(char):04X}) at position {bad.start() + 1}")
    if not multiline and ("\n" in value or "\r" in value):
        raise ValueError("must be a single line")
    value = unicodedata.normalize("NFC", value).replace("\r\n", "\n").replace("\r", "\n")
    return value.strip()


def _line(value: str) -> str:
    return _clean(value, multiline=False)


def _text(value: str) -> str:
    return _clean(value, multiline=True)


def _address(value: str, info: ValidationInfo) -> str:
    from upskill_ask.addresses import problem

    reason = problem(value)
    if reason and not (info.context or {}).get("lenient_addresses"):
        shown = value if len(value) <= 60 else value[:59] + "…"
        raise ValueError(f"'{shown}' is not a usable email address: {reason}")
    return value


Line = Annotated[str, Field(max_length=LINE_MAX), AfterValidator(_line)]
"""One line of user text: a name, a title, a short phrase."""
EmailAddress = Annotated[Line, AfterValidator(_address)]
"""Empty or one plausible address (upskill_ask.addresses). Drafts read with the context
``{"lenient_addresses": True}`` keep an older, malformed one so that they still open."""
Text = Annotated[str, Field(max_length=TEXT_MAX), AfterValidator(_text)]
"""User prose: paragraphs are kept, control characters are refused."""
Hours = Annotated[Decimal, Field(ge=0, le=HOURS_MAX, allow_inf_nan=False, decimal_places=2)]
Amount = Annotated[Decimal, Field(ge=0, le=MONEY_MAX, allow_inf_nan=False, decimal_places=2)]
CurrencyCode = Annotated[str, Field(pattern=r"^[A-Z]{3}$")]
LocaleName = Annotated[str, Field(pattern=r"^[a-z]{2,3}([_-][A-Z]{2})?$")]
Items = Annotated[list[Line], Field(max_length=LIST_MAX)]


class DraftModel(BaseModel):
    """The base of every part of a draft: unknown keys refused, assignments validated."""

    model_config = ConfigDict(
        extra="forbid",
        validate_assignment=True,
        str_strip_whitespace=False,
        ser_json_inf_nan="strings",
    )


QuestionId = Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9_-]{0,63}$")]
"""A question's id: a library entry's, or ``custom...`` for one the user wrote."""


class Rehearsed(DraftModel):
    """One question's rehearsal results, kept in the private part (see upskill_ask.rehearsal)."""

    attempts: int = Field(default=0, ge=0, le=100_000)
    last_mark: Literal["got_it", "needs_work"] | None = None
    seconds: int | None = Field(default=None, ge=0, le=86_400, description="Time taken last time.")
    last_date: dt.date | None = None
