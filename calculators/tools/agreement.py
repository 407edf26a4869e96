"""Keeping the agreement (section 6): confirm it in writing, the real due dates, a calendar file,
a payment tracker, and what to do before a payment is missed.

The payments (:mod:`calculators.agreement.terms`): ``n`` payments of ``A`` (the last may differ),
``total = A x (n - 1) + last``; payment ``k`` is due on the due day of the month ``k - 1`` months
after the first due date, or on the month's last day when the month lacks that day (a due day of
31 falls on 28 or 29 February, 30 April ...). The last due date is the day the agreement is
paid off.

Worked case: 12 payments of 916.80, the last 916.81, from 31 January 2028: 11,001.61 in all, the
second due February 29, 2028, paid off on December 31, 2028.

The calendar file (:mod:`calculators.agreement.ics`) is RFC 5545 text made here and downloaded by
the page; the inputs (``persist``) and the tracker's ticks (``tracker.js``) stay in this browser, so
the reader can come back each month; both are deleted by the form's delete button. The plan calculator's "use
this option" fills this form (``amount``, ``payments``, ``last_amount``, ``first_due``).
"""

from __future__ import annotations

from typing import Any

from ..agreement.render import Setting, page_data, page_html
from ..agreement.terms import Terms
from ..core.i18n import pick
from ..page.base import Calculator, Result
from ..page.fields import Choice, Field

INTEREST_CHOICES = (
    Choice("unknown", {"zh": "还没说清楚", "en": "Not clear yet"}),
    Choice("frozen", {"zh": "停止计息", "en": "Frozen: no more interest"}),
    Choice("reduced", {"zh": "利息减少", "en": "Reduced"}),
    Choice("unchanged", {"zh": "照常计息", "en": "Charged as before"}),
)
CHARGES_CHOICES = (
    Choice("unknown", {"zh": "还没说清楚", "en": "Not clear yet"}),
    Choice("frozen", {"zh": "停止计收", "en": "Frozen: no more charges"}),
    Choice("waived", {"zh": "已产生的也免除", "en": "Waived, including past ones"}),
    Choice("unchanged", {"zh": "照常计收", "en": "Charged as before"}),
)
CONFIRMED_CHOICES = (
    Choice("not_yet", {"zh": "还没有书面确认", "en": "Not in writing yet"}),
    Choice("chat", {"zh": "在线客服的文字消息", "en": "In the in-app chat, in writing"}),
    Choice("notice", {"zh": "App 里的通知或协议页面", "en": "A notice or agreement page in the app"}),
    Choice("sms", {"zh": "短信", "en": "A text message (SMS)"}),
    Choice("call", {"zh": "电话里口头答应", "en": "Said on the phone"}),
)
CREDIT_CHOICES = (
    Choice("", {"zh": "不要", "en": "No"}),
    Choice(
        "3",
        {
            "zh": "每 3 个月（一年 4 次，超过免费的 2 次）",
            "en": "Every 3 months (4 a year: more than the 2 free ones)",
        },
    ),
    Choice("6", {"zh": "每 6 个月", "en": "Every 6 months"}),
    Choice("12", {"zh": "每 12 个月", "en": "Every 12 months"}),
)

