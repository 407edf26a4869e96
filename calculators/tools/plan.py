"""Repayment plans (section 2.2): compare the options a reader can propose to the lender.

Each debt's rate becomes a monthly rate ``r`` (:func:`calculators.debts.monthly_rate`: annual
/ 12, daily x 365 / 12, monthly, or the IRR of a flat fee). Every option applies the chosen
method to each debt and adds the schedules month by month (:mod:`calculators.plans`):

- ``current``: the remaining months the reader entered, at the stated rates;
- ``longer_term``: 12 to 60 months;
- ``reduced_interest``: the longer term with every rate cut by the reader's proposed percentage;
- ``pause``: ``p`` months with nothing paid (interest added to the balance), then a term;
- ``fits_budget``: the shortest term (up to 600 months) whose highest payment is within the budget.

Per option: first, last and highest payment, months, total paid, total interest, the nominal
annualized rate ``12 x IRR(-owed, payments)``, the month it is paid off, and whether it fits.
Worked case: 10,000 at 18% a year (1.5% a month) over 12 months, equal installment: 916.80 a
month, the last 916.81, total interest 1,001.61, 18.00% nominal.

With several debts, paying the whole budget each month with the extra going to the highest
rate first (avalanche) or the smallest balance first (snowball) is compared
(:func:`calculators.debts.pay_down`). If the budget does not exceed this month's interest the
debts can never be repaid; the page says so and what payment would repay them in 60 months.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from ..base import Calculator, Result
from ..chart import balance_chart
from ..debts import (
    MAX_MONTHS,
    Debt,
    Payoff,
    avalanche_order,
    monthly_interest,
    monthly_rate,
    pay_down,
    snowball_order,
)
from ..fields import Choice, Field, FieldErrors, Group
from ..i18n import Text, pick, t
from ..markup import carry_button, definition_list, esc, heading, paragraph, table
from ..money import ZERO, display_money, money_str, percent_str
from ..plans import Plan, build_plan, shortest_fitting

NEEDED_TERM = 60
"""The term used to say what payment would repay debts that the budget never repays."""

MESSAGES: dict[str, Text] = {
    # Options
    "current": {"zh": "现在的约定：{n} 个月", "en": "Current terms: {n} months"},
    "longer_term": {"zh": "延长期限：{n} 个月", "en": "Longer term: {n} months"},
    "reduced_interest": {"zh": "利息减少 {p}%：{n} 个月", "en": "Interest cut by {p}%: {n} months"},
    "waived": {"zh": "免除利息：{n} 个月", "en": "Interest waived: {n} months"},
    "pause": {"zh": "先暂停 {p} 个月，再分 {n} 个月", "en": "Pause {p} months, then {n} months"},
    "fits_budget": {"zh": "符合我的预算：{n} 个月", "en": "Fits my budget: {n} months"},
    # Figures
    "first": {"zh": "首期月供", "en": "First monthly payment"},
    "first_after_pause": {"zh": "暂停结束后的首期月供", "en": "First payment after the pause"},
    "last": {"zh": "最后一期", "en": "Last payment"},
    "highest": {"zh": "最高一期", "en": "Highest payment"},
    "months": {"zh": "期数（月）", "en": "Months"},
    "total_paid": {"zh": "总共还款", "en": "Total paid"},
    "total_interest": {"zh": "总利息", "en": "Total interest"},
    "apr": {"zh": "名义年化利率", "en": "Nominal annualized rate"},
    "payoff": {"zh": "还清", "en": "Paid off"},
    "payoff_value": {"zh": "第 {n} 个月", "en": "in month {n}"},
    "fits": {"zh": "在预算之内？", "en": "Within your budget?"},
    "yes": {"zh": "是", "en": "Yes"},
    "no": {"zh": "否", "en": "No"},
    "no_over": {"zh": "否，最高一期超出 {over} 元", "en": "No, the highest payment is {over} over"},
    "method_label": {"zh": "还款方式", "en": "Method"},
    "option": {"zh": "方案", "en": "Option"},
    "use_in_message": {"zh": "用这个方案写协商信息", "en": "Use this in my message"},
    "use_avalanche": {"zh": "用“先还利率最高的”写协商信息", "en": "Use highest rate first in my message"},
    "use_snowball": {"zh": "用“先还余额最小的”写协商信息", "en": "Use smallest balance first in my message"},
    # Sections
    "compare": {"zh": "方案对比", "en": "The options side by side"},
    "details": {"zh": "各方案详情", "en": "Each option in detail"},
    "schedules": {"zh": "逐月还款明细", "en": "Month-by-month schedules"},
    "schedule_of": {"zh": "逐月明细：{title}", "en": "Month by month: {title}"},
    "period": {"zh": "期", "en": "Month"},
    "payment": {"zh": "还款", "en": "Payment"},
    "principal": {"zh": "本金", "en": "Principal"},
    "interest": {"zh": "利息", "en": "Interest"},
    "balance": {"zh": "剩余欠款", "en": "Balance"},
    "your_debts": {"zh": "你的债务", "en": "Your debts"},
    "debt": {"zh": "债务", "en": "Debt"},
    "owed": {"zh": "现在欠款", "en": "Owed now"},
    "monthly_rate": {"zh": "月利率", "en": "Monthly rate"},
    "annual_rate": {"zh": "年化（名义）", "en": "Annual (nominal)"},
    "total_row": {"zh": "合计", "en": "Total"},
    "debt_n": {"zh": "债务 {n}", "en": "Debt {n}"},
    "notes": {"zh": "说明", "en": "Notes"},
    # Verdicts
    "never": {
        "zh": "按每月 {budget} 元，欠款永远还不完：这个月光利息就有 {interest} 元。每月还款超过 {interest} 元，"
        "欠款才会开始减少；要在 {term} 个月内还清（等额本息），每月需要 {needed} 元。"
        "如果做不到，可以请求减免或停止计息，或者先暂停还款——下面列出了这些方案的数字。",
        "en": "At {budget} a month the debts would never be repaid: this month's interest alone is {interest}. "
        "Only payments above {interest} a month start to reduce what you owe; to be debt-free in {term} months "
        "(equal installments) you would need {needed} a month. If that is out of reach, ask for the interest to "
        "be reduced or stopped, or for a pause first; the options below show the figures.",
    },
    "too_long": {
        "zh": "按每月 {budget} 元，600 个月（50 年）内都还不完。要在 {term} 个月内还清（等额本息），每月需要 {needed} 元。",
        "en": "At {budget} a month the debts would take more than 600 months (50 years) to repay. To be debt-free "
        "in {term} months (equal installments) you would need {needed} a month.",
    },
    "fit_found": {
        "zh": "你每月能还 {budget} 元：按{method}，最短 {n} 个月可以还清，首期 {payment} 元，每期都不超过预算。",
        "en": "You can pay {budget} a month: with {method}, the shortest term that keeps every payment within "
        "it is {n} months, starting at {payment} a month.",
    },
    "fit_fallback": {
        "zh": "按{chosen}，最后一期要还清全部本金，没有哪个期限能让每期都不超过预算；所以“符合我的预算”改用等额本息计算。",
        "en": "With {chosen} the last payment repays the whole amount, so no term keeps every payment within "
        "your budget; the “fits my budget” option therefore uses equal installments.",
    },
    "within": {"zh": "在预算之内的方案：{names}。", "en": "Options within your budget: {names}."},
    "none_within": {
        "zh": "以上方案都超出了你每月能还的金额。",
        "en": "None of these options stays within what you can pay each month.",
    },
    "list_sep": {"zh": "、", "en": "; "},
    # Several debts
    "strategies": {"zh": "多笔债务：先还哪一笔", "en": "Several debts: which to pay first"},
    "strategy_model": {
        "zh": "假设每月把 {budget} 元全部用来还债：先付每笔债务当月的利息，剩下的钱集中还一笔，还清后再还下一笔。",
        "en": "This assumes you pay {budget} every month in all: each debt's interest first, then everything "
        "left to one debt at a time until it is cleared.",
    },
    "avalanche": {"zh": "先还利率最高的（雪崩法）", "en": "Highest rate first (avalanche)"},
    "snowball": {"zh": "先还余额最小的（雪球法）", "en": "Smallest balance first (snowball)"},
    "strategy": {"zh": "顺序", "en": "Order"},
    "order": {"zh": "还款顺序", "en": "Order of repayment"},
    "debt_free": {"zh": "还清用时", "en": "Debt-free after"},
    "n_months": {"zh": "{n} 个月", "en": "{n} months"},
    "over_limit": {"zh": "超过 600 个月", "en": "more than 600 months"},
    "order_sep": {"zh": " → ", "en": " → "},
    "saves_sooner": {
        "zh": "先还利率最高的，可以少付 {interest} 元利息，并提前 {months} 个月还清。",
        "en": "Paying the highest rate first saves {interest} in interest and clears everything {months} "
        "month(s) sooner.",
    },
    "saves_same": {
        "zh": "先还利率最高的，可以少付 {interest} 元利息，用时相同。",
        "en": "Paying the highest rate first saves {interest} in interest, in the same number of months.",
    },
    "same_result": {
        "zh": "在这里两种顺序的结果相同。",
        "en": "Here both orders give the same result.",
    },
    "first_cleared": {
        "zh": "先还余额最小的，第一笔债务在第 {snow} 个月还清（先还利率最高的：第 {aval} 个月），有些人觉得这样更有动力。",
        "en": "Paying the smallest balance first clears the first debt in month {snow} (highest rate first: month "
        "{aval}); some people find that encouraging.",
    },
    # Notes
    "note_rates": {
        "zh": "利率都换算成月利率：年利率 ÷ 12；日利率 × 365 ÷ 12（按一年 365 天计算）；"
        "分期总手续费按现金流的内部收益率换算。",
        "en": "Every rate is turned into a monthly rate: an annual rate ÷ 12; a daily rate × 365 ÷ 12 (a 365-day "
        "year is assumed); a total installment fee by the internal rate of return of its payments.",
    },
    "note_current": {
        "zh": "“现在的约定”按你填写的还款方式和利率、剩余 {n} 个月计算；请与 App 里的还款计划核对。",
        "en": "“Current terms” uses the method and rates you entered over the {n} months left; check it against "
        "the schedule in your app.",
    },
    "note_pause": {
        "zh": "暂停期间，这里假设利息仍按你填写的利率计算并加进欠款（明细里的本金显示为负数）。"
        "出借方实际怎么计息、是否另收罚息，请向对方确认；这里不做猜测。",
        "en": "During a pause we assume interest is still charged at the rate you entered and added to what you "
        "owe (the schedule shows it as negative principal). Ask the lender how they would charge interest and "
        "whether penalties apply; we do not guess.",
    },
    "note_reduced": {
        "zh": "利息减少的比例是你提出的方案，不代表出借方会同意；它和“延长期限”用同样的期数，方便对比。",
        "en": "The interest cut is your proposal, not something the lender has agreed to; it uses the same term "
        "as the longer-term option so the two compare directly.",
    },
    "note_overdue": {
        "zh": "“{name}”已逾期 {days} 天：请填写 App 里显示的当前欠款（含已产生的逾期利息）。逾期后的利率可能不同，"
        "请查看合同；这里按你填写的利率计算。",
        "en": "“{name}” is {days} days overdue: enter what the app shows you owe now, including overdue interest "
        "already charged. The rate after falling overdue may differ (see your contract); these figures use the "
        "rate you entered.",
    },
    "note_apr": {
        "zh": "名义年化利率 = 12 × 让各期还款的现值等于欠款的月利率（内部收益率）。",
        "en": "Nominal annualized rate = 12 × the monthly rate at which the payments are worth exactly what you "
        "owe (their internal rate of return).",
    },
    "note_rounding": {
        "zh": "每期还款和利息都四舍五入到分，最后一期付清剩余本金和利息，所以最后一期可能差几分钱。"
        "这些是估算，请以 App 里的账单为准。",
        "en": "Payments and interest are rounded to the fen and the last payment clears what remains, so it may "
        "differ by a few fen. These are estimates: your bill in the app is what counts.",
    },
    # Errors
    "budget_zero": {
        "zh": "每月能还的金额必须大于 0。如果现在一分钱都还不了，请先向出借方申请暂停还款（见 2.1 的计算器）。",
        "en": "The monthly amount must be more than 0. If you can pay nothing now, ask the lender for a pause "
        "first (see the calculator in 2.1).",
    },
    "daily_too_high": {
        "zh": "日利率太高（上限 10%/天）。日利率通常很小，例如 0.05。",
        "en": "That daily rate is too high (the limit is 10% a day). Daily rates are small, for example 0.05.",
    },
    "reduction_too_high": {
        "zh": "减少的比例最多 100%（100 表示免除全部利息）。",
        "en": "The cut can be at most 100% (100 waives all the interest).",
    },
    "monthly_too_high": {
        "zh": "月利率太高（上限 100%/月），请检查输入。",
        "en": "That monthly rate is too high (the limit is 100% a month). Please check it.",
    },
}

METHOD_CHOICES = (
    Choice("equal_installment", {"zh": "等额本息（每期还款额相同）", "en": "Equal installments (等额本息)"}),
    Choice("equal_principal", {"zh": "等额本金（每期本金相同）", "en": "Equal principal (等额本金)"}),
    Choice("interest_first", {"zh": "先息后本（最后一期还本金）", "en": "Interest first (先息后本)"}),
)
METHOD_NAMES: dict[str, Text] = {
    "equal_installment": {"zh": "等额本息", "en": "equal installments"},
    "equal_principal": {"zh": "等额本金", "en": "equal principal"},
    "interest_first": {"zh": "先息后本", "en": "interest first"},
}
TERM_CHOICES = tuple(Choice(str(n), {"zh": f"{n} 个月", "en": f"{n} months"}) for n in (12, 24, 36, 48, 60))
RATE_LIMITS = {"daily": (Decimal(10), "daily_too_high"), "monthly": (Decimal(100), "monthly_too_high")}

DEBT_FIELDS = (
    Field(
        "name",
        "text",
        {"zh": "名称", "en": "Name"},
        hint={"zh": "例如 花呗、借呗（可不填）", "en": "For example Huabei or Jiebei (optional)"},
        required=False,
        max_length=30,
    ),
    Field(
        "amount",
        "money",
        {"zh": "现在欠款", "en": "Owed now"},
        hint={
            "zh": "App 里显示的待还金额，包括已产生的利息。",
            "en": "What the app shows you owe now, including interest already charged.",
        },
        unit={"zh": "元", "en": "yuan"},
    ),
    Field(
        "rate_kind",
        "choice",
        {"zh": "利率的形式", "en": "The rate is"},
        choices=(
            Choice("annual", {"zh": "年利率（年化）", "en": "An annual rate"}),
            Choice("daily", {"zh": "日利率", "en": "A daily rate"}),
            Choice("monthly", {"zh": "月利率", "en": "A monthly rate"}),
            Choice("fee", {"zh": "分期总手续费率", "en": "A total installment fee"}),
        ),
        default="annual",
    ),
    Field(
        "rate",
        "percent",
        {"zh": "利率", "en": "Rate"},
        hint={
            "zh": "填账单或合同上的数字，例如年化 18 或日利率 0.05。",
            "en": "As on your bill or contract, for example 18 for 18% a year or 0.05 for 0.05% a day.",
        },
        unit={"zh": "%", "en": "%"},
        allow_zero=True,
    ),
    Field(
        "fee_periods",
        "whole",
        {"zh": "手续费对应的期数", "en": "Periods the fee covers"},
        hint={"zh": "例如 12 期", "en": "For example 12"},
        unit={"zh": "期", "en": "periods"},
        maximum=MAX_MONTHS,
        show_when=("rate_kind", ("fee",)),
    ),
    Field(
        "overdue_days",
        "whole",
        {"zh": "已逾期天数", "en": "Days overdue"},
        hint={"zh": "没有逾期就不填", "en": "Leave empty if not overdue"},
        unit={"zh": "天", "en": "days"},
        required=False,
        minimum=0,
        maximum=3650,
    ),
)

FIELDS = (
    Group(
        "debts",
        {"zh": "你的债务", "en": "Your debts"},
        DEBT_FIELDS,
        row_label={"zh": "第 {n} 笔债务", "en": "Debt {n}"},
        add_label={"zh": "再加一笔债务", "en": "Add a debt"},
        max_rows=10,
    ),
    Field(
        "budget",
        "money",
        {"zh": "每月能还多少", "en": "What you can pay each month"},
        hint={
            "zh": "所有债务加起来每月能还的金额，可以用 2.1 的计算器算出来。",
            "en": "For all these debts together; the calculator in 2.1 can work it out.",
        },
        unit={"zh": "元/月", "en": "yuan a month"},
        allow_zero=True,
    ),
    Field(
        "method",
        "choice",
        {"zh": "还款方式", "en": "Method"},
        choices=METHOD_CHOICES,
        default="equal_installment",
    ),
    Field(
        "current_months",
        "whole",
        {"zh": "现在还剩几个月", "en": "Months left on the current terms"},
        hint={
            "zh": "按现在的约定还要还几个月（1 到 600）；不填就不显示这个方案。",
            "en": "How many months are left as things stand (1 to 600); leave empty to skip this option.",
        },
        unit={"zh": "个月", "en": "months"},
        required=False,
        maximum=MAX_MONTHS,
    ),
    Field(
        "longer_term",
        "choice",
        {"zh": "延长到", "en": "A longer term of"},
        choices=TERM_CHOICES,
        default="36",
    ),
    Field(
        "reduction",
        "percent",
        {"zh": "请求减少利息", "en": "Ask for interest to be cut by"},
        hint={
            "zh": "你打算提出的比例，100 表示免除利息；不填或 0 就不显示这个方案。",
            "en": "The cut you plan to propose; 100 waives the interest. Leave empty or 0 to skip this option.",
        },
        unit={"zh": "%", "en": "%"},
        required=False,
        allow_zero=True,
        default="50",
    ),
    Field(
        "pause_months",
        "whole",
        {"zh": "先暂停还款几个月", "en": "Pause payments for"},
        hint={
            "zh": "0 到 12 个月；不填或 0 就不显示这个方案。",
            "en": "0 to 12 months; leave empty or 0 to skip this option.",
        },
        unit={"zh": "个月", "en": "months"},
        required=False,
        minimum=0,
        maximum=12,
    ),
    Field(
        "pause_then_term",
        "choice",
        {"zh": "暂停后分几个月还", "en": "Then repay over"},
        choices=TERM_CHOICES,
        default="36",
    ),
)


def _check(values: dict[str, Any], lang: str) -> None:
    """Limits that depend on other fields (a rate's kind) or that the shared reader words wrongly."""
    errors: dict[str, str] = {}
    if values["budget"] == 0:
        errors["budget"] = t(MESSAGES, "budget_zero", lang)
    if values["reduction"] is not None and values["reduction"] > 100:
        errors["reduction"] = t(MESSAGES, "reduction_too_high", lang)
    for index, row in enumerate(values["debts"]):
        limit = RATE_LIMITS.get(row["rate_kind"])
        if limit and row["rate"] > limit[0]:
            errors[f"debts.{index}.rate"] = t(MESSAGES, limit[1], lang)
    if errors:
        raise FieldErrors(errors)


def _debts(values: dict[str, Any], lang: str) -> list[Debt]:
    """The debts with their monthly rates (unnamed ones are called "Debt 1", "Debt 2", ...)."""
    return [
        Debt(
            row["name"] or t(MESSAGES, "debt_n", lang, n=index),
            row["amount"],
            monthly_rate(row["rate_kind"], row["rate"], row["fee_periods"]),
        )
        for index, row in enumerate(values["debts"], 1)
    ]


def _title(plan: Plan, lang: str) -> str:
    if plan.key == "reduced_interest":
        if plan.reduction >= 100:
            return t(MESSAGES, "waived", lang, n=plan.term)
        return t(MESSAGES, "reduced_interest", lang, p=f"{plan.reduction.normalize():f}", n=plan.term)
    return t(MESSAGES, plan.key, lang, n=plan.term, p=plan.pause)


def _options(values: dict[str, Any], debts: Sequence[Debt], budget: Decimal) -> tuple[list[Plan], bool]:
    """The options to compare, and whether "fits my budget" had to fall back to equal installments."""
    method = values["method"]
    plans = []
    if values["current_months"]:
        plans.append(build_plan("current", debts, method, values["current_months"]))
    longer = int(values["longer_term"])
    plans.append(build_plan("longer_term", debts, method, longer))
    if values["reduction"]:
        plans.append(build_plan("reduced_interest", debts, method, longer, reduction=values["reduction"]))
    if values["pause_months"]:
        term = int(values["pause_then_term"])
        plans.append(build_plan("pause", debts, method, term, pause=values["pause_months"]))
    fallback = False
    fit = shortest_fitting(debts, method, budget)
    if fit is None and method != "equal_installment":
        fit = shortest_fitting(debts, "equal_installment", budget)
        fallback = fit is not None
    if fit is not None:
        plans.append(fit)
    return plans, fallback


def _option_data(plan: Plan, budget: Decimal, lang: str) -> dict[str, Any]:
    return {
        "key": plan.key,
        "title": _title(plan, lang),
        "method": plan.method,
        "term_months": plan.term,
        "pause_months": plan.pause,
        "reduction_percent": f"{plan.reduction:.2f}",
        "monthly_payment_first": money_str(plan.first_payment),
        "monthly_payment_last": money_str(plan.last_payment),
        "monthly_payment_max": money_str(plan.highest_payment),
        "months": plan.months,
        "payoff_month": plan.payoff_month,
        "total_paid": money_str(plan.total_paid),
        "total_interest": money_str(plan.total_interest),
        "apr_nominal": percent_str(plan.apr_nominal),
        "fits_budget": plan.fits(budget),
        "schedule": [
            {
                "period": period,
                "payment": str(payment),
                "principal": str(payment - interest),
                "interest": str(interest),
                "balance": str(balance),
            }
            for period, (payment, interest, balance) in enumerate(
                zip(plan.payments, plan.interest, plan.balances, strict=True), 1
            )
        ],
    }


def _strategies(debts: Sequence[Debt], budget: Decimal) -> tuple[Payoff, Payoff] | None:
    if len(debts) < 2 or budget <= monthly_interest(debts):
        return None
    return pay_down(debts, budget, avalanche_order(debts)), pay_down(debts, budget, snowball_order(debts))


def _strategy_data(payoff: Payoff, debts: Sequence[Debt]) -> dict[str, Any]:
    return {
        "order": [debts[i].name for i in payoff.order],
        "months": payoff.months,
        "total_interest": money_str(payoff.total_interest),
        "total_paid": money_str(payoff.total_paid),
    }


def _months_text(months: int | None, lang: str) -> str:
    return t(MESSAGES, "n_months", lang, n=months) if months is not None else t(MESSAGES, "over_limit", lang)


def _strategies_html(pair: tuple[Payoff, Payoff], debts: Sequence[Debt], budget: Decimal, lang: str) -> str:
    avalanche, snowball = pair
    sep = t(MESSAGES, "order_sep", lang)
    rows = [
        [
            t(MESSAGES, key, lang),
            sep.join(debts[i].name for i in payoff.order),
            _months_text(payoff.months, lang),
            display_money(payoff.total_interest),
        ]
        for key, payoff in (("avalanche", avalanche), ("snowball", snowball))
    ]
    headers = [t(MESSAGES, k, lang) for k in ("strategy", "order", "debt_free", "total_interest")]
    parts = [
        heading(t(MESSAGES, "strategies", lang)),
        paragraph(t(MESSAGES, "strategy_model", lang, budget=display_money(budget))),
        table(headers, rows),
    ]
    if avalanche.months is not None and snowball.months is not None:
        saved = snowball.total_interest - avalanche.total_interest
        sooner = snowball.months - avalanche.months
        if saved == 0 and sooner == 0:
            parts.append(paragraph(t(MESSAGES, "same_result", lang)))
        elif sooner > 0:
            parts.append(
                paragraph(t(MESSAGES, "saves_sooner", lang, interest=display_money(saved), months=sooner))
            )
        else:
            parts.append(paragraph(t(MESSAGES, "saves_same", lang, interest=display_money(saved))))
        first_snow = min(m for m in snowball.cleared if m is not None)
        first_aval = min(m for m in avalanche.cleared if m is not None)
        if first_snow < first_aval:
            parts.append(paragraph(t(MESSAGES, "first_cleared", lang, snow=first_snow, aval=first_aval)))
    owed = sum((debt.amount for debt in debts), ZERO)
    parts.extend(
        carry_button(
            t(MESSAGES, f"use_{key}", lang),
            "message",
            "5-communicate",
            {
                "amount_owed": money_str(owed),
                "monthly_offer": money_str(budget),
                "months": payoff.months,
                "option": key,
            },
        )
        for key, payoff in (("avalanche", avalanche), ("snowball", snowball))
        if payoff.months is not None
    )
    return f'<section class="calc-strategies">{"".join(parts)}</section>'


def _card(plan: Plan, title: str, budget: Decimal, method: str, lang: str) -> str:
    fits = plan.fits(budget)
    verdict = (
        t(MESSAGES, "yes", lang)
        if fits
        else t(MESSAGES, "no_over", lang, over=display_money(plan.highest_payment - budget))
    )
    first_label = "first_after_pause" if plan.pause else "first"
    figures = [
        (t(MESSAGES, first_label, lang), display_money(plan.first_payment)),
        (t(MESSAGES, "last", lang), display_money(plan.last_payment)),
        (t(MESSAGES, "highest", lang), display_money(plan.highest_payment)),
        (t(MESSAGES, "months", lang), str(plan.months)),
        (t(MESSAGES, "total_paid", lang), display_money(plan.total_paid)),
        (t(MESSAGES, "total_interest", lang), display_money(plan.total_interest)),
        (t(MESSAGES, "apr", lang), f"{percent_str(plan.apr_nominal)}%"),
        (t(MESSAGES, "fits", lang), verdict),
    ]
    if plan.payoff_month != plan.months:
        figures.insert(
            4, (t(MESSAGES, "payoff", lang), t(MESSAGES, "payoff_value", lang, n=plan.payoff_month))
        )
    if plan.method != method:
        figures.insert(0, (t(MESSAGES, "method_label", lang), pick(METHOD_NAMES[plan.method], lang)))
    button = carry_button(
        t(MESSAGES, "use_in_message", lang),
        "message",
        "5-communicate",
        {
            "amount_owed": money_str(plan.owed),
            "monthly_offer": money_str(plan.first_payment),
            "months": plan.months,
            "method": plan.method,
            "option": plan.key,
        },
    )
    css = "calc-option calc-option-fits" if fits else "calc-option"
    return f'<section class="{css}" data-option="{esc(plan.key)}">{heading(title, 5)}{definition_list(figures, "calc-figures calc-figures-compact")}{button}</section>'


def _schedule_table(plan: Plan, lang: str) -> str:
    headers = [t(MESSAGES, k, lang) for k in ("period", "payment", "principal", "interest", "balance")]
    body = "".join(
        f"<tr><td>{period}</td><td>{payment:,.2f}</td><td>{payment - interest:,.2f}</td>"
        f"<td>{interest:,.2f}</td><td>{balance:,.2f}</td></tr>"
        for period, (payment, interest, balance) in enumerate(
            zip(plan.payments, plan.interest, plan.balances, strict=True), 1
        )
    )
    head = "".join(f'<th scope="col">{esc(h)}</th>' for h in headers)
    return (
        f'<div class="calc-table-wrap"><table class="calc-table calc-schedule"><thead><tr>{head}</tr></thead>'
        f"<tbody>{body}</tbody></table></div>"
    )


def _csv(plans: Sequence[Plan], titles: Sequence[str], lang: str) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    keys = ("option", "period", "payment", "principal", "interest", "balance")
    writer.writerow([t(MESSAGES, k, lang) for k in keys])
    for plan, title in zip(plans, titles, strict=True):
        writer.writerows(
            (title, period, payment, payment - interest, interest, balance)
            for period, (payment, interest, balance) in enumerate(
                zip(plan.payments, plan.interest, plan.balances, strict=True), 1
            )
        )
    return "\ufeff" + out.getvalue()


def _notes(values: dict[str, Any], debts: Sequence[Debt], fallback: bool, lang: str) -> list[str]:
    notes = [t(MESSAGES, "note_rates", lang)]
    if fallback:
        chosen = pick(METHOD_NAMES[values["method"]], lang)
        notes.append(t(MESSAGES, "fit_fallback", lang, chosen=chosen))
    if values["current_months"]:
        notes.append(t(MESSAGES, "note_current", lang, n=values["current_months"]))
    if values["reduction"]:
        notes.append(t(MESSAGES, "note_reduced", lang))
    if values["pause_months"]:
        notes.append(t(MESSAGES, "note_pause", lang))
    for debt, row in zip(debts, values["debts"], strict=True):
        if row["overdue_days"]:
            notes.append(t(MESSAGES, "note_overdue", lang, name=debt.name, days=row["overdue_days"]))
    notes.append(t(MESSAGES, "note_apr", lang))
    notes.append(t(MESSAGES, "note_rounding", lang))
    return notes


def _debts_table(debts: Sequence[Debt], lang: str) -> str:
    rows = [
        [debt.name, display_money(debt.amount), f"{debt.rate * 100:.4f}%", f"{percent_str(debt.rate * 12)}%"]
        for debt in debts
    ]
    if len(debts) > 1:
        total = sum((debt.amount for debt in debts), ZERO)
        rows.append([t(MESSAGES, "total_row", lang), display_money(total), "", ""])
    headers = [t(MESSAGES, k, lang) for k in ("debt", "owed", "monthly_rate", "annual_rate")]
    return table(headers, rows, caption=t(MESSAGES, "your_debts", lang))


def calculate(values: dict[str, Any], lang: str) -> Result:
    """Every option's figures and schedule, the avalanche / snowball comparison, chart and CSV."""
    _check(values, lang)
    budget: Decimal = values["budget"]
    debts = _debts(values, lang)
    method = values["method"]
    owed = sum((debt.amount for debt in debts), ZERO)
    interest_now = monthly_interest(debts)
    plans, fallback = _options(values, debts, budget)
    titles = [_title(plan, lang) for plan in plans]
    fit = next((plan for plan in plans if plan.key == "fits_budget"), None)

    verdicts: list[str] = []
    needed = None
    if fit is None:
        needed = build_plan("needed", debts, "equal_installment", NEEDED_TERM).highest_payment
        key = "never" if budget <= interest_now else "too_long"
        verdicts.append(
            t(
                MESSAGES,
                key,
                lang,
                budget=display_money(budget),
                interest=display_money(interest_now),
                needed=display_money(needed),
                term=NEEDED_TERM,
            )
        )
    else:
        method_name = pick(METHOD_NAMES[fit.method], lang)
        verdicts.append(
            t(
                MESSAGES,
                "fit_found",
                lang,
                budget=display_money(budget),
                method=method_name,
                n=fit.months,
                payment=display_money(fit.first_payment),
            )
        )
    within = [
        title
        for plan, title in zip(plans, titles, strict=True)
        if plan.fits(budget) and plan.key != "fits_budget"
    ]
    if within:
        verdicts.append(t(MESSAGES, "within", lang, names=t(MESSAGES, "list_sep", lang).join(within)))
    elif fit is None:
        verdicts.append(t(MESSAGES, "none_within", lang))

    pair = _strategies(debts, budget)
    compare_rows = [
        [
            title,
            display_money(plan.first_payment),
            str(plan.months),
            display_money(plan.total_interest),
            t(MESSAGES, "yes" if plan.fits(budget) else "no", lang),
        ]
        for plan, title in zip(plans, titles, strict=True)
    ]
    compare_headers = [t(MESSAGES, k, lang) for k in ("option", "first", "months", "total_interest", "fits")]
    html = [
        "".join(paragraph(v, "calc-verdict") for v in verdicts),
        _debts_table(debts, lang),
        heading(t(MESSAGES, "compare", lang)),
        table(compare_headers, compare_rows),
        balance_chart(
            [(title, plan.balances) for plan, title in zip(plans, titles, strict=True)],
            owed,
            lang,
            "calc-plan-chart",
        ),
        heading(t(MESSAGES, "details", lang)),
        '<div class="calc-options">'
        + "".join(_card(plan, title, budget, method, lang) for plan, title in zip(plans, titles, strict=True))
        + "</div>",
    ]
    if pair is not None:
        html.append(_strategies_html(pair, debts, budget, lang))
    html.append(heading(t(MESSAGES, "schedules", lang)))
    html.extend(
        f'<details class="calc-schedule-details"><summary>{esc(t(MESSAGES, "schedule_of", lang, title=title))}'
        f"</summary>{_schedule_table(plan, lang)}</details>"
        for plan, title in zip(plans, titles, strict=True)
    )
    html.append(heading(t(MESSAGES, "notes", lang)))
    html.extend(paragraph(note, "calc-note") for note in _notes(values, debts, fallback, lang))

    data: dict[str, Any] = {
        "owed": money_str(owed),
        "budget": money_str(budget),
        "method": method,
        "monthly_interest_now": money_str(interest_now),
        "never_repaid": budget <= interest_now,
        "needed_payment": money_str(needed) if needed is not None else None,
        "needed_term": NEEDED_TERM,
        "fit_fallback": fallback,
        "debts": [
            {
                "name": debt.name,
                "amount": money_str(debt.amount),
                "monthly_rate_percent": f"{debt.rate * 100:.4f}",
                "apr_nominal": percent_str(debt.rate * 12),
            }
            for debt in debts
        ],
        "options": [_option_data(plan, budget, lang) for plan in plans],
        "strategies": None,
        "csv": _csv(plans, titles, lang),
        "csv_name": "repayment-plan.csv",
    }
    if pair is not None:
        avalanche, snowball = pair
        both = avalanche.months is not None and snowball.months is not None
        data["strategies"] = {
            "avalanche": _strategy_data(avalanche, debts),
            "snowball": _strategy_data(snowball, debts),
            "interest_difference": money_str(snowball.total_interest - avalanche.total_interest)
            if both
            else None,
            "months_difference": snowball.months - avalanche.months if both else None,  # type: ignore[operator]
        }
    return Result(html="".join(html), data=data)


CALCULATOR = Calculator(
    name="plan",
    title={"zh": "还款方案计算器", "en": "Repayment plan calculator"},
    intro={
        "zh": "填写每笔债务和每月能还的金额，对比可以向出借方提出的几种方案：每月还多少、还多久、总共多少利息。",
        "en": "Enter each debt and what you can pay each month, and compare the plans you could propose to the "
        "lender: how much each month, for how long, and how much interest in all.",
    },
    fields=FIELDS,
    calculate=calculate,
    page="2-repayment-capacity",
    features=frozenset({"share", "csv", "print"}),
)
