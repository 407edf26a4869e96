"""Unusually high costs are accepted and flagged beside the result, in both languages, in every
calculator that takes a rate; ordinary ones are not; no legal limit is stated."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest

from calculators import run
from calculators.core.limits import UNUSUAL_ANNUAL_PERCENT, UNUSUAL_FEE_PERCENT

LANGS = ("zh", "en")
FLAG = {"zh": "异常地高", "en": "unusually high"}
CHECK = {"zh": "账单或合同", "en": "bill or contract"}
LEGAL = ("法定", "违法", "司法", "legal", "law", "illegal", "usury", "高利贷")

UNUSUAL_TRUE_COST = [
    ("annual", "annual_rate", "999"),
    ("fee", "fee", "88"),
    ("daily", "daily_rate", "5"),
    ("monthly", "monthly_rate", "4"),  # 48% a year
    ("fee", "fee", "60"),  # a fee above half the amount, over a long term
]
ORDINARY_TRUE_COST = [
    ("annual", "annual_rate", "18"),
    ("fee", "fee", "8.8"),
    ("daily", "daily_rate", "0.05"),
    ("monthly", "monthly_rate", "1.5"),
    ("annual", "annual_rate", "40"),  # at the threshold: not above it
]


def _said(html: str) -> list[str]:
    """Each paragraph's text (Chinese quoted on an English page is inside a ``<span lang="zh">``)."""
    return [re.sub(r"<[^>]+>", "", text) for text in re.findall(r"<p[^>]*>(.*?)</p>", html)]


def _true_cost(kind: str, field: str, rate: str, lang: str, periods: str = "12") -> dict:
    fields = {"amount": "10000", "kind": kind, field: rate, "year_days": "365", "periods": periods}
    answer = run("true-cost", fields, lang)
    assert answer["ok"], answer["errors"]
    return answer


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize(("kind", "field", "rate"), UNUSUAL_TRUE_COST)
def test_true_cost_accepts_an_unusual_rate_and_says_so_beside_the_result(
    kind: str, field: str, rate: str, lang: str
) -> None:
    answer = _true_cost(kind, field, rate, lang, periods="60" if rate == "60" else "12")
    flagged = [s for s in _said(answer["html"]) if FLAG[lang] in s]
    assert len(flagged) == 1 and CHECK[lang] in flagged[0]
    assert answer["data"]["unusually_high"] is True
    assert not any(word in flagged[0] for word in LEGAL)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize(("kind", "field", "rate"), ORDINARY_TRUE_COST)
def test_true_cost_says_nothing_of_an_ordinary_rate(kind: str, field: str, rate: str, lang: str) -> None:
    answer = _true_cost(kind, field, rate, lang)
    assert FLAG[lang] not in answer["html"] and answer["data"]["unusually_high"] is False


@pytest.mark.parametrize("lang", LANGS)
def test_the_note_names_the_threshold_and_the_annual_figure(lang: str) -> None:
    answer = _true_cost("daily", "daily_rate", "5", lang)
    flagged = next(s for s in _said(answer["html"]) if FLAG[lang] in s)
    assert "1,825%" in flagged and f"{UNUSUAL_ANNUAL_PERCENT}%" in flagged
    fee = _true_cost("fee", "fee", "60", lang, periods="60")
    flagged = next(s for s in _said(fee["html"]) if FLAG[lang] in s)
    assert "60%" in flagged and f"{UNUSUAL_FEE_PERCENT}%" in flagged


def _plan(debts: list[dict], lang: str) -> dict:
    fields = {
        "debts": debts,
        "budget": "100000",
        "method": "equal_installment",
        "longer_term": "12",
        "pause_then_term": "12",
    }
    answer = run("plan", fields, lang)
    assert answer["ok"], answer["errors"]
    return answer


@pytest.mark.parametrize("lang", LANGS)
def test_the_plan_flags_each_unusual_debt_by_name_and_only_those(lang: str) -> None:
    debts = [
        {"name": "高利", "amount": "10000", "rate_kind": "annual", "rate": "999"},
        {"name": "Fee", "amount": "2000", "rate_kind": "fee", "rate": "88", "fee_periods": "12"},
        {"name": "Daily", "amount": "3000", "rate_kind": "daily", "rate": "5"},
        {"name": "花呗", "amount": "5000", "rate_kind": "daily", "rate": "0.05"},
    ]
    answer = _plan(debts, lang)
    flagged = [s for s in _said(answer["html"]) if FLAG[lang] in s]
    assert len(flagged) == 3
    for name in ("高利", "Fee", "Daily"):
        assert sum(f"“{name}”" in s for s in flagged) == 1
    assert not any("花呗" in s for s in flagged)
    assert answer["data"]["unusually_high"] is True
    assert not any(word in s for s in flagged for word in LEGAL)


@pytest.mark.parametrize("lang", LANGS)
def test_a_single_debt_is_flagged_without_a_name_and_an_ordinary_one_not_at_all(lang: str) -> None:
    high = _plan([{"name": "x", "amount": "10000", "rate_kind": "monthly", "rate": "5"}], lang)
    flagged = [s for s in _said(high["html"]) if FLAG[lang] in s]
    assert len(flagged) == 1 and "“x”" not in flagged[0]
    ordinary = _plan([{"name": "x", "amount": "10000", "rate_kind": "annual", "rate": "18"}], lang)
    assert FLAG[lang] not in ordinary["html"] and ordinary["data"]["unusually_high"] is False


def test_the_thresholds_are_ours_and_stated_once() -> None:
    """One place names the thresholds; the calculators import them (no second copy of the number)."""
    from pathlib import Path

    import calculators

    root = Path(calculators.__file__).parent
    for path in root.rglob("*.py"):
        if path.name in ("limits.py", "traditional_table.py"):
            continue
        text = path.read_text(encoding="utf-8")
        assert "UNUSUAL_ANNUAL_PERCENT =" not in text and "UNUSUAL_FEE_PERCENT =" not in text, path
    assert UNUSUAL_ANNUAL_PERCENT == Decimal(40) and UNUSUAL_FEE_PERCENT == Decimal(50)