FIELDS = (
    Field(
        "amount",
        "money",
        {"zh": "每期还款额", "en": "Each payment"},
        hint={"zh": "协议里每个月要还的金额。", "en": "What the agreement asks for each month."},
        unit={"zh": "元", "en": "yuan"},
    ),
    Field(
        "payments",
        "whole",
        {"zh": "一共几期", "en": "Number of payments"},
        hint={"zh": "1 到 600 期，每月一期。", "en": "1 to 600, one a month."},
        unit={"zh": "期", "en": "payments"},
        maximum=600,
    ),
    Field(
        "last_amount",
        "money",
        {"zh": "最后一期（如果不同）", "en": "The last payment, if different"},
        hint={
            "zh": "最后一期常常差几分钱；一样就不填。",
            "en": "The last payment often differs by a few fen; leave empty if it is the same.",
        },
        unit={"zh": "元", "en": "yuan"},
        required=False,
    ),
    Field(
        "first_due",
        "date",
        {"zh": "第一期还款日", "en": "First payment due on"},
        hint={"zh": "例如 2026-12-15。", "en": "For example 2026-12-15."},
    ),
    Field(
        "due_day",
        "whole",
        {"zh": "每月几号还", "en": "Due day of the month"},
        hint={
            "zh": "不填就按第一期的日子。29 到 31 日：没有这一天的月份落在月底。",
            "en": "Leave empty to use the first due date's day. 29 to 31: months without that day use their "
            "last day.",
        },
        required=False,
        maximum=31,
    ),
    Field(
        "interest",
        "choice",
        {"zh": "协议期间的利息", "en": "Interest during the agreement"},
        choices=INTEREST_CHOICES,
        default="unknown",
    ),
    Field(
        "charges",
        "choice",
        {"zh": "逾期罚息和违约金", "en": "Overdue interest and late charges"},
        choices=CHARGES_CHOICES,
        default="unknown",
    ),
    Field(
        "confirmed_via",
        "choice",
        {"zh": "对方怎么确认的", "en": "How the lender confirmed it"},
        choices=CONFIRMED_CHOICES,
        default="not_yet",
    ),
    Field(
        "agent",
        "text",
        {"zh": "客服姓名或工号（可不填）", "en": "Agent's name or ID (optional)"},
        hint={
            "zh": "记下是谁确认的。不要填你自己的证件号或账号。",
            "en": "Who confirmed it. Don't enter your own ID or account numbers.",
        },
        required=False,
        max_length=40,
    ),
    Field(
        "reminder_days",
        "whole",
        {"zh": "提前几天提醒", "en": "Remind me this many days before"},
        hint={
            "zh": "0 到 30 天，默认 3 天；0 表示当天提醒。",
            "en": "0 to 30 days, 3 to start with; 0 reminds on the day.",
        },
        unit={"zh": "天", "en": "days"},
        default="3",
        minimum=0,
        maximum=30,
    ),
    Field(
        "credit_every",
        "choice",
        {"zh": "在日历里加“查询信用报告”提醒", "en": "Add “check my credit report” reminders"},
        hint={
            "zh": "每年至少可以免费查两次自己的信用报告，再多查可能要交柜台查询费（见 7.3 节）。",
            "en": "You can get at least two free copies of your own report a year; a counter fee may apply after "
            "that (see section 7.3).",
        },
        choices=CREDIT_CHOICES,
        required=False,
    ),
)


def _terms(values: dict[str, Any]) -> Terms:
    return Terms(
        values["amount"], values["payments"], values["last_amount"], values["first_due"], values["due_day"]
    )


def _setting(values: dict[str, Any], lang: str) -> Setting:
    label = next(pick(c.label, lang) for c in CONFIRMED_CHOICES if c.value == values["confirmed_via"])
    return Setting(
        interest=values["interest"],
        charges=values["charges"],
        confirmed_via=values["confirmed_via"],
        confirmed_via_label=label,
        agent=values["agent"] or "",
        remind_days=values["reminder_days"],
        credit_every=int(values["credit_every"]) if values["credit_every"] else None,
    )


def calculate(values: dict[str, Any], lang: str) -> Result:
    """The dated payments, the confirmation checklist and request, tracker, calendar file and the
    steps for a payment that will be missed."""
    terms = _terms(values)
    setting = _setting(values, lang)
    return Result(html=page_html(terms, setting, lang), data=page_data(terms, setting, lang))


CALCULATOR = Calculator(
    name="agreement",
    title={"zh": "落实还款协议", "en": "Keep the agreement"},
    intro={
        "zh": "填写和贷款机构约定的还款安排：得到每一期的具体还款日期、请求书面确认的消息、手机日历文件和还款进度表。",
        "en": "Enter the repayment arrangement you agreed on with the lender to get the exact due dates, a message "
        "asking for written confirmation, a calendar file for your phone and a payment tracker.",
    },
    fields=FIELDS,
    calculate=calculate,
    page="6-follow-up",
    submit={"zh": "生成日期和提醒", "en": "Show the dates"},
    features=frozenset({"share", "persist"}),
)
