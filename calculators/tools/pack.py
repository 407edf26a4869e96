"""My repayment pack: one page that gathers what the reader typed in the other calculators.

The page script sends, besides the pack's own choices (which parts to include, which option of
the plan, which text of the message), each source calculator's kept inputs as JSON text in the
field ``<name>_fields`` (``capacity_fields``, ``plan_fields``, ...; read from this browser's
storage, never typed again and never sent anywhere). Each source is read and calculated by that
calculator's own code (its field schema and ``calculate``), so every figure in the pack is the one
the calculator shows: nothing is recomputed here. A source with nothing kept, or with something
to correct, gives a part that says which calculator to fill in, with a link.

Worked example: the capacity sample (income 8,000; essentials 5,000; other debts 500; margin
10%) gives a summary budget ending in "what I can offer each month: 1,700.00 元", the same 1,700.00
as ``run("capacity", ...)["data"]["safe_amount"]``.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from ..advice.goals import GOALS
from ..core.dates import date_name, month_name
from ..core.i18n import Text, pick, t, written_lang
from ..core.money import yuan
from ..page.base import Calculator, Result
from ..page.fields import Choice, Field, FieldErrors, read_fields
from ..page.forms import PACK_PAGE, PACK_SOURCES, page_href, source_field
from ..page.markup import bullet_list, esc, heading, ordered_list, paragraph, table
from ..page.ui import UI
from ..registry import CALCULATORS

PARTS = ("budget", "plan", "message", "agreement", "checklist", "steps")
"""The pack's parts, in order; each has an ``include_<part>`` check box."""

PART_SOURCE = {
    "budget": "capacity",
    "plan": "plan",
    "message": "message",
    "agreement": "agreement",
    "checklist": "prepare",
}

DEFAULT_OFF = ("checklist",)
"""The checklist is the reader's own to-do list (what they have gathered, what they want): a
reader printing the pack to show a lender would not expect it there, so it starts unticked."""

MAX_SOURCE_CHARS = 8_000
"""Far above what a source can keep (the plan, the largest: about 3,700 characters with every field full)."""

OPTION_KEYS = ("current", "longer_term", "reduced_interest", "pause", "fits_budget")

CN_NUMBERS = "零一二三四五六七八九十"

