"""Calendar dates for repayment schedules: reading a date as typed, monthly due dates, and
dates in the page's language.

A due day that a month lacks (29, 30 or 31) falls on that month's last day: a payment due on
the 31st is due on 28 February (29 February in a leap year), 30 April, and so on, and comes
back to the 31st in months that have one.

>>> read_date("２０２６年１月３１日")
datetime.date(2026, 1, 31)
>>> [str(due_date(date(2026, 1, 31), n)) for n in range(3)]
['2026-01-31', '2026-02-28', '2026-03-31']
>>> month_name(date(2028, 3, 15), "zh"), month_name(date(2028, 3, 15), "en")
('2028年3月', 'March 2028')
"""

from __future__ import annotations

import calendar
import re
from datetime import date

from .i18n import written_lang
from .reader import InputError

__all__ = [
    "FIRST_YEAR",
    "LAST_YEAR",
    "add_months",
    "date_name",
    "due_date",
    "due_dates",
    "month_name",
    "read_date",
]

FIRST_YEAR = 2000
LAST_YEAR = 2100
"""Dates outside these years are taken as typing mistakes."""

MAX_DATE_CHARS = 40

_FULL_WIDTH = {ord(c): ord(c) - 0xFEE0 for c in "０１２３４５６７８９－／．"}
_DATE = re.compile(r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*[日号]?")
_MONTHS_EN = ("January February March April May June July August September October November December").split()


def read_date(text: object) -> date:
    """A date typed as ``2026-01-31``, ``2026/1/31``, ``2026.1.31`` or ``2026年1月31日``
    (full-width digits too); a date picker sends the first form.

    Raises :class:`InputError` with ``empty``, ``not_date`` (not a date at all), ``no_such_date``
    (31 April) or ``date_range`` (before 2000 or after 2100).

    >>> read_date("2028-02-29")
    datetime.date(2028, 2, 29)
    """
    raw = "" if text is None else str(text)
    if len(raw) > MAX_DATE_CHARS:
        raise InputError("too_long", limit=MAX_DATE_CHARS)
    cleaned = raw.translate(_FULL_WIDTH).strip()
    if not cleaned:
        raise InputError("empty")
    match = _DATE.fullmatch(cleaned)
    if not match:
        raise InputError("not_date", text=raw.strip()[:30])
    year, month, day = (int(part) for part in match.groups())
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise InputError("date_range", first=FIRST_YEAR, last=LAST_YEAR)
    try:
        return date(year, month, day)
    except ValueError as error:
        raise InputError("no_such_date", text=raw.strip()[:30]) from error


def add_months(start: date, months: int, day: int | None = None) -> date:
    """The date ``months`` months after ``start`` on ``day`` (``start``'s day if not given),
    or that month's last day when the month is shorter.

    >>> add_months(date(2027, 11, 30), 3, day=31), add_months(date(2027, 12, 15), 2, day=30)
    (datetime.date(2028, 2, 29), datetime.date(2028, 2, 29))
    """
    index = start.year * 12 + start.month - 1 + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(day or start.day, last))


def due_date(first: date, index: int, day: int | None = None) -> date:
    """The due date of payment ``index`` (0 is the first payment, on ``first``).

    Later payments fall on ``day`` of each month (``first``'s day if not given), or on the
    month's last day when the month has no such day. A due day of 31 from 31 December 2027:
    31 January, 29 February 2028 (a leap year), 31 March.

    >>> [str(due_date(date(2027, 12, 31), n)) for n in range(4)]
    ['2027-12-31', '2028-01-31', '2028-02-29', '2028-03-31']
    """
    if index == 0:
        return first
    return add_months(first, index, day or first.day)


def due_dates(first: date, count: int, day: int | None = None) -> list[date]:
    """The due dates of ``count`` monthly payments from ``first`` (see :func:`due_date`)."""
    return [due_date(first, index, day) for index in range(count)]


def month_name(when: date, lang: str) -> str:
    """A month as the page's language writes it: ``2028年3月`` or ``March 2028``."""
    if written_lang(lang) == "zh":
        return f"{when.year}年{when.month}月"
    return f"{_MONTHS_EN[when.month - 1]} {when.year}"


def date_name(when: date, lang: str) -> str:
    """A date as the page's language writes it: ``2028年3月15日`` or ``March 15, 2028`` (US, as the
    guide's English pages write it).

    >>> date_name(date(2028, 3, 15), "zh"), date_name(date(2028, 3, 5), "en")
    ('2028年3月15日', 'March 5, 2028')
    """
    if written_lang(lang) == "zh":
        return f"{when.year}年{when.month}月{when.day}日"
    return f"{_MONTHS_EN[when.month - 1]} {when.day}, {when.year}"
