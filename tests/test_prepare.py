"""The preparation checklist (section 3): progress, what is missing, the goal line."""

from __future__ import annotations

import pytest

from calculators import CALCULATORS, form_html, run
from calculators.advice import goals as goals_module
from calculators.advice import safety
from calculators.core.i18n import t
from calculators.page.markup import esc
from calculators.tools import prepare

LANGS = ("zh", "en")
XSS = "<img src=x onerror=alert(1)>"
ALL_ITEMS = {item.key: "on" for item in prepare.ITEMS}


@pytest.mark.parametrize("lang", LANGS)
def test_empty_form_gives_a_result_not_errors(lang: str) -> None:
    result = run("prepare", {}, lang)
    assert result["ok"], result["errors"]
    assert result["data"] == {
        "gathered": 0,
        "total": len(prepare.ITEMS),
        "missing": [item.key for item in prepare.ITEMS],
        "goals": [],
    }
    assert esc(t(prepare.MESSAGES, "no_goal", lang)) in result["html"]


def test_progress_counts_ticks_and_lists_what_is_missing() -> None:
    result = run("prepare", {"have_account": "on", "have_budget": "true"}, "en")
    assert result["ok"]
    assert "2 of 6 gathered" in result["html"]
    assert result["data"]["missing"] == ["have_contract", "have_record", "have_proof", "have_log"]
    assert "The contract or the product" in result["html"]
    assert "Account details" not in result["html"]


def test_progress_in_chinese() -> None:
    html = run("prepare", {"have_record": "on"}, "zh")["html"]
    assert "已准备 1 / 6 项" in html
    assert "还款记录" not in html.split("还缺")[1]


def test_everything_gathered_and_a_goal_says_ready() -> None:
    result = run("prepare", {**ALL_ITEMS, "goal_longer_term": "on"}, "en")
    assert result["data"]["missing"] == []
    assert "You have everything you need." in result["html"]
    assert "section 4" in result["html"]


def test_goals_become_one_line_in_order() -> None:
    fields = {"goal_dispute": "on", "goal_longer_term": "on", "goal_less_interest": "on"}
    en = run("prepare", fields, "en")
    assert en["data"]["goals"] == ["longer_term", "less_interest", "dispute"]
    assert (
        "Your goals: a longer repayment term, less or no interest and a check of a charge I dispute."
        in en["html"]
    )
    zh = run("prepare", fields, "zh")
    assert "你的目标：延长还款期限、减免部分或全部利息、核查有异议的费用。" in zh["html"]


@pytest.mark.parametrize("lang", LANGS)
def test_reminder_that_ids_are_never_needed(lang: str) -> None:
    html = run("prepare", {}, lang)["html"]
    assert ("身份证号" in html) if lang == "zh" else ("ID number" in html)


@pytest.mark.parametrize("lang", LANGS)
def test_odd_values_in_check_boxes_are_unticked_not_errors(lang: str) -> None:
    fields = {field.name: XSS for field in prepare.FIELDS}
    result = run("prepare", fields, lang)
    assert result["ok"]
    assert result["data"]["gathered"] == 0
    assert "<img" not in result["html"]


def test_persist_feature_and_form_render() -> None:
    assert CALCULATORS["prepare"].features == frozenset({"persist"})
    for lang in LANGS:
        html = form_html("prepare", lang)
        assert 'data-tool="clear"' in html
        assert all(f'name="{field.name}"' in html for field in prepare.FIELDS)


def test_every_field_has_both_languages() -> None:
    for field in prepare.FIELDS:
        assert all(field.label.get(lang) for lang in LANGS), field.name
        if field.hint:
            assert all(field.hint.get(lang) for lang in LANGS), field.name


@pytest.mark.parametrize("table", [prepare.MESSAGES, safety.MESSAGES])
def test_messages_have_zh_and_en(table: dict) -> None:
    for key, text in table.items():
        assert all(text.get(lang, "").strip() for lang in LANGS), key


def test_goal_texts_have_zh_and_en() -> None:
    for goal in goals_module.GOALS:
        for text in (goal.label, goal.short, goal.ask):
            assert all(text.get(lang, "").strip() for lang in LANGS), goal.key
