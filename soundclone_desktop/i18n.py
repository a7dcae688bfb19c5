"""UI language: which catalogue to load, and installing Qt translators for it.

Every user-visible string goes through ``translate("Context", "text")`` with a fixed
context (``self.tr`` would key on the runtime class name and miss in subclasses).
``pyside6-lupdate`` recognises calls named ``translate``, so modules import this alias.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator
from PySide6.QtGui import QGuiApplication

log = logging.getLogger(__name__)

translate = QCoreApplication.translate

SYSTEM = "system"
ENGLISH = "en"
CHINESE = "zh_CN"
CHOICES = (SYSTEM, ENGLISH, CHINESE)

APP_CATALOG = "soundclone"
# Qt's own strings shown in our windows (file dialogs, context menus, media errors).
QT_CATALOGS = ("qtbase", "qtmultimedia")

# Translators must stay referenced as long as they are installed, or Qt reads freed memory.
_installed: list[QTranslator] = []


def translations_dir() -> Path:
    """Our compiled catalogues; the same relative place in the source tree and when frozen."""
    return Path(__file__).resolve().parent / "resources" / "translations"


def resolve(choice: str, system: QLocale | None = None) -> str:
    """The language to show for a settings choice: ``en`` or ``zh_CN``."""
    if choice in (ENGLISH, CHINESE):
        return choice
    locale = system if system is not None else QLocale.system()
    # Only Simplified Chinese ships; a Chinese reader still prefers it over English.
    return CHINESE if locale.language() == QLocale.Language.Chinese else ENGLISH


def join_sentences(*sentences: str) -> str:
    """Sentences one after the other: a space after English punctuation, none after a
    full-width one (Chinese writes "…。演示…", never "…。 演示…")."""
    text = ""
    for sentence in (s for s in sentences if s):
        gap = "" if not text or text.endswith(_FULL_WIDTH_ENDS) else " "
        text += gap + sentence
    return text


_FULL_WIDTH_ENDS = ("。", "！", "？", "；", "：", "，", "）", "」", "”")


def load_app_translator(language: str) -> QTranslator | None:
    """Our catalogue for ``language``, or None (English needs none; a missing file is logged)."""
    if language == ENGLISH:
        return None
    translator = QTranslator()
    if translator.load(f"{APP_CATALOG}_{language}", str(translations_dir())):
        return translator
    log.warning("No translation catalogue for %s in %s", language, translations_dir())
    return None


def _qt_translators(language: str) -> list[QTranslator]:
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    found = []
    for catalog in QT_CATALOGS:
        translator = QTranslator()
        if translator.load(f"{catalog}_{language}", folder):
            found.append(translator)
        else:
            log.info("Qt catalogue %s_%s not found in %s", catalog, language, folder)
    return found


def install(choice: str) -> str:
    """Install the translators for a settings choice; returns the language applied.

    Call after the QApplication exists and before any window is built.
    """
    uninstall()
    language = resolve(choice)
    QLocale.setDefault(QLocale(language))
    if language == ENGLISH:
        _name_the_app()
        return language
    app_translator = load_app_translator(language)
    translators = [*_qt_translators(language)]
    if app_translator is not None:
        translators.append(app_translator)
    for translator in translators:
        if QCoreApplication.installTranslator(translator):
            _installed.append(translator)
    _name_the_app()
    return language


def _name_the_app() -> None:
    """The display name in the interface's language. Qt appends it to every window title
    that does not end with it: an English name after the Chinese title repeated the app."""
    app = QCoreApplication.instance()
    if isinstance(app, QGuiApplication) and app.applicationDisplayName():
        app.setApplicationDisplayName(translate("MainWindow", "SoundClone Desktop"))


def uninstall() -> None:
    """Back to the source strings (English)."""
    while _installed:
        QCoreApplication.removeTranslator(_installed.pop())
    _name_the_app()
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
