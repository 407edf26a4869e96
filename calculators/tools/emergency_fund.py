"""An emergency fund (section 7.2): how much to keep aside, and how long saving it takes while the
agreed repayment is kept up.

Formulas (money rounded half-up to the fen):

- target ``T = E x m`` (essential spending ``E`` a month, ``m`` months; 3 to start with, a
  common rule of thumb of personal-finance guidance, not a rule);
- gap ``G = max(T - S, 0)`` with ``S`` the savings now;
- saved each month ``s``: what the reader plans to save, but never more than ``L``, what is left
  after essentials and the agreed repayment (the order is essentials, then the repayment, then
  saving); a plan above ``L`` would take money from the repayment, and the page says so;
- months to reach the target ``ceil(G / s)``; the last month saves only what is still missing.

Worked case: essentials 3,000 a month, 3 months, 2,000 saved, 800 left after the repayment:
target 9,000.00, gap 7,000.00, 9 months (8 x 800 = 6,400, then 600).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_CEILING, Decimal
from functools import cached_property
from typing import Any

from ..core.i18n import Text, sentence_gap, t
from ..core.money import ZERO, display_money, money_str, to_fen, yuan
from ..core.schedules import smallest_payment
from ..page.base import Calculator, Result
from ..page.chart import balance_chart
from ..page.fields import Field
from ..page.markup import definition_list, esc, heading, paragraph, table

MAX_MONTHS = 600
"""Beyond 50 years of saving the page gives no month-by-month plan, only the figure."""

MESSAGES: dict[str, Text] = {
    "target": {"zh": "应急基金目标", "en": "Emergency fund target"},
    "gap": {"zh": "还差", "en": "Still to save"},
    "per_month": {"zh": "每月存", "en": "Saved each month"},
    "months": {"zh": "需要几个月", "en": "Months to get there"},
    "n_months": {"zh": "{n} 个月", "en": "{n} months", "en_one:n": "{n} month"},
    "too_long": {"zh": "超过 {n} 个月", "en": "more than {n} months"},
    "not_available": {"zh": "—", "en": "—"},
    "target_line": {
        "zh": "{months} 个月的基本开支：{essentials} × {months} = {target} 元。",
        "en": "{months} months of essentials: {essentials} × {months} = {target} yuan.",
        "en_one:months": "{months} month of essentials: {essentials} × {months} = {target} yuan.",
    },
    "reached": {
        "zh": "你现在的存款 {savings} 元已经够 {months} 个月的基本开支了。把它留作应急，不要拿去提前还款。",
        "en": "Your savings of {savings} yuan already cover {months} months of essentials. Keep them for "
        "emergencies rather than using them to repay early.",
        "en_one:months": "Your savings of {savings} yuan already cover {months} month of essentials. Keep them "
        "for emergencies rather than using them to repay early.",
    },
    "plan_line": {
        "zh": "每月存 {saving} 元，{n} 个月后存够（最后一个月存 {last} 元）。",
        "en": "Saving {saving} yuan a month, you get there in {n} months (the last month {last} yuan).",
        "en_one:n": "Saving {saving} yuan a month, you get there in {n} month (the last month {last} yuan).",
    },
    "nothing_left": {
        "zh": "现在付完基本开支和协议还款后没有剩余，先不要存：按协议还款最要紧。协议还完以后，原来的还款额就可以存起来。",
        "en": "Once essentials and the agreed repayment are paid, nothing is left, so don't save for now: "
        "keeping up the agreement comes first. Once it is paid off, the money you were repaying can go into "
        "savings.",
    },
    "slow": {
        "zh": "按每月 {saving} 元，要超过 {n} 个月才能存够；这里不列出逐月计划。可以先定一个小一点的目标，例如 1 个月的基本开支。",
        "en": "At {saving} yuan a month it would take more than {n} months, so no month-by-month plan is shown. "
        "Try a smaller target first, such as one month of essentials.",
    },
    "slow_needed": {
        "zh": "要在 {n} 个月内存够，每月至少要存 {needed} 元。",
        "en": "To get there within {n} months, you would need to save at least {needed} yuan a month.",
    },
    "risk": {
        "zh": "注意：打算每月存的 {planned} 元，比付完基本开支和协议还款后剩下的 {left} 元多 {over} 元。"
        "这样存钱会挤占协议还款。先付基本开支，再还协议的钱，剩下的才存；下面按每月 {left} 元计算。",
        "en": "Note: saving {planned} yuan a month is {over} yuan more than the {left} yuan left after "
        "essentials and the agreed repayment. That would take money from the repayment. Pay essentials first, "
        "then the agreed repayment, and save only what is left; the plan below uses {left} yuan a month.",
    },
    "order": {
        "zh": "每月的钱按这个顺序用：先付基本开支，再还协议的钱，剩下的才存起来。",
        "en": "Each month's money goes in this order: essentials first, then the agreed repayment, then saving.",
    },
    "plan": {"zh": "存钱计划", "en": "The saving plan"},
    "plan_table": {"zh": "逐月明细", "en": "Month by month"},
    "month": {"zh": "月", "en": "Month"},
    "month_name": {"zh": "第 {n} 个月", "en": "Month {n}"},
    # The plan's money columns say their unit once, in the header; the cells are plain amounts.
    "essentials": {"zh": "基本开支（元）", "en": "Essentials (yuan)"},
    "repayment": {"zh": "协议还款（元）", "en": "Agreed repayment (yuan)"},
    "saving": {"zh": "存入（元）", "en": "Saved (yuan)"},
    "saved": {"zh": "存款合计（元）", "en": "Savings (yuan)"},
    "series": {"zh": "存款", "en": "Savings"},
    "rule_note": {
        "zh": "3 到 6 个月的基本开支是个人理财指导里常见的经验做法，不是规定：按你的收入稳不稳定来定。",
        "en": "3 to 6 months of essentials is a common rule of thumb in personal-finance guidance, not a rule: "
        "choose what suits how steady your income is.",
    },
    "private": {
        "zh": "这些数字只在你的浏览器里计算，不会发送到任何地方。",
        "en": "These figures are calculated only in your browser and are not sent anywhere.",
    },
}

CHART_TEXTS: dict[str, Text] = {
    "title": {"zh": "存款随时间的变化", "en": "Savings over time"},
    "desc": {
        "zh": "折线图：横轴是第几个月，纵轴是存款（元）。",
        "en": "Line chart: months across, savings in yuan up the side.",
    },
    "line": {
        "zh": "{title}：从 {start} 元开始，第 {end} 个月达到 {peak} 元。",
        "en": "{title}: starts at {start} yuan and reaches {peak} yuan in month {end}.",
    },
}

YUAN_A_MONTH: Text = {"zh": "元/月", "en": "yuan a month"}

FIELDS = (
    Field(
        "essentials",
        "money",
        {"zh": "每月基本开支", "en": "Essential spending a month"},
        hint={
            "zh": "住房、吃饭、交通、水电话费、医疗、家人等必需开支；2.1 节的计算器可以把它带过来。",
            "en": "Housing, food, transportation, utilities, medical costs, family: what you must pay. The "
            "calculator in section 2.1 can bring it here.",
        },
        unit=YUAN_A_MONTH,
    ),
    Field(
        "cover_months",
        "whole",
        {"zh": "要备够几个月", "en": "Months to cover"},
        hint={
            "zh": "1 到 12 个月，默认 3 个月。3 到 6 个月是常见的经验做法，不是规定。",
            "en": "1 to 12 months; 3 to start with. 3 to 6 months is a common rule of thumb, not a rule.",
        },
        unit={"zh": "个月", "en": "months"},
        default="3",
        maximum=12,
    ),
    Field(
        "savings",
        "money",
        {"zh": "现在能动用的存款", "en": "Savings you can reach now"},
        hint={"zh": "没有就不填", "en": "Leave empty if none"},
        unit={"zh": "元", "en": "yuan"},
        required=False,
        allow_zero=True,
        placeholder="0",
    ),
    Field(
        "repayment",
        "money",
        {"zh": "协议每月还款", "en": "Agreed repayment a month"},
        hint={
            "zh": "按协议每月要还的钱（可不填）",
            "en": "What the agreement asks for each month (optional)",
        },
        unit=YUAN_A_MONTH,
        required=False,
        allow_zero=True,
        placeholder="0",
    ),
    Field(
        "left",
        "money",
        {"zh": "还完协议后每月还剩", "en": "Left each month after the agreed repayment"},
        hint={
            "zh": "收入减去基本开支和协议还款后剩下的钱；没有剩余就填 0。",
            "en": "Income minus essentials and the agreed repayment; enter 0 if nothing is left.",
        },
        unit=YUAN_A_MONTH,
        allow_zero=True,
    ),
    Field(
        "plan_saving",
        "money",
        {"zh": "打算每月存多少（可不填）", "en": "What you plan to save a month (optional)"},
        hint={
            "zh": "不填就按每月还剩的全部计算。",
            "en": "Leave empty to save all that is left each month.",
        },
        unit=YUAN_A_MONTH,
        required=False,
    ),
)


@dataclass(frozen=True)
class Fund:
    """The target, the gap and the months to close it (see the module's formulas).

    >>> fund = Fund(Decimal(3000), 3, Decimal(2000), ZERO, Decimal(800), None)
    >>> fund.target, fund.gap, fund.saving, fund.months, fund.deposits[-1]
    (Decimal('9000.00'), Decimal('7000.00'), Decimal('800'), 9, Decimal('600.00'))
    """

    essentials: Decimal
    cover_months: int
    savings: Decimal
    repayment: Decimal
    left: Decimal
    planned: Decimal | None

    @property
    def target(self) -> Decimal:
        return to_fen(self.essentials * self.cover_months)

    @property
    def gap(self) -> Decimal:
        return max(self.target - self.savings, ZERO)

    @property
    def over(self) -> Decimal:
        """How much the planned saving would take from the repayment (0 if none)."""
        return max((self.planned or ZERO) - self.left, ZERO)

    @property
    def saving(self) -> Decimal:
        """What is saved each month: the plan, but never more than what is left."""
        return self.left if self.planned is None else min(self.planned, self.left)

    @property
    def months(self) -> int | None:
        """``ceil(gap / saving)``; 0 when the target is reached, ``None`` when nothing can be saved."""
        if self.gap == 0:
            return 0
        if self.saving <= 0:
            return None
        return int((self.gap / self.saving).to_integral_value(rounding=ROUND_CEILING))

    @cached_property
    def deposits(self) -> list[Decimal]:
        """What goes in each month: ``saving``, and in the last month only what is still missing."""
        count = self.months or 0
        if count == 0 or count > MAX_MONTHS:
            return []
        return [self.saving] * (count - 1) + [to_fen(self.gap - self.saving * (count - 1))]


def _fund(values: dict[str, Any]) -> Fund:
    return Fund(
        essentials=values["essentials"],
        cover_months=values["cover_months"],
        savings=values["savings"] or ZERO,
        repayment=values["repayment"] or ZERO,
        left=values["left"],
        planned=values["plan_saving"],
    )


def _months_text(fund: Fund, lang: str) -> str:
    if fund.months is None:
        return t(MESSAGES, "not_available", lang)
    if fund.months > MAX_MONTHS:
        return t(MESSAGES, "too_long", lang, n=MAX_MONTHS)
    return t(MESSAGES, "n_months", lang, n=fund.months)


def _figures(fund: Fund, lang: str) -> list[tuple[str, str]]:
    return [
        (t(MESSAGES, "target", lang), yuan(fund.target, lang)),
        (t(MESSAGES, "gap", lang), yuan(fund.gap, lang)),
        (t(MESSAGES, "per_month", lang), yuan(fund.saving, lang)),
        (t(MESSAGES, "months", lang), _months_text(fund, lang)),
    ]


def _verdict(fund: Fund, lang: str) -> str:
    if fund.months == 0:
        return t(MESSAGES, "reached", lang, savings=display_money(fund.savings), months=fund.cover_months)
    if fund.months is None:
        return t(MESSAGES, "nothing_left", lang)
    if not fund.deposits:
        # what would reach the goal: the smallest saving, in whole fen, that fills the gap in time
        needed = display_money(smallest_payment(fund.gap, ZERO, MAX_MONTHS))
        return sentence_gap(lang).join(
            (
                t(MESSAGES, "slow", lang, saving=display_money(fund.saving), n=MAX_MONTHS),
                t(MESSAGES, "slow_needed", lang, n=MAX_MONTHS, needed=needed),
            )
        )
    return t(
        MESSAGES,
        "plan_line",
        lang,
        saving=display_money(fund.saving),
        n=fund.months,
        last=display_money(fund.deposits[-1]),
    )


def _balances(fund: Fund) -> list[Decimal]:
    """Savings after each month of the plan."""
    found, total = [], fund.savings
    for deposit in fund.deposits:
        total += deposit
        found.append(total)
    return found


def _plan(fund: Fund, lang: str) -> str:
    """The month-by-month plan, in the order the money goes (amounts under headers that give their
    unit, "Saved (yuan)"), and its chart."""
    balances = _balances(fund)
    headers = [t(MESSAGES, key, lang) for key in ("month", "essentials", "repayment", "saving", "saved")]
    rows = [
        [
            str(month),
            display_money(fund.essentials),
            display_money(fund.repayment),
            display_money(d),
            display_money(b),
        ]
        for month, (d, b) in enumerate(zip(fund.deposits, balances, strict=True), 1)
    ]
    chart = balance_chart(
        [(t(MESSAGES, "series", lang), balances)], fund.savings, lang, "calc-fund-chart", CHART_TEXTS
    )
    summary = esc(t(MESSAGES, "plan_table", lang))
    return (
        chart
        + heading(t(MESSAGES, "plan", lang))
        + paragraph(t(MESSAGES, "order", lang))
        + f'<details class="calc-schedule-details"><summary>{summary}</summary>'
        + table(
            headers,
            rows,
            css="calc-table calc-by-month",
            row_name=lambda n: t(MESSAGES, "month_name", lang, n=n),
        )
        + "</details>"
    )


def _data(fund: Fund) -> dict[str, Any]:
    return {
        "target": money_str(fund.target),
        "gap": money_str(fund.gap),
        "saving": money_str(fund.saving),
        "months": fund.months,
        "over": money_str(fund.over),
        "repayment_at_risk": fund.over > 0,
        "deposits": [money_str(d) for d in fund.deposits],
        "balances": [money_str(b) for b in _balances(fund)],
    }


def calculate(values: dict[str, Any], lang: str) -> Result:
    """The target, the gap, the months to close it, a warning when saving would take from the
    repayment, and the month-by-month plan with its chart."""
    fund = _fund(values)
    target_line = t(
        MESSAGES,
        "target_line",
        lang,
        months=fund.cover_months,
        essentials=display_money(fund.essentials),
        target=display_money(fund.target),
    )
    html = [paragraph(_verdict(fund, lang), "calc-verdict")]
    if fund.over > 0 and fund.gap > 0:
        html.append(
            paragraph(
                t(
                    MESSAGES,
                    "risk",
                    lang,
                    planned=display_money(fund.planned or ZERO),
                    left=display_money(fund.left),
                    over=display_money(fund.over),
                ),
                "calc-verdict calc-warning",
            )
        )
    html += [definition_list(_figures(fund, lang)), paragraph(target_line)]
    if fund.deposits:
        html.append(_plan(fund, lang))
    html += [
        paragraph(t(MESSAGES, "rule_note", lang), "calc-note"),
        paragraph(t(MESSAGES, "private", lang), "calc-note"),
    ]
    return Result(html="".join(html), data=_data(fund))


CALCULATOR = Calculator(
    name="emergency-fund",
    title={"zh": "应急基金计算器", "en": "Emergency fund calculator"},
    intro={
        "zh": "算出应急基金的目标、还差多少，以及在按协议还款的同时，每月存多少、几个月能存够。",
        "en": "Set a savings goal for emergencies, see how far you are from it, and what you could put aside "
        "each month while keeping up the agreed repayment.",
    },
    fields=FIELDS,
    calculate=calculate,
    page="7-prevent",
)
