"""The channel suggestion (section 4): every rule case by case, the text-only path, 12378."""

from __future__ import annotations

from typing import Any

import pytest

from calculators import form_html, run
from calculators.channel import rules
from calculators.channel.texts import CHANNEL_INFO, FREE_TIME, URGENT_TIME
from calculators.core.i18n import pick
from calculators.page.fields import read_fields
from calculators.page.markup import esc
from calculators.tools import channel

LANGS = ("zh", "en")
XSS = "<img src=x onerror=alert(1)>"

# For every condition: form fields that make it hold, and fields as close as possible that don't.
CASES: dict[str, tuple[dict[str, str], dict[str, str]]] = {
    "urgent": ({"due": "overdue"}, {"due": "before_due", "days": "30"}),
    "simple": ({"complexity": "simple"}, {"complexity": "some"}),
    "some_detail": ({"complexity": "some"}, {"complexity": "simple"}),
    "complex": ({"complexity": "complex"}, {"complexity": "some"}),
    "prefers_text": ({"contact": "text"}, {"contact": "any"}),
    "prefers_voice": ({"contact": "voice"}, {"contact": "any"}),
    "text_only": ({"contact": "text_only"}, {"contact": "text"}),
    "short_breaks": ({"free_time": "short_breaks"}, {"free_time": "evenings"}),
    "still_waiting": ({"tried": "waiting"}, {"tried": "none"}),
    "lender_failed": ({"tried": "no_answer"}, {"tried": "waiting"}),
    "not_kept": ({"tried": "not_kept"}, {"tried": "refused"}),
    "chat_failed": ({"tried": "refused", "tried_via": "chat"}, {"tried": "refused", "tried_via": "letter"}),
    "hotline_failed": (
        {"tried": "refused", "tried_via": "hotline"},
        {"tried": "refused", "tried_via": "chat"},
    ),
    "letter_failed": (
        {"tried": "no_answer", "tried_via": "letter"},
        {"tried": "waiting", "tried_via": "letter"},
    ),
    "social_failed": ({"tried": "not_kept", "tried_via": "social"}, {"tried": "not_kept", "tried_via": ""}),
    "collectors_contacting": ({"collectors": "normal"}, {"collectors": "no"}),
    "abusive": ({"collectors": "abusive"}, {"collectors": "normal"}),
    "goal_dispute": ({"goal": "dispute"}, {"goal": "longer_term"}),
    "goal_harassment": ({"goal": "stop_harassment"}, {"goal": ""}),
    "goal_relief": ({"goal": "pause"}, {"goal": "installments"}),
}


def situation(fields: dict[str, str]) -> rules.Situation:
    return channel.situation_from(read_fields(channel.FIELDS, fields, "en"))


def section(html: str, name: str) -> str:
    """The HTML of one channel's section ('' when the channel is not ranked)."""
    start = html.find(f'data-channel="{name}"')
    if start < 0:
        return ""
    return html[start : html.index("</section>", start)]


def ranked(fields: dict[str, Any], lang: str = "en") -> list[str]:
    return [row["channel"] for row in run("channel", fields, lang)["data"]["ranking"]]


# --- the table itself --------------------------------------------------------------------


def test_every_condition_has_a_case_and_is_used() -> None:
    used = {rule.when for rule in rules.RULES + rules.EXCLUSIONS}
    assert used == set(rules.CONDITIONS) == set(CASES)


@pytest.mark.parametrize("when", sorted(CASES))
def test_each_case_switches_its_condition(when: str) -> None:
    on, off = CASES[when]
    assert rules.CONDITIONS[when](situation(on))
    assert not rules.CONDITIONS[when](situation(off))


def test_table_refers_to_known_channels_with_both_languages() -> None:
    for rule in rules.RULES + rules.EXCLUSIONS:
        assert rule.channel in rules.CHANNELS
        assert all(rule.reason.get(lang, "").strip() for lang in LANGS), rule


