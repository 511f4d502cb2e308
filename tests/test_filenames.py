"""File names follow the proposal's title, in any script, and are always safe."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from upskill_ask import filenames, mail

from .conftest import make_draft


@pytest.mark.parametrize(("title", "skill", "expected"), [
    ("Proposal: data visualisation training", "", "Proposal-data-visualisation-training"),
    ("", "Forklift licence (counterbalance)", "Proposal-Forklift-licence-counterbalance"),
    ("", "", "Proposal"),
    ("طلب تدريب: إدارة المستودعات", "", "طلب-تدريب-إدارة-المستودعات"),
    ("研修の提案 / 2027", "", "研修の提案-2027"),
    ("../../etc/passwd", "", "etc-passwd"),
])
def test_the_stem_follows_the_title(title, skill, expected):
    assert filenames.stem(title, skill) == expected


@given(st.text(max_size=300), st.text(max_size=100))
def test_any_title_gives_a_safe_short_stem(title, skill):
    name = filenames.stem(title, skill)
    assert 0 < len(name) <= filenames.MAX_STEM
    assert not set(name) & set('/\\:*?"<>|\x00') and name not in (".", "..")
    assert not name.startswith(("-", "."))


def test_every_export_and_the_attachment_share_the_title(draft):
    from upskill_ask import renderjobs as exporting

    assert mail.attachment_name(draft) == "Proposal-data-visualisation-training.pdf"
    assert [exporting.default_name(e, draft) for e in
            (exporting.PROPOSAL, exporting.PREP, exporting.EMAIL)] == [
        "Proposal-data-visualisation-training.pdf",
        "Prep-sheet-Proposal-data-visualisation-training.pdf",
        "Proposal-data-visualisation-training.eml"]
    untitled = make_draft(title="")
    assert mail.attachment_name(untitled) == "Proposal-Data-visualisation-with-Power-BI.pdf"
