"""Translations: the catalogue covers every string, placeholders survive, translators install."""

from __future__ import annotations

import importlib.util
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale

from soundclone_desktop import i18n

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "translations" / "soundclone_zh_CN.ts"
QM = ROOT / "soundclone_desktop" / "resources" / "translations" / "soundclone_zh_CN.qm"
PLACEHOLDER = re.compile(r"\{[^}]*\}|%n|%\d")
CJK = re.compile(r"[\u4e00-\u9fff]")


def _extractor():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location(
        "update_translations", ROOT / "scripts" / "update_translations.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def _ts_messages() -> dict[tuple[str, str, str], list[str]]:
    found: dict[tuple[str, str, str], list[str]] = {}
    for context in ET.parse(TS).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None
            forms = [f.text or "" for f in translation.iter("numerusform")]
            key = (name, message.findtext("source") or "", message.findtext("comment") or "")
            found[key] = forms or [translation.text or ""]
    return found


@pytest.fixture
def chinese(qapp) -> Iterator[str]:
    language = i18n.install(i18n.CHINESE)
    yield language
    i18n.uninstall()


def test_every_string_in_the_code_has_a_chinese_translation() -> None:
    extractor = _extractor()
    messages, problems = extractor.extract(extractor.source_files())
    assert problems == []
    catalogue = _ts_messages()
    missing = [
        f"[{m.context}] {m.source}"
        for m in messages
        if not any(t.strip() for t in catalogue.get(m.key, []))
    ]
    assert missing == [], "run scripts/update_translations.py and translate:\n" + "\n".join(missing)


def test_translations_keep_their_placeholders() -> None:
    for (context, source, _comment), texts in _ts_messages().items():
        for text in texts:
            if text:
                assert sorted(PLACEHOLDER.findall(text)) == sorted(PLACEHOLDER.findall(source)), (
                    f"[{context}] {source!r} -> {text!r}"
                )


def test_shipped_qm_matches_the_ts(tmp_path: Path) -> None:
    tool = Path(sys.executable).parent / "pyside6-lrelease"
    fresh = tmp_path / "fresh.qm"
    subprocess.run([str(tool), "-silent", str(TS), "-qm", str(fresh)], check=True)
    assert fresh.read_bytes() == QM.read_bytes(), "recompile: scripts/update_translations.py"


def test_resolve_follows_the_choice_and_the_system_locale() -> None:
    chinese = QLocale(QLocale.Language.Chinese, QLocale.Country.China)
    taiwan = QLocale(QLocale.Language.Chinese, QLocale.Country.Taiwan)
    english = QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)
    german = QLocale(QLocale.Language.German, QLocale.Country.Germany)
    assert i18n.resolve(i18n.SYSTEM, chinese) == i18n.CHINESE
    assert i18n.resolve(i18n.SYSTEM, taiwan) == i18n.CHINESE
    assert i18n.resolve(i18n.SYSTEM, english) == i18n.ENGLISH
    assert i18n.resolve(i18n.SYSTEM, german) == i18n.ENGLISH
    assert i18n.resolve(i18n.ENGLISH, chinese) == i18n.ENGLISH
    assert i18n.resolve(i18n.CHINESE, german) == i18n.CHINESE


def test_installing_chinese_translates_our_and_qts_strings(chinese: str) -> None:
    assert chinese == i18n.CHINESE
    text = QCoreApplication.translate("MainWindow", "Generate speech")
    assert text == "生成语音"
    # Qt's own catalogue is installed too (buttons in standard dialogs).
    assert CJK.search(QCoreApplication.translate("QPlatformTheme", "Cancel"))
    assert QLocale().language() == QLocale.Language.Chinese


def test_uninstall_returns_to_english(chinese: str) -> None:
    i18n.uninstall()
    assert QCoreApplication.translate("MainWindow", "Generate speech") == "Generate speech"


def test_english_installs_no_catalogue(qapp) -> None:
    assert i18n.install(i18n.ENGLISH) == i18n.ENGLISH
    try:
        assert QCoreApplication.translate("MainWindow", "Generate speech") == "Generate speech"
    finally:
        i18n.uninstall()


def test_translators_stay_referenced(chinese: str) -> None:
    assert len(i18n._installed) >= 2  # ours plus qtbase


def _load_studio():  # type: ignore[no-untyped-def]
    helper = Path(__file__).with_name("_studio.py")
    spec = importlib.util.spec_from_file_location("ui_studio", helper)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_chinese_ui_shows_chinese_labels(aloop, qtbot, make_demo_server, chinese) -> None:
    studio = _load_studio()
    server = make_demo_server(task_seconds=0.3)
    window, ctx = studio.open_studio(qtbot, server)
    try:
        assert window.submit_bar.button.text() == "生成语音"
        assert window.settings_action.text() == "设置…"
        assert window.open_action.text() == "打开文稿…"
        assert window.insert_pause_action.text() == "插入停顿"
        assert window.windowTitle() == "未命名[*] — SoundClone 声音克隆工作室"
        assert window.submit_bar.reason_label.text() == "请先输入文稿。"
        assert window.status.connection_label.text() == "演示服务器（本机）"
        assert window.params_dock.windowTitle() == "音色与参数"
        assert window.task_list.tree.headerItem().text(1) == "状态"
        window.editor.set_text("你好，世界。")
        assert window.submit_bar.charge_label.text().startswith("此任务将扣费")
        assert "吉米币" in window.submit_bar.charge_label.text()
        qtbot.waitUntil(lambda: "余额" in window.status.balance_label.text(), timeout=5000)
        assert "吉米币" in window.status.balance_label.text()
    finally:
        studio.close_studio(qtbot, window, ctx)
