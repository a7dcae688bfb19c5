"""Pure rules of the SoundClone API: script analysis, languages, parameters, prices, audio.

No I/O, no Qt, and no imports from the rest of the package (a test enforces it).

Public names are re-exported here and looked up on first use (PEP 562): importing one
module of the package does not load the others (start-up time, issue #17).
"""

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from soundclone_desktop.core.audio_format import (
        sniff_audio,
        wav_duration,
    )
    from soundclone_desktop.core.languages import (
        ALL_LANGUAGES,
        AUTO,
        V1_LANGUAGES,
        V2_ONLY_LANGUAGES,
        contains_cjk,
        guess_language,
        is_supported,
        languages_for,
    )
    from soundclone_desktop.core.params import (
        CLONE_EXTENSIONS,
        DEFAULT_PREVIEW_TEXT,
        EMOTIONS,
        MAX_CLONE_SECONDS,
        MIN_CLONE_SECONDS,
        PITCH_RANGE,
        PREVIEW_TEXT_MAX,
        SPEED_RANGE,
        UPLOAD_EXTENSIONS,
        UPLOAD_MAX_BYTES,
        VERSIONS,
        VOL_RANGE,
        FieldProblem,
        Parameters,
        PreviewParams,
        ProductionParams,
        SubtitleType,
        url_extension,
    )
    from soundclone_desktop.core.pricing import (
        Estimate,
        PriceTable,
        Rounding,
        estimate_preview,
        estimate_production,
        format_money,
        parse_price,
    )
    from soundclone_desktop.core.script import (
        MAX_PAUSE,
        MAX_REQUEST_CHARS,
        MIN_PAUSE,
        PROBLEM_CODES,
        Pause,
        Problem,
        ScriptReport,
        Severity,
        Utf16Map,
        analyze,
        format_seconds,
        marker,
        merge_value,
        utf16_len,
        utf16_offset,
        utf16_offsets,
    )

_WHERE = {
    "sniff_audio": "soundclone_desktop.core.audio_format",
    "wav_duration": "soundclone_desktop.core.audio_format",
    "ALL_LANGUAGES": "soundclone_desktop.core.languages",
    "AUTO": "soundclone_desktop.core.languages",
    "V1_LANGUAGES": "soundclone_desktop.core.languages",
    "V2_ONLY_LANGUAGES": "soundclone_desktop.core.languages",
    "contains_cjk": "soundclone_desktop.core.languages",
    "guess_language": "soundclone_desktop.core.languages",
    "is_supported": "soundclone_desktop.core.languages",
    "languages_for": "soundclone_desktop.core.languages",
    "CLONE_EXTENSIONS": "soundclone_desktop.core.params",
    "DEFAULT_PREVIEW_TEXT": "soundclone_desktop.core.params",
    "EMOTIONS": "soundclone_desktop.core.params",
    "MAX_CLONE_SECONDS": "soundclone_desktop.core.params",
    "MIN_CLONE_SECONDS": "soundclone_desktop.core.params",
    "PITCH_RANGE": "soundclone_desktop.core.params",
    "PREVIEW_TEXT_MAX": "soundclone_desktop.core.params",
    "SPEED_RANGE": "soundclone_desktop.core.params",
    "UPLOAD_EXTENSIONS": "soundclone_desktop.core.params",
    "UPLOAD_MAX_BYTES": "soundclone_desktop.core.params",
    "VERSIONS": "soundclone_desktop.core.params",
    "VOL_RANGE": "soundclone_desktop.core.params",
    "FieldProblem": "soundclone_desktop.core.params",
    "Parameters": "soundclone_desktop.core.params",
    "PreviewParams": "soundclone_desktop.core.params",
    "ProductionParams": "soundclone_desktop.core.params",
    "SubtitleType": "soundclone_desktop.core.params",
    "url_extension": "soundclone_desktop.core.params",
    "Estimate": "soundclone_desktop.core.pricing",
    "PriceTable": "soundclone_desktop.core.pricing",
    "Rounding": "soundclone_desktop.core.pricing",
    "estimate_preview": "soundclone_desktop.core.pricing",
    "estimate_production": "soundclone_desktop.core.pricing",
    "format_money": "soundclone_desktop.core.pricing",
    "parse_price": "soundclone_desktop.core.pricing",
    "MAX_PAUSE": "soundclone_desktop.core.script",
    "MAX_REQUEST_CHARS": "soundclone_desktop.core.script",
    "MIN_PAUSE": "soundclone_desktop.core.script",
    "PROBLEM_CODES": "soundclone_desktop.core.script",
    "Pause": "soundclone_desktop.core.script",
    "Problem": "soundclone_desktop.core.script",
    "ScriptReport": "soundclone_desktop.core.script",
    "Severity": "soundclone_desktop.core.script",
    "Utf16Map": "soundclone_desktop.core.script",
    "analyze": "soundclone_desktop.core.script",
    "format_seconds": "soundclone_desktop.core.script",
    "marker": "soundclone_desktop.core.script",
    "merge_value": "soundclone_desktop.core.script",
    "utf16_len": "soundclone_desktop.core.script",
    "utf16_offset": "soundclone_desktop.core.script",
    "utf16_offsets": "soundclone_desktop.core.script",
}


def __getattr__(name: str) -> Any:
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


__all__ = [
    "ALL_LANGUAGES",
    "AUTO",
    "CLONE_EXTENSIONS",
    "DEFAULT_PREVIEW_TEXT",
    "EMOTIONS",
    "MAX_CLONE_SECONDS",
    "MAX_PAUSE",
    "MAX_REQUEST_CHARS",
    "MIN_CLONE_SECONDS",
    "MIN_PAUSE",
    "PITCH_RANGE",
    "PREVIEW_TEXT_MAX",
    "PROBLEM_CODES",
    "SPEED_RANGE",
    "UPLOAD_EXTENSIONS",
    "UPLOAD_MAX_BYTES",
    "V1_LANGUAGES",
    "V2_ONLY_LANGUAGES",
    "VERSIONS",
    "VOL_RANGE",
    "Estimate",
    "FieldProblem",
    "Parameters",
    "Pause",
    "PreviewParams",
    "PriceTable",
    "Problem",
    "ProductionParams",
    "Rounding",
    "ScriptReport",
    "Severity",
    "SubtitleType",
    "Utf16Map",
    "analyze",
    "contains_cjk",
    "estimate_preview",
    "estimate_production",
    "format_money",
    "format_seconds",
    "guess_language",
    "is_supported",
    "languages_for",
    "marker",
    "merge_value",
    "parse_price",
    "sniff_audio",
    "url_extension",
    "utf16_len",
    "utf16_offset",
    "utf16_offsets",
    "wav_duration",
]
