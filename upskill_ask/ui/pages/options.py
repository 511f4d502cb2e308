"""Page 4, "Options": the ranked ladder of request variants, with live totals from the engine.

Each option is a card with a form for its kind; cards can be added (one button per kind),
moved up and down (the first is the one you want most) and removed. Totals are computed by
``upskill_ask.costing`` from the draft as it stands, a moment after each edit.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
)

from upskill_ask.ui.pages.base import DraftPage
from upskill_ask.ui.store import blank_option
from upskill_ask.ui.widgets import Form, card_buttons, plain_label

KINDS = (
    ("free_training", "Free training on the clock",
     "Your employer gives paid hours, no cash. You pick a free course and report progress."),
    ("paid_course", "Paid course",
     "Your employer pays the fee (and some hours). You pick the course and share what you learn."),
    ("internal_expert", "Internal expert",
     "A colleague gives regular, structured check-ins. You prepare questions and apply it on a "
     "named project."),
    ("external_mentor", "External mentor, shifted hours",
     "A mentor fee or nothing, plus a shifted schedule. You make the hours up and keep core "
     "duties covered."),
)
KIND_LABEL = {k: label for k, label, _ in KINDS}
KIND_HELP = {k: text for k, _, text in KINDS}
MAX_OPTIONS = 12
ADD_MNEMONICS = {"free_training": "&Free training", "paid_course": "&Paid course",
                 "internal_expert": "&Internal expert", "external_mentor": "External &mentor"}


class OptionCard(QGroupBox):
    """The form for one rung of the ladder."""

    def __init__(self, page: OptionsPage, index: int, count: int):
        super().__init__()
        self.page = page
        self.index = index
        prefix = f"options.{index}"
        self.setObjectName(f"{prefix}.card")
        layout = QVBoxLayout(self)
        self.help = QLabel()
        self.help.setWordWrap(True)
        layout.addWidget(self.help)
        self.grid = grid = QFormLayout()
        grid.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        layout.addLayout(grid)
        form = Form(grid, page.binder)
        n = index + 1
        self.kind = form.combo(f"{prefix}.kind", "&Kind",
                               [(label, k) for k, label, _ in KINDS])
        self.kind.currentIndexChanged.connect(self._kind_changed)
        form.line(f"{prefix}.title", "&Title", hint="course, programme or arrangement")
        form.line(f"{prefix}.provider", "Provid&er or person")
        form.line(f"{prefix}.link", "&Link", hint="https://… (printed as text, never opened)")
        self.amount = form.decimal(f"{prefix}.cost.amount", "Cash c&ost",
                                   hint="0 if it costs no money")
        form.decimal(f"{prefix}.hours_total", "&Hours in total")
        form.decimal(f"{prefix}.hours_per_week", "Hours per &week")
        form.decimal(f"{prefix}.hours_on_clock", "Of those, durin&g work time",
                     hint="hours on the clock, taken from paid work time")
        form.date(f"{prefix}.schedule.start", "St&art")
        form.date(f"{prefix}.schedule.end", "En&d")
        self.shifted = form.line(f"{prefix}.schedule.shifted_hours", "Which da&ys and times shift",
                                 hint="e.g. start 1 h later on Tue and Thu")
        self.make_up = form.line(f"{prefix}.schedule.make_up", "How they are made &up",
                                 hint="e.g. stay until 17:30 on Mon and Wed")
        form.text(f"{prefix}.coverage", "Who co&vers core duties")
        form.line(f"{prefix}.deliverable", "Delive&rable",
                  hint="certificate, project, talk to the team")
        form.text(f"{prefix}.my_commitment", "What you give in e&xchange")
        for label in self.findChildren(QLabel):
            buddy = label.buddy()
            if buddy is not None:
                buddy.setAccessibleName(f"Option {n}: {label.text().replace('&', '')}")
        self.totals = plain_label(name=f"{prefix}.totals")
        self.totals.setAccessibleName(f"Totals of option {n}")
        layout.addWidget(self.totals)
        layout.addLayout(card_buttons(prefix, "option", index, count, page.move, page.remove))
        self._kind_changed()

    def _kind_changed(self) -> None:
        kind = self.kind.currentData()
        n = self.index + 1
        rank = "first choice" if self.index == 0 else f"option {n}"
        self.setTitle(f"{n}. {KIND_LABEL.get(kind, '')} ({rank})")
        self.help.setText(KIND_HELP.get(kind, ""))
        mentor = kind == "external_mentor"
        for widget in (self.shifted, self.make_up):
            self.grid.setRowVisible(widget, mentor)


class OptionsPage(DraftPage):
    def build(self) -> None:
        self.setTitle("Options")
        self.setSubTitle("Go in with several options, ranked: the one you want most first, the "
                         "cheapest fallback last. Totals are worked out for you.")
        add_row = QHBoxLayout()
        add_row.addWidget(QLabel("Add:"))
        self.add_buttons: dict[str, QPushButton] = {}
        for kind, _label, text in KINDS:
            button = QPushButton(ADD_MNEMONICS[kind])
            button.setObjectName(f"add-{kind}")
            button.setToolTip(text)
            button.setAccessibleName(f"Add a {KIND_LABEL[kind].lower()} option")
            button.clicked.connect(lambda _=False, k=kind: self.add(k))
            add_row.addWidget(button)
            self.add_buttons[kind] = button
        add_row.addStretch(1)
        self.body_layout.addLayout(add_row)
        self.ladder = plain_label(name="ladder-totals")
        self.ladder.setAccessibleName("Totals of the ladder")
        self.body_layout.addWidget(self.ladder)
        self.cards_box = QVBoxLayout()
        self.body_layout.addLayout(self.cards_box)
        self.body_layout.addStretch(1)
        self.cards: list[OptionCard] = []
        self._totals_timer = QTimer(self)
        self._totals_timer.setSingleShot(True)
        self._totals_timer.setInterval(150)
        self._totals_timer.timeout.connect(self.update_totals)
        self.store.changed.connect(self._on_changed)
        self.store.reset.connect(self.rebuild)
        self.rebuild()

    # --- structure -----------------------------------------------------------------------

    def rebuild(self) -> None:
        self.binder.forget("options")
        for card in self.cards:
            card.setParent(None)
            card.deleteLater()
        options = self.store.list_at("options")
        self.cards = [OptionCard(self, i, len(options)) for i in range(len(options))]
        for card in self.cards:
            self.cards_box.addWidget(card)
            card.show()
        for button in self.add_buttons.values():
            button.setEnabled(len(options) < MAX_OPTIONS)
        if self.isVisible():
            self._totals_timer.start()

    def add(self, kind: str) -> None:
        if len(self.store.list_at("options")) >= MAX_OPTIONS:
            return
        index = self.store.append("options", blank_option(kind, self.store.get("currency") or "EUR"))
        self.rebuild()
        card = self.cards[index]
        title = card.findChild(QLineEdit, f"options.{index}.title")
        if title is not None:
            title.setFocus()
            QTimer.singleShot(0, lambda: self._reveal(card))

    def _reveal(self, card: OptionCard) -> None:
        if shiboken6.isValid(card) and card in self.cards:
            self.scroll.ensureWidgetVisible(card)

    def remove(self, index: int) -> None:
        self.store.remove("options", index)
        self._fix_stop_at(removed=index)
        self.rebuild()

    def move(self, index: int, to: int) -> None:
        self.store.move("options", index, to)
        self.rebuild()
        button = self.findChild(QPushButton, f"options.{to}.{'up' if to < index else 'down'}")
        if button is not None and button.isEnabled():
            button.setFocus()

    def _fix_stop_at(self, removed: int) -> None:
        stop = self.store.get("private.stop_at_option")
        if isinstance(stop, int) and stop > len(self.store.list_at("options")):
            self.store.set("private.stop_at_option", len(self.store.list_at("options")) or None)

    # --- totals --------------------------------------------------------------------------

    def _on_changed(self, path: str) -> None:
        if path.startswith(("options", "person.hourly_cost", "currency", "locale")) and \
                self.isVisible():
            self._totals_timer.start()

    def initializePage(self) -> None:
        super().initializePage()
        self.update_totals()

    def showEvent(self, event) -> None:
        # with independent pages initializePage runs once: figures changed elsewhere
        # (currency, hourly cost) are picked up each time the page is shown
        super().showEvent(event)
        self._totals_timer.start(0)

    def validatePage(self) -> bool:
        if not self.store.list_at("options"):
            self.message.setText("Before you go on: add at least one option — going in with "
                                 "several, ranked, is what makes a yes likely.")
            self.message.show()
            self.add_buttons["paid_course"].setFocus()
            return False
        return super().validatePage()

    def update_totals(self) -> None:
        from upskill_ask import costing
        from upskill_ask.drafts import DraftError
        from upskill_ask.formatting import Formatter

        try:
            draft = self.store.draft()
        except DraftError as exc:
            mine = [line for line in exc.lines() if line.startswith(("options", "person.hourly"))]
            self.ladder.setText("Totals wait for: " + "; ".join(mine or exc.lines()[:2]))
            return
        fmt = Formatter.for_draft(draft)
        ladder = costing.ladder_totals(draft)
        for card, totals in zip(self.cards, ladder.options, strict=False):
            card.totals.setText(describe(totals, fmt))
        if not ladder.options:
            self.ladder.setText("No options yet. Start with the one you want most.")
            return
        low, high = ladder.cash_range
        hours_low, hours_high = ladder.hours_away_range
        cash = fmt.money(low, whole=True) if low == high else \
            f"{fmt.money(low, whole=True)} to {fmt.money(high, whole=True)}"
        hours = fmt.hours(hours_low) if hours_low == hours_high else \
            f"{fmt.number(hours_low)} to {fmt.hours(hours_high)}"
        count = len(ladder.options)
        self.ladder.setText(f"{count} option{'s' if count != 1 else ''} on the ladder · cash "
                            f"{cash} · time away from core work {hours}")


def describe(totals, fmt) -> str:
    """One line of totals for an option card (the same figures the documents print)."""
    parts = [f"Cash {fmt.money(totals.cash)}",
             f"{fmt.hours(totals.hours_away)} away from core work"]
    if totals.hours_away_per_week is not None:
        parts.append(f"{fmt.hours(totals.hours_away_per_week)} a week")
    if totals.months is not None:
        parts.append(f"over {fmt.number(totals.months)} months")
    if totals.cash_per_month is not None and totals.cash:
        parts.append(f"about {fmt.approx(totals.cash_per_month)} a month")
    if totals.cost_of_hours is not None:
        parts.append(f"cost of the hours {fmt.money(totals.cost_of_hours)}")
        parts.append(f"total {fmt.money(totals.total_cost)}")
    return " · ".join(parts)

