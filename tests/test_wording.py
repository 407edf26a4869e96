"""The smaller wording problems, each tested as a class: what the page says must be true of what it
shows, in both languages (messages, channels, the plan's never-repaid cases, the year of a daily
rate, one bound per kind of cost)."""

from __future__ import annotations

import itertools
import json
import re
from decimal import Decimal

import pytest

from calculators import CALCULATORS, run
from calculators.channel.rules import PHONE_CHANNELS, Situation, rank
from calculators.core.limits import MAX_ANNUAL_PERCENT, MAX_DAILY_PERCENT, MAX_MONTHLY_PERCENT

LANGS = ("zh", "en")


def texts(answer: dict) -> str:
    return "\n".join(answer["data"][key] for key in ("chat", "letter", "script"))


# --- The message calculator ------------------------------------------------------------------------

HARDSHIP = {
    "zh": ("困难", "无法按原计划还款", "还款方案", "每月还款额"),
    "en": ("difficulty", "can't keep", "repayment plan", "monthly amount"),
}


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("product", ["", "huabei", "jiebei", "both"])
def test_a_dispute_only_message_neither_claims_hardship_nor_asks_for_a_plan(lang: str, product: str) -> None:
    answer = run("message", {"goal": "dispute", "message_lang": lang, "product": product}, lang)
    assert answer["ok"], answer["errors"]
    said = texts(answer)
    for phrase in HARDSHIP[lang]:
        assert phrase not in said, phrase
    assert ("异议" if lang == "zh" else "dispute") in said
    assert ("核查" if lang == "zh" else "check") in said


@pytest.mark.parametrize("lang", LANGS)
def test_a_dispute_with_a_hardship_keeps_the_hardship(lang: str) -> None:
    answer = run(
        "message",
        {"goal": "dispute", "message_lang": lang, "reason": "job_loss", "monthly_offer": "500"},
        lang,
    )
    said = texts(answer)
    assert ("失业" if lang == "zh" else "lost my job") in said
    assert "500" in said


@pytest.mark.parametrize(
    ("goal", "product"),
    list(itertools.product(["", "longer_term", "dispute"], ["", "huabei", "jiebei", "both"])),
)
def test_no_doubled_de_in_the_chinese_texts(goal: str, product: str) -> None:
    answer = run("message", {"goal": goal, "product": product, "message_lang": "zh"}, "zh")
    assert not re.search(r"的[^，。：\n]{0,6}的[^，。：\n]{0,4}的", texts(answer))
    assert "的欠款的" not in texts(answer)


# --- The channel calculator ----------------------------------------------------------------------

SITUATIONS = [
    Situation(
        goal=goal,
        due=due,
        days=days,
        tried=tried,
        tried_via=via,
        collectors=collectors,
        contact=contact,
        free_time=free,
    )
    for goal, (due, days), (tried, via), collectors, contact, free in itertools.product(
        ["", "dispute", "stop_harassment"],
        [("", None), ("overdue", None), ("before_due", 3), ("before_due", 30)],
        [
            ("none", ""),
            ("waiting", ""),
            ("refused", "chat"),
            ("no_answer", "letter"),
            ("not_kept", "hotline"),
        ],
        ["no", "normal", "abusive"],
        ["any", "text", "voice", "text_only"],
        ["", "weekday_day", "evenings", "weekends", "short_breaks"],
    )
]


def test_a_reader_who_needs_text_is_never_offered_a_phone_line_before_a_text_channel() -> None:
    for situation in (s for s in SITUATIONS if s.contact == "text_only"):
        order = [channel for channel, _ in rank(situation)]
        phones = [i for i, channel in enumerate(order) if channel in PHONE_CHANNELS]
        texts_ = [i for i, channel in enumerate(order) if channel not in PHONE_CHANNELS]
        assert not phones or not texts_ or min(phones) > max(texts_), (situation, order)


def _channel_fields(situation: Situation) -> dict:
    return {
        "goal": situation.goal,
        "due": situation.due,
        "days": "" if situation.days is None else str(situation.days),
        "tried": situation.tried,
        "tried_via": situation.tried_via,
        "collectors": situation.collectors,
        "contact": situation.contact,
        "free_time": situation.free_time,
    }


@pytest.mark.parametrize("lang", LANGS)
def test_the_channel_page_never_contradicts_the_reader(lang: str) -> None:
    early = {"zh": "一天中早些时候", "en": "early in the day"}[lang]
    paste = {"zh": "在在线客服里粘贴全文", "en": "paste it into the in-app chat"}[lang]
    for situation in SITUATIONS[::7]:
        answer = run("channel", _channel_fields(situation), lang)
        assert answer["ok"], answer["errors"]
        html = answer["html"]
        if situation.free_time in ("evenings", "weekends", "short_breaks"):
            assert early not in html, situation
        if situation.failed_via("chat"):
            assert paste not in html, situation


# --- The plan: never repaid ------------------------------------------------------------------------


