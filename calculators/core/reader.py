"""Reading numbers as people type them.

Accepts full-width digits (１２３４), separators (spaces, and ``,`` ``，`` between groups of exactly
three digits), currency marks (元 ¥ ￥ CNY RMB), the multipliers 万 or 萬 (10,000) and 千 (1,000), and a
trailing ``%``. A comma anywhere else ("0,05", "1,5", "1,2,3") is refused with a message that says to
use a point for decimals: read as a separator it would turn 0.05% a day into 5% a day.
Every failure raises :class:`InputError` carrying a message key; :func:`error_message`
turns it into text in the page's language.

>>> read_money("１.５万")
Decimal('15000.00')
>>> read_money("¥12,345.6元")
Decimal('12345.60')
>>> read_percent("8.8%")
Decimal('8.8')
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from .i18n import Text, t
from .money import to_fen

__all__ = [
    "InputError",
    "MAX_MONEY",
    "MAX_RATE_PERCENT",
    "error_message",
    "normalize",
    "read_decimal",
    "read_money",
    "read_percent",
    "read_whole",
]

MAX_MONEY = Decimal("100000000")
"""Anything above 100 million yuan is taken as a typing mistake."""

MAX_RATE_PERCENT = Decimal("1000")
"""A percent above this is taken as a typing mistake, unless the field sets its own maximum. The
costs (rates and fees) have one ceiling of their own, checked with their kind: see
:mod:`calculators.core.limits`."""

MAX_NUMBER_CHARS = 40
"""A number longer than this (after separators and currency marks are removed) is refused before it
is converted, so any string, however long (a share link fills fields from code), answers at once."""

MESSAGES: dict[str, Text] = {
    "empty": {"zh": "请填写这一项。", "en": "Please fill this in."},
    "not_number": {
        "zh": "“{text}”不是一个数字，请只填数字，例如 1200 或 1.5万。",
        "en": "“{text}” is not a number. Enter digits only, for example 1200 or 1,200.50.",
    },
    "not_number_rate": {
        "zh": "“{text}”不是一个数字，请只填数字，例如 10 或 0.05。",
        "en": "“{text}” is not a number. Enter digits only, for example 10 or 0.05.",
    },
    "not_number_whole": {
        "zh": "“{text}”不是一个数字，请只填整数，例如 12。",
        "en": "“{text}” is not a number. Enter a whole number, for example 12.",
    },
    "bad_comma": {
        "zh": "“{text}”里的逗号无法识别：逗号只能用来每三位分隔（例如 1,200）。小数请用点，例如 0.05。",
        "en": "The comma in “{text}” can't be read: a comma may only separate groups of three digits "
        "(1,200). Use a point for decimals, for example 0.05.",
    },
    "bad_comma_point": {
        "zh": "“{text}”里的逗号无法识别：逗号只能用来每三位分隔（例如 1,200）。小数请用点：{point}。",
        "en": "The comma in “{text}” can't be read: a comma may only separate groups of three digits "
        "(1,200). Use a point for decimals: {point}.",
    },
    "negative": {"zh": "不能是负数。", "en": "This can't be negative."},
    "zero": {"zh": "必须大于 0。", "en": "This must be more than 0."},
    "too_large_money": {
        "zh": "金额太大（上限 1 亿元），请检查是否多打了几个 0。",
        "en": "That amount is too large (the limit is 100,000,000 yuan). Check for extra zeros.",
    },
    "too_large_rate": {
        "zh": "利率太高（上限 {limit}%），请检查输入。",
        "en": "That rate is too high (the limit is {limit}%). Please check it.",
    },
    "not_whole": {"zh": "请填写整数。", "en": "Please enter a whole number."},
    "below_min": {"zh": "不能小于 {limit}。", "en": "This can't be less than {limit}."},
    "above_max": {"zh": "不能大于 {limit}。", "en": "This can't be more than {limit}."},
    "too_long": {
        "zh": "太长了（最多 {limit} 个字）。",
        "en": "This is too long (at most {limit} characters).",
    },
    "bad_choice": {"zh": "请从列表中选择一项。", "en": "Please choose one of the options."},
    "not_date": {
        "zh": "“{text}”不是一个日期，请写成 2026-01-31 或 2026年1月31日。",
        "en": "“{text}” is not a date. Enter it as 2026-01-31 (year-month-day).",
    },
    "no_such_date": {
        "zh": "没有“{text}”这一天，请检查月份和日期。",
        "en": "There is no such day as “{text}”. Please check the month and the day.",
    },
    "date_range": {
        "zh": "日期要在 {first} 年到 {last} 年之间。",
        "en": "The date must be between the years {first} and {last}.",
    },
}

_FULL_WIDTH = {ord(c): ord(c) - 0xFEE0 for c in "０１２３４５６７８９．－＋％"}
_FULL_WIDTH.update({ord("。"): ord("."), ord("，"): ord(","), ord("　"): ord(" ")})
_CURRENCY = re.compile(r"(人民币|人民幣|元整|元|块钱|塊錢|块|塊|¥|￥|CNY|RMB|yuan)", re.IGNORECASE)
_NUMBER = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)")
_GROUPED = re.compile(r"[+-]?\d{1,3}(,\d{3})+(\.\d*)?")
"""Where a comma is a thousands separator: between groups of exactly three digits, before any point."""
_NOT_NUMBER = {"money": "not_number", "percent": "not_number_rate", "whole": "not_number_whole"}
_MULTIPLIERS = {
    "万": Decimal(10000),
    "萬": Decimal(10000),  # as Traditional readers type it
    "w": Decimal(10000),
    "千": Decimal(1000),
    "k": Decimal(1000),
}


class InputError(ValueError):
    """A value the reader typed that we can't use; ``key`` names a message in ``MESSAGES``."""

    def __init__(self, key: str, **params: object) -> None:
        super().__init__(key)
        self.key = key
        self.params = params


