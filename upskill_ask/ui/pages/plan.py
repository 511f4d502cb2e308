"""Page 5, "Making it stick": 70/20/10, a daily habit, tracking, sharing, coverage, measures."""

from __future__ import annotations

from upskill_ask.i18n import _
from upskill_ask.ui.listeditor import ListEditor
from upskill_ask.ui.pages.base import DraftPage


class PlanPage(DraftPage):
    def build(self) -> None:
        self.setTitle(_("Making it stick"))
        self.setSubTitle(_("Most learning happens on the job (70 %), some with people (20 %), a "
                           "little in courses (10 %). Show how yours will be applied and shared."))
        split = self.form("70 / 20 / 10")
        split.text("plan.on_the_job", _("70 %: on-the-&job project"))
        split.text("plan.with_people", _("20 %: &people to learn with"))
        split.text("plan.formal", _("10 %: &formal learning"))
        habit = self.form(_("Habit and follow-up"))
        habit.line("plan.micro_habit", _("&Micro-habit"),
                   hint=_("e.g. one exercise before stand-up"))
        habit.spin("plan.minutes_per_day", _("M&inutes a day"), 600, special=_("Not set"),
                   suffix=_(" min"))
        habit.text("plan.tracking", _("How progress is &tracked and reported"))
        habit.text("plan.sharing", _("How the learning is s&hared with the team"))
        habit.text("plan.coverage", _("How core duties are co&vered"))
        measures = self.form(_("Success measures and check-ins"))
        self.measures = ListEditor("plan.measures", _("Success measure"), self.binder,
                                   make_item=lambda: {"what": "", "by": None},
                                   fields=(("what", _("What will be true"), "line"),
                                           ("by", _("By"), "date")),
                                   add_text=_("Add a success m&easure"))
        measures.layout.addRow(self.measures)
        self.check_ins = ListEditor("plan.check_ins", _("Check-in date"), self.binder,
                                    make_item=lambda: None, item_kind="date",
                                    add_text=_("Add a chec&k-in date"))
        measures.layout.addRow(self.check_ins)
        self.body_layout.addStretch(1)
