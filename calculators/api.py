"""The single entry point used by the browser worker and by the tests alike."""

from __future__ import annotations

import traceback
from collections.abc import Callable, Mapping, Sequence
from decimal import Decimal
from typing import Any

from .core.i18n import LANGS, SITE_LANGS, Text, t
from .page.base import Result
from .page.fields import FieldErrors, read_fields
from .page.forms import STEP_TITLES, STEPS, Step, render_form, render_skip_links
from .page.markup import mark_chinese
from .registry import CALCULATORS

__all__ = ["run", "run_for_page", "run_parts", "form_html", "skip_links_html"]

MESSAGES: dict[str, Text] = {
    "unknown_calculator": {
        "zh": "没有名为“{name}”的计算器。",
        "en": "There is no calculator called “{name}”.",
    },
    "unknown_lang": {
        "zh": "不支持的语言“{name}”（可用：zh、en、zh-Hant）。",
        "en": "Unsupported language “{name}” (use zh, en or zh-Hant).",
    },
    "internal": {
        "zh": "计算时出了问题，请检查输入后重试。",
        "en": "Something went wrong in the calculation. Please check your input and try again.",
    },
    "bad_fields": {"zh": "输入格式不正确。", "en": "The input is not in the expected form."},
}


HTML_IN_DATA = ("schedules", "chart_tables")
"""Entries of a result's ``data`` that hold HTML the page inserts later (a plan's month-by-month
tables and its chart's data table, built when their ``<details>`` opens): marked for language
like the result itself."""


def _marked_data(data: Mapping[str, Any], lang: str) -> Mapping[str, Any]:
    """``data`` with the Chinese in its HTML entries marked (see :func:`mark_chinese`)."""
    if not any(key in data for key in HTML_IN_DATA):
        return data
    return {
        key: [mark_chinese(part, lang) for part in value] if key in HTML_IN_DATA else value
        for key, value in data.items()
    }


def _failure(errors: Mapping[str, str]) -> dict[str, Any]:
    return {"ok": False, "errors": dict(errors), "html": "", "data": {}}


def _jsonable(value: Any) -> Any:
    if isinstance(value, (str, int, float, bool)) or value is None:
        return value
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, (list, tuple)):
        return [_jsonable(v) for v in value]
    if isinstance(value, Mapping):
        return {str(k): _jsonable(v) for k, v in value.items()}
    return value


def _calculate(calculator: object, fields: object, lang: object) -> Result | dict[str, Any]:
    """The calculator's :class:`Result` for the text the reader typed, or a failure answer."""
    # Plain copies first: a str subclass could override __eq__, __hash__ or __str__.
    lang_ok = isinstance(lang, str)
    lang = str.__str__(lang) if lang_ok else type(lang).__name__
    name = str.__str__(calculator) if isinstance(calculator, str) else type(calculator).__name__
    if not lang_ok or lang not in SITE_LANGS:
        both = " / ".join(t(MESSAGES, "unknown_lang", code, name=lang[:20]) for code in LANGS)
        return _failure({"_form": both})
    found = CALCULATORS.get(name) if isinstance(calculator, str) else None
    if found is None:
        return _failure({"_form": t(MESSAGES, "unknown_calculator", lang, name=name[:40])})
    if not isinstance(fields, Mapping):
        return _failure({"_form": t(MESSAGES, "bad_fields", lang)})
    try:
        values = read_fields(found.fields, fields, lang)
        return found.calculate(values, lang)
    except FieldErrors as problems:
        return _failure(problems.messages)
    except Exception:  # noqa: BLE001 - the page must get a message, never a traceback
        traceback.print_exc()
        return _failure({"_form": t(MESSAGES, "internal", lang)})


def _marked_html(html: str, lang: str) -> str:
    """One place marks the language of every result: Chinese quoted in an English result (a scam
    warning's terms, a Chinese message, an app's button labels) gets lang="zh", like static pages."""
    return mark_chinese(html, lang)


