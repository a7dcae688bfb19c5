"""User settings as typed dataclasses, kept in ``settings.json`` in the config folder.

- Loading is tolerant: a missing file gives the defaults; a file that is not JSON is kept
  as ``settings.json.bad`` and the defaults are used; a field with the wrong type falls
  back to its default alone, so one bad value never costs the user the rest.
- Saving is atomic (see :mod:`.atomic`), so a crash never leaves half a file.
- The API key never goes here: :meth:`SettingsStore.save` refuses any field whose name
  looks like a credential and any URL that carries one (that is :mod:`.secrets`' job).
"""

from __future__ import annotations

import dataclasses
import json
import logging
import re
import shutil
import types
import typing
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from enum import Enum, StrEnum
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlsplit

from soundclone_desktop.core.parameters import Parameters
from soundclone_desktop.core.pricing import DEFAULT_CURRENCY, PriceTable, Rounding

from . import paths
from .atomic import atomic_write_text

log = logging.getLogger(__name__)

SCHEMA_VERSION = 1
FILE_NAME = "settings.json"


class BaseUrlPreset(StrEnum):
    JIMMYAI = "jimmyai"
    VIRALTOK = "viraltok"
    CUSTOM = "custom"


BASE_URLS: dict[BaseUrlPreset, str] = {
    BaseUrlPreset.JIMMYAI: "https://www.jimmyai.cn",
    BaseUrlPreset.VIRALTOK: "https://api.viraltok.ai",
}


class UiLanguage(StrEnum):
    SYSTEM = "system"
    ENGLISH = "en"
    CHINESE_SIMPLIFIED = "zh_CN"


class UiTheme(StrEnum):
    SYSTEM = "system"  # follows the system's light/dark setting, live
    LIGHT = "light"
    DARK = "dark"


@dataclass
class Prices:
    """Unit prices the user entered from their bill; None means not known."""

    preview_per_10k: Decimal | None = None
    production_per_10k: Decimal | None = None
    voice_fee: Decimal | None = None
    currency: str = DEFAULT_CURRENCY
    rounding: Rounding = Rounding.PRO_RATA  # how the service charges is unknown: the user picks

    def table(self) -> PriceTable:
        """These prices as core's :class:`~soundclone_desktop.core.pricing.PriceTable`."""
        return PriceTable(
            self.preview_per_10k, self.production_per_10k, self.voice_fee, self.currency,
            self.rounding,
        )  # fmt: skip


@dataclass
class Settings:
    base_url_preset: BaseUrlPreset = BaseUrlPreset.JIMMYAI
    custom_base_url: str = ""
    prices: Prices = field(default_factory=Prices)
    defaults: Parameters = field(default_factory=Parameters)  # for a new script
    results_dir: str | None = None  # None: <data dir>/results
    ui_language: UiLanguage = UiLanguage.SYSTEM
    theme: UiTheme = UiTheme.SYSTEM
    tour_seen: bool = False  # the first-run tour was finished or skipped
    last_voice: str | None = None
    player_volume: float = 1.0  # linear 0..1, as the player's volume slider sets it

    @property
    def base_url(self) -> str:
        if self.base_url_preset is BaseUrlPreset.CUSTOM:
            return self.custom_base_url.strip().rstrip("/")
        return BASE_URLS[self.base_url_preset]

    def results_path(self, data: Path) -> Path:
        return Path(self.results_dir).expanduser() if self.results_dir else paths.results_dir(data)


class SecretInSettingsError(ValueError):
    """Raised instead of writing something that looks like a credential to settings."""


class SettingsStore:
    """Loads and saves :class:`Settings` in ``<config dir>/settings.json``."""

    def __init__(self, folder: Path | None = None) -> None:
        self.path = (folder if folder is not None else paths.config_dir()) / FILE_NAME

    def load(self) -> Settings:
        try:
            raw = self.path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return Settings()
        except OSError as exc:
            log.warning("Could not read %s (%s); using default settings.", self.path, exc)
            return Settings()
        try:
            data = json.loads(raw)
            if not isinstance(data, dict):
                raise ValueError("the top level is not an object")
        except ValueError as exc:
            bad = self.path.with_name(self.path.name + ".bad")
            log.warning(
                "Settings file %s is unreadable (%s); kept as %s, using defaults.",
                self.path,
                exc,
                bad,
            )
            shutil.copyfile(self.path, bad)
            return Settings()
        version = data.get("schema_version")
        if isinstance(version, int) and version > SCHEMA_VERSION:
            log.info(
                "Settings were written by a newer version (schema %s); reading what this "
                "version understands.",
                version,
            )
        return _from_json(Settings, data)

    def save(self, settings: Settings) -> None:
        data = {"schema_version": SCHEMA_VERSION, **_to_json(settings)}
        check_no_secrets(data)
        text = json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
        atomic_write_text(self.path, text)


