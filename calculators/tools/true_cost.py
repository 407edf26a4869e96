"""True cost (section 1): turn a fee or a daily / monthly / annual rate into annualized rates.

Flat total fee ``f`` over ``n`` periods (a Huabei-style installment): each payment is
``(P + P f) / n``; the monthly rate ``i`` is the IRR of ``(-P, payment x n)``; nominal APR
``= 12 i``, effective ``= (1 + i)^12 - 1``. Worked case: 10,000 over 12 periods at 8.8% gives
15.86% nominal and 17.07% effective (the shortcut ``24 f / (n + 1) = 16.25%`` is wrong).

A daily rate ``d`` on a year of ``D`` days (365, or 360 if the contract says so; the page says
which, and uses it for both rates): nominal ``= D d``, effective ``= (1 + d)^D - 1``; 0.05% a
day gives 18.25% and 20.02% on 365 days. Monthly ``m``: ``12 m`` and ``(1 + m)^12 - 1``. An
annual rate ``a`` compounds monthly: ``(1 + a / 12)^12 - 1``. For rates, the payment shown is
the equal installment (等额本息) over the term at the nominal rate / 12.

Payments follow the rounding convention (:mod:`calculators.core.schedules`): each is rounded to
the fen and the last settles the rest. The page shows the last payment and the number of
payments; a last payment more than 1.00 from the others, or a loan repaid early, is explained
in a line (:mod:`calculators.core.endings`). Costs are bounded and flagged when unusually high
as in :mod:`calculators.core.limits`.
"""

from __future__ import annotations

from decimal import ROUND_CEILING, Decimal
from typing import Any

from ..core.endings import Ending, ending_note
from ..core.i18n import Text, t
from ..core.limits import too_high_message, unusual_note
from ..core.money import FEN, money_str, percent_str, to_fen, yuan
from ..core.rates import effective_annual, flat_fee_payment, nominal_annual
from ..core.schedules import NotAmortizing, equal_installment, installment, total_interest
from ..core.yields import loan_irr
from ..page.base import Calculator, Result
from ..page.fields import Choice, Field, FieldErrors
from ..page.markup import definition_list, paragraph

MESSAGES: dict[str, Text] = {
    "payment": {"zh": "每期还款", "en": "Payment per period"},
    "payment_few_fen": {
        "zh": "每期还款（最后一期差几分）",
        "en": "Payment per period (the last differs by a few fen)",
    },
    "last_payment": {"zh": "最后一期", "en": "Last payment"},
    "count": {"zh": "还款期数", "en": "Number of payments"},
    "not_amortizing": {
        "zh": "按这个金额和利率，分 {months} 期的等额本息每期还款（四舍五入到分）不超过第一期的利息：只够付利息，"
        "欠款不会减少。请检查利率，或选择更少的期数。",
        "en": "For this amount at this rate, an equal installment over {months} periods (rounded to the fen) is "
        "no more than the first period's interest: it would pay only interest and never reduce what you owe. "
        "Check the rate, or choose fewer periods.",
    },
    "total_cost": {"zh": "总成本（手续费或利息）", "en": "Total cost (fees or interest)"},
    "total_paid": {"zh": "总共还款", "en": "Total repaid"},
    "nominal": {"zh": "名义年化利率", "en": "Nominal annualized rate"},
    "effective": {"zh": "实际年利率（复利）", "en": "Effective annual rate (compounded)"},
    "why_fee": {
        "zh": "为什么“低手续费”比看起来贵：{fee}% 的手续费按全部本金收取，但你每期都在还本金，"
        "平均只用了大约一半的钱，所以折算成年化利率是 {nominal}%，而不是 {fee}%。",
        "en": "Why a “low fee” costs more than it looks: the {fee}% fee is charged on the whole amount, "
        "but you repay part of it every period, so you only have the use of about half the money on average. "
        "As an annual rate that is {nominal}%, not {fee}%.",
    },
    "why_rate": {
        "zh": "为什么日利率、月利率看起来很低：利息每天或每月都在计算，折算成一年是 {nominal}%，"
        "如果利息再产生利息，实际是 {effective}%。",
        "en": "Why a daily or monthly rate looks small: interest is charged every day or month; over a "
        "year that is {nominal}%, and {effective}% if interest is charged on interest.",
    },
    "year_basis": {
        "zh": "两个年利率都按一年 {days} 天计算：名义年化 = {days} × 日利率，实际年利率 = (1 + 日利率)^{days} − 1。",
        "en": "Both annual rates use a {days}-day year: nominal = {days} × the daily rate, effective = "
        "(1 + the daily rate)^{days} − 1.",
    },
    "check_app": {
        "zh": "请以 App 中合同或账单显示的年化利率为准；这里的结果用于核对和比较。",
        "en": "The annualized rate shown in your contract or bill in the app is what counts; use this result to "
        "check and compare.",
    },
}

