"""Persistence without Qt: folders, settings, the API key, atomic file writes.

Public names are re-exported here and looked up on first use (PEP 562): importing one
module of the package does not load the others (start-up time, issue #17).
"""

from typing import TYPE_CHECKING

from soundclone_desktop.core.lazy_names import lazy_getattr

if TYPE_CHECKING:
    from soundclone_desktop.store.atomic import (
        atomic_write_bytes,
        atomic_write_text,
    )
    from soundclone_desktop.store.paths import (
        config_dir,
        data_dir,
        default_config_dir,
        default_data_dir,
        results_dir,
        voices_dir,
    )
    from soundclone_desktop.store.secrets import (
        TokenSource,
        TokenStore,
    )
    from soundclone_desktop.store.settings import (
        BaseUrlPreset,
        Prices,
        SecretInSettingsError,
        Settings,
        SettingsStore,
        UiLanguage,
    )

_WHERE = {
    "atomic_write_bytes": "soundclone_desktop.store.atomic",
    "atomic_write_text": "soundclone_desktop.store.atomic",
    "config_dir": "soundclone_desktop.store.paths",
    "data_dir": "soundclone_desktop.store.paths",
    "default_config_dir": "soundclone_desktop.store.paths",
    "default_data_dir": "soundclone_desktop.store.paths",
    "results_dir": "soundclone_desktop.store.paths",
    "voices_dir": "soundclone_desktop.store.paths",
    "TokenSource": "soundclone_desktop.store.secrets",
    "TokenStore": "soundclone_desktop.store.secrets",
    "BaseUrlPreset": "soundclone_desktop.store.settings",
    "Prices": "soundclone_desktop.store.settings",
    "SecretInSettingsError": "soundclone_desktop.store.settings",
    "Settings": "soundclone_desktop.store.settings",
    "SettingsStore": "soundclone_desktop.store.settings",
    "UiLanguage": "soundclone_desktop.store.settings",
}


__getattr__ = lazy_getattr(__name__, _WHERE)


__all__ = [
    "BaseUrlPreset",
    "Prices",
    "SecretInSettingsError",
    "Settings",
    "SettingsStore",
    "TokenSource",
    "TokenStore",
    "UiLanguage",
    "atomic_write_bytes",
    "atomic_write_text",
    "config_dir",
    "data_dir",
    "default_config_dir",
    "default_data_dir",
    "results_dir",
    "voices_dir",
]
