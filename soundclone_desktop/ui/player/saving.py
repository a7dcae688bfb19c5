""" "Save as…": a non-blocking file dialog and a copy that never leaves half a file behind."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QStandardPaths
from PySide6.QtWidgets import QFileDialog, QWidget

from soundclone_desktop.store.atomic import replacing

__all__ = ["copy_file", "open_save_dialog", "save_error_message"]


def open_save_dialog(
    parent: QWidget, source: Path, folder: str | None, on_selected: Callable[[Path], None]
) -> QFileDialog:
    """Show a "Save as" dialog with ``open()`` (window-modal, no nested event loop, which
    would break qasync) and call ``on_selected(path)`` if the user picks a file. The dialog
    deletes itself when closed."""
    dialog = QFileDialog(parent, QCoreApplication.translate("Player", "Save audio as"))
    dialog.setObjectName("playerSaveDialog")
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.setFileMode(QFileDialog.FileMode.AnyFile)
    suffix = source.suffix.lstrip(".")
    if suffix:
        dialog.setDefaultSuffix(suffix)
        kind = QCoreApplication.translate("Player", "{kind} audio (*.{suffix})")
        dialog.setNameFilters(
            [
                kind.format(kind=suffix.upper(), suffix=suffix),
                QCoreApplication.translate("Player", "All files (*)"),
            ]
        )
    music = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.MusicLocation)
    dialog.setDirectory(folder or music or str(Path.home()))
    dialog.selectFile(source.name)
    dialog.fileSelected.connect(lambda chosen: on_selected(Path(chosen)))
    dialog.finished.connect(dialog.deleteLater)
    dialog.open()
    return dialog


def copy_file(source: Path, target: Path) -> None:
    """Copy through a temporary file in the target folder, then rename: a failure (disk
    full, permission) leaves no half-written file under the user's chosen name."""
    if target.exists() and source.samefile(target):
        raise shutil.SameFileError(f"{source} and {target} are the same file")
    with replacing(target, prefix=".saving-") as temp:
        shutil.copyfile(source, temp)


def save_error_message(target: Path, exc: Exception) -> str:
    if isinstance(exc, shutil.SameFileError):
        reason = QCoreApplication.translate("Player", "that is the file itself")
    elif isinstance(exc, OSError) and exc.strerror:
        reason = exc.strerror
    else:
        reason = str(exc)
    message = QCoreApplication.translate(
        "Player",
        "The audio could not be saved to {path}: {reason}. Choose another folder or name.",
    )
    return message.format(path=str(target), reason=reason)
