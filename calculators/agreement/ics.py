"""A calendar file (iCalendar, RFC 5545) of all-day events with a reminder, in its plainest form.

Phone calendars (iOS, Android apps, desktop clients) all import this shape: ``VCALENDAR`` with
``VERSION``, ``PRODID``, ``CALSCALE`` and ``METHOD:PUBLISH``; each ``VEVENT`` has ``UID``,
``DTSTAMP``, ``DTSTART;VALUE=DATE`` and ``DTEND;VALUE=DATE`` (the next day: one all-day event),
``SUMMARY``, ``DESCRIPTION`` and one ``VALARM`` with ``ACTION:DISPLAY``. No time zones: an all-day
date is the same day wherever the phone is.

Text is escaped (``\\`` ``;`` ``,`` and new lines as ``\\n``, RFC 5545 3.3.11); every line ends
with CRLF and is folded at 75 octets, never inside a UTF-8 character (3.1), so a long Chinese
summary is cut between characters. No byte-order mark.

The reminder fires at 09:00 on the day ``N`` days before (``TRIGGER:-P2DT15H`` for 3 days: an
all-day event starts at midnight, and 3 days less 9 hours before it is 09:00 three days before).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

__all__ = ["CalendarEvent", "calendar_text", "escape_text", "fold_line", "trigger"]

PRODID = "-//negotiate-guide//repayment agreement//ZH-EN"
LINE_OCTETS = 75
REMINDER_HOUR = 9


@dataclass(frozen=True)
class CalendarEvent:
    """One all-day event on ``day`` with a reminder ``remind_days`` days before (at 09:00)."""

    uid: str
    day: date
    summary: str
    description: str
    remind_days: int


def escape_text(text: str) -> str:
    r"""A TEXT value (RFC 5545 3.3.11): backslash, semicolon, comma and new lines escaped.

    >>> escape_text("a,b;c\\d\ne")
    'a\\,b\\;c\\\\d\\ne'
    """
    return (
        text.replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\n")
        .replace("\r", "\n")
        .replace("\n", "\\n")
    )


def fold_line(line: str) -> str:
    """Fold one content line into pieces of at most 75 octets, joined by CRLF and a space.

    The space that starts a continuation line counts toward its 75 octets, and a cut never falls
    inside a character's UTF-8 bytes: a line of 30 Chinese characters (90 octets) after a
    9-octet name folds after the 22nd character (9 + 66 = 75 octets).

    >>> folded = fold_line("SUMMARY:" + "还" * 30)
    >>> [len(part.encode()) for part in folded.split("\\r\\n")]
    [74, 25]
    """
    pieces: list[str] = []
    current = ""
    size = 0
    limit = LINE_OCTETS
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > limit:
            pieces.append(current)
            current, size, limit = " ", 1, LINE_OCTETS
        current += char
        size += width
    pieces.append(current)
    return "\r\n".join(pieces)


def trigger(days: int) -> str:
    """The alarm's offset from the event's start (midnight) so it fires at 09:00 ``days`` before.

    >>> trigger(3), trigger(1), trigger(0)
    ('-P2DT15H', '-PT15H', 'PT9H')
    """
    if days <= 0:
        return f"PT{REMINDER_HOUR}H"
    return f"-P{days - 1}DT{24 - REMINDER_HOUR}H" if days > 1 else f"-PT{24 - REMINDER_HOUR}H"


def _date(day: date) -> str:
    return day.strftime("%Y%m%d")


def _event_lines(event: CalendarEvent, stamp: str) -> list[str]:
    return [
        "BEGIN:VEVENT",
        f"UID:{event.uid}",
        f"DTSTAMP:{stamp}",
        f"DTSTART;VALUE=DATE:{_date(event.day)}",
        f"DTEND;VALUE=DATE:{_date(event.day + timedelta(days=1))}",
        f"SUMMARY:{escape_text(event.summary)}",
        f"DESCRIPTION:{escape_text(event.description)}",
        "TRANSP:TRANSPARENT",
        "BEGIN:VALARM",
        "ACTION:DISPLAY",
        f"DESCRIPTION:{escape_text(event.summary)}",
        f"TRIGGER:{trigger(event.remind_days)}",
        "END:VALARM",
        "END:VEVENT",
    ]


def calendar_text(events: Sequence[CalendarEvent], name: str, stamp: date) -> str:
    """The whole calendar file as text (CRLF line ends, folded, no byte-order mark).

    ``stamp`` is the ``DTSTAMP`` of every event, at midnight UTC: the agreement's own date rather
    than the clock, so the same agreement always gives the same file (and, with the same
    ``UID`` values, importing it again updates the events instead of adding copies).

    >>> text = calendar_text([], "x", date(2026, 1, 31))
    >>> text.startswith("BEGIN:VCALENDAR\\r\\nVERSION:2.0\\r\\n"), text.endswith("END:VCALENDAR\\r\\n")
    (True, True)
    """
    when = f"{_date(stamp)}T000000Z"
    lines: list[str] = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{PRODID}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{escape_text(name)}",
    ]
    for event in events:
        lines.extend(_event_lines(event, when))
    lines.append("END:VCALENDAR")
    return "".join(fold_line(line) + "\r\n" for line in _checked(lines))


def _checked(lines: Iterable[str]) -> Iterable[str]:
    """No raw line break may reach the file: escaping turned them into ``\\n``."""
    for line in lines:
        if "\r" in line or "\n" in line:
            raise ValueError("a content line may not hold a raw line break")
        yield line
