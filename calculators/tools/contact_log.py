"""The contact log (sections 5 and 6): one entry per call, chat or letter with the lender.

The form is one entry: when (date, and a time such as ``14:30``), the channel, the agent's name or
ID, what was said, what was agreed and the next step (with its date, optional). ``calculate``
checks it and gives it back in a fixed shape (``data["entry"]``: ISO dates, ``HH:MM``, the
choice's value, texts stripped); the page script (``contact-log.js``) keeps the entries in this
browser's ``localStorage`` (``calc-log:contact-log``), lists them newest first, edits, deletes and
exports them as CSV. Nothing here or there is sent anywhere.

An entry needs at least one of what was said, what was agreed or the next step: a date alone
records nothing. Each text is capped at :data:`MAX_NOTE` characters (said in the hint); markup is
text like any other, escaped here and written with ``textContent`` by the page.
"""

from __future__ import annotations

import re
from typing import Any

from ..core.dates import date_name
from ..core.i18n import Text, pick, t
from ..page.base import Calculator, Result
from ..page.fields import Choice, Field, FieldErrors
from ..page.markup import definition_list, heading, paragraph

MAX_NOTE = 2000
"""The longest note (what was said, what was agreed, the next step), in characters."""

MAX_AGENT = 100
"""The longest agent name or ID, in characters."""

NOTES = ("said", "agreed", "next_step")
"""The fields of which an entry needs at least one."""

MESSAGES: dict[str, Text] = {
    "empty_entry": {
        "zh": "请至少写下一项：说了什么、约定了什么，或下一步。只有日期的记录什么也没记下。",
        "en": "Please write at least one of these: what was said, what was agreed, or the next step. "
        "A date on its own doesn't record anything.",
    },
    "bad_time": {
        "zh": "“{text}”不是一个时间，请按 24 小时制填写，例如 14:30。",
        "en": "“{text}” is not a time. Please use the 24-hour clock, for example 14:30.",
    },
    "preview": {"zh": "将记下的内容", "en": "What will be added"},
    "press_add": {
        "zh": "按“添加到记录”保存这一条。记录只保存在这个浏览器里。",
        "en": "Press “Add to the log” to keep this entry. The log stays in this browser only.",
    },
    "when": {"zh": "时间", "en": "When"},
}

CHANNELS = (
    Choice("chat", {"zh": "App 里的在线客服", "en": "In-app chat"}),
    Choice("hotline", {"zh": "客服电话", "en": "Customer service hotline"}),
    Choice("written", {"zh": "书面申请", "en": "Written request"}),
    Choice("other", {"zh": "其他", "en": "Other"}),
)

_NOTE_HINT = {
    "zh": f"最多 {MAX_NOTE:,} 个字。",
    "en": f"Up to {MAX_NOTE:,} characters.",
}

FIELDS = (
    Field(
        "date",
        "date",
        {"zh": "日期", "en": "Date"},
        hint={"zh": "默认是今天，可以修改。", "en": "Today, unless you change it."},
    ),
    Field(
        "time",
        "text",
        {"zh": "几点", "en": "Time"},
        hint={"zh": "24 小时制，例如 14:30。可以不填。", "en": "24-hour clock, for example 14:30. Optional."},
        required=False,
        max_length=8,
        placeholder="14:30",
    ),
    Field("channel", "choice", {"zh": "渠道", "en": "Channel"}, choices=CHANNELS, default="chat"),
    Field(
        "agent",
        "text",
        {"zh": "客服姓名或工号", "en": "Agent's name or ID"},
        hint={
            "zh": "对方告诉你的姓名或工号。可以不填。",
            "en": "The name or ID the agent gave you. Optional.",
        },
        required=False,
        max_length=MAX_AGENT,
    ),
    Field(
        "said",
        "longtext",
        {"zh": "说了什么", "en": "What was said"},
        hint=_NOTE_HINT,
        required=False,
        max_length=MAX_NOTE,
    ),
    Field(
        "agreed",
        "longtext",
        {"zh": "约定了什么", "en": "What was agreed"},
        hint={
            "zh": f"金额、日期、期数，尽量写对方的原话。最多 {MAX_NOTE:,} 个字。",
            "en": f"Amounts, dates, number of payments, in the agent's own words if you can. Up to {MAX_NOTE:,} characters.",
        },
        required=False,
        max_length=MAX_NOTE,
    ),
    Field(
        "next_step",
        "longtext",
        {"zh": "下一步", "en": "Next step"},
        hint=_NOTE_HINT,
        required=False,
        max_length=MAX_NOTE,
    ),
    Field(
        "next_date",
        "date",
        {"zh": "下一步的日期", "en": "Date of the next step"},
        hint={"zh": "可以不填。", "en": "Optional."},
        required=False,
    ),
)

