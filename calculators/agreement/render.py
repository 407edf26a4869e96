"""The agreement's result: summary, the written-confirmation checklist and request, the dates with
the payment tracker, the calendar file, and what to do before a payment is missed.

The tracker's ticks live only in this browser: the page script (``tracker.js``) keeps them in
``localStorage`` and fills the line that says what is paid, what is left and the next due date;
each tick box carries its payment's amount (``data-amount``) and due date for that.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from ..core.dates import date_name
from ..core.i18n import pick, sentence_gap, t
from ..core.money import ZERO, display_money, money_str, yuan
from ..page.markup import (
    bullet_list,
    carry_button,
    copy_block,
    definition_list,
    esc,
    heading,
    ordered_list,
    paragraph,
    row_name_attributes,
)
from ..page.ui import UI
from .ics import CalendarEvent, calendar_text
from .terms import Terms
from .texts import CHECKLIST, CHOICE_WORDS, MESSAGES, MISSED_STEPS

__all__ = ["Setting", "ordinal_suffix", "page_html", "page_data"]

UID_DOMAIN = "negotiate-guide.invalid"


@dataclass(frozen=True)
class Setting:
    """What was agreed beyond the payments, and how the reader wants to be reminded."""

    interest: str
    charges: str
    confirmed_via: str
    confirmed_via_label: str
    agent: str
    remind_days: int
    credit_every: int | None


def ordinal_suffix(day: int, lang: str) -> str:
    """``st``, ``nd``, ``rd`` or ``th`` after a day in English; nothing in Chinese.

    >>> [ordinal_suffix(d, "en") for d in (1, 2, 3, 4, 11, 12, 13, 21, 22, 23, 31)]
    ['st', 'nd', 'rd', 'th', 'th', 'th', 'th', 'st', 'nd', 'rd', 'st']
    """
    if lang != "en":
        return ""
    if 11 <= day <= 13:
        return "th"
    return {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")


def _summary(terms: Terms, lang: str) -> list[str]:
    amount, total = display_money(terms.amount), display_money(terms.total)
    if terms.last != terms.amount:
        line = t(
            MESSAGES,
            "summary_last",
            lang,
            amount=amount,
            n=terms.count,
            last=display_money(terms.last),
            total=total,
        )
    else:
        line = t(MESSAGES, "summary", lang, amount=amount, n=terms.count, total=total)
    return [line, t(MESSAGES, "debt_free", lang, date=date_name(terms.debt_free, lang))]


def _figures(terms: Terms, lang: str) -> list[tuple[str, str]]:
    day = t(MESSAGES, "day_value", lang, day=terms.day, suffix=ordinal_suffix(terms.day, lang))
    return [
        (t(MESSAGES, "first_due", lang), date_name(terms.first_due, lang)),
        (t(MESSAGES, "day_of_month", lang), day),
        (t(MESSAGES, "count", lang), str(terms.count)),
        (t(MESSAGES, "total", lang), yuan(terms.total, lang)),
        (t(MESSAGES, "last_due", lang), date_name(terms.debt_free, lang)),
    ]


def request_text(terms: Terms, setting: Setting, lang: str) -> str:
    """The chat message asking the lender to confirm every point of the checklist in writing."""
    last_part = (
        t(MESSAGES, "request_last_part", lang, last=display_money(terms.last))
        if terms.last != terms.amount
        else ""
    )
    return t(
        MESSAGES,
        "request_text",
        lang,
        amount=display_money(terms.amount),
        n=terms.count,
        last_part=last_part,
        total=display_money(terms.total),
        first=date_name(terms.first_due, lang),
        day=terms.day,
        suffix=ordinal_suffix(terms.day, lang),
        last_date=date_name(terms.debt_free, lang),
        interest=pick(CHOICE_WORDS["interest"][setting.interest], lang),
        charges=pick(CHOICE_WORDS["charges"][setting.charges], lang),
    )


def _confirm(terms: Terms, setting: Setting, lang: str) -> str:
    unclear = {key for key in ("interest", "charges") if getattr(setting, key) == "unknown"}
    items = [
        pick(label, lang) + (t(MESSAGES, "unclear", lang) if key in unclear else "")
        for key, label in CHECKLIST
    ]
    parts = [
        heading(t(MESSAGES, "confirm", lang)),
        paragraph(t(MESSAGES, "confirm_intro", lang)),
        bullet_list(items),
    ]
    if setting.confirmed_via in ("not_yet", "call"):
        parts.append(paragraph(t(MESSAGES, "only_spoken", lang), "calc-verdict"))
    if setting.confirmed_via != "not_yet":
        agent = t(MESSAGES, "agent_part", lang, agent=setting.agent) if setting.agent else ""
        parts.append(
            paragraph(t(MESSAGES, "confirmed_by", lang, how=setting.confirmed_via_label, agent=agent))
        )
    parts.append(
        copy_block(
            "calc-agreement-request",
            t(MESSAGES, "request", lang),
            request_text(terms, setting, lang),
            pick(UI["copy"], lang),
        )
    )
    return "".join(parts)


def _tracker_texts(lang: str) -> str:
    keys = ("tracker_summary", "tracker_next", "tracker_done")
    return json.dumps({key: pick(MESSAGES[key], lang) for key in keys}, ensure_ascii=False)


def progress_line(terms: Terms, lang: str) -> str:
    """The tracker's line before anything is ticked; ``tracker.js`` writes the same words (and the
    same figures, added in fen) as payments are ticked.

    >>> from datetime import date
    >>> from decimal import Decimal
    >>> progress_line(Terms(Decimal("916.80"), 12, Decimal("916.81"), date(2028, 1, 31), None), "en")
    '0 of 12 payments made, 0.00 yuan; 12 to go, 11,001.61 yuan. Next payment: 916.80 yuan on January 31, 2028.'
    """
    first = terms.payments[0]
    summary = t(
        MESSAGES,
        "tracker_summary",
        lang,
        paid_count=0,
        count=terms.count,
        paid=display_money(ZERO),
        left_count=terms.count,
        left=display_money(terms.total),
    )
    upcoming = t(
        MESSAGES, "tracker_next", lang, date=date_name(first.due, lang), amount=display_money(first.amount)
    )
    return f"{summary}{sentence_gap(lang)}{upcoming}"


def _tracker(terms: Terms, lang: str) -> str:
    """The dates as a table with a tick box per payment, the progress line and the visible delete."""
    names = [t(MESSAGES, key, lang) for key in ("number", "due", "amount", "remaining", "paid")]
    head = "".join(f'<th scope="col" role="columnheader">{esc(name)}</th>' for name in names)
    # Each cell names its column (data-label): on a phone every payment is a card (see markup.table).
    number, due, amount, remaining, paid = (f' data-label="{esc(name)}"' for name in names)
    rows = []
    for payment in terms.payments:
        when = date_name(payment.due, lang)
        label = t(MESSAGES, "tick_label", lang, n=payment.number, date=when)
        # On a phone each payment is a card titled "第 3 期" / "No. 3" (see markup.table's row_name).
        named = row_name_attributes(payment.number, t(MESSAGES, "number_name", lang, n=payment.number))
        rows.append(
            f'<tr role="row"><th scope="row" role="rowheader"{number}{named}>{payment.number}</th>'
            f'<td role="cell"{due}>{esc(when)}</td><td role="cell"{amount}>{display_money(payment.amount)}</td>'
            f'<td role="cell"{remaining}>{display_money(payment.remaining)}</td>'
            f'<td role="cell"{paid}><input type="checkbox" class="calc-tick" data-index="{payment.number - 1}" '
            f'data-amount="{money_str(payment.amount)}" data-date="{esc(when)}" aria-label="{esc(label)}"></td></tr>'
        )
    table = (
        '<div class="calc-table-wrap"><table class="calc-table calc-agreement-dates calc-numbered" role="table">'
        f'<thead role="rowgroup"><tr role="row">{head}</tr></thead>'
        f'<tbody role="rowgroup">{"".join(rows)}</tbody></table></div>'
    )
    return (
        f'<div class="calc-tracker" data-tracker-key="{esc(terms.key)}" data-texts="{esc(_tracker_texts(lang))}">'
        f"{paragraph(t(MESSAGES, 'tracker_intro', lang))}"
        f'<p class="calc-tracker-status" role="status">{esc(progress_line(terms, lang))}</p>{table}'
        f'<p class="calc-hint">{esc(pick(UI["persist_note"], lang))}</p>'
        f'<button type="button" class="calc-tracker-clear md-button">{esc(pick(UI["persist_clear"], lang))}</button>'
        f"</div>"
    )


def _events(terms: Terms, setting: Setting, lang: str) -> list[CalendarEvent]:
    events = [
        CalendarEvent(
            uid=f"agreement-{terms.key}-payment-{p.number}@{UID_DOMAIN}",
            day=p.due,
            summary=t(
                MESSAGES, "event_summary", lang, amount=display_money(p.amount), k=p.number, n=terms.count
            ),
            description=t(
                MESSAGES,
                "event_description",
                lang,
                amount=display_money(p.amount),
                left=display_money(p.remaining),
            ),
            remind_days=setting.remind_days,
        )
        for p in terms.payments
    ]
    if setting.credit_every:
        events += [
            CalendarEvent(
                uid=f"agreement-{terms.key}-credit-{index}@{UID_DOMAIN}",
                day=day,
                summary=t(MESSAGES, "check_summary", lang),
                description=t(MESSAGES, "check_description", lang),
                remind_days=setting.remind_days,
            )
            for index, day in enumerate(terms.credit_checks(setting.credit_every), 1)
        ]
    return events


def calendar_file(terms: Terms, setting: Setting, lang: str) -> str:
    """The .ics text: one event per payment, and the credit-report reminders if asked for."""
    return calendar_text(_events(terms, setting, lang), t(MESSAGES, "calendar_name", lang), terms.first_due)


def _calendar(terms: Terms, setting: Setting, lang: str) -> str:
    checks = ""
    if setting.credit_every:
        count = len(terms.credit_checks(setting.credit_every))
        checks = t(MESSAGES, "calendar_checks", lang, k=count, every=setting.credit_every)
    key = "calendar_intro" if setting.remind_days else "calendar_today"
    intro = t(MESSAGES, key, lang, n=terms.count, days=setting.remind_days, checks=checks)
    if setting.credit_every and setting.credit_every < 6:  # more than the two free reports a year
        intro += sentence_gap(lang) + t(MESSAGES, "calendar_checks_fee", lang, every=setting.credit_every)
    button = (
        f'<button type="button" class="calc-download md-button md-button--primary" data-download="ics">'
        f"{esc(t(MESSAGES, 'download_ics', lang))}</button>"
    )
    return heading(t(MESSAGES, "calendar", lang)) + paragraph(intro) + button


def _missed(terms: Terms, lang: str) -> str:
    extra = t(
        MESSAGES,
        "missed_extra",
        lang,
        amount=display_money(terms.amount),
        day=terms.day,
        suffix=ordinal_suffix(terms.day, lang),
    )
    # What is left depends on the ticks, which only the page knows: the message asks the reader.
    button = carry_button(
        t(MESSAGES, "missed_carry", lang), "message", "5-communicate", {"goal": "pause", "extra": extra}
    )
    return (
        heading(t(MESSAGES, "missed", lang))
        + paragraph(t(MESSAGES, "missed_intro", lang))
        + ordered_list([pick(step, lang) for step in MISSED_STEPS], "calc-missed-steps")
        + button
    )


def page_html(terms: Terms, setting: Setting, lang: str) -> str:
    """The whole result, in the order a reader needs it."""
    parts = [paragraph(line, "calc-verdict") for line in _summary(terms, lang)]
    parts.append(definition_list(_figures(terms, lang)))
    if terms.shifted:
        parts.append(
            paragraph(
                t(MESSAGES, "shifted", lang, day=terms.day, suffix=ordinal_suffix(terms.day, lang)),
                "calc-note",
            )
        )
    parts += [
        _confirm(terms, setting, lang),
        heading(t(MESSAGES, "dates", lang)),
        _tracker(terms, lang),
        _calendar(terms, setting, lang),
        _missed(terms, lang),
        paragraph(t(MESSAGES, "never_reference", lang), "calc-note"),
        paragraph(t(MESSAGES, "private", lang), "calc-note"),
    ]
    return "".join(parts)


def page_data(terms: Terms, setting: Setting, lang: str) -> dict[str, Any]:
    """The figures behind the page and the calendar file for the download."""
    return {
        "amount": money_str(terms.amount),
        "count": terms.count,
        "last_amount": money_str(terms.last),
        "total": money_str(terms.total),
        "first_due": terms.first_due.isoformat(),
        "due_day": terms.day,
        "debt_free": terms.debt_free.isoformat(),
        "shifted": terms.shifted,
        "payments": [
            {
                "number": p.number,
                "due": p.due.isoformat(),
                "amount": money_str(p.amount),
                "remaining": money_str(p.remaining),
            }
            for p in terms.payments
        ],
        "credit_checks": [day.isoformat() for day in terms.credit_checks(setting.credit_every)]
        if setting.credit_every
        else [],
        "reminder_days": setting.remind_days,
        "request": request_text(terms, setting, lang),
        "ics": calendar_file(terms, setting, lang),
        "ics_name": "repayment-agreement.ics",
    }
