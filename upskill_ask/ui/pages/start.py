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
from upskill_ask.ui.pages.base import DraftPage


class StartPage(DraftPage):
    """Choosing what to work on. The wizard acts on the signals."""

    newRequested = Signal()
    openRequested = Signal()
    pathChosen = Signal(Path)
    exampleChosen = Signal(Path)
    outcomeRequested = Signal()

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
        self.setTitle("Prepare your ask")
        self.setSubTitle("Go into the meeting with a clear proposal, several options and answers "
                         "ready. Start a new proposal, or carry on with a draft.")
        buttons = QHBoxLayout()
        self.new_button = QPushButton("Start a ne&w proposal")
        self.new_button.setObjectName("start-new")
        self.new_button.clicked.connect(self.newRequested)
        self.open_button = QPushButton("&Open a draft…")
        self.open_button.setObjectName("start-open")
        self.open_button.clicked.connect(self.openRequested)
        self.outcome_button = QPushButton("Record the outcome of the meetin&g…")
        self.outcome_button.setObjectName("start-outcome")
        self.outcome_button.setToolTip("Open the recent draft selected below (or choose one) "
                                       "and record what was decided")
        self.outcome_button.clicked.connect(self.outcomeRequested)
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.outcome_button)
        buttons.addStretch(1)
        self.body_layout.addLayout(buttons)

        self.recent_label, self.recent_list = self._path_list(
            "&Recent drafts", "start-recent", "Recent drafts", self.pathChosen)
        self.examples_label, self.examples_list = self._path_list(
            "Start from an &example", "start-examples", "Examples", self.exampleChosen)
        self.body_layout.addStretch(1)

    def initializePage(self) -> None:
        super().initializePage()
        self.refresh_lists()

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