def _eligible(rule: rules.Rule, fields: dict[str, str]) -> dict[str, str]:
    """12378 rules only show once 12378 applies: say the lender didn't answer, if needed."""
    if rule.channel == "regulator" and "tried" not in fields:
        return {**fields, "tried": "no_answer"}
    return fields


@pytest.mark.parametrize("rule", rules.RULES, ids=lambda r: f"{r.channel}-{r.when}")
@pytest.mark.parametrize("lang", LANGS)
def test_each_rule_fires_and_shows_its_reason(rule: rules.Rule, lang: str) -> None:
    on, off = (_eligible(rule, fields) for fields in CASES[rule.when])
    assert rule in rules.fired(situation(on), rule.channel)
    assert rule not in rules.fired(situation(off), rule.channel)
    reason = esc(pick(rule.reason, lang))
    assert reason in section(run("channel", on, lang)["html"], rule.channel)
    assert reason not in section(run("channel", off, lang)["html"], rule.channel)


@pytest.mark.parametrize("rule", rules.RULES, ids=lambda r: f"{r.channel}-{r.when}")
def test_each_rule_moves_the_score_by_its_delta(rule: rules.Rule) -> None:
    s = situation(_eligible(rule, CASES[rule.when][0]))
    others = sum(r.delta for r in rules.fired(s, rule.channel) if r is not rule)
    assert rules.score(rule.channel, s) == rules.BASE[rule.channel] + others + rule.delta


# --- the paths that matter ---------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_default_starts_with_the_chat_and_keeps_12378_for_later(lang: str) -> None:
    result = run("channel", {}, lang)
    assert result["ok"], result["errors"]
    assert ranked({}) == ["chat", "hotline", "letter", "social"]
    assert result["data"]["left_out"] == ["regulator"]
    assert result["data"]["regulator_eligible"] is False
    assert esc(pick(rules.NOT_YET_REGULATOR["first"], lang)) in result["html"]


@pytest.mark.parametrize("lang", LANGS)
def test_text_only_leaves_the_hotline_out_with_a_reason(lang: str) -> None:
    result = run("channel", {"contact": "text_only", "complexity": "complex"}, lang)
    order = [row["channel"] for row in result["data"]["ranking"]]
    assert "hotline" not in order
    assert order[:2] == ["chat", "letter"] or order[:2] == ["letter", "chat"]
    assert "hotline" in result["data"]["left_out"]
    assert esc(pick(rules.EXCLUSIONS[0].reason, lang)) in result["html"]
    assert 'data-channel="hotline"' not in result["html"]


@pytest.mark.parametrize("complexity", ["simple", "some", "complex"])
@pytest.mark.parametrize("due", ["", "overdue"])
def test_text_preference_puts_the_hotline_at_the_bottom(complexity: str, due: str) -> None:
    order = ranked({"contact": "text", "complexity": complexity, "due": due})
    assert order[0] in ("chat", "letter")
    assert order[-1] == "hotline"


def test_voice_preference_lifts_the_hotline() -> None:
    assert ranked({"contact": "voice", "complexity": "complex"})[0] == "hotline"


@pytest.mark.parametrize(
    ("tried", "first"),
    [("no_answer", "regulator"), ("refused", "regulator"), ("not_kept", "letter")],
)
def test_escalation_to_12378_after_the_lender_failed(tried: str, first: str) -> None:
    """A broken agreement is first put in writing; silence or refusal goes straight to 12378."""
    result = run("channel", {"tried": tried, "tried_via": "chat"}, "en")
    order = [row["channel"] for row in result["data"]["ranking"]]
    assert result["data"]["regulator_eligible"] is True
    assert order[0] == first
    assert "regulator" in order[:2]
    assert "12378" in section(result["html"], "regulator")
    assert "regulator" not in result["data"]["left_out"]


def test_12378_waits_while_the_lender_is_still_answering() -> None:
    result = run("channel", {"tried": "waiting", "tried_via": "chat", "waited_days": "3"}, "en")
    assert result["data"]["regulator_eligible"] is False
    assert result["data"]["left_out"] == ["regulator"]
    assert esc(pick(rules.NOT_YET_REGULATOR["waiting"], "en")) in result["html"]


