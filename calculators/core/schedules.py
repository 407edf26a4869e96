"""Repayment schedules under the rounding convention of the guide.

Convention (domain-facts): the payment is rounded half-up to the fen; each period's interest
is rounded half-up to the fen; principal = payment - interest; the last period pays the whole
remaining balance plus its interest, so the principal repaid equals the loan exactly.

Where the convention alone would mislead, the schedule stays honest instead:

- a payment (or, for equal principal, the principal part) rounds to at least one fen;
- a schedule stops in the period that repays the loan: when the rounded payment is a little
  more than exact, the loan can be repaid before the term (1,155.64 at 1.5% a month over 360
  months is repaid in month 358), and no period after that shows a payment of 0.00;
- an equal installment that does not exceed the first period's interest would never reduce
  the balance (interest only, then everything in the last period): :class:`NotAmortizing`
  is raised instead of showing it as a repayment plan.

The rounding of the payment can still leave the last payment far from the others at high rates
over long terms (10,000 at 2% a month over 480 months: 200.01 a month, then 4,010.72): see
:mod:`calculators.core.endings` for how that is stated.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_CEILING, Decimal

from .money import FEN, ZERO, to_fen
from .rates import annuity_payment

__all__ = [
    "NotAmortizing",
    "Row",
    "equal_installment",
    "equal_principal",
    "installment",
    "interest_first",
    "principal_part",
    "repays_within",
    "smallest_payment",
    "total_interest",
]


class NotAmortizing(ValueError):
    """An equal installment rounded to the fen does not exceed the first period's interest.

    This happens only with extreme rates over long terms (254.80 at 15% a month over 600
    months: 38.22 a month is exactly the interest): the balance would never fall, so it is
    not a repayment plan.
    """

    def __init__(self, term: int) -> None:
        super().__init__(f"an equal installment over {term} months does not reduce the balance")
        self.term = term


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


def installment(principal: Decimal, rate: Decimal, periods: int) -> Decimal:
    """The equal installment rounded half-up to the fen (at least one fen); raises
    :class:`NotAmortizing` when, over more than one period, it does not exceed the first interest.

    >>> installment(Decimal(10000), Decimal("0.015"), 12)
    Decimal('916.80')
    >>> installment(Decimal("254.80"), Decimal("0.15"), 600)
    Traceback (most recent call last):
    ...
    calculators.core.schedules.NotAmortizing: an equal installment over 600 months does not reduce the balance
    """
    payment = max(to_fen(annuity_payment(principal, rate, periods)), FEN)
    if periods > 1 and payment <= to_fen(to_fen(principal) * rate):
        raise NotAmortizing(periods)
    return payment


def principal_part(principal: Decimal, periods: int) -> Decimal:
    """Equal principal's part ``P / n`` rounded half-up to the fen, at least one fen.

    >>> principal_part(Decimal(10000), 12), principal_part(Decimal("2.00"), 600)
    (Decimal('833.33'), Decimal('0.01'))
    """
    return max(to_fen(principal / periods), FEN)


def equal_installment(principal: Decimal, rate: Decimal, periods: int) -> list[Row]:
    """等额本息: the same payment every period, ``A = P r (1+r)^n / ((1+r)^n - 1)``.

    10,000 at 1.5% a month over 12 months: 916.80 a month, the last 916.81, total
    interest 1,001.61.

    >>> rows = equal_installment(Decimal(10000), Decimal("0.015"), 12)
    >>> rows[0].payment, rows[-1].payment, total_interest(rows)
    (Decimal('916.80'), Decimal('916.81'), Decimal('1001.61'))

    Rounded up to the fen, the payment can repay the loan early; the schedule then ends there:

    >>> rows = equal_installment(Decimal("1155.64"), Decimal("0.015"), 360)
    >>> len(rows), rows[-2].payment, rows[-1].payment
    (358, Decimal('17.42'), Decimal('0.07'))
    """
    _check(principal, rate, periods)
    payment = installment(principal, rate, periods)
    rows: list[Row] = []
    balance = to_fen(principal)
    for period in range(1, periods):
        interest = to_fen(balance * rate)
        paid = payment - interest
        if paid >= balance:
            break  # this period repays everything: it is the last
        balance -= paid
        rows.append(Row(period, payment, paid, interest, balance))
    rows.append(_last(len(rows) + 1, balance, rate))
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
    part = principal_part(principal, periods)
    rows: list[Row] = []
    balance = to_fen(principal)
    for period in range(1, periods):
        interest = to_fen(balance * rate)
        if part >= balance:
            break  # this period repays everything: it is the last
        balance -= part
        rows.append(Row(period, part + interest, part, interest, balance))
    rows.append(_last(len(rows) + 1, balance, rate))
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


def repays_within(principal: Decimal, rate: Decimal, payment: Decimal, periods: int) -> bool:
    """Whether ``payment`` every period repays ``principal`` within ``periods``, under the
    guide's convention: each period's interest rounded half-up to the fen, the last payment only
    what is left (no more than ``payment``).

    >>> repays_within(Decimal(10000), Decimal("0.015"), Decimal("916.81"), 12)
    True
    >>> repays_within(Decimal(10000), Decimal("0.015"), Decimal("916.80"), 12)
    False
    """
    _check(principal, rate, periods)
    balance = to_fen(principal)
    for _ in range(periods):
        balance += to_fen(balance * rate)
        if payment >= balance:
            return True
        balance -= payment
    return balance <= 0


def smallest_payment(principal: Decimal, rate: Decimal, periods: int) -> Decimal:
    """The smallest payment, in whole fen, that repays ``principal`` within ``periods`` when paid
    every period: what would stop the balance growing and clear it in the reader's term.

    Start from the equal installment ``A = P r (1+r)^n / ((1+r)^n - 1)`` (``r = 0``: ``A = P / n``)
    rounded UP to the fen, so that the rounding never leaves the loan unpaid; then, because
    each period's interest is itself rounded half-up to the fen, check it against the schedule
    (:func:`repays_within`) and move by a fen until it repays and one fen less does not.

    Worked example: 10,000 at 1.5% a month over 12 months. ``A = 916.7999…``, 916.80 rounded
    up; at 916.80 a month the rounded interest leaves 0.01 owing after the 12th payment (the
    schedule's last payment is 916.81), so the smallest payment that repays it is 916.81.
    Without interest, 1,000 over 3 months: 333.34 (333.33 would leave 0.01).

    >>> smallest_payment(Decimal(10000), Decimal("0.015"), 12)
    Decimal('916.81')
    >>> smallest_payment(Decimal(1000), Decimal(0), 3)
    Decimal('333.34')
    """
    _check(principal, rate, periods)
    if to_fen(principal) <= 0:
        return ZERO
    exact = annuity_payment(to_fen(principal), rate, periods)
    payment = max((exact / FEN).to_integral_value(rounding=ROUND_CEILING) * FEN, FEN)
    while not repays_within(principal, rate, payment, periods):
        payment += FEN
    while payment > FEN and repays_within(principal, rate, payment - FEN, periods):
        payment -= FEN
    return payment
