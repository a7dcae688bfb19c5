"""Help › Keyboard shortcuts: every action of the window that has a key, read from the
actions themselves (so the list cannot drift from what the keys do), grouped by menu."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QMenu,
    QMenuBar,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from soundclone_desktop.i18n import translate

CTX = "ShortcutsDialog"


@dataclass(frozen=True, slots=True)
class ShortcutRow:
    group: str  # the menu's title ("Edit"), or "Other" for actions in no menu
    action: str  # its text, without the mnemonic "&"
    keys: str  # every key sequence, in the platform's notation


def plain(text: str) -> str:
    """A menu text as read: no mnemonic marker, no trailing tab-separated key."""
    return text.split("\t")[0].replace("&&", "\0").replace("&", "").replace("\0", "&")


# Keys of old Sun keyboards that the standard bindings include: noise in a list for people.
_DEDICATED_KEYS = frozenset(
    {"Undo", "Redo", "Copy", "Cut", "Paste", "Find", "Help", "Open", "Save"}
)


def keys_text(action: QAction) -> str:
    native = QKeySequence.SequenceFormat.NativeText
    shown = [
        seq.toString(native)
        for seq in action.shortcuts()
        if not seq.isEmpty() and seq.toString() not in _DEDICATED_KEYS
    ]
    return ", ".join(shown)


def shortcut_rows(menu_bar: QMenuBar, window: QWidget) -> list[ShortcutRow]:
    """Actions with keys: by menu in menu-bar order, then the window's other ones."""
    rows: list[ShortcutRow] = []
    seen: set[int] = set()

    def walk(menu: QMenu, group: str) -> None:
        for action in menu.actions():
            sub = action.menu()
            if isinstance(sub, QMenu):
                walk(sub, group)
            elif not action.isSeparator() and id(action) not in seen:
                seen.add(id(action))
                if keys_text(action):
                    rows.append(ShortcutRow(group, plain(action.text()), keys_text(action)))

    for top in menu_bar.actions():
        menu = top.menu()
        if isinstance(menu, QMenu):
            walk(menu, plain(top.text()))
    other = translate(CTX, "Other")
    for action in window.findChildren(QAction):
        if id(action) in seen or not action.text() or not keys_text(action):
            continue
        seen.add(id(action))
        rows.append(ShortcutRow(other, plain(action.text()), keys_text(action)))
    return rows


class ShortcutsDialog(QDialog):
    def __init__(self, rows: list[ShortcutRow], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("shortcutsDialog")
        self.setWindowTitle(translate(CTX, "Keyboard shortcuts"))
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("shortcutsTree")
        self.tree.setHeaderLabels([translate(CTX, "Action"), translate(CTX, "Keys")])
        self.tree.setAccessibleName(translate(CTX, "Keyboard shortcuts"))
        self.tree.setRootIsDecorated(False)
        self.tree.setUniformRowHeights(True)
        groups: dict[str, QTreeWidgetItem] = {}
        for row in rows:
            group = groups.get(row.group)
            if group is None:
                group = QTreeWidgetItem(self.tree, [row.group])
                font = group.font(0)
                font.setBold(True)
                group.setFont(0, font)
                group.setFirstColumnSpanned(True)
                group.setFlags(Qt.ItemFlag.ItemIsEnabled)
                groups[row.group] = group
            item = QTreeWidgetItem(group, [row.action, row.keys])
            item.setToolTip(0, row.action)
            item.setToolTip(1, row.keys)
        self.tree.expandAll()
        header = self.tree.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tree)
        layout.addWidget(buttons)
        self.resize(560, 560)

    def rows(self) -> list[tuple[str, str]]:
        """(action, keys) as shown, in order: for tests."""
        every = Qt.MatchFlag.MatchContains | Qt.MatchFlag.MatchRecursive
        items = self.tree.findItems("", every)  # depth first: groups, then their rows
        return [(item.text(0), item.text(1)) for item in items if item.parent() is not None]