def test_abusive_collection_makes_12378_eligible_but_the_lender_comes_first() -> None:
    result = run("channel", {"collectors": "abusive"}, "en")
    order = [row["channel"] for row in result["data"]["ranking"]]
    assert result["data"]["regulator_eligible"] is True
    assert order.index("regulator") > order.index("chat")
    assert order.index("regulator") > order.index("letter")


def test_a_channel_that_failed_is_not_suggested_first() -> None:
    for via in ("chat", "hotline", "letter", "social"):
        order = ranked({"tried": "refused", "tried_via": via, "collectors": "no"})
        assert order[0] != via
        non_regulator = [c for c in order if c != "regulator"]
        assert non_regulator[0] != via


def test_waited_days_appear_for_the_complaint() -> None:
    html = run("channel", {"tried": "no_answer", "waited_days": "21"}, "en")["html"]
    assert "21 days so far" in section(html, "regulator")


@pytest.mark.parametrize(
    ("fields", "urgent"),
    [
        ({"due": "overdue"}, True),
        ({"due": "overdue", "days": "40"}, True),
        ({"due": "before_due", "days": "0"}, True),
        ({"due": "before_due", "days": str(rules.DUE_SOON_DAYS)}, True),
        ({"due": "before_due", "days": str(rules.DUE_SOON_DAYS + 1)}, False),
        ({"due": "before_due"}, False),
        ({}, False),
    ],
)
def test_urgency(fields: dict[str, str], urgent: bool) -> None:
    result = run("channel", fields, "en")
    assert result["data"]["urgent"] is urgent
    assert (esc(pick(URGENT_TIME, "en")) in result["html"]) is urgent


def test_due_summary_in_both_languages() -> None:
    assert "5 days overdue" in run("channel", {"due": "overdue", "days": "5"}, "en")["html"]
    assert "1 day overdue" in run("channel", {"due": "overdue", "days": "1"}, "en")["html"]
    assert "已逾期 5 天" in run("channel", {"due": "overdue", "days": "5"}, "zh")["html"]
    assert "Due today" in run("channel", {"due": "before_due", "days": "0"}, "en")["html"]


def test_free_time_shapes_the_best_time() -> None:
    html = run("channel", {"free_time": "evenings"}, "en")["html"]
    assert esc(pick(FREE_TIME["evenings"], "en")) in section(html, "chat")


def test_every_ranked_channel_has_all_five_parts() -> None:
    result = run("channel", {"tried": "refused"}, "en")
    for row in result["data"]["ranking"]:
        part = section(result["html"], row["channel"])
        for key in ("why", "how", "at_hand", "best_time", "record"):
            assert esc(channel.t(channel.MESSAGES, key, "en")) in part


def test_facts_are_phrased_as_domain_facts_says() -> None:
    html = run("channel", {"tried": "refused"}, "en")["html"]
    assert "the hotline shown in your app (commonly 95188)" in html.lower()
    assert "go by what your app shows" in html
    assert "verified badge" in html
    zh = run("channel", {"tried": "refused"}, "zh")["html"]
    assert "我的 → 客服" in zh and "通常为 95188" in zh and "12378" in zh


# --- safety, bad input, languages ---------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_agent_warning_comes_first(lang: str) -> None:
    html = run("channel", {"agent": "on"}, lang)["html"]
    assert html.startswith('<div class="calc-warning" role="note">')
    assert "债务优化" in html
    assert not run("channel", {}, lang)["html"].startswith('<div class="calc-warning"')


BAD: dict[str, dict[str, str]] = {
    "goal": {"goal": "win"},
    "due": {"due": "yesterday"},
    "days": {"due": "overdue", "days": "five"},
    "complexity": {"complexity": "very"},
    "tried": {"tried": "everything"},
    "tried_via": {"tried": "refused", "tried_via": "pigeon"},
    "waited_days": {"tried": "waiting", "waited_days": "-3"},
    "collectors": {"collectors": "maybe"},
    "contact": {"contact": "telepathy"},
    "free_time": {"free_time": "never"},
}


