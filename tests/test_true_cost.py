"""True cost (section 1): the issue's worked cases and numpy-financial as an independent check."""

from decimal import Decimal

import numpy_financial as npf
import pytest

from calculators import run


def true_cost(lang: str = "en", **fields: str) -> dict:
    answer = run("true-cost", {"kind": "fee", "year_days": "365", **fields}, lang)
    assert answer["ok"], answer["errors"]
    return answer["data"]


def test_huabei_fee_worked_case() -> None:
    data = true_cost(amount="10000", fee="8.8", periods="12")
    assert data["payment"] == "906.67"
    assert data["total_cost"] == "880.00"
    assert data["apr_nominal"] == "15.86"
    assert data["apr_effective"] == "17.07"
    shortcut = Decimal(24) * Decimal("0.088") / 13 * 100
    assert round(shortcut, 2) == Decimal("16.25")  # the shortcut the guide warns against
    assert data["apr_nominal"] != f"{shortcut:.2f}"


def test_daily_rate_worked_case() -> None:
    data = true_cost(amount="10000", kind="daily", daily_rate="0.05%", periods="12")
    assert data["apr_nominal"] == "18.25"
    assert data["apr_effective"] == "20.02"


def test_daily_rate_on_a_360_day_year_is_labelled_and_lower() -> None:
    answer = run(
        "true-cost",
        {"amount": "10000", "kind": "daily", "daily_rate": "0.05", "year_days": "360", "periods": "12"},
        "en",
    )
    assert answer["data"]["apr_nominal"] == "18.00"
    assert "360-day year" in answer["html"]


@pytest.mark.parametrize(
    ("fee", "periods"), [("2.5", 3), ("4.5", 6), ("6.5", 9), ("8.8", 12), ("13", 24), ("0.5", 1)]
)
def test_fee_rates_match_numpy_financial(fee: str, periods: int) -> None:
    data = true_cost(amount="20000", fee=fee, periods=str(periods))
    payment = 20000 * (1 + float(fee) / 100) / periods
    monthly = npf.rate(periods, payment, -20000, 0)
    assert Decimal(data["apr_nominal"]) == pytest.approx(
        Decimal(str(round(monthly * 1200, 2))), abs=Decimal("0.01")
    )
    effective = ((1 + monthly) ** 12 - 1) * 100
    assert float(data["apr_effective"]) == pytest.approx(effective, abs=0.006)


@pytest.mark.parametrize(
    ("kind", "field", "rate"), [("monthly", "monthly_rate", "1.5"), ("annual", "annual_rate", "18")]
)
def test_rate_payment_matches_numpy_financial(kind: str, field: str, rate: str) -> None:
    data = true_cost(amount="10000", kind=kind, **{field: rate}, periods="12")
    payment = -npf.pmt(0.015, 12, 10000)
    assert data["payment"] == f"{payment:.2f}" == "916.80"
    assert data["apr_nominal"] == "18.00"
    assert data["apr_effective"] == "19.56"


def test_zero_fee_costs_nothing() -> None:
    data = true_cost(amount="1200", fee="0", periods="12")
    assert (data["payment"], data["total_cost"], data["apr_nominal"]) == ("100.00", "0.00", "0.00")


def test_explains_the_low_fee_in_both_languages() -> None:
    zh = run("true-cost", {"amount": "1万", "kind": "fee", "fee": "8.8%", "periods": "12"}, "zh")
    en = run("true-cost", {"amount": "1万", "kind": "fee", "fee": "8.8%", "periods": "12"}, "en")
    assert "15.86%" in zh["html"] and "而不是 8.8%" in zh["html"]
    assert "15.86%" in en["html"] and "not 8.8%" in en["html"]


@pytest.mark.parametrize(
    ("fields", "bad"),
    [
        ({"amount": "", "fee": "8.8", "periods": "12"}, "amount"),
        ({"amount": "-1", "fee": "8.8", "periods": "12"}, "amount"),
        ({"amount": "abc", "fee": "8.8", "periods": "12"}, "amount"),
        ({"amount": "2亿", "fee": "8.8", "periods": "12"}, "amount"),
        ({"amount": "1000", "fee": "1000", "periods": "1"}, "fee"),  # 1000% a month: above the ceiling
        ({"amount": "1000", "fee": "", "periods": "12"}, "fee"),
        ({"amount": "1000", "fee": "8.8", "periods": "0"}, "periods"),
        ({"amount": "1000", "fee": "8.8", "periods": "601"}, "periods"),
        ({"amount": "1000", "fee": "8.8", "periods": "1.5"}, "periods"),
        ({"amount": "1000", "kind": "weekly", "fee": "8.8", "periods": "12"}, "kind"),
        ({"amount": "1000", "kind": "daily", "daily_rate": "11", "periods": "12"}, "daily_rate"),
        (
            {"amount": "1000", "kind": "daily", "daily_rate": "0.05", "year_days": "364", "periods": "12"},
            "year_days",
        ),
    ],
)
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_bad_input_names_the_field(fields: dict, bad: str, lang: str) -> None:
    answer = run("true-cost", {"kind": "fee", "year_days": "365", **fields}, lang)
    assert answer["ok"] is False
    assert bad in answer["errors"]
    assert answer["html"] == ""


def test_hidden_fields_are_ignored() -> None:
    """A bad value in a field that does not apply to the chosen kind is not an error."""
    answer = run(
        "true-cost", {"amount": "1000", "kind": "fee", "fee": "5", "daily_rate": "xyz", "periods": "3"}, "en"
    )
    assert answer["ok"], answer["errors"]
