"""Page 3, "The skill": what, the gap, where it will be used, and why it matters to whom."""

from __future__ import annotations

from upskill_ask.ui.listeditor import ListEditor
from upskill_ask.ui.pages.base import DraftPage


class SkillPage(DraftPage):
    required = (("skill.name", "say which skill you want to learn"),)

    def build(self) -> None:
        self.setTitle("The skill")
        self.setSubTitle("Tie it to your work and to what the company is trying to achieve: "
                         "that line of sight is what gets a yes.")
        what = self.form()
        what.line("skill.name", "S&kill", required=True, hint="e.g. Data visualisation with Power BI")
        what.text("skill.current_level", "Where you are &today")
        what.text("skill.target_level", "&Where you need to be")
        what.text("skill.gap_evidence", "&Evidence of the gap",
                  hint="requests that wait, errors, feedback, numbers")
        what.text("skill.applied_to", "Work or &project where you will use it")
        what.text("skill.why_now", "Why n&ow")
        what.text("skill.career_goal", "Career &goal it serves")
        what.text("skill.company_goal", "Company goal or strateg&y it serves")
        gap = self.form("What the gap costs today (your own figures; leave empty if unknown)")
        gap.line("skill.gap_cost.what", "W&hat it costs",
                 hint="e.g. 41 slotting tickets a month; missed cut-offs; overtime to recount")
        gap.decimal("skill.gap_cost.money_per_month", "Money lost a &month",
                    hint="penalties, rework, overtime, in the draft's currency")
        gap.decimal("skill.gap_cost.hours_per_month", "Wo&rk hours lost a month",
                    hint="costed at your hourly cost (You and your manager page)")
        benefits = self.form("Benefits, listed separately")
        self.team_benefits = ListEditor("skill.benefits_team", "Benefit to the team", self.binder,
                                        add_text="Add a benefit to the te&am and company")
        benefits.layout.addRow(self.team_benefits)
        self.my_benefits = ListEditor("skill.benefits_me", "Benefit to you", self.binder,
                                      add_text="Add a benefit to yo&u")
        benefits.layout.addRow(self.my_benefits)
        self.body_layout.addStretch(1)
