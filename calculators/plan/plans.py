"""Repayment plans for one or more debts, compared as options a reader can propose.

A plan applies one method (等额本息 / 等额本金 / 先息后本, see :mod:`calculators.core.schedules`)
to every debt over the same term, optionally after a pause, optionally with the interest rate
cut by a percentage, and adds the schedules period by period into one schedule for all debts.

During a pause nothing is paid and each month's interest (rounded half-up to the fen) is added
to the balance; the schedule shows ``principal = payment - interest`` as a negative amount, so
the principal column still adds up to the amount owed.

The shortest term that fits a budget (:func:`shortest_fitting`) is found without building a
schedule per candidate: the first payment of a term ``n`` has a closed form and never rises as
``n`` grows, so a bisection finds the first ``n`` whose first payment fits; the only other
payment that can be higher is the last one (the whole remaining balance plus its interest), so
``n`` then grows until the last payment fits as well.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import ROUND_CEILING, ROUND_HALF_UP, Decimal
from functools import cached_property
from itertools import zip_longest
from typing import NamedTuple

from ..core.endings import Ending
from ..core.money import FEN, ZERO, to_fen
from ..core.rates import annuity_payment
from ..core.schedules import (
    NotAmortizing,
    Row,
    equal_installment,
    equal_principal,
    installment,
    interest_first,
    principal_part,
)
from ..core.yields import loan_irr
from .debts import MAX_MONTHS, Debt

__all__ = [
    "METHODS",
    "NotAmortizing",
    "Plan",
    "build_plan",
    "Columns",
    "DebtColumns",
    "combine",
    "debt_columns",
    "first_payment",
    "last_payment",
    "payment_in_month",
    "shortest_fitting",
]

METHODS: dict[str, Callable[[Decimal, Decimal, int], list[Row]]] = {
    "equal_installment": equal_installment,
    "equal_principal": equal_principal,
    "interest_first": interest_first,
}
"""The reference schedules; :func:`debt_columns` produces the same figures, faster."""

Columns = tuple[list[Decimal], list[Decimal], list[Decimal]]
"""A schedule as three columns: payments, interest and the balance after each period."""


def _fen(value: Decimal) -> Decimal:
    return value.quantize(FEN, ROUND_HALF_UP)


class DebtColumns(NamedTuple):
    """One debt's schedule as columns, and the regular payment of its last period.

    ``regular`` is what the method asks for in the last period without the rounding drift (the
    installment, or the principal part plus that period's interest, or for interest first the
    monthly interest): see :mod:`calculators.core.endings`.
    """

    payments: list[Decimal]
    interest: list[Decimal]
    balances: list[Decimal]
    regular: Decimal


def debt_columns(method: str, principal: Decimal, rate: Decimal, term: int, pause: int = 0) -> DebtColumns:
    """One debt's schedule: ``pause`` months with nothing paid, then ``method`` over ``term``.

    The same arithmetic as :mod:`calculators.core.schedules` (the tests check it to the fen), kept
    as plain columns because building row objects was most of the plan calculator's time: the
    schedule ends in the period that repays the debt, and an equal installment that does not
    exceed the interest raises :class:`NotAmortizing`. During a pause the interest is added to
    the balance: 10,000 at 1.5% a month paused for 2 months grows to 10,150.00 and then
    10,302.25, which is then repaid.

    >>> payments, interest, balances, regular = debt_columns("interest_first", Decimal(10000), Decimal("0.015"), 1, 2)
    >>> payments, interest, balances
    ([Decimal('0.00'), Decimal('0.00'), Decimal('10456.78')], [Decimal('150.00'), Decimal('152.25'), Decimal('154.53')], [Decimal('10150.00'), Decimal('10302.25'), Decimal('0.00')])
    """
    if term < 1 or principal < 0 or rate < 0:
        raise ValueError("the term must be at least 1 and nothing may be negative")
    if method not in METHODS:
        raise ValueError(f"unknown method {method!r}")
    payments: list[Decimal] = []
    interests: list[Decimal] = []
    balances: list[Decimal] = []
    pay, charge, owe = payments.append, interests.append, balances.append
    # The hot loops of the plan calculator: one per method, the rounding written out
    # (``_fen(balance * rate)``) and nothing else done in them.
    balance = _fen(principal)
    for _ in range(pause):
        interest = (balance * rate).quantize(FEN, ROUND_HALF_UP)
        balance += interest
        pay(ZERO)
        charge(interest)
        owe(balance)
    if method == "equal_installment":
        payment = installment(balance, rate, term)
        for _ in range(term - 1):
            interest = (balance * rate).quantize(FEN, ROUND_HALF_UP)
            paid = payment - interest
            if paid >= balance and paid:
                break  # this period repays everything: it is the last
            balance -= paid
            pay(payment)  # paid + interest
            charge(interest)
            owe(balance)
    elif method == "equal_principal":
        part = principal_part(balance, term)
        for _ in range(term - 1):
            if part >= balance:
                break  # this period repays everything: it is the last
            interest = (balance * rate).quantize(FEN, ROUND_HALF_UP)
            balance -= part
            pay(part + interest)
            charge(interest)
            owe(balance)
    else:  # interest first: the interest every period, the balance with the last
        interest = (balance * rate).quantize(FEN, ROUND_HALF_UP)
        for _ in range(term - 1):
            pay(interest)
            charge(interest)
            owe(balance)
    interest = _fen(balance * rate)
    last = balance + interest
    payments.append(last)
    interests.append(interest)
    balances.append(ZERO)
    if method == "equal_installment":
        regular = payment
    elif method == "equal_principal":
        regular = part + interest
    else:
        regular = interest  # the monthly interest: the last payment adds the whole amount
    return DebtColumns(payments, interests, balances, regular)


def _add(columns: Sequence[list[Decimal]]) -> list[Decimal]:
    if len(columns) == 1:
        return columns[0]
    return [sum(values, ZERO) for values in zip_longest(*columns, fillvalue=ZERO)]


def combine(schedules: Sequence[Columns | DebtColumns]) -> Columns:
    """Add schedules period by period (a schedule that has ended counts as zero)."""
    return (
        _add([s[0] for s in schedules]),
        _add([s[1] for s in schedules]),
        _add([s[2] for s in schedules]),
    )


@dataclass(frozen=True)
class Plan:
    """One option: every debt on ``method`` over ``term`` months after ``pause`` months.

    ``reduction`` is the cut in the interest rate, in percent (100 waives the interest).
    ``payments``, ``interest`` and ``balances`` are the columns of the schedule of all debts
    together; ``principal = payment - interest`` (negative during a pause).
    """

    key: str
    method: str
    term: int
    pause: int
    reduction: Decimal
    owed: Decimal
    payments: tuple[Decimal, ...]
    interest: tuple[Decimal, ...]
    balances: tuple[Decimal, ...]
    rate_guess: Decimal = ZERO
    """Where the search for :attr:`monthly_irr` starts: the debts' average monthly rate."""
    regular_last: Decimal | None = None
    """The regular payment of the last month without the rounding drift (see :attr:`ending`)."""

    @property
    def months(self) -> int:
        return len(self.payments)

    @property
    def rows(self) -> list[Row]:
        """The schedule as rows ``(period, payment, principal, interest, balance)``."""
        return [
            Row(period, payment, payment - interest, interest, balance)
            for period, (payment, interest, balance) in enumerate(
                zip(self.payments, self.interest, self.balances, strict=True), 1
            )
        ]

    @property
    def first_payment(self) -> Decimal:
        """The first payment after any pause."""
        return self.payments[self.pause] if self.pause < len(self.payments) else self.payments[-1]

    @property
    def last_payment(self) -> Decimal:
        return self.payments[-1]

    @property
    def ending(self) -> Ending:
        """The last payment against the regular one, and whether the debts are repaid early.

        >>> plan = build_plan("x", [Debt("a", Decimal(10000), Decimal("0.02"))], "equal_installment", 480)
        >>> plan.ending.regular, plan.ending.last, plan.ending.apart
        (Decimal('200.01'), Decimal('4010.72'), True)
        """
        regular = self.last_payment if self.regular_last is None else self.regular_last
        balloon = self.method == "interest_first"
        return Ending(regular, self.last_payment, self.months - self.pause, self.term, balloon)

    @cached_property
    def highest_payment(self) -> Decimal:
        return max(self.payments)

    @cached_property
    def total_paid(self) -> Decimal:
        return sum(self.payments, ZERO)

    @cached_property
    def total_interest(self) -> Decimal:
        return sum(self.interest, ZERO)

    @cached_property
    def payoff_month(self) -> int:
        """The period in which the balance reaches zero."""
        return next(period for period, balance in enumerate(self.balances, 1) if not balance)

    @cached_property
    def monthly_irr(self) -> Decimal:
        """The monthly rate the payments really cost: the IRR of ``(-owed, payments...)``."""
        return loan_irr([-self.owed, *self.payments], guess=self.rate_guess)

    @property
    def apr_nominal(self) -> Decimal:
        """Nominal annualized rate (a fraction): ``12 x`` :attr:`monthly_irr`.

        >>> plan = build_plan("x", [Debt("a", Decimal(10000), Decimal("0.015"))], "equal_installment", 12)
        >>> round(plan.apr_nominal * 100, 2)
        Decimal('18.00')
        """
        return 12 * self.monthly_irr

    def fits(self, budget: Decimal) -> bool:
        """Whether no payment is above ``budget``."""
        return self.highest_payment <= budget


