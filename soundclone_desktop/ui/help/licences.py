"""The libraries bundled with the app and their licences, for Help › About.

Stated here (a frozen build may carry no package metadata) and checked against the installed
packages' own metadata by ``tests/ui/test_help.py``: a dependency added, or a licence
changed upstream, fails that test until this table says the truth again.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import metadata


@dataclass(frozen=True, slots=True)
class Component:
    name: str  # as users know it
    licence: str  # SPDX expression, as the package states it
    distributions: tuple[str, ...] = ()  # the installed packages it is (version of the first)


BUNDLED: tuple[Component, ...] = (
    Component("Python", "PSF-2.0"),
    Component(
        "Qt / PySide6",
        "LGPL-3.0-only OR GPL-2.0-only OR GPL-3.0-only",
        ("PySide6-Essentials", "PySide6-Addons", "shiboken6"),
    ),
    Component("httpx", "BSD-3-Clause", ("httpx",)),
    Component("httpcore", "BSD-3-Clause", ("httpcore",)),
    Component("h11", "MIT", ("h11",)),
    Component("AnyIO", "MIT", ("anyio",)),
    Component("sniffio", "MIT OR Apache-2.0", ("sniffio",)),
    Component("idna", "BSD-3-Clause", ("idna",)),
    Component("certifi", "MPL-2.0", ("certifi",)),
    Component("qasync", "BSD-2-Clause", ("qasync",)),
    Component("keyring", "MIT", ("keyring",)),
    Component("jaraco.classes", "MIT", ("jaraco.classes",)),
    Component("jaraco.context", "MIT", ("jaraco.context",)),
    Component("jaraco.functools", "MIT", ("jaraco.functools",)),
    Component("more-itertools", "MIT", ("more-itertools",)),
    Component("SecretStorage (Linux)", "BSD-3-Clause", ("SecretStorage",)),
    Component("Jeepney (Linux)", "MIT", ("jeepney",)),
    Component("cryptography (Linux)", "Apache-2.0 OR BSD-3-Clause", ("cryptography",)),
    Component("cffi (Linux)", "MIT-0", ("cffi",)),
    Component("pycparser (Linux)", "BSD-3-Clause", ("pycparser",)),
    Component("lazy-importer", "Apache-2.0", ("lazy-importer",)),
    # Back-ports keyring uses on Python 3.11.
    Component("importlib_metadata", "Apache-2.0", ("importlib_metadata",)),
    Component("zipp", "MIT", ("zipp",)),
    Component("backports.tarfile", "MIT", ("backports.tarfile",)),
    Component("PyAV", "BSD-3-Clause", ("av",)),
    # PyAV's wheels carry FFmpeg, whose libraries report "LGPL version 3 or later"; the
    # same wheels also carry the x264 and x265 encoders, which are GPL-2.0-or-later.
    Component("FFmpeg (in PyAV)", "LGPL-3.0-or-later"),
    Component("x264, x265 (in PyAV)", "GPL-2.0-or-later"),
    Component("NumPy", "BSD-3-Clause AND 0BSD AND MIT AND Zlib AND CC0-1.0", ("numpy",)),
    Component("mutagen", "GPL-2.0-or-later", ("mutagen",)),
    Component("python-docx", "MIT", ("python-docx",)),
    Component("lxml", "BSD-3-Clause", ("lxml",)),
    Component("typing_extensions", "PSF-2.0", ("typing_extensions",)),
    Component("pypinyin", "MIT", ("pypinyin",)),
)

# Trove classifiers of packages that state no SPDX expression.
_CLASSIFIERS = {
    "License :: OSI Approved :: MIT License": "MIT",
    "License :: OSI Approved :: BSD License": "BSD",
}


def declared_licence(distribution: str) -> str | None:
    """What the installed package's metadata says (SPDX where it gives one), or None."""
    try:
        meta = metadata.metadata(distribution)
    except metadata.PackageNotFoundError:
        return None
    stated = next(iter(meta.get_all("License-Expression") or meta.get_all("License") or []), None)
    if stated and len(stated) < 120:  # some packages paste the whole licence text here
        return str(stated).strip()
    for classifier in meta.get_all("Classifier") or []:
        if classifier in _CLASSIFIERS:
            return _CLASSIFIERS[classifier]
    return None


def installed_version(component: Component) -> str:
    """The version in use, or "" where the metadata is not bundled."""
    if component.name == "Python":
        import platform

        return platform.python_version()
    for distribution in component.distributions[:1]:
        try:
            return metadata.version(distribution)
        except metadata.PackageNotFoundError:
            return ""
    return ""
