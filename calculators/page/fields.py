"""Field schemas: one source of truth for a calculator's form and for reading its input.

A calculator declares its inputs as :class:`Field` and :class:`Group` (repeated rows).
:func:`read_fields` turns the text the reader typed into typed values, collecting one
message per bad field (keyed by the field's form name, ``debts.0.amount`` inside a group).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from itertools import islice
from typing import Any

from ..core.dates import read_date
from ..core.i18n import Text, t
from ..core.reader import (
    MAX_MONEY,
    MAX_NUMBER_CHARS,
    MAX_RATE_PERCENT,
    InputError,
    error_message,
    read_money,
    read_percent,
    read_whole,
)

__all__ = ["Choice", "Field", "Group", "FieldErrors", "plain_fields", "read_fields", "visible"]

KINDS = ("money", "percent", "whole", "date", "text", "longtext", "choice", "check")
INPUT_MODES = {"money": "decimal", "percent": "decimal", "whole": "numeric", "text": "text"}


@dataclass(frozen=True)
class Choice:
    """One option of a ``choice`` field."""

    value: str
    label: Text


@dataclass(frozen=True)
class Field:
    """One input.

    ``kind`` is one of ``money`` (yuan), ``percent``, ``whole`` (whole number), ``date``, ``text``,
    ``longtext``, ``choice`` or ``check``. ``show_when`` hides the field (and ignores its
    value) unless another field of the same form or row has one of the given values.
    """

    name: str
    kind: str
    label: Text
    hint: Text | None = None
    unit: Text | None = None
    required: bool = True
    default: str = ""
    placeholder: str = ""
    allow_zero: bool = False
    minimum: int = 1
    maximum: int | Decimal | None = None
    max_length: int = 200
    choices: tuple[Choice, ...] = ()
    show_when: tuple[str, tuple[str, ...]] | None = None
    unit_by: tuple[str, Mapping[str, Text]] | None = None
    """The unit follows another field of the same form or row: ``("rate_kind", {"daily": {"zh": "%/天", ...}})``;
    ``unit`` is shown until the page script reads that field (and with JavaScript off)."""

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"unknown field kind {self.kind!r} for {self.name!r}")
        if self.kind == "choice" and not self.choices:
            raise ValueError(f"choice field {self.name!r} needs choices")

    @property
    def inputmode(self) -> str:
        return INPUT_MODES.get(self.kind, "text")

    def read(self, raw: object) -> Any:
        """Turn the typed text into a value, or raise :class:`InputError`."""
        text = "" if raw is None else str(raw)
        if self.kind == "check":
            return text.strip().lower() in ("1", "true", "on", "yes")
        if not text.strip():
            if self.required:
                raise InputError("empty")
            return None
        if self.kind == "money":
            return read_money(text, allow_zero=self.allow_zero, maximum=Decimal(self.maximum or MAX_MONEY))
        if self.kind == "percent":
            return read_percent(
                text, allow_zero=self.allow_zero, maximum=Decimal(self.maximum or MAX_RATE_PERCENT)
            )
        if self.kind == "whole":
            return read_whole(text, minimum=self.minimum, maximum=int(self.maximum or 10**6))
        if self.kind == "date":
            return read_date(text)
        if self.kind == "choice":
            value = text.strip()
            if value not in {choice.value for choice in self.choices}:
                raise InputError("bad_choice")
            return value
        value = text.strip()
        if len(value) > self.max_length:
            raise InputError("too_long", limit=self.max_length)
        return value


@dataclass(frozen=True)
class Group:
    """Repeated rows of fields, e.g. several debts. Read as a list of dicts."""

    name: str
    label: Text
    fields: tuple[Field, ...]
    row_label: Text
    add_label: Text
    min_rows: int = 1
    max_rows: int = 10
    initial_rows: int = 1


Item = Field | Group


@dataclass
class FieldErrors(Exception):
    """Messages keyed by form name (``amount``, ``debts.1.rate``; ``_form`` for the whole form)."""

    messages: dict[str, str] = field(default_factory=dict)


GROUP_MESSAGES: dict[str, Text] = {
    "too_many_rows": {
        "zh": "最多 {limit} 行，请合并或删除几行。",
        "en": "At most {limit} rows; please merge or remove some.",
    },
    "too_few_rows": {
        "zh": "至少需要 {limit} 行。",
        "en": "At least {limit} rows are needed.",
        "en_one:limit": "At least {limit} row is needed.",
    },
}

SHAPE_MESSAGES: dict[str, Text] = {
    "bad_value": {
        "zh": "这一项的内容无法读取，请重新填写。",
        "en": "This value can't be read; please enter it again.",
    },
    "bad_fields": {"zh": "输入格式不正确。", "en": "The input is not in the expected form."},
}

_MAX_WHOLE_BITS = 4 * MAX_NUMBER_CHARS
"""An integer given directly (not as text) with more bits than this has over 40 digits."""


def _plain_value(value: object) -> str | None:
    """A field's value as plain text, whatever was passed: ``InputError("bad_value")`` for a
    list, a dict or any other object (never ``str()`` of it: a deeply nested list or an object
    whose ``__str__`` raises must not reach the reader).

    >>> _plain_value(12), _plain_value(True), _plain_value(None)
    ('12', 'on', None)
    """
    if value is None:
        return None
    if isinstance(value, str):
        return str.__str__(value)  # a plain copy, whatever a subclass overrides
    if isinstance(value, bool):
        return "on" if value else ""
    if isinstance(value, int):
        if int.bit_length(value) > _MAX_WHOLE_BITS:
            raise InputError("too_long", limit=MAX_NUMBER_CHARS)
        return int.__repr__(value)
    if isinstance(value, float):
        return float.__repr__(value)
    if isinstance(value, Decimal):
        return Decimal.__str__(value)
    raise InputError("bad_value")


def _plain_row(
    fields: Sequence[Field], raw: Mapping[Any, Any], lang: str, prefix: str, errors: dict[str, str]
) -> dict[str, str | None]:
    row: dict[str, str | None] = {}
    for item in fields:
        try:
            row[item.name] = _plain_value(raw.get(item.name))
        except InputError as error:
            unreadable = error.key == "bad_value"
            errors[prefix + item.name] = (
                t(SHAPE_MESSAGES, "bad_value", lang) if unreadable else error_message(error, lang)
            )
            row[item.name] = None
    return row


def plain_fields(items: Sequence[Item], raw: object, lang: str) -> tuple[dict[str, Any], dict[str, str]]:
    """Check the shape of what was passed before anything is read: a mapping whose fields are text
    (numbers and booleans are taken as text) and whose groups are lists of such mappings.

    Returns the values as plain ``str`` (or ``None``) and lists of plain dicts, with a message
    per field whose value is of no usable kind. Only the calculator's own names are looked up,
    so other keys (of any type) are ignored; a group gives at most ``max_rows + 1`` rows.
    Anything that fails while being looked at (a mapping that raises) is a form message.

    >>> plain_fields([Field("n", "whole", {"zh": "数", "en": "n"})], {"n": [[1]], 3: "x"}, "en")
    ({'n': None}, {'n': "This value can't be read; please enter it again."})
    """
    errors: dict[str, str] = {}
    if not isinstance(raw, Mapping):
        return {}, {"_form": t(SHAPE_MESSAGES, "bad_fields", lang)}
    try:
        flat = [item for item in items if isinstance(item, Field)]
        values: dict[str, Any] = _plain_row(flat, raw, lang, "", errors)
        for group in (item for item in items if isinstance(item, Group)):
            rows = raw.get(group.name)
            if not isinstance(rows, (list, tuple)):
                values[group.name] = []
                continue
            values[group.name] = [
                _plain_row(group.fields, row, lang, f"{group.name}.{index}.", errors)
                if isinstance(row, Mapping)
                else {}
                for index, row in enumerate(islice(rows, group.max_rows + 1))
            ]
    except Exception:  # noqa: BLE001 - a mapping that fails when looked at is a bad form, not a crash
        return {}, {"_form": t(SHAPE_MESSAGES, "bad_fields", lang)}
    return values, errors


def visible(item: Field, values: Mapping[str, Any]) -> bool:
    """Whether ``item`` applies, given the (raw or read) values beside it."""
    if item.show_when is None:
        return True
    other, allowed = item.show_when
    return str(values.get(other, "")).strip() in allowed


def _read_flat(
    fields: Sequence[Field], raw: Mapping[str, Any], lang: str, prefix: str, errors: dict[str, str]
) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for item in fields:
        if not visible(item, raw):
            values[item.name] = None
            continue
        if prefix + item.name in errors:  # already refused: its value could not be read at all
            values[item.name] = None
            continue
        try:
            values[item.name] = item.read(raw.get(item.name))
        except InputError as error:
            errors[prefix + item.name] = error_message(error, lang)
            values[item.name] = None
    return values


def read_fields(items: Sequence[Item], raw: Mapping[str, Any], lang: str) -> dict[str, Any]:
    """Read every field of a form; raise :class:`FieldErrors` listing every bad one.

    >>> from calculators.page.fields import Field
    >>> read_fields([Field("amount", "money", {"zh": "金额", "en": "Amount"})], {"amount": "1万"}, "en")
    {'amount': Decimal('10000.00')}
    """
    raw, errors = plain_fields(items, raw, lang)
    if "_form" in errors:
        raise FieldErrors(errors)
    flat = [item for item in items if isinstance(item, Field)]
    values = _read_flat(flat, raw, lang, "", errors)
    for group in (item for item in items if isinstance(item, Group)):
        rows = raw.get(group.name) or []
        if len(rows) > group.max_rows:
            errors[group.name] = t(GROUP_MESSAGES, "too_many_rows", lang, limit=group.max_rows)
            rows = rows[: group.max_rows]
        values[group.name] = [
            _read_flat(group.fields, row, lang, f"{group.name}.{index}.", errors)
            for index, row in enumerate(rows)
        ]
        if len(rows) < group.min_rows and group.name not in errors:
            errors[group.name] = t(GROUP_MESSAGES, "too_few_rows", lang, limit=group.min_rows)
    if errors:
        raise FieldErrors(errors)
    return values
