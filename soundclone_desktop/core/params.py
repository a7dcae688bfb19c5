"""Request parameters for the two create endpoints: validation and the exact JSON body.

The production parameters themselves (speed, emotion…) are :class:`~.parameters.Parameters`;
:class:`ProductionParams` adds the voice and the text.

``validate()`` returns every problem at once, each keyed by the API field name, with an
English sentence that names the field and the allowed values. ``to_json()`` is a faithful
serialisation: it never clamps or rounds, so call ``validate()`` first (the UI and the task
runner do); invalid values are sent as they are and the server rejects them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final
from urllib.parse import urlsplit

from .languages import AUTO, first_cjk
from .parameters import EMOTIONS as EMOTIONS  # the names a request needs, re-exported
from .parameters import PITCH_RANGE as PITCH_RANGE
from .parameters import SPEED_RANGE as SPEED_RANGE
from .parameters import VERSIONS as VERSIONS
from .parameters import VOL_RANGE as VOL_RANGE
from .parameters import FieldProblem as FieldProblem
from .parameters import Parameters as Parameters
from .parameters import SubtitleType as SubtitleType
from .parameters import check_language, check_version
from .script import MAX_REQUEST_CHARS, ScriptReport, Severity, analyze

PREVIEW_TEXT_MAX: Final = 269  # "max 270" vs "fewer than 270": take the safe reading
DEFAULT_PREVIEW_TEXT: Final = (
    "在森林的深处,阳光透过树梢洒落,鸟儿的歌声交织成一曲美妙的乐章,诉说着大自然无尽的美丽。"
)
"""What the service speaks (and bills, 44 characters) when the preview has no text."""

# What the clone endpoint accepts as `fileUrl` (lower case, no dot).
CLONE_AUDIO_EXTENSIONS: Final[tuple[str, ...]] = ("mp3", "ogg", "wav", "m4a", "aac")
CLONE_VIDEO_EXTENSIONS: Final[tuple[str, ...]] = ("mp4", "avi", "mov", "mkv", "flv")
CLONE_EXTENSIONS: Final[tuple[str, ...]] = CLONE_AUDIO_EXTENSIONS + CLONE_VIDEO_EXTENSIONS

# What the upload endpoint accepts (§7). It takes more than the clone endpoint does: flac,
# webm and m4v upload fine but are then refused as `fileUrl`; images are useless for a voice.
UPLOAD_AUDIO_EXTENSIONS: Final[tuple[str, ...]] = ("mp3", "wav", "aac", "m4a", "flac", "ogg")
UPLOAD_VIDEO_EXTENSIONS: Final[tuple[str, ...]] = (
    "mp4",
    "mov",
    "avi",
    "webm",
    "mkv",
    "m4v",
    "flv",
)
UPLOAD_IMAGE_EXTENSIONS: Final[tuple[str, ...]] = (
    "jpg",
    "jpeg",
    "png",
    "gif",
    "webp",
    "bmp",
    "svg",
)
UPLOAD_EXTENSIONS: Final[tuple[str, ...]] = (
    UPLOAD_AUDIO_EXTENSIONS + UPLOAD_VIDEO_EXTENSIONS + UPLOAD_IMAGE_EXTENSIONS
)
UPLOAD_MAX_BYTES: Final = 100 * 1024 * 1024

# The speech in a clone sample must last more than 15 s and less than 60 s.
MIN_CLONE_SECONDS: Final = 15
MAX_CLONE_SECONDS: Final = 60


def url_extension(url: str) -> str:
    """The lower-case file extension of a URL's path, without the dot (``""`` if none).

    The query string and fragment are ignored: ``https://x/a.MP3?sig=1`` gives ``"mp3"``.
    """
    path = urlsplit(url.strip()).path
    name = path.rsplit("/", 1)[-1]
    stem, dot, ext = name.rpartition(".")
    return ext.lower() if dot and stem else ""


def _check_model_id(model_id: object) -> list[FieldProblem]:
    if isinstance(model_id, str) and model_id.strip():
        return []
    message = "Voice model ID (modelId) is required: create a voice or paste its ID."
    return [FieldProblem("modelId", message, "the modelId of a finished preview")]


def _check_text(
    text: object,
    field: str,
    max_chars: int,
    *,
    allow_empty: bool,
    report: ScriptReport | None = None,
) -> list[FieldProblem]:
    allowed = f"{'0' if allow_empty else '1'} to {max_chars:,} characters"
    if not isinstance(text, str):
        return [FieldProblem(field, f"Text ({field}) must be a string (got {text!r}).", allowed)]
    if allow_empty and not text.strip():
        return []
    if report is None or report.request_chars != len(text):
        report = analyze(text, max_chars=max_chars)
    # Marker messages talk about "the pause marker …": say which field it sits in.
    return [
        FieldProblem(field, _in_text(problem.message), allowed)
        for problem in report.problems
        if problem.severity is Severity.ERROR
    ]


def _in_text(message: str) -> str:
    return message if message.startswith("The text") else f"Text: {message}"


@dataclass(frozen=True, slots=True)
class ProductionParams(Parameters):
    """Body of ``POST /soundCloning/audios`` (API reference §5): a voice, a text, and the
    :class:`~.parameters.Parameters` (keyword arguments, after the voice and the text)."""

    model_id: str
    text: str

    def validate(self, *, report: ScriptReport | None = None) -> list[FieldProblem]:
        """Every problem, in field order; an empty list means the request may be sent.

        Text problems are the blocking ones from :func:`~.script.analyze` (warnings such
        as a marker next to punctuation are left to the editor). ``report`` is
        ``analyze(self.text)`` when the caller already has it (the editor does), so the
        text is not analysed twice; a report of a text of another length is not used.
        """
        problems = _check_model_id(self.model_id)
        problems += _check_text(
            self.text, "contentText", MAX_REQUEST_CHARS, allow_empty=False, report=report
        )
        return problems + self.problems()

    def to_json(self) -> dict[str, object]:
        """The request body: required fields always, optional ones only when not the default.

        ``soundVersion`` is always sent: the endpoint's default is undocumented.
        """
        return {"modelId": self.model_id.strip(), "contentText": self.text, **self.body()}


@dataclass(frozen=True, slots=True)
class PreviewParams:
    """Body of ``POST /soundCloning/clones`` (API reference §4).

    An empty or whitespace-only ``text`` is not sent, so the service speaks (and bills)
    :data:`DEFAULT_PREVIEW_TEXT`.
    """

    file_url: str
    text: str = ""
    version: str = "v2"
    language: str = AUTO

    @property
    def effective_text(self) -> str:
        """The text the service will speak and bill for this preview."""
        return self.text if self.text.strip() else DEFAULT_PREVIEW_TEXT

    def validate(self) -> list[FieldProblem]:
        """Every problem, in field order; an empty list means the request may be sent."""
        problems = _check_file_url(self.file_url)
        problems += _check_text(self.text, "contentText", PREVIEW_TEXT_MAX, allow_empty=True)
        problems += check_version(self.version)
        problems += check_language(self.language, self.version)
        return problems

    def to_json(self) -> dict[str, object]:
        """The request body; ``soundVersion`` is always sent (our default is v2, the API's v1)."""
        body: dict[str, object] = {"fileUrl": self.file_url.strip(), "soundVersion": self.version}
        if self.text.strip():
            body["contentText"] = self.text
        if self.language != AUTO:
            body["language"] = self.language
        return body


def _check_file_url(url: object) -> list[FieldProblem]:
    """``fileUrl``: a public http(s) URL, no CJK characters, an extension the clone accepts.

    Only literal CJK characters are refused; percent-encoded ones are plain ASCII to the API.
    Local addresses are allowed (the demo server serves its files from 127.0.0.1).
    """
    field = "fileUrl"
    if not isinstance(url, str) or not url.strip():
        message = "File URL (fileUrl) is required: upload a recording or paste its web address."
        return [FieldProblem(field, message, "an http:// or https:// address")]
    url = url.strip()
    problems: list[FieldProblem] = []
    parts = urlsplit(url)
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        message = f"File URL must be a web address starting with http:// or https:// (got {url!r})."
        problems.append(FieldProblem(field, message, "an http:// or https:// address"))
    if any(ch.isspace() for ch in url):
        message = "File URL must not contain spaces; encode them as %20."
        problems.append(FieldProblem(field, message, "a URL without spaces"))
    cjk = first_cjk(url)
    if cjk is not None:
        message = (
            f"File URL must not contain Chinese or other CJK characters (found {url[cjk]!r}); "
            "rename the file or upload it again."
        )
        problems.append(FieldProblem(field, message, "a URL without CJK characters"))
    ext = url_extension(url)
    if ext not in CLONE_EXTENSIONS:
        got = f".{ext}" if ext else "no file extension"
        message = (
            f"File URL must point to a file of type {', '.join(CLONE_EXTENSIONS)} (got {got})."
        )
        problems.append(FieldProblem(field, message, ", ".join(CLONE_EXTENSIONS)))
    return problems
