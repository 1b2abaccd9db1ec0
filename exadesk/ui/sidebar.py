"""The sidebar: workspaces with their instances (icon, name, state badge) and the tracker catalogue."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QEvent, QPoint, QRectF, QSize, Signal
from PySide6.QtGui import QColor, QFont, QPainter, QPainterPath, QPalette
from PySide6.QtWidgets import (QAbstractItemView, QHeaderView, QLabel, QLineEdit, QListWidget, QListWidgetItem,
                               QStyledItemDelegate, QStyleOptionViewItem, QTreeWidget, QTreeWidgetItem, QVBoxLayout,
                               QWidget)

from exadesk.foundation import clock
from exadesk.foundation.words import plural
from exadesk.services import expiry
from exadesk.store.model import Data, Instance, InstanceState
from exadesk.ui import icons, texts, theme

# The first frame (this sidebar, filled) never touches PySide6's Qt namespace: its first use builds ~90 enum
# classes (~11 ms). So the roles and the badge's text alignment below are Qt's fixed values as plain ints,
# and what needs the namespace (context-menu policy, keys, focus reasons) comes after the first paint.
USER_ROLE = 0x0100  # Qt.ItemDataRole.UserRole
ACCESSIBLE_TEXT_ROLE = 11  # Qt.ItemDataRole.AccessibleTextRole
TEXT_ALIGNMENT_ROLE = 7  # Qt.ItemDataRole.TextAlignmentRole
ALIGN_CENTER = 0x0084  # Qt.AlignmentFlag.AlignCenter (AlignHCenter | AlignVCenter)
ROLE_KIND = USER_ROLE + 1  # "workspace", "instance" or "connection"
ROLE_ID = USER_ROLE + 2
ROLE_BADGE = USER_ROLE + 3
ROLE_WORKSPACE = USER_ROLE + 4  # the workspace id of a connection row
ROLE_ARCHIVED = USER_ROLE + 5  # an archived workspace's row (greyed in the palette in use)
ROLE_RETIRED = USER_ROLE + 6  # a retired tracker in the catalogue (greyed likewise)


def badge_key(instance: Instance, now: datetime | None = None) -> str:
    """The sidebar badge of an instance: its state, or "expiring" when the credential runs out within
    :data:`exadesk.services.expiry.WINDOW_DAYS` (the same rule as the expiry list and ``exadesk expiring``)."""
    if instance.state is not InstanceState.FAILING and expiry.status(instance, now or clock.now()):
        return "expiring"
    return instance.state.value


class BadgeDelegate(QStyledItemDelegate):
    """Paints the state badge as a small coloured pill."""

    def paint(self, painter: QPainter, option, index) -> None:
        key = index.data(ROLE_BADGE)
        if not key:
            return super().paint(painter, option, index)
        # Filled paths and palette roles instead of setPen/setBrush/fillRect: PySide6 resolves those overloads
        # through the Qt namespace, and these badges are in the first frame (see the note on the roles above);
        # QStyle.drawItemText would build QStyle's enums (~3 ms).
        view = self.parent()
        if view is not None and view.selectionModel().isSelected(index.siblingAtColumn(0)):
            row = QPainterPath()
            row.addRect(QRectF(option.rect))
            painter.fillPath(row, option.palette.brush(QPalette.ColorGroup.Active, QPalette.ColorRole.Highlight))
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
        pill = QPainterPath()
        pill.addRoundedRect(rect, height / 2, height / 2)
        colours = self._palette(key)
        painter.fillPath(pill, colours.brush(QPalette.ColorRole.Window))
        # The text (the row's display text in this column, centred by its alignment role) is drawn by the
        # base delegate in white, over the pill only.
        text_option = QStyleOptionViewItem(option)
        text_option.rect = rect.toRect()
        text_option.font = font
        text_option.palette = colours
        super().paint(painter, text_option, index)
        painter.restore()

    _palettes: dict[str, QPalette] = {}

    def _palette(self, key: str) -> QPalette:
        """The badge's colours as a palette: its fill (Window) and white text."""
        if key not in self._palettes:
            colours = QPalette()
            colours.setColor(QPalette.ColorRole.Window, QColor(theme.BADGE_COLOURS.get(key, "#6b7280")))
            for role in (QPalette.ColorRole.Text, QPalette.ColorRole.HighlightedText):
                colours.setColor(role, QColor("white"))
            colours.setColor(QPalette.ColorRole.Highlight, QColor(0, 0, 0, 0))  # the row's highlight is drawn already
            self._palettes[key] = colours
        return self._palettes[key]

    _texts: dict[str, str] = {}
    #: Room around a badge's text in its column.
    PADDING = 24

    def badge_text(self, key: str) -> str:
        if key not in self._texts:
            self._texts[key] = texts.badge(key)
        return self._texts[key]

    def sizeHint(self, option, index) -> QSize:
        key = index.data(ROLE_BADGE)
        if not key:
            return super().sizeHint(option, index)
        width = option.fontMetrics.horizontalAdvance(self.badge_text(key)) + self.PADDING
        return QSize(width, option.fontMetrics.height() + 8)


