"""Several debts: which to pay first, the highest rate (avalanche) or the smallest balance (snowball).

Both pay the whole budget every month: each debt's interest first, then everything left to one
debt at a time until it is cleared (:func:`calculators.plan.debts.pay_down`). The page compares how
long each order takes and the interest it costs: the interest saved by paying the highest rate
first is ``I_snowball - I_avalanche`` and it is paid off ``n_snowball - n_avalanche`` months
sooner. Smallest balance first may clear a first debt sooner, which some find encouraging.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import Any, NamedTuple

from ..core.i18n import Text, t
from ..core.money import ZERO, display_money, money_str, yuan
from ..page.markup import carry_button, heading, paragraph, table
from .debts import (
    MAX_MONTHS,
    Debt,
    Payoff,
    avalanche_order,
    monthly_interest,
    pay_down,
    smallest_budget,
    snowball_order,
)

__all__ = ["Strategies", "compare_orders", "strategies_data", "strategies_html"]

MESSAGES: dict[str, Text] = {
    "strategies": {"zh": "多笔债务：先还哪一笔", "en": "Several debts: which to pay first"},
    "strategy_model": {
        "zh": "这里不是重新分期，而是你每月自己把 {budget} 元全部用来还债：先付每笔债务当月的利息，剩下的钱集中还一笔，"
        "还清后再还下一笔。每月都按预算全额还，所以用时可能比上面每期固定的分期方案短。",
        "en": "This isn't a new plan from the lender: you pay {budget} yuan every month in all, each debt's "
        "interest first, then everything left to one debt at a time until it is cleared. Paying your whole "
        "budget every month can finish sooner than the fixed installments above.",
    },
    "avalanche": {"zh": "先还利率最高的（雪崩法）", "en": "Highest rate first (avalanche)"},
    "snowball": {"zh": "先还余额最小的（雪球法）", "en": "Smallest balance first (snowball)"},
    "strategy": {"zh": "顺序", "en": "Order"},
    "order": {"zh": "还款顺序", "en": "Order of repayment"},
    "debt_free": {"zh": "还清用时", "en": "Paid off after"},
    "total_interest": {"zh": "总利息", "en": "Total interest"},
    "n_months": {"zh": "{n} 个月", "en": "{n} months", "en_one:n": "{n} month"},
    "over_limit": {"zh": "超过 600 个月", "en": "more than 600 months"},
    "never_repaid": {"zh": "还不完", "en": "never repaid"},
    "neither": {
        "zh": "按每月 {budget} 元，两种顺序在 600 个月内都还不完，所以这里不列出利息总额。",
        "en": "At {budget} yuan a month neither order repays the debts within 600 months, so no total interest is "
        "shown.",
    },
    "neither_needed": {
        "zh": "要在 600 个月内还完，每月全额还、先还利率最高的，每月至少要还 {payment} 元。",
        "en": "To repay everything within 600 months, paying your whole budget highest rate first, you would "
        "need at least {payment} yuan a month.",
    },
    "order_sep": {"zh": " → ", "en": " → "},
    "saves_sooner": {
        "zh": "先还利率最高的，可以少付 {interest} 元利息，并提前 {months} 个月还清。",
        "en": "Paying the highest rate first saves {interest} yuan in interest and clears everything {months} "
        "months sooner.",
        "en_one:months": "Paying the highest rate first saves {interest} yuan in interest and clears everything "
        "{months} month sooner.",
    },
    "saves_same": {
        "zh": "先还利率最高的，可以少付 {interest} 元利息，用时相同。",
        "en": "Paying the highest rate first saves {interest} yuan in interest, in the same number of months.",
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
    "use_avalanche": {"zh": "用“先还利率最高的”写协商信息", "en": "Use highest rate first in my message"},
    "use_snowball": {"zh": "用“先还余额最小的”写协商信息", "en": "Use smallest balance first in my message"},
}


class Strategies(NamedTuple):
    """The two orders of paying several debts down from one budget.

    Worked example: 1,000 at 1% and 3,000 at 2% a month, 500 a month in all. Both orders are
    paid off in month 9; highest rate first costs 314.40 of interest, smallest balance first
    383.26, so it saves 68.86. Smallest balance first clears its first debt in month 3, the
    highest rate first in month 7.

    >>> debts = [Debt("a", Decimal(1000), Decimal("0.01")), Debt("b", Decimal(3000), Decimal("0.02"))]
    >>> pair = compare_orders(debts, Decimal(500))
    >>> pair.interest_saved, pair.months_sooner, pair.first_cleared
    (Decimal('68.86'), 0, (3, 7))
    """

    avalanche: Payoff
    snowball: Payoff

    @property
    def both_repaid(self) -> bool:
        """Whether both orders repay everything within 600 months."""
        return self.avalanche.months is not None and self.snowball.months is not None

    @property
    def interest_saved(self) -> Decimal | None:
        """Interest saved by paying the highest rate first: ``I_snowball - I_avalanche``."""
        snow, aval = self.snowball.total_interest, self.avalanche.total_interest
        if snow is None or aval is None:
            return None
        return snow - aval

    @property
    def months_sooner(self) -> int | None:
        """How much sooner the highest rate first pays everything off: ``n_snowball - n_avalanche``."""
        if self.avalanche.months is None or self.snowball.months is None:
            return None
        return self.snowball.months - self.avalanche.months

    @property
    def first_cleared(self) -> tuple[int, int]:
        """The month the first debt is cleared: smallest balance first, then highest rate first."""
        first_snow = min(m for m in self.snowball.cleared if m is not None)
        first_aval = min(m for m in self.avalanche.cleared if m is not None)
        return first_snow, first_aval

    def orders(self) -> tuple[tuple[str, Payoff], tuple[str, Payoff]]:
        """Each order with its key, avalanche first."""
        return ("avalanche", self.avalanche), ("snowball", self.snowball)


def compare_orders(debts: Sequence[Debt], budget: Decimal) -> Strategies | None:
    """Both orders for ``debts`` at ``budget`` a month, or ``None`` with a single debt or a budget
    that does not exceed this month's interest ``sum(round(P_j x r_j))`` (nothing to compare).

    >>> compare_orders([Debt("a", Decimal(1000), Decimal("0.01"))], Decimal(500)) is None
    True
    """
    if len(debts) < 2 or budget <= monthly_interest(debts):
        return None
    return Strategies(
        pay_down(debts, budget, avalanche_order(debts)), pay_down(debts, budget, snowball_order(debts))
    )


def _order_text(payoff: Payoff, debts: Sequence[Debt], lang: str) -> str:
    return t(MESSAGES, "order_sep", lang).join(debts[i].name for i in payoff.order)


def _months_text(months: int | None, lang: str) -> str:
    return t(MESSAGES, "n_months", lang, n=months) if months is not None else t(MESSAGES, "over_limit", lang)


def _comparison_sentences(pair: Strategies, lang: str) -> list[str]:
    """What paying the highest rate first saves, and when each order clears its first debt."""
    saved, sooner = pair.interest_saved, pair.months_sooner
    if saved is None or sooner is None:
        return []
    if saved == 0 and sooner == 0:
        sentences = [t(MESSAGES, "same_result", lang)]
    elif sooner > 0:
        sentences = [t(MESSAGES, "saves_sooner", lang, interest=display_money(saved), months=sooner)]
    else:
        sentences = [t(MESSAGES, "saves_same", lang, interest=display_money(saved))]
    first_snow, first_aval = pair.first_cleared
    if first_snow < first_aval:
        sentences.append(t(MESSAGES, "first_cleared", lang, snow=first_snow, aval=first_aval))
    return sentences


def _carry_buttons(pair: Strategies, debts: Sequence[Debt], budget: Decimal, lang: str) -> list[str]:
    """A button per order that repays everything, carrying it into the message calculator."""
    owed = sum((debt.amount for debt in debts), ZERO)
    return [
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
        for key, payoff in pair.orders()
        if payoff.months is not None
    ]


def strategies_html(pair: Strategies, debts: Sequence[Debt], budget: Decimal, lang: str) -> str:
    """The section comparing both orders: a table, what the difference means, and carry buttons."""
    rows = [
        [
            t(MESSAGES, key, lang),
            _order_text(payoff, debts, lang),
            _months_text(payoff.months, lang),
            yuan(payoff.total_interest, lang)
            if payoff.total_interest is not None
            else t(MESSAGES, "never_repaid", lang),
        ]
        for key, payoff in pair.orders()
    ]
    neither = pair.avalanche.months is None and pair.snowball.months is None
    said = [t(MESSAGES, "neither", lang, budget=display_money(budget))] if neither else []
    if neither:  # what would stop the balance growing: the smallest budget that repays in time
        needed = display_money(smallest_budget(debts, MAX_MONTHS))
        said.append(t(MESSAGES, "neither_needed", lang, payment=needed))
    headers = [t(MESSAGES, k, lang) for k in ("strategy", "order", "debt_free", "total_interest")]
    parts = [
        heading(t(MESSAGES, "strategies", lang)),
        paragraph(t(MESSAGES, "strategy_model", lang, budget=display_money(budget))),
        table(headers, rows),
        *(paragraph(sentence) for sentence in said + _comparison_sentences(pair, lang)),
        *_carry_buttons(pair, debts, budget, lang),
    ]
    return f'<section class="calc-strategies">{"".join(parts)}</section>'


def _payoff_data(payoff: Payoff, debts: Sequence[Debt]) -> dict[str, Any]:
    return {
        "order": [debts[i].name for i in payoff.order],
        "months": payoff.months,
        "total_interest": money_str(payoff.total_interest) if payoff.total_interest is not None else None,
        "total_paid": money_str(payoff.total_paid) if payoff.total_paid is not None else None,
        "never_repaid": payoff.months is None,
    }


def strategies_data(pair: Strategies, debts: Sequence[Debt]) -> dict[str, Any]:
    """Both orders for the page's data, with the differences when both repay everything."""
    saved = pair.interest_saved
    return {
        "avalanche": _payoff_data(pair.avalanche, debts),
        "snowball": _payoff_data(pair.snowball, debts),
        "interest_difference": money_str(saved) if saved is not None else None,
        "months_difference": pair.months_sooner,
    }
