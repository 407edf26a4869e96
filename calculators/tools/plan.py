"""Repayment plans (section 2.2): compare the options a reader can propose to the lender.

Each debt's rate becomes a monthly rate ``r`` (:func:`calculators.plan.debts.monthly_rate`: annual
/ 12, daily x 365 / 12, monthly, or the IRR of a flat fee). Every option applies the chosen
method to each debt and adds the schedules month by month (:mod:`calculators.plan.plans`; the
options are built in :mod:`calculators.plan.options`):

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
(:func:`calculators.plan.debts.pay_down`). If the budget does not exceed this month's interest the
debts never go down; the page says so and what payment would repay them in 60 months.

This module holds the form, the checks that need several fields and the debts read from it;
:mod:`calculators.plan.render` writes the page, its data and the CSV.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from ..core.i18n import Text, t
from ..core.limits import too_high_message
from ..page.base import Calculator, Result
from ..page.fields import Choice, Field, FieldErrors, Group
from ..plan.debts import MAX_MONTHS, Debt, monthly_rate
from ..plan.options import TermNotAmortizing, build_options
from ..plan.render import later_parts, page_data, page_html

MESSAGES: dict[str, Text] = {
    "debt_n": {"zh": "债务 {n}", "en": "Debt {n}"},
    # Errors
    "not_amortizing": {
        "zh": "按这个金额和利率，分 {months} 个月的等额本息每期还款（四舍五入到分）不超过第一个月的利息：只够付利息，"
        "欠款不会减少。请检查利率，或选择更短的期限。",
        "en": "For this amount at this rate, an equal installment over {months} months (rounded to the fen) is "
        "no more than the first month's interest: it would pay only interest and never reduce what you owe. "
        "Check the rate, or choose a shorter term.",
    },
    "budget_zero": {
        "zh": "每月能还的金额必须大于 0。如果现在一分钱都还不了，请先向贷款机构申请暂停还款（见 2.1 节的计算器）。",
        "en": "The monthly amount needs to be more than 0. If you can't pay anything right now, ask the lender "
        "for a pause first (see the calculator in section 2.1).",
    },
    "reduction_too_high": {
        "zh": "减少的比例最多 100%（100 表示免除全部利息）。",
        "en": "The cut can be at most 100% (100 waives all the interest).",
    },
}

METHOD_CHOICES = (
    Choice("equal_installment", {"zh": "等额本息（每期还款额相同）", "en": "Equal installments (等额本息)"}),
    Choice("equal_principal", {"zh": "等额本金（每期本金相同）", "en": "Equal principal (等额本金)"}),
    Choice("interest_first", {"zh": "先息后本（最后一期还本金）", "en": "Interest first (先息后本)"}),
)
TERM_CHOICES = tuple(Choice(str(n), {"zh": f"{n} 个月", "en": f"{n} months"}) for n in (12, 24, 36, 48, 60))
RATE_FIELD_MAXIMUM = Decimal(100_000)
"""What the reader accepts in the rate field; the real bound, the same ceiling for every kind of
cost, depends on the rate's kind and is checked with it (:mod:`calculators.core.limits`)."""

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
            "en": "The figure on your bill or contract, for example 18 for 18% a year or 0.05 for 0.05% a day.",
        },
        unit={"zh": "%", "en": "%"},
        unit_by=(
            "rate_kind",
            {
                "annual": {"zh": "%/年", "en": "% a year"},
                "daily": {"zh": "%/天", "en": "% a day"},
                "monthly": {"zh": "%/月", "en": "% a month"},
                "fee": {"zh": "%（总计）", "en": "% in all"},
            },
        ),
        allow_zero=True,
        maximum=RATE_FIELD_MAXIMUM,
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
            "zh": "所有债务加起来每月能还的金额，可以用 2.1 节的计算器算出来。",
            "en": "For all these debts together; the calculator in section 2.1 can work it out.",
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
    Field(
        "first_due",
        "date",
        {"zh": "第一期还款日（可不填）", "en": "First payment due on (optional)"},
        hint={
            "zh": "填了就显示每个方案哪个月还清，明细里也有日期。",
            "en": "With it, each option shows the month it is paid off, and the schedules show dates.",
        },
        required=False,
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
        message = too_high_message(row["rate_kind"], row["rate"], lang, row["fee_periods"])
        if message:
            errors[f"debts.{index}.rate"] = message
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


def calculate(values: dict[str, Any], lang: str) -> Result:
    """Every option's figures and schedule, the avalanche / snowball comparison, chart and CSV.

    Read the debts (each with its monthly rate), build the options to compare
    (:func:`calculators.plan.options.build_options`), then write the page and its data
    (:mod:`calculators.plan.render`).
    """
    _check(values, lang)
    try:
        options = build_options(values, _debts(values, lang))
        first_due = values.get("first_due")
        return Result(
            html=page_html(options, lang, first_due),
            data=page_data(options, lang, first_due),
            later=later_parts(options, lang, first_due),
        )
    except TermNotAmortizing as problem:
        message = t(MESSAGES, "not_amortizing", lang, months=problem.term)
        raise FieldErrors({problem.field: message}) from problem


CALCULATOR = Calculator(
    name="plan",
    title={"zh": "还款方案计算器", "en": "Repayment plan calculator"},
    intro={
        "zh": "填写每笔债务和每月能还的金额，对比可以向贷款机构提出的几种方案：每月还多少、还多久、总共多少利息。",
        "en": "Enter each debt and what you can pay each month, and compare the plans you could suggest to the "
        "lender: how much each month, for how long, and how much interest in all.",
    },
    fields=FIELDS,
    calculate=calculate,
    page="2-repayment-capacity",
    features=frozenset({"share", "csv", "print"}),
)
