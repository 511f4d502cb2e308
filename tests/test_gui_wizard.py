"""The wizard as a user drives it: typing, Next/Back, options, saving, reopening, recovery."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QWidget,
    QWizard,
)

from upskill_ask import drafts
from upskill_ask.ui.dialogs import Unsaved
from upskill_ask.ui.pages.base import PageId

from .conftest import EXAMPLES, make_draft
from .fakes import FakeDialogs, go_to

pytestmark = pytest.mark.gui


@pytest.fixture
def make_wizard(wizards):
    return wizards


def field(wizard, path) -> QWidget:
    widget = wizard.findChild(QWidget, path)
    assert widget is not None, f"no widget named {path}"
    return widget


def type_into(qtbot, widget, text):
    widget.setFocus()
    if isinstance(widget, QLineEdit):
        widget.selectAll()
    elif isinstance(widget, QPlainTextEdit):
        widget.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClicks(widget, text)


def test_the_wizard_is_a_qwizard_with_independent_pages(make_wizard):
    wizard = make_wizard()
    assert isinstance(wizard, QWizard)
    assert wizard.testOption(QWizard.WizardOption.IndependentPages)
    assert wizard.pageIds() == [int(p) for p in PageId]


def test_from_blank_to_saved_draft(make_wizard, qtbot, tmp_path):
    target = tmp_path / "ask.upskill"
    dialogs = FakeDialogs(save_path=target)
    wizard = make_wizard(dialogs=dialogs)
    qtbot.mouseClick(wizard.start_page.new_button, Qt.MouseButton.LeftButton)
    assert wizard.currentId() == PageId.PEOPLE
    wizard.next()  # nothing typed yet: the page explains instead of going on
    assert wizard.currentId() == PageId.PEOPLE
    message = wizard.currentPage().message
    assert message.isVisible() and "your name" in message.text()
    type_into(qtbot, field(wizard, "person.name"), "Ana Ruiz")
    type_into(qtbot, field(wizard, "manager.name"), "Tom Weber")
    wizard.next()
    assert wizard.currentId() == PageId.SKILL
    type_into(qtbot, field(wizard, "skill.name"), "Advanced SQL")
    evidence = field(wizard, "skill.gap_evidence")
    type_into(qtbot, evidence, "Reports wait on me.")
    qtbot.keyClick(evidence, Qt.Key.Key_Return)
    qtbot.keyClicks(evidence, "Twice a week.")
    wizard.next()
    assert wizard.currentId() == PageId.OPTIONS
    wizard.next()  # no option yet
    assert wizard.currentId() == PageId.OPTIONS
    qtbot.mouseClick(wizard.findChild(QPushButton, "add-paid_course"), Qt.MouseButton.LeftButton)
    type_into(qtbot, field(wizard, "options.0.title"), "SQL for analysts")
    type_into(qtbot, field(wizard, "options.0.cost.amount"), "1200")
    type_into(qtbot, field(wizard, "options.0.hours_total"), "30")
    type_into(qtbot, field(wizard, "options.0.hours_on_clock"), "20")
    type_into(qtbot, field(wizard, "options.0.hours_per_week"), "3")
    totals = wizard.findChild(QLabel, "options.0.totals")
    qtbot.waitUntil(lambda: "20 h in work time, away from core work" in totals.text())
    # every amount of this draft is whole: the documents' money style drops the cents
    assert "€1,200 " in totals.text() and ".00" not in totals.text()
    qtbot.keyClick(wizard, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert target.exists(), dialogs.calls
    saved = drafts.load(target)
    assert saved.person.name == "Ana Ruiz"
    assert saved.skill.gap_evidence == "Reports wait on me.\nTwice a week."
    assert saved.options[0].cost.amount == 1200
    assert "ask.upskill" in wizard.windowTitle()
    assert not wizard.isWindowModified()


def test_back_and_next_keep_everything(make_wizard, qtbot):
    wizard = make_wizard(make_draft())
    go_to(wizard, PageId.SKILL)
    type_into(qtbot, field(wizard, "skill.why_now"), " Soon.")
    go_to(wizard, PageId.PRIVATE)
    type_into(qtbot, field(wizard, "private.notes"), " Be brief.")
    before = wizard.draft()
    go_to(wizard, PageId.START)
    go_to(wizard, PageId.REVIEW)
    go_to(wizard, PageId.PEOPLE)
    after = wizard.draft()
    assert after == before
    assert after.skill.why_now.endswith("Soon.")
    assert after.private.notes.endswith("Be brief.")


def test_every_field_of_an_example_is_shown_in_its_widget(make_wizard):
    assert EXAMPLES
    wizard = make_wizard(drafts.load(EXAMPLES[0]))
    raw = json.loads(EXAMPLES[0].read_text(encoding="utf-8"))

    def leaves(node, path=()):
        if isinstance(node, dict):
            for k, v in node.items():
                yield from leaves(v, (*path, str(k)))
        elif isinstance(node, list):
            for i, v in enumerate(node):
                yield from leaves(v, (*path, str(i)))
        else:
            yield ".".join(path), node

    missing = []
    for path, value in leaves(raw):
        if not isinstance(value, str) or path in ("format",) or " " not in value.strip():
            continue
        widget = wizard.findChild(QWidget, path)
        if widget is None:
            missing.append(path)
            continue
        text = widget.text() if isinstance(widget, QLineEdit) else widget.toPlainText()
        assert text.strip() == value.strip(), path
    assert missing == []


def test_reordering_and_removing_options(make_wizard, qtbot):
    wizard = make_wizard(make_draft())
    go_to(wizard, PageId.OPTIONS)
    first = wizard.draft().options[0].title
    qtbot.mouseClick(wizard.findChild(QPushButton, "options.0.down"), Qt.MouseButton.LeftButton)
    assert wizard.draft().options[1].title == first
    assert field(wizard, "options.1.title").text() == first
    qtbot.mouseClick(wizard.findChild(QPushButton, "add-external_mentor"), Qt.MouseButton.LeftButton)
    assert wizard.draft().options[2].kind == "external_mentor"
    assert field(wizard, "options.2.schedule.shifted_hours").isVisibleTo(wizard)
    assert not field(wizard, "options.0.schedule.shifted_hours").isVisibleTo(wizard)
    qtbot.mouseClick(wizard.findChild(QPushButton, "options.2.remove"), Qt.MouseButton.LeftButton)
    assert len(wizard.draft().options) == 2
    assert wizard.findChild(QWidget, "options.2.title") is None


def test_lists_add_and_remove_items(make_wizard, qtbot):
    wizard = make_wizard(make_draft())
    go_to(wizard, PageId.SKILL)
    editor = wizard.findChild(QWidget, "skill.benefits_team.list")
    count = len(wizard.draft().skill.benefits_team)
    qtbot.mouseClick(editor.add_button, Qt.MouseButton.LeftButton)
    type_into(qtbot, field(wizard, f"skill.benefits_team.{count}"), "Faster month-end reports")
    assert wizard.draft().skill.benefits_team[-1] == "Faster month-end reports"
    assert editor.property("items")[-1] == "Faster month-end reports"


def test_opened_draft_saves_back_equal(make_wizard, tmp_path):
    path = tmp_path / "mine.upskill"
    drafts.save(make_draft(), path)
    wizard = make_wizard(dialogs=FakeDialogs())
    assert wizard.open_path(path)
    assert wizard.draft() == make_draft()
    assert wizard.save()
    assert drafts.load(path) == make_draft()


@pytest.mark.parametrize("content", [b"{not json", b'{"format": "upskill-ask/draft", "version": 9}',
                                     b"\xff\xfe\x00garbage"])
def test_a_draft_that_cannot_be_opened_gives_a_dialog_and_is_untouched(make_wizard, tmp_path,
                                                                       content):
    path = tmp_path / "broken.upskill"
    path.write_bytes(content)
    dialogs = FakeDialogs()
    wizard = make_wizard(dialogs=dialogs)
    assert not wizard.open_path(path)
    [message] = dialogs.texts("error")
    assert "broken.upskill cannot be opened" in message
    assert path.read_bytes() == content
    assert wizard.path is None


def test_unsaved_changes_prompt_before_closing(make_wizard, qtbot):
    dialogs = FakeDialogs(unsaved=Unsaved.CANCEL)
    wizard = make_wizard(make_draft(), dialogs=dialogs)
    go_to(wizard, PageId.PEOPLE)
    type_into(qtbot, field(wizard, "person.role"), " (acting)")
    assert wizard.isWindowModified()
    wizard.close()
    assert wizard.isVisible() and dialogs.texts("ask_unsaved")
    dialogs.unsaved_answer = Unsaved.DISCARD
    wizard.close()
    assert not wizard.isVisible()


def test_autosave_writes_a_separate_recovery_file_that_restores(make_wizard, qtbot, tmp_path):
    from upskill_ask.ui.app import open_window

    path = tmp_path / "mine.upskill"
    drafts.save(make_draft(), path)
    original = path.read_bytes()
    wizard = make_wizard(make_draft(), path=path)
    wizard.files.autosave.setInterval(50)
    go_to(wizard, PageId.PEOPLE)
    type_into(qtbot, field(wizard, "person.team"), " North")
    qtbot.waitUntil(lambda: drafts.recovery_path(path).exists())
    assert path.read_bytes() == original  # autosave never touches the draft itself
    # the app is killed here: the next start offers the work back
    wizard.store.dirty = False
    dialogs = FakeDialogs(restore=True)
    restored = open_window(None, dialogs=dialogs)
    qtbot.addWidget(restored)
    assert dialogs.texts("ask_restore") == ["mine.upskill"]
    assert restored.draft().person.team.endswith("North")
    assert restored.path == path
    assert restored.isWindowModified() or restored.store.dirty
    restored.store.dirty = False
    restored.review_page.shutdown()


def test_declining_recovery_deletes_it(make_wizard, qtbot):
    from upskill_ask.ui.app import open_window

    drafts.write_recovery(make_draft().model_dump(mode="json"), None)
    dialogs = FakeDialogs(restore=False)
    window = open_window(None, dialogs=dialogs)
    qtbot.addWidget(window)
    assert drafts.pending_recoveries() == []
    assert window.draft().person.name == ""
    window.review_page.shutdown()


def test_restored_work_reopens_on_its_page_and_back_reaches_start(make_wizard, qtbot, tmp_path):
    from upskill_ask.ui.app import open_window

    wizard = make_wizard(make_draft())
    go_to(wizard, PageId.QUESTIONS)
    type_into(qtbot, field(wizard, "objections.1.answer"), " Everyone can.")
    wizard.write_recovery()
    wizard.store.dirty = False
    restored = open_window(None, dialogs=FakeDialogs(restore=True))
    qtbot.addWidget(restored)
    restored.show()
    assert restored.currentId() == PageId.QUESTIONS
    assert restored.draft().objections[1].answer.endswith("Everyone can.")
    for _ in range(len(PageId) - 1):
        restored.back()
    assert restored.currentId() == PageId.START
    restored.store.dirty = False
    restored.review_page.shutdown()


def test_after_a_crash_the_app_says_so_before_offering_the_work(make_wizard, qtbot):
    from upskill_ask.ui.app import open_window

    drafts.write_recovery(make_draft().model_dump(mode="json"), None)
    dialogs = FakeDialogs(restore=True)
    window = open_window(None, dialogs=dialogs, crashed=True)
    qtbot.addWidget(window)
    assert [kind for kind, _ in dialogs.calls] == ["info", "ask_restore"]
    assert "closed unexpectedly" in dialogs.texts("info")[0]
    assert "crash.log" in dialogs.texts("info")[0]
    window.store.dirty = False
    window.review_page.shutdown()


def test_save_failure_keeps_work_and_says_why(make_wizard, qtbot, tmp_path, monkeypatch):
    import os

    path = tmp_path / "mine.upskill"
    dialogs = FakeDialogs()
    wizard = make_wizard(make_draft(), path=path, dialogs=dialogs)

    real_replace = os.replace

    def disk_full(src, dst):
        if str(dst).startswith(str(tmp_path)):
            raise OSError(28, "No space left on device")
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", disk_full)
    wizard.store.set("person.team", "Changed")
    assert not wizard.save()
    assert "No space left on device" in dialogs.texts("error")[0]
    assert wizard.store.dirty and wizard.draft().person.team == "Changed"
    assert drafts.recovery_path(path).exists()


def test_invalid_field_blocks_saving_with_the_field_named(make_wizard, tmp_path):
    dialogs = FakeDialogs(save_path=tmp_path / "x.upskill")
    wizard = make_wizard(make_draft(), dialogs=dialogs)
    wizard.store.set("options.0.hours_on_clock", "99")
    assert not wizard.save()
    assert "options.0" in dialogs.texts("error")[0]
    assert not (tmp_path / "x.upskill").exists()


def test_an_exception_in_a_slot_is_logged_and_shown(qtbot, monkeypatch):
    from upskill_ask import logs
    from upskill_ask.ui import errors

    shown = []
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    logs.setup()
    errors.install(lambda text, details: shown.append((text, details)))
    button = QPushButton("boom")
    qtbot.addWidget(button)

    def broken():
        raise RuntimeError(" ".join(["secret", "draft", "words"]))

    button.clicked.connect(broken)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert shown and "RuntimeError" in shown[0][0]
    log = Path(logs.log_file()).read_text(encoding="utf-8")
    assert "RuntimeError" in log and "secret draft words" not in log


def _inputs(page):
    kinds = (QLineEdit, QPlainTextEdit, QComboBox, QAbstractSpinBox)
    return [w for w in page.findChildren(QWidget) if (isinstance(w, kinds)
            and "." in w.objectName()) or w.objectName() in ("title", "currency", "locale")]


def test_every_input_has_label_mnemonic_buddy_and_accessible_name(make_wizard):
    wizard = make_wizard(make_draft())
    for page_id in wizard.pageIds():
        page = wizard.page(page_id)
        buddies = {label.buddy(): label for label in page.findChildren(QLabel) if label.buddy()}
        for widget in _inputs(page):
            if not isinstance(widget, (QLineEdit, QPlainTextEdit, QComboBox, QAbstractSpinBox)):
                continue
            if isinstance(widget, QLineEdit) and isinstance(widget.parent(), QAbstractSpinBox):
                continue
            assert widget.accessibleName(), widget.objectName()
            assert widget.focusPolicy() & Qt.FocusPolicy.TabFocus, widget.objectName()
            parent_list = widget.objectName().rsplit(".", 1)[0]
            if parent_list.split(".")[-1].isdigit() or widget.objectName().split(".")[-1].isdigit():
                continue  # items of a list are labelled by their list's caption
            label = buddies.get(widget)
            assert label is not None, f"{widget.objectName()} has no label buddy"
            card = widget.objectName().split(".")[0]
            if widget.objectName().startswith("private.fallbacks."):
                card = "objections"
            repeated = card in ("options", "objections") and len(wizard.store.get(card)) > 1
            if repeated:  # repeated cards would repeat their letters: they carry none
                assert "&" not in label.text(), f"{widget.objectName()}: repeated mnemonic"
            else:
                assert "&" in label.text(), f"{widget.objectName()}: label without mnemonic"


def test_mnemonics_do_not_clash_within_a_page(make_wizard):
    # without options or questions there are no repeated cards: every key must be unique
    wizard = make_wizard(make_draft(options=[], objections=[]))
    reserved = {"s", "b", "n", "c"}
    for page_id in wizard.pageIds():
        page = wizard.page(page_id)
        keys = []
        for widget in page.findChildren(QWidget):
            text = widget.text() if isinstance(widget, (QLabel, QPushButton)) else ""
            if "&" in text.replace("&&", ""):
                keys.append(text.replace("&&", "")[text.replace("&&", "").index("&") + 1].lower())
        assert not reserved & set(keys), (page_id, reserved & set(keys))
        assert len(keys) == len(set(keys)), (page_id, sorted(keys))


def test_a_bundled_example_opens_as_an_untitled_copy(qtbot):
    from upskill_ask import recent
    from upskill_ask.ui.app import open_window

    example = recent.examples()[0]
    before = example.read_bytes()
    window = open_window(example, dialogs=FakeDialogs())
    qtbot.addWidget(window)
    assert window.path is None and window.currentId() in (-1, PageId.PEOPLE)
    assert window.draft() == drafts.load(example)
    assert recent.load() == []
    assert example.read_bytes() == before
    window.review_page.shutdown()


def test_a_draft_given_on_the_command_line_opens_on_the_first_form_page(qtbot, tmp_path):
    from upskill_ask import recent
    from upskill_ask.ui.app import open_window

    path = tmp_path / "mine.upskill"
    drafts.save(make_draft(), path)
    window = open_window(path, dialogs=FakeDialogs())
    qtbot.addWidget(window)
    window.show()
    assert window.path == path and window.currentId() == PageId.PEOPLE
    assert recent.load() == [path.resolve()]
    window.review_page.shutdown()


def test_a_broken_draft_on_the_command_line_gives_a_dialog_and_a_new_proposal(qtbot, tmp_path):
    from upskill_ask.ui.app import open_window

    path = tmp_path / "broken.upskill"
    path.write_bytes(b"\x00\x01")
    dialogs = FakeDialogs()
    window = open_window(path, dialogs=dialogs)
    qtbot.addWidget(window)
    assert "broken.upskill cannot be opened" in dialogs.texts("error")[0]
    assert window.path is None and path.read_bytes() == b"\x00\x01"
    window.review_page.shutdown()


def test_the_walk_away_rung_is_chosen_from_the_ladder_by_title(make_wizard, qtbot):
    from PySide6.QtWidgets import QComboBox

    wizard = make_wizard(make_draft())
    go_to(wizard, PageId.PRIVATE)
    combo = wizard.findChild(QComboBox, "private.stop_at_option")
    items = [combo.itemText(i) for i in range(combo.count())]
    assert items == ["Any of them", "1. Power BI Data Analyst course", "2. Vendor learning path"]
    assert combo.currentText() == "2. Vendor learning path"
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Up)
    assert wizard.draft().private.stop_at_option == 1
    qtbot.keyClick(combo, Qt.Key.Key_Up)
    assert wizard.draft().private.stop_at_option is None
    go_to(wizard, PageId.OPTIONS)
    field(wizard, "options.1.title").setFocus()
    type_into(qtbot, field(wizard, "options.1.title"), "Free vendor path")
    go_to(wizard, PageId.PRIVATE)
    assert combo.itemText(2) == "2. Free vendor path"
