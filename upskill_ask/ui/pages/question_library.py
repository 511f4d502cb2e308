"""The library half of the "Questions to expect" page: every built-in question in a list with a
tick box, and beside it what the selected (or hovered) question usually means and how the
answer reads with the user's figures.

It is a layout the page places, not a widget, so the page keeps its geometry. The list fills
the first time the page is shown (the library loads then); ticking emits ``toggled``.
"""

from __future__ import annotations

from collections.abc import Callable
from html import escape
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QTextBrowser, QVBoxLayout

from upskill_ask.i18n import _

if TYPE_CHECKING:
    from upskill_ask.objections import LibraryObjection
    from upskill_ask.ui.pages.question_card import Filled

ID_ROLE = Qt.ItemDataRole.UserRole


class LibraryChooser(QObject):
    """The list of library questions and the preview beside it; ``layout`` goes on the page."""

    #: a question was ticked (True) or unticked (False) by the user
    toggled = Signal(str, bool)

    def __init__(self, filled: Callable[[str], Filled | None], parent: QObject | None = None):
        super().__init__(parent)
        self._filled = filled
        self.library: dict[str, LibraryObjection] | None = None
        self.language = ""  # the language its texts are in ("": as written, English)
        self.layout = QHBoxLayout()
        left = QVBoxLayout()
        self.label = QLabel(_("Questions from the &library"))
        self.list = QListWidget()
        self.list.setObjectName("questions-library")
        self.list.setAccessibleName(_("Questions from the library"))
        self.list.setAccessibleDescription(
            _("Tick a question to add it to your proposal; untick it to take it out."))
        self.list.setMouseTracking(True)
        self.list.setUniformItemSizes(True)
        self.label.setBuddy(self.list)
        left.addWidget(self.label)
        left.addWidget(self.list)
        right = QVBoxLayout()
        preview_label = QLabel(_("What it usually means, and your answer"))
        self.preview = QTextBrowser()
        self.preview.setObjectName("questions-preview")
        self.preview.setAccessibleName(_("Preview of the selected question"))
        self.preview.setOpenLinks(False)
        self.preview.setTabChangesFocus(True)
        preview_label.setBuddy(self.preview)
        right.addWidget(preview_label)
        right.addWidget(self.preview)
        self.layout.addLayout(left, 1)
        self.layout.addLayout(right, 1)
        self.list.itemChanged.connect(
            lambda item: self.toggled.emit(item.data(ID_ROLE), item.checkState() == Qt.CheckState.Checked))
        self.list.currentItemChanged.connect(lambda item, _old: self.show_preview(item))
        self.list.itemEntered.connect(self.show_preview)
        self.list.viewport().installEventFilter(self)

    def load(self, library: dict[str, LibraryObjection]) -> None:
        """Fill the list (once), sized to show up to 14 questions."""
        self.library = library
        self.list.blockSignals(True)
        for oid, entry in library.items():
            item = QListWidgetItem(entry.question)
            item.setData(ID_ROLE, oid)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                          | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.list.addItem(item)
        self.list.blockSignals(False)
        rows = max(min(self.list.count(), 14), 4)
        height = self.list.sizeHintForRow(0) * rows + 2 * self.list.frameWidth()
        self.list.setFixedHeight(height)
        self.preview.setFixedHeight(height)

    def retitle(self, language: str, library: Callable[[], dict[str, LibraryObjection]]) -> bool:
        """Show the library in the document ``language`` (``library()`` gives it there), unless
        it is shown so already; True if it changed."""
        if language == self.language:
            return False
        self.language = language
        self.library = library()
        self.list.blockSignals(True)  # a new text is no tick
        for row in range(self.list.count()):
            item = self.list.item(row)
            entry = self.library.get(item.data(ID_ROLE))
            if entry is not None:
                item.setText(entry.question)
        self.list.blockSignals(False)
        self.show_current()
        return True

    def select_first(self) -> None:
        if self.list.count():
            self.list.setCurrentRow(0)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Leave and shiboken6.isValid(self.list) \
                and watched is self.list.viewport():
            self.show_current()
        return super().eventFilter(watched, event)

    def show_current(self) -> None:
        self.show_preview(self.list.currentItem())

    def show_preview(self, item: QListWidgetItem | None) -> None:
        if item is None or self.library is None:
            self.preview.setPlainText(_("Select a question to see what it usually means and how "
                                        "your answer would read."))
            return
        oid = item.data(ID_ROLE)
        entry = self.library.get(oid)
        if entry is None:  # pragma: no cover - the list holds library ids only
            return
        filled = self._filled(oid)
        # the headings are translated outside the f-strings: pybabel does not look inside them
        meaning, answer = _("What it usually means"), _("Your answer, with your figures")
        parts = [f"<p><b>{escape(entry.question)}</b></p>",
                 f"<p><i>{escape(meaning)}</i><br>{escape(entry.meaning)}</p>"]
        if filled is not None:
            parts.append(f"<p><i>{escape(answer)}</i><br>{escape(filled.answer)}</p>")
        self.preview.setHtml("".join(parts))

    def tick(self, chosen: set[str]) -> None:
        """Tick exactly the questions chosen in the draft."""
        self.list.blockSignals(True)
        for row in range(self.list.count()):
            item = self.list.item(row)
            state = Qt.CheckState.Checked if item.data(ID_ROLE) in chosen else \
                Qt.CheckState.Unchecked
            if item.checkState() != state:
                item.setCheckState(state)
        self.list.blockSignals(False)
