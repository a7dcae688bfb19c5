"""The benchmark script: 9,999 characters of Chinese and English with about 100 pauses.

Built from the shared sample scripts (sentences cycled in order, a pause marker after every
few sentences), then padded or cut at a sentence edge to the exact length, so every run
types into the same text.
"""

from __future__ import annotations

import re
from pathlib import Path

from soundclone_desktop.core.script import MAX_REQUEST_CHARS, Severity, analyze

SAMPLE_DIRS = (Path("/work/shared/samples"), Path(__file__).resolve().parents[1] / "data")
_SENTENCE = re.compile(r"[^。！？.!?\n]*[。！？.!?]+[”」]?\s*")
_MARKER = re.compile(r"<#[0-9.]+#>")
PAUSES = (0.3, 0.5, 0.8, 1.2)


def sample_sentences() -> list[str]:
    for folder in SAMPLE_DIRS:
        files = sorted(folder.glob("*.txt")) if folder.is_dir() else []
        if files:
            text = "\n".join(f.read_text(encoding="utf-8") for f in files)
            text = _MARKER.sub("", text)  # we place our own markers, evenly
            return [s for s in (m.group(0) for m in _SENTENCE.finditer(text)) if s.strip()]
    raise FileNotFoundError("no sample scripts in " + ", ".join(map(str, SAMPLE_DIRS)))


def build_script(length: int = MAX_REQUEST_CHARS, markers: int = 100) -> str:
    """Exactly ``length`` code points, ``markers`` pauses, no blocking problem."""
    sentences = sample_sentences()
    pieces: list[str] = []
    size = 0
    spacing = length / (markers + 1)  # one marker about every this many characters
    next_marker = spacing
    placed = 0
    index = 0
    while size < length:
        sentence = sentences[index % len(sentences)]
        index += 1
        if index % 7 == 0:
            sentence += "\n"  # paragraphs, as in a real script
        pieces.append(sentence)
        size += len(sentence)
        if size >= next_marker and placed < markers and not sentence.endswith("\n"):
            mark = f"<#{PAUSES[placed % len(PAUSES)]:g}#>"
            pieces.append(mark)
            size += len(mark)
            placed += 1
            next_marker += spacing
    text = "".join(pieces)
    # Cut back to the last whole piece that fits, then pad with letters to the exact length.
    while len(text) > length:
        pieces.pop()
        text = "".join(pieces)
    text = text.rstrip()
    text += "好" * (length - len(text))
    report = analyze(text)
    blocking = [p for p in report.problems if p.severity is Severity.ERROR]
    if report.request_chars != length or blocking:
        raise ValueError(f"benchmark script is wrong: {report.request_chars} chars, {blocking}")
    return text


if __name__ == "__main__":
    script = build_script()
    report = analyze(script)
    print(len(script), len(report.pauses), [p.code for p in report.problems])
