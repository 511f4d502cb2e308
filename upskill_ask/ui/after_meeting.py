"""The review page's "After the meeting" box: record the outcome of the meeting, save the recap
email, export the outcome report.

The exports run through the :class:`upskill_ask.ui.export_panel.ExportPanel` (its render
worker, file dialogs and status line), which disables these buttons while it exports; the
outcome step is the wizard's (:mod:`upskill_ask.ui.outcome`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QGroupBox, QVBoxLayout, QWidget

from upskill_ask.i18n import _
from upskill_ask.ui.export_panel import ExportPanel
from upskill_ask.ui.widgets import action_button


class AfterMeetingBox(QGroupBox):
    def __init__(self, exports: ExportPanel, wizard: Callable[[], Any],
                 parent: QWidget | None = None):
        super().__init__(_("After the meeting"), parent)
        self.setObjectName("review-after-meeting")
        layout = QVBoxLayout(self)
        self.buttons = (
            action_button(_("Record the outcome of the meetin&g…"), "record-outcome",
                    lambda: wizard().record_outcome(),
                    _("Record what was decided: it fills the proposal's decision block, the "
                      "recap email and the outcome report")),
            action_button(_("Rec&ap email…"), "export-recap", exports.export_recap,
                    _("Save a thank-you email to your manager with what was agreed and the next "
                      "dates, and open it in your mail program")),
            action_button(_("Outcome rep&ort PDF…"), "export-outcome", exports.export_outcome,
                    _("Save the outcome report for the last check-in: what you learned and "
                      "applied, each measure planned against achieved")))
        for button in self.buttons:
            layout.addWidget(button)
        exports.more_buttons.extend(self.buttons)