MESSAGES: dict[str, Text] = {
    "title": {"zh": "我的还款材料包", "en": "My repayment pack"},
    "print": {"zh": "打印或存为 PDF", "en": "Print or save as PDF"},
    "print_hint": {
        "zh": "在打印窗口里选择“存为 PDF”就能保存一份。材料包只在你的浏览器里生成，不会上传。",
        "en": "To keep a copy, choose “Save as PDF” in the print window. The pack is made in your browser "
        "only and never uploaded.",
    },
    "nothing": {
        "zh": "没有选择任何部分：请在上面勾选要放进材料包的部分。",
        "en": "No part is chosen: tick the parts you want in your pack above.",
    },
    "section": {"zh": "第{n}节", "en": "section {n}"},
    "missing": {
        "zh": "这一部分还没有内容：请先在{section}的{link}里填写，填好后回到这一页就能看到。",
        "en": "Nothing here yet: fill in the {link} in {section}, then come back to this page.",
    },
    "incomplete": {
        "zh": "{section}的{link}里还有需要填写或修改的内容，改好后回到这一页就能看到。",
        "en": "The {link} in {section} still has something to fill in or correct; once it's done, come "
        "back to this page.",
    },
    "item": {"zh": "项目", "en": "Item"},
    "amount": {"zh": "金额", "en": "Amount"},
    "value": {"zh": "内容", "en": "Details"},
    # The budget
    "budget": {"zh": "我每月能还多少", "en": "What I can pay each month"},
    "budget_intro": {
        "zh": "我每月的税后收入、必需开支和其他债务的必还款，以及剩下可以用来还款的钱。",
        "en": "My monthly income after tax, essential spending and required payments on other debts, and "
        "what is left to repay with.",
    },
    "spending": {"zh": "其中：{label}", "en": "Of which: {label}"},
    "current_due": {"zh": "花呗、借呗现在每月要还", "en": "Due each month now on Huabei / Jiebei"},
    "offer": {
        "zh": "我每月可以拿出的还款额：{amount}",
        "en": "What I can offer each month: {amount}",
    },
    # The plan
    "plan": {"zh": "我的债务和我提出的方案", "en": "My debts and the plan I'm proposing"},
    "debt": {"zh": "债务", "en": "Debt"},
    "owed": {"zh": "欠款", "en": "Owed"},
    "monthly_rate": {"zh": "月利率", "en": "Monthly rate"},
    "apr": {"zh": "年化利率", "en": "Annual rate"},
    "total_owed": {"zh": "合计欠款", "en": "Owed in all"},
    "can_pay": {"zh": "每月能还", "en": "What I can pay each month"},
    "option_heading": {"zh": "提出的方案：{title}", "en": "The plan I'm proposing: {title}"},
    "why_message": {
        "zh": "这是你带到“申请”计算器的方案。",
        "en": "This is the option you took into the request calculator.",
    },
    "why_fits": {
        "zh": "这是符合你每月预算的方案。",
        "en": "This is the option that fits what you can pay each month.",
    },
    "why_first": {
        "zh": "这是还款方案计算器列出的第一个方案；可以在上面换一个。",
        "en": "This is the first option the plan calculator lists; you can choose another above.",
    },
    "why_chosen": {"zh": "这是你在上面选择的方案。", "en": "This is the option you chose above."},
    "not_offered": {
        "zh": "还款方案计算器里没有你选择的方案，这里显示的是：",
        "en": "The plan calculator has no option of the kind you chose; this one is shown instead:",
    },
    "pay_first": {"zh": "每月还款", "en": "Monthly payment"},
    "pay_after_pause": {"zh": "暂停后每月还款", "en": "Monthly payment after the pause"},
    "pause_months": {"zh": "先暂停还款", "en": "Payments paused for"},
    "pay_last": {"zh": "最后一期", "en": "Last payment"},
    "months": {"zh": "还款月数", "en": "Months"},
    "n_months": {"zh": "{n} 个月", "en": "{n} months", "en_one:n": "{n} month"},
    "total_paid": {"zh": "总共还款", "en": "Total repaid"},
    "total_interest": {"zh": "其中利息", "en": "Of which interest"},
    "first_due": {"zh": "第一期还款日", "en": "First payment due"},
    "paid_off": {"zh": "还清的月份", "en": "Paid off in"},
    # The message
    "letter": {"zh": "我的书面申请", "en": "My written request"},
    "chat": {"zh": "我的在线客服消息", "en": "My message for the in-app chat"},
    "check_brackets": {
        "zh": "发出前，把【】里的内容换成你自己的信息。",
        "en": "Before you send it, replace what is in brackets with your own details.",
    },
    # The agreement
    "agreement": {"zh": "与贷款机构约定的还款安排", "en": "The repayment arrangement agreed with the lender"},
    "agreed_amount": {"zh": "每期还款", "en": "Each payment"},
    "agreed_count": {"zh": "期数", "en": "Payments"},
    "agreed_last": {"zh": "最后一期", "en": "Last payment"},
    "agreed_total": {"zh": "总共还款", "en": "Total"},
    "agreed_first": {"zh": "第一期还款日", "en": "First payment due"},
    "agreed_end": {"zh": "最后一期还款日", "en": "Last payment due"},
    "dates": {"zh": "每一期的还款日", "en": "Every due date"},
    "number": {"zh": "期", "en": "Payment"},
    "number_name": {"zh": "第 {n} 期", "en": "Payment {n}"},
    "due": {"zh": "还款日", "en": "Due on"},
    "remaining": {"zh": "还后剩余", "en": "Left after it"},
    # The checklist
    "checklist": {"zh": "准备清单（给你自己看）", "en": "Preparation checklist (for you)"},
    "gathered": {
        "zh": "已准备 {done} 项，共 {total} 项。",
        "en": "Gathered: {done} of {total}.",
    },
    "have": {"zh": "已准备：{label}", "en": "Gathered: {label}"},
    "have_not": {"zh": "还没有：{label}", "en": "Not yet: {label}"},
    "goals": {"zh": "这次沟通的目标：{goals}", "en": "What you want from the conversation: {goals}"},
    # The next steps
    "steps": {"zh": "下一步", "en": "Next steps"},
    "step_budget": {
        "zh": "在第二节算出每月能安全拿出多少钱还款。",
        "en": "Work out in section 2 what you can safely pay each month.",
    },
    "step_plan": {
        "zh": "在第二节对比几种还款方案，选一个每期都在预算之内的。",
        "en": "Compare the plans in section 2 and pick one whose every payment fits your budget.",
    },
    "step_message": {
        "zh": "在第五节生成要发给贷款机构的消息或书面申请。",
        "en": "Draft your message or written request to the lender in section 5.",
    },
    "step_contact": {
        "zh": "按第四节选好的渠道联系贷款机构，提出你的方案；每次沟通都记下日期、时间、客服姓名或工号和约定的内容。",
        "en": "Contact the lender through the channel from section 4 and propose your plan; after each "
        "contact, write down the date, time, the agent's name or ID and what was agreed.",
    },
    "step_confirm": {
        "zh": "达成协议后，请贷款机构书面确认，并在第六节记下每一期的还款日。",
        "en": "Once you agree, ask the lender to confirm it in writing, and note every due date in section 6.",
    },
    "step_keep": {
        "zh": "每期按时还款，保存书面确认和还款记录；如果有一期可能还不上，在还款日之前就联系贷款机构（见第六节）。",
        "en": "Pay each installment on time and keep the written confirmation and your payment records; if a "
        "payment may be missed, contact the lender before its due date (see section 6).",
    },
    "step_never_pay": {
        "zh": "不要把密码或验证码告诉任何人，也不要付钱给声称能帮你“协商”的中介（见第五节）。",
        "en": "Never give anyone a password or verification code, and don't pay an agent who offers to "
        "“negotiate” for you (see section 5).",
    },
}

