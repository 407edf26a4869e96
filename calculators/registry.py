"""The registry: every module in ``calculators.tools`` that defines ``CALCULATOR``.

Adding a calculator means adding one module there (and one marker in a page). The module's
name is the calculator's name with ``-`` written as ``_`` (``true-cost`` -> ``true_cost.py``).
Modules are imported on first use, so the browser imports only the calculators a page shows.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Iterator, MutableMapping

from . import tools
from .page.base import Calculator

__all__ = ["CALCULATORS"]


class Registry(MutableMapping[str, Calculator]):
    """Calculator name -> :class:`Calculator`, importing each module when first asked for."""

    def __init__(self) -> None:
        modules = (
            info.name for info in pkgutil.iter_modules(tools.__path__) if not info.name.startswith("_")
        )
        self._modules = {name.replace("_", "-"): name for name in modules}
        self._loaded: dict[str, Calculator] = {}

    def __getitem__(self, name: str) -> Calculator:
        if name not in self._loaded:
            if name not in self._modules:
                raise KeyError(name)
            module = importlib.import_module(f"{tools.__name__}.{self._modules[name]}")
            calculator = module.CALCULATOR
            if not isinstance(calculator, Calculator) or calculator.name != name:
                raise TypeError(f"{module.__name__}.CALCULATOR must be a Calculator named {name!r}")
            self._loaded[name] = calculator
        return self._loaded[name]

    def __setitem__(self, name: str, calculator: Calculator) -> None:
        self._loaded[name] = calculator

    def __delitem__(self, name: str) -> None:
        del self._loaded[name]
        self._modules.pop(name, None)

    def __iter__(self) -> Iterator[str]:
        return iter(sorted(set(self._modules) | set(self._loaded)))

    def __len__(self) -> int:
        return len(set(self._modules) | set(self._loaded))


CALCULATORS: MutableMapping[str, Calculator] = Registry()
