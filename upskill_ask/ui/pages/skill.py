"""Page 3, "The skill": what, the gap, where it will be used, and why it matters to whom."""

from __future__ import annotations

from upskill_ask.i18n import N_, _
from upskill_ask.ui.listeditor import ListEditor
from upskill_ask.ui.pages.base import DraftPage


class SkillPage(DraftPage):
    required = (("skill.name", N_("say which skill you want to learn")),)

    def build(self) -> None:
        self.setTitle(_("The skill"))
        self.setSubTitle(_("Tie it to your work and to what the company is trying to achieve: "
                           "that line of sight is what gets a yes."))
        what = self.form()
        what.line("skill.name", _("S&kill"), required=True,
                  hint=_("e.g. Data visualisation with Power BI"))
        what.text("skill.current_level", _("Where you are &today"))
        what.text("skill.target_level", _("&Where you need to be"))
        what.text("skill.gap_evidence", _("&Evidence of the gap"),
                  hint=_("requests that wait, errors, feedback, numbers"))
        what.text("skill.applied_to", _("Work or &project where you will use it"))
        what.text("skill.why_now", _("Why n&ow"))
        what.text("skill.career_goal", _("Career &goal it serves"))
        what.text("skill.company_goal", _("Company goal or strateg&y it serves"))
        gap = self.form(_("What the gap costs today (your own figures; leave empty if unknown)"))
        gap.line("skill.gap_cost.what", _("W&hat it costs"),
                 hint=_("e.g. 41 slotting tickets a month; missed cut-offs; overtime to recount"))
        gap.decimal("skill.gap_cost.money_per_month", _("Money lost a &month"),
                    hint=_("penalties, rework, overtime, in the draft's currency"))
        gap.decimal("skill.gap_cost.hours_per_month", _("Wo&rk hours lost a month"),
                    hint=_("costed at your hourly cost (You and your manager page)"))
        band = self.form(_("Your pay band (optional: the answers then price what replacing you "
                           "would cost, from a published study)"))
        band.decimal("person.salary_band.low", _("Pay band, &lowest a year"),
                     hint=_("the bottom of your pay band, in the draft's currency"))
        band.decimal("person.salary_band.high", _("Pay band, h&ighest a year"),
                     hint=_("the top of your pay band"))
        benefits = self.form(_("Benefits, listed separately"))
        self.team_benefits = ListEditor("skill.benefits_team", _("Benefit to the team"),
                                        self.binder,
                                        add_text=_("Add a benefit to the te&am and company"))
        benefits.layout.addRow(self.team_benefits)
        self.my_benefits = ListEditor("skill.benefits_me", _("Benefit to you"), self.binder,
                                      add_text=_("Add a benefit to yo&u"))
        benefits.layout.addRow(self.my_benefits)
        self.body_layout.addStretch(1)
