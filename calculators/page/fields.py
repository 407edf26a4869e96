"""Field schemas: one source of truth for a calculator's form and for reading its input.

A calculator declares its inputs as :class:`Field` and :class:`Group` (repeated rows).
:func:`read_fields` turns the text the reader typed into typed values, collecting one
message per bad field (keyed by the field's form name, ``debts.0.amount`` inside a group).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from ..core.dates import read_date
from ..core.i18n import Text, t
from ..core.reader import (
    MAX_MONEY,
    MAX_RATE_PERCENT,
    InputError,
    error_message,
    read_money,
    read_percent,
    read_whole,
)

__all__ = ["Choice", "Field", "Group", "FieldErrors", "read_fields", "visible"]

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
    "too_few_rows": {"zh": "至少需要 {limit} 行。", "en": "At least {limit} row(s) are needed."},
}


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
    if not isinstance(raw, Mapping):
        raw = {}
    errors: dict[str, str] = {}
    flat = [item for item in items if isinstance(item, Field)]
    values = _read_flat(flat, raw, lang, "", errors)
    for group in (item for item in items if isinstance(item, Group)):
        rows = raw.get(group.name) or []
        if not isinstance(rows, Sequence) or isinstance(rows, str):
            rows = []
        rows = [row if isinstance(row, Mapping) else {} for row in rows]
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
