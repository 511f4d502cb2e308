"""Page 5, "Making it stick": 70/20/10, a daily habit, tracking, sharing, coverage, measures."""

from __future__ import annotations

from upskill_ask.ui.listeditor import ListEditor
from upskill_ask.ui.pages.base import DraftPage


class PlanPage(DraftPage):
    def build(self) -> None:
        self.setTitle("Making it stick")
        self.setSubTitle("Most learning happens on the job (70 %), some with people (20 %), a "
                         "little in courses (10 %). Show how yours will be applied and shared.")
        split = self.form("70 / 20 / 10")
        split.text("plan.on_the_job", "70 %: on-the-&job project")
        split.text("plan.with_people", "20 %: &people to learn with")
        split.text("plan.formal", "10 %: &formal learning")
        habit = self.form("Habit and follow-up")
        habit.line("plan.micro_habit", "&Micro-habit", hint="e.g. one exercise before stand-up")
        habit.spin("plan.minutes_per_day", "M&inutes a day", 600, special="Not set", suffix=" min")
        habit.text("plan.tracking", "How progress is &tracked and reported")
        habit.text("plan.sharing", "How the learning is s&hared with the team")
        habit.text("plan.coverage", "How core duties are co&vered")
        measures = self.form("Success measures and check-ins")
        self.measures = ListEditor("plan.measures", "Success measure", self.binder,
                                   make_item=lambda: {"what": "", "by": None},
                                   fields=(("what", "What will be true", "line"),
                                           ("by", "By", "date")),
                                   add_text="Add a success m&easure")
        measures.layout.addRow(self.measures)
        self.check_ins = ListEditor("plan.check_ins", "Check-in", self.binder,
                                    make_item=lambda: {"date": None, "review": ""},
                                    fields=(("date", "Date", "date"),
                                            ("review", "What is reviewed, e.g. a demo to the "
                                             "team", "line")),
                                    add_text="Add a chec&k-in")
        measures.layout.addRow(self.check_ins)
        self.body_layout.addStretch(1)
