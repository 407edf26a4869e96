"""The options a reader can propose to the lender, built from the plan form, and their names.

Every option applies a method to each debt and adds the schedules month by month
(:func:`calculators.plan.plans.build_plan`):

- ``current``: the remaining months the reader entered, at the stated rates;
- ``longer_term``: 12 to 60 months;
- ``reduced_interest``: the longer term with every rate cut by the reader's proposed percentage
  (``waived`` in its title at 100%);
- ``pause``: ``p`` months with nothing paid (interest added to the balance), then a term;
- ``fits_budget``: the shortest term (up to 600 months) whose highest payment is within the
  budget, in the chosen method or, if that never fits, in equal installments.

If no term fits, the page says what payment would repay the debts in :data:`NEEDED_TERM`
months (:func:`needed_payment`). With several debts, paying the whole budget highest rate
first and smallest balance first are compared too (:mod:`calculators.plan.strategies`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from functools import cached_property
from typing import Any

from ..core.i18n import Text, pick, t
from ..core.money import ZERO
from .debts import Debt, monthly_interest
from .plans import NotAmortizing, Plan, build_plan, shortest_fitting
from .strategies import Strategies, compare_orders

__all__ = [
    "NEEDED_TERM",
    "TERM_FIELDS",
    "Options",
    "TermNotAmortizing",
    "build_options",
    "method_name",
    "needed_payment",
    "option_title",
]

NEEDED_TERM = 60
"""The term used to say what payment would repay debts that the budget never repays."""

MESSAGES: dict[str, Text] = {
    "current": {
        "zh": "现在的约定：{n} 个月",
        "en": "Current terms: {n} months",
        "en_one:n": "Current terms: {n} month",
    },
    "longer_term": {"zh": "延长期限：{n} 个月", "en": "Longer term: {n} months"},
    "reduced_interest": {"zh": "利息减少 {p}%：{n} 个月", "en": "Interest cut by {p}%: {n} months"},
    "waived": {"zh": "免除利息：{n} 个月", "en": "Interest waived: {n} months"},
    "pause": {
        "zh": "先暂停 {p} 个月，再分 {n} 个月",
        "en": "Pause {p} months, then {n} months",
        "en_one:p": "Pause {p} month, then {n} months",
    },
    "fits_budget": {
        "zh": "符合我的预算：{n} 个月",
        "en": "Fits my budget: {n} months",
        "en_one:n": "Fits my budget: {n} month",
    },
}

METHOD_NAMES: dict[str, Text] = {
    "equal_installment": {"zh": "等额本息", "en": "equal installments"},
    "equal_principal": {"zh": "等额本金", "en": "equal principal"},
    "interest_first": {"zh": "先息后本", "en": "interest first"},
}


TERM_FIELDS: dict[str, str] = {
    "current": "current_months",
    "longer_term": "longer_term",
    "reduced_interest": "longer_term",
    "pause": "pause_then_term",
}
"""The form field that sets each option's term (where a term that can't repay is reported)."""


class TermNotAmortizing(NotAmortizing):
    """An option's equal installment does not exceed the interest; ``field`` sets its term."""

    def __init__(self, term: int, field: str) -> None:
        super().__init__(term)
        self.field = field


@dataclass(frozen=True)
class Options:
    """The plans to compare for one form, and the figures the page says about them."""

    debts: tuple[Debt, ...]
    budget: Decimal
    method: str
    """The method the reader chose; "fits my budget" may use another (see ``fallback``)."""
    plans: tuple[Plan, ...]
    fallback: bool
    """Whether "fits my budget" had to use equal installments: the chosen method never fits."""
    strategies: Strategies | None
    """Highest rate first against smallest balance first, when there is anything to compare."""
    overdue_days: tuple[int | None, ...]
    """Days each debt is overdue, as entered (``None`` if left empty)."""
    fee_percents: tuple[Decimal | None, ...] = ()
    """Each debt's total installment fee in percent, when its cost was entered as a fee."""

    @cached_property
    def owed(self) -> Decimal:
        """What is owed now on all debts: ``sum(P_j)``."""
        return sum((debt.amount for debt in self.debts), ZERO)

    @cached_property
    def interest_now(self) -> Decimal:
        """This month's interest on all debts: ``sum(round(P_j x r_j))``."""
        return monthly_interest(self.debts)

    @property
    def never_repaid(self) -> bool:
        """Whether the budget does not even cover this month's interest, so nothing is ever repaid."""
        return self.budget <= self.interest_now

    @property
    def fit(self) -> Plan | None:
        """The "fits my budget" plan, if any term up to 600 months fits."""
        return next((plan for plan in self.plans if plan.key == "fits_budget"), None)

    @cached_property
    def needed(self) -> Decimal | None:
        """The payment that would repay everything in ``NEEDED_TERM`` months (said when nothing fits);
        ``None`` when at these rates equal installments over that term would pay only interest."""
        return needed_payment(self.debts)