def test_every_non_check_field_has_a_bad_input_case() -> None:
    names = {field.name for field in channel.FIELDS if field.kind != "check"}
    assert names == set(BAD)


@pytest.mark.parametrize("name", sorted(BAD))
def test_bad_input_gives_a_message_keyed_by_the_field(name: str) -> None:
    messages = {}
    for lang in LANGS:
        result = run("channel", BAD[name], lang)
        assert result["ok"] is False
        assert list(result["errors"]) == [name]
        assert result["errors"][name].strip()
        messages[lang] = result["errors"][name]
    assert messages["zh"] != messages["en"]


def test_hidden_fields_are_ignored() -> None:
    assert run("channel", {"due": "", "days": "nonsense", "tried": "none", "tried_via": "x"}, "en")["ok"]


def test_days_can_be_big_but_not_absurd() -> None:
    assert run("channel", {"due": "overdue", "days": "365"}, "en")["ok"]
    assert not run("channel", {"due": "overdue", "days": "100000"}, "en")["ok"]


@pytest.mark.parametrize("lang", LANGS)
def test_xss_probe_in_every_field_never_reaches_the_html(lang: str) -> None:
    result = run("channel", {field.name: XSS for field in channel.FIELDS}, lang)
    assert "<img" not in result["html"]
    assert result["ok"] is False  # every choice rejects it; no exception
    ok = run("channel", {"agent": XSS}, lang)
    assert ok["ok"] and "<img" not in ok["html"]


def test_messages_and_channel_texts_have_both_languages() -> None:
    for key, text in channel.MESSAGES.items():
        assert all(text.get(lang, "").strip() for lang in LANGS), key
    for text in (URGENT_TIME, *FREE_TIME.values(), *rules.NOT_YET_REGULATOR.values()):
        assert all(text.get(lang, "").strip() for lang in LANGS)
    for name, info in CHANNEL_INFO.items():
        texts = [info.name, info.base_reason, info.best_time, *info.steps, *info.at_hand, *info.record]
        for text in texts:
            assert all(text.get(lang, "").strip() for lang in LANGS), name
    for field in channel.FIELDS:
        assert all(field.label.get(lang) for lang in LANGS)
        for choice in field.choices:
            assert all(choice.label.get(lang) for lang in LANGS)


@pytest.mark.parametrize("lang", LANGS)
def test_form_renders(lang: str) -> None:
    html = form_html("channel", lang)
    assert all(f'name="{field.name}"' in html for field in channel.FIELDS)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_stated_contacts_carry_their_source_and_date(lang: str) -> None:
    html = run("channel", {}, lang)["html"]
    assert "95188" in html and "12378" in html
    assert ("整理于 2026-11-28" in html) if lang == "zh" else ("Compiled on November 28, 2026" in html)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("tried", ["no_answer", "refused", "not_kept"])
def test_a_complaint_after_a_refusal_is_not_said_to_force_a_plan(tried: str, lang: str) -> None:
    """Harm fix: the step from a refusal to 12378 says a complaint doesn't oblige the lender to
    accept the plan, and the lender's name in the 12378 steps is hedged ("usually")."""
    html = run("channel", {"tried": tried}, lang)["html"]
    part = section(html, "regulator")
    said = {
        "zh": "投诉并不意味着贷款机构必须接受你的方案",
        "en": "A complaint doesn&#x27;t oblige the lender to accept",
    }
    assert said[lang] in part
    hedged = {
        "zh": "花呗、借呗通常由重庆蚂蚁消费金融有限公司运营",
        "en": "Huabei and Jiebei are usually run by",
    }
    assert hedged[lang] in part
    assert "不要公开发布" in run("channel", {"tried": tried}, "zh")["html"]
    assert "never post account numbers" in run("channel", {"tried": tried}, "en")["html"]
