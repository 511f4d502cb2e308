"""Small widgets every page uses: a label that never reads markup, an amount field, a busy bar,
and the move and remove buttons of a card.

The inputs bound to the draft are built by :mod:`upskill_ask.ui.form` and kept in step by
:mod:`upskill_ask.ui.binder`; lists of lines are :mod:`upskill_ask.ui.listeditor`.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QRegularExpression, Qt
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QProgressBar, QPushButton

from upskill_ask.i18n import N_, _

# characters an amount can hold in some locale: digits, group and decimal marks, spaces, and
# (for money) a currency sign before or after; any other key, letters included, is refused at
# once, so a word typed into a figure never leaves half a word behind
HOURS_CHARS = r"[\d\s.,'’\x{a0}\x{202f}]*"
MONEY_CHARS = r"\p{Sc}?[\s\d.,'’\x{a0}\x{202f}()-]*\p{Sc}?\s*"


def decimal_edit(money: bool) -> QLineEdit:
    """An amount or a number of hours, typed the way the draft's locale writes it."""
    edit = QLineEdit()
    edit.setMaxLength(40)
    pattern = QRegularExpression(MONEY_CHARS if money else HOURS_CHARS)
    edit.setValidator(QRegularExpressionValidator(pattern, edit))
    edit.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    edit.setInputMethodHints(Qt.InputMethodHint.ImhFormattedNumbersOnly)
    edit.setProperty("decimal", True)
    return edit


def action_button(text: str, name: str, slot: Callable[[], None], tip: str) -> QPushButton:
    """A push button that runs ``slot``, named for tests and assistive tools, never default."""
    button = QPushButton(text)
    button.setObjectName(name)
    button.setAccessibleName(text.replace("&", "").rstrip("…"))
    button.setToolTip(tip)
    button.setAccessibleDescription(tip)
    button.setAutoDefault(False)
    button.clicked.connect(lambda _checked=False: slot())
    return button


def heading_label(text: str, top_margin: int = 0) -> QLabel:
    """A bold caption over a group of inputs (``top_margin``: pixels of space above it)."""
    heading = QLabel(text)
    font = heading.font()
    font.setBold(True)
    heading.setFont(font)
    heading.setContentsMargins(0, top_margin, 0, 0)
    return heading


def plain_label(text: str = "", name: str = "") -> QLabel:
    """A wrapping label that shows its text as plain text: it may quote what the user typed,
    which must never be read as markup."""
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if name:
        label.setObjectName(name)
    return label


def busy_bar(name: str, accessible: str) -> QProgressBar:
    """An indeterminate progress bar, hidden until work starts; showing it moves nothing."""
    bar = QProgressBar()
    bar.setObjectName(name)
    bar.setAccessibleName(accessible)
    bar.setRange(0, 0)  # indeterminate
    bar.setTextVisible(False)
    bar.setMaximumHeight(bar.fontMetrics().height())
    policy = bar.sizePolicy()
    policy.setRetainSizeWhenHidden(True)  # showing it never moves the rest of the page
    bar.setSizePolicy(policy)
    bar.hide()
    return bar


def card_buttons(prefix: str, noun: str, index: int, count: int,
                 move: Callable[[int, int], None], remove: Callable[[int], None]) -> QHBoxLayout:
    """Move up / Move down / Remove for one card of a list (options, questions); ``noun``:
    the card's kind in a sentence ('option'), already translated."""
    row = QHBoxLayout()
    for text, said, name, enabled, slot in (
            (N_("Move up"), N_("Move up {item} {number}"), "up", index > 0,
             lambda: move(index, index - 1)),
            (N_("Move down"), N_("Move down {item} {number}"), "down", index < count - 1,
             lambda: move(index, index + 1)),
            (N_("Remove"), N_("Remove {item} {number}"), "remove", True, lambda: remove(index))):
        button = QPushButton(_(text))
        button.setObjectName(f"{prefix}.{name}")
        button.setAccessibleName(_(said).format(item=noun, number=index + 1))
        button.setEnabled(enabled)
        button.clicked.connect(slot)
        row.addWidget(button)
    row.addStretch(1)
    return row
