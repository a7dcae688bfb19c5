"""pyproject.toml keeps to packaging metadata that builds will keep accepting (issue 11, item 18).

setuptools deprecated the ``license = { text = … }`` table (builds with it stop being supported
on 2027-02-18); the replacement is an SPDX expression string (PEP 639), which setuptools reads
from version 77 on.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

PYPROJECT = Path(__file__).resolve().parents[1] / "pyproject.toml"
# An SPDX license reference for a licence with no SPDX id: LicenseRef- then idstring chars.
LICENSE_REF = re.compile(r"LicenseRef-[A-Za-z0-9.\-]+")


def _pyproject() -> dict[str, object]:
    with PYPROJECT.open("rb") as handle:
        return tomllib.load(handle)


def test_license_is_an_spdx_expression_string() -> None:
    project = _pyproject()["project"]
    assert isinstance(project, dict)
    license_ = project["license"]
    assert isinstance(license_, str), f"the deprecated table form: {license_!r}"
    assert LICENSE_REF.fullmatch(license_), license_
    # PEP 639: a license expression rules out the License :: classifiers.
    assert not [c for c in project.get("classifiers", []) if c.startswith("License ::")]


def test_the_build_asks_for_a_setuptools_that_reads_the_spdx_string() -> None:
    system = _pyproject()["build-system"]
    assert isinstance(system, dict)
    (setuptools,) = [r for r in system["requires"] if r.startswith("setuptools")]
    match = re.fullmatch(r"setuptools>=(\d+)(?:\.\d+)*", setuptools.replace(" ", ""))
    assert match and int(match.group(1)) >= 77, setuptools
