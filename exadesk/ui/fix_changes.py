"""The plan of a fix as a list the person chooses from: one checkbox per change that will be sent (ticked at first),
with its words, exact request, undo, what else it touches and the vendor's reference; changes already in place and
what must be done by hand are listed without a checkbox. The fix dialog applies only the ticked ones
(:meth:`exadesk.services.fixes.FixPlan.only`).

Keyboard: Tab moves from checkbox to checkbox, Space ticks or clears one; each checkbox is named by its change's words
and described by its request, so a screen reader says what it sends.
"""

from __future__ import annotations

import html
import re

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QScrollArea, QStyle, QVBoxLayout, QWidget

from exadesk.foundation.messages import FIX_WORDS
from exadesk.services import fixes


def detail_rows(change) -> list[str]:
    """A change's request, undo, what else it touches and its reference, as HTML lines (the words are apart)."""
    e = html.escape
    shown = change.to_json()
    return [f"{e(FIX_WORDS['request'])}: <code>{e(shown['request'])}</code>",
            f"{e(FIX_WORDS['undo'])}: <code>{e(shown['undo'])}</code>" if shown["undo"]
            else e(FIX_WORDS["no_undo"].format(why=change.no_inverse)),
            *(f"{e(FIX_WORDS['touches'])}: {e(t)}" for t in change.touches),
            f"{e(FIX_WORDS['reference'])}: <a href='{e(change.reference)}'>{e(change.reference)}</a>"]


def _label(text: str, *, links: bool = False) -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.RichText)
    label.setWordWrap(True)
    label.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes from checkbox to checkbox
    flags = Qt.TextInteractionFlag.TextSelectableByMouse
    if links:
        flags |= Qt.TextInteractionFlag.LinksAccessibleByMouse
        label.setOpenExternalLinks(True)
    label.setTextInteractionFlags(flags)
    return label


class _Words(QLabel):
    """A change's words beside its checkbox, wrapped; a click on them ticks or clears the box as on the box itself."""

    def __init__(self, text: str, box: QCheckBox):
        super().__init__(f"<b>{html.escape(text)}</b>")
        self.box = box
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setWordWrap(True)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setCursor(Qt.CursorShape.PointingHandCursor)

    def mousePressEvent(self, event) -> None:
        event.accept()  # the release ticks the box

    def mouseReleaseEvent(self, event) -> None:
        event.accept()
        if event.button() == Qt.MouseButton.LeftButton:
            self.box.toggle()
            self.box.setFocus(Qt.FocusReason.MouseFocusReason)


class ChangeList(QScrollArea):
    """The plan's changes to choose from. Signals: ``chosen_changed``, whenever a box is ticked or cleared."""

    chosen_changed = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("fixChanges")
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)  # the texts wrap instead
        self.setAccessibleName(self.tr("The changes to choose from"))
        self.boxes: dict[int, QCheckBox] = {}  # position in plan.changes -> its checkbox
        self._plain: list[str] = []

    def show_plan(self, plan: fixes.FixPlan) -> None:
        """List ``plan``'s changes: a ticked checkbox for each one to send, a line for each already in place, then
        what must be done by hand."""
        inner = QWidget()
        # The window's colour behind the boxes, as on every other page: a box is drawn in the text-field colour, which
        # on that colour would leave an unticked box all but invisible in the dark palette.
        inner.setBackgroundRole(QPalette.ColorRole.Window)
        inner.setAutoFillBackground(True)
        layout = QVBoxLayout(inner)
        layout.setSpacing(10)
        self.boxes, self._plain = {}, []
        indent = self.style().pixelMetric(QStyle.PixelMetric.PM_IndicatorWidth) \
            + self.style().pixelMetric(QStyle.PixelMetric.PM_CheckBoxLabelSpacing) + 6
        for index, change in enumerate(plan.changes):
            if change.done:
                layout.addWidget(_label(f"<b>{html.escape(change.words)}</b>: {html.escape(FIX_WORDS['already'])}"))
                self._plain.append(f"{change.words}: {FIX_WORDS['already']}")
                continue
            layout.addWidget(self._change_row(index, change, indent))
        if plan.by_hand:
            e = html.escape
            layout.addWidget(_label(f"<b>{e(FIX_WORDS['by_hand'])}</b><br>"
                                    + "<br>".join(f"{e(title)}: {e(why)}" for title, why in plan.by_hand)))
            self._plain += [FIX_WORDS["by_hand"], *(f"{title}: {why}" for title, why in plan.by_hand)]
        layout.addStretch(1)
        self.setWidget(inner)
        first = next(iter(self.boxes.values()), None)
        if first is not None:
            self.setFocusProxy(first)

    def _change_row(self, index: int, change, indent: int) -> QWidget:
        box = QCheckBox()
        box.setChecked(True)
        box.setAccessibleName(change.words)
        details = detail_rows(change)
        box.setAccessibleDescription(self.tr("Sends {request}").format(request=change.call.shown()))
        box.setToolTip(self.tr("Ticked: Apply sends this change. Clear it to leave the change out."))
        box.toggled.connect(lambda _on: self.chosen_changed.emit())
        self.boxes[index] = box
        row = QWidget()
        grid = QVBoxLayout(row)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setSpacing(2)
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(box, 0, Qt.AlignmentFlag.AlignTop)
        top.addWidget(_Words(change.words, box), 1)
        grid.addLayout(top)
        body = _label("<br>".join(details), links=True)
        body.setContentsMargins(indent, 0, 0, 0)
        grid.addWidget(body)
        self._plain += [change.words, *(_plain_text(line) for line in details)]
        return row

    def chosen(self) -> list[int]:
        """Positions (in the plan's changes) of the ticked changes, in the plan's order."""
        return [index for index, box in self.boxes.items() if box.isChecked()]

    def toPlainText(self) -> str:  # noqa: N802 - as QTextBrowser's, which this list replaced in the dialog
        """Everything the list shows, as plain text (tests, and a screen reader's summary)."""
        return "\n".join(self._plain)


def _plain_text(fragment: str) -> str:
    """An HTML line of :func:`detail_rows` as plain text."""
    return html.unescape(re.sub(r"<[^>]+>", "", fragment))
