"""Repayment capacity (section 2.1): how much a reader can safely offer each month.

Formulas (all money rounded half-up to the fen):

- income ``I`` = the sum of every income source after tax;
- essentials ``E`` = housing + food + transport + utilities and phone + medical + family + other;
- monthly surplus ``S = I - E - D``, with ``D`` the required payments on other debts;
- safety margin ``M = m x I`` (``m`` = 10% unless changed);
- safe monthly amount ``A = max(S - M, 0)``;
- debt-to-income ratio ``(D + C) / I`` with ``C`` the payment due now on Huabei / Jiebei (if given);
- savings cover ``savings / E`` months of essentials (rounded down to a tenth).

Verdict: ``A = 0``: pay nothing now, ask for a pause first and protect essentials; ``C <= A``:
keep paying as agreed; otherwise pay with a changed plan of up to ``A`` a month.

Worked example: income 8,000; essentials 5,000; other debts 500; margin 10% (800): surplus
2,500, safe amount 1,700. With 2,000 due now that is a changed plan of up to 1,700 a month.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_DOWN, Decimal
from typing import Any

from ..core.i18n import Text, t
from ..core.money import ZERO, display_money, money_str, percent_str, to_fen, yuan
from ..page.base import Calculator, Result
from ..page.fields import Field, FieldErrors, Group
from ..page.markup import carry_button, definition_list, heading, paragraph, table

MESSAGES: dict[str, Text] = {
    "surplus": {"zh": "每月结余", "en": "Monthly surplus"},
    "dti": {"zh": "负债收入比", "en": "Debt-to-income ratio"},
    "safe": {"zh": "每月可以安全拿出的还款额", "en": "What you can safely offer each month"},
    "savings_cover": {"zh": "存款够支付基本开支", "en": "Savings cover essentials for"},
    "n_months": {"zh": "{n} 个月", "en": "{n} months", "en_one:n": "{n} month"},
    "not_available": {"zh": "—", "en": "—"},
    "breakdown": {"zh": "你的每月收支", "en": "Your month in figures"},
    "item": {"zh": "项目", "en": "Item"},
    "amount": {"zh": "金额（元）", "en": "Amount (yuan)"},
    "income": {"zh": "收入（税后）合计", "en": "Income after tax, in all"},
    "income_named": {"zh": "收入：{name}", "en": "Income: {name}"},
    "income_n": {"zh": "收入 {n}", "en": "Income {n}"},
    "essentials": {"zh": "减：基本开支", "en": "Less essential spending"},
    "other_debts": {"zh": "减：其他债务的必还款", "en": "Less required payments on other debts"},
    "surplus_row": {"zh": "= 每月结余", "en": "= Monthly surplus"},
    "margin": {"zh": "减：安全余量（收入的 {p}%）", "en": "Less a safety margin ({p}% of income)"},
    "safe_row": {"zh": "= 可以安全拿出的还款额", "en": "= What you can safely offer"},
    "keep": {
        "zh": "可以按原约定继续还款：现在每月要还的 {due} 元，在你能安全拿出的 {safe} 元之内。",
        "en": "You can keep paying as agreed: the {due} yuan due each month is within the {safe} yuan you can "
        "safely pay.",
    },
    "keep_next": {
        "zh": "下一步：按时还款，并记下每一笔。如果情况有变，再回来重新计算。",
        "en": "Next step: keep paying on time and keep a record of each payment. If things change, come back and "
        "work it out again.",
    },
    "change": {
        "zh": "可以还，但需要调整方案：每月最多安全拿出 {safe} 元。",
        "en": "You can pay, but you need a new plan: up to {safe} yuan a month.",
    },
    "change_gap": {
        "zh": "这比现在每月要还的 {due} 元少 {gap} 元。",
        "en": "That is {gap} yuan less than the {due} yuan due each month now.",
    },
    "change_unknown": {
        "zh": "如果填写现在每月要还的金额，就能看出能否按原约定继续还。",
        "en": "Enter the amount due each month now to see whether you can keep paying as agreed.",
    },
    "change_next": {
        "zh": "下一步：用下面的按钮把这个金额带到还款方案计算器，找出每期都不超过它的方案，再向贷款机构提出。",
        "en": "Next step: take this amount to the repayment plan calculator with the button below, find a plan "
        "where every payment stays within it, and suggest that plan to the lender.",
    },
    "pause": {
        "zh": "现在拿不出钱还款：留出基本开支和安全余量后，没有剩余。",
        "en": "Right now there's nothing left over for repayments once essentials and a safety margin are "
        "covered.",
    },
    "pause_short": {
        "zh": "你每月的开支和其他必还款比收入多 {short} 元。",
        "en": "Your spending and other required payments are {short} yuan a month more than your income.",
    },
    "pause_next": {
        "zh": "下一步：先保住住房、吃饭、水电等基本开支，再联系贷款机构，说明情况，请求先暂停还款，"
        "等收入恢复后再商量还款方案。不要为了还款去借新的钱。",
        "en": "Next step: keep paying for essentials such as housing, food and utilities first. Then contact the "
        "lender, explain your situation and ask to pause payments until your income recovers, and agree on a "
        "plan after that. Don't borrow more to make these payments.",
    },
    "carry": {
        "zh": "用每月 {safe} 元计算还款方案",
        "en": "Plan repayments with {safe} yuan a month",
    },
    "carry_fund": {
        "zh": "用这些基本开支计算应急基金（第七节）",
        "en": "Work out an emergency fund from these essentials (section 7)",
    },
    "dti_note": {
        "zh": "负债收入比 = 每月必还的债务（其他债务{due_part}）÷ 收入。",
        "en": "Debt-to-income ratio = required monthly debt payments (other debts{due_part}) ÷ income.",
    },
    "dti_due_part": {"zh": " + 花呗/借呗现在每月要还的", "en": " + what is due now on Huabei / Jiebei"},
    "no_income": {
        "zh": "没有填写收入，所以无法计算负债收入比。",
        "en": "No income was entered, so there is no debt-to-income ratio.",
    },
    "savings_note": {
        "zh": "存款可以在收入中断时支付基本开支；拿存款还债之前请慎重考虑。",
        "en": "Savings can pay for essentials if your income stops, so think carefully before using them to "
        "pay debts.",
    },
    "margin_note": {
        "zh": "安全余量用来应付意外开支。10% 只是一个起点，可以按你的情况调整。",
        "en": "The safety margin is there for unexpected costs. 10% is only a starting point; adjust it to your "
        "situation.",
    },
    "margin_too_high": {
        "zh": "安全余量最多是收入的 100%。",
        "en": "The safety margin can be at most 100% of income.",
    },
    "private": {
        "zh": "这些数字只在你的浏览器里计算，不会发送到任何地方。",
        "en": "These figures are calculated only in your browser and are not sent anywhere.",
    },
}

SPENDING = (
    (
        "housing",
        {"zh": "住房（房租、房贷、物业）", "en": "Housing (rent, mortgage, property management fees)"},
    ),
    ("food", {"zh": "吃饭", "en": "Food"}),
    ("transport", {"zh": "交通", "en": "Transportation"}),
    ("utilities", {"zh": "水电燃气、话费网费", "en": "Utilities and phone"}),
    ("medical", {"zh": "医疗", "en": "Medical"}),
    ("family", {"zh": "赡养、抚养家人", "en": "Supporting family"}),
    ("other", {"zh": "其他必需开支", "en": "Other essentials"}),
)

YUAN: Text = {"zh": "元/月", "en": "yuan a month"}
OPTIONAL_ZERO: Text = {"zh": "没有就不填", "en": "Leave empty if none"}


def _money_field(name: str, label: Text, hint: Text = OPTIONAL_ZERO) -> Field:
    return Field(name, "money", label, hint=hint, unit=YUAN, required=False, allow_zero=True, placeholder="0")


FIELDS = (
    Group(
        "incomes",
        {"zh": "每月税后收入", "en": "Monthly income after tax"},
        (
            Field(
                "name",
                "text",
                {"zh": "来源", "en": "Source"},
                hint={"zh": "例如 工资、兼职（可不填）", "en": "For example salary or a side job (optional)"},
                required=False,
                max_length=30,
            ),
            Field(
                "amount",
                "money",
                {"zh": "每月金额", "en": "Amount a month"},
                hint={"zh": "没有收入就填 0", "en": "Enter 0 if you have none"},
                unit=YUAN,
                allow_zero=True,
            ),
        ),
        row_label={"zh": "收入 {n}", "en": "Income {n}"},
        add_label={"zh": "再加一项收入", "en": "Add an income"},
        max_rows=10,
    ),
    *(_money_field(name, label) for name, label in SPENDING),
    _money_field(
        "other_debts",
        {"zh": "其他债务每月必还", "en": "Required payments on other debts"},
        {
            "zh": "信用卡、房贷以外的贷款等（不含花呗、借呗）；没有就不填",
            "en": "Credit cards and loans other than your mortgage (not Huabei or Jiebei); leave empty if none",
        },
    ),
    _money_field(
        "current_due",
        {"zh": "花呗、借呗现在每月要还", "en": "Due each month now on Huabei / Jiebei"},
        {
            "zh": "按现在的约定每月要还多少（可不填）",
            "en": "What the current terms ask for each month (optional)",
        },
    ),
    Field(
        "savings",
        "money",
        {"zh": "能动用的存款", "en": "Savings you can reach"},
        hint=OPTIONAL_ZERO,
        unit={"zh": "元", "en": "yuan"},
        required=False,
        allow_zero=True,
        placeholder="0",
    ),
    Field(
        "margin",
        "percent",
        {"zh": "安全余量（占收入）", "en": "Safety margin (share of income)"},
        hint={
            "zh": "留给意外开支的部分，默认 10%，可以改。",
            "en": "Kept back for the unexpected: 10% to start with, and you can change it.",
        },
        unit={"zh": "%", "en": "%"},
        default="10",
        allow_zero=True,
    ),
)

TENTH = Decimal("0.1")


def _money(values: dict[str, Any], name: str) -> Decimal:
    return values[name] if values[name] is not None else ZERO


@dataclass(frozen=True)
class Budget:
    """A month's money: what comes in, what must go out, and what can safely be offered.

    ``surplus = income - essentials - other_debts``; ``safe = max(surplus - margin, 0)`` with
    ``margin = income x margin%`` rounded to the fen. With 8,000 of income, 4,000 of essentials,
    no other debts and a 10% margin: surplus 4,000.00, margin 800.00, safe 3,200.00.
    """

    incomes: list[dict[str, Any]]
    income: Decimal
    essentials: Decimal
    other_debts: Decimal
    due: Decimal | None
    savings: Decimal
    margin_percent: Decimal

    @property
    def surplus(self) -> Decimal:
        return self.income - self.essentials - self.other_debts

    @property
    def margin(self) -> Decimal:
        return to_fen(self.income * self.margin_percent / 100)

    @property
    def safe(self) -> Decimal:
        return max(self.surplus - self.margin, ZERO)

    @property
    def dti(self) -> Decimal | None:
        """Debt-to-income: required debt payments (other debts and, if given, these) / income."""
        return (self.other_debts + (self.due or ZERO)) / self.income if self.income else None

    @property
    def cover(self) -> Decimal | None:
        """Months of essentials the savings pay for, rounded down to a tenth."""
        return (
            (self.savings / self.essentials).quantize(TENTH, rounding=ROUND_DOWN) if self.essentials else None
        )


def _budget(values: dict[str, Any]) -> Budget:
    return Budget(
        incomes=values["incomes"],
        income=sum((row["amount"] for row in values["incomes"]), ZERO),
        essentials=sum((_money(values, name) for name, _ in SPENDING), ZERO),
        other_debts=_money(values, "other_debts"),
        due=values["current_due"],
        savings=_money(values, "savings"),
        margin_percent=values["margin"],
    )


def _verdict(budget: Budget, lang: str) -> tuple[str, list[str]]:
    """``pause`` (nothing safe to offer), ``keep`` (the current payment fits) or ``change``."""
    safe, due, surplus = budget.safe, budget.due, budget.surplus
    if safe == 0:
        lines = [t(MESSAGES, "pause", lang)]
        if surplus < 0:
            lines.append(t(MESSAGES, "pause_short", lang, short=display_money(-surplus)))
        return "pause", [*lines, t(MESSAGES, "pause_next", lang)]
    if due is not None and due <= safe:
        keep = t(MESSAGES, "keep", lang, due=display_money(due), safe=display_money(safe))
        return "keep", [keep, t(MESSAGES, "keep_next", lang)]
    lines = [t(MESSAGES, "change", lang, safe=display_money(safe))]
    if due is not None:
        lines.append(t(MESSAGES, "change_gap", lang, due=display_money(due), gap=display_money(due - safe)))
    else:
        lines.append(t(MESSAGES, "change_unknown", lang))
    return "change", [*lines, t(MESSAGES, "change_next", lang)]


def _figures(budget: Budget, lang: str) -> list[tuple[str, str]]:
    dti, cover = budget.dti, budget.cover
    missing = t(MESSAGES, "not_available", lang)
    return [
        (t(MESSAGES, "surplus", lang), yuan(budget.surplus, lang)),
        (t(MESSAGES, "dti", lang), f"{percent_str(dti)}%" if dti is not None else missing),
        (t(MESSAGES, "safe", lang), yuan(budget.safe, lang)),
        (
            t(MESSAGES, "savings_cover", lang),
            t(MESSAGES, "n_months", lang, n=cover) if cover is not None else missing,
        ),
    ]


def _breakdown(budget: Budget, lang: str) -> list[tuple[str, str]]:
    """The sum, line by line: each named (or several) income, then down to the safe amount."""
    sources = budget.incomes
    rows = [
        (
            t(MESSAGES, "income_named", lang, name=row["name"])
            if row["name"]
            else t(MESSAGES, "income_n", lang, n=index),
            display_money(row["amount"]),
        )
        for index, row in enumerate(sources, 1)
        if len(sources) > 1 or row["name"]
    ]
    shown_margin = f"{budget.margin_percent.normalize():f}"
    return rows + [
        (t(MESSAGES, "income", lang), display_money(budget.income)),
        (t(MESSAGES, "essentials", lang), display_money(budget.essentials)),
        (t(MESSAGES, "other_debts", lang), display_money(budget.other_debts)),
        (t(MESSAGES, "surplus_row", lang), display_money(budget.surplus)),
        (t(MESSAGES, "margin", lang, p=shown_margin), display_money(budget.margin)),
        (t(MESSAGES, "safe_row", lang), display_money(budget.safe)),
    ]


def _notes(budget: Budget, lang: str) -> list[str]:
    if budget.dti is None:
        notes = [t(MESSAGES, "no_income", lang)]
    else:
        due_part = t(MESSAGES, "dti_due_part", lang) if budget.due is not None else ""
        notes = [t(MESSAGES, "dti_note", lang, due_part=due_part)]
    if budget.savings:
        notes.append(t(MESSAGES, "savings_note", lang))
    return [*notes, t(MESSAGES, "margin_note", lang), t(MESSAGES, "private", lang)]


def _data(budget: Budget, verdict: str) -> dict[str, Any]:
    dti, cover, due = budget.dti, budget.cover, budget.due
    return {
        "income": money_str(budget.income),
        "essentials": money_str(budget.essentials),
        "other_debts": money_str(budget.other_debts),
        "current_due": money_str(due) if due is not None else None,
        "surplus": money_str(budget.surplus),
        "margin": money_str(budget.margin),
        "safe_amount": money_str(budget.safe),
        "dti_percent": percent_str(dti) if dti is not None else None,
        "savings_months": f"{cover:.1f}" if cover is not None else None,
        "verdict": verdict,
    }


def calculate(values: dict[str, Any], lang: str) -> Result:
    """Surplus, debt-to-income ratio, the safe amount, savings cover and a verdict."""
    if values["margin"] > 100:
        raise FieldErrors({"margin": t(MESSAGES, "margin_too_high", lang)})
    budget = _budget(values)
    verdict, lines = _verdict(budget, lang)
    html = [paragraph(line, "calc-verdict") for line in lines]
    if budget.safe > 0:
        label = t(MESSAGES, "carry", lang, safe=display_money(budget.safe))
        html.append(carry_button(label, "plan", "2-repayment-capacity", {"budget": money_str(budget.safe)}))
    if budget.essentials > 0:
        fund = {"essentials": money_str(budget.essentials), "savings": money_str(budget.savings)}
        html.append(carry_button(t(MESSAGES, "carry_fund", lang), "emergency-fund", "7-prevent", fund))
    html += [
        definition_list(_figures(budget, lang)),
        heading(t(MESSAGES, "breakdown", lang)),
        table([t(MESSAGES, "item", lang), t(MESSAGES, "amount", lang)], _breakdown(budget, lang)),
        *(paragraph(note, "calc-note") for note in _notes(budget, lang)),
    ]
    return Result(html="".join(html), data=_data(budget, verdict))


CALCULATOR = Calculator(
    name="capacity",
    title={"zh": "还款能力计算器", "en": "What can I afford?"},
    intro={
        "zh": "填写每月收入和必需开支，算出每月能安全拿出多少钱还款，以及下一步该怎么做。",
        "en": "Enter your monthly income and essential spending to see how much you can safely pay each month, "
        "and what to do next.",
    },
    fields=FIELDS,
    calculate=calculate,
    page="2-repayment-capacity",
)
