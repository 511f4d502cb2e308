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

from upskill_ask.i18n import N_, _, ngettext
from upskill_ask.ui.form import Form
from upskill_ask.ui.pages.base import DraftPage
from upskill_ask.ui.widgets import card_buttons, plain_label
from upskill_ask.vocabulary import (
    KIND_HELP,
    KIND_LABELS,
    OPTIONS_MAX,
    RequestKind,
    blank_option,
    kind_label,
)

KINDS = tuple((kind.value, KIND_LABELS[kind], KIND_HELP[kind]) for kind in RequestKind)
ADD_MNEMONICS = {"free_training": N_("&Free training"), "paid_course": N_("&Paid course"),
                 "internal_expert": N_("&Internal expert"), "external_mentor": N_("External &mentor")}
ADD_NAMES = {"free_training": N_("Add a free training on the clock option"),
             "paid_course": N_("Add a paid course option"),
             "internal_expert": N_("Add an internal expert option"),
             "external_mentor": N_("Add an external mentor, shifted hours option")}


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
        form = Form(grid, page.binder, mnemonics=count == 1)
        n = index + 1
        self.kind = form.combo(f"{prefix}.kind", _("&Kind"),
                               [(_(label), k) for k, label, _help in KINDS])
        self.kind.currentIndexChanged.connect(self._kind_changed)
        form.line(f"{prefix}.title", _("&Title"), hint=_("course, programme or arrangement"))
        form.line(f"{prefix}.provider", _("Provid&er or person"))
        form.line(f"{prefix}.link", _("&Link"), hint=_("https://… (printed as text, never opened)"))
        self.amount = form.decimal(f"{prefix}.cost.amount", _("Cash c&ost"),
                                   hint=_("0 if it costs no money"))
        form.decimal(f"{prefix}.hours_total", _("&Hours in total"),
                     hint=_("every hour of this option, in work time or your own"))
        form.decimal(f"{prefix}.hours_per_week", _("Hours per &week"),
                     hint=_("all the hours of a typical week, in work time or your own"))
        form.decimal(f"{prefix}.hours_on_clock", _("Of the total, durin&g work time"),
                     hint=_("hours on the clock, taken from paid work time; the rest are your own"))
        self.hours_check = plain_label(name=f"{prefix}.hours-check")
        self.hours_check.setAccessibleName(
            _("Option {n}: hours and dates that disagree").format(n=n))
        self.hours_check.hide()
        grid.addRow(self.hours_check)
        form.date(f"{prefix}.schedule.start", _("St&art"))
        form.date(f"{prefix}.schedule.end", _("En&d"))
        self.shifted = form.line(f"{prefix}.schedule.shifted_hours",
                                 _("Which da&ys and times shift"),
                                 hint=_("e.g. start 1 h later on Tue and Thu"))
        self.make_up = form.line(f"{prefix}.schedule.make_up", _("How they are made &up"),
                                 hint=_("e.g. stay until 17:30 on Mon and Wed"))
        form.text(f"{prefix}.coverage", _("Who co&vers core duties"))
        form.line(f"{prefix}.deliverable", _("Delive&rable"),
                  hint=_("certificate, project, talk to the team"))
        form.text(f"{prefix}.my_commitment", _("What you give in e&xchange"))
        for label in self.findChildren(QLabel):
            buddy = label.buddy()
            if buddy is not None:
                buddy.setAccessibleName(_("Option {n}: {field}").format(
                    n=n, field=label.text().replace("&", "")))
        self.totals = plain_label(name=f"{prefix}.totals")
        self.totals.setAccessibleName(_("Totals of option {n}").format(n=n))
        layout.addWidget(self.totals)
        layout.addLayout(card_buttons(prefix, _("option"), index, count, page.move, page.remove))
        self._kind_changed()

    def _kind_changed(self) -> None:
        kind = self.kind.currentData()
        n = self.index + 1
        rank = _("first choice") if self.index == 0 else _("option {n}").format(n=n)
        self.setTitle(f"{n}. {_(kind_label(kind))} ({rank})")
        self.help.setText(_(KIND_HELP.get(kind, "")))
        mentor = kind == "external_mentor"
        for widget in (self.shifted, self.make_up):
            self.grid.setRowVisible(widget, mentor)


