"""Page 7, "Private prep": never shown to the manager; it goes only into the prep sheet."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QLabel

from upskill_ask.ui.pages.base import DraftPage
from upskill_ask.ui.widgets import ListEditor


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
        mine.spin("private.stop_at_option", "&Lowest option you would accept", 12,
                  special="Any of them", hint="the rung of the ladder where you would stop")
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