def _build(parts: Mapping[str, Callable[[], Any]], lang: str) -> dict[str, Any] | None:
    """Build deferred parts of a result; ``None`` (after printing why) if one fails."""
    try:
        return {name: build() for name, build in parts.items()}
    except Exception:  # noqa: BLE001 - the page must get a message, never a traceback
        traceback.print_exc()
        return None


def run(calculator: str, fields: dict, lang: str) -> dict:
    """Run ``calculator`` on the text the reader typed; never raises.

    Returns ``{"ok": bool, "errors": {field: message}, "html": str, "data": {...}}``, ``data``
    complete (every part a calculator builds only when asked, :attr:`Result.later`, included).
    ``errors`` is keyed by form name (``amount``, ``debts.0.rate``) or ``_form``. The shape of
    ``fields`` is checked before anything is read (:func:`calculators.page.fields.plain_fields`):
    a value that is not text or a number (a nested list, an object whose ``__str__`` raises) gets
    a message next to its field, never an internal error.

    >>> run("nope", {}, "en")["errors"]["_form"]
    'There is no calculator called “nope”.'
    """
    result = _calculate(calculator, fields, lang)
    if not isinstance(result, Result):
        return result
    later = _build(result.later, lang)
    if later is None:
        return _failure({"_form": t(MESSAGES, "internal", lang)})
    return {
        "ok": True,
        "errors": {},
        "html": _marked_html(result.html, lang),
        "data": _jsonable(_marked_data({**result.data, **later}, lang)),
    }


def run_for_page(calculator: str, fields: dict, lang: str) -> dict:
    """:func:`run` for the page's every recalculation: ``data`` without the parts built only when
    asked for, whose names are listed in ``"later"`` (ask :func:`run_parts` for them). The
    worker answers every recalculation with it: the plan's schedules and CSV, several times the
    size of the rest, are built only when the reader opens a schedule, prints or downloads.

    >>> answer = run_for_page("nope", {}, "en")
    >>> answer["ok"], answer["later"]
    (False, [])
    """
    result = _calculate(calculator, fields, lang)
    if not isinstance(result, Result):
        return {**result, "later": []}
    data = {key: value for key, value in result.data.items() if key not in result.later}
    return {
        "ok": True,
        "errors": {},
        "html": _marked_html(result.html, lang),
        "data": _jsonable(_marked_data(data, lang)),
        "later": list(result.later),
    }


def run_parts(calculator: str, fields: dict, lang: str, names: Sequence[str]) -> dict:
    """The parts ``names`` of the result for ``fields`` (see :attr:`Result.later`), calculated
    again from the same text: ``{"ok": True, "errors": {}, "html": "", "data": {name: part}}``.
    A name the result does not defer is left out; the answer to failing ``fields`` is
    :func:`run`'s."""
    result = _calculate(calculator, fields, lang)
    if not isinstance(result, Result):
        return result
    wanted = [str(name) for name in names if isinstance(name, str)] if isinstance(names, Sequence) else []
    parts = _build({name: result.later[name] for name in wanted if name in result.later}, lang)
    if parts is None:
        return _failure({"_form": t(MESSAGES, "internal", lang)})
    return {"ok": True, "errors": {}, "html": "", "data": _jsonable(_marked_data(parts, lang))}


def form_html(calculator: str, lang: str) -> str:
    """The form for ``calculator`` in ``lang``; ``KeyError`` for an unknown name (fails the build)."""
    if lang not in SITE_LANGS:
        raise KeyError(f"unknown language {lang!r}")
    found = CALCULATORS[calculator]
    steps = [
        Step(c.name, STEP_TITLES[c.name], c.page) for c in (CALCULATORS.get(name) for name in STEPS) if c
    ]
    return render_form(found, lang, steps)


def skip_links_html(calculators: list[str], lang: str) -> str:
    """Skip links to the page's calculators (after the theme's own skip link), in ``lang``."""
    return render_skip_links([CALCULATORS[name] for name in calculators], lang)
