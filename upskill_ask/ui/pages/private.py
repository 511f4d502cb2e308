"""Page 7, "Private prep": never shown to the manager; it goes only into the prep sheet."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QLabel

from upskill_ask.i18n import _
from upskill_ask.ui.listeditor import ListEditor
from upskill_ask.ui.pages.base import DraftPage
from upskill_ask.vocabulary import kind_label


class PrivatePage(DraftPage):
    def build(self) -> None:
        self.setTitle(_("Private prep"))
        self.setSubTitle(_("Only for you."))
        banner = QLabel(_("Private: nothing on this page is ever shown to your manager: it appears "
                          "only in your private prep sheet, never in the proposal or the email."))
        banner.setObjectName("private-banner")
        banner.setWordWrap(True)
        banner.setFrameShape(QFrame.Shape.StyledPanel)
        banner.setMargin(8)
        self.body_layout.addWidget(banner)
        mine = self.form()
        mine.text("private.best_alternative", _("Your best &alternative if the answer is no"))
        mine.text("private.walk_away", _("Your &walk-away point"))
        self.stop_at = mine.combo("private.stop_at_option", _("&Lowest option you would accept"),
                                  [(_("Any of them"), None)],
                                  hint=_("the rung of the ladder below which you would say no"))
        mine.text("private.opening_lines", _("&Opening lines"),
                  hint=_("how you will open the meeting"))
        mine.text("private.motivations", _("Personal &motivations"))
        mine.text("private.notes", _("No&tes"))
        trades = self.form(_("What you could concede, and what you ask in return"))
        self.trades = ListEditor("private.trades", _("Trade"), self.binder,
                                 make_item=lambda: {"give": "", "get": ""},
                                 fields=(("give", _("I could give…"), "line"),
                                         ("get", _("…if I get"), "line")),
                                 add_text=_("Add a t&rade"))
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
        self.stop_at.addItem(_("Any of them"), None)
        for rank, option in enumerate(options, start=1):
            title = str(option.get("title") or "").strip() or _(kind_label(option.get("kind")))
            self.stop_at.addItem(f"{rank}. {title}", rank)
        chosen = self.store.get("private.stop_at_option")
        self.stop_at.setCurrentIndex(max(self.stop_at.findData(chosen), 0))
        self.stop_at.blockSignals(False)
