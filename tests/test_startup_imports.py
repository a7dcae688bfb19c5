"""Start-up time (issue #7): what the first window does not need is not imported to start.

Each check runs in a fresh interpreter, since this test process has imported everything.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

# Imported on first use only: the keyring (read in a worker thread once the window is up),
# the demo server (--demo or the welcome's choice), the self-check, and the features that
# are not on screen at start.
NOT_AT_START = (
    "keyring",
    "soundclone_desktop.self_check",
    "soundclone_desktop.demo",
    "soundclone_desktop.core.subtitles",
    "soundclone_desktop.audio.export",
    "soundclone_desktop.ui.export.dialog",
    "soundclone_desktop.ui.settings.dialog",
    "soundclone_desktop.ui.settings.welcome",
    "soundclone_desktop.ui.voices.clone_wizard",
    "soundclone_desktop.ui.voices.library_dialog",
    "soundclone_desktop.ui.captions.loader",
    # The audio engine: NumPy and PyAV load with the first waveform or export.
    "numpy",
    "av",
    "soundclone_desktop.manuscripts",  # python-docx and lxml: only when a book is imported
    "soundclone_desktop.ui.book_import.dialog",
    "soundclone_desktop.ui.delivery.dialog",  # and the delivery service: on first use only
    "soundclone_desktop.services.delivery",
    # The book view is built on first use (issue #12): its rules, store and render queue.
    "soundclone_desktop.core.book",
    "soundclone_desktop.store.book",
    "soundclone_desktop.services.book",
    "soundclone_desktop.ui.book.controller",
    # The HTTP client: only when a client is made (a key, or the demo), not for the log's
    # redaction, the API's errors or models, or the session and workspace modules (#17).
    "httpx",
)

# The window's shell is painted with Qt, the settings, the translations, the theme and the
# editor; the rest is imported after the first paint, one group per event-loop turn (#17).
NOT_BEFORE_FIRST_PAINT = (
    # The editor is painted plain: its highlighter and chips come a turn later; the lazy
    # package re-exports keep the rest of core and store out (#17).
    "soundclone_desktop.ui.editor.highlighter",
    "soundclone_desktop.ui.editor.chips",
    "soundclone_desktop.ui.editor.spans",
    "soundclone_desktop.core.params",
    "soundclone_desktop.core.audio_format",
    "soundclone_desktop.store.secrets",
    "secrets",
    "asyncio",
    "qasync",
    "httpx",
    "sqlite3",
    "PySide6.QtMultimedia",
    "soundclone_desktop.api",
    "soundclone_desktop.services",
    "soundclone_desktop.store.library",
    "soundclone_desktop.ui.context",
    "soundclone_desktop.ui.session",
    "soundclone_desktop.ui.player",
    "soundclone_desktop.ui.parameters",
    "soundclone_desktop.ui.tasks",
    "soundclone_desktop.ui.history",
    "soundclone_desktop.ui.voices",
    "soundclone_desktop.logging_setup",
)

_PROBE = """
import json, sys
import {module}
{after}
print(json.dumps(sorted(sys.modules)))
"""


def _modules_after(
    module: str, after: str = "", extra_env: dict[str, str] | None = None
) -> set[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "QT_API": "pyside6", **(extra_env or {})}
    done = subprocess.run(
        [sys.executable, "-c", _PROBE.format(module=module, after=after)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    return set(json.loads(done.stdout.strip().splitlines()[-1]))


def _loaded(modules: set[str], name: str) -> bool:
    return any(m == name or m.startswith(name + ".") for m in modules)


def test_the_app_module_imports_no_feature_the_first_window_does_not_show() -> None:
    modules = _modules_after("soundclone_desktop.app")
    assert "soundclone_desktop.ui.main_window" in modules  # the probe did import the app
    loaded = [name for name in NOT_AT_START + NOT_BEFORE_FIRST_PAINT if _loaded(modules, name)]
    assert loaded == []


# The window as the app builds it (its features attached) and shown, not connected.
_SHOW_WINDOW = """
from soundclone_desktop import app
qapp = app.create_application()
ctx = app.build_context(app.parse_args([]), crash_log=False)
window = soundclone_desktop.ui.main_window.MainWindow(ctx)
window.show()
for _ in range(5):
    qapp.processEvents()
"""


def test_the_shown_window_loads_no_feature_it_does_not_show(tmp_path: Path) -> None:
    env = {"SOUNDCLONE_DATA_DIR": str(tmp_path / "data"), "SOUNDCLONE_CONFIG_DIR": str(tmp_path)}
    modules = _modules_after("soundclone_desktop.ui.main_window", _SHOW_WINDOW, env)
    assert "soundclone_desktop.ui.book" in modules  # the book's menu entries are there
    loaded = [name for name in NOT_AT_START if _loaded(modules, name)]
    assert loaded == []


# What ``app.main`` does up to the first paint.
_FIRST_PAINT = """
from soundclone_desktop import app, i18n
from soundclone_desktop.store import paths
options = app.parse_args([])
qapp = app.create_application()
store, settings = app.read_settings()
i18n.install(settings.ui_language.value)
app.apply_start_theme(settings, options)
window = app.show_first_window(qapp, lambda: app.MainWindow(config_dir=paths.config_dir()))
assert window.isVisible() and not window.is_built
"""


def test_the_first_paint_needs_only_the_shell(tmp_path: Path) -> None:
    env = {"SOUNDCLONE_DATA_DIR": str(tmp_path / "data"), "SOUNDCLONE_CONFIG_DIR": str(tmp_path)}
    modules = _modules_after("soundclone_desktop.app", _FIRST_PAINT, env)
    assert "soundclone_desktop.ui.editor.editor" in modules  # the real editor is there
    loaded = [name for name in NOT_BEFORE_FIRST_PAINT if _loaded(modules, name)]
    assert loaded == []


def test_a_token_store_does_not_import_the_keyring_until_asked() -> None:
    after = (
        "s = soundclone_desktop.store.secrets.TokenStore()\n"
        "assert s.known() is None and not s.loaded\n"
    )
    modules = _modules_after("soundclone_desktop.store.secrets", after)
    assert not _loaded(modules, "keyring")
