"""Render a calculator's form from its field schema, in one language.

The build replaces each ``<!-- calculator: NAME -->`` marker with :func:`render_form`.
The form works as plain HTML (labels, hints, ``inputmode``); the page script binds it.
"""

from __future__ import annotations

import json
import posixpath
from collections.abc import Sequence
from dataclasses import dataclass

from ..core.i18n import Text, pick
from .base import Calculator
from .fields import Field, Group
from .markup import esc
from .ui import UI

__all__ = [
    "PACK_SOURCES",
    "STEPS",
    "STEP_TITLES",
    "Step",
    "page_href",
    "render_form",
    "render_skip_links",
    "source_field",
]

# The reader's path between calculators, in order; names not (yet) in the registry are left out.
STEPS = ("capacity", "plan", "message", "agreement", "pack")

# The calculators whose inputs the repayment pack gathers (calculators/tools/pack.py); each of
# their results links to the pack.
PACK_SOURCES = ("capacity", "plan", "message", "agreement", "prepare")
PACK_PAGE = "../pack"

# Each step's short name on the path: one noun for what the reader comes away with, in every
# language (the calculators' own titles differ in form: "What can I afford?", "还款方案计算器").
STEP_TITLES: dict[str, Text] = {
    "capacity": {"zh": "预算", "en": "Budget"},
    "plan": {"zh": "方案", "en": "Plan"},
    "message": {"zh": "申请", "en": "Request"},
    "agreement": {"zh": "协议", "en": "Agreement"},
    "pack": {"zh": "材料", "en": "Pack"},
}


def source_field(name: str) -> str:
    """The field that carries calculator ``name``'s kept inputs (JSON text) to one built from them."""
    return f"{name}_fields"


def page_href(from_page: str, to_page: str) -> str:
    """A link from one calculator page to another; pages are named relative to ``guide/``
    (``2-repayment-capacity``; the pack, outside it, is ``../pack``), URLs are directories.

    >>> page_href("2-repayment-capacity", "5-communicate"), page_href("3-prepare", "../pack")
    ('../5-communicate/', '../../pack/')
    >>> page_href("../pack", "2-repayment-capacity")
    '../guide/2-repayment-capacity/'
    """
    here = posixpath.normpath(posixpath.join("guide", from_page))
    there = posixpath.normpath(posixpath.join("guide", to_page))
    return posixpath.relpath(there, here) + "/"


FEATURE_ORDER = ("share", "csv", "print")


def _control(field: Field, form_id: str, name: str, lang: str, described: str) -> str:
    common = f'id="{form_id}" name="{esc(name)}" aria-describedby="{described}"'
    if field.kind == "choice":
        options = "".join(
            f'<option value="{esc(c.value)}"{" selected" if c.value == field.default else ""}>'
            f"{esc(pick(c.label, lang))}</option>"
            for c in field.choices
        )
        return f"<select {common}>{options}</select>"
    if field.kind == "longtext":
        return (
            f'<textarea {common} rows="3" maxlength="{field.max_length}" '
            f'placeholder="{esc(field.placeholder)}">{esc(field.default)}</textarea>'
        )
    if field.kind == "check":
        checked = " checked" if field.default in ("1", "on", "true") else ""
        return f'<input type="checkbox" value="on" {common}{checked}>'
    if field.kind == "date":  # the browser's date picker; it sends 2026-01-31 whatever it shows
        return f'<input type="date" min="2000-01-01" max="2100-12-31" {common} value="{esc(field.default)}">'
    maxlength = f' maxlength="{field.max_length}"' if field.kind == "text" else ' maxlength="40"'
    return (
        f'<input type="text" inputmode="{field.inputmode}" autocomplete="off" spellcheck="false" '
        f'{common}{maxlength} value="{esc(field.default)}" placeholder="{esc(field.placeholder)}">'
    )