def needed_payment(debts: Sequence[Debt]) -> Decimal | None:
    """The highest payment of equal installments that repay ``debts`` in ``NEEDED_TERM`` months.

    Each debt's installment is ``A = P r / (1 - (1 + r)^-60)`` rounded to the fen; the last
    payment clears what rounding left, so it is the highest and is what every month must fit.

    10,000 at 1.5% a month: 253.93 a month, and 254.33 in the last month.

    >>> needed_payment([Debt("x", Decimal(10000), Decimal("0.015"))])
    Decimal('254.33')
    """
    try:
        return build_plan("needed", debts, "equal_installment", NEEDED_TERM).highest_payment
    except NotAmortizing:
        return None


def fitting_plan(debts: Sequence[Debt], method: str, budget: Decimal) -> tuple[Plan | None, bool]:
    """The shortest plan within ``budget`` (:func:`calculators.plan.plans.shortest_fitting`), and
    whether it had to fall back to equal installments because ``method`` never fits.

    Interest first repays the whole amount in the last month, so with 10,000 at 1.5% a month
    and 1,000 a month no term fits; equal installments do in 11 months at 992.94 a month.

    >>> debts = [Debt("x", Decimal(10000), Decimal("0.015"))]
    >>> plan, fallback = fitting_plan(debts, "interest_first", Decimal(1000))
    >>> plan.method, plan.months, plan.highest_payment, fallback
    ('equal_installment', 11, Decimal('992.94'), True)
    """
    fit = shortest_fitting(debts, method, budget)
    if fit is None and method != "equal_installment":
        fit = shortest_fitting(debts, "equal_installment", budget)
        return fit, fit is not None
    return fit, False


def _proposals(values: Mapping[str, Any], debts: Sequence[Debt]) -> list[Plan]:
    """The options the reader asked for, in the order shown: current, longer, reduced, pause."""
    method = values["method"]
    wanted: list[tuple[str, int, int, Decimal]] = []  # (key, term, pause, reduction)
    if values["current_months"]:
        wanted.append(("current", values["current_months"], 0, ZERO))
    longer = int(values["longer_term"])
    wanted.append(("longer_term", longer, 0, ZERO))
    if values["reduction"]:
        wanted.append(("reduced_interest", longer, 0, values["reduction"]))
    if values["pause_months"]:
        wanted.append(("pause", int(values["pause_then_term"]), values["pause_months"], ZERO))
    plans = []
    for key, term, pause, reduction in wanted:
        try:
            plans.append(build_plan(key, debts, method, term, pause=pause, reduction=reduction))
        except NotAmortizing as problem:
            raise TermNotAmortizing(problem.term, TERM_FIELDS[key]) from problem
    return plans


def build_options(values: Mapping[str, Any], debts: Sequence[Debt]) -> Options:
    """Every option for the values read from the form, then "fits my budget" if a term fits.

    Worked case: 10,000 at 1.5% a month, 1,000 a month, a 12-month longer term: equal
    installments of 916.80 (the last 916.81, 1,001.61 of interest), and the shortest term
    within the budget is 11 months.

    >>> values = {"budget": Decimal(1000), "method": "equal_installment", "current_months": None,
    ...           "longer_term": "12", "reduction": None, "pause_months": None,
    ...           "debts": [{"overdue_days": None}]}
    >>> options = build_options(values, [Debt("x", Decimal(10000), Decimal("0.015"))])
    >>> [(plan.key, plan.months, plan.first_payment) for plan in options.plans]
    [('longer_term', 12, Decimal('916.80')), ('fits_budget', 11, Decimal('992.94'))]
    >>> options.interest_now, options.never_repaid, options.strategies
    (Decimal('150.00'), False, None)
    """
    budget: Decimal = values["budget"]
    plans = _proposals(values, debts)
    fit, fallback = fitting_plan(debts, values["method"], budget)
    if fit is not None:
        plans.append(fit)
    return Options(
        debts=tuple(debts),
        budget=budget,
        method=values["method"],
        plans=tuple(plans),
        fallback=fallback,
        strategies=compare_orders(debts, budget),
        overdue_days=tuple(row["overdue_days"] for row in values["debts"]),
        fee_percents=tuple(
            row.get("rate") if row.get("rate_kind") == "fee" else None for row in values["debts"]
        ),
    )


def option_title(plan: Plan, lang: str) -> str:
    """What an option is called: its kind and term (``Interest cut by 50%: 36 months``)."""
    if plan.key == "reduced_interest":
        if plan.reduction >= 100:
            return t(MESSAGES, "waived", lang, n=plan.term)
        return t(MESSAGES, "reduced_interest", lang, p=f"{plan.reduction.normalize():f}", n=plan.term)
    return t(MESSAGES, plan.key, lang, n=plan.term, p=plan.pause)


def method_name(method: str, lang: str) -> str:
    """A method's short name for use inside a sentence (``equal installments``)."""
    return pick(METHOD_NAMES[method], lang)
