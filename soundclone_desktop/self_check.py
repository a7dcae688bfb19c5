"""``--self-check``: prove the installed or frozen app has what it needs, then exit.

Catches what breaks only in a build (no multimedia plugin, no keyring metadata, .qm files
left behind) before a user finds it. Prints one ``name: value`` line per check; exits 1
when something essential is missing. Works offscreen, with no display or audio device.
"""

from __future__ import annotations

import platform
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import keyring
from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QCoreApplication, QLibraryInfo, QTranslator, qVersion
from PySide6.QtGui import QGuiApplication

from soundclone_desktop import __version__, i18n

# A string that must exist in the Chinese catalogue; proves the .qm loads and is ours.
PROBE_CONTEXT = "MainWindow"
PROBE_SOURCE = "Generate speech"


@dataclass(frozen=True)
class Check:
    name: str
    value: str
    ok: bool = True
    essential: bool = False


def check_multimedia() -> Check:
    try:
        from PySide6.QtMultimedia import QMediaDevices, QMediaPlayer
    except ImportError as exc:  # e.g. libpulse missing on Linux
        return Check("multimedia", f"QtMultimedia does not import: {exc}", False, True)
    player = QMediaPlayer()
    available = player.isAvailable()
    outputs = len(QMediaDevices.audioOutputs())
    player.deleteLater()
    value = f"{'available' if available else 'NOT available'} ({outputs} audio output(s))"
    return Check("multimedia", value, available, True)


def check_keyring() -> Check:
    backend = keyring.get_keyring()
    name = f"{type(backend).__module__}.{type(backend).__qualname__}"
    # No backend is not fatal: the key is then kept for the session only, and the UI says so.
    usable = "fail" not in type(backend).__module__ and "null" not in type(backend).__module__
    note = "" if usable else " (no credential store: the API key is kept for this session only)"
    return Check("keyring", name + note, usable, False)


def check_translations() -> Check:
    translator = QTranslator()
    folder = i18n.translations_dir()
    if not translator.load(f"{i18n.APP_CATALOG}_{i18n.CHINESE}", str(folder)):
        return Check("translations", f"zh_CN catalogue missing in {folder}", False, True)
    text = translator.translate(PROBE_CONTEXT, PROBE_SOURCE)
    ok = bool(text) and text != PROBE_SOURCE
    return Check("translations", f"zh_CN loads: {PROBE_SOURCE!r} -> {text!r}", ok, True)


def check_qt_translations() -> Check:
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    translator = QTranslator()
    ok = translator.load("qtbase_zh_CN", folder)
    return Check("qt translations", f"qtbase_zh_CN {'found' if ok else 'missing'} in {folder}", ok)


def check_audio_codecs() -> Check:
    """Export and the waveform need PyAV's FFmpeg: encode 0.2 s to MP3 (LAME) and to AAC
    (M4A), decode both back and compare their lengths with what went in."""
    try:
        import numpy as np

        from soundclone_desktop.audio.decode import decode
        from soundclone_desktop.audio.encode import EncodeOptions, Encoding, encode
        from soundclone_desktop.audio.model import Audio
    except ImportError as exc:
        return Check("audio codecs", f"do not import: {exc}", False, True)
    rate = 32_000
    tone = 0.5 * np.sin(2 * np.pi * 440 * np.arange(rate // 5) / rate)
    audio = Audio(tone.astype(np.float32)[np.newaxis, :], rate)
    reports: list[str] = []
    ok = True
    with tempfile.TemporaryDirectory(prefix="soundclone-self-check-") as folder:
        for encoding in (Encoding.MP3, Encoding.M4A):
            path = Path(folder) / f"probe.{encoding.extension}"
            try:
                encode(audio, path, EncodeOptions(encoding))
                back = decode(path)
            except Exception as exc:  # any failure here means export is broken in this build
                return Check("audio codecs", f"{encoding.name} fails: {exc}", False, True)
            same = back.frames == audio.frames
            ok = ok and same
            note = "" if same else " (length differs)"
            size = path.stat().st_size
            reports.append(f"{encoding.name} {size} bytes, {back.frames / rate:.3f} s back{note}")
    return Check("audio codecs", "; ".join(reports) + f" (PyAV {_pyav_version()})", ok, True)


def _pyav_version() -> str:
    import av

    return str(av.__version__)


CHECKS: tuple[Callable[[], Check], ...] = (
    check_multimedia,
    check_audio_codecs,
    check_keyring,
    check_translations,
    check_qt_translations,
)


def console_output() -> Callable[[str], None]:
    """Where the report goes: stdout, or, in a windowed (console=False) Windows build that
    has none, the console of the shell that started it; as a last resort a file in the
    temp folder (its path is the first line written to it)."""
    if sys.stdout is not None:
        return print
    if sys.platform == "win32":
        import ctypes

        if ctypes.windll.kernel32.AttachConsole(-1):  # ATTACH_PARENT_PROCESS
            sys.stdout = open("CONOUT$", "w", encoding="utf-8")  # noqa: SIM115
            return print
    path = Path(tempfile.gettempdir()) / "soundclone-self-check.txt"
    handle = path.open("w", encoding="utf-8")
    handle.write(f"{path}\n")

    def write(line: str) -> None:
        handle.write(line + "\n")
        handle.flush()

    return write


def run(out: Callable[[str], None] | None = None) -> int:
    """Run every check (a QCoreApplication must exist); returns the process exit code."""
    assert QCoreApplication.instance() is not None, "create the application first"
    out = out or console_output()
    frozen = "frozen" if getattr(sys, "frozen", False) else "source"
    out(f"SoundClone Desktop {__version__} ({frozen}), Python {platform.python_version()}")
    out(f"qt: {qVersion()} (PySide6 {pyside_version}), platform {_platform_name()}")
    failed = []
    for check in CHECKS:
        result = check()
        mark = "ok" if result.ok else ("FAIL" if result.essential else "warn")
        out(f"{result.name}: {result.value} [{mark}]")
        if result.essential and not result.ok:
            failed.append(result.name)
    verdict = "FAILED: " + ", ".join(failed) if failed else "all essential checks passed"
    out(f"self-check: {verdict}")
    return 1 if failed else 0


def _platform_name() -> str:
    if isinstance(QCoreApplication.instance(), QGuiApplication):
        return QGuiApplication.platformName()
    return "none"