def _field(field: Field, prefix: str, name: str, lang: str) -> str:
    form_id = f"{prefix}-{name.replace('.', '-')}"
    label = esc(pick(field.label, lang))
    unit = pick(field.unit, lang) if field.unit else ""
    unit_sr = f'<span class="calc-sr calc-unit-sr"> ({esc(unit)})</span>' if unit else ""
    hint = f'<p class="calc-hint" id="{form_id}-hint">{esc(pick(field.hint, lang))}</p>' if field.hint else ""
    described = f"{form_id}-hint" if field.hint else ""
    error = f'<p class="calc-error" id="{form_id}-error" hidden></p>'
    show = ""
    if field.show_when:
        other, allowed = field.show_when
        show = f' data-show-when="{esc(other)}={esc(",".join(allowed))}"'
    control = _control(field, form_id, name, lang, described)
    follows = ""
    if field.unit_by and unit:
        other, units = field.unit_by
        by_value = json.dumps({value: pick(text, lang) for value, text in units.items()}, ensure_ascii=False)
        follows = f' data-unit-by="{esc(other)}" data-units="{esc(by_value)}"'
    unit_box = f'<span class="calc-unit" aria-hidden="true"{follows}>{esc(unit)}</span>' if unit else ""
    if field.kind == "check":
        return (
            f'<div class="calc-field calc-check" data-field="{esc(field.name)}"{show}>'
            f'{control}<label for="{form_id}">{label}</label>{hint}{error}</div>'
        )
    return (
        f'<div class="calc-field" data-field="{esc(field.name)}"{show}>'
        f'<label for="{form_id}">{label}{unit_sr}</label>'
        f'<div class="calc-control">{control}{unit_box}</div>{hint}{error}</div>'
    )


def _remove_label(title: str, lang: str) -> str:
    """The remove button names its row: "删除第 2 笔债务", "Remove debt 2" (the page script renumbers it)."""
    row = title[:1].lower() + title[1:] if lang == "en" else title
    return pick(UI["remove_row"], lang).format(row=row)


def _row(group: Group, prefix: str, index: str, number: str, lang: str) -> str:
    title = pick(group.row_label, lang).format(n=number)
    fields = "".join(_field(f, prefix, f"{group.name}.{index}.{f.name}", lang) for f in group.fields)
    remove = _remove_label(title, lang)
    return (
        f'<div class="calc-row" data-row="{index}"><p class="calc-row-title">{esc(title)}</p>{fields}'
        f'<button type="button" class="calc-remove-row md-button">{esc(remove)}</button></div>'
    )


def _group(group: Group, prefix: str, lang: str) -> str:
    rows = "".join(_row(group, prefix, str(i), str(i + 1), lang) for i in range(group.initial_rows))
    template = _row(group, prefix, "__i__", "__n__", lang)
    return (
        f'<fieldset class="calc-group" data-group="{esc(group.name)}" data-min-rows="{group.min_rows}" '
        f'data-max-rows="{group.max_rows}"><legend>{esc(pick(group.label, lang))}</legend>'
        f'<div class="calc-rows">{rows}</div><template class="calc-row-template">{template}</template>'
        f'<button type="button" class="calc-add-row md-button">{esc(pick(group.add_label, lang))}</button>'
        f'<p class="calc-error" id="{prefix}-{esc(group.name)}-error" hidden></p></fieldset>'
    )


def _tools(calculator: Calculator, lang: str) -> str:
    buttons = "".join(
        f'<button type="button" class="calc-tool md-button" data-tool="{feature}" hidden>'
        f"{esc(pick(UI[feature], lang))}</button>"
        for feature in FEATURE_ORDER
        if feature in calculator.features
    )
    # Every calculator keeps what was typed for the tab's session; "persist" keeps it until deleted.
    kept = "persist" if "persist" in calculator.features else "session"
    persist = (
        f'<p class="calc-hint">{esc(pick(UI[f"{kept}_note"], lang))}</p>'
        f'<button type="button" class="calc-tool md-button" data-tool="clear">'
        f"{esc(pick(UI[f'{kept}_clear'], lang))}</button>"
    )
    share_note = (
        f'<p class="calc-hint calc-share-note" hidden>{esc(pick(UI["share_note"], lang))}</p>'
        if "share" in calculator.features
        else ""
    )
    return f'<div class="calc-tools">{buttons}{persist}{share_note}</div>'


@dataclass(frozen=True)
class Step:
    """One calculator on the reader's path (capacity → plan → message …), as the steps show it."""

    name: str
    title: Text
    page: str


