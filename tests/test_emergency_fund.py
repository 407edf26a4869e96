"""The emergency fund: worked cases by hand (target, gap, months to reach it), the zero and
already-reached cases, the warning when saving would take from the repayment, the chart's text
alternative, the carry from the capacity calculator, and bad input in every field in both languages."""

from __future__ import annotations

import html as html_module
import json
import re
from decimal import Decimal

import pytest

from calculators import run
from calculators.core.reader import MESSAGES as READER
from tests.samples import CAPACITY, FUND, XSS

LANGS = ("zh", "en")


def fund(lang: str = "en", **changes: str) -> dict:
    answer = run("emergency-fund", {**FUND, **changes}, lang)
    assert answer["ok"], answer["errors"]
    return answer


def test_worked_case_three_months_of_3000_with_2000_saved_and_800_left() -> None:
    # Target 3 x 3,000 = 9,000; gap 9,000 - 2,000 = 7,000; 7,000 / 800 = 8.75, so 9 months:
    # 8 x 800 = 6,400, then the last 600.
    data = fund()["data"]
    assert (data["target"], data["gap"], data["saving"], data["months"]) == (
        "9000.00",
        "7000.00",
        "800.00",
        9,
    )
    assert data["deposits"] == ["800.00"] * 8 + ["600.00"]
    assert data["balances"][0] == "2800.00" and data["balances"][-1] == "9000.00"
    assert data["repayment_at_risk"] is False


@pytest.mark.parametrize(
    ("changes", "target", "gap", "saving", "months", "last"),
    [
        # 6 months of 2,500 = 15,000, nothing saved, 1,000 a month: exactly 15 months.
        (
            {"essentials": "2500", "cover_months": "6", "savings": "", "left": "1000"},
            "15000.00",
            "15000.00",
            "1000.00",
            15,
            "1000.00",
        ),
        # 1 month of 4,321.50 with 321.50 saved: 4,000 to go at 300 a month: 13.33, so 14 (13 x 300, then 100).
        (
            {"essentials": "4,321.50", "cover_months": "1", "savings": "321.50", "left": "300"},
            "4321.50",
            "4000.00",
            "300.00",
            14,
            "100.00",
        ),
        # Planning less than what is left: 7,000 at 500 a month is 14 months.
        ({"plan_saving": "500"}, "9000.00", "7000.00", "500.00", 14, "500.00"),
        # 12 months of 1,234.56 = 14,814.72; 10,000 saved; 4,814.72 at 1,000 is 5 months (the last 814.72).
        (
            {"essentials": "1234.56", "cover_months": "12", "savings": "1万", "left": "1000"},
            "14814.72",
            "4814.72",
            "1000.00",
            5,
            "814.72",
        ),
    ],
)
def test_more_cases_by_hand(
    changes: dict, target: str, gap: str, saving: str, months: int, last: str
) -> None:
    data = fund(**changes)["data"]
    assert (data["target"], data["gap"], data["saving"], data["months"]) == (target, gap, saving, months)
    assert len(data["deposits"]) == months and data["deposits"][-1] == last
    assert sum(Decimal(d) for d in data["deposits"]) == Decimal(gap)
    assert data["balances"][-1] == target


@pytest.mark.parametrize("lang", LANGS)
def test_already_reached(lang: str) -> None:
    answer = fund(lang, savings="9000")
    data = answer["data"]
    assert (data["gap"], data["months"], data["deposits"]) == ("0.00", 0, [])
    assert {"zh": "已经够 3 个月的基本开支", "en": "already cover 3 months"}[lang] in answer["html"]
    assert "calc-chart" not in answer["html"]
    assert fund(lang, savings="12000")["data"]["gap"] == "0.00"


@pytest.mark.parametrize("lang", LANGS)
def test_nothing_left_to_save(lang: str) -> None:
    answer = fund(lang, left="0")
    assert answer["data"]["months"] is None and answer["data"]["deposits"] == []
    assert {"zh": "先不要存", "en": "don&#x27;t save for now"}[lang] in answer["html"]
    assert "calc-chart" not in answer["html"]