class OptionsPage(DraftPage):
    def build(self) -> None:
        self.setTitle(_("Options"))
        self.setSubTitle(_("Go in with several options, ranked: the one you want most first, the "
                           "cheapest fallback last. Totals are worked out for you."))
        add_row = QHBoxLayout()
        add_row.addWidget(QLabel(_("Add:")))
        self.add_buttons: dict[str, QPushButton] = {}
        for kind, _label, text in KINDS:
            button = QPushButton(_(ADD_MNEMONICS[kind]))
            button.setObjectName(f"add-{kind}")
            button.setToolTip(_(text))
            button.setAccessibleName(_(ADD_NAMES[kind]))
            button.clicked.connect(lambda _checked=False, k=kind: self.add(k))
            add_row.addWidget(button)
            self.add_buttons[kind] = button
        add_row.addStretch(1)
        self.body_layout.addLayout(add_row)
        self.ladder = plain_label(name="ladder-totals")
        self.ladder.setAccessibleName(_("Totals of the ladder"))
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
            button.setEnabled(len(options) < OPTIONS_MAX)
        if self.isVisible():
            self._totals_timer.start()

    def add(self, kind: str) -> None:
        if len(self.store.list_at("options")) >= OPTIONS_MAX:
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
        options = self.store.list_at("options")
        if not 0 <= index < len(options):
            return
        title = str(options[index].get("title") or "").strip()
        name = (_("option {n}, “{title}”") if title else _("option {n}")).format(
            n=index + 1, title=title[:60])
        with self.store.group(_("removing {item}").format(item=name)):
            self.store.remove("options", index)
            self._follow_stop_at(lambda rung: None if rung == index else
                                 rung - 1 if rung > index else rung)
        self.rebuild()
        if self.cards:
            self.cards[min(index, len(self.cards) - 1)].kind.setFocus()
        else:
            self.add_buttons["paid_course"].setFocus()
        self.tell(_("Removed {item}. Undo (Ctrl+Z) brings it back.").format(item=name))

    def move(self, index: int, to: int) -> None:
        with self.store.group(_("moving option {n}").format(n=index + 1)):
            self.store.move("options", index, to)
            self._follow_stop_at(lambda rung: to if rung == index else
                                 rung + (1 if index > rung >= to else -1 if index < rung <= to else 0))
        self.rebuild()
        self.after_move("options", index, to, self.cards[to])

    def _follow_stop_at(self, new_rung) -> None:
        """Keep the walk-away point on the same option when options move or go: ``new_rung``
        maps its old 0-based rung to the new one (None when that option was removed)."""
        stop = self.store.get("private.stop_at_option")
        if isinstance(stop, int) and stop >= 1:
            moved = new_rung(stop - 1)
            self.store.set("private.stop_at_option", None if moved is None else moved + 1)

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

    def missing(self) -> list[tuple[str, str]]:
        if not self.store.list_at("options"):
            return [("add-paid_course", _("add at least one option — going in with several, "
                                          "ranked, is what makes a yes likely"))]
        return super().missing()

    def update_totals(self) -> None:
        from upskill_ask import costing
        from upskill_ask.drafts import DraftError
        from upskill_ask.formatting import Formatter

        try:
            draft = self.store.draft()
        except DraftError as exc:
            mine = [line for line in exc.lines() if line.startswith(("options", "person.hourly"))]
            self.ladder.setText(_("Totals wait for: {problems}").format(
                problems="; ".join(mine or exc.lines()[:2])))
            for card in self.cards:  # figures from before the problem would be wrong now
                card.totals.setText(_("Totals wait for the fields above to be fixed."))
                card.hours_check.hide()
            return
        fmt = Formatter.for_draft(draft)
        ladder = costing.ladder_totals(draft)
        from upskill_ask import hours

        for card, totals, option in zip(self.cards, ladder.options, draft.options, strict=False):
            card.totals.setText(describe(totals, fmt))
            said = hours.disagreements(option, fmt)
            card.hours_check.setText(" ".join(said))
            card.hours_check.setVisible(bool(said))
        if not ladder.options:
            self.ladder.setText(_("No options yet. Start with the one you want most."))
            return
        low, high = ladder.cash_range
        hours_low, hours_high = ladder.hours_away_range
        cash = fmt.money(low, whole=True) if low == high else _("{low} to {high}").format(
            low=fmt.money(low, whole=True), high=fmt.money(high, whole=True))
        hours = fmt.hours(hours_low) if hours_low == hours_high else _("{low} to {high}").format(
            low=fmt.number(hours_low), high=fmt.hours(hours_high))
        count = len(ladder.options)
        self.ladder.setText(ngettext(
            "{n} option on the ladder · cash {cash} · time away from core work {hours}",
            "{n} options on the ladder · cash {cash} · time away from core work {hours}",
            count).format(n=count, cash=cash, hours=hours))


def describe(totals, fmt) -> str:
    """One line of totals for an option card (the same figures the documents print)."""
    parts = [_("Cash {amount}").format(amount=fmt.money(totals.cash)),
             _("{hours} in work time, away from core work").format(
                 hours=fmt.hours(totals.hours_away))]
    if totals.hours_own_time:
        parts.append(_("{hours} in your own time").format(hours=fmt.hours(totals.hours_own_time)))
    if totals.hours_away_per_week is not None:
        parts.append(_("{hours} a week of work time").format(
            hours=fmt.hours(totals.hours_away_per_week)))
    if totals.months is not None:
        parts.append(_("over {n} months").format(n=fmt.number(totals.months)))
    if totals.cash_per_month is not None and totals.cash:
        parts.append(_("about {amount} a month").format(amount=fmt.approx(totals.cash_per_month)))
    if totals.cost_of_hours is not None:
        parts.append(_("cost of the hours {amount}").format(amount=fmt.money(totals.cost_of_hours)))
        parts.append(_("total {amount}").format(amount=fmt.money(totals.total_cost)))
    return " · ".join(parts)

