"""Page 1, "Start": a new proposal, a draft to open, a recent draft, or a bundled example."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal, SignalInstance
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
)

from upskill_ask import recent
from upskill_ask.i18n import _
from upskill_ask.ui import language
from upskill_ask.ui.inputs import ChoiceBox
from upskill_ask.ui.pages.base import DraftPage
from upskill_ask.ui.widgets import plain_label


class StartPage(DraftPage):
    """Choosing what to work on. The wizard acts on the signals."""

    newRequested = Signal()
    openRequested = Signal()
    pathChosen = Signal(Path)
    exampleChosen = Signal(Path)
    outcomeRequested = Signal()
    languageChosen = Signal(object)  # a language code, or None for the system's
    rehearseRequested = Signal(object)  # the recent draft picked (a Path), or None

    def _path_list(self, text: str, name: str, accessible: str,
                   chosen: SignalInstance) -> tuple[QLabel, QListWidget]:
        """A labelled list of files; activating an item emits ``chosen`` with its path."""
        label = QLabel(text)
        files = QListWidget()
        files.setObjectName(name)
        files.setAccessibleName(accessible)
        label.setBuddy(files)
        files.itemActivated.connect(
            lambda item: chosen.emit(Path(item.data(Qt.ItemDataRole.UserRole))))
        self.body_layout.addWidget(label)
        self.body_layout.addWidget(files)
        return label, files

    def build(self) -> None:
        self.setTitle(_("Prepare your ask"))
        self.setSubTitle(_("Go into the meeting with a clear proposal, several options and "
                           "answers ready. Start a new proposal, or carry on with a draft."))
        buttons = QHBoxLayout()
        self.new_button = QPushButton(_("Start a ne&w proposal"))
        self.new_button.setObjectName("start-new")
        self.new_button.clicked.connect(self.newRequested)
        self.open_button = QPushButton(_("&Open a draft…"))
        self.open_button.setObjectName("start-open")
        self.open_button.clicked.connect(self.openRequested)
        self.rehearse_button = QPushButton(_("Re&hearse a saved draft…"))
        self.rehearse_button.setObjectName("start-rehearse")
        self.rehearse_button.setAccessibleName(_("Rehearse the meeting on a saved draft"))
        self.rehearse_button.setToolTip(_("The app plays your manager: the picked recent draft, "
                                          "else the one open, else one you choose"))
        self.rehearse_button.clicked.connect(
            lambda: self.rehearseRequested.emit(self.picked_recent()))
        self.outcome_button = QPushButton(_("Record the outcome of the meetin&g…"))
        self.outcome_button.setObjectName("start-outcome")
        self.outcome_button.setToolTip(_("Open the recent draft selected below (or choose one) "
                                         "and record what was decided"))
        self.outcome_button.clicked.connect(self.outcomeRequested)
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.rehearse_button)
        buttons.addWidget(self.outcome_button)
        buttons.addStretch(1)
        self.body_layout.addLayout(buttons)

        self.recent_label, self.recent_list = self._path_list(
            _("&Recent drafts"), "start-recent", _("Recent drafts"), self.pathChosen)
        self.examples_label, self.examples_list = self._path_list(
            _("Start from an &example"), "start-examples", _("Examples"), self.exampleChosen)
        self.body_layout.addStretch(1)
        self._language_row()

    def _language_row(self) -> None:
        """The app's own language: System or one of ours, remembered for the next starts."""
        row = QHBoxLayout()
        label = QLabel(_("App &language:"))
        self.language_box = ChoiceBox()  # the wheel never switches the language in passing
        self.language_box.setObjectName("app-language")
        self.language_box.setAccessibleName(_("App language"))
        self.language_box.setToolTip(_("The language of the app's own screens. The language of "
                                       "the documents is set for each draft."))
        for text, code in language.choices():
            self.language_box.addItem(text, code)
        self.language_box.setCurrentIndex(max(0, self.language_box.findData(language.chosen())))
        self.language_box.activated.connect(self._language_activated)
        label.setBuddy(self.language_box)
        row.addWidget(label)
        row.addWidget(self.language_box)
        row.addStretch(1)
        self.body_layout.addLayout(row)
        self.language_note = plain_label(name="app-language-note")
        self.language_note.hide()
        self.body_layout.addWidget(self.language_note)

    def _language_activated(self, index: int) -> None:
        code = self.language_box.itemData(index) if index >= 0 else None
        if code == language.chosen():
            return
        if not language.choose(code):
            self.language_note.setText(_("The choice of language could not be saved."))
            self.language_note.show()
            return
        self.languageChosen.emit(code)

    def initializePage(self) -> None:
        super().initializePage()
        self.refresh_lists()

    def picked_recent(self) -> Path | None:
        """The recent draft selected in the list, if the user picked one."""
        item = self.recent_list.currentItem()
        if item is None or not item.isSelected():
            return None
        return Path(item.data(Qt.ItemDataRole.UserRole))

    def refresh_lists(self) -> None:
        self.recent_list.clear()
        for path in recent.load():
            item = QListWidgetItem(f"{path.stem}  —  {path.parent}")
            item.setData(Qt.ItemDataRole.UserRole, str(path))
            self.recent_list.addItem(item)
        has_recent = self.recent_list.count() > 0
        self.recent_label.setVisible(has_recent)
        self.recent_list.setVisible(has_recent)
        self.examples_list.clear()
        for path in recent.examples():
            item = QListWidgetItem(recent.describe_example(path))
            item.setData(Qt.ItemDataRole.UserRole, str(path))
            self.examples_list.addItem(item)

    def selected_recent(self) -> Path | None:
        """The recent draft selected in the list, if any."""
        item = self.recent_list.currentItem()
        if item is None or not item.isSelected() or not self.recent_list.isVisible():
            return None
        return Path(item.data(Qt.ItemDataRole.UserRole))