class Sidebar(QWidget):
    """Workspaces with their instances and connections, a filter box, and the tracker catalogue.

    Signals:
        workspace_selected(str), instance_selected(str), tracker_selected(str): ids.
        connection_selected(str, str): workspace id, connection id.
        menu_requested(str, str, QPoint): kind ("workspace", "instance", "connection" or "" for empty space),
            id, global position: the window builds the context menu.
    """

    workspace_selected = Signal(str)
    instance_selected = Signal(str)
    connection_selected = Signal(str, str)
    tracker_selected = Signal(str)
    tracker_activated = Signal(str)
    menu_requested = Signal(str, str, QPoint)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.show_archived = False
        self._data: Data | None = None
        self.filter_edit = QLineEdit()
        self.filter_edit.setObjectName("sidebarFilter")
        self.filter_edit.setPlaceholderText(self.tr("Filter workspaces and instances"))
        self.filter_edit.setAccessibleName(self.tr("Filter workspaces and instances"))
        self.filter_edit.setToolTip(self.tr("Every word must match a name, tracker, address, proxy user, state "
                                            "or note"))
        self.filter_edit.textChanged.connect(self.apply_filter)
        self.filter_edit.returnPressed.connect(self._enter_tree)
        self.no_match = QLabel(self.tr("Nothing matches the filter."))
        self.no_match.setObjectName("noMatch")
        self.no_match.setWordWrap(True)
        self.no_match.hide()

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
        # Sized by fill() to the widest badge shown: ResizeToContents would ask the delegate for every row's size.
        self.tree.header().setSectionResizeMode(1, QHeaderView.ResizeMode.Fixed)
        self.badges = BadgeDelegate(self.tree)
        self.tree.setItemDelegateForColumn(1, self.badges)
        self._badge_keys: set[str] = set()
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.customContextMenuRequested.connect(self._context_menu)
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
        layout.addWidget(self.filter_edit)
        layout.addWidget(self.no_match)
        layout.addWidget(self.tree, 3)
        layout.addWidget(cat_label)
        layout.addWidget(self.catalogue, 2)
        self.setTabOrder(self.filter_edit, self.tree)
        self.setTabOrder(self.tree, self.catalogue)
        self._filling = False

    def finish_start_up(self) -> None:
        """What the first frame does not need (called right after it): the filter's clear button and its keys
        (an event filter before the first paint would see, and wrap in Python, every start-up event), the
        tree's context menu."""
        from PySide6.QtCore import Qt

        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.installEventFilter(self)
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)

    # -- filling ---------------------------------------------------------------------

    def fill_catalogue(self, trackers: list) -> None:
        self.catalogue.clear()
        for tracker in trackers:
            spec = tracker.spec
            text = spec.name if not spec.retired else self.tr("{name} (retired)").format(name=spec.name)
            item = QListWidgetItem(icons.tracker_icon(spec.icon or spec.id, spec.name), text)
            item.setData(ROLE_ID, spec.id)
            item.setToolTip(spec.retired or spec.summary)
            item.setData(ROLE_RETIRED, bool(spec.retired))
            self.catalogue.addItem(item)
        self._grey_out()

    def fill(self, data: Data, names: dict[str, str], select: str = "") -> None:
        """Rebuild the tree; keep the selection (or select ``select``) and the filter."""
        self._data = data
        current = select or self.current_id()
        self._filling = True
        self.tree.setUpdatesEnabled(False)
        try:
            self.tree.clear()
            now = clock.now()
            bold = QFont(self.tree.font())
            bold.setBold(True)
            italic = QFont(self.tree.font())
            italic.setItalic(True)
            target = None
            badge_keys: set[str] = set()
            words = {key: (texts.badge(key), texts.badge_help(key)) for key in theme.BADGE_COLOURS}
            archived_brush = self.palette().brush(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
            for ws in data.workspaces:
                if ws.archived and not self.show_archived:
                    continue
                title = self.tr("{name} (archived)").format(name=ws.name) if ws.archived else ws.name
                ws_item = QTreeWidgetItem([title, ""])
                ws_item.setData(0, ROLE_KIND, "workspace")
                ws_item.setData(0, ROLE_ID, ws.id)
                ws_item.setFont(0, bold)
                if ws.archived:
                    ws_item.setForeground(0, archived_brush)
                    ws_item.setData(0, ROLE_ARCHIVED, True)
                ws_item.setData(0, ACCESSIBLE_TEXT_ROLE,
                                plural(len(ws.instances),
                                       self.tr("Workspace {name}, {count} instance"),
                                       self.tr("Workspace {name}, {count} instances"), name=title))
                children = []
                for inst in ws.instances:
                    key = badge_key(inst, now)
                    badge_keys.add(key)
                    tracker_name = names.get(inst.tracker, inst.tracker.replace("_", " "))
                    shown = inst.name if inst.role != "admin" else self.tr("{name} (admin)").format(name=inst.name)
                    item = QTreeWidgetItem([shown, words[key][0]])  # the badge's text, drawn by BadgeDelegate
                    item.setData(1, TEXT_ALIGNMENT_ROLE, ALIGN_CENTER)
                    item.setIcon(0, icons.tracker_icon(inst.tracker, tracker_name))
                    item.setData(0, ROLE_KIND, "instance")
                    item.setData(0, ROLE_ID, inst.id)
                    item.setData(1, ROLE_BADGE, key)
                    item.setToolTip(0, f"{tracker_name} · {inst.url}")
                    item.setToolTip(1, words[key][1])
                    item.setData(0, ACCESSIBLE_TEXT_ROLE, f"{shown}, {tracker_name}, {words[key][0]}")
                    children.append(item)
                    if inst.id == current:
                        target = item
                for conn in ws.connections:
                    # A side whose instance was removed is said here too, not only on the connection's page.
                    orphaned = ws.instance(conn.left) is None or ws.instance(conn.right) is None
                    item = QTreeWidgetItem([self.tr("⇄ {name} (side missing)").format(name=conn.name) if orphaned
                                            else self.tr("⇄ {name}").format(name=conn.name), ""])
                    item.setFont(0, italic)
                    item.setData(0, ROLE_KIND, "connection")
                    item.setData(0, ROLE_ID, conn.id)
                    item.setData(0, ROLE_WORKSPACE, ws.id)
                    item.setToolTip(0, self.tr("An instance of this connection was removed: open it to choose "
                                               "another") if orphaned
                                    else self.tr("Connection: who may configure it, and what they need"))
                    item.setData(0, ACCESSIBLE_TEXT_ROLE,
                                 self.tr("Connection {name}").format(name=conn.name))
                    children.append(item)
                    if conn.id == current:
                        target = item
                ws_item.addChildren(children)
                self.tree.addTopLevelItem(ws_item)
                ws_item.setExpanded(True)
                if ws.id == current:
                    target = ws_item
            self._badge_keys = badge_keys
            self._size_badge_column()
            if target is not None:
                self.tree.setCurrentItem(target)
            if self.filter_edit.text().strip():
                self.apply_filter(self.filter_edit.text())
        finally:
            self.tree.setUpdatesEnabled(True)
            self._filling = False
        if target is not None:
            self._tree_changed(target, None)

    def _size_badge_column(self) -> None:
        """The badge column as wide as the widest badge in the tree (what ResizeToContents would give)."""
        metrics = self.tree.fontMetrics()
        widths = [metrics.horizontalAdvance(self.badges.badge_text(key)) + BadgeDelegate.PADDING
                  for key in self._badge_keys]
        self.tree.header().resizeSection(1, max(widths, default=0))

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._size_badge_column()
        elif event.type() == QEvent.Type.PaletteChange:
            self._grey_out()  # the grey of the palette now in use (a light grey reads as plain text on dark)

    def _grey_out(self) -> None:
        """Retired trackers and archived workspaces in the current palette's disabled text colour."""
        grey = self.palette().brush(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
        for row in range(self.catalogue.count()):
            item = self.catalogue.item(row)
            if item.data(ROLE_RETIRED):
                item.setForeground(grey)
        for i in range(self.tree.topLevelItemCount()):
            ws_item = self.tree.topLevelItem(i)
            if ws_item.data(0, ROLE_ARCHIVED):
                ws_item.setForeground(0, grey)

    def apply_filter(self, text: str) -> int:
        """Hide what does not match ``text`` (exadesk.services.instances.search, in memory); the number of instances
        shown."""
        words = text.strip()
        data = self._data
        if not words or data is None:
            for i in range(self.tree.topLevelItemCount()):
                ws_item = self.tree.topLevelItem(i)
                ws_item.setHidden(False)
                for j in range(ws_item.childCount()):
                    ws_item.child(j).setHidden(False)
            self.no_match.hide()
            return sum(self.tree.topLevelItem(i).childCount() for i in range(self.tree.topLevelItemCount()))
        from exadesk.services import instances

        found = {ws.id: {inst.id for inst in hits}
                 for ws, hits in instances.search(data, words, include_archived=self.show_archived)}
        shown = 0
        self.tree.setUpdatesEnabled(False)
        try:
            for i in range(self.tree.topLevelItemCount()):
                ws_item = self.tree.topLevelItem(i)
                hits = found.get(ws_item.data(0, ROLE_ID))
                ws_item.setHidden(hits is None)
                for j in range(ws_item.childCount()):
                    child = ws_item.child(j)
                    visible = hits is not None and (child.data(0, ROLE_KIND) != "instance"
                                                    or child.data(0, ROLE_ID) in hits)
                    child.setHidden(not visible)
                    shown += visible and child.data(0, ROLE_KIND) == "instance"
        finally:
            self.tree.setUpdatesEnabled(True)
        self.no_match.setVisible(not found)
        return shown

    def eventFilter(self, obj, event) -> bool:
        if obj is self.filter_edit and event.type() == QEvent.Type.KeyPress:
            from PySide6.QtCore import Qt  # not before: this filter sees the events before the first paint too

            if event.key() == Qt.Key.Key_Escape and self.filter_edit.text():
                self.filter_edit.clear()
                return True
            if event.key() == Qt.Key.Key_Down:
                self._enter_tree()
                return True
        return super().eventFilter(obj, event)

    def _enter_tree(self) -> None:
        """Enter or Down in the filter box: the first row still shown gets the focus (and is opened)."""
        for i in range(self.tree.topLevelItemCount()):
            ws_item = self.tree.topLevelItem(i)
            if ws_item.isHidden():
                continue
            first = next((ws_item.child(j) for j in range(ws_item.childCount()) if not ws_item.child(j).isHidden()),
                         ws_item) if self.filter_edit.text().strip() else ws_item
            from PySide6.QtCore import Qt

            self.tree.setCurrentItem(first)
            self.tree.setFocus(Qt.FocusReason.OtherFocusReason)
            return

    def current_id(self) -> str:
        item = self.tree.currentItem()
        return item.data(0, ROLE_ID) if item is not None else ""

    def current_kind(self) -> str:
        item = self.tree.currentItem()
        return item.data(0, ROLE_KIND) if item is not None else ""

    def current_workspace_id(self) -> str:
        """The workspace of the selected row (the row itself, or its parent)."""
        item = self.tree.currentItem()
        while item is not None and item.parent() is not None:
            item = item.parent()
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

    def _context_menu(self, pos) -> None:
        item = self.tree.itemAt(pos)
        if item is not None:
            self.tree.setCurrentItem(item)
        kind = item.data(0, ROLE_KIND) if item is not None else ""
        key = item.data(0, ROLE_ID) if item is not None else ""
        self.menu_requested.emit(kind, key, self.tree.viewport().mapToGlobal(pos))

    def _tree_changed(self, item, _previous) -> None:
        if self._filling or item is None:
            return
        self.catalogue.blockSignals(True)
        self.catalogue.setCurrentRow(-1)
        self.catalogue.clearSelection()
        self.catalogue.blockSignals(False)
        kind = item.data(0, ROLE_KIND)
        if kind == "workspace":
            self.workspace_selected.emit(item.data(0, ROLE_ID))
        elif kind == "connection":
            self.connection_selected.emit(item.data(0, ROLE_WORKSPACE), item.data(0, ROLE_ID))
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