PLANS_KEPT = 16
"""How many plans :func:`build_plan` keeps for the next recalculations."""

_kept: OrderedDict[tuple[object, ...], Plan] = OrderedDict()


def build_plan(
    key: str,
    debts: Sequence[Debt],
    method: str,
    term: int,
    pause: int = 0,
    reduction: Decimal = ZERO,
) -> Plan:
    """The plan for all ``debts``; the rate of each is cut by ``reduction`` percent.

    Worked case: 10,000 at 1.5% a month over 12 months, equal installment: 916.80 a month,
    the last 916.81, total interest 1,001.61.

    >>> plan = build_plan("x", [Debt("a", Decimal(10000), Decimal("0.015"))], "equal_installment", 12)
    >>> plan.first_payment, plan.last_payment, plan.total_interest
    (Decimal('916.80'), Decimal('916.81'), Decimal('1001.61'))

    A plan is immutable and depends only on these arguments (not on a debt's name), so the last
    :data:`PLANS_KEPT` are kept, their figures with them: when the reader changes the budget, the
    options that do not depend on it are not built again (amounts and rates are compared as
    written, ``Decimal("0.0150")`` apart from ``Decimal("0.015")``, so nothing kept can differ
    from what would be built).

    >>> build_plan("x", [Debt("b", Decimal(10000), Decimal("0.015"))], "equal_installment", 12) is plan
    True
    """
    memo = (key, tuple((str(d.amount), str(d.rate)) for d in debts), method, term, pause, str(reduction))
    plan = _kept.get(memo)
    if plan is not None:
        _kept.move_to_end(memo)
        return plan
    plan = _build_plan(key, debts, method, term, pause, reduction)
    _kept[memo] = plan
    if len(_kept) > PLANS_KEPT:
        _kept.popitem(last=False)
    return plan