CHOICE_LABELS: dict[str, Text] = {
    "auto": {
        "zh": "自动：你带到“申请”的方案，否则是符合预算的方案",
        "en": "Automatic: the one you took into the request, else the one that fits your budget",
    },
    "current": {"zh": "按现在的约定", "en": "The current terms"},
    "longer_term": {"zh": "延长期限", "en": "A longer term"},
    "reduced_interest": {"zh": "减少利息", "en": "Interest cut"},
    "pause": {"zh": "先暂停，再分期还", "en": "A pause, then payments"},
    "fits_budget": {"zh": "符合我的预算", "en": "Fits my budget"},
}

PART_LABELS: dict[str, Text] = {
    "budget": {
        "zh": "我每月能还多少（预算，可以给贷款机构看）",
        "en": "What I can pay (the budget, for the lender)",
    },
    "plan": {"zh": "我的债务和提出的方案", "en": "My debts and the plan I'm proposing"},
    "message": {"zh": "我的消息或书面申请", "en": "My message or written request"},
    "agreement": {"zh": "约定的还款安排和日期", "en": "The agreed arrangement and its dates"},
    "checklist": {"zh": "准备清单（给你自己看）", "en": "The preparation checklist (for you)"},
    "steps": {"zh": "下一步", "en": "Next steps"},
}


def _include(part: str) -> Field:
    return Field(
        f"include_{part}",
        "check",
        PART_LABELS[part],
        required=False,
        default="" if part in DEFAULT_OFF else "on",
    )


def _source(name: str) -> Field:
    return Field(
        source_field(name),
        "longtext",
        {"zh": f"{name} 的输入", "en": f"The inputs of {name}"},
        required=False,
        max_length=MAX_SOURCE_CHARS,
    )


