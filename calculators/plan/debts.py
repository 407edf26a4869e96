"""Debts as the plan calculator sees them, and paying several down from one monthly budget.

Every rate becomes a monthly rate (a fraction): an annual rate ``a`` gives ``a / 12``; a daily
rate ``d`` gives ``d x 365 / 12`` (a 365-day year); a monthly rate is used as it is; a total
fee ``f`` over ``N`` periods (a Huabei-style installment) gives the monthly IRR of its cash
flows ``(-1, (1 + f) / N x N)``.

Paying down (:func:`pay_down`): each month every debt is charged its interest, the budget pays
all of it, and whatever is left goes to one debt at a time in a priority order: the highest
rate first (avalanche) or the smallest balance first (snowball).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from ..core.money import FEN, ZERO, to_fen
from ..core.schedules import smallest_payment
from ..core.yields import loan_irr

__all__ = [
    "smallest_budget",
    "Debt",
    "Payoff",
    "monthly_rate",
    "monthly_interest",
    "avalanche_order",
    "snowball_order",
    "pay_down",
    "MAX_MONTHS",
]

MAX_MONTHS = 600
"""The longest schedule the calculators build: 50 years."""

_DAYS_IN_YEAR = 365


@dataclass(frozen=True)
class Debt:
    """One debt: what is owed now (yuan, to the fen) and its monthly rate (a fraction)."""

    name: str
    amount: Decimal
    rate: Decimal


def monthly_rate(kind: str, percent: Decimal, fee_periods: int | None = None) -> Decimal:
    """The monthly rate (a fraction) for a rate given as ``annual``, ``daily``, ``monthly`` or ``fee``.

    ``annual``: ``a / 12``; ``daily``: ``d x 365 / 12``; ``monthly``: as is; ``fee``: the IRR
    ``i`` of ``(-1, (1 + f) / N, ... N times)``.

    18% a year is 1.5% a month; 0.05% a day is 1.5208% a month; a total fee of 8.8% over 12
    periods is 1.3220% a month:

    >>> monthly_rate("annual", Decimal(18))
    Decimal('0.015')
    >>> round(monthly_rate("daily", Decimal("0.05")) * 100, 4)
    Decimal('1.5208')
    >>> round(monthly_rate("fee", Decimal("8.8"), 12) * 100, 4)
    Decimal('1.3220')
    """
    fraction = percent / 100
    if kind == "annual":
        return fraction / 12
    if kind == "daily":
        return fraction * _DAYS_IN_YEAR / 12
    if kind == "monthly":
        return fraction
    if kind == "fee":
        if not fee_periods or fee_periods < 1:
            raise ValueError("a total fee needs the number of periods")
        if fraction == 0:
            return Decimal(0)
        payment = (1 + fraction) / fee_periods
        return loan_irr([Decimal(-1)] + [payment] * fee_periods)
    raise ValueError(f"unknown rate kind {kind!r}")


def monthly_interest(debts: Sequence[Debt]) -> Decimal:
    """This month's interest on all debts, each rounded half-up to the fen.

    >>> monthly_interest([Debt("a", Decimal(10000), Decimal("0.015")), Debt("b", Decimal(333), Decimal("0.01"))])
    Decimal('153.33')
    """
    return sum((to_fen(debt.amount * debt.rate) for debt in debts), ZERO)


def avalanche_order(debts: Sequence[Debt]) -> tuple[int, ...]:
    """Indices, highest rate first (ties: smaller balance, then the order given)."""
    return tuple(sorted(range(len(debts)), key=lambda i: (-debts[i].rate, debts[i].amount, i)))


def snowball_order(debts: Sequence[Debt]) -> tuple[int, ...]:
    """Indices, smallest balance first (ties: higher rate, then the order given)."""
    return tuple(sorted(range(len(debts)), key=lambda i: (debts[i].amount, -debts[i].rate, i)))


@dataclass(frozen=True)
class Payoff:
    """The result of :func:`pay_down`. ``months`` is ``None`` if not repaid within the limit, and
    then so are the totals (there is no total to state for debts that are never repaid)."""

    order: tuple[int, ...]
    months: int | None
    total_interest: Decimal | None
    total_paid: Decimal | None
    cleared: tuple[int | None, ...]
    """The month each debt (by input index) is paid off, or ``None``."""


def pay_down(debts: Sequence[Debt], budget: Decimal, order: Sequence[int], limit: int = MAX_MONTHS) -> Payoff:
    """Pay ``budget`` a month: every debt's interest first, the rest to debts in ``order``.

    Each month ``k``: interest ``balance_j x r_j`` on every debt; the budget pays all of it,
    then ``budget - sum(interest)`` repays balances one debt at a time in ``order``. The last
    month pays only what is left. If the budget does not exceed the first month's interest
    the debts are never repaid (``months`` is ``None``).

    Here, unlike in a schedule, interest is not rounded to the fen month by month (only the
    totals are): rounding each debt's interest separately can make the order of two nearly
    equal rates look as if it mattered by a few fen, while exactly, paying the highest rate
    first never costs more interest than any other order.

    Worked example: 1,000 at 1% and 3,000 at 2% a month, 500 a month in all. Highest rate
    first: month 1 charges 10.00 + 60.00 interest and repays 430.00 of the 2% debt; paid off
    in month 9 with 314.40 of interest. Smallest balance first: also 9 months, but 383.26.

    >>> debts = [Debt("a", Decimal(1000), Decimal("0.01")), Debt("b", Decimal(3000), Decimal("0.02"))]
    >>> avalanche = pay_down(debts, Decimal(500), avalanche_order(debts))
    >>> avalanche.months, avalanche.total_interest, avalanche.cleared
    (9, Decimal('314.40'), (9, 7))
    >>> pay_down(debts, Decimal(500), snowball_order(debts)).total_interest
    Decimal('383.26')
    """
    balances = [debt.amount for debt in debts]
    rates = [debt.rate for debt in debts]
    owed = sum(balances, ZERO)
    cleared: list[int | None] = [None if amount > 0 else 0 for amount in balances]
    total_interest = Decimal(0)
    month = 0
    while any(balances):
        if month == limit:
            return Payoff(tuple(order), None, None, None, tuple(cleared))
        month += 1
        interest = sum(
            (balance * rate for balance, rate in zip(balances, rates, strict=True) if balance), ZERO
        )
        if month == 1 and budget <= interest:
            return Payoff(tuple(order), None, None, None, tuple(cleared))
        total_interest += interest
        left = budget - interest
        for index in order:
            part = min(left, balances[index])
            if part:
                balances[index] -= part
                left -= part
                if not balances[index]:
                    cleared[index] = month
            if not left:
                break
    interest = to_fen(total_interest)
    return Payoff(tuple(order), month, interest, owed + interest, tuple(cleared))


def smallest_budget(debts: Sequence[Debt], months: int) -> Decimal:
    """The smallest monthly payment, in whole fen, that repays every debt within ``months``.

    One debt: :func:`calculators.core.schedules.smallest_payment` (the equal installment
    ``A = P r (1+r)^n / ((1+r)^n - 1)`` rounded up to the fen, checked against the schedule).
    Several: paying each its own smallest payment repays them all in time, so their sum is enough;
    paying the whole budget highest rate first (:func:`pay_down`) may need less, and the smallest
    such budget is found by halving the range between this month's interest and that sum.

    Worked example: 10,000 at 1.5% a month in 12 months: 916.81 a month (916.80 would leave 0.01).

    >>> smallest_budget([Debt("x", Decimal(10000), Decimal("0.015"))], 12)
    Decimal('916.81')
    """
    owing = [debt for debt in debts if debt.amount > 0]
    if len(owing) <= 1:
        return smallest_payment(owing[0].amount, owing[0].rate, months) if owing else ZERO
    order = avalanche_order(owing)
    high = sum((smallest_payment(debt.amount, debt.rate, months) for debt in owing), ZERO)
    while pay_down(owing, high, order, limit=months).months is None:  # a guard: the sum is enough
        high += FEN
    low = to_fen(monthly_interest(owing))  # never repays: the answer is above it
    while high - low > FEN:
        middle = to_fen((low + high) / 2)
        if pay_down(owing, middle, order, limit=months).months is not None:
            high = middle
        else:
            low = middle
    return high