LABELS: dict[str, Text] = {field.name: field.label for field in FIELDS}

_TIME = re.compile(r"([01]?\d|2[0-3])\s*[:：.]\s*([0-5]\d)")
_FULL_WIDTH = str.maketrans("０１２３４５６７８９", "0123456789")


def read_time(text: str | None) -> str:
    """A time of day as ``HH:MM`` (24-hour clock), ``""`` when none was typed.

    Raises :class:`FieldErrors` keyed ``time`` for anything else.

    >>> read_time("9:05"), read_time("１４：３０"), read_time(None)
    ('09:05', '14:30', '')
    """
    if not text:
        return ""
    match = _TIME.fullmatch(text.translate(_FULL_WIDTH).strip())
    if not match:
        raise FieldErrors({"time": ""})
    return f"{int(match.group(1)):02d}:{match.group(2)}"


def _channel_label(value: str, lang: str) -> str:
    return next(pick(choice.label, lang) for choice in CHANNELS if choice.value == value)


def calculate(values: dict[str, Any], lang: str) -> Result:
    """Check one entry and give it back in the shape the page keeps.

    >>> answer = calculate({"date": __import__("datetime").date(2026, 12, 3), "time": "9:05",
    ...     "channel": "hotline", "agent": "", "said": "", "agreed": "3 个月后再谈", "next_step": "",
    ...     "next_date": None}, "zh")
    >>> answer.data["entry"]["time"], answer.data["entry"]["date"]
    ('09:05', '2026-12-03')
    """
    errors: dict[str, str] = {}
    try:
        time = read_time(values.get("time"))
    except FieldErrors:
        time = ""
        errors["time"] = t(MESSAGES, "bad_time", lang, text=str(values.get("time")).strip()[:30])
    if not any(values.get(name) for name in NOTES):
        errors["said"] = t(MESSAGES, "empty_entry", lang)
    if errors:
        raise FieldErrors(errors)
    when = values["date"]
    next_date = values.get("next_date")
    entry = {
        "date": when.isoformat(),
        "time": time,
        "channel": values["channel"],
        "agent": values.get("agent") or "",
        "said": values.get("said") or "",
        "agreed": values.get("agreed") or "",
        "next_step": values.get("next_step") or "",
        "next_date": next_date.isoformat() if next_date else "",
    }
    shown_when = date_name(when, lang) + (f" {time}" if time else "")
    pairs = [
        (t(MESSAGES, "when", lang), shown_when),
        (pick(LABELS["channel"], lang), _channel_label(entry["channel"], lang)),
    ]
    for name in ("agent", *NOTES):
        if entry[name]:
            pairs.append((pick(LABELS[name], lang), entry[name]))
    if next_date:
        pairs.append((pick(LABELS["next_date"], lang), date_name(next_date, lang)))
    html = (
        heading(t(MESSAGES, "preview", lang))
        + definition_list(pairs, "calc-figures calc-log-preview")
        + paragraph(t(MESSAGES, "press_add", lang), "calc-note")
    )
    return Result(html=html, data={"entry": entry})


CALCULATOR = Calculator(
    name="contact-log",
    title={"zh": "沟通记录", "en": "Contact log"},
    intro={
        "zh": "每次和贷款机构联系后，记下时间、渠道、客服姓名或工号、说了什么、约定了什么和下一步。"
        "记录只保存在这个浏览器里，不会上传；可以修改、删除，也可以下载为表格（CSV）。",
        "en": "After each contact with the lender, note when it was, the channel, the agent's name or ID, "
        "what was said, what was agreed and the next step. The log stays in this browser only and is "
        "never uploaded; you can edit it, delete it or download it as a spreadsheet (CSV).",
    },
    fields=FIELDS,
    calculate=calculate,
    page="5-communicate",
    submit={"zh": "添加到记录", "en": "Add to the log"},
)