def plan(lang: str = "en", **changes: object) -> dict:
    fields = {
        "debts": [
            {"name": "a", "amount": "10000", "rate_kind": "monthly", "rate": "1.5"},
            {"name": "b", "amount": "5000", "rate_kind": "monthly", "rate": "2"},
        ],
        "budget": "300",
        "method": "equal_installment",
        "current_months": "",
        "longer_term": "36",
        "reduction": "",
        "pause_months": "",
        "pause_then_term": "36",
    }
    fields.update(changes)
    answer = run("plan", fields, lang)
    assert answer["ok"], answer["errors"]
    return answer


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("budget", ["80.01", "80.5", "81"])  # above this month's 80.00 of interest
def test_orders_that_never_repay_say_so_instead_of_a_total(lang: str, budget: str) -> None:
    slow = [
        {"name": "a", "amount": "10000", "rate_kind": "monthly", "rate": "0.5"},
        {"name": "b", "amount": "5000", "rate_kind": "monthly", "rate": "0.6"},
    ]
    answer = plan(lang, budget=budget, debts=slow)
    strategies = answer["data"]["strategies"]
    assert strategies is not None
    for key in ("avalanche", "snowball"):
        assert strategies[key]["months"] is None and strategies[key]["never_repaid"]
        assert strategies[key]["total_interest"] is None and strategies[key]["total_paid"] is None
    section = answer["html"].split('class="calc-strategies"')[1]
    assert ("还不完" if lang == "zh" else "never repaid") in section


@pytest.mark.parametrize("lang", LANGS)
def test_never_repaid_says_the_figures_are_below_only_when_they_are(lang: str) -> None:
    below = {"zh": "下面列出了这些方案的数字", "en": "the options below show the figures"}[lang]
    hidden = plan(lang, budget="200")
    assert hidden["data"]["never_repaid"] and below not in hidden["html"]
    assert ("在上面填写" if lang == "zh" else "fill in the cut or the pause above") in hidden["html"]
    for shown in ({"reduction": "50"}, {"pause_months": "3"}):
        answer = plan(lang, budget="200", **shown)
        assert below in answer["html"]


# --- True cost: one year for both annual rates ---------------------------------------------------


@pytest.mark.parametrize("days", [360, 365])
def test_a_daily_rate_uses_one_year_length_for_both_annual_rates(days: int) -> None:
    fields = {
        "amount": "10000",
        "kind": "daily",
        "daily_rate": "0.05",
        "year_days": str(days),
        "periods": "12",
    }
    for lang in LANGS:
        answer = run("true-cost", fields, lang)
        daily = Decimal("0.0005")
        assert answer["data"]["apr_nominal"] == f"{daily * days * 100:.2f}"
        effective = ((1 + daily) ** days - 1) * 100
        assert answer["data"]["apr_effective"] == f"{effective.quantize(Decimal('0.01'), 'ROUND_HALF_UP')}"
        assert str(days) in answer["html"]


# --- One bound per kind of cost, the same in every calculator that takes a rate ----------------------

CEILINGS = {"daily": MAX_DAILY_PERCENT, "monthly": MAX_MONTHLY_PERCENT, "annual": MAX_ANNUAL_PERCENT}
TRUE_COST_FIELD = {"daily": "daily_rate", "monthly": "monthly_rate", "annual": "annual_rate", "fee": "fee"}


def _true_cost(kind: str, rate: str, periods: str = "12") -> dict:
    fields = {
        "amount": "10000",
        "kind": kind,
        TRUE_COST_FIELD[kind]: rate,
        "year_days": "365",
        "periods": periods,
    }
    return run("true-cost", fields, "en")


def _plan_rate(kind: str, rate: str, periods: str = "12") -> dict:
    debt = {"name": "a", "amount": "10000", "rate_kind": kind, "rate": rate, "fee_periods": periods}
    return run(
        "plan",
        {
            "debts": [debt],
            "budget": "100000",
            "method": "equal_installment",
            "longer_term": "12",
            "pause_then_term": "12",
        },
        "en",
    )


@pytest.mark.parametrize("kind", sorted(CEILINGS))
def test_each_kind_of_rate_has_one_ceiling_in_every_calculator(kind: str) -> None:
    limit = CEILINGS[kind]
    above = f"{limit + Decimal('0.01')}"
    # at the ceiling the rate is accepted (a term may still be refused: installments paying only interest)
    assert TRUE_COST_FIELD[kind] not in _true_cost(kind, str(limit))["errors"]
    assert "debts.0.rate" not in _plan_rate(kind, str(limit))["errors"]
    assert _true_cost(kind, str(limit), periods="1")["ok"]
    assert TRUE_COST_FIELD[kind] in _true_cost(kind, above)["errors"]
    assert "debts.0.rate" in _plan_rate(kind, above)["errors"]
    # the same ceiling in every unit: 10% a day is 304.16% a month and 3,650% a year
    assert MAX_DAILY_PERCENT * 365 == MAX_ANNUAL_PERCENT and abs(
        MAX_MONTHLY_PERCENT * 12 - MAX_ANNUAL_PERCENT
    ) < Decimal("0.13")


@pytest.mark.parametrize(
    ("fee", "periods", "accepted"),
    [("1000", "1", False), ("305", "1", False), ("300", "1", True), ("1000", "12", True), ("88", "12", True)],
)
def test_a_fee_is_bounded_by_what_it_costs_a_month(fee: str, periods: str, accepted: bool) -> None:
    for answer, field in (
        (_true_cost("fee", fee, periods), "fee"),
        (_plan_rate("fee", fee, periods), "debts.0.rate"),
    ):
        assert (field not in answer["errors"]) is accepted, answer["errors"]


def test_no_calculator_with_a_rate_field_misses_the_ceiling() -> None:
    """Every percent field that holds a cost (not a share like the safety margin) is checked."""
    for name in CALCULATORS:
        text = json.dumps([getattr(f, "name", "") for f in CALCULATORS[name].fields])
        if "rate" in text or '"fee"' in text:
            assert name in ("true-cost", "plan"), name