def _steps(calculator: Calculator, steps: Sequence[Step], lang: str) -> str:
    """Where the reader is on the path: an ordered list of links, the current step marked."""
    if calculator.name not in [step.name for step in steps]:
        return ""
    items = []
    for number, step in enumerate(steps, start=1):
        title = esc(pick(step.title, lang))
        if step.name == calculator.name:
            current = esc(pick(UI["step_current"], lang))
            items.append(
                f'<li aria-current="step"><span class="calc-step-number">{number}</span> {title}'
                f'<span class="calc-sr">{current}</span></li>'
            )
            continue
        href = (
            f"#calc-{step.name}"
            if step.page == calculator.page
            else f"{page_href(calculator.page, step.page)}#calc-{step.name}"
        )
        items.append(
            f'<li><a href="{esc(href)}"><span class="calc-step-number">{number}</span> {title}</a></li>'
        )
    label = esc(pick(UI["steps"], lang))
    return f'<nav class="calc-steps" aria-label="{label}"><ol>{"".join(items)}</ol></nav>'


def render_skip_links(calculators: Sequence[Calculator], lang: str) -> str:
    """Skip links to each calculator of a page, placed right after the theme's "skip to content"."""
    return "".join(
        f'<a href="#calc-{esc(c.name)}" class="md-skip calc-skip">'
        f"{esc(pick(UI['skip_to'], lang).format(title=pick(c.title, lang)))}</a>"
        for c in calculators
    )


def render_form(calculator: Calculator, lang: str, steps: Sequence[Step] = ()) -> str:
    """The calculator's form in ``lang``: a status line, the result region, and a polite live region
    that announces a short summary of each result (not the whole result). ``steps`` is the
    reader's path between calculators; a calculator on it shows where the reader is.
    """
    prefix = f"calc-{calculator.name}"
    carried = {source_field(name) for name in calculator.sources}  # sent by the page script, not typed
    ui = json.dumps({key: pick(text, lang) for key, text in UI.items()}, ensure_ascii=False)
    items = "".join(
        _group(item, prefix, lang) if isinstance(item, Group) else _field(item, prefix, item.name, lang)
        for item in calculator.fields
        if item.name not in carried
    )
    features = " ".join(sorted(calculator.features))
    sources = f' data-sources="{esc(" ".join(calculator.sources))}"' if calculator.sources else ""
    return (
        f"{_steps(calculator, steps, lang)}"
        f'<div class="calc" id="{prefix}">'
        f'<form class="calc-form" data-calculator="{esc(calculator.name)}" data-lang="{esc(lang)}" '
        f'data-features="{esc(features)}"{sources} data-ui="{esc(ui)}" novalidate aria-labelledby="{prefix}-title" '
        # No submission to the network, ever: a "dialog" form outside a <dialog> submits nowhere,
        # the CSP's form-action 'none' blocks any other, and the submit button stays disabled
        # until the page script binds the form (the status line says why until then).
        f'method="dialog">'
        f'<p class="calc-title" id="{prefix}-title">{esc(pick(calculator.title, lang))}</p>'
        f'<p class="calc-intro">{esc(pick(calculator.intro, lang))}</p>'
        f'<p class="calc-status" role="status" data-state="nojs">{esc(pick(UI["nojs"], lang))}</p>'
        f"{items}"
        f'<div class="calc-actions"><button type="submit" class="md-button md-button--primary" disabled>'
        f"{esc(pick(calculator.submit, lang))}</button></div>"
        f'<p class="calc-error calc-form-error" id="{prefix}-_form-error" role="alert" hidden></p>'
        f"{_tools(calculator, lang)}</form>"
        f'<p class="calc-sr calc-announce" aria-live="polite" aria-atomic="true"></p>'
        f'<div class="calc-result" id="{prefix}-result"></div>'
        f"{_pack_link(calculator, lang)}"
        f"</div>"
    )


def _pack_link(calculator: Calculator, lang: str) -> str:
    """Under the result of a calculator the pack gathers, a link to the pack (the stylesheet
    hides it while the result is empty)."""
    if calculator.name not in PACK_SOURCES:
        return ""
    href = esc(page_href(calculator.page, PACK_PAGE))
    return f'<p class="calc-pack-link"><a href="{href}">{esc(pick(UI["pack_link"], lang))}</a></p>'
