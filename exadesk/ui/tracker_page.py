"""A tracker from the catalogue: what it is, its sign-in methods and notices, and "Set up".

Made when a tracker is first chosen in the sidebar (exadesk.ui.main_window), not before the first paint.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from exadesk.ui import icons
from exadesk.ui.views import heading, paragraph
from exadesk.verification import notices


class TrackerPage(QWidget):
    """A tracker from the catalogue: what it is, its sign-in methods, notices, and "Set up".

    Signals:
        setup(str): the tracker id.
    """

    setup = Signal(str)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.tracker_id = ""
        self.icon = QLabel()
        self.title = heading("")
        self.retired = paragraph("")
        self.retired.setObjectName("retiredNotice")
        self.summary = paragraph("")
        self.methods = paragraph("")
        from PySide6.QtCore import Qt

        self.methods.setTextFormat(Qt.TextFormat.RichText)
        self.notice_label = paragraph("")
        self.notice_label.setTextFormat(Qt.TextFormat.RichText)
        self.setup_button = QPushButton(self.tr("&Set up an instance…"))
        self.setup_button.setAccessibleName(self.tr("Set up an instance"))
        self.setup_button.clicked.connect(lambda: self.setup.emit(self.tracker_id))
        header = QHBoxLayout()
        header.addWidget(self.icon)
        header.addWidget(self.title, 1)
        row = QHBoxLayout()
        row.addWidget(self.setup_button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 16)
        layout.addLayout(header)
        layout.addWidget(self.retired)
        layout.addWidget(self.summary)
        layout.addWidget(self.methods)
        layout.addWidget(self.notice_label)
        layout.addLayout(row)
        layout.addStretch(1)

    def show_tracker(self, spec, has_workspace: bool) -> None:
        from html import escape

        self.tracker_id = spec.id
        self.icon.setPixmap(icons.tracker_icon(spec.icon or spec.id, spec.name).pixmap(40, 40))
        self.title.setText(spec.name)
        self.retired.setText(spec.retired)
        self.retired.setVisible(bool(spec.retired))
        self.retired.setStyleSheet("#retiredNotice { color: #b45309; font-weight: bold; }")
        self.summary.setText(spec.summary)
        self.summary.setVisible(bool(spec.summary))
        items = "".join(f"<li><b>{escape(m.label)}</b>{' — ' + escape(m.description) if m.description else ''}</li>"
                        for m in spec.auth_methods)
        self.methods.setText(f"<p>{escape(self.tr('Sign-in methods:'))}</p><ul>{items}</ul>")
        found = notices.for_spec(spec)
        self.notice_label.setText("".join(f"<p><b>{escape(n.title)}.</b> {escape(n.text)} {escape(n.advice)}</p>"
                                          for n in found))
        self.notice_label.setVisible(bool(found))
        self.setup_button.setEnabled(has_workspace)
        self.setup_button.setToolTip("" if has_workspace else self.tr("Create a workspace first."))
