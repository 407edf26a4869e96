"""The registry: every module in ``calculators.tools`` that defines ``CALCULATOR``.

Adding a calculator means adding one module there (and one marker in a page).
"""

from __future__ import annotations

import importlib
import pkgutil

from . import tools
from .base import Calculator

__all__ = ["CALCULATORS"]


def _discover() -> dict[str, Calculator]:
    found: dict[str, Calculator] = {}
    for info in sorted(pkgutil.iter_modules(tools.__path__), key=lambda m: m.name):
        module = importlib.import_module(f"{tools.__name__}.{info.name}")
        calculator = getattr(module, "CALCULATOR", None)
        if isinstance(calculator, Calculator):
            if calculator.name in found:
                raise ValueError(f"two calculators named {calculator.name!r}")
            found[calculator.name] = calculator
    return found


CALCULATORS: dict[str, Calculator] = _discover()
