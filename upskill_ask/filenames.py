"""Names for the files the app suggests: the draft, each export and the email's attachment all
follow the proposal's title (or, without one, its skill), so they sort together in a folder."""

from __future__ import annotations

import re

MAX_STEM = 80


def stem(title: str, skill: str = "") -> str:
    """A safe file-name stem: letters of any script, digits, '-' and '_'; other characters
    become single dashes. 'Proposal: Power BI (2027)' -> 'Proposal-Power-BI-2027'."""
    base = (title or "").strip() or (f"Proposal {skill.strip()}" if (skill or "").strip()
                                     else "Proposal")
    safe = re.sub(r"[^\w\-]+", "-", base).strip("-_")
    return safe[:MAX_STEM].rstrip("-_") or "Proposal"


def for_draft(draft) -> str:
    return stem(draft.title, draft.skill.name)
