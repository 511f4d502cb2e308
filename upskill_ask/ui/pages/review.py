"""Page 8, "Review and export": the last words, what is still missing, the exports and a live
preview of the proposal.

Left: the proposal title and the covering email, a short summary of what is still missing
(each item links to its field) and the :class:`upskill_ask.ui.export_panel.ExportPanel`.
Right: the :class:`upskill_ask.ui.preview_panel.PreviewPanel`, the proposal as the manager
will see it. Both panels share one render worker. This page says what the draft lacks and
hands the draft to the preview; the wizard is reached through ``self.wizard()``.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGroupBox, QLabel, QPushButton, QSplitter, QVBoxLayout, QWidget

from upskill_ask.i18n import _, ngettext
from upskill_ask.ui.pages.base import DraftPage, PageId
from upskill_ask.ui.widgets import plain_label
from upskill_ask.vocabulary import kind_label

SECTION_PAGES = {"title": PageId.REVIEW, "email": PageId.REVIEW, "person": PageId.PEOPLE,
                 "manager": PageId.PEOPLE, "timing": PageId.PEOPLE, "skill": PageId.SKILL,
                 "options": PageId.OPTIONS, "plan": PageId.PLAN, "objections": PageId.QUESTIONS,
                 "private": PageId.PRIVATE}


class ReviewPage(DraftPage):
    rehearseRequested = Signal()

    def build(self) -> None:
        self.setTitle(_("Review and export"))
        self.setSubTitle(_("Check the proposal as your manager will see it, then export it, "
                           "email it or print it."))
        form = self.form()
        form.line("title", _("Proposal &title"), hint=_("shown at the top of the proposal"))
        form.line("email.subject", _("Email s&ubject"),
                  hint=_("left empty, a subject is written for you"))
        form.text("email.message", _("Email &message"),
                  hint=_("left empty, a short covering note is written from your proposal"))

        self._build_summary()
        self.rehearse_button = QPushButton(_("Re&hearse the meeting…"))
        self.rehearse_button.setObjectName("review-rehearse")
        self.rehearse_button.setAccessibleName(_("Rehearse the meeting: the app plays your manager"))
        self.rehearse_button.setToolTip(_("The app asks your questions, and one surprise; "
                                          "you answer aloud and mark how it went"))
        self.rehearse_button.clicked.connect(self.rehearseRequested)
        self.body_layout.addWidget(self.rehearse_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.body_layout.addStretch(1)
        self._panels = False  # the preview and export panels are made when first needed

    #: made by _build_panels, on first show or first use (they are not needed to start the app)
    _PANEL_PARTS = frozenset({"worker", "exports", "after_meeting", "preview", "renderer",
                              "preview_busy", "preview_status", "export_buttons", "export_busy",
                              "export_status", "splitter"})

    def __getattr__(self, name: str):
        if name in ReviewPage._PANEL_PARTS and not self.__dict__.get("_panels", True):
            self._build_panels()
            return getattr(self, name)
        raise AttributeError(name)

    def showEvent(self, event) -> None:
        self._build_panels()
        super().showEvent(event)

    def _build_panels(self) -> None:
        """The render worker, the export panel (left, under the summary) and the preview
        (right), made the first time the page is shown or one of them is asked for: start-up
        never waits for them."""
        if self._panels:
            return
        self._panels = True
        from upskill_ask.ui.after_meeting import AfterMeetingBox
        from upskill_ask.ui.export_panel import ExportPanel
        from upskill_ask.ui.preview_panel import PreviewPanel
        from upskill_ask.ui.render_worker import RenderWorker

        self.worker = RenderWorker(self)
        self.exports = ExportPanel(self.store, self.worker, self.wizard)
        self.body_layout.insertWidget(self.body_layout.count() - 1, self.exports)
        self.after_meeting = AfterMeetingBox(self.exports, self.wizard)
        self.body_layout.insertWidget(self.body_layout.count() - 1, self.after_meeting)
        self.preview = PreviewPanel(self.worker)
        self.preview.refreshDue.connect(lambda: self.refresh(only_if_changed=True))
        # what scripts and tests look at, by the names they had before the panels
        self.renderer = self.preview.renderer
        self.preview_busy, self.preview_status = self.preview.busy, self.preview.status
        self.export_buttons = self.exports.buttons
        self.export_busy, self.export_status = self.exports.busy, self.exports.status

        # the form, summary and buttons scroll on the left; the preview fills the right
        outer = self.layout()
        index = outer.indexOf(self.scroll)
        outer.removeWidget(self.scroll)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("review-splitter")
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self.scroll)
        self.splitter.addWidget(self.preview)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)
        outer.insertWidget(index, self.splitter, 1)
        self.scroll.setMinimumWidth(self.fontMetrics().averageCharWidth() * 40)
        self.store.changed.connect(lambda _path: self.preview.draft_changed())
        self.store.reset.connect(self.preview.draft_replaced)
        if self.isVisible():  # made while the page is being shown: show them with it
            for part in (self.splitter, self.exports, self.after_meeting, self.preview):
                part.show()

    def _build_summary(self) -> None:
        box = QGroupBox(_("Ready to export?"))
        box.setObjectName("review-summary")
        layout = QVBoxLayout(box)
        self.summary = plain_label(name="summary-text")
        self.summary.setAccessibleName(_("Summary"))
        layout.addWidget(self.summary)
        self.missing_list = QLabel()
        self.missing_list.setObjectName("missing-for-export")
        self.missing_list.setAccessibleName(_("What is still missing"))
        self.missing_list.setWordWrap(True)
        self.missing_list.setTextFormat(Qt.TextFormat.RichText)
        self.missing_list.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByMouse
                                                  | Qt.TextInteractionFlag.LinksAccessibleByKeyboard)
        self.missing_list.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.missing_list.setToolTip(_("Follow a link to go to that field"))
        self.missing_list.linkActivated.connect(self.go_to_field)
        self.missing_list.hide()
        layout.addWidget(self.missing_list)
        self.body_layout.addWidget(box)

    def refresh(self, *, only_if_changed: bool = False) -> None:
        """Update the summary and render the preview from the draft as it stands now
        (``only_if_changed``: unless the proposal would come out the same as the one shown)."""
        from upskill_ask import drafts, views

        try:
            draft = self.store.draft()
        except drafts.DraftError as exc:
            self._show_problems(_("Some fields need fixing before the proposal can be made:"),
                                exc.problems)
            self.preview.wait_for_fixes(exc.lines())
            return
        missing = views.missing_for_export(draft)
        if missing:
            self._show_problems(_("Before you export, fill in:"),
                                [(path, _(message)) for path, message in missing])
        else:
            self._show_ready(draft)
        self.preview.show_draft(draft, views.proposal_source(draft), only_if_changed=only_if_changed)

    def _show_problems(self, heading: str, problems: list[tuple[str, str]]) -> None:
        self.summary.setText(heading)
        items = "".join(
            f'<li><a href="{html.escape(path, quote=True)}">{html.escape(message)}</a> '
            f"<code>{html.escape(path)}</code></li>" for path, message in problems)
        self.missing_list.setText(f"<ul style='margin-left: 0'>{items}</ul>")
        self.missing_list.show()
        self.preview.incomplete = True

    def _show_ready(self, draft) -> None:
        options = len(draft.options)
        from upskill_ask.render import document_title  # Jinja only once the review is shown

        first = draft.options[0]
        choice = first.title.strip() or _(kind_label(first.kind))
        to = draft.manager.name + (f" ({draft.manager.title})" if draft.manager.title else "")
        questions = len(draft.objections)
        self.summary.setText(_("Ready: “{title}”, addressed to {to}, with {options} and {questions}."
                               ).format(
            title=document_title(draft), to=to,
            options=ngettext("{n} option (first choice: {choice})",
                             "{n} options (first choice: {choice})", options).format(
                n=options, choice=choice),
            questions=ngettext("{n} anticipated question", "{n} anticipated questions",
                               questions).format(n=questions)))
        self.missing_list.clear()
        self.missing_list.hide()
        self.preview.incomplete = False

    def go_to_field(self, path: str) -> None:
        """Show the page that holds a field and put the cursor in it (for a list with no
        item yet, the page that holds the list)."""
        wizard = self.wizard()
        if wizard is None:
            return
        if wizard.findChild(QWidget, path) is not None:
            wizard.focus_field(path)
            return
        target = SECTION_PAGES.get(path.split(".", 1)[0])
        if target is not None:
            wizard.show_page(target)

    # --- what scripts and tests ask ------------------------------------------------------

    @property
    def view(self):
        """The QPdfView of the preview (None before the page was first shown)."""
        return self.preview.view

    @property
    def pdf_document(self):
        """The QPdfDocument shown (None before the page was first shown)."""
        return self.preview.document

    def pages_in_view(self) -> tuple[int, int] | None:
        return self.preview.pages_in_view()

    @property
    def exporting(self) -> bool:
        return self.exports.exporting

    def export_proposal(self) -> None:
        self.exports.export_proposal()

    def export_prep(self) -> None:
        self.exports.export_prep()

    def export_email(self) -> None:
        self.exports.export_email()

    def is_busy(self) -> bool:
        """A preview is due or rendering, or an export is running (scripts wait on this)."""
        return self.preview.busy_now or self.exports.exporting

    def shutdown(self) -> None:
        """Stop the render thread (waits for a render in progress) before the app closes."""
        if not self._panels:
            return
        self.preview.shutdown()
        self.worker.shutdown()
        self.exports.set_exporting(False, "")
