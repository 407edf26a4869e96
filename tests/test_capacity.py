"""The repayment capacity calculator (2.1): figures, verdicts, the carry into the plan, bad input."""

from __future__ import annotations

import json
import re
import string
from decimal import Decimal
from html import unescape

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from calculators import CALCULATORS, run
from calculators.core.i18n import LANGS, t
from calculators.core.reader import InputError, error_message
from calculators.page.fields import GROUP_MESSAGES
from calculators.tools import capacity as capacity_module

XSS = "<img src=x onerror=alert(1)>"
CATEGORIES = ("housing", "food", "transport", "utilities", "medical", "family", "other")


def fields(**changes: object) -> dict:
    """Income 8,000; essentials 5,000; other debts 500; 2,000 due now; savings 10,000; margin 10%."""
    base: dict = {
        "incomes": [{"name": "工资", "amount": "8000"}],
        "housing": "2500",
        "food": "1500",
        "transport": "300",
        "utilities": "200",
        "medical": "",
        "family": "500",
        "other": "",
        "other_debts": "500",
        "current_due": "2000",
        "savings": "10000",
        "margin": "10",
    }
    base.update(changes)
    return base


def capacity(lang: str = "en", **changes: object) -> dict:
    answer = run("capacity", fields(**changes), lang)
    assert answer["ok"], answer["errors"]
    return answer


def test_worked_example() -> None:
    data = capacity()["data"]
    assert data["income"] == "8000.00"
    assert data["essentials"] == "5000.00"
    assert data["surplus"] == "2500.00"
    assert data["margin"] == "800.00"
    assert data["safe_amount"] == "1700.00"
    assert data["dti_percent"] == "31.25"  # (500 + 2,000) / 8,000
    assert data["savings_months"] == "2.0"
    assert data["verdict"] == "change"


def test_change_verdict_says_how_much_and_carries_it_into_the_plan() -> None:
    answer = capacity()
    html = answer["html"]
    assert "up to 1,700.00 yuan a month" in html and "300.00 yuan less" in html
    button = re.search(r'<button[^>]*data-carry-target="plan"[^>]*>', html).group(0)
    assert 'data-carry-page="2-repayment-capacity"' in button
    carried = json.loads(unescape(re.search(r'data-carry-fields="([^"]+)"', button).group(1)))
    assert carried == {"budget": "1700.00"}
    plan = CALCULATORS["plan"]
    assert "budget" in {f.name for f in plan.fields}
    assert run(
        "plan",
        {
            "debts": [{"amount": "5000", "rate_kind": "annual", "rate": "18"}],
            **carried,
            "method": "equal_installment",
            "longer_term": "12",
            "pause_then_term": "12",
        },
        "en",
    )["ok"]


def test_keep_paying_as_agreed() -> None:
    answer = capacity(current_due="1500")
    assert answer["data"]["verdict"] == "keep"
    assert "keep paying as agreed" in answer["html"]
    assert capacity(current_due="1700")["data"]["verdict"] == "keep"  # exactly the safe amount
    assert capacity(current_due="1700.01")["data"]["verdict"] == "change"


def test_without_the_amount_due_the_verdict_is_a_changed_plan_and_asks_for_it() -> None:
    answer = capacity(current_due="")
    assert answer["data"]["verdict"] == "change" and answer["data"]["current_due"] is None
    assert "Enter the amount due" in answer["html"]
    assert answer["data"]["dti_percent"] == "6.25"  # other debts only


def test_pay_nothing_now_asks_for_a_pause_and_protects_essentials() -> None:
    answer = capacity(incomes=[{"amount": "5000"}])
    data = answer["data"]
    assert data["surplus"] == "-500.00" and data["safe_amount"] == "0.00" and data["verdict"] == "pause"
    assert "pause" in answer["html"] and "housing, food and utilities" in answer["html"]
    assert "500.00 yuan a month more than your income" in answer["html"]
    assert 'data-carry-target="plan"' not in answer["html"]
    zh = capacity("zh", incomes=[{"amount": "5000"}])["html"]
    assert "暂停" in zh and "基本开支" in zh


