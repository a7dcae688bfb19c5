"""Settings: round trip, tolerant load, atomic save, and never a credential in the file."""

from __future__ import annotations

import dataclasses
import json
import os
from decimal import Decimal
from pathlib import Path

import pytest

from soundclone_desktop.core.parameters import Parameters, SubtitleType
from soundclone_desktop.core.pricing import PriceTable, Rounding
from soundclone_desktop.store.settings import (
    BaseUrlPreset,
    Prices,
    SecretInSettingsError,
    Settings,
    SettingsStore,
    UiLanguage,
    check_no_secrets,
)


def test_defaults() -> None:
    settings = SettingsStore().load()  # no file yet
    assert settings == Settings()
    assert settings.base_url == "https://www.jimmyai.cn"
    assert settings.prices.production_per_10k is None


def test_round_trip(isolated_dirs: Path) -> None:
    store = SettingsStore()
    settings = Settings(
        base_url_preset=BaseUrlPreset.CUSTOM,
        custom_base_url="http://127.0.0.1:8080/",
        prices=Prices(Decimal("0.10"), Decimal("1.5"), Decimal("2"), "USD", Rounding.BLOCKS),
        defaults=Parameters(
            version="v1",
            language="Chinese",
            speed=1.25,
            pitch=-3,
            subtitles=True,
            subtitle_type=SubtitleType.WORD,
        ),
        results_dir="/music/out",
        ui_language=UiLanguage.CHINESE_SIMPLIFIED,
        last_voice="model_123",
    )
    store.save(settings)
    assert store.path == isolated_dirs / "config" / "settings.json"
    loaded = SettingsStore().load()
    assert loaded == settings
    assert loaded.base_url == "http://127.0.0.1:8080"
    assert loaded.prices.preview_per_10k == Decimal("0.10")  # exact, not 0.1000000001
    assert json.loads(store.path.read_text(encoding="utf-8"))["schema_version"] == 1


def test_prices_become_a_core_price_table() -> None:
    prices = Prices(Decimal("2"), Decimal("20"), Decimal("0.5"), "CNY", Rounding.BLOCKS)
    assert prices.table() == PriceTable(
        Decimal("2"), Decimal("20"), Decimal("0.5"), "CNY", Rounding.BLOCKS
    )


def test_presets() -> None:
    assert Settings(base_url_preset=BaseUrlPreset.VIRALTOK).base_url == "https://api.viraltok.ai"


def test_results_path_defaults_under_the_data_dir(tmp_path: Path) -> None:
    assert Settings().results_path(tmp_path) == tmp_path / "results"
    assert Settings(results_dir=str(tmp_path / "x")).results_path(tmp_path) == tmp_path / "x"


def test_corrupt_file_gives_defaults_and_keeps_a_copy() -> None:
    store = SettingsStore()
    store.path.write_text('{"ui_language": "en", ', encoding="utf-8")
    assert store.load() == Settings()
    bad = store.path.with_name("settings.json.bad")
    assert bad.read_text(encoding="utf-8") == '{"ui_language": "en", '


def test_wrong_types_fall_back_per_field() -> None:
    store = SettingsStore()
    store.path.write_text(
        json.dumps(
            {
                "schema_version": 1,
                "ui_language": "klingon",
                "last_voice": 42,
                "custom_base_url": "https://example.test",
                "prices": {"voice_fee": "abc", "production_per_10k": 3, "currency": "CNY"},
                "defaults": {"speed": "fast", "pitch": 2.5, "vol": 2, "subtitles": "yes"},
                "unknown_future_field": [1, 2],
            }
        ),
        encoding="utf-8",
    )
    loaded = store.load()
    assert loaded.ui_language is UiLanguage.SYSTEM
    assert loaded.last_voice is None
    assert loaded.custom_base_url == "https://example.test"
    assert loaded.prices == Prices(production_per_10k=Decimal(3), currency="CNY")
    assert loaded.defaults == Parameters(vol=2.0)


def test_top_level_not_an_object_is_corrupt() -> None:
    store = SettingsStore()
    store.path.write_text("[1, 2]", encoding="utf-8")
    assert store.load() == Settings()
    assert store.path.with_name("settings.json.bad").exists()


def test_crash_mid_save_keeps_the_old_file(monkeypatch: pytest.MonkeyPatch) -> None:
    store = SettingsStore()
    store.save(Settings(last_voice="old"))
    before = store.path.read_bytes()

    def crash(src: object, dst: object) -> None:
        raise OSError("disk gone")

    monkeypatch.setattr(os, "replace", crash)
    with pytest.raises(OSError):
        store.save(Settings(last_voice="new"))
    assert store.path.read_bytes() == before
    assert SettingsStore().load().last_voice == "old"
    assert sorted(p.name for p in store.path.parent.iterdir()) == ["settings.json"]


@dataclasses.dataclass
class LeakySettings(Settings):
    api_key: str = "sk-live-0123456789"


def test_a_token_field_is_never_saved() -> None:
    store = SettingsStore()
    with pytest.raises(SecretInSettingsError) as info:
        store.save(LeakySettings())
    assert "sk-live" not in str(info.value)
    assert not store.path.exists()


@pytest.mark.parametrize(
    "url",
    [
        "https://user:sk-secret@www.jimmyai.cn",
        "https://www.jimmyai.cn/?api_key=sk-secret",
        "https://www.jimmyai.cn/?token=sk-secret",
        "Bearer sk-secret",
    ],
)
def test_a_url_carrying_a_credential_is_never_saved(url: str) -> None:
    settings = Settings(base_url_preset=BaseUrlPreset.CUSTOM, custom_base_url=url)
    with pytest.raises(SecretInSettingsError) as info:
        SettingsStore().save(settings)
    assert "sk-secret" not in str(info.value)


@pytest.mark.parametrize(
    "data",
    [{"nested": {"Authorization": "x"}}, {"list": [{"password": "x"}]}, {"API-Key": "x"}],
)
def test_secret_detector(data: dict[str, object]) -> None:
    with pytest.raises(SecretInSettingsError):
        check_no_secrets(data)


def test_ordinary_values_pass() -> None:
    check_no_secrets({"base_url": "https://www.jimmyai.cn/path?lang=en", "voice": "model_1"})


def test_default_parameters_out_of_range_fall_back_alone() -> None:
    """Settings are a boundary like a project file: a default the API refuses is not kept."""
    store = SettingsStore()
    raw = {
        "defaults": {"speed": 7, "pitch": 30, "vol": 0, "emotion": "happy", "language": "English"}
    }
    store.path.write_text(json.dumps(raw), encoding="utf-8")
    assert store.load().defaults == Parameters(emotion="happy", language="English")
