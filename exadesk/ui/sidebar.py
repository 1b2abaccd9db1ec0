"""The sidebar: workspaces with their instances (icon, name, state badge) and the tracker catalogue."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from PySide6.QtCore import QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QPainter, QPalette
from PySide6.QtWidgets import (QAbstractItemView, QHeaderView, QLabel, QListWidget, QListWidgetItem,
                               QStyledItemDelegate, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget)

from exadesk.model import Data, Instance, InstanceState
from exadesk.ui import icons, texts, theme

ROLE_KIND = Qt.ItemDataRole.UserRole + 1  # "workspace" or "instance"
ROLE_ID = Qt.ItemDataRole.UserRole + 2
ROLE_BADGE = Qt.ItemDataRole.UserRole + 3

#: A credential that expires within this is flagged "expiring".
EXPIRING_WITHIN = timedelta(days=14)


def badge_key(instance: Instance, now: datetime | None = None) -> str:
    """The sidebar badge of an instance: its state, or "expiring" when the credential is about to run out."""
    now = now or datetime.now(timezone.utc)
    if instance.token_expires_at and instance.state is not InstanceState.FAILING:
        if instance.token_expires_at - now <= EXPIRING_WITHIN:
            return "expiring"
    return instance.state.value


class BadgeDelegate(QStyledItemDelegate):
    """Paints the state badge as a small coloured pill."""

    def paint(self, painter: QPainter, option, index) -> None:
        key = index.data(ROLE_BADGE)
        if not key:
            return super().paint(painter, option, index)
        view = self.parent()
        if view is not None and view.selectionModel().isSelected(index.siblingAtColumn(0)):
            painter.fillRect(option.rect, option.palette.brush(QPalette.ColorGroup.Active, QPalette.ColorRole.Highlight))
        text = self.badge_text(key)
        font = QFont(option.font)
        font.setPointSizeF(max(7.0, font.pointSizeF() * 0.85))
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setFont(font)
        metrics = painter.fontMetrics()
        width = metrics.horizontalAdvance(text) + 12
        height = metrics.height() + 2
        rect = QRectF(option.rect.right() - width - 4, option.rect.center().y() - height / 2 + 1, width, height)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(theme.BADGE_COLOURS.get(key, "#6b7280")))
        painter.drawRoundedRect(rect, height / 2, height / 2)
        painter.setPen(QColor("white"))
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)
        painter.restore()

    _texts: dict[str, str] = {}

    def badge_text(self, key: str) -> str:
        if key not in self._texts:
            self._texts[key] = texts.badge(key)
        return self._texts[key]

    def sizeHint(self, option, index) -> QSize:
        key = index.data(ROLE_BADGE)
        if not key:
            return super().sizeHint(option, index)
        width = option.fontMetrics.horizontalAdvance(self.badge_text(key)) + 24
        return QSize(width, option.fontMetrics.height() + 8)


class Sidebar(QWidget):
    """Signals:
        workspace_selected(str), instance_selected(str), tracker_selected(str): ids.
    """

    workspace_selected = Signal(str)
    instance_selected = Signal(str)
    tracker_selected = Signal(str)
    tracker_activated = Signal(str)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.tree = QTreeWidget()
        self.tree.setObjectName("workspaceTree")
        self.tree.setAccessibleName(self.tr("Workspaces and instances"))
        self.tree.setColumnCount(2)
        self.tree.setHeaderHidden(True)
        self.tree.setRootIsDecorated(True)
        self.tree.setUniformRowHeights(True)
        self.tree.setIconSize(QSize(18, 18))
        self.tree.header().setStretchLastSection(False)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.tree.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.setItemDelegateForColumn(1, BadgeDelegate(self.tree))
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.currentItemChanged.connect(self._tree_changed)

        self.catalogue = QListWidget()
        self.catalogue.setObjectName("trackerCatalogue")
        self.catalogue.setAccessibleName(self.tr("Tracker catalogue"))
        self.catalogue.setIconSize(QSize(18, 18))
        self.catalogue.setUniformItemSizes(True)
        self.catalogue.currentItemChanged.connect(self._catalogue_changed)
        self.catalogue.itemActivated.connect(lambda item: self.tracker_activated.emit(item.data(ROLE_ID)))

        ws_label = QLabel(self.tr("&Workspaces"))
        ws_label.setBuddy(self.tree)
        cat_label = QLabel(self.tr("Set up a &tracker"))
        cat_label.setBuddy(self.catalogue)
        for label in (ws_label, cat_label):
            font = label.font()
            font.setBold(True)
            label.setFont(font)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 0, 6)
        layout.addWidget(ws_label)
        layout.addWidget(self.tree, 3)
        layout.addWidget(cat_label)
        layout.addWidget(self.catalogue, 2)
        self._filling = False

    # -- filling ---------------------------------------------------------------------

    def fill_catalogue(self, trackers: list) -> None:
        self.catalogue.clear()
        for tracker in trackers:
            spec = tracker.spec
            text = spec.name if not spec.retired else self.tr("{name} (retired)").format(name=spec.name)
            item = QListWidgetItem(icons.tracker_icon(spec.icon or spec.id, spec.name), text)
            item.setData(ROLE_ID, spec.id)
            item.setToolTip(spec.retired or spec.summary)
            if spec.retired:
                item.setForeground(self.palette().brush(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text))
            self.catalogue.addItem(item)

    def fill(self, data: Data, names: dict[str, str], select: str = "") -> None:
        """Rebuild the tree; keep the selection (or select ``select``)."""
        current = select or self.current_id()
        self._filling = True
        self.tree.setUpdatesEnabled(False)
        try:
            self.tree.clear()
            now = datetime.now(timezone.utc)
            bold = QFont(self.tree.font())
            bold.setBold(True)
            target = None
            words = {key: (texts.badge(key), texts.badge_help(key)) for key in theme.BADGE_COLOURS}
            for ws in data.workspaces:
                if ws.archived:
                    continue
                ws_item = QTreeWidgetItem([ws.name, ""])
                ws_item.setData(0, ROLE_KIND, "workspace")
                ws_item.setData(0, ROLE_ID, ws.id)
                ws_item.setFont(0, bold)
                ws_item.setData(0, Qt.ItemDataRole.AccessibleTextRole,
                                self.tr("Workspace {name}, {count} instances").format(name=ws.name,
                                                                                     count=len(ws.instances)))
                children = []
                for inst in ws.instances:
                    key = badge_key(inst, now)
                    item = QTreeWidgetItem([inst.name, ""])
                    item.setIcon(0, icons.tracker_icon(inst.tracker, names.get(inst.tracker, inst.tracker.replace("_", " "))))
                    item.setData(0, ROLE_KIND, "instance")
                    item.setData(0, ROLE_ID, inst.id)
                    item.setData(1, ROLE_BADGE, key)
                    item.setToolTip(0, f"{names.get(inst.tracker, inst.tracker)} · {inst.url}")
                    item.setToolTip(1, words[key][1])
                    item.setData(0, Qt.ItemDataRole.AccessibleTextRole,
                                 f"{inst.name}, {names.get(inst.tracker, inst.tracker)}, {words[key][0]}")
                    children.append(item)
                    if inst.id == current:
                        target = item
                ws_item.addChildren(children)
                self.tree.addTopLevelItem(ws_item)
                ws_item.setExpanded(True)
                if ws.id == current:
                    target = ws_item
            if target is not None:
                self.tree.setCurrentItem(target)
        finally:
            self.tree.setUpdatesEnabled(True)
            self._filling = False
        if target is not None:
            self._tree_changed(target, None)

    def current_id(self) -> str:
        item = self.tree.currentItem()
        return item.data(0, ROLE_ID) if item is not None else ""

    def select(self, key: str) -> bool:
        for i in range(self.tree.topLevelItemCount()):
            ws_item = self.tree.topLevelItem(i)
            if ws_item.data(0, ROLE_ID) == key:
                self.tree.setCurrentItem(ws_item)
                return True
            for j in range(ws_item.childCount()):
                if ws_item.child(j).data(0, ROLE_ID) == key:
                    self.tree.setCurrentItem(ws_item.child(j))
                    return True
        return False

    def select_tracker(self, tracker_id: str) -> None:
        for i in range(self.catalogue.count()):
            if self.catalogue.item(i).data(ROLE_ID) == tracker_id:
                self.catalogue.setCurrentRow(i)

    # -- signals ---------------------------------------------------------------------

    def _tree_changed(self, item, _previous) -> None:
        if self._filling or item is None:
            return
        self.catalogue.blockSignals(True)
        self.catalogue.setCurrentRow(-1)
        self.catalogue.clearSelection()
        self.catalogue.blockSignals(False)
        if item.data(0, ROLE_KIND) == "workspace":
            self.workspace_selected.emit(item.data(0, ROLE_ID))
        else:
            self.instance_selected.emit(item.data(0, ROLE_ID))

    def _catalogue_changed(self, item, _previous) -> None:
        if item is None:
            return
        self.tree.blockSignals(True)
        self.tree.setCurrentItem(None)
        self.tree.clearSelection()
        self.tree.blockSignals(False)
        self.tracker_selected.emit(item.data(ROLE_ID))
