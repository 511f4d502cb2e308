"""Page 2, "You and your manager": who asks, who decides, and when the budget is set."""

from __future__ import annotations

import datetime as dt
from typing import Any

from upskill_ask.i18n import (
    ADDRESS_WORDS,
    INFORMAL,
    LANGUAGES,
    N_,
    _,
    document_language,
    ngettext,
)
from upskill_ask.ui import typed
from upskill_ask.ui.inputs import ChoiceBox
from upskill_ask.ui.pages.base import DraftPage
from upskill_ask.ui.widgets import plain_label

CURRENCIES = ["EUR", "GBP", "USD", "CHF", "CAD", "AUD", "SEK", "NOK", "DKK", "PLN", "CZK",
              "JPY", "INR", "SGD", "NZD", "ZAR", "BRL", "MXN"]
LOCALES = [("English (United Kingdom)", "en_GB"), ("English (United States)", "en_US"),
           ("English (Ireland)", "en_IE"), ("English (Canada)", "en_CA"),
           ("English (Australia)", "en_AU"), ("English (India)", "en_IN"),
           ("Deutsch (Deutschland)", "de_DE"), ("Deutsch (Schweiz)", "de_CH"),
           ("Français (France)", "fr_FR"), ("Nederlands (Nederland)", "nl_NL"),
           ("Español (España)", "es_ES"), ("Italiano (Italia)", "it_IT"),
           ("Svenska (Sverige)", "sv_SE"), ("Polski (Polska)", "pl_PL")]


class LanguageBox(ChoiceBox):
    """The documents' language: ours, each named in itself, and a code the draft has that we
    have no catalog for ('it'), shown as it is and kept (its documents are written in English)."""

    def __init__(self) -> None:
        super().__init__()
        for code, name in LANGUAGES.items():
            self.addItem(name, code)

    def findData(self, data: Any, *args: Any) -> int:
        index = super().findData(data, *args)
        if index < 0 and isinstance(data, str) and data:
            self.addItem(data, data)
            index = self.count() - 1
        return index


class PeoplePage(DraftPage):
    required = (("person.name", N_("add your name")),
                ("manager.name", N_("add your manager's name")))

    def build(self) -> None:
        self.setTitle(_("You and your manager"))
        self.setSubTitle(_("Who is asking, who decides, and when. Early in the budget cycle is "
                           "the best time to ask."))
        you = self.form(_("You"))
        you.line("person.name", _("&Your name"), required=True)
        you.line("person.role", _("Your &role"), hint=_("e.g. Planning Analyst"))
        you.line("person.team", _("&Team"))
        you.line("person.email", _("Your e&mail"), hint=_("used as the sender of the email draft"),
                 check=typed.email_problem)
        boss = self.form(_("Your manager"))
        boss.line("manager.name", _("Man&ager's name"), required=True)
        boss.line("manager.title", _("Manager's t&itle"))
        boss.line("manager.address_as", _("Greet them in the emai&l as"),
                  hint=_("e.g. Arun or Dr Weber; left empty, their first name"))
        offered = ", ".join(LANGUAGES[code] for code in LANGUAGES if code in INFORMAL)
        self.address_form = boss
        self.informal = boss.check(
            "manager.informal", _("Spea&king to them"), _("Informally"),
            hint=_("The documents address the manager formally unless you tick this; offered "
                   "for the languages that have an informal form ({languages}). What you wrote "
                   "yourself (the email, your answers) stays as you wrote it").format(
                       languages=offered))
        boss.line("manager.email", _("Manager's &email"),
                  hint=_("the email draft is addressed here"), check=typed.email_problem)
        boss.decimal("manager.approval_limit", _("Their appro&val limit (optional)"),
                     hint=_("the most they can approve alone; the answers then say whether "
                            "your ask is within it"))
        when = self.form(_("Timing"))
        when.date("timing.meeting_date", _("Meeting &date"))
        when.date("timing.budget_date", _("Bud&get is set on"),
                  hint=_("when next year's budget is fixed"))
        when.date("timing.decision_by", _("Decision &wanted by"))
        when.line("timing.budget_line", _("Budget line or c&ost centre"),
                  hint=_("optional: the budget the cost could come from, e.g. team training, "
                         "CC 4410"))
        self.nudge = plain_label(name="timing-nudge")
        when.layout.addRow("", self.nudge)
        money = self.form(_("Money and numbers"))
        money.combo("currency", _("C&urrency"), [(c, c) for c in CURRENCIES])
        money.combo("locale", _("Number and date &format"), LOCALES)
        money.add("language", _("&Proposal language"), LanguageBox(),
                  hint=_("the proposal, the prep sheet and the emails are written in it; it may "
                         "differ from the app's language"))
        money.combo("paper", _("Paper si&ze"),
                    [(_("As the format: US Letter in the US and Canada, else A4"), "auto"),
                     ("A4", "A4"), ("US Letter", "letter")])
        money.decimal("person.hourly_cost", _("Your &hourly cost (optional)"),
                      hint=_("what one hour of your time costs the employer; shows the cost of "
                             "the hours away"))
        self.body_layout.addStretch(1)
        self.store.changed.connect(self._on_changed)
        self.store.reset.connect(self.update_nudge)
        self.store.reset.connect(self.update_address)
        self.update_nudge()
        self.update_address()

    def _on_changed(self, path: str) -> None:
        if path.startswith("timing."):
            self.update_nudge()
        elif path == "language":
            self.update_address()

    def update_address(self) -> None:
        """The informal address is offered for the documents' languages that have one, named
        in the language's own words ("du", not "Sie")."""
        language = document_language(self.store.get("language") or "")
        # English has one "you": the row shows only for a language with a formal one
        self.address_form.layout.setRowVisible(self.informal, language in ADDRESS_WORDS)
        self.informal.setEnabled(language in INFORMAL)
        if language in INFORMAL and language in ADDRESS_WORDS:
            informal, formal = ADDRESS_WORDS[language]
            self.informal.setText(_("Informally: “{informal}”, not “{formal}”").format(
                informal=informal, formal=formal))
        else:
            self.informal.setText(_("Informally (not offered for this proposal language)"))

    def update_nudge(self) -> None:
        self.nudge.setText(budget_nudge(self.store.get("timing.budget_date"), dt.date.today()))


def budget_nudge(budget_date: str | None, today: dt.date) -> str:
    """How many weeks are left before the budget is set, and what that means for the ask."""
    if not budget_date:
        return _("Tip: find out when next year's budget is set; asking before then is easiest.")
    try:
        day = dt.date.fromisoformat(budget_date)
    except ValueError:
        return ""
    weeks = (day - today).days // 7
    if day < today:
        return _("The budget date has passed. Ask anyway: free and low-cost options on the "
                 "ladder still fit, and you will be first in line next cycle.")
    if weeks <= 2:
        weeks = max(weeks, 0)
        return ngettext("Only {n} week until the budget is set: ask for the meeting now.",
                        "Only {n} weeks until the budget is set: ask for the meeting now.",
                        weeks).format(n=weeks)
    return _("{n} weeks until the budget is set. Good timing: ask before plans are fixed."
             ).format(n=weeks)
