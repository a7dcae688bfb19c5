"""Where the app keeps its data (results, library) and its configuration, per OS.

Precedence, highest first: an explicit argument (``--data-dir``), the environment
(``SOUNDCLONE_DATA_DIR`` / ``SOUNDCLONE_CONFIG_DIR``), then the platform default:

============  ===========================================  ===================================
OS            data                                         config
============  ===========================================  ===================================
Windows       ``%LOCALAPPDATA%\\SoundClone``                ``%APPDATA%\\SoundClone``
macOS         ``~/Library/Application Support/SoundClone``  same folder (Apple's convention)
Linux, other  ``$XDG_DATA_HOME/soundclone``                 ``$XDG_CONFIG_HOME/soundclone``
              (``~/.local/share/soundclone``)              (``~/.config/soundclone``)
============  ===========================================  ===================================

Nothing here creates folders: resolving a path must not touch the disk; writers create
what they write into.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Mapping
from pathlib import Path

APP_DIR_NAME = "SoundClone"  # Windows and macOS: capitalised, as users see it in Explorer/Finder
UNIX_DIR_NAME = "soundclone"  # XDG: lower case, like other Linux apps
DATA_DIR_ENV = "SOUNDCLONE_DATA_DIR"
CONFIG_DIR_ENV = "SOUNDCLONE_CONFIG_DIR"


def default_data_dir(
    *,
    platform: str | None = None,
    env: Mapping[str, str] | None = None,
    home: Path | None = None,
) -> Path:
    """The platform's per-user data folder for the app (ignores the SOUNDCLONE_* overrides)."""
    return _user_dir(
        ("LOCALAPPDATA", Path("AppData", "Local")),
        ("XDG_DATA_HOME", Path(".local", "share")),
        platform=platform,
        env=env,
        home=home,
    )


def default_config_dir(
    *,
    platform: str | None = None,
    env: Mapping[str, str] | None = None,
    home: Path | None = None,
) -> Path:
    """The platform's per-user configuration folder (ignores the SOUNDCLONE_* overrides)."""
    return _user_dir(
        ("APPDATA", Path("AppData", "Roaming")),
        ("XDG_CONFIG_HOME", Path(".config")),
        platform=platform,
        env=env,
        home=home,
    )


def _user_dir(
    windows: tuple[str, Path],
    xdg: tuple[str, Path],
    *,
    platform: str | None,
    env: Mapping[str, str] | None,
    home: Path | None,
) -> Path:
    """A per-user folder: ``windows``/``xdg`` name the variable and its fallback under home.

    macOS keeps both data and settings in Application Support, as its guidelines ask.
    """
    platform = sys.platform if platform is None else platform
    env = os.environ if env is None else env
    home = Path.home() if home is None else home
    if platform.startswith("win"):
        variable, fallback = windows
        return _env_path(env, variable, home / fallback) / APP_DIR_NAME
    if platform == "darwin":
        return home / "Library" / "Application Support" / APP_DIR_NAME
    variable, fallback = xdg
    return _env_path(env, variable, home / fallback) / UNIX_DIR_NAME


def data_dir(explicit: str | os.PathLike[str] | None = None) -> Path:
    """The data folder to use: ``explicit``, else ``$SOUNDCLONE_DATA_DIR``, else the default."""
    return _resolve(explicit, DATA_DIR_ENV, default_data_dir)


def config_dir(explicit: str | os.PathLike[str] | None = None) -> Path:
    """The config folder: ``explicit``, else ``$SOUNDCLONE_CONFIG_DIR``, else the default."""
    return _resolve(explicit, CONFIG_DIR_ENV, default_config_dir)


def results_dir(data: Path) -> Path:
    """Downloaded task results (audio and subtitles) under a data folder."""
    return data / "results"


def voices_dir(data: Path) -> Path:
    """Preview clips of cloned voices under a data folder."""
    return data / "voices"


def library_path(data: Path) -> Path:
    """The task library (SQLite) under a data folder."""
    return data / "library.sqlite3"


def voice_library_path(data: Path) -> Path:
    """The voice library (SQLite) under a data folder."""
    return data / "voices.sqlite3"


def autosave_dir(data: Path) -> Path:
    """The editor's autosave snapshots (crash recovery) under a data folder."""
    return data / "autosave"


def _resolve(
    explicit: str | os.PathLike[str] | None,
    env_name: str,
    default: Callable[[], Path],
) -> Path:
    if explicit is not None and str(explicit):
        return Path(explicit).expanduser()
    from_env = os.environ.get(env_name, "")
    if from_env:
        return Path(from_env).expanduser()
    return default()


def _env_path(env: Mapping[str, str], name: str, fallback: Path) -> Path:
    # XDG says relative values are invalid and must be ignored; the same caution is
    # harmless for the Windows variables.
    value = env.get(name, "")
    return Path(value) if value and Path(value).is_absolute() else fallback
