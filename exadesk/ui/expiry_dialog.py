"""Expiry watch in the window: the list of credentials expiring soon, and entering an expiry date by hand.

The rule (30 days ahead, 7 days is "soon", archived workspaces left out) is exadesk.services.expiry's, the same as the
sidebar badge, the status bar and ``exadesk expiring``.
"""

from __future__ import annotations

from datetime import datetime, time, timedelta, timezone

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (QDateEdit, QDialog, QDialogButtonBox, QHeaderView, QLabel, QTreeWidget,
                               QTreeWidgetItem, QVBoxLayout)

from exadesk.foundation import clock
from exadesk.services import expiry
from exadesk.foundation.words import day
from exadesk.store.model import Instance
from exadesk.ui import theme


class ExpiringDialog(QDialog):
    """Workspace → Expiring credentials…: one row per credential, soonest first; activating a row opens it.

    Signals:
        open_instance(str): the instance id of the row chosen.
    """

    open_instance = Signal(str)

    def __init__(self, items: list[expiry.Expiring], parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Expiring credentials"))
        intro = QLabel(self.tr("Credentials that expire within {days} days, or already have. Create a new one in "
                               "the tracker before the date, then use Replace secret on the instance.").format(
            days=expiry.WINDOW_DAYS))
        intro.setWordWrap(True)
        self.table = QTreeWidget()
        self.table.setObjectName("expiringTable")
        self.table.setAccessibleName(self.tr("Expiring credentials"))
        self.table.setRootIsDecorated(False)
        self.table.setHeaderLabels([self.tr("Instance"), self.tr("Workspace"), self.tr("Expires"), self.tr("Time left")])
        self.table.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.header().setStretchLastSection(True)
        self.table.itemActivated.connect(self._activated)
        self.empty = QLabel(self.tr("No credential expires within {days} days. ExaDesk knows a date when the tracker "
                                    "reports it or when you enter it on the instance's page.").format(
            days=expiry.WINDOW_DAYS))
        self.empty.setObjectName("emptyState")
        self.empty.setWordWrap(True)
        bad, amber = QColor(theme.bad_colour()), QColor(theme.warn_colour())
        for entry in items:
            if entry.level == "expired":
                left = self.tr("Expired")
            elif entry.days_left == 0:
                left = self.tr("Today")
            else:
                left = self.tr("1 day") if entry.days_left == 1 else self.tr("{count} days").format(
                    count=entry.days_left)
            row = QTreeWidgetItem([entry.instance, entry.workspace, day(entry.expires_at), left])
            row.setData(0, Qt.ItemDataRole.UserRole, entry.instance_id)
            row.setForeground(3, bad if entry.level in ("expired", "soon") else amber)
            row.setToolTip(0, entry.sentence())
            self.table.addTopLevelItem(row)
        self.table.setVisible(bool(items))
        self.empty.setVisible(not items)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)
        layout.addWidget(buttons)
        self.resize(640, 360)
        if items:
            self.table.setCurrentItem(self.table.topLevelItem(0))
            self.table.setFocus()

    def _activated(self, item) -> None:
        self.open_instance.emit(item.data(0, Qt.ItemDataRole.UserRole))
        self.accept()


class ExpiryDateDialog(QDialog):
    """Enter (or clear) the date a credential expires, for trackers that do not report it.

    Signals:
        chosen(object): an aware datetime (the end of the chosen day, local time), or None to clear it.
    """

    chosen = Signal(object)

    def __init__(self, instance: Instance, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Credential expiry of {name}").format(name=instance.name))
        intro = QLabel(self.tr("When does the proxy user's credential expire? Look it up where it was created "
                               "(for a token, its settings page shows the date). ExaDesk warns you {days} days "
                               "ahead.").format(days=expiry.WINDOW_DAYS))
        intro.setWordWrap(True)
        self.date = QDateEdit()
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("d MMM yyyy")
        self.date.setAccessibleName(self.tr("Expiry date"))
        # A known date, or ExaDesk's clock + 90 days (the clock, not Qt's: tests pin it).
        local = (instance.token_expires_at or clock.now() + timedelta(days=90)).astimezone()
        self.date.setDate(QDate(local.year, local.month, local.day))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.clear_button = buttons.addButton(self.tr("&No expiry date"), QDialogButtonBox.ButtonRole.ResetRole)
        self.clear_button.setToolTip(self.tr("Forget the date (the credential does not expire, or it is not known)"))
        self.clear_button.setEnabled(instance.token_expires_at is not None)
        self.clear_button.clicked.connect(self.clear)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        label = QLabel(self.tr("&Expires on:"))
        label.setBuddy(self.date)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(label)
        layout.addWidget(self.date)
        layout.addWidget(buttons)
        self.date.setFocus()

    def when(self) -> datetime:
        d = self.date.date()
        return datetime.combine(datetime(d.year(), d.month(), d.day()).date(), time(23, 59)).astimezone() \
            .astimezone(timezone.utc)

    def save(self) -> None:
        self.chosen.emit(self.when())
        self.accept()

    def clear(self) -> None:
        self.chosen.emit(None)
        self.accept()
