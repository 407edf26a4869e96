"""Rate arithmetic in ``Decimal``: annuity payment, IRR, nominal and effective annual rates.

Rates here are fractions per period (0.015 = 1.5% a month), never percents.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal, localcontext

__all__ = [
    "annuity_payment",
    "irr",
    "nominal_annual",
    "effective_annual",
    "flat_fee_payment",
]

ONE = Decimal(1)


def annuity_payment(principal: Decimal, rate: Decimal, periods: int) -> Decimal:
    """Equal installment (等额本息) payment, unrounded.

    ``A = P r (1+r)^n / ((1+r)^n - 1)``; with ``r = 0``, ``A = P / n``.

    Example: 10,000 yuan at 1.5% a month over 12 months costs 916.80 a month
    (rounded half-up to the fen):

    >>> from calculators.core.money import to_fen
    >>> to_fen(annuity_payment(Decimal(10000), Decimal("0.015"), 12))
    Decimal('916.80')
    """
    if periods < 1:
        raise ValueError("periods must be at least 1")
    if rate == 0:
        return principal / periods
    growth = (ONE + rate) ** periods
    return principal * rate * growth / (growth - ONE)


def _npv(rate: Decimal, cashflows: Sequence[Decimal]) -> Decimal:
    total = Decimal(0)
    factor = ONE
    step = ONE / (ONE + rate)
    for flow in cashflows:
        total += flow * factor
        factor *= step
    return total


def irr(
    cashflows: Sequence[Decimal], low: Decimal = Decimal("-0.99"), high: Decimal = Decimal(10)
) -> Decimal:
    """Internal rate of return per period: the ``i`` with ``sum(c_t / (1+i)^t) = 0``.

    Found by bisection (robust, no NaN): the cash flows must start negative (money received
    as a loan is ``-P``) and change sign once, so the net present value falls as ``i`` rises.

    Example: borrow 10,000 and repay 10,880 / 12 for 12 months (a total fee of 8.8%):
    1.3220% a month, so 15.86% nominal a year.

    >>> flows = [Decimal(-10000)] + [Decimal(10880) / 12] * 12
    >>> round(irr(flows) * 100, 4)
    Decimal('1.3220')
    """
    if not cashflows or all(flow == 0 for flow in cashflows):
        raise ValueError("no cash flows")
    with localcontext() as ctx:
        ctx.prec = 40
        f_low = _npv(low, cashflows)
        f_high = _npv(high, cashflows)
        if (f_low > 0) == (f_high > 0):
            raise ValueError("the cash flows have no rate of return in range")
        for _ in range(200):
            middle = (low + high) / 2
            f_mid = _npv(middle, cashflows)
            if f_mid == 0 or high - low < Decimal("1e-20"):
                break
            if (f_mid > 0) == (f_low > 0):
                low, f_low = middle, f_mid
            else:
                high = middle
        return +((low + high) / 2)


def nominal_annual(periodic: Decimal, periods_per_year: int = 12) -> Decimal:
    """Nominal annualized rate: the periodic rate times the periods in a year.

    A monthly IRR of 1.3213% gives ``12 x 1.3213% = 15.86%``; a daily rate of 0.05% on a
    365-day year gives 18.25%:

    >>> nominal_annual(Decimal("0.0005"), 365)
    Decimal('0.1825')
    """
    return periodic * periods_per_year


def effective_annual(periodic: Decimal, periods_per_year: int = 12) -> Decimal:
    """Effective annual rate, with compounding: ``(1 + i)^k - 1``.

    A daily rate of 0.05% compounds to 20.02% a year:

    >>> round(effective_annual(Decimal("0.0005"), 365) * 100, 2)
    Decimal('20.02')
    """
    return (ONE + periodic) ** periods_per_year - ONE


def flat_fee_payment(principal: Decimal, fee_fraction: Decimal, periods: int) -> Decimal:
    """Per-period payment of a Huabei-style installment with a total fee ``f``: ``(P + P f) / n``.

    10,000 over 12 periods with a total fee of 8.8%: ``10,880 / 12 = 906.67`` (rounded):

    >>> round(flat_fee_payment(Decimal(10000), Decimal("0.088"), 12), 2)
    Decimal('906.67')
    """
    return (principal + principal * fee_fraction) / periods