_SECRET_KEY = re.compile(
    r"token|api[-_]?key|secret|passw(or)?d|authori[sz]ation|bearer|credential", re.IGNORECASE
)


def check_no_secrets(data: Any, where: str = "settings") -> None:
    """Raise :class:`SecretInSettingsError` if ``data`` holds a credential-like field or URL."""
    if isinstance(data, dict):
        for key, value in data.items():
            if _SECRET_KEY.search(str(key)):
                raise SecretInSettingsError(
                    f"Refusing to save {where}.{key}: the API key is kept in the credential "
                    "store, never in the settings file."
                )
            check_no_secrets(value, f"{where}.{key}")
    elif isinstance(data, list | tuple):
        for index, value in enumerate(data):
            check_no_secrets(value, f"{where}[{index}]")
    elif isinstance(data, str) and _url_carries_secret(data):
        # The message names the field only: the value is the secret.
        raise SecretInSettingsError(
            f"Refusing to save {where}: the address contains credentials. Enter the address "
            "alone and the API key in the account settings."
        )


def _url_carries_secret(text: str) -> bool:
    if text.lower().startswith("bearer "):
        return True
    if "://" not in text:
        return False
    try:
        parts = urlsplit(text.strip())
    except ValueError:
        return False
    if parts.username or parts.password:
        return True
    return any(_SECRET_KEY.search(name) for name, _ in parse_qsl(parts.query))


def _to_json(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _to_json(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, Decimal):
        return str(value)  # a string keeps "0.10" exact; floats would not
    return value


_MISSING = object()
_T = typing.TypeVar("_T")


def _from_json(cls: type[_T], data: dict[str, Any]) -> _T:
    hints = typing.get_type_hints(cls)
    values: dict[str, Any] = {}
    for f in dataclasses.fields(cls):  # type: ignore[arg-type]
        raw = data.get(f.name, _MISSING)
        if raw is _MISSING:
            continue
        converted = _convert(hints[f.name], raw)
        if converted is _MISSING:
            log.warning(
                "Ignoring settings value %s=%r: wrong type; using the default.", f.name, raw
            )
            continue
        values[f.name] = converted
    return cls(**values)


def _convert(hint: Any, raw: Any) -> Any:
    """``raw`` as type ``hint``, or _MISSING when it does not fit."""
    args = typing.get_args(hint)
    if isinstance(hint, types.UnionType) or typing.get_origin(hint) is typing.Union:
        if raw is None and type(None) in args:
            return None
        for arg in args:
            if arg is not type(None):
                converted = _convert(arg, raw)
                if converted is not _MISSING:
                    return converted
        return _MISSING
    if hint is Parameters:
        return _parameters(raw) if isinstance(raw, dict) else _MISSING
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        return _from_json(hint, raw) if isinstance(raw, dict) else _MISSING
    if isinstance(hint, type) and issubclass(hint, Enum):
        try:
            return hint(raw)
        except ValueError:
            return _MISSING
    if hint is Decimal:
        if isinstance(raw, bool) or not isinstance(raw, str | int | float):
            return _MISSING
        try:
            value = Decimal(str(raw))
        except InvalidOperation:
            return _MISSING
        return value if value.is_finite() and value >= 0 else _MISSING
    if hint is bool:
        return raw if isinstance(raw, bool) else _MISSING
    if hint is int:
        return raw if isinstance(raw, int) and not isinstance(raw, bool) else _MISSING
    if hint is float:
        ok = isinstance(raw, int | float) and not isinstance(raw, bool)
        return float(raw) if ok else _MISSING
    if hint is str:
        return raw if isinstance(raw, str) else _MISSING
    return _MISSING


def _parameters(raw: dict[str, Any]) -> Parameters:
    """The default parameters, checked like a project's: a bad value alone falls back."""
    parameters, ignored = Parameters.from_mapping(raw)
    for name in ignored:
        log.warning("Ignoring settings value %s=%r: unusable; using the default.", name, raw[name])
    return parameters
