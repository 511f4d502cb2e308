"""The outcome step: after the meeting, record what was decided, and later what came of it.

A dialog over the wizard, reached from the Review page and from the Start page (on a saved or
recent draft). Its inputs are named by their field paths (``outcome.decision``,
``plan.measures.0.achieved``) and bound through the wizard's binder, so what is typed goes
straight into the draft, with one undo history, and the proposal's preview shows the decision
block as recorded. Keyboard first: every label has its own Alt+letter, Esc closes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from upskill_ask.i18n import _
from upskill_ask.ui.form import Form
from upskill_ask.ui.widgets import heading_label, plain_label
from upskill_ask.vocabulary import DECISION_LABELS, kind_label

if TYPE_CHECKING:
    from upskill_ask.ui.wizard import RequestWizard


class OutcomeDialog(QDialog):
    """Records ``outcome.*`` and each measure's ``achieved`` into the wizard's draft."""

    def __init__(self, wizard: RequestWizard):
        super().__init__(wizard)
        self.wizard = wizard
        self.setObjectName("outcome-dialog")
        self.setWindowTitle(_("After the meeting: the outcome"))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        store = wizard.store
        outer = QVBoxLayout(self)
        outer.addWidget(plain_label(
            _("Write down what was decided while it is fresh. It fills the proposal's decision "
              "block and the recap email. Fill the second part later, for the outcome report."),
            "outcome-intro"))
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        body = QWidget()
        column = QVBoxLayout(body)
        layout = self._form_layout(column, QFormLayout.RowWrapPolicy.DontWrapRows)
        scroll.setWidget(body)
        outer.addWidget(scroll, 1)

        form = Form(layout, wizard.binder)
        self._heading(layout, _("The decision"))
        self.decision = form.combo("outcome.decision", _("&Decision"),
                                   [(_(label), key) for key, label in DECISION_LABELS.items()])
        rungs = [(f"{rank}. {str(o.get('title') or '').strip() or _(kind_label(o.get('kind')))}",
                  rank) for rank, o in enumerate(store.list_at("options"), start=1)]
        self.option = form.combo("outcome.option", _("Option a&greed"),
                                 [(_("Not set"), None), *rungs],
                                 hint=_("the rung of your ladder that was approved"))
        form.text("outcome.conditions", _("&Conditions"),
                  hint=_("anything the approval depends on"))
        form.line("outcome.budget_line", _("&Budget line or cost centre"))
        form.line("outcome.signed_by", _("Approved and &signed by"))
        form.date("outcome.decided_on", _("Da&te of the decision"))
        form.text("outcome.follow_up", _("&Follow-up asked"),
                  hint=_("what your manager asked you to send or check"))

        self._heading(layout, _("Later, for the outcome report"))
        form.text("outcome.learned", _("What you &learned"))
        form.text("outcome.applied", _("Where you a&pplied it"))
        form.text("outcome.shared", _("What you s&hared with the team"))
        # one field per success measure, under its measure (the labels are long); repeated
        # rows carry no Alt+letter (Tab reaches them)
        rows = Form(self._form_layout(column, QFormLayout.RowWrapPolicy.WrapAllRows),
                    wizard.binder, mnemonics=False)
        for index, measure in enumerate(store.list_at("plan.measures")):
            what = str(measure.get("what") or "").strip() or \
                _("Success measure {n}").format(n=index + 1)
            rows.line(f"plan.measures.{index}.achieved", _("Achieved — {what}").format(what=what),
                      hint=_("what was achieved, in figures where you have them"))

        buttons = QDialogButtonBox()
        self.save_button = QPushButton(_("Sa&ve the draft and close"))
        self.save_button.setObjectName("outcome-save")
        self.save_button.setAutoDefault(False)
        self.save_button.clicked.connect(self.save_and_close)
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.AcceptRole)
        close = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        close.setObjectName("outcome-close")
        close.setAutoDefault(False)
        close.clicked.connect(self.reject)
        outer.addWidget(buttons)
        self.resize(640, 720)

    @staticmethod
    def _form_layout(column: QVBoxLayout, wrap: QFormLayout.RowWrapPolicy) -> QFormLayout:
        layout = QFormLayout()
        layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        layout.setRowWrapPolicy(wrap)
        column.addLayout(layout)
        return layout

    @staticmethod
    def _heading(layout: QFormLayout, text: str) -> None:
        layout.addRow(heading_label(text))

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.decision.setFocus(Qt.FocusReason.OtherFocusReason)

    def save_and_close(self) -> None:
        """Save the draft (asking where, for a draft never saved) and close once it is saved."""
        if self.wizard.save():
            self.accept()
