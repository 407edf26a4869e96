"""Schedules as the page shows them, for every method, rate kind and term from 1 to 600, at rates up
to each kind's ceiling (hypothesis): no zero or negative payment, the number of payments shown is
the number of rows, the principal adds up to the loan and the balance ends at 0.00, and a last
payment more than 1.00 from the regular one (or a loan repaid early) is always explained on the
page, while "a few fen" is said only when true. The worked cases keep their figures.

The regular payment is worked out here from the rows themselves (the first payment for equal
installments; the principal part plus the last interest for equal principal), not taken from the
code under test.
"""

from __future__ import annotations

import re
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from calculators import run
from calculators.core.limits import MAX_ANNUAL_PERCENT, MAX_DAILY_PERCENT, MAX_MONTHLY_PERCENT

ONE = Decimal("1.00")
FEW_FEN = Decimal("0.09")
LANGS = ("zh", "en")
REASON = {
    "zh": ("最后一期是", "最后一期只有", "提前"),
    "en": ("The last payment is", "The last payment is only", "early:"),
}
BALLOON = {"zh": "先息后本：每期只付利息", "en": "Interest first: each payment covers only the interest"}
FEW_FEN_WORDS = {"zh": "差几分", "en": "a few fen"}
ONLY_INTEREST = {"zh": "只够付利息", "en": "only interest"}
CEILING = {"annual": MAX_ANNUAL_PERCENT, "monthly": MAX_MONTHLY_PERCENT, "daily": MAX_DAILY_PERCENT}


def _scaled(bound: Decimal) -> st.SearchStrategy[str]:
    """Rates from 0 to ``bound``, dense at everyday values and reaching the bound itself."""
    typical = st.integers(0, 5_000).map(lambda bp: Decimal(bp) / 100)  # 0 to 50 in steps of 0.01
    extreme = st.integers(0, 10_000).map(lambda part: (bound * part / 10_000).quantize(Decimal("0.0001")))
    return st.one_of(typical.filter(lambda r: r <= bound), extreme, st.just(bound)).map(str)


rate_kinds = st.sampled_from(["annual", "monthly", "daily", "fee"])
methods = st.sampled_from(["equal_installment", "equal_principal", "interest_first"])
terms = st.integers(1, 600)
amounts = st.one_of(
    st.integers(1, 10_000_000).map(lambda fen: Decimal(fen) / 100),
    st.integers(1, 100_000_000).map(Decimal),
).map(str)


@st.composite
def rates(draw: st.DrawFn, kind: str) -> tuple[str, str]:
    """A rate of ``kind`` up to its ceiling, and the fee's periods (a fee may cost more: refused)."""
    if kind == "fee":
        return draw(_scaled(Decimal(2000))), str(draw(st.integers(1, 600)))
    return draw(_scaled(CEILING[kind])), ""


def _said(html: str) -> list[str]:
    return re.findall(r"<p[^>]*>([^<]*)</p>", html)


def _explained(html: str, lang: str) -> bool:
    return any(any(s.startswith(r) or r in s for r in REASON[lang]) for s in _said(html))


# --- The plan: the "current terms" option over any term ------------------------------------------


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    amounts,
    rate_kinds.flatmap(lambda kind: st.tuples(st.just(kind), rates(kind))),
    methods,
    terms,
    st.sampled_from(LANGS),
)
@example("10000", ("annual", ("24", "")), "equal_installment", 480, "en")  # 200.01 a month, then 4,010.72
@example("10000", ("annual", ("18", "")), "equal_installment", 600, "zh")  # 150.02, then 238.45
@example("1155.64", ("monthly", ("1.5", "")), "equal_installment", 360, "en")  # repaid in month 358
@example("254.80", ("monthly", ("15", "")), "equal_installment", 600, "en")  # interest only: refused
@example("10000", ("annual", ("36", "")), "equal_installment", 480, "zh")  # interest only: refused
@example("3.00", ("monthly", ("0", "")), "equal_principal", 600, "en")  # a principal part of 0.005
def test_every_plan_schedule_is_honest_about_its_payments(
    amount: str, kind_rate: tuple[str, tuple[str, str]], method: str, term: int, lang: str
) -> None:
    kind, (rate, fee_periods) = kind_rate
    debt = {"name": "d", "amount": amount, "rate_kind": kind, "rate": rate, "fee_periods": fee_periods}
    fields = {
        "debts": [debt],
        "budget": "0.01",
        "method": method,
        "current_months": str(term),
        "longer_term": "12",
        "pause_then_term": "12",
    }
    answer = run("plan", fields, lang)
    if not answer["ok"]:
        errors = answer["errors"]
        if "debts.0.rate" in errors:
            return  # above the ceiling (a fee that costs too much a month): refused, not computed
        # The only other refusal: an equal installment that would pay only interest, on the term's field.
        assert method == "equal_installment" and set(errors) <= {"current_months", "longer_term"}, errors
        assert all(ONLY_INTEREST[lang] in message for message in errors.values())
        return
    current = next(o for o in answer["data"]["options"] if o["key"] == "current")
    rows = current["schedule"]
    payments = [Decimal(r["payment"]) for r in rows]
    interest = [Decimal(r["interest"]) for r in rows]
    # No zero or negative payment (interest first pays nothing when no interest is due: that is its terms).
    for payment, charged in zip(payments, interest, strict=True):
        assert payment > 0 or (method == "interest_first" and payment == charged == 0), rows[:3]
    assert payments[-1] > 0
    # The count shown equals the rows, and never exceeds the term.
    assert current["months"] == len(rows) <= term
    assert sum(Decimal(r["principal"]) for r in rows) == Decimal(amount).quantize(Decimal("0.01"))
    assert rows[-1]["balance"] == "0.00" and all(Decimal(r["balance"]) > 0 for r in rows[:-1])
    # A last payment far from the regular one, or an early end, is explained beside the option.
    card = answer["html"].split('data-option="current"')[1].split("</section>")[0]
    if len(rows) < term:
        assert _explained(card, lang), card
    elif len(rows) > 1 and method == "interest_first":
        assert _explained(card, lang) or BALLOON[lang] in card, card
    elif len(rows) > 1:
        if method == "equal_installment":
            regular = payments[0]
        else:
            regular = Decimal(rows[0]["principal"]) + interest[-1]
        if abs(payments[-1] - regular) > ONE:
            assert _explained(card, lang), (regular, payments[-1])
        else:
            assert not _explained(card, lang)


