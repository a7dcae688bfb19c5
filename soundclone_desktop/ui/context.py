"""What the window needs from the composition root, in one object."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from soundclone_desktop.core.pricing import PriceTable
from soundclone_desktop.store.library import TaskLibrary
from soundclone_desktop.store.secrets import TokenStore
from soundclone_desktop.store.settings import Settings, SettingsStore
from soundclone_desktop.store.voices import VoiceLibrary
from soundclone_desktop.ui.session import Session


@dataclass
class AppContext:
    settings: Settings
    settings_store: SettingsStore
    tokens: TokenStore
    session: Session
    data_dir: Path
    config_dir: Path
    base_url_override: str | None = None  # --base-url / SOUNDCLONE_BASE_URL beat Settings
    log_path: Path | None = None
    voice_library: VoiceLibrary | None = None  # cloned voices; opened in app.build_context
    library: TaskLibrary | None = None  # every task sent; opened in app.build_context

    def base_url(self) -> str:
        return self.base_url_override or self.settings.base_url

    def results_dir(self) -> Path:
        return self.settings.results_path(self.data_dir)

    def prices(self) -> PriceTable:
        """The prices for estimates: the demo's own when on the demo, else the user's."""
        return self.session.demo_prices() or self.settings.prices.table()
