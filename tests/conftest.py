"""Shared fixtures: example drafts, a complete draft built in code, isolated app folders."""

from __future__ import annotations

import datetime as dt
import os
from decimal import Decimal
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# the suite reads the app's English texts, whatever the machine's language (tests of other
# languages install theirs and put English back)
os.environ["LANGUAGE"] = "en"

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted((ROOT / "resources" / "examples").glob("*.upskill"))
# the English accountant (her example is in Dutch now): the eight-page draft the preview tests read
LONG_ENGLISH = ROOT / "tests" / "fixtures" / "v3" / "accountant-python-nl.upskill"


def page_texts(data: bytes) -> list[str]:
    """The text of each page of a PDF, read back with pypdf."""
    import io

    from pypdf import PdfReader

    return [page.extract_text() or "" for page in PdfReader(io.BytesIO(data)).pages]


@pytest.fixture(autouse=True)
def _isolated_app_dirs(tmp_path_factory, monkeypatch):
    """Recent files, recovery files and logs go to a temporary folder, never the real ones."""
    base = tmp_path_factory.mktemp("appdirs")
    monkeypatch.setenv("UPSKILL_ASK_CONFIG_DIR", str(base / "config"))
    monkeypatch.setenv("UPSKILL_ASK_STATE_DIR", str(base / "state"))
    monkeypatch.setenv("UPSKILL_ASK_LOG_DIR", str(base / "log"))
    return base


def make_draft(**overrides):
    """A complete draft with known figures (two options, two questions, a private section)."""
    from upskill_ask import model

    draft = model.Draft(
        title="Proposal: data visualisation training",
        locale="en_GB",
        currency="GBP",
        person=model.Person(name="Maya Okafor", role="Planning Analyst", team="Supply Planning",
                            email="maya@example.com", hourly_cost=Decimal("38.50")),
        manager=model.Manager(name="Graham Price", title="Head of Planning",
                              email="graham.price@example.com"),
        timing=model.Timing(meeting_date=dt.date(2026, 12, 8), budget_date=dt.date(2027, 1, 15),
                            decision_by=dt.date(2026, 12, 19)),
        skill=model.Skill(
            name="Data visualisation with Power BI",
            current_level="I build static Excel charts by hand each week.",
            target_level="Interactive dashboards the regional leads use themselves.",
            gap_evidence="Three report requests a week wait on me.",
            applied_to="The weekly stock-cover report for the regional leads",
            why_now="The new ERP goes live in March.",
            career_goal="Move into a senior analyst role.",
            company_goal="Cut stock-outs by a fifth next year.",
            benefits_team=["Regional leads answer their own questions", "Fewer ad-hoc requests"],
            benefits_me=["A recognised certificate", "Broader analytics skills"],
        ),
        options=[
            model.Option(kind="paid_course", title="Power BI Data Analyst course",
                         provider="Northbridge Training", link="https://example.com/pbi",
                         cost=model.Money(amount=Decimal("1250"), currency="GBP"),
                         hours_total=Decimal("32"), hours_per_week=Decimal("4"),
                         hours_on_clock=Decimal("24"), deliverable="Certificate and a live dashboard",
                         coverage="Sam covers the Monday stock call"),
            model.Option(kind="free_training", title="Vendor learning path",
                         provider="Vendor academy", hours_total=Decimal("20"),
                         hours_per_week=Decimal("2"), hours_on_clock=Decimal("12"),
                         cost=model.Money(amount=Decimal("0"), currency="GBP"),
                         deliverable="Prototype dashboard"),
        ],
        plan=model.Plan(on_the_job="Rebuild the stock-cover report as a dashboard.",
                        with_people="Pair with Lena from Finance BI fortnightly.",
                        formal="The course modules, two per week.",
                        micro_habit="One exercise before stand-up", minutes_per_day=15,
                        tracking="A progress line in my weekly update.",
                        sharing="A lunch-and-learn for the planning team in March.",
                        coverage="Sam covers the Monday stock call.",
                        measures=[model.Measure(what="Dashboard live for two regions",
                                                by=dt.date(2027, 3, 31))],
                        check_ins=[model.CheckIn(date=dt.date(2027, 2, 1),
                                                  review="The first dashboard page, live"),
                                   model.CheckIn(date=dt.date(2027, 3, 1))]),
        objections=[model.Objection(id="no-budget"),
                    model.Objection(id="custom-1", question="Can the team use it too?",
                                    answer="Yes: I will publish the dashboard to the workspace.")],
        private=model.Private(best_alternative="Take the free path on my own time.",
                              walk_away="Nothing less than paid hours.", stop_at_option=2,
                              trades=[model.Trade(give="Cover the January close",
                                                  get="Two course days in February")],
                              motivations="I want the senior role next year.",
                              notes="Graham is under pressure on headcount.",
                              opening_lines="Thanks for the time; I have a proposal.",
                              fallbacks={"no-budget": "Split the fee over two quarters."}),
    )
    return draft.model_copy(update=overrides) if overrides else draft


@pytest.fixture
def draft():
    return make_draft()


@pytest.fixture
def wizards(qtbot):
    """Opens wizards for a test (``active``: waits until the window is active, as focus leaving
    a field needs); at the end drops their unsaved changes and stops their render workers."""
    from upskill_ask.ui.wizard import RequestWizard

    from .fakes import FakeDialogs

    made = []

    def make(draft=None, *, active: bool = False, **kwargs):
        kwargs.setdefault("dialogs", FakeDialogs())
        wizard = RequestWizard(draft, **kwargs)
        qtbot.addWidget(wizard)
        wizard.show()
        if active:
            wizard.activateWindow()
            qtbot.waitUntil(wizard.isActiveWindow)
        made.append(wizard)
        return wizard

    yield make
    for wizard in made:
        wizard.store.dirty = False
        wizard.review_page.shutdown()