@pytest.mark.parametrize("lang", LANGS)
def test_saving_more_than_is_left_puts_the_repayment_at_risk_and_says_so(lang: str) -> None:
    answer = fund(lang, plan_saving="1000")
    data = answer["data"]
    assert data["repayment_at_risk"] is True and data["over"] == "200.00"
    assert data["saving"] == "800.00" and data["months"] == 9  # the plan uses what is left
    assert {"zh": "会挤占协议还款", "en": "take money from the repayment"}[lang] in answer["html"]
    assert "calc-warning" not in fund(lang, plan_saving="800")["html"]


@pytest.mark.parametrize("lang", LANGS)
def test_the_plan_shows_the_order_and_a_chart_with_its_text_alternative(lang: str) -> None:
    html = fund(lang)["html"]
    order = {
        "zh": "先付基本开支，再还协议的钱，剩下的才存起来",
        "en": "essentials first, then the agreed repayment, then saving",
    }
    assert order[lang] in html
    headers = re.findall(r'<th scope="col"[^>]*>([^<]*)</th>', html.split("calc-schedule-details")[1])
    assert (
        headers
        == {
            "zh": ["月", "基本开支（元）", "协议还款（元）", "存入（元）", "存款合计（元）"],
            "en": ["Month", "Essentials (yuan)", "Agreed repayment (yuan)", "Saved (yuan)", "Savings (yuan)"],
        }[lang]
    )
    assert 'role="img"' in html and "calc-chart-data" in html
    sentence = {
        "zh": "存款：从 2,000.00 元开始，第 9 个月达到 9,000.00 元。",
        "en": "Savings: starts at 2,000.00 yuan and reaches 9,000.00 yuan in month 9.",
    }
    assert sentence[lang] in html
    assert {"zh": "不是规定", "en": "not a rule"}[lang] in html


def test_beyond_600_months_no_plan_is_listed() -> None:
    answer = fund(left="1", savings="")
    assert answer["data"]["months"] == 9000 and answer["data"]["deposits"] == []
    assert "more than 600 months" in answer["html"] and "calc-chart" not in answer["html"]


@pytest.mark.parametrize("lang", LANGS)
def test_capacity_carries_essentials_and_savings_here(lang: str) -> None:
    answer = run("capacity", CAPACITY, lang)
    found = re.search(
        r'data-carry-target="emergency-fund"[^>]*data-carry-page="([^"]*)"[^>]*data-carry-fields="([^"]*)"',
        answer["html"],
    )
    assert found and found.group(1) == "7-prevent"
    fields = json.loads(html_module.unescape(found.group(2)))
    assert fields == {"essentials": "5000.00", "savings": "10000.00"}  # 2,500 + 1,500 + 300 + 200 + 500
    carried = fund(lang, **fields)
    assert carried["data"]["target"] == "15000.00" and carried["data"]["gap"] == "5000.00"


BAD_INPUT = [
    ("essentials", "", "empty"),
    ("essentials", XSS, "not_number"),
    ("essentials", "0", "zero"),
    ("cover_months", "13", "above_max"),
    ("cover_months", "0", "zero"),
    ("cover_months", "2.5", "not_whole"),
    ("savings", "-1", "negative"),
    ("savings", "2亿", "not_number"),
    ("repayment", "lots", "not_number"),
    ("left", "", "empty"),
    ("left", "100000000.01", "too_large_money"),
    ("plan_saving", "0", "zero"),
]


@pytest.mark.parametrize(("name", "typed", "key"), BAD_INPUT)
@pytest.mark.parametrize("lang", LANGS)
def test_bad_input_in_every_field_gets_a_message_beside_it(
    name: str, typed: str, key: str, lang: str
) -> None:
    answer = run("emergency-fund", {**FUND, name: typed}, lang)
    assert answer["ok"] is False and answer["html"] == ""
    assert list(answer["errors"]) == [name]
    head = READER[key][lang].split("{")[0]
    assert answer["errors"][name].startswith(head) and "{" not in answer["errors"][name]


def test_every_field_is_covered_by_the_bad_input_table() -> None:
    from calculators.tools.emergency_fund import FIELDS

    assert {f.name for f in FIELDS} == {name for name, _, _ in BAD_INPUT}