def error_message(error: InputError, lang: str) -> str:
    """The reader-facing message for ``error`` in ``lang``."""
    return t(MESSAGES, error.key, lang, **error.params)


def normalize(text: str) -> str:
    """Fold full-width characters to ASCII and remove separators, currency marks and spaces.

    >>> normalize(" ￥１２，３４５．６ 元 ")
    '12345.6'
    """
    return _fold(text).replace(",", "")


def _fold(text: str) -> str:
    """Like :func:`normalize` but keeping commas, whose place decides whether they are separators."""
    folded = str(text).translate(_FULL_WIDTH)
    folded = _CURRENCY.sub("", folded)
    return re.sub(r"[\s_'’]", "", folded)


def _check_commas(folded: str, raw: str) -> None:
    """Refuse a comma that is not between groups of three digits (``"1,234.5"`` is fine).

    >>> _check_commas("0,05%", "0,05%")
    Traceback (most recent call last):
    ...
    calculators.core.reader.InputError: bad_comma_point
    """
    if "," not in folded:
        return
    number = folded.rstrip("%" + "".join(_MULTIPLIERS) + "WK")
    if _GROUPED.fullmatch(number) or not _NUMBER.fullmatch(number.replace(",", "")):
        return  # a proper separator, or not a number at all (that message is clearer)
    text = raw.strip()[:30]
    if number.count(",") == 1 and "." not in number:
        raise InputError("bad_comma_point", text=text, point=folded.replace(",", "."))
    raise InputError("bad_comma", text=text)


def read_decimal(text: object, kind: str = "money") -> tuple[Decimal, bool]:
    """Read a number; return it and whether a trailing ``%`` was typed.

    Raises ``InputError`` with ``empty``, ``too_long``, ``bad_comma`` or the ``not_number`` message
    whose example fits ``kind`` (``money``, ``percent`` or ``whole``).
    """
    raw = "" if text is None else str(text)
    if len(raw) > 10 * MAX_NUMBER_CHARS:  # not worth cleaning: no one types a number this long
        raise InputError("too_long", limit=MAX_NUMBER_CHARS)
    folded = _fold(raw)
    if not folded.replace(",", ""):
        raise InputError("empty")
    _check_commas(folded, raw)
    cleaned = folded.replace(",", "")
    percent = cleaned.endswith("%")
    if percent:
        cleaned = cleaned[:-1]
    if len(cleaned) > MAX_NUMBER_CHARS:
        raise InputError("too_long", limit=MAX_NUMBER_CHARS)
    multiplier = Decimal(1)
    if cleaned and cleaned[-1].lower() in _MULTIPLIERS:
        multiplier = _MULTIPLIERS[cleaned[-1].lower()]
        cleaned = cleaned[:-1]
    if not _NUMBER.fullmatch(cleaned):
        raise InputError(_NOT_NUMBER.get(kind, "not_number"), text=raw.strip()[:30])
    try:
        value = Decimal(cleaned) * multiplier
    except InvalidOperation as exc:  # pragma: no cover - the regex admits only valid numbers
        raise InputError(_NOT_NUMBER.get(kind, "not_number"), text=raw.strip()[:30]) from exc
    if value < 0:
        raise InputError("negative")
    return value, percent


def read_money(text: object, *, allow_zero: bool = False, maximum: Decimal = MAX_MONEY) -> Decimal:
    """Read an amount of money in yuan, rounded half-up to the fen.

    >>> read_money("1,000元")
    Decimal('1000.00')
    """
    value, percent = read_decimal(text)
    if percent:
        raise InputError("not_number", text=str(text).strip()[:30])
    if value > maximum:  # before rounding: a 27-digit number can't be quantized to the fen
        raise InputError("too_large_money")
    value = to_fen(value)
    if value == 0 and not allow_zero:
        raise InputError("zero")
    return value


def read_percent(text: object, *, allow_zero: bool = False, maximum: Decimal = MAX_RATE_PERCENT) -> Decimal:
    """Read a rate in percent (the ``%`` sign is optional): ``"0.05%"`` -> ``Decimal("0.05")``."""
    value, _ = read_decimal(text, "percent")
    if value == 0 and not allow_zero:
        raise InputError("zero")
    if value > maximum:
        raise InputError("too_large_rate", limit=f"{maximum:,}")
    return value


def read_whole(text: object, *, minimum: int, maximum: int) -> int:
    """Read a whole number between ``minimum`` and ``maximum`` (inclusive).

    >>> read_whole("１２", minimum=1, maximum=600)
    12
    """
    value, percent = read_decimal(text, "whole")
    if percent or value != value.to_integral_value():
        raise InputError("not_whole")
    number = int(value)
    if number < minimum:
        raise InputError("zero" if minimum == 1 and number == 0 else "below_min", limit=minimum)
    if number > maximum:
        raise InputError("above_max", limit=maximum)
    return number