# --- True cost over any term ------------------------------------------------------------------------

TRUE_COST_FIELD = {"daily": "daily_rate", "monthly": "monthly_rate", "annual": "annual_rate", "fee": "fee"}


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    amounts,
    rate_kinds.flatmap(lambda kind: st.tuples(st.just(kind), rates(kind))),
    terms,
    st.sampled_from(LANGS),
)
@example("10000", ("annual", ("24", "")), 480, "en")
@example("1155.64", ("monthly", ("1.5", "")), 360, "zh")
@example("10000", ("fee", ("8.8", "")), 12, "en")
@example("1.00", ("fee", ("0", "")), 600, "en")  # 0.0017 a period: a fen a period, repaid early
def test_true_cost_states_the_last_payment_and_the_real_number_of_payments(
    amount: str, kind_rate: tuple[str, tuple[str, str]], periods: int, lang: str
) -> None:
    kind, (rate, _) = kind_rate
    fields = {
        "amount": amount,
        "kind": kind,
        TRUE_COST_FIELD[kind]: rate,
        "year_days": "365",
        "periods": str(periods),
    }
    answer = run("true-cost", fields, lang)
    if not answer["ok"]:
        errors = answer["errors"]
        assert set(errors) <= {TRUE_COST_FIELD[kind], "periods"}, errors
        if "periods" in errors:
            assert ONLY_INTEREST[lang] in errors["periods"]
        return
    data = answer["data"]
    regular, last, count = Decimal(data["payment"]), Decimal(data["payment_last"]), data["payments"]
    assert regular > 0 and last > 0 and 1 <= count <= periods
    assert regular * (count - 1) + last == Decimal(data["total_paid"])
    figures = answer["html"].split("</dl>")[0]
    assert f">{count}<" in figures and f"{last:,.2f}" in figures
    if count < periods or abs(last - regular) > ONE:
        assert _explained(answer["html"], lang)
    if FEW_FEN_WORDS[lang] in answer["html"]:
        assert count == periods and abs(last - regular) <= FEW_FEN


# --- The worked cases keep their figures ------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_the_worked_cases_keep_their_figures(lang: str) -> None:
    fee = run("true-cost", {"amount": "10000", "kind": "fee", "fee": "8.8", "periods": "12"}, lang)["data"]
    assert (fee["payment"], fee["payment_last"], fee["payments"]) == ("906.67", "906.63", 12)
    assert (fee["apr_nominal"], fee["apr_effective"], fee["total_cost"]) == ("15.86", "17.07", "880.00")
    monthly = run(
        "true-cost", {"amount": "10000", "kind": "monthly", "monthly_rate": "1.5", "periods": "12"}, lang
    )
    assert (monthly["data"]["payment"], monthly["data"]["payment_last"]) == ("916.80", "916.81")
    assert monthly["data"]["total_cost"] == "1001.61" and not monthly["data"]["last_payment_apart"]
    assert FEW_FEN_WORDS[lang] in monthly["html"]
    daily = run(
        "true-cost",
        {"amount": "10000", "kind": "daily", "daily_rate": "0.05", "year_days": "365", "periods": "12"},
        lang,
    )
    assert (daily["data"]["apr_nominal"], daily["data"]["apr_effective"]) == ("18.25", "20.02")
