"""What would stop the balance growing (issue 18, item 4): the smallest monthly payment that repays
a debt within the reader's term, checked against numpy-financial's ``pmt`` and by running the
schedule with it (it repays within the term, one fen less does not), and said in the plan's verdict
in zh, en and zh-Hant when the reader's budget never repays."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from calculators import run
from calculators.core.i18n import t
from calculators.core.schedules import equal_installment, repays_within, smallest_payment
from calculators.plan.debts import Debt, avalanche_order, pay_down, smallest_budget
from calculators.plan.verdicts import MESSAGES

npf = pytest.importorskip("numpy_financial")
FEN = Decimal("0.01")


@pytest.mark.parametrize(
    ("principal", "rate", "months", "expected"),
    [
        ("10000", "0.015", 12, "916.81"),  # the formula's 916.7999… rounds up to 916.80, which leaves 0.01
        ("1000", "0", 3, "333.34"),  # no interest: P / n, rounded up
        ("10000", "0.02", 480, "200.02"),
        ("50000", "0.005", 36, "1521.10"),
    ],
)
def test_worked_cases(principal: str, rate: str, months: int, expected: str) -> None:
    assert smallest_payment(Decimal(principal), Decimal(rate), months) == Decimal(expected)


@settings(max_examples=150, deadline=None)
@given(
    principal=st.integers(min_value=100, max_value=10_000_000).map(lambda fen: Decimal(fen) / 100),
    rate=st.integers(min_value=0, max_value=500).map(lambda bp: Decimal(bp) / 10_000),  # 0-5% a month
    months=st.integers(min_value=1, max_value=360),
)
def test_against_numpy_financial_and_the_schedule(principal: Decimal, rate: Decimal, months: int) -> None:
    payment = smallest_payment(principal, rate, months)
    reference = Decimal(str(-npf.pmt(float(rate), months, float(principal))))
    # within a few fen of the exact equal installment (the monthly rounding of interest moves it)
    assert abs(payment - reference) <= Decimal("0.02") + reference * Decimal("1e-9")
    assert repays_within(principal, rate, payment, months)
    assert payment == FEN or not repays_within(principal, rate, payment - FEN, months)


def test_repays_within_runs_the_schedule() -> None:
    # against the equal-installment schedule: its last payment is the one 916.80 can't cover
    rows = equal_installment(Decimal(10000), Decimal("0.015"), 12)
    assert rows[-1].payment == Decimal("916.81") and len(rows) == 12
    assert repays_within(Decimal(10000), Decimal("0.015"), Decimal("916.81"), 12)
    assert not repays_within(Decimal(10000), Decimal("0.015"), Decimal("916.80"), 12)
    assert not repays_within(Decimal(10000), Decimal("0.015"), Decimal("150.00"), 600)  # interest only


def test_several_debts_smallest_budget_paying_highest_rate_first() -> None:
    debts = [Debt("a", Decimal(1000), Decimal("0.01")), Debt("b", Decimal(3000), Decimal("0.02"))]
    for months in (1, 9, 36, 120):
        budget = smallest_budget(debts, months)
        order = avalanche_order(debts)
        assert pay_down(debts, budget, order, limit=months).months is not None
        assert pay_down(debts, budget - FEN, order, limit=months).months is None
        separately = sum(smallest_payment(d.amount, d.rate, months) for d in debts)
        assert budget <= separately


@pytest.mark.parametrize("lang", ["zh", "en", "zh-Hant"])
def test_the_plan_says_what_would_stop_the_balance_growing(lang: str) -> None:
    fields = {
        "debts": [{"name": "", "amount": "10000", "rate_kind": "monthly", "rate": "1.5"}],
        "budget": "150",  # this month's interest: never repaid
        "method": "equal_installment",
        "longer_term": "12",
        "pause_then_term": "36",
    }
    answer = run("plan", fields, lang)
    assert answer["ok"], answer["errors"]
    said = t(MESSAGES, "stop_growing", lang, term=12, payment="916.81")
    assert said in answer["html"].replace('<span lang="zh">', "").replace("</span>", "")
    if lang == "en":
        assert (
            "within the 12 months you chose, you would need to pay at least 916.81 yuan every month" in said
        )
    if lang == "zh-Hant":
        assert "個月內還清" in said
    # a budget that repays does not get the sentence
    assert said not in run("plan", {**fields, "budget": "1000"}, lang)["html"]


@pytest.mark.parametrize("lang", ["zh", "en", "zh-Hant"])
def test_several_debts_never_repaid_in_600_months_say_the_budget_that_would(lang: str) -> None:
    from calculators.plan.strategies import MESSAGES as STRATEGY_MESSAGES

    debts = [
        {"name": "a", "amount": "10000", "rate_kind": "monthly", "rate": "0.5"},
        {"name": "b", "amount": "30000", "rate_kind": "monthly", "rate": "0.4"},
    ]
    fields = {
        "debts": debts,
        "budget": "170.01",  # this month's interest is 170.00: neither order repays within 600 months
        "method": "equal_installment",
        "longer_term": "36",
        "pause_then_term": "36",
    }
    answer = run("plan", fields, lang)
    assert answer["ok"], answer["errors"]
    html = answer["html"].replace('<span lang="zh">', "").replace("</span>", "")
    parsed = [Debt("a", Decimal(10000), Decimal("0.005")), Debt("b", Decimal(30000), Decimal("0.004"))]
    in_600 = smallest_budget(parsed, 600)
    assert pay_down(parsed, in_600, avalanche_order(parsed)).months is not None
    assert pay_down(parsed, in_600 - FEN, avalanche_order(parsed)).months is None
    assert t(STRATEGY_MESSAGES, "neither_needed", lang, payment=f"{in_600:,}") in html
    in_36 = smallest_budget(parsed, 36)
    assert t(MESSAGES, "stop_growing", lang, term=36, payment=f"{in_36:,}") in html


@pytest.mark.parametrize("lang", ["zh", "en", "zh-Hant"])
def test_an_emergency_fund_never_reached_says_the_saving_that_would(lang: str) -> None:
    from calculators.tools.emergency_fund import MESSAGES as FUND_MESSAGES

    fields = {"essentials": "3000", "cover_months": "3", "repayment": "1000", "left": "1"}
    answer = run("emergency-fund", fields, lang)
    assert answer["ok"], answer["errors"]
    # 9,000 over 600 months: 15.00 a month exactly; 14.99 would fall 6.00 short
    said = t(FUND_MESSAGES, "slow_needed", lang, n=600, needed="15.00")
    assert said in answer["html"].replace('<span lang="zh">', "").replace("</span>", "")
    odd = run("emergency-fund", {**fields, "essentials": "3000.01"}, lang)  # 9,000.03 / 600 = 15.00005
    assert t(FUND_MESSAGES, "slow_needed", lang, n=600, needed="15.01") in odd["html"].replace(
        '<span lang="zh">', ""
    ).replace("</span>", "")