FIELDS: tuple[Field, ...] = (
    *(_include(part) for part in PARTS),
    Field(
        "option",
        "choice",
        {"zh": "放进材料包的方案", "en": "The plan option in the pack"},
        choices=tuple(Choice(key, CHOICE_LABELS[key]) for key in ("auto", *OPTION_KEYS)),
        default="auto",
        required=False,
    ),
    Field(
        "message_text",
        "choice",
        {"zh": "放进材料包的文字", "en": "The text in the pack"},
        choices=(
            Choice("letter", {"zh": "书面申请", "en": "The written request"}),
            Choice("chat", {"zh": "在线客服消息", "en": "The in-app chat message"}),
        ),
        default="letter",
        required=False,
    ),
    *(_source(name) for name in PACK_SOURCES),
)


@dataclass(frozen=True)
class Source:
    """One source calculator's answer: ``state`` is ``ok``, ``missing`` (nothing kept) or
    ``incomplete`` (kept, but its calculator would show a message instead of a result)."""

    name: str
    state: str
    values: dict[str, Any] | None = None
    result: Result | None = None


def read_source(name: str, text: str | None, lang: str) -> Source:
    """Calculator ``name`` run by its own code on its kept inputs (JSON text), as its page runs it.

    >>> read_source("capacity", None, "en").state, read_source("capacity", "[1]", "en").state
    ('missing', 'incomplete')
    """
    if not text:
        return Source(name, "missing")
    try:
        raw = json.loads(text)
    except (ValueError, RecursionError):
        return Source(name, "incomplete")
    if not isinstance(raw, dict):
        return Source(name, "incomplete")
    if not raw:
        return Source(name, "missing")
    calculator = CALCULATORS[name]
    try:
        values = read_fields(calculator.fields, raw, lang)
        return Source(name, "ok", values, calculator.calculate(values, lang))
    except FieldErrors:
        return Source(name, "incomplete")


def _money(text: str, lang: str) -> str:
    """A calculator's money string (``"1700.00"``) as the pack shows it: ``1,700.00 元``."""
    return yuan(Decimal(text), lang)


def _section(name: str, lang: str) -> str:
    number = int(CALCULATORS[name].page.split("-")[0])
    shown = CN_NUMBERS[number] if written_lang(lang) == "zh" else str(number)
    return t(MESSAGES, "section", lang, n=shown)


def _calculator_link(name: str, lang: str) -> str:
    calculator = CALCULATORS[name]
    href = f"{page_href(PACK_PAGE, calculator.page)}#calc-{name}"
    title = pick(calculator.title, lang)
    if written_lang(lang) == "en":
        title = title[:1].lower() + title[1:] if not title.startswith("What") else f"“{title}” calculator"
    return f'<a href="{esc(href)}">{esc(title)}</a>'


def _not_ready(source: Source, lang: str) -> str:
    """What a part says when its calculator has nothing kept or something to correct."""
    text = t(MESSAGES, source.state, lang, section=_section(source.name, lang), link="\0")
    before, after = text.split("\0")
    return f'<p class="calc-pack-missing">{esc(before)}{_calculator_link(source.name, lang)}{esc(after)}</p>'


def _two_columns(rows: Sequence[tuple[str, str]], lang: str, second: str = "amount") -> str:
    return table(
        [t(MESSAGES, "item", lang), t(MESSAGES, second, lang)],
        rows,
        css="calc-table calc-pack-table calc-pack-pairs",
    )


# --- The parts ----------------------------------------------------------------------------------


