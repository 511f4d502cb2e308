"""Trust: hostile drafts, no network and no stray files, faults while saving, privacy, and
property tests. Run alone with `pytest -m trust`."""

from __future__ import annotations

import email
import email.policy
import io
import json
import os
import random
import signal
import socket
import subprocess
import sys
import time
import unicodedata
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import pypdf
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from upskill_ask import cli, costing, drafts, mail, model, render

from .conftest import EXAMPLES, make_draft
from .fakes import read_only

pytestmark = pytest.mark.trust
CANARY = "QXPRIVATECANARY"


def pdf_text(data: bytes) -> str:
    reader = pypdf.PdfReader(io.BytesIO(data))
    text = "\n".join(page.extract_text() or "" for page in reader.pages)
    return text + "\n" + "\n".join(str(v) for v in (reader.metadata or {}).values())


def squash(text: str) -> str:
    return "".join(text.replace("\u200b", "").split()).lower()


def string_paths(node, path=()):
    if isinstance(node, dict):
        for key, value in node.items():
            yield from string_paths(value, (*path, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from string_paths(value, (*path, index))
    elif isinstance(node, str):
        yield path


def set_at(data, path, value):
    for part in path[:-1]:
        data = data[part]
    data[path[-1]] = value


FREE_TEXT_SKIP = {"format", "language", "locale", "currency", "kind", "id", "by",
                  "start", "end", "meeting_date", "budget_date", "decision_by", "amount",
                  "hours_total", "hours_per_week", "hours_on_clock", "hourly_cost", "paper",
                  "date", "early_bird_date", "register_date", "exam", "materials", "travel",
                  "early_bird_amount", "expert_hours", "expert_rate", "cover_hours",
                  "cover_rate", "decision", "decided_on"}


def text_paths(data):
    """Paths of every free-text string of a draft (not ids, codes, dates or numbers)."""
    for path in string_paths(data):
        if path[-1] in FREE_TEXT_SKIP or (len(path) > 1 and path[-2] == "check_ins"):
            continue
        yield path


@pytest.fixture
def listener():
    """A TCP listener on 127.0.0.1 that records every connection attempt."""
    server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    server.bind(("127.0.0.1", 0))
    server.listen(16)
    server.setblocking(False)
    port = server.getsockname()[1]

    def connections() -> int:
        count = 0
        while True:
            try:
                conn, _ = server.accept()
            except BlockingIOError:
                return count
            conn.close()
            count += 1

    yield port, connections
    server.close()


HOSTILE = [
    "<script>alert('x')</script>",
    "<img src=http://127.0.0.1:{port}/img.png>",
    '<link rel="stylesheet" href="http://127.0.0.1:{port}/s.css">',
    "<style>@import url(http://127.0.0.1:{port}/i.css);</style>",
    "background: url(http://127.0.0.1:{port}/bg.png)",
    "{{{{ 7*7 }}}} {{% for x in range(3) %}}x{{% endfor %}} ${{cash}}",
    "file://{secret}",
    '<object data="file://{secret}"></object>',
]
SCRIPTS = "مرحبا بالعالم — 你好世界 — 🎉🚀 — e\u0301\u0301\u0301 — \u202eevil\u202c — שלום"


def hostile_draft(port: int, secret: Path) -> dict:
    data = make_draft().model_dump(mode="json")
    for index, path in enumerate(text_paths(data)):
        value = HOSTILE[index % len(HOSTILE)].format(port=port, secret=secret)
        if path[-1] == "link":
            value = f"http://127.0.0.1:{port}/{path[-1]}"
        elif path[-1] == "email":  # addresses are validated: a well-formed one at the listener
            value = "fetch-me@127.0.0.1"
        set_at(data, path, value)
    return data


def test_hostile_text_everywhere_is_printed_not_run_fetched_or_read(tmp_path, listener):
    port, connections = listener
    secret = tmp_path / "outside" / "secret.css"
    secret.parent.mkdir()
    secret.write_text("body { color: red }")
    source = tmp_path / "hostile.upskill"
    source.write_text(json.dumps(hostile_draft(port, secret), ensure_ascii=False))
    code = (
        "import sys\n"
        "opened = []\n"
        "sys.addaudithook(lambda e, a: opened.append(str(a[0])) if e == 'open' and a else None)\n"
        "from upskill_ask import cli\n"
        "rc = cli.main(sys.argv[1:])\n"
        f"print('OPENED', [p for p in opened if {str(secret)!r} in p])\n"
        "sys.exit(rc)\n")
    out = {k: tmp_path / f"out.{k}" for k in ("pdf", "prep.pdf", "eml", "html")}
    result = subprocess.run(
        [sys.executable, "-c", code, "render", str(source), "-o", str(out["pdf"]),
         "--prep-sheet", str(out["prep.pdf"]), "--email", str(out["eml"]), "--html", str(out["html"])],
        capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr[-800:]
    assert "OPENED []" in result.stdout
    assert connections() == 0
    text = squash(pdf_text(out["pdf"].read_bytes()))
    assert squash("<script>alert('x')</script>") in text
    assert squash("{{ 7*7 }}") in text
    html = out["html"].read_text(encoding="utf-8")
    assert "<script>" not in html and "&lt;script&gt;" in html


def test_other_scripts_emoji_and_combining_marks_render_everywhere(tmp_path):
    data = make_draft().model_dump(mode="json")
    for path in text_paths(data):
        if path[-1] != "email":  # addresses are validated; names in any script: test_mail
            set_at(data, path, SCRIPTS)
    draft = drafts.from_data(data)
    proposal = render.proposal_pdf(draft)
    assert len(pypdf.PdfReader(io.BytesIO(proposal)).pages) >= 2
    assert render.prep_pdf(draft).startswith(b"%PDF")
    msg = email.message_from_bytes(mail.eml_bytes(draft, proposal), policy=email.policy.default)
    assert unicodedata.normalize("NFC", SCRIPTS) in msg.get_body(("plain",)).get_content()


@pytest.mark.parametrize(("mutate", "path"), [
    (lambda d: d["skill"].__setitem__("gap_evidence", "x" * 100_000), "skill.gap_evidence"),
    (lambda d: d.__setitem__("options", [d["options"][0]] * 5000), "options"),
    (lambda d: d.__setitem__("objections", [{"id": f"o{i}"} for i in range(5000)]), "objections"),
    (lambda d: d["person"].__setitem__("name", "nul\x00byte"), "person.name"),
    (lambda d: d["skill"].__setitem__("why_now", "bell\x07"), "skill.why_now"),
    (lambda d: d["options"][0].__setitem__("hours_total", 1e308), "options.0.hours_total"),
    (lambda d: d["options"][0]["cost"].__setitem__("amount", -5), "options.0.cost.amount"),
    (lambda d: d["person"].__setitem__("hourly_cost", "Infinity"), "person.hourly_cost"),
    (lambda d: d["plan"].__setitem__("minutes_per_day", 10**9), "plan.minutes_per_day"),
])
def test_out_of_bounds_input_is_refused_naming_the_field(tmp_path, capsys, mutate, path):
    data = make_draft().model_dump(mode="json")
    mutate(data)
    source = tmp_path / "bad.upskill"
    source.write_text(json.dumps(data))
    before = source.read_bytes()
    assert cli.main(["check", str(source)]) == 2
    err = capsys.readouterr().err
    assert f"error: {path}" in err
    assert source.read_bytes() == before


def test_lone_surrogates_and_raw_nan_are_refused(tmp_path, capsys):
    source = tmp_path / "bad.upskill"
    source.write_bytes(b'{"format": "upskill-ask/draft", "version": 1, "title": "\\ud800 x"}')
    assert cli.main(["check", str(source)]) == 2
    assert "error: title" in capsys.readouterr().err
    source.write_bytes(b'{"format": "upskill-ask/draft", "version": 1, "person": {"hourly_cost": NaN}}')
    assert cli.main(["check", str(source)]) == 2


@pytest.mark.parametrize("content", [
    b"", b"\x00" * 64, os.urandom(256), b'{"format": "upskill-ask/draft", "version": 1, "ti',
    b"[]", b"null", b"42", b'{"format": "upskill-ask/draft", "version": 2}',
    b'{"format": "upskill-ask/draft", "version": 1, "person": "Ana"}',
    b'{"format": "upskill-ask/draft", "version": 1, "options": [{"hours_total": "many"}]}',
    b'{"format": "upskill-ask/draft", "version": 1, "x": 1, "x": 2}',
    b'{"format": "upskill-ask/draft", "version": 1, "title": "\xc3\x28"}',
    b"{" * 50_000,
])
def test_bad_files_exit_2_untouched_and_without_traceback(tmp_path, content):
    source = tmp_path / "bad.upskill"
    source.write_bytes(content)
    mtime = source.stat().st_mtime_ns
    result = subprocess.run([sys.executable, "-m", "upskill_ask", "render", str(source), "-o",
                             str(tmp_path / "p.pdf")], capture_output=True, text=True, timeout=60)
    assert result.returncode == 2
    assert result.stderr and all(line.startswith("error: ") for line in result.stderr.splitlines())
    assert source.read_bytes() == content and source.stat().st_mtime_ns == mtime
    assert not (tmp_path / "p.pdf").exists()


def test_huge_file_is_refused(tmp_path, capsys):
    source = tmp_path / "huge.upskill"
    source.write_bytes(b'{"format": "upskill-ask/draft", "version": 1, "title": "' + b"a" * 6_000_000
                       + b'"}')
    assert cli.main(["check", str(source)]) == 2
    assert "larger than" in capsys.readouterr().err


def test_a_render_that_runs_too_long_is_stopped_with_a_clear_error(monkeypatch):
    draft = make_draft()
    with pytest.raises(render.RenderError, match="longer than"):
        render.html_to_pdf(render.proposal_html(draft), title="t", author="a", language="en",
                           seconds=0.01)


# --- privacy -------------------------------------------------------------------------------


def canary_draft() -> dict:
    data = make_draft().model_dump(mode="json")
    for i, path in enumerate(p for p in text_paths(data) if p[0] == "private"):
        set_at(data, path, f"{CANARY}{i} words")
    data["private"]["trades"].append({"give": f"{CANARY}give", "get": f"{CANARY}get"})
    return data


def eml_text(path: Path) -> str:
    """Headers and every text part of an email (a calendar attachment too)."""
    msg = email.message_from_bytes(path.read_bytes(), policy=email.policy.default)
    return "\n".join(f"{k}: {v}" for k, v in msg.items()) + "\n".join(
        str(p.get_content()) for p in msg.walk() if p.get_content_maintype() == "text")


@pytest.mark.parametrize("outcome", [False, True], ids=["before", "after-the-meeting"])
def test_private_canary_reaches_only_the_prep_sheet(tmp_path, outcome):
    data = canary_draft()
    if outcome:  # every public field of the outcome filled: still nothing private comes along
        data["outcome"] = {"decision": "approved", "option": 1, "conditions": "c", "budget_line":
                           "b", "signed_by": "s", "decided_on": "2026-12-10", "follow_up": "f",
                           "learned": "l", "applied": "a", "shared": "s"}
        data["plan"]["measures"][0]["achieved"] = "done"
    source = tmp_path / "canary.upskill"
    source.write_text(json.dumps(data))
    out = {k: tmp_path / f"out.{k}" for k in ("pdf", "prep.pdf", "eml", "html", "recap.eml",
                                              "report.pdf", "ics")}
    assert cli.main(["render", str(source), "-o", str(out["pdf"]), "--prep-sheet",
                     str(out["prep.pdf"]), "--email", str(out["eml"]), "--html",
                     str(out["html"]), "--recap", str(out["recap.eml"]), "--outcome-report",
                     str(out["report.pdf"]), "--calendar", str(out["ics"]),
                     "--email-calendar"]) == 0
    proposal = pdf_text(out["pdf"].read_bytes())
    raw_pdf = out["pdf"].read_bytes()
    msg = email.message_from_bytes(out["eml"].read_bytes(), policy=email.policy.default)
    attached = next(msg.iter_attachments()).get_content()
    assert len(list(msg.iter_attachments())) == 2  # the proposal and the calendar
    for name, text in (("proposal", proposal), ("pdf bytes", raw_pdf.decode("latin-1")),
                       ("email", eml_text(out["eml"])), ("attachment", pdf_text(attached)),
                       ("html", out["html"].read_text(encoding="utf-8")),
                       ("recap", eml_text(out["recap.eml"])),
                       ("report", pdf_text(out["report.pdf"].read_bytes())),
                       ("report bytes", out["report.pdf"].read_bytes().decode("latin-1")),
                       ("calendar", out["ics"].read_text(encoding="utf-8"))):
        assert CANARY.lower() not in squash(text), name
    prep = squash(pdf_text(out["prep.pdf"].read_bytes()))
    assert prep.count(CANARY.lower()) >= 8


def test_the_log_never_holds_draft_contents(tmp_path, qtbot):
    from upskill_ask import logs
    from upskill_ask.ui.wizard import RequestWizard

    from .fakes import FakeDialogs

    logs.setup()
    draft = drafts.from_data(canary_draft())
    dialogs = FakeDialogs(save_path=tmp_path / "c.upskill")
    wizard = RequestWizard(draft, dialogs=dialogs)
    qtbot.addWidget(wizard)
    assert wizard.save()
    wizard.open_path(tmp_path / "missing.upskill")
    (tmp_path / "bad.upskill").write_text(json.dumps({**canary_draft(), "version": 9}))
    wizard.open_path(tmp_path / "bad.upskill")
    wizard.store.dirty = False
    wizard.review_page.shutdown()
    for handler in logs.LOGGER.handlers:
        handler.flush()
    log = Path(logs.log_file()).read_text(encoding="utf-8")
    assert "saved a draft" in log
    assert CANARY not in log and draft.person.name not in log


# --- faults while saving --------------------------------------------------------------------

SAVE_LOOP = """
import sys
from pathlib import Path
from upskill_ask import drafts
small, large, target = (Path(a) for a in sys.argv[1:])
versions = [drafts.load(small), drafts.load(large)]
print("ready", flush=True)
i = 0
while True:
    drafts.save(versions[i % 2], target)
    i += 1
"""


@pytest.mark.slow
def test_a_save_killed_at_random_points_leaves_old_or_new_draft(tmp_path):
    small = tmp_path / "small.upskill"
    large = tmp_path / "large.upskill"
    drafts.save(make_draft(), small)
    big = make_draft()
    big.skill.gap_evidence = "evidence " * 2000
    big.plan.on_the_job = "practice " * 2000
    drafts.save(big, large)
    folder = tmp_path / "target"
    folder.mkdir()
    target = folder / "draft.upskill"
    drafts.save(make_draft(), target)
    rng = random.Random(5)
    for _trial in range(25):
        proc = subprocess.Popen([sys.executable, "-c", SAVE_LOOP, str(small), str(large), str(target)],
                                stdout=subprocess.PIPE, text=True)
        assert proc.stdout.readline().strip() == "ready"
        time.sleep(rng.uniform(0, 0.04))
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        proc.stdout.close()
        loaded = drafts.load(target)
        assert loaded in (drafts.load(small), drafts.load(large))
    drafts.save(make_draft(), target)  # the next save sweeps temporaries a kill left behind
    assert [p.name for p in folder.iterdir()] == ["draft.upskill"]


def test_disk_full_keeps_the_old_draft_and_says_so(tmp_path, monkeypatch):
    target = tmp_path / "d.upskill"
    drafts.save(make_draft(), target)
    old = target.read_bytes()
    real_fdopen = os.fdopen

    class FullDisk(io.RawIOBase):
        def __init__(self, fd):
            self._file = real_fdopen(fd, "wb")

        def write(self, data):
            raise OSError(28, "No space left on device")

        def fileno(self):
            return self._file.fileno()

        def close(self):
            self._file.close()
            super().close()

    monkeypatch.setattr(os, "fdopen", lambda fd, mode="r": FullDisk(fd))
    with pytest.raises(OSError, match="No space"):
        drafts.save(make_draft(title="new"), target)
    monkeypatch.undo()
    assert target.read_bytes() == old
    assert [p.name for p in tmp_path.iterdir()] == ["d.upskill"]


def test_read_only_folder_gives_a_clear_message_in_the_app(tmp_path, qtbot, monkeypatch):
    from upskill_ask.ui.wizard import RequestWizard

    from .fakes import FakeDialogs

    folder = tmp_path / "ro"
    folder.mkdir()
    target = folder / "d.upskill"
    drafts.save(make_draft(), target)
    old = target.read_bytes()
    read_only(monkeypatch, folder)
    dialogs = FakeDialogs()
    wizard = RequestWizard(make_draft(), path=target, dialogs=dialogs)
    qtbot.addWidget(wizard)
    wizard.store.set("title", "Changed")
    assert not wizard.save()
    [message] = dialogs.texts("error")
    assert "was not saved" in message and "Permission denied" in message
    assert target.read_bytes() == old
    assert wizard.store.dirty and wizard.draft().title == "Changed"
    assert drafts.recovery_path(target).exists()
    recovered = drafts.pending_recoveries()[0][2]
    assert recovered["title"] == "Changed"
    wizard.store.dirty = False
    wizard.review_page.shutdown()


EDIT_THEN_WAIT = """
import os, sys, time
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit
app = QApplication(sys.argv[:1])
from upskill_ask import drafts
from upskill_ask.ui.wizard import RequestWizard
wizard = RequestWizard(drafts.load(sys.argv[1]), path=sys.argv[1])
wizard.show()
wizard.next()
team = wizard.findChild(QLineEdit, "person.team")
team.setFocus()
team.end(False)
QTest.keyClicks(team, " after the crash")
while not drafts.recovery_path(sys.argv[1]).exists():
    app.processEvents()
    time.sleep(0.05)
print("autosaved", flush=True)
while True:
    app.processEvents()
    time.sleep(0.05)
"""


def test_after_the_app_is_killed_mid_edit_the_next_start_offers_the_work(tmp_path, qtbot):
    from upskill_ask.ui.app import open_window

    from .fakes import FakeDialogs

    path = tmp_path / "mine.upskill"
    drafts.save(make_draft(), path)
    saved = path.read_bytes()
    proc = subprocess.Popen([sys.executable, "-c", EDIT_THEN_WAIT, str(path)],
                            stdout=subprocess.PIPE, text=True)
    try:
        assert proc.stdout.readline().strip() == "autosaved"
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        proc.stdout.close()
    assert path.read_bytes() == saved  # the draft itself was never written by autosave
    dialogs = FakeDialogs(restore=True)
    window = open_window(None, dialogs=dialogs)
    qtbot.addWidget(window)
    assert dialogs.texts("ask_restore") == ["mine.upskill"]
    assert window.path == path
    assert window.draft().person.team == "Supply Planning after the crash"
    window.store.dirty = False
    window.review_page.shutdown()


# --- property tests -------------------------------------------------------------------------

safe_text = st.text(st.characters(blacklist_categories=("Cs", "Cc")), max_size=40)
line = safe_text.map(lambda s: s.replace("\u2028", " ").replace("\u2029", " "))
money = st.decimals(min_value=0, max_value=100_000, places=2, allow_nan=False, allow_infinity=False)
hours = st.decimals(min_value=0, max_value=500, places=2, allow_nan=False, allow_infinity=False)
days = st.dates(min_value=__import__("datetime").date(2020, 1, 1),
                max_value=__import__("datetime").date(2035, 12, 31))


@st.composite
def options(draw):
    total = draw(hours)
    on_clock = draw(st.decimals(min_value=0, max_value=total, places=2))
    start = draw(st.none() | days)
    end = draw(st.none() | days.filter(lambda d: start is None or d >= start))
    return model.Option(
        kind=draw(st.sampled_from(list(model.RequestKind))), title=draw(line),
        provider=draw(line), link=draw(line),
        cost=model.Money(amount=draw(money), currency="EUR"), hours_total=total,
        hours_per_week=draw(hours), hours_on_clock=on_clock,
        schedule=model.Schedule(start=start, end=end, shifted_hours=draw(line), make_up=draw(line)),
        coverage=draw(safe_text), deliverable=draw(line), my_commitment=draw(safe_text))


@st.composite
def any_draft(draw):
    return model.Draft(
        title=draw(line), currency="EUR", locale=draw(st.sampled_from(["en_GB", "de_DE", "en_US"])),
        person=model.Person(name=draw(line), role=draw(line), team=draw(line),
                            hourly_cost=draw(st.none() | money)),
        manager=model.Manager(name=draw(line), title=draw(line)),
        timing=model.Timing(meeting_date=draw(st.none() | days), budget_date=draw(st.none() | days)),
        skill=model.Skill(name=draw(line), gap_evidence=draw(safe_text), applied_to=draw(safe_text),
                          benefits_team=draw(st.lists(line, max_size=3))),
        options=draw(st.lists(options(), max_size=4)),
        objections=[model.Objection(id=i) for i in draw(st.lists(
            st.sampled_from(["no-budget", "core-duties", "will-leave", "custom-1"]), unique=True))],
        private=model.Private(walk_away=draw(safe_text), notes=draw(safe_text),
                              trades=[model.Trade(give=draw(line), get=draw(line))]),
    )


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(any_draft())
def test_any_accepted_draft_survives_save_and_load(tmp_path_factory, draft):
    path = tmp_path_factory.mktemp("prop") / "d.upskill"
    drafts.save(draft, path)
    assert drafts.load(path) == draft


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(any_draft())
def test_any_accepted_draft_renders_all_three_outputs(draft):
    draft.person.name = draft.person.name or "Ana"
    draft.manager.name = draft.manager.name or "Tom"
    draft.skill.name = draft.skill.name or "SQL"
    if not draft.options:
        draft.options = [model.Option()]
    proposal = render.proposal_pdf(draft)
    assert proposal.startswith(b"%PDF")
    assert render.prep_pdf(draft).startswith(b"%PDF")
    assert b"X-Unsent: 1" in mail.eml_bytes(draft, proposal)


@settings(max_examples=300, deadline=None)
@given(st.lists(options(), min_size=1, max_size=6), st.none() | money)
def test_money_totals_are_exact(option_list, hourly):
    draft = model.Draft(options=option_list, person=model.Person(hourly_cost=hourly))
    ladder = costing.ladder_totals(draft)
    for option, totals in zip(option_list, ladder.options, strict=True):
        assert totals.cash == option.cost.amount  # two places in, two places out
        if hourly is not None:
            exact = option.cost.amount + option.hours_on_clock * hourly
            assert totals.total_cost == exact.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
            assert totals.total_cost == totals.cash + totals.cost_of_hours
        assert totals.hours_away + totals.hours_own_time == totals.hours_total


@pytest.mark.parametrize("example", EXAMPLES, ids=[e.stem for e in EXAMPLES])
def test_examples_survive_save_and_load(example, tmp_path):
    draft = drafts.load(example)
    drafts.save(draft, tmp_path / "x.upskill")
    assert drafts.load(tmp_path / "x.upskill") == draft


# --- hostile text inside the app ------------------------------------------------------------


def test_the_real_dialogs_show_user_text_as_plain_text(qtbot):
    from PySide6.QtCore import Qt, QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    from upskill_ask.ui.dialogs import Dialogs

    seen = []

    def answer():
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        seen.append((box.textFormat(), box.text()))
        box.done(QMessageBox.StandardButton.Ok)

    hostile = '<img src="file:///etc/passwd"><b>draft.upskill</b>'
    QTimer.singleShot(0, answer)
    Dialogs().error(None, "Cannot open", f"{hostile} cannot be opened")
    assert seen == [(Qt.TextFormat.PlainText, f"{hostile} cannot be opened")]


def test_hostile_text_in_a_draft_is_shown_literally_in_the_wizard(qtbot):
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QLabel, QLineEdit

    from upskill_ask.ui.pages.base import PageId
    from upskill_ask.ui.wizard import RequestWizard

    from .fakes import FakeDialogs, go_to

    hostile = '<b>bold</b><img src="file:///etc/passwd"> {{ 7*7 }}'
    draft = make_draft(title=hostile)
    draft.options[0].title = hostile
    wizard = RequestWizard(draft, dialogs=FakeDialogs())
    qtbot.addWidget(wizard)
    wizard.show()
    go_to(wizard, PageId.REVIEW)
    assert wizard.findChild(QLineEdit, "title").text() == hostile
    assert wizard.findChild(QLineEdit, "options.0.title").text() == hostile
    shown = [label for label in wizard.findChildren(QLabel) if hostile in label.text()]
    assert shown, "the review summary quotes the title"
    for label in shown:
        assert label.textFormat() == Qt.TextFormat.PlainText, label.objectName()
    wizard.store.dirty = False
    wizard.review_page.shutdown()
