"""Input widgets that change only when the user means it, and work from the keyboard alone.

- ``ChoiceBox`` and ``NumberSpin``: a combo box and a spin box that ignore the mouse wheel
  until the user has clicked or tabbed into them, so scrolling a page never changes a value.
- ``DateField``: a date that may be unset, typed as text (``9 Mar 2027``, ``2027-03-09`` or the
  system's short form), cleared with Delete/Backspace, stepped with the arrow keys (from
  today when unset) and picked from a calendar with F4, Alt+Down or its button.
"""

from __future__ import annotations

from PySide6.QtCore import Property as QtProperty
from PySide6.QtCore import QDate, QLocale, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QIcon, QKeyEvent, QKeySequence, QWheelEvent
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QApplication,
    QCalendarWidget,
    QComboBox,
    QFrame,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QStyle,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from upskill_ask.i18n import _

DISPLAY_FORMAT = "d MMM yyyy"
EARLIEST = QDate(1900, 1, 1)
LATEST = QDate(2100, 12, 31)


def scroll_page(widget: QWidget, event: QWheelEvent) -> None:
    """Give a wheel turn over a choice the user is not in to the page that holds it."""
    holder = widget.parentWidget()
    while holder is not None and not isinstance(holder, QAbstractScrollArea):
        holder = holder.parentWidget()
    if holder is None:
        event.ignore()
        return
    QApplication.sendEvent(holder.viewport(), event)
    event.accept()


