"""The eight production parameters: one value type, its field table, its rules.

:class:`Parameters` is the only place the parameters are named. Each field carries a
:class:`ParamSpec` in its metadata (API name, English label, allowed values); everything else
(the request body, settings, project files, the task library, the form, the CLI options)
iterates :func:`param_fields` instead of naming the fields again.

Validation happens where outside data enters: :meth:`Parameters.from_mapping` for files and
forms (a bad value falls back to its default and is named), :meth:`Parameters.problems` before
a request is sent (every problem, as a sentence).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from enum import Enum, StrEnum
from math import isfinite
from typing import Any, Final

from .languages import ALL_LANGUAGES, AUTO, V1_LANGUAGES, V2_ONLY_LANGUAGES

EMOTIONS: Final[tuple[str, ...]] = (
    "neutral",
    "happy",
    "sad",
    "angry",
    "fearful",
    "disgusted",
    "surprised",
)
VERSIONS: Final[tuple[str, ...]] = ("v1", "v2")

SPEED_RANGE: Final = (0.5, 2.0)  # both ends allowed
VOL_RANGE: Final = (0.0, 10.0)  # low end excluded: 0 is not a volume
PITCH_RANGE: Final = (-12, 12)  # whole semitones, both ends allowed


class SubtitleType(StrEnum):
    """Subtitle granularity. The API only knows ``"word"``; sentence level is the default."""

    SENTENCE = "sentence"
    WORD = "word"


@dataclass(frozen=True, slots=True)
class FieldProblem:
    """A problem with one request field.

    ``field`` is the API field name (``"speed"``, ``"contentText"``…), ``message`` an English
    sentence naming the field, ``allowed`` a short description of the allowed values.
    """

    field: str
    message: str
    allowed: str


def format_number(value: object) -> str:
    """A number as a person would write it: ``2``, ``2.5``, ``0.01``; anything else as repr."""
    if isinstance(value, bool) or not isinstance(value, int | float | Decimal):
        return repr(value)
    if isinstance(value, float) and not isfinite(value):
        return str(value)
    return f"{value:g}" if isinstance(value, float) else str(value)


def finite_number(value: object) -> float | None:
    """``value`` as a finite float, or ``None`` for anything else (bool, str, NaN, inf…)."""
    if isinstance(value, bool) or not isinstance(value, int | float | Decimal):
        return None
    number = float(value)
    return number if isfinite(number) else None


@dataclass(frozen=True, slots=True)
class NumberRange:
    """The numbers a parameter accepts; ``low_open`` excludes ``low``, ``whole`` wants integers."""

    low: float
    high: float
    low_open: bool = False
    whole: bool = False

    def contains(self, value: object) -> bool:
        number = finite_number(value)
        if number is None or (self.whole and not number.is_integer()):
            return False
        above_low = self.low < number if self.low_open else self.low <= number
        return above_low and number <= self.high

    @property
    def allowed(self) -> str:
        """The range in a few English words (``1 to 3``, ``more than 0, up to 1``…)."""
        low, high = format_number(self.low), format_number(self.high)
        if self.whole:
            return f"whole numbers from {low} to {high}"
        if self.low_open:
            return f"more than {low}, up to {high}"
        return f"{low} to {high}"

    def sentence(self, label: str, unit: str) -> str:
        """``label`` must be in this range, as the start of an English sentence."""
        low, high = format_number(self.low), format_number(self.high)
        if self.whole:
            return f"{label} must be a whole number of {unit} between {low} and {high}"
        if self.low_open:
            return f"{label} must be greater than {low} and at most {high}"
        return f"{label} must be between {low} and {high}"


@dataclass(frozen=True, slots=True)
class ParamSpec:
    """What one parameter is: its API name, how messages name it, what it accepts."""

    api: str
    label: str
    choices: tuple[str, ...] = ()  # for text fields with a fixed list
    range: NumberRange | None = None  # for numbers
    unit: str = ""


_SPEC = "spec"


_SPEED: Final = NumberRange(*SPEED_RANGE)
_VOL: Final = NumberRange(*VOL_RANGE, low_open=True)
_PITCH: Final = NumberRange(*PITCH_RANGE, whole=True)


def _spec(
    api: str,
    label: str,
    choices: tuple[str, ...] = (),
    *,
    range: NumberRange | None = None,
    unit: str = "",
) -> dict[str, ParamSpec]:
    """Field metadata: what the parameter is, read back with :func:`spec`."""
    return {_SPEC: ParamSpec(api, label, choices, range, unit)}


@dataclass(frozen=True, slots=True, kw_only=True)
class Parameters:
    """How a script is spoken; the defaults are the app's (and, but ``version``, the API's)."""

    version: str = field(default="v2", metadata=_spec("soundVersion", "Model version", VERSIONS))
    language: str = field(default=AUTO, metadata=_spec("language", "Language"))
    emotion: str = field(default="neutral", metadata=_spec("emotion", "Emotion", EMOTIONS))
    speed: float = field(default=1.0, metadata=_spec("speed", "Speed", range=_SPEED))
    vol: float = field(default=1.0, metadata=_spec("vol", "Volume", range=_VOL))
    pitch: int = field(default=0, metadata=_spec("pitch", "Pitch", range=_PITCH, unit="semitones"))
    subtitles: bool = field(default=False, metadata=_spec("subtitleEnable", "Subtitles"))
    subtitle_type: SubtitleType = field(
        default=SubtitleType.SENTENCE,
        metadata=_spec("subtitleType", "Subtitle type", tuple(SubtitleType)),
    )

    def problems(self) -> list[FieldProblem]:
        """Every problem, in field order; an empty list means these may be sent."""
        problems = check_version(self.version)
        problems += check_language(self.language, self.version)
        if self.emotion not in EMOTIONS:
            message = f"Emotion must be one of {', '.join(EMOTIONS)} (got {self.emotion!r})."
            problems.append(FieldProblem("emotion", message, ", ".join(EMOTIONS)))
        for name, _default, number_spec, allowed in number_fields():
            problems += _check_number(number_spec, allowed, getattr(self, name))
        problems += _check_subtitles(self.subtitles, self.subtitle_type)
        return problems

    def body(self) -> dict[str, object]:
        """The request body's parameter fields: ``soundVersion`` always, others when not the
        default (the endpoint's default for the version is undocumented). Never clamps."""
        body: dict[str, object] = {"soundVersion": self.version}
        if self.language != AUTO:
            body["language"] = self.language
        if self.emotion != "neutral":
            body["emotion"] = self.emotion
        if self.speed != 1:
            body["speed"] = self.speed
        if self.vol != 1:
            body["vol"] = self.vol
        if self.pitch != 0:
            # The API wants an integer; a whole float (3.0) is sent as 3, anything else as is.
            number = finite_number(self.pitch)
            whole = number is not None and number.is_integer()
            body["pitch"] = int(number) if whole and number is not None else self.pitch
        if self.subtitles:
            body["subtitleEnable"] = True
            if self.subtitle_type == SubtitleType.WORD:
                body["subtitleType"] = SubtitleType.WORD.value
        return body

    def parameters(self) -> Parameters:
        """Just the parameters (a request's voice and text left out)."""
        return Parameters(**{f.name: getattr(self, f.name) for f in param_fields()})

    def as_dict(self) -> dict[str, Any]:
        """By Python name, JSON-ready (the subtitle type as its text), in field order."""
        return {f.name: _plain(getattr(self, f.name)) for f in param_fields()}

    @classmethod
    def from_mapping(cls, raw: Mapping[str, object]) -> tuple[Parameters, tuple[str, ...]]:
        """Parameters from outside data (a file, the settings, a form), never raising.

        Keys that are not parameters are skipped. A value of the wrong type or outside its
        range falls back to its default; the second item names those fields. Numbers are kept
        to hundredths, the precision of the form.
        """
        values: dict[str, Any] = {}
        ignored: list[str] = []
        for f in param_fields():
            if f.name not in raw:
                continue
            value = _typed(f.default, raw[f.name])
            if value is None:
                ignored.append(f.name)
            else:
                values[f.name] = value
        names = {spec(f).api: f.name for f in param_fields()}
        for problem in cls(**values).problems():
            name = names.get(problem.field)
            if name is not None and name in values:
                del values[name]
                ignored.append(name)
        return cls(**values), tuple(ignored)


def param_fields() -> tuple[dataclasses.Field[Any], ...]:
    """The parameters' fields, in order; :func:`spec` tells what each one is."""
    return _FIELDS


def spec(f: dataclasses.Field[Any]) -> ParamSpec:
    value = f.metadata[_SPEC]
    assert isinstance(value, ParamSpec)
    return value


def spec_of(name: str) -> ParamSpec:
    """The spec of the parameter called ``name`` in Python (``"vol"``)."""
    return _SPECS[name]


def number_fields() -> Iterator[tuple[str, Any, ParamSpec, NumberRange]]:
    """``(name, default, spec, range)`` of every numeric parameter, in order."""
    for f in param_fields():
        s = spec(f)
        if s.range is not None:
            yield f.name, f.default, s, s.range


_FIELDS: Final = dataclasses.fields(Parameters)
_SPECS: Final = {f.name: spec(f) for f in _FIELDS}


def _plain(value: object) -> object:
    return value.value if isinstance(value, Enum) else value


def _typed(default: object, raw: object) -> object | None:
    """``raw`` with the type of ``default``, or None when it does not fit."""
    if isinstance(default, bool):
        return raw if isinstance(raw, bool) else None
    if isinstance(raw, bool):
        return None
    if isinstance(default, SubtitleType):
        return SubtitleType(raw) if isinstance(raw, str) and raw in tuple(SubtitleType) else None
    if isinstance(default, int):
        if isinstance(raw, float) and raw.is_integer():
            return int(raw)
        return raw if isinstance(raw, int) else None
    if isinstance(default, float):
        return round(float(raw), 2) if isinstance(raw, int | float) else None
    if isinstance(default, str):
        return raw if isinstance(raw, str) else None
    return None


def _check_number(s: ParamSpec, allowed: NumberRange, value: object) -> list[FieldProblem]:
    if allowed.contains(value):
        return []
    message = f"{allowed.sentence(s.label, s.unit)} (got {format_number(value)})."
    return [FieldProblem(s.api, message, allowed.allowed)]


def check_version(version: object) -> list[FieldProblem]:
    if version in VERSIONS:
        return []
    message = f"Model version (soundVersion) must be v1 or v2 (got {version!r})."
    return [FieldProblem("soundVersion", message, "v1 or v2")]


def check_language(language: object, version: object) -> list[FieldProblem]:
    if version == "v1":
        allowed = f"one of the {len(V1_LANGUAGES)} languages of model v1"
        if language == AUTO:
            message = (
                "Language “auto” (detect automatically) is not available with model v1: "
                "choose a language, or use model v2."
            )
            return [FieldProblem("language", message, allowed)]
        if language in V2_ONLY_LANGUAGES:
            message = (
                f"Language {language} needs model v2: choose model v2, or a language that "
                "model v1 supports."
            )
            return [FieldProblem("language", message, allowed)]
    if language == AUTO or language in ALL_LANGUAGES:
        return []
    message = (
        f"Language must be auto or one of the {len(ALL_LANGUAGES)} supported languages "
        f"(got {language!r})."
    )
    allowed = f"auto or one of {len(ALL_LANGUAGES)} languages"
    return [FieldProblem("language", message, allowed)]


def _check_subtitles(enabled: object, kind: object) -> list[FieldProblem]:
    problems: list[FieldProblem] = []
    if not isinstance(enabled, bool):
        message = f"Subtitles (subtitleEnable) must be on or off (got {enabled!r})."
        problems.append(FieldProblem("subtitleEnable", message, "true or false"))
    if kind not in tuple(SubtitleType):
        message = f"Subtitle type (subtitleType) must be sentence or word (got {kind!r})."
        problems.append(FieldProblem("subtitleType", message, "sentence or word"))
    return problems
