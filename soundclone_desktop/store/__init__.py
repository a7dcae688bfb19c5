"""Persistence without Qt: folders, settings, the API key, atomic file writes."""

from .atomic import atomic_write_bytes, atomic_write_text
from .paths import (
    config_dir,
    data_dir,
    default_config_dir,
    default_data_dir,
    results_dir,
    voices_dir,
)
from .secrets import TokenSource, TokenStore
from .settings import (
    BaseUrlPreset,
    Prices,
    SecretInSettingsError,
    Settings,
    SettingsStore,
    UiLanguage,
)

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
