"""Page 7, "Private prep": never shown to the manager; it goes only into the prep sheet."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QLabel

from upskill_ask.ui.listeditor import ListEditor
from upskill_ask.ui.pages.base import DraftPage
from upskill_ask.vocabulary import option_name


class PrivatePage(DraftPage):
    def build(self) -> None:
        self.setTitle("Private prep")
        self.setSubTitle("Only for you.")
        banner = QLabel("Private: nothing on this page is ever shown to your manager: it appears only "
                        "in your private prep sheet, never in the proposal or the email.")
        banner.setObjectName("private-banner")
        banner.setWordWrap(True)
        banner.setFrameShape(QFrame.Shape.StyledPanel)
        banner.setMargin(8)
        self.body_layout.addWidget(banner)
        mine = self.form()
        mine.text("private.best_alternative", "Your best &alternative if the answer is no")
        mine.text("private.walk_away", "Your &walk-away point")
        self.stop_at = mine.combo("private.stop_at_option", "&Lowest option you would accept",
                                  [("Any of them", None)],
                                  hint="the rung of the ladder below which you would say no")
        mine.text("private.opening_lines", "&Opening lines", hint="how you will open the meeting")
        mine.text("private.motivations", "Personal &motivations")
        mine.text("private.notes", "No&tes")
        trades = self.form("What you could concede, and what you ask in return")
        self.trades = ListEditor("private.trades", "Trade", self.binder,
                                 make_item=lambda: {"give": "", "get": ""},
                                 fields=(("give", "I could give…", "line"),
                                         ("get", "…if I get", "line")),
                                 add_text="Add a t&rade")
        trades.layout.addRow(self.trades)
        self.body_layout.addStretch(1)
        self.store.changed.connect(self._on_changed)
        self.store.reset.connect(self.update_ladder)
        self.update_ladder()

    def _on_changed(self, path: str) -> None:
        if path == "options" or (path.endswith((".title", ".kind")) and path.startswith("options.")):
            self.update_ladder()

    def update_ladder(self) -> None:
        """The choices follow the ladder: 'Any of them', then each option by rank and title."""
        options = self.store.list_at("options")
        self.stop_at.blockSignals(True)
        self.stop_at.clear()
        self.stop_at.addItem("Any of them", None)
        for rank, option in enumerate(options, start=1):
            title = option_name(option.get("title"), option.get("kind"))
            self.stop_at.addItem(f"{rank}. {title}", rank)
        chosen = self.store.get("private.stop_at_option")
        self.stop_at.setCurrentIndex(max(self.stop_at.findData(chosen), 0))
        self.stop_at.blockSignals(False)