def _build_plan(
    key: str, debts: Sequence[Debt], method: str, term: int, pause: int, reduction: Decimal
) -> Plan:
    """:func:`build_plan` itself: each debt's schedule (:func:`debt_columns`), added month by month."""
    keep = 1 - reduction / 100
    rates = [debt.rate * keep for debt in debts]
    schedules = [
        debt_columns(method, debt.amount, rate, term, pause) for debt, rate in zip(debts, rates, strict=True)
    ]
    payments, interest, balances = combine(schedules)
    regular = sum((s.regular for s in schedules if len(s.payments) == len(payments)), ZERO)
    owed = sum((debt.amount for debt in debts), ZERO)
    guess = sum(debt.amount * rate for debt, rate in zip(debts, rates, strict=True)) / owed if owed else ZERO
    return Plan(
        key,
        method,
        term,
        pause,
        reduction,
        owed,
        tuple(payments),
        tuple(interest),
        tuple(balances),
        guess,
        regular,
    )


def first_payment(debts: Sequence[Debt], method: str, term: int) -> Decimal:
    """The first payment of a ``term``-month plan, without building it.

    Equal installment: ``sum(round(A_j))``; equal principal: ``sum(round(P_j / n) + round(P_j r_j))``;
    interest first: ``sum(round(P_j r_j))`` (the whole ``P_j`` too when ``n = 1``). None of
    these rises as ``n`` grows.

    >>> debts = [Debt("a", Decimal(10000), Decimal("0.015"))]
    >>> [first_payment(debts, m, 12) for m in ("equal_installment", "equal_principal", "interest_first")]
    [Decimal('916.80'), Decimal('983.33'), Decimal('150.00')]
    """
    total = ZERO
    for debt in debts:
        interest = to_fen(debt.amount * debt.rate)
        if method == "equal_installment":
            total += max(to_fen(annuity_payment(debt.amount, debt.rate, term)), FEN)
        elif method == "equal_principal":
            total += principal_part(debt.amount, term) + interest
        else:
            total += interest + (debt.amount if term == 1 else ZERO)
    return total