def _budget_part(source: Source, lang: str) -> tuple[str, dict[str, Any]]:
    """A summary budget a lender can read, from the capacity calculator's own Budget and figures."""
    from . import capacity

    budget = capacity._budget(source.values or {})
    data = dict(source.result.data) if source.result else {}
    rows: list[tuple[str, str]] = []
    incomes = budget.incomes
    for index, row in enumerate(incomes, 1):
        if len(incomes) > 1 or row["name"]:
            label = (
                t(capacity.MESSAGES, "income_named", lang, name=row["name"])
                if row["name"]
                else t(capacity.MESSAGES, "income_n", lang, n=index)
            )
            rows.append((label, yuan(row["amount"], lang)))
    rows.append((t(capacity.MESSAGES, "income", lang), yuan(budget.income, lang)))
    for name, label in capacity.SPENDING:
        amount = (source.values or {}).get(name)
        if amount:
            rows.append((t(MESSAGES, "spending", lang, label=pick(label, lang)), yuan(amount, lang)))
    shown_margin = f"{budget.margin_percent.normalize():f}"
    rows += [
        (t(capacity.MESSAGES, "essentials", lang), _money(data["essentials"], lang)),
        (t(capacity.MESSAGES, "other_debts", lang), _money(data["other_debts"], lang)),
        (t(capacity.MESSAGES, "surplus_row", lang), _money(data["surplus"], lang)),
        (t(capacity.MESSAGES, "margin", lang, p=shown_margin), _money(data["margin"], lang)),
        (t(capacity.MESSAGES, "safe_row", lang), _money(data["safe_amount"], lang)),
    ]
    if data.get("current_due") is not None:
        rows.append((t(MESSAGES, "current_due", lang), _money(data["current_due"], lang)))
    html = (
        paragraph(t(MESSAGES, "budget_intro", lang))
        + _two_columns(rows, lang)
        + paragraph(
            t(MESSAGES, "offer", lang, amount=_money(data["safe_amount"], lang)), "calc-pack-key calc-verdict"
        )
    )
    return html, data


def _chosen_option(options: list[dict[str, Any]], wanted: str, message: Source) -> tuple[dict[str, Any], str]:
    """The option the pack shows, and why: the one chosen, else the one carried into the message,
    else the one that fits the budget, else the first."""
    by_key = {option["key"]: option for option in options}
    if wanted != "auto":
        if wanted in by_key:
            return by_key[wanted], "why_chosen"
        fallback, _ = _chosen_option(options, "auto", message)
        return fallback, "not_offered"
    carried = (message.values or {}).get("option") if message.state == "ok" else None
    if carried in by_key:
        return by_key[carried], "why_message"
    if "fits_budget" in by_key:
        return by_key["fits_budget"], "why_fits"
    return options[0], "why_first"


def _plan_part(source: Source, message: Source, wanted: str, lang: str) -> tuple[str, dict[str, Any]]:
    """The debts and one option's figures, from the plan calculator's own data."""
    result = source.result
    assert result is not None
    data = dict(result.data)
    options = result.later["options"]()
    debts = table(
        [t(MESSAGES, k, lang) for k in ("debt", "owed", "monthly_rate", "apr")],
        [
            (
                debt["name"],
                _money(debt["amount"], lang),
                f"{debt['monthly_rate_percent']}%",
                f"{debt['apr_nominal']}%",
            )
            for debt in data["debts"]
        ],
        css="calc-table calc-pack-table",
    )
    totals = _two_columns(
        [
            (t(MESSAGES, "total_owed", lang), _money(data["owed"], lang)),
            (t(MESSAGES, "can_pay", lang), _money(data["budget"], lang)),
        ],
        lang,
    )
    option, why = _chosen_option(options, wanted, message)
    figures: list[tuple[str, str]] = []
    if option["pause_months"]:
        figures.append(
            (t(MESSAGES, "pause_months", lang), t(MESSAGES, "n_months", lang, n=option["pause_months"]))
        )
    first_label = "pay_after_pause" if option["pause_months"] else "pay_first"
    figures.append((t(MESSAGES, first_label, lang), _money(option["monthly_payment_first"], lang)))
    if option["monthly_payment_last"] != option["monthly_payment_first"]:
        figures.append((t(MESSAGES, "pay_last", lang), _money(option["monthly_payment_last"], lang)))
    figures += [
        (t(MESSAGES, "months", lang), t(MESSAGES, "n_months", lang, n=option["months"])),
        (t(MESSAGES, "total_paid", lang), _money(option["total_paid"], lang)),
        (t(MESSAGES, "total_interest", lang), _money(option["total_interest"], lang)),
        (t(MESSAGES, "apr", lang), f"{option['apr_nominal']}%"),
    ]
    if data.get("first_due"):
        figures.append(
            (t(MESSAGES, "first_due", lang), date_name(date.fromisoformat(data["first_due"]), lang))
        )
    if option.get("payoff_date"):
        figures.append(
            (t(MESSAGES, "paid_off", lang), month_name(date.fromisoformat(option["payoff_date"]), lang))
        )
    html = (
        debts
        + totals
        + heading(t(MESSAGES, "option_heading", lang, title=option["title"]), 4)
        + paragraph(t(MESSAGES, why, lang), "calc-note")
        + _two_columns(figures, lang, "value")
    )
    chosen = {key: value for key, value in option.items() if key != "schedule"}
    return html, {**data, "option": chosen, "option_reason": why}


