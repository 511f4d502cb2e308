"""What each reader of a draft gets: the manager's copy (nothing private), the part the proposal
is made from, and what a proposal still lacks before it can be exported.

Privacy is by construction: the documents for the manager are made from these copies, so no
template change can reach the private part.
"""

from __future__ import annotations

from upskill_ask.i18n import N_
from upskill_ask.model import Draft, Email, Private


def public_copy(draft: Draft) -> Draft:
    """The draft with everything under 'private' emptied: all the manager may ever see (the
    proposal and its covering email)."""
    return draft.model_copy(update={"private": Private()})


def proposal_source(draft: Draft) -> Draft:
    """The part of a draft the proposal is made from: the public copy without the covering
    email, which travels beside the proposal. Two drafts with equal sources make the same
    proposal (on the same day): the live preview relies on it."""
    return draft.model_copy(update={"email": Email(), "private": Private()})


def missing_for_export(draft: Draft) -> list[tuple[str, str]]:
    """Fields a proposal cannot do without, as (path, message) pairs; empty when complete.
    The messages are in English; the app shows them through ``i18n._``."""
    missing = []
    if not draft.person.name:
        missing.append(("person.name", N_("your name is needed on the proposal")))
    if not draft.manager.name:
        missing.append(("manager.name", N_("the proposal is addressed to your manager by name")))
    if not draft.skill.name:
        missing.append(("skill.name", N_("say which skill you want to learn")))
    if not draft.options:
        missing.append(("options", N_("add at least one option to the ladder")))
    return missing
