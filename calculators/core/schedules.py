"""Repayment schedules under the rounding convention of the guide.

Convention (domain-facts): the payment is rounded half-up to the fen; each period's interest
is rounded half-up to the fen; principal = payment - interest; the last period pays the whole
remaining balance plus its interest, so the principal repaid equals the loan exactly.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from .money import ZERO, to_fen
from .rates import annuity_payment

__all__ = ["Row", "equal_installment", "equal_principal", "interest_first", "total_interest"]


@dataclass(frozen=True)
class Row:
    """One period of a schedule; ``balance`` is what remains owed after the payment."""

    period: int
    payment: Decimal
    principal: Decimal
    interest: Decimal
    balance: Decimal


def _check(principal: Decimal, rate: Decimal, periods: int) -> None:
    if periods < 1:
        raise ValueError("periods must be at least 1")
    if principal < 0 or rate < 0:
        raise ValueError("principal and rate must not be negative")


def _last(period: int, balance: Decimal, rate: Decimal) -> Row:
    interest = to_fen(balance * rate)
    return Row(period, balance + interest, balance, interest, ZERO)


def equal_installment(principal: Decimal, rate: Decimal, periods: int) -> list[Row]:
    """等额本息: the same payment every period, ``A = P r (1+r)^n / ((1+r)^n - 1)``.

    10,000 at 1.5% a month over 12 months: 916.80 a month, the last 916.81, total
    interest 1,001.61.

    >>> rows = equal_installment(Decimal(10000), Decimal("0.015"), 12)
    >>> rows[0].payment, rows[-1].payment, total_interest(rows)
    (Decimal('916.80'), Decimal('916.81'), Decimal('1001.61'))
    """
    _check(principal, rate, periods)
    payment = to_fen(annuity_payment(principal, rate, periods))
    rows: list[Row] = []
    balance = to_fen(principal)
    for period in range(1, periods):
        interest = to_fen(balance * rate)
        paid = min(payment - interest, balance)
        balance -= paid
        rows.append(Row(period, paid + interest, paid, interest, balance))
    rows.append(_last(periods, balance, rate))
    return rows


def equal_principal(principal: Decimal, rate: Decimal, periods: int) -> list[Row]:
    """等额本金: the same principal ``P / n`` every period plus interest on what remains.

    10,000 at 1.5% a month over 12 months: the first payment is 833.33 + 150.00 = 983.33,
    total interest 975.00.

    >>> rows = equal_principal(Decimal(10000), Decimal("0.015"), 12)
    >>> rows[0].payment, total_interest(rows)
    (Decimal('983.33'), Decimal('975.00'))
    """
    _check(principal, rate, periods)
    part = to_fen(principal / periods)
    rows: list[Row] = []
    balance = to_fen(principal)
    for period in range(1, periods):
        interest = to_fen(balance * rate)
        paid = min(part, balance)
        balance -= paid
        rows.append(Row(period, paid + interest, paid, interest, balance))
    rows.append(_last(periods, balance, rate))
    return rows


def interest_first(principal: Decimal, rate: Decimal, periods: int) -> list[Row]:
    """先息后本: interest ``P r`` every period, the principal with the last payment.

    10,000 at 1.5% a month over 12 months: 150.00 a month, then 10,150.00; total interest 1,800.00.

    >>> rows = interest_first(Decimal(10000), Decimal("0.015"), 12)
    >>> rows[0].payment, rows[-1].payment, total_interest(rows)
    (Decimal('150.00'), Decimal('10150.00'), Decimal('1800.00'))
    """
    _check(principal, rate, periods)
    balance = to_fen(principal)
    rows = [Row(p, to_fen(balance * rate), ZERO, to_fen(balance * rate), balance) for p in range(1, periods)]
    rows.append(_last(periods, balance, rate))
    return rows


def total_interest(rows: list[Row]) -> Decimal:
    """Sum of the interest column."""
    return sum((row.interest for row in rows), ZERO)
