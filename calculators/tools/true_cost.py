"""True cost (section 1): turn a fee or a daily / monthly / annual rate into annualized rates.

Flat total fee ``f`` over ``n`` periods (a Huabei-style installment): each payment is
``(P + P f) / n``; the monthly rate ``i`` is the IRR of ``(-P, payment x n)``; nominal APR
``= 12 i``, effective ``= (1 + i)^12 - 1``. Worked case: 10,000 over 12 periods at 8.8% gives
15.86% nominal and 17.07% effective (the shortcut ``24 f / (n + 1) = 16.25%`` is wrong).

A daily rate ``d``: nominal ``= 365 d`` (or 360 d), effective ``= (1 + d)^365 - 1``; 0.05% a
day gives 18.25% and 20.02%. Monthly ``m``: ``12 m`` and ``(1 + m)^12 - 1``. An annual rate
``a`` compounds monthly: ``(1 + a / 12)^12 - 1``. For rates, the payment shown is the equal
installment (等额本息) over the term at the nominal rate / 12.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from ..core.i18n import Text, t
from ..core.money import money_str, percent_str, to_fen, yuan
from ..core.rates import effective_annual, flat_fee_payment, irr, nominal_annual
from ..core.schedules import equal_installment, total_interest
from ..page.base import Calculator, Result
from ..page.fields import Choice, Field
from ..page.markup import definition_list, paragraph

MESSAGES: dict[str, Text] = {
    "payment_exact": {
        "zh": "每期还款（末期可能差几分）",
        "en": "Payment per period (the last may differ by a few fen)",
    },
    "total_cost": {"zh": "总成本（手续费或利息）", "en": "Total cost (fees or interest)"},
    "total_paid": {"zh": "总共还款", "en": "Total repaid"},
    "nominal": {"zh": "名义年化利率", "en": "Nominal annualized rate"},
    "effective": {"zh": "实际年利率（复利）", "en": "Effective annual rate (compounded)"},
    "why_fee": {
        "zh": "为什么“低手续费”其实更贵：{fee}% 的手续费按全部本金收取，但你每期都在还本金，"
        "平均只用了大约一半的钱，所以折算成年化利率是 {nominal}%，而不是 {fee}%。",
        "en": "Why a “low fee” costs more than it looks: the {fee}% fee is charged on the whole amount, "
        "but you repay part of it every period, so on average you only have about half of it. "
        "As an annual rate that is {nominal}%, not {fee}%.",
    },
    "why_rate": {
        "zh": "为什么日利率、月利率看起来很低：利息每天或每月都在计算，折算成一年是 {nominal}%，"
        "如果利息再产生利息，实际是 {effective}%。",
        "en": "Why a daily or monthly rate looks small: interest is charged every day or month; over a "
        "year that is {nominal}%, and {effective}% if interest is charged on interest.",
    },
    "year_basis": {
        "zh": "名义年化按一年 {days} 天计算。",
        "en": "The nominal rate uses a {days}-day year.",
    },
    "check_app": {
        "zh": "请以 App 中合同或账单显示的年化利率为准；这里的结果用于核对和比较。",
        "en": "The annualized rate shown in your contract or bill in the app is what counts; use this to check and compare.",
    },
}

KINDS = (
    Choice(
        "fee",
        {"zh": "分期总手续费率", "en": "Total installment fee %"},
    ),
    Choice("daily", {"zh": "日利率", "en": "Daily rate"}),
    Choice("monthly", {"zh": "月利率", "en": "Monthly rate"}),
    Choice("annual", {"zh": "年利率", "en": "Annual rate"}),
)

FIELDS = (
    Field(
        "amount",
        "money",
        {"zh": "借款或分期金额", "en": "Amount borrowed or split into installments"},
        hint={"zh": "例如 10000、1.5万、¥8,000", "en": "For example 10000, 1.5万 or ¥8,000"},
        unit={"zh": "元", "en": "yuan"},
    ),
    Field(
        "kind",
        "choice",
        {"zh": "App 里显示的是", "en": "What the app shows"},
        choices=KINDS,
        default="fee",
    ),
    Field(
        "fee",
        "percent",
        {"zh": "总手续费率", "en": "Total fee"},
        hint={
            "zh": "整个分期的手续费占本金的百分比，见账单或分期页面。",
            "en": "The whole installment fee as a percent of the amount, from your bill or the installment screen.",
        },
        unit={"zh": "%", "en": "%"},
        allow_zero=True,
        show_when=("kind", ("fee",)),
    ),
    Field(
        "daily_rate",
        "percent",
        {"zh": "日利率", "en": "Daily rate"},
        hint={"zh": "例如 0.05%（万分之五）", "en": "For example 0.05%"},
        unit={"zh": "%/天", "en": "% a day"},
        allow_zero=True,
        maximum=Decimal(10),
        show_when=("kind", ("daily",)),
    ),
    Field(
        "year_days",
        "choice",
        {"zh": "一年按几天计算", "en": "Days in a year"},
        choices=(
            Choice("365", {"zh": "365 天", "en": "365 days"}),
            Choice("360", {"zh": "360 天", "en": "360 days"}),
        ),
        default="365",
        hint={"zh": "看合同怎么写；不确定就选 365。", "en": "As your contract says; if unsure, choose 365."},
        show_when=("kind", ("daily",)),
    ),
    Field(
        "monthly_rate",
        "percent",
        {"zh": "月利率", "en": "Monthly rate"},
        unit={"zh": "%/月", "en": "% a month"},
        allow_zero=True,
        maximum=Decimal(100),
        show_when=("kind", ("monthly",)),
    ),
    Field(
        "annual_rate",
        "percent",
        {"zh": "年利率", "en": "Annual rate"},
        unit={"zh": "%/年", "en": "% a year"},
        allow_zero=True,
        show_when=("kind", ("annual",)),
    ),
    Field(
        "periods",
        "whole",
        {"zh": "分几期（月）", "en": "Number of monthly periods"},
        hint={"zh": "1 到 600 期", "en": "1 to 600"},
        unit={"zh": "期", "en": "months"},
        maximum=600,
    ),
)


def _monthly_and_year(values: dict[str, Any]) -> tuple[Decimal, Decimal, Decimal]:
    """The monthly rate used for payments, the nominal and the effective annual rate (fractions)."""
    kind = values["kind"]
    if kind == "daily":
        daily = values["daily_rate"] / 100
        days = int(values["year_days"])
        nominal = nominal_annual(daily, days)
        return nominal / 12, nominal, effective_annual(daily, 365)
    if kind == "monthly":
        monthly = values["monthly_rate"] / 100
        return monthly, nominal_annual(monthly), effective_annual(monthly)
    nominal = values["annual_rate"] / 100
    return nominal / 12, nominal, effective_annual(nominal / 12)


def calculate(values: dict[str, Any], lang: str) -> Result:
    """Payments, total cost and annualized rates for one amount."""
    amount: Decimal = values["amount"]
    periods: int = values["periods"]
    notes: list[str] = []
    if values["kind"] == "fee":
        fee = values["fee"] / 100
        exact = flat_fee_payment(amount, fee, periods)
        payment = to_fen(exact)
        cost = to_fen(amount * fee)
        monthly = irr([-amount] + [exact] * periods) if fee > 0 else Decimal(0)
        nominal, effective = nominal_annual(monthly), effective_annual(monthly)
        notes.append(
            t(MESSAGES, "why_fee", lang, fee=values["fee"].normalize(), nominal=percent_str(nominal))
        )
    else:
        monthly, nominal, effective = _monthly_and_year(values)
        rows = equal_installment(amount, monthly, periods)
        payment, cost = rows[0].payment, total_interest(rows)
        notes.append(
            t(MESSAGES, "why_rate", lang, nominal=percent_str(nominal), effective=percent_str(effective))
        )
        if values["kind"] == "daily":
            notes.append(t(MESSAGES, "year_basis", lang, days=values["year_days"]))
    notes.append(t(MESSAGES, "check_app", lang))
    figures = [
        (t(MESSAGES, "payment_exact", lang), yuan(payment, lang)),
        (t(MESSAGES, "total_cost", lang), yuan(cost, lang)),
        (t(MESSAGES, "total_paid", lang), yuan(amount + cost, lang)),
        (t(MESSAGES, "nominal", lang), f"{percent_str(nominal)}%"),
        (t(MESSAGES, "effective", lang), f"{percent_str(effective)}%"),
    ]
    html = definition_list(figures) + "".join(paragraph(note, "calc-note") for note in notes)
    data = {
        "payment": money_str(payment),
        "total_cost": money_str(cost),
        "total_paid": money_str(amount + cost),
        "apr_nominal": percent_str(nominal),
        "apr_effective": percent_str(effective),
    }
    return Result(html=html, data=data)


CALCULATOR = Calculator(
    name="true-cost",
    title={"zh": "真实成本计算器", "en": "True cost calculator"},
    intro={
        "zh": "把手续费、日利率或月利率换算成年化利率，看看这笔钱实际要付多少。",
        "en": "Turn a fee, a daily rate or a monthly rate into an annual rate and see what the money really costs.",
    },
    fields=FIELDS,
    calculate=calculate,
    page="1-repayment-mechanism",
)
