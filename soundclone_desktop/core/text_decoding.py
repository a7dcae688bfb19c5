"""The app's one rule for turning a text file's bytes into text.

UTF-8 (with or without BOM), UTF-16 with a BOM, or GB18030: Chinese Windows editors still
save "ANSI" files in GBK/GB18030 (which GB18030 includes), and Notepad's "Unicode" is UTF-16
with a BOM; both are common for our users. UTF-16 without a BOM is not guessed: a NUL byte
without a BOM means binary data.
"""

from __future__ import annotations

import codecs


def decode_text(data: bytes) -> str | None:
    """Text of a file, or ``None`` when it is not text in a supported encoding.

    Line endings become ``\\n`` so offsets match what an editor shows; the BOM is removed.
    """
    if data.startswith(codecs.BOM_UTF8):
        candidates = ["utf-8-sig"]
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        candidates = ["utf-16"]
    elif b"\x00" in data:
        return None  # binary, or UTF-16 without a BOM: not something we can guess safely
    else:
        candidates = ["utf-8", "gb18030"]
    for encoding in candidates:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        return text.replace("\r\n", "\n").replace("\r", "\n")
    return None