def _message_part(source: Source, kind: str, lang: str) -> tuple[str, dict[str, Any]]:
    """The written request (or the chat message), as the message calculator wrote it."""
    assert source.result is not None
    data = source.result.data
    text = data[kind]
    text_lang = f' lang="{esc(data["message_lang"])}"' if data["message_lang"] != lang else ""
    html = (
        f'<pre class="calc-copy-text calc-pack-text" id="calc-pack-{kind}"{text_lang}>{esc(text)}</pre>'
        f'<button type="button" class="calc-copy md-button" data-copy="calc-pack-{kind}">'
        f"{esc(pick(UI['copy'], lang))}</button>"
    )
    html += paragraph(t(MESSAGES, "check_brackets", lang), "calc-note")
    return html, {"kind": kind, "lang": data["message_lang"], "text": text}


def _agreement_part(source: Source, lang: str) -> tuple[str, dict[str, Any]]:
    """The agreed terms and every due date, from the agreement calculator's own data."""
    assert source.result is not None
    data = {key: value for key, value in source.result.data.items() if key not in ("ics", "request")}
    rows = [
        (t(MESSAGES, "agreed_amount", lang), _money(data["amount"], lang)),
        (t(MESSAGES, "agreed_count", lang), str(data["count"])),
    ]
    if data["last_amount"] != data["amount"]:
        rows.append((t(MESSAGES, "agreed_last", lang), _money(data["last_amount"], lang)))
    rows += [
        (t(MESSAGES, "agreed_total", lang), _money(data["total"], lang)),
        (t(MESSAGES, "agreed_first", lang), date_name(date.fromisoformat(data["first_due"]), lang)),
        (t(MESSAGES, "agreed_end", lang), date_name(date.fromisoformat(data["debt_free"]), lang)),
    ]
    dates = table(
        [t(MESSAGES, k, lang) for k in ("number", "due", "amount", "remaining")],
        (
            (
                payment["number"],
                date_name(date.fromisoformat(payment["due"]), lang),
                _money(payment["amount"], lang),
                _money(payment["remaining"], lang),
            )
            for payment in data["payments"]
        ),
        css="calc-table calc-pack-table calc-by-month",
        row_name=lambda n: t(MESSAGES, "number_name", lang, n=n),
    )
    html = _two_columns(rows, lang, "value") + heading(t(MESSAGES, "dates", lang), 4) + dates
    return html, data


def _checklist_part(source: Source, lang: str) -> tuple[str, dict[str, Any]]:
    """What is gathered and what is not, and the goals, from the checklist's own result."""
    from . import prepare

    assert source.result is not None
    data = dict(source.result.data)
    missing = set(data["missing"])
    items = [
        t(MESSAGES, "have_not" if item.key in missing else "have", lang, label=pick(item.label, lang))
        for item in prepare.ITEMS
    ]
    html = paragraph(t(MESSAGES, "gathered", lang, done=data["gathered"], total=data["total"])) + bullet_list(
        items
    )
    goals = [pick(g.label, lang) for g in GOALS if g.key in data["goals"]]
    if goals:
        html += paragraph(
            t(
                MESSAGES,
                "goals",
                lang,
                goals="、".join(goals) if written_lang(lang) == "zh" else "; ".join(goals),
            )
        )
    return html, data