def test_margin_alone_can_leave_nothing() -> None:
    data = capacity(incomes=[{"amount": "5600"}], current_due="")["data"]  # surplus 100, margin 560
    assert data["surplus"] == "100.00" and data["safe_amount"] == "0.00" and data["verdict"] == "pause"


def test_no_income_and_no_essentials() -> None:
    answer = capacity(incomes=[{"amount": "0"}], **dict.fromkeys(CATEGORIES, ""))
    assert answer["data"]["dti_percent"] is None and answer["data"]["savings_months"] is None
    assert "No income was entered" in answer["html"]


def test_several_incomes_add_up_and_names_are_escaped() -> None:
    for lang in LANGS:
        answer = capacity(lang, incomes=[{"name": XSS, "amount": "6000"}, {"name": "", "amount": "2,000"}])
        assert answer["data"]["income"] == "8000.00"
        assert "<img" not in answer["html"]
        assert "&lt;img src=x onerror=alert(1)&gt;" in answer["html"]


def test_adjustable_margin() -> None:
    assert capacity(margin="0")["data"]["safe_amount"] == "2500.00"
    assert capacity(margin="25%")["data"]["safe_amount"] == "500.00"
    assert "25% of income" in capacity(margin="25")["html"]


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.integers(min_value=0, max_value=10_000_000), min_size=1, max_size=4),
    st.lists(st.integers(min_value=0, max_value=2_000_000), min_size=7, max_size=7),
    st.integers(min_value=0, max_value=2_000_000),
    st.one_of(st.none(), st.integers(min_value=0, max_value=2_000_000)),
    st.integers(min_value=0, max_value=100),
)
def test_figures_add_up(
    incomes: list[int], spending: list[int], debts: int, due: int | None, margin: int
) -> None:
    yuan = [Decimal(fen) / 100 for fen in incomes]
    costs = [Decimal(fen) / 100 for fen in spending]
    answer = capacity(
        incomes=[{"amount": str(a)} for a in yuan],
        **{name: str(c) for name, c in zip(CATEGORIES, costs, strict=True)},
        other_debts=str(Decimal(debts) / 100),
        current_due="" if due is None else str(Decimal(due) / 100),
        margin=str(margin),
    )
    data = answer["data"]
    surplus = sum(yuan) - sum(costs) - Decimal(debts) / 100
    assert Decimal(data["surplus"]) == surplus
    safe = Decimal(data["safe_amount"])
    assert safe >= 0 and safe <= max(surplus, Decimal(0))
    if safe == 0:
        verdict = "pause"
    elif due is not None and Decimal(due) / 100 <= safe:
        verdict = "keep"
    else:
        verdict = "change"
    assert data["verdict"] == verdict
    assert ('data-carry-target="plan"' in answer["html"]) == (safe > 0)


# --- Bad input -------------------------------------------------------------------------------------


def reader(key: str, **params: object) -> tuple:
    return ("reader", key, params)