FIELD_MAXIMUM = Decimal(100_000)
"""What the reader accepts in a rate field; the real bound, the same ceiling for every kind of
cost, is checked with the other fields (:mod:`calculators.core.limits`)."""
RATE_FIELDS = {"fee": "fee", "daily": "daily_rate", "monthly": "monthly_rate", "annual": "annual_rate"}

KINDS = (
    Choice(
        "fee",
        {"zh": "分期总手续费率", "en": "Total installment fee"},
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
        {"zh": "总手续费率", "en": "Total installment fee"},
        hint={
            "zh": "整个分期的手续费占本金的百分比，见账单或分期页面。",
            "en": "The whole installment fee as a percent of the amount, from your bill or the installment screen.",
        },
        unit={"zh": "%", "en": "%"},
        allow_zero=True,
        maximum=FIELD_MAXIMUM,
        show_when=("kind", ("fee",)),
    ),
    Field(
        "daily_rate",
        "percent",
        {"zh": "日利率", "en": "Daily rate"},
        hint={"zh": "例如 0.05%（万分之五）", "en": "For example 0.05%"},
        unit={"zh": "%/天", "en": "% a day"},
        allow_zero=True,
        maximum=FIELD_MAXIMUM,
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
        hint={
            "zh": "看合同怎么写；不确定就选 365。",
            "en": "Use what your contract says; if you aren't sure, choose 365.",
        },
        show_when=("kind", ("daily",)),
    ),
    Field(
        "monthly_rate",
        "percent",
        {"zh": "月利率", "en": "Monthly rate"},
        unit={"zh": "%/月", "en": "% a month"},
        allow_zero=True,
        maximum=FIELD_MAXIMUM,
        show_when=("kind", ("monthly",)),
    ),
    Field(
        "annual_rate",
        "percent",
        {"zh": "年利率", "en": "Annual rate"},
        unit={"zh": "%/年", "en": "% a year"},
        allow_zero=True,
        maximum=FIELD_MAXIMUM,
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
    """The monthly rate used for payments, the nominal and the effective annual rate (fractions).

    A daily rate uses the chosen year for both annual rates (and ``nominal / 12`` a month).
    """
    kind = values["kind"]
    if kind == "daily":
        daily = values["daily_rate"] / 100
        days = int(values["year_days"])
        nominal = nominal_annual(daily, days)
        return nominal / 12, nominal, effective_annual(daily, days)
    if kind == "monthly":
        monthly = values["monthly_rate"] / 100
        return monthly, nominal_annual(monthly), effective_annual(monthly)
    nominal = values["annual_rate"] / 100
    return nominal / 12, nominal, effective_annual(nominal / 12)


def _check(values: dict[str, Any], lang: str) -> None:
    """The cost against the ceiling in its own unit (a fee together with its periods)."""
    field = RATE_FIELDS[values["kind"]]
    message = too_high_message(values["kind"], values[field], lang, values["periods"])
    if message:
        raise FieldErrors({field: message})


def fee_payments(amount: Decimal, fee: Decimal, periods: int) -> Ending:
    """A flat fee's payments under the rounding convention: ``(P + P f) / n`` rounded to the fen (at
    least a fen), the last settling the rest of ``P + round(P f)``; fewer payments if that repays it.

    10,000 over 12 periods at 8.8%: 906.67 a month, the last 906.63.

    >>> fee_payments(Decimal(10000), Decimal("0.088"), 12)
    Ending(regular=Decimal('906.67'), last=Decimal('906.63'), count=12, term=12, balloon=False)
    """
    total = amount + to_fen(amount * fee)
    regular = max(to_fen(flat_fee_payment(amount, fee, periods)), FEN)
    count = min(periods, int((total / regular).to_integral_value(rounding=ROUND_CEILING)))
    return Ending(regular, total - (count - 1) * regular, count, periods)


def calculate(values: dict[str, Any], lang: str) -> Result:
    """Payments, total cost and annualized rates for one amount."""
    _check(values, lang)
    amount: Decimal = values["amount"]
    periods: int = values["periods"]
    notes: list[str] = []
    fee_percent = None
    if values["kind"] == "fee":
        fee_percent = values["fee"]
        fee = fee_percent / 100
        exact = flat_fee_payment(amount, fee, periods)
        ending = fee_payments(amount, fee, periods)
        cost = to_fen(amount * fee)
        monthly = loan_irr([-amount] + [exact] * periods) if fee > 0 else Decimal(0)
        nominal, effective = nominal_annual(monthly), effective_annual(monthly)
        notes.append(t(MESSAGES, "why_fee", lang, fee=fee_percent.normalize(), nominal=percent_str(nominal)))
    else:
        monthly, nominal, effective = _monthly_and_year(values)
        try:
            rows = equal_installment(amount, monthly, periods)
        except NotAmortizing as problem:
            message = t(MESSAGES, "not_amortizing", lang, months=problem.term)
            raise FieldErrors({"periods": message}) from problem
        ending = Ending(installment(amount, monthly, periods), rows[-1].payment, len(rows), periods)
        cost = total_interest(rows)
        notes.append(
            t(MESSAGES, "why_rate", lang, nominal=percent_str(nominal), effective=percent_str(effective))
        )
        if values["kind"] == "daily":
            notes.append(t(MESSAGES, "year_basis", lang, days=values["year_days"]))
    unusual = unusual_note(nominal, lang, fee_percent=fee_percent)
    last_note = ending_note(ending, lang)
    notes = [note for note in (unusual, last_note) if note] + notes
    notes.append(t(MESSAGES, "check_app", lang))
    same = ending.last == ending.regular
    payment_label = "payment" if same or not ending.few_fen else "payment_few_fen"
    figures = [
        (t(MESSAGES, payment_label, lang), yuan(ending.regular, lang)),
        (t(MESSAGES, "last_payment", lang), yuan(ending.last, lang)),
        (t(MESSAGES, "count", lang), str(ending.count)),
        (t(MESSAGES, "total_cost", lang), yuan(cost, lang)),
        (t(MESSAGES, "total_paid", lang), yuan(amount + cost, lang)),
        (t(MESSAGES, "nominal", lang), f"{percent_str(nominal)}%"),
        (t(MESSAGES, "effective", lang), f"{percent_str(effective)}%"),
    ]
    html = definition_list(figures) + "".join(paragraph(note, "calc-note") for note in notes)
    data = {
        "payment": money_str(ending.regular),
        "payment_last": money_str(ending.last),
        "payments": ending.count,
        "last_payment_apart": ending.apart,
        "total_cost": money_str(cost),
        "total_paid": money_str(amount + cost),
        "apr_nominal": percent_str(nominal),
        "apr_effective": percent_str(effective),
        "unusually_high": unusual is not None,
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