def _last_row(method: str, principal: Decimal, rate: Decimal, term: int) -> tuple[Decimal, int]:
    """One debt's last payment and the period it falls in (``term``, or earlier if repaid early)."""
    if method == "equal_principal":
        part = principal_part(principal, term)
        paid_parts = min(term - 1, int((principal / part).to_integral_value(ROUND_CEILING)) - 1)
        balance = principal - paid_parts * part
        period = paid_parts + 1
    elif method == "interest_first":
        balance, period = principal, term
    else:
        payment = installment(principal, rate, term)
        balance = principal
        period = term
        for month in range(1, term):  # the hot loop of the budget search, kept lean
            paid = payment - (balance * rate).quantize(FEN, ROUND_HALF_UP)
            if paid >= balance:
                period = month  # this period repays everything: it is the last
                break
            balance -= paid
    return balance + to_fen(balance * rate), period


def last_payment(method: str, principal: Decimal, rate: Decimal, term: int) -> Decimal:
    """The last payment of one debt's schedule: what remains plus its interest.

    Equal principal and interest first have closed forms (equal principal's schedule ends in
    the period whose part would cover what remains: after ``k = min(n - 1, ceil(P / part) - 1)``
    parts); equal installment follows the rounded balance period by period (the only way to
    match the schedule to the fen), stopping in the period that repays it.

    >>> last_payment("equal_installment", Decimal(10000), Decimal("0.015"), 12)
    Decimal('916.81')
    >>> last_payment("equal_installment", Decimal("1155.64"), Decimal("0.015"), 360)
    Decimal('0.07')
    """
    return _last_row(method, principal, rate, term)[0]


def payment_in_month(method: str, principal: Decimal, rate: Decimal, term: int) -> Decimal:
    """What one debt's schedule pays in month ``term``: its last payment, or nothing if it was
    repaid earlier (an early last payment is smaller than the regular one, so it never decides
    whether a plan fits).

    >>> payment_in_month("equal_installment", Decimal("1155.64"), Decimal("0.015"), 360)
    Decimal('0.00')
    """
    payment, period = _last_row(method, principal, rate, term)
    return payment if period == term else ZERO


def shortest_fitting(
    debts: Sequence[Debt], method: str, budget: Decimal, limit: int = MAX_MONTHS
) -> Plan | None:
    """The shortest plan (1 to ``limit`` months) whose every payment is at most ``budget``.

    Bisection on :func:`first_payment` (it never rises with the term) finds the first term
    whose first payment fits; no shorter term can fit. Other payments are no higher than the
    first except the payments in the last month (:func:`payment_in_month`: a debt repaid
    early pays less than its installment), so the term then grows until those fit too.

    10,000 at 1.5% a month with 500 a month: 24 months (499.24 a month, the last 499.26); 23 would start at 517.31.

    >>> debts = [Debt("a", Decimal(10000), Decimal("0.015"))]
    >>> plan = shortest_fitting(debts, "equal_installment", Decimal(500))
    >>> plan.months, plan.highest_payment, first_payment(debts, "equal_installment", 23)
    (24, Decimal('499.26'), Decimal('517.31'))
    """
    if first_payment(debts, method, limit) > budget:
        return None
    low, high = 1, limit
    while low < high:
        middle = (low + high) // 2
        if first_payment(debts, method, middle) <= budget:
            high = middle
        else:
            low = middle + 1
    for term in range(low, limit + 1):
        try:
            if method == "equal_installment":
                # Only the schedule itself gives the last payment: build it once, keep it if it fits.
                plan = build_plan("fits_budget", debts, method, term)
                if (plan.payments[-1] if plan.months == term else ZERO) <= budget:
                    return plan
                continue
            last = sum((payment_in_month(method, d.amount, d.rate, term) for d in debts), ZERO)
        except NotAmortizing:
            return None  # a longer term lowers the payment further: it can't amortize either
        if last <= budget:
            return build_plan("fits_budget", debts, method, term)
    return None
