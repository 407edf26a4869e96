"""The rate a loan really costs: a fast internal rate of return for loan-shaped cash flows.

A loan seen from the borrower is ``-P`` (money received, written as negative here so that it
matches :func:`calculators.core.rates.irr`) followed by payments ``c_1 ... c_n >= 0``. Its net
present value ``f(i) = -P + sum(c_t / (1+i)^t)`` falls as ``i`` rises and is convex, so
Newton's method started at ``i = 0`` (left of the root whenever the payments add up to at least
``P``) climbs to the root without overshooting: a handful of steps instead of the ~70 halvings
of bisection. Anything else falls back to the bisection in :mod:`calculators.core.rates`.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from .rates import irr

__all__ = ["loan_irr"]

_ZERO = Decimal(0)
_ONE = Decimal(1)
_FLOOR = Decimal("-0.5")
_TOLERANCE = Decimal("1e-10")
"""Newton converges quadratically: after a step this small the error is about its square."""


def _npv_and_slope(rate: Decimal, flows: Sequence[Decimal]) -> tuple[Decimal, Decimal]:
    """``f(i) = sum(c_t v^t)`` and ``f'(i) = -sum(t c_t v^(t+1))`` with ``v = 1 / (1+i)``."""
    step = _ONE / (_ONE + rate)
    factor = _ONE
    value = _ZERO
    slope = _ZERO
    for period, flow in enumerate(flows):
        if flow:
            value += flow * factor
            slope -= period * flow * factor
        factor *= step
    return value, slope * step


def loan_irr(flows: Sequence[Decimal], guess: Decimal = _ZERO) -> Decimal:
    """Rate per period ``i`` with ``sum(c_t / (1+i)^t) = 0``, for ``c_0 < 0`` and ``c_t >= 0``.

    Newton's step ``i <- i - f(i) / f'(i)`` from ``guess``. Left of the root it climbs without
    overshooting; right of it, the first step lands left of the root (by convexity), and if a
    poor guess sends it below -50% the search restarts from 0. Worked example: borrow
    10,000 and repay 10,880 / 12 a month for 12 months (a total fee of 8.8%): 1.3220% a month.

    >>> flows = [Decimal(-10000)] + [Decimal(10880) / 12] * 12
    >>> round(loan_irr(flows) * 100, 4)
    Decimal('1.3220')

    Repaying exactly what was borrowed costs nothing:

    >>> loan_irr([Decimal(-300), Decimal(100), Decimal(100), Decimal(100)])
    Decimal('0')
    """
    if not flows or flows[0] >= 0 or any(flow < 0 for flow in flows[1:]) or sum(flows) < 0:
        return irr(flows)
    rate = guess if guess > 0 else _ZERO
    for _ in range(100):
        value, slope = _npv_and_slope(rate, flows)
        if value == 0:
            return rate
        if slope == 0:  # pragma: no cover - only for absurd guesses; bisection then decides
            break
        change = value / slope
        rate -= change
        if rate <= _FLOOR:  # a guess far right of the root: start again from zero
            rate = _ZERO
        elif abs(change) < _TOLERANCE:
            return rate
    return irr(flows)  # pragma: no cover - Newton converges for loan-shaped flows