BAD_INPUT = [
    ({"incomes": [{"name": "x" * 31, "amount": "1"}]}, "incomes.0.name", reader("too_long", limit=30)),
    ({"incomes": [{"amount": ""}]}, "incomes.0.amount", reader("empty")),
    ({"incomes": [{"amount": "abc"}]}, "incomes.0.amount", reader("not_number", text="abc")),
    ({"incomes": [{"amount": "-1"}]}, "incomes.0.amount", reader("negative")),
    ({"incomes": [{"amount": "100000000.01"}]}, "incomes.0.amount", reader("too_large_money")),
    ({"incomes": [{"amount": "1"}] * 11}, "incomes", ("group", "too_many_rows", {"limit": 10})),
    ({"incomes": [{"amount": "1"}] * 50}, "incomes", ("group", "too_many_rows", {"limit": 10})),
    ({"incomes": []}, "incomes", ("group", "too_few_rows", {"limit": 1})),
    *(
        case
        for name in (*CATEGORIES, "other_debts", "current_due", "savings")
        for case in (
            ({name: "abc"}, name, reader("not_number", text="abc")),
            ({name: "-1"}, name, reader("negative")),
            ({name: "12%"}, name, reader("not_number", text="12%")),
            ({name: "100000000.01"}, name, reader("too_large_money")),
        )
    ),
    ({"margin": ""}, "margin", reader("empty")),
    ({"margin": "abc"}, "margin", reader("not_number_rate", text="abc")),
    ({"margin": "-1"}, "margin", reader("negative")),
    ({"margin": "101"}, "margin", ("capacity", "margin_too_high", {})),
    ({"margin": "1000.01"}, "margin", reader("too_large_rate", limit="1,000")),
]


def expected(source: str, key: str, params: dict, lang: str) -> str:
    if source == "reader":
        return error_message(InputError(key, **params), lang)
    if source == "group":
        return t(GROUP_MESSAGES, key, lang, **params)  # t() picks English's singular form
    return capacity_module.MESSAGES[key][lang]


@pytest.mark.parametrize(
    ("changes", "name", "message"), BAD_INPUT, ids=[f"{c[1]}-{i}" for i, c in enumerate(BAD_INPUT)]
)
@pytest.mark.parametrize("lang", LANGS)
def test_bad_input_gets_a_clear_message(changes: dict, name: str, message: tuple, lang: str) -> None:
    answer = run("capacity", fields(**changes), lang)
    assert answer["ok"] is False and answer["html"] == "" and answer["data"] == {}
    assert "_form" not in answer["errors"]
    assert answer["errors"][name] == expected(*message, lang)


def test_every_field_is_covered_by_the_bad_input_table() -> None:
    covered = {name.split(".")[-1] for _, name, _ in BAD_INPUT}
    names = set()
    for item in capacity_module.FIELDS:
        names.add(item.name)
        names.update(f.name for f in getattr(item, "fields", ()))
    assert names <= covered, names - covered


def test_empty_categories_count_as_zero() -> None:
    data = capacity(**dict.fromkeys(CATEGORIES, ""), other_debts="", savings="", current_due="")["data"]
    assert data["essentials"] == "0.00" and data["safe_amount"] == "7200.00"


def test_every_message_exists_in_both_languages() -> None:
    for key, text in capacity_module.MESSAGES.items():
        assert all(text[lang].strip() for lang in LANGS), key
        placeholders = [{f for _, f, _, _ in string.Formatter().parse(text[lang]) if f} for lang in LANGS]
        assert placeholders[0] == placeholders[1], key
    for item in capacity_module.FIELDS:
        assert all(item.label[lang].strip() for lang in LANGS)


def test_the_other_debts_hint_leaves_the_mortgage_out_in_both_languages() -> None:
    """Harm fix: the mortgage is already under housing; the English hint said "other loans" and so
    let a reader count it twice. Both languages now exclude it, and housing names property
    management fees (物业) in full."""
    hints = {f.name: f.hint for f in capacity_module.FIELDS if getattr(f, "hint", None)}
    assert "房贷以外的贷款" in hints["other_debts"]["zh"]
    assert hints["other_debts"]["en"].startswith("Credit cards and loans other than your mortgage")
    assert "(not Huabei or Jiebei)" in hints["other_debts"]["en"]
    housing = dict(capacity_module.SPENDING)["housing"]
    assert "物业" in housing["zh"] and "property management fees" in housing["en"]
    assert "mortgage" in housing["en"]


def test_nothing_left_over_is_said_without_blame() -> None:
    html = unescape(capacity(incomes=[{"amount": "5000"}])["html"])
    assert "Right now there's nothing left over for repayments" in html
    assert "You can pay nothing now" not in html