def _steps_part(sources: dict[str, Source], lang: str) -> tuple[str, dict[str, Any]]:
    """What to do next, from what the pack holds: the first steps not yet done, then the rest."""
    todo = [
        key
        for key, name in (("step_budget", "capacity"), ("step_plan", "plan"), ("step_message", "message"))
        if sources[name].state != "ok"
    ]
    if sources["agreement"].state == "ok":
        todo.append("step_keep")
    else:
        todo += ["step_contact", "step_confirm"]
    todo.append("step_never_pay")
    return ordered_list(t(MESSAGES, key, lang) for key in todo), {"steps": todo}


# --- The pack -----------------------------------------------------------------------------------


def _part(part: str, title: str, body: str) -> str:
    """One part of the pack under its heading (the stylesheet starts each printed part on a new page
    when it would not fit)."""
    return f'<section class="calc-pack-part" data-pack-part="{part}">{heading(title, 3)}{body}</section>'


def calculate(values: dict[str, Any], lang: str) -> Result:
    """Each chosen part from its calculator's own answer (or a note saying where to fill it in),
    a print button, and the same figures as data."""
    sources = {name: read_source(name, values.get(source_field(name)), lang) for name in PACK_SOURCES}
    chosen = [part for part in PARTS if values.get(f"include_{part}")]
    kind = values.get("message_text") or "letter"
    html = [
        '<div class="calc-pack-print">'
        f'<button type="button" class="calc-print md-button md-button--primary">{esc(t(MESSAGES, "print", lang))}</button>'
        f"{paragraph(t(MESSAGES, 'print_hint', lang), 'calc-hint')}</div>",
        f'<p class="calc-pack-title">{esc(t(MESSAGES, "title", lang))}</p>',
    ]
    data: dict[str, Any] = {
        "parts": chosen,
        "sources": {name: source.state for name, source in sources.items()},
    }
    if not chosen:
        html.append(paragraph(t(MESSAGES, "nothing", lang), "calc-pack-missing"))
    for part in chosen:
        title = t(MESSAGES, kind if part == "message" else part, lang)
        if part == "steps":
            body, data[part] = _steps_part(sources, lang)
            html.append(_part(part, title, body))
            continue
        source = sources[PART_SOURCE[part]]
        if source.state != "ok":
            data[part] = None
            html.append(_part(part, title, _not_ready(source, lang)))
            continue
        if part == "budget":
            body, data[part] = _budget_part(source, lang)
        elif part == "plan":
            body, data[part] = _plan_part(source, sources["message"], values["option"] or "auto", lang)
        elif part == "message":
            body, data[part] = _message_part(source, kind, lang)
        elif part == "agreement":
            body, data[part] = _agreement_part(source, lang)
        else:
            body, data[part] = _checklist_part(source, lang)
        html.append(_part(part, title, body))
    return Result(html="".join(html), data=data)


CALCULATOR = Calculator(
    name="pack",
    title={"zh": "我的还款材料包", "en": "My repayment pack"},
    intro={
        "zh": "材料包由你在其他计算器里填写的内容生成，不用重新填写。选择要放进去的部分，然后打印或存为 PDF，"
        "和贷款机构沟通时带上。",
        "en": "Your pack is made from what you entered in the other calculators; nothing to type again. Choose "
        "the parts to include, then print it or save it as a PDF to have with you when you talk to the lender.",
    },
    fields=FIELDS,
    calculate=calculate,
    page=PACK_PAGE,
    submit={"zh": "更新材料包", "en": "Update my pack"},
    features=frozenset({"share"}),
    sources=PACK_SOURCES,
)
