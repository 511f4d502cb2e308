"""What came of the ask, recorded after the meeting: the draft's ``outcome`` section.

Public, like the proposal: the recorded decision replaces the blank lines of the proposal's
decision block, the recap email says what was agreed, and the outcome report (made at the last
check-in) says what was learned, applied and shared. What each success measure achieved is
recorded on the measure itself (``plan.measures.N.achieved``). Nothing here is private; what
the employee keeps to themselves stays under ``private``.

All fields are optional with empty defaults, so drafts written before them read as "no outcome
recorded yet" without a migration.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from upskill_ask.fields import Line, Text
from upskill_ask.vocabulary import DECISION_LABELS, OPTIONS_MAX

Decision = Literal["", "approved", "approved_with_conditions", "declined", "deferred"]


class Outcome(BaseModel):
    """The decision as recorded after the meeting, and later what came of the learning.

    ``decision``: '' (not recorded yet), 'approved', 'approved_with_conditions', 'declined' or
    'deferred'. ``option``: the rung of the ladder that was agreed (1 = the first choice); a
    rung beyond the ladder reads as none.
    """

    model_config = ConfigDict(extra="forbid", validate_assignment=True)

    decision: Decision = Field(default="", description="What was decided: '' (not recorded "
                               "yet), approved, approved_with_conditions, declined or deferred.")
    option: int | None = Field(default=None, ge=1, le=OPTIONS_MAX,
                               description="The rung of the ladder agreed (1 = the first choice).")
    conditions: Text = Field(default="", description="Conditions attached to the approval.")
    budget_line: Line = Field(default="", description="The budget line or cost centre it is "
                              "paid from.")
    signed_by: Line = Field(default="", description="Who approved and signed it.")
    decided_on: dt.date | None = Field(default=None, description="The date of the decision.")
    follow_up: Text = Field(default="", description="What the manager asked to follow up on.")
    learned: Text = Field(default="", description="For the outcome report: what was learned.")
    applied: Text = Field(default="", description="For the outcome report: where it was "
                          "applied, on which work.")
    shared: Text = Field(default="", description="For the outcome report: what was shared "
                         "with the team, and how.")

    @property
    def recorded(self) -> bool:
        return bool(self.decision)

    @property
    def approved(self) -> bool:
        return self.decision in ("approved", "approved_with_conditions")

    @property
    def label(self) -> str:
        return DECISION_LABELS[self.decision]

    def agreed_rung(self, rungs: int) -> int | None:
        """The agreed rung when it is on a ladder of ``rungs`` options, else None."""
        return self.option if self.option is not None and self.option <= rungs else None
