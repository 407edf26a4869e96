"""What a calculator is: a schema, a compute step and a renderer, behind one small record."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from ..core.i18n import Text
from .fields import Item

__all__ = ["Calculator", "Result"]


@dataclass(frozen=True)
class Result:
    """What a calculation returns: escaped ``html`` for the page and JSON-ready ``data``.

    ``later`` names parts of ``data`` that are built only when asked for (the plan's month-by-month
    tables and its CSV): the page gets ``html`` and ``data`` on every recalculation and asks for a
    part when the reader needs it (opens a schedule, prints, downloads). A part replaces the entry
    of the same name in ``data`` (a lighter stand-in, or none). :func:`calculators.api.run` returns
    ``data`` with every part built, so its answer does not depend on what is deferred.
    """

    html: str
    data: Mapping[str, Any] = field(default_factory=dict)
    later: Mapping[str, Callable[[], Any]] = field(default_factory=dict)


@dataclass(frozen=True)
class Calculator:
    """A calculator.

    ``fields`` renders the form and reads the input; ``calculate(values, lang)`` receives the
    read values (``Decimal`` money, ``int`` counts, lists of dicts for groups) and returns a
    :class:`Result`, or raises :class:`calculators.page.fields.FieldErrors` for cross-field problems.
    ``page`` is the guide page (slug under ``guide/``) whose marker shows this calculator.
    ``features`` switch on page-side tools: ``share`` (link in the URL fragment), ``csv``,
    ``print``, ``persist`` (keep inputs in this browser's localStorage).
    ``sources`` names other calculators whose kept inputs the page sends with this one's own
    fields, each as JSON text in the field ``<name>_fields`` (not shown in the form): the
    repayment pack is built from what the reader typed in them, never typed again.
    """

    name: str
    title: Text
    intro: Text
    fields: tuple[Item, ...]
    calculate: Callable[[dict[str, Any], str], Result]
    page: str
    submit: Text = field(default_factory=lambda: {"zh": "计算", "en": "Calculate"})
    features: frozenset[str] = frozenset()
    sources: tuple[str, ...] = ()