class _WheelOnlyWhenIn:
    """Mixin for value widgets: focus by click or Tab only, and the wheel changes the value only
    once the user is in the widget (otherwise the page holding it scrolls)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

    def wheelEvent(self, event) -> None:
        if self.hasFocus():
            super().wheelEvent(event)
        else:
            scroll_page(self, event)


class ChoiceBox(_WheelOnlyWhenIn, QComboBox):
    """A combo box the mouse wheel changes only once the user is in it."""


class NumberSpin(_WheelOnlyWhenIn, QSpinBox):
    """A spin box the mouse wheel changes only once the user is in it."""


class ProseEdit(QPlainTextEdit):
    """A text box for paragraphs whose text comes back exactly as typed: Qt's own plain text
    turns no-break spaces (French "3 180 €", "11 h") into ordinary ones, so the draft would
    change when only read."""

    def toPlainText(self) -> str:
        return self.document().toRawText().replace("\u2029", "\n").replace("\u2028", "\n")


def _app_locale() -> QLocale | None:
    """The locale of the app's language, for month names; None in English (Qt's own names)."""
    from upskill_ask import i18n

    code = i18n.current()
    return None if code == i18n.SOURCE else QLocale(code)


def show_date(day: QDate) -> str:
    """A date as the date fields show it: '8 Dec 2026', '8 Dez. 2026', '8 déc. 2026'."""
    app = _app_locale()
    if app is None:
        return day.toString(DISPLAY_FORMAT)
    german = app.language() == QLocale.Language.German  # '8. Dez. 2026', with the day's dot
    return app.toString(day, "d. MMM yyyy" if german else DISPLAY_FORMAT)


def parse_typed_date(text: str) -> QDate | None:
    """A date typed by a person: ISO, the field's own form, long month names, or the system's
    short and long forms. None when the text is not a date."""
    text = " ".join(text.replace(",", " ").split())
    if not text:
        return None
    locale = QLocale.system()
    formats = ["yyyy-MM-dd", "yyyy-M-d", DISPLAY_FORMAT, "d. MMM yyyy", "d. MMMM yyyy",
               "d MMMM yyyy", "MMM d yyyy",
               "MMMM d yyyy", "d.M.yyyy", "yyyy/M/d",
               locale.dateFormat(QLocale.FormatType.ShortFormat),
               locale.dateFormat(QLocale.FormatType.LongFormat)]
    locales = [loc for loc in (_app_locale(), locale) if loc is not None]
    for fmt in formats:
        day = QDate.fromString(text, fmt)
        if day.isValid() and EARLIEST <= day <= LATEST:
            return day
        for loc in locales:  # month names in the app's language and the system's
            day = loc.toDate(text, fmt)
            if day.isValid() and EARLIEST <= day <= LATEST:
                return day
    return None


_ICONS: list[QIcon] = []


def _calendar_icon(widget: QWidget) -> QIcon:
    """The drop-down arrow of the date fields, made once (start-up makes several fields)."""
    if not _ICONS:
        _ICONS.append(widget.style().standardIcon(QStyle.StandardPixmap.SP_ArrowDown))
    return _ICONS[0]


class _CalendarPopup(QFrame):
    """The calendar under a DateField; Enter or a click picks, Escape closes."""

    picked = Signal(QDate)

    def __init__(self, parent: QWidget):
        super().__init__(parent, Qt.WindowType.Popup)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.calendar = QCalendarWidget(self)
        self.calendar.setGridVisible(True)
        self.calendar.setAccessibleName(_("Pick a date"))
        self.calendar.activated.connect(self._pick)
        self.calendar.clicked.connect(self._pick)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.calendar)

    def _pick(self, day: QDate) -> None:
        self.picked.emit(day)
        self.close()


class DateField(QLineEdit):
    """A date that may be unset ('Not set'). Property: ``isoDate`` ('' when unset)."""

    isoDateChanged = Signal(str)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._date: QDate | None = None
        self.setPlaceholderText(_("Not set"))
        self.setClearButtonEnabled(False)
        self.popup: _CalendarPopup | None = None
        self.calendar_action = QAction(_calendar_icon(self), _("Pick a date from a calendar (F4)"),
                                       self)
        self.calendar_action.triggered.connect(self.open_calendar)
        self.addAction(self.calendar_action, QLineEdit.ActionPosition.TrailingPosition)
        self.textEdited.connect(self._typed)
        self.editingFinished.connect(self._settle)
        width = self.fontMetrics().horizontalAdvance("30 September 2027") + 48
        self.setMinimumWidth(width)
        self.setMaximumWidth(width * 2)  # a date, not a paragraph: it need not span the form

    # --- the value --------------------------------------------------------------------------

    def getIsoDate(self) -> str:
        return self._date.toString("yyyy-MM-dd") if self._date else ""

    def setIsoDate(self, value: str | None) -> None:
        parsed = QDate.fromString(str(value or ""), "yyyy-MM-dd")
        day = parsed if parsed.isValid() else None
        if day != self._date or not self.hasFocus():  # never rewrite what is being typed
            self._set(day, show=True)

    isoDate = QtProperty(str, getIsoDate, setIsoDate, notify=isoDateChanged)

    def date(self) -> QDate | None:
        return self._date

    def _set(self, day: QDate | None, *, show: bool) -> None:
        changed = day != self._date
        self._date = day
        if show:
            self.setText(show_date(day) if day else "")
        if changed:
            self.isoDateChanged.emit(self.getIsoDate())

    # --- typing -----------------------------------------------------------------------------

    def _typed(self, text: str) -> None:
        """Take the date as soon as the text is one; an empty field is 'Not set'."""
        if not text.strip():
            self._set(None, show=False)
            return
        day = parse_typed_date(text)
        if day is not None:
            self._set(day, show=False)

    def _settle(self) -> None:
        """On leaving the field: show the date in the field's form, or say what is expected."""
        text = self.text()
        if text.strip() and parse_typed_date(text) is None:
            self.setAccessibleDescription(
                _("Not a date yet: type it like 9 Mar 2027 or 2027-03-09"))
            QToolTip.showText(self.mapToGlobal(QPoint(0, self.height())),
                              _("'{text}' is not a date. Type it like 9 Mar 2027 or 2027-03-09; "
                                "Delete clears it.").format(text=text.strip()[:40]), self)
            return
        self.setAccessibleDescription("")
        self._set(self._date if text.strip() else None, show=True)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        alt_down = key == Qt.Key.Key_Down and event.modifiers() & Qt.KeyboardModifier.AltModifier
        if key == Qt.Key.Key_F4 or alt_down:
            self.open_calendar()
            return
        steps = {Qt.Key.Key_Up: (1, 0), Qt.Key.Key_Down: (-1, 0),
                 Qt.Key.Key_PageUp: (0, 1), Qt.Key.Key_PageDown: (0, -1)}
        if key in steps and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            days, months = steps[key]
            base = self._date or parse_typed_date(self.text())
            day = QDate.currentDate() if base is None else base.addDays(days).addMonths(months)
            self._set(min(max(day, EARLIEST), LATEST), show=True)
            self.selectAll()
            return
        if event.matches(QKeySequence.StandardKey.Cancel) and self.popup and self.popup.isVisible():
            self.popup.close()
            return
        super().keyPressEvent(event)

    def focusInEvent(self, event) -> None:
        super().focusInEvent(event)
        # however the field was entered, the whole date is selected: typing replaces it and
        # Delete or Backspace clears it back to 'Not set'
        QTimer.singleShot(0, self, self.selectAll)

    def open_calendar(self) -> None:
        if self.popup is None:
            self.popup = _CalendarPopup(self)
            self.popup.picked.connect(lambda day: self._set(day, show=True))
        self.popup.calendar.setSelectedDate(self._date or QDate.currentDate())
        self.popup.adjustSize()
        self.popup.move(self.mapToGlobal(QPoint(0, self.height())))
        self.popup.show()
        self.popup.calendar.setFocus()
