"""Schedules under the rounding convention: worked cases, numpy-financial, and properties.

Covers the reference schedules in ``calculators.core.schedules``, the faster columns the plan
calculator builds (``calculators.plan.plans.debt_columns``, checked to the fen against the
reference), the IRR used for annualized rates, and paying several debts down.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

import numpy_financial as npf
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from calculators.core.money import ZERO
from calculators.core.schedules import (
    NotAmortizing,
    Row,
    equal_installment,
    equal_principal,
    interest_first,
    total_interest,
)
from calculators.core.yields import loan_irr
from calculators.plan.debts import (
    Debt,
    avalanche_order,
    monthly_interest,
    monthly_rate,
    pay_down,
    snowball_order,
)
from calculators.plan.plans import METHODS, build_plan, debt_columns, first_payment, last_payment

P = Decimal(10000)
R = Decimal("0.015")

# Amounts in fen from 1 fen to 1 million yuan; monthly rates from 0 to 5%, as typed (4 decimals of a percent).
amounts = st.integers(min_value=1, max_value=100_000_000).map(lambda fen: Decimal(fen) / 100)
rates = st.integers(min_value=0, max_value=50_000).map(lambda tenth_bp: Decimal(tenth_bp) / 1_000_000)
positive_rates = st.integers(min_value=1, max_value=50_000).map(
    lambda tenth_bp: Decimal(tenth_bp) / 1_000_000
)
terms = st.integers(min_value=1, max_value=600)
methods = st.sampled_from(sorted(METHODS))


# --- The worked cases ---------------------------------------------------------------------------------


def test_equal_installment_worked_case() -> None:
    rows = equal_installment(P, R, 12)
    assert rows[0].payment == Decimal("916.80")
    assert all(row.payment == Decimal("916.80") for row in rows[:-1])
    assert rows[-1].payment == Decimal("916.81")
    assert total_interest(rows) == Decimal("1001.61")


def test_equal_principal_worked_case() -> None:
    rows = equal_principal(P, R, 12)
    assert rows[0].payment == Decimal("983.33")
    assert rows[0].principal == Decimal("833.33") and rows[0].interest == Decimal("150.00")
    assert total_interest(rows) == Decimal("975.00")


def test_interest_first_worked_case() -> None:
    rows = interest_first(P, R, 12)
    assert [row.payment for row in rows[:-1]] == [Decimal("150.00")] * 11
    assert rows[-1].payment == Decimal("10150.00")
    assert total_interest(rows) == Decimal("1800.00")


@pytest.mark.parametrize(
    ("method", "first", "interest"),
    [
        ("equal_installment", "916.80", "1001.61"),
        ("equal_principal", "983.33", "975.00"),
        ("interest_first", "150.00", "1800.00"),
    ],
)
def test_plan_columns_give_the_worked_cases(method: str, first: str, interest: str) -> None:
    plan = build_plan("x", [Debt("a", P, R)], method, 12)
    assert plan.first_payment == Decimal(first)
    assert plan.total_interest == Decimal(interest)
    assert first_payment([Debt("a", P, R)], method, 12) == Decimal(first)


# --- numpy-financial as an independent check ---------------------------------------------------------


@pytest.mark.parametrize(
    ("principal", "rate", "periods"),
    [(10000, 0.015, 12), (5000, 0.0125, 24), (123456.78, 0.0152083, 36), (800, 0.02, 6), (30000, 0.005, 60)],
)
def test_equal_installment_matches_numpy_financial(principal: float, rate: float, periods: int) -> None:
    rows = equal_installment(Decimal(str(principal)), Decimal(str(rate)), periods)
    payment = -npf.pmt(rate, periods, principal)
    assert rows[0].payment == Decimal(f"{payment:.2f}")
    # Per-period interest follows numpy's unrounded schedule to within the rounding drift.
    for row in rows:
        expected = -npf.ipmt(rate, row.period, periods, principal)
        assert abs(float(row.interest) - expected) <= 0.01 * row.period
    unrounded_interest = payment * periods - principal
    assert abs(float(total_interest(rows)) - unrounded_interest) <= 0.01 * periods


@pytest.mark.parametrize(("rate", "periods"), [(0.015, 12), (0.0125, 24), (0.03, 6), (0.004, 60)])
def test_plan_irr_matches_numpy_financial(rate: float, periods: int) -> None:
    debts = [
        Debt("a", Decimal(6000), Decimal(str(rate))),
        Debt("b", Decimal("2500.50"), Decimal(str(rate * 2))),
    ]
    plan = build_plan("x", debts, "equal_principal", periods, pause=2)
    flows = [-float(plan.owed)] + [float(p) for p in plan.payments]
    assert float(plan.monthly_irr) == pytest.approx(npf.irr(flows), abs=1e-9)


@pytest.mark.parametrize(("fee", "periods"), [("2.5", 3), ("4.5", 6), ("6.5", 9), ("8.8", 12), ("15", 24)])
def test_fee_conversion_matches_numpy_financial(fee: str, periods: int) -> None:
    payment = (1 + float(fee) / 100) / periods
    expected = npf.rate(periods, payment, -1, 0)
    assert float(monthly_rate("fee", Decimal(fee), periods)) == pytest.approx(
        expected, abs=1e-9
    )  # npf: tol 1e-6


def test_rate_conversions() -> None:
    assert monthly_rate("annual", Decimal(18)) == Decimal("0.015")
    assert monthly_rate("monthly", Decimal("1.5")) == Decimal("0.015")
    assert monthly_rate("daily", Decimal("0.05")) == Decimal("0.0005") * 365 / 12
    assert monthly_rate("fee", Decimal(0), 12) == 0
    with pytest.raises(ValueError):
        monthly_rate("fee", Decimal(5))
    with pytest.raises(ValueError):
        monthly_rate("weekly", Decimal(5))


@given(
    st.lists(
        st.integers(min_value=0, max_value=10**7).map(lambda f: Decimal(f) / 100), min_size=1, max_size=60
    ),
    amounts,
)
def test_loan_irr_is_a_root(payments: list[Decimal], owed: Decimal) -> None:
    if sum(payments) < owed or not any(payments):
        return
    rate = loan_irr([-owed, *payments])
    value = -owed + sum(p / (1 + rate) ** t for t, p in enumerate(payments, 1))
    assert abs(value) <= Decimal("1e-6") * owed


# --- Properties of every schedule ----------------------------------------------------------------------


def _check_schedule(rows: list[Row], principal: Decimal, periods: int) -> None:
    assert len(rows) <= periods
    assert sum((row.principal for row in rows), ZERO) == principal  # the amount owed, to the fen
    assert rows[-1].balance == ZERO
    for row in rows:
        assert row.payment >= 0 and row.interest >= 0 and row.balance >= 0 and row.principal >= 0
        assert row.payment == row.principal + row.interest
        assert row.payment.as_tuple().exponent == -2 and row.balance.as_tuple().exponent == -2


@settings(max_examples=300, deadline=None)
@given(amounts, rates, terms, methods)
def test_every_schedule_repays_exactly_and_never_goes_negative(
    principal: Decimal, rate: Decimal, periods: int, method: str
) -> None:
    try:
        rows = METHODS[method](principal, rate, periods)
    except NotAmortizing:
        return
    _check_schedule(rows, principal, periods)


@settings(max_examples=300, deadline=None)
@given(amounts, rates, terms, methods, st.integers(min_value=0, max_value=12))
def test_plan_columns_match_the_reference_schedules(
    principal: Decimal, rate: Decimal, periods: int, method: str, pause: int
) -> None:
    try:
        payments, interest, balances, _ = debt_columns(method, principal, rate, periods, pause)
    except NotAmortizing:
        grown = principal
        for _ in range(pause):
            grown += (grown * rate).quantize(Decimal("0.01"), ROUND_HALF_UP)
        with pytest.raises(NotAmortizing):
            METHODS[method](grown, rate, periods)
        return
    grown = principal
    for index in range(pause):  # the pause: nothing paid, interest added to the balance
        assert payments[index] == ZERO
        grown += interest[index]
        assert balances[index] == grown
    reference = METHODS[method](grown, rate, periods)
    assert payments[pause:] == [row.payment for row in reference]
    assert interest[pause:] == [row.interest for row in reference]
    assert balances[pause:] == [row.balance for row in reference]
    # Principal (payment - interest, negative during a pause) adds up to the amount owed.
    assert sum(p - i for p, i in zip(payments, interest, strict=True)) == principal
    assert last_payment(method, grown, rate, periods) == payments[-1]


@settings(max_examples=300, deadline=None)
@given(amounts, positive_rates, st.integers(min_value=1, max_value=599), methods)
def test_a_longer_term_never_raises_the_payment_nor_lowers_the_interest(
    principal: Decimal, rate: Decimal, periods: int, method: str
) -> None:
    try:
        longer = METHODS[method](principal, rate, periods + 1)
    except NotAmortizing:
        return  # the longer term is refused: at the fen, its payment would not exceed the interest
    shorter = METHODS[method](principal, rate, periods)
    assert longer[0].payment <= shorter[0].payment
    assert total_interest(longer) >= total_interest(shorter)


# --- Several debts: avalanche and snowball -----------------------------------------------------------

debt_lists = st.lists(
    st.builds(Debt, st.just("d"), amounts.filter(lambda a: a <= 200_000), rates), min_size=1, max_size=6
)


@settings(max_examples=300, deadline=None)
@given(debt_lists, st.integers(min_value=1, max_value=5_000_000).map(lambda fen: Decimal(fen) / 100))
@example([Debt("d", Decimal("3.64"), Decimal("0.001374"))], Decimal("0.01"))  # interest 0.005: a fen's edge
def test_avalanche_never_pays_more_interest_than_snowball(debts: list[Debt], budget: Decimal) -> None:
    avalanche = pay_down(debts, budget, avalanche_order(debts))
    snowball = pay_down(debts, budget, snowball_order(debts))
    if budget <= sum((d.amount * d.rate for d in debts), ZERO):
        assert avalanche.months is None and snowball.months is None
        return
    if budget <= monthly_interest(debts):
        return  # within a fen of the interest: the page calls it never repaid (interest to the fen)
    if avalanche.months is None or snowball.months is None:
        return  # more than 600 months either way
    assert avalanche.total_interest <= snowball.total_interest
    owed = sum((d.amount for d in debts), ZERO)
    for payoff in (avalanche, snowball):
        assert payoff.total_paid == owed + payoff.total_interest
        assert all(month is not None and month <= payoff.months for month in payoff.cleared)


def test_pay_down_worked_example() -> None:
    debts = [Debt("a", Decimal(1000), Decimal("0.01")), Debt("b", Decimal(3000), Decimal("0.02"))]
    avalanche = pay_down(debts, Decimal(500), avalanche_order(debts))
    snowball = pay_down(debts, Decimal(500), snowball_order(debts))
    assert (avalanche.months, avalanche.total_interest) == (9, Decimal("314.40"))
    assert (snowball.months, snowball.total_interest) == (9, Decimal("383.26"))
    assert snowball.cleared == (3, 9)


def test_pay_down_stops_at_the_limit() -> None:
    debts = [Debt("a", Decimal(10000), Decimal("0.015"))]
    slow = pay_down(debts, Decimal("150.01"), (0,))
    assert slow.months is None and slow.total_interest is None and slow.total_paid is None
