"""A package's public names looked up on first use (PEP 562).

A package ``__init__`` lists where each name lives and sets
``__getattr__ = lazy_getattr(__name__, WHERE)``: importing one module of the package does
not load the others (start-up time, issue #17). A name found is kept on the package, so it
is looked up once.
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Callable, Mapping
from typing import Any


def lazy_getattr(package: str, where: Mapping[str, str]) -> Callable[[str], Any]:
    """The module ``__getattr__`` of ``package``: ``where`` maps a name to its module."""

    def look_up(name: str) -> Any:
        module = where.get(name)
        if module is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(module), name)
        setattr(sys.modules[package], name, value)
        return value

    return look_up
