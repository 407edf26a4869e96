"""What to say (section 5): the texts carry the plan, the goal and the reason, in the chosen language."""

from __future__ import annotations

import re

import pytest

from calculators import form_html, run
from calculators.advice.goals import GOAL_KEYS, goal
from calculators.core.i18n import pick
from calculators.message.texts import METHOD_WORDS, OPTION_GOAL, PLACEHOLDERS, PRODUCT_WORDS, REASONS, TEXT
from calculators.page.markup import esc
from calculators.tools import message

LANGS = ("zh", "en")
XSS = "<img src=x onerror=alert(1)>"
TEXTS = ("chat", "letter", "script", "record")
# Exactly what the plan calculator's "use in message" button carries.
CARRIED = {
    "amount_owed": "12000.00",
    "monthly_offer": "916.80",
    "months": "14",
    "method": "equal_installment",
    "option": "longer_term",
}
PLAN = {**CARRIED, "reason": "job_loss", "pay_meanwhile": "on", "has_proof": "on", "product": "jiebei"}


def texts(fields: dict[str, str], site: str = "en") -> dict[str, str]:
    result = run("message", fields, site)
    assert result["ok"], result["errors"]
    return {key: result["data"][key] for key in TEXTS}


@pytest.mark.parametrize("msg_lang", LANGS)
def test_plan_numbers_goal_and_reason_in_every_text(msg_lang: str) -> None:
    out = texts({**PLAN, "message_lang": msg_lang})
    ask = pick(goal("longer_term").ask, msg_lang)
    reason = pick(REASONS[0].clause, msg_lang)
    method = pick(METHOD_WORDS["equal_installment"], msg_lang)
    for key in ("chat", "letter", "script"):
        text = out[key]
        assert "12,000.00" in text and "916.80" in text and "14" in text, key
        assert method in text and ask in text and reason in text, key
    assert pick(PRODUCT_WORDS["jiebei"], msg_lang) in out["chat"]


def test_the_plan_in_chinese_reads_naturally() -> None:
    chat = texts({**PLAN, "message_lang": "zh"})["chat"]
    assert "我目前共欠约 12,000.00 元。" in chat
    assert "我每月能还 916.80 元，共 14 个月（等额本息）。" in chat
    assert "因为我失业了" in chat
    assert "在你们考虑期间，我会先按每月 916.80 元还款。" in chat


def test_the_plan_in_english_reads_naturally() -> None:
    chat = texts({**PLAN, "message_lang": "en"})["chat"]
    assert "I currently owe about 12,000.00 yuan." in chat
    assert "I can pay 916.80 yuan a month for 14 months, as equal monthly installments" in chat
    assert "Because I lost my job" in chat
    assert "I will start paying 916.80 yuan a month" in chat


@pytest.mark.parametrize("msg_lang", LANGS)
def test_placeholders_stand_for_personal_identifiers(msg_lang: str) -> None:
    out = texts({**PLAN, "message_lang": msg_lang})
    account, loan = pick(PLACEHOLDERS["account"], msg_lang), pick(PLACEHOLDERS["loan"], msg_lang)
    assert account in out["chat"] and loan in out["chat"]
    assert account in out["letter"] and loan in out["letter"]
    assert pick(PLACEHOLDERS["name"], msg_lang) in out["letter"]
    for text in out.values():
        assert not re.search(r"\d{5,}", text), "nothing that looks like an account or ID number"


@pytest.mark.parametrize("msg_lang", LANGS)
def test_placeholders_look_like_placeholders(msg_lang: str) -> None:
    for text in PLACEHOLDERS.values():
        value = pick(text, msg_lang)
        assert (value.startswith("【") and value.endswith("】")) or (
            value.startswith("[") and value.endswith("]")
        )


@pytest.mark.parametrize(("site", "msg_lang"), [("en", "zh"), ("zh", "en"), ("zh", "zh"), ("en", "en")])
def test_message_language_is_independent_of_the_site(site: str, msg_lang: str) -> None:
    result = run("message", {**PLAN, "message_lang": msg_lang}, site)
    chat = result["data"]["chat"]
    assert result["data"]["message_lang"] == msg_lang
    assert chat.startswith("您好") if msg_lang == "zh" else chat.startswith("Hello")
    copy_label = "复制" if site == "zh" else "Copy"
    assert f">{copy_label}</button>" in result["html"]
    title = pick(message.MESSAGES["chat"], site)
    assert esc(title) in result["html"]


@pytest.mark.parametrize("site", LANGS)
def test_message_language_defaults_to_chinese_the_lenders_language(site: str) -> None:
    """The lender reads Chinese: unless English is chosen, the texts are Chinese on every page, and
    on an English page they say so (``lang="zh"``) for screen readers and fonts."""
    chat = texts({}, site)["chat"]
    assert chat.startswith("您好")
    html = run("message", {}, site)["html"]
    marked = '<pre class="calc-copy-text" id="calc-message-chat" lang="zh">'
    assert (marked in html) == (site == "en")
    assert texts({"message_lang": "en"}, site)["chat"].startswith("Hello")


@pytest.mark.parametrize("option", sorted(OPTION_GOAL))
def test_carried_option_implies_the_goal(option: str) -> None:
    result = run("message", {**CARRIED, "option": option, "message_lang": "en"}, "en")
    assert result["data"]["goal"] == OPTION_GOAL[option]
    assert esc(pick(goal(OPTION_GOAL[option]).ask, "en")) in result["html"]


def test_a_chosen_goal_wins_over_the_option() -> None:
    result = run("message", {**CARRIED, "goal": "less_interest"}, "en")
    assert result["data"]["goal"] == "less_interest"


@pytest.mark.parametrize("key", GOAL_KEYS)
@pytest.mark.parametrize("msg_lang", LANGS)
def test_every_goal_reaches_the_texts(key: str, msg_lang: str) -> None:
    out = texts({"goal": key, "message_lang": msg_lang})
    ask = pick(goal(key).ask, msg_lang)
    assert ask in out["chat"] and ask in out["letter"] and ask in out["script"]


def test_stopping_harassment_asks_for_it_in_words() -> None:
    out = texts({"goal": "stop_harassment", "message_lang": "en"}, "en")
    assert pick(TEXT["harassment"], "en") in out["letter"]


@pytest.mark.parametrize("reason", REASONS, ids=lambda r: r.key)
@pytest.mark.parametrize("msg_lang", LANGS)
def test_every_reason_reaches_the_texts(reason, msg_lang: str) -> None:
    out = texts({"reason": reason.key, "message_lang": msg_lang})
    assert pick(reason.clause, msg_lang) in out["chat"]


def test_own_words_are_kept() -> None:
    out = texts(
        {"reason_detail": "公司裁员。", "extra": "Thanks for your patience", "message_lang": "zh"}, "en"
    )
    assert "具体情况：公司裁员。" in out["chat"]
    assert "补充说明：Thanks for your patience" in out["letter"]


def test_nothing_filled_in_still_drafts_polite_texts() -> None:
    result = run("message", {}, "zh")
    assert result["ok"]
    assert "谢谢" in result["data"]["chat"]
    assert esc(pick(message.MESSAGES["no_numbers"], "zh")) in result["html"]


def test_a_zero_offer_is_said_plainly() -> None:
    chat = texts({"monthly_offer": "0", "months": "3", "goal": "pause", "message_lang": "en"})["chat"]
    assert "can't pay anything each month" in chat
    assert "3 months" in chat
    assert "0.00" not in chat


def test_script_has_phrases_what_not_to_say_and_the_record_has_the_template() -> None:
    out = texts({**PLAN, "message_lang": "en"})
    assert "name or agent ID" in out["script"]
    assert "What not to say or do" in out["script"]
    assert "password" in out["script"]
    for label in ("Date:", "Time:", "Agent name or ID:", "What was agreed", "Written confirmation promised"):
        assert label in out["record"]
    zh = texts({"message_lang": "zh"})
    for label in ("日期：", "时间：", "客服姓名或工号：", "约定内容", "对方承诺的书面确认"):
        assert label in zh["record"]


@pytest.mark.parametrize("site", LANGS)
def test_each_text_has_its_copy_block(site: str) -> None:
    html = run("message", {**PLAN, "message_lang": site}, site)["html"]
    for key in TEXTS:
        assert f'<pre class="calc-copy-text" id="calc-message-{key}">' in html
        assert f'data-copy="calc-message-{key}"' in html


@pytest.mark.parametrize("site", LANGS)
def test_agent_warning_comes_first(site: str) -> None:
    html = run("message", {**PLAN, "agent": "on"}, site)["html"]
    assert html.startswith('<div class="calc-warning" role="note">')
    assert "停息挂账" in html
    assert not run("message", PLAN, site)["html"].startswith('<div class="calc-warning"')


BAD: dict[str, str] = {
    "message_lang": "fr",
    "goal": "everything",
    "reason": "bad luck",
    "reason_detail": "x" * 201,
    "product": "credit card",
    "amount_owed": "lots",
    "monthly_offer": "-5",
    "months": "1.5",
    "method": "magic",
    "option": "longer",
    "extra": "y" * 501,
}


def test_every_non_check_field_has_a_bad_input_case() -> None:
    assert {field.name for field in message.FIELDS if field.kind != "check"} == set(BAD)


@pytest.mark.parametrize("name", sorted(BAD))
def test_bad_input_gives_a_message_keyed_by_the_field(name: str) -> None:
    seen = {}
    for site in LANGS:
        result = run("message", {**PLAN, name: BAD[name]}, site)
        assert result["ok"] is False
        assert list(result["errors"]) == [name]
        assert result["errors"][name].strip()
        seen[site] = result["errors"][name]
    assert seen["zh"] != seen["en"]


@pytest.mark.parametrize("site", LANGS)
def test_an_offer_above_the_debt_is_flagged(site: str) -> None:
    result = run("message", {"amount_owed": "1000", "monthly_offer": "1,500"}, site)
    assert result["ok"] is False
    assert "1,500.00" in result["errors"]["monthly_offer"]


FREE_TEXT = [field.name for field in message.FIELDS if field.kind in ("text", "longtext")]


def test_the_free_text_fields_are_known() -> None:
    assert FREE_TEXT == ["reason_detail", "extra"]


@pytest.mark.parametrize("site", LANGS)
@pytest.mark.parametrize("msg_lang", LANGS)
def test_xss_probe_in_free_text_is_shown_escaped(site: str, msg_lang: str) -> None:
    fields = {**PLAN, "message_lang": msg_lang, **{name: XSS for name in FREE_TEXT}}
    result = run("message", fields, site)
    assert result["ok"], result["errors"]
    assert "<img" not in result["html"]
    assert "&lt;img src=x onerror=alert(1)&gt;" in result["html"]


@pytest.mark.parametrize("site", LANGS)
def test_xss_probe_in_every_field_never_reaches_the_html(site: str) -> None:
    result = run("message", {field.name: XSS for field in message.FIELDS}, site)
    assert result["ok"] is False
    assert "<img" not in result["html"]


def test_all_texts_have_zh_and_en() -> None:
    tables = [message.MESSAGES, TEXT, PLACEHOLDERS, METHOD_WORDS, PRODUCT_WORDS]
    for table in tables:
        for key, text in table.items():
            assert all(text.get(lang, "").strip() for lang in LANGS), key
    for reason in REASONS:
        assert all(reason.label.get(lang) and reason.clause.get(lang) for lang in LANGS)
    for field in message.FIELDS:
        assert all(field.label.get(lang) for lang in LANGS)
        for choice in field.choices:
            assert all(choice.label.get(lang) for lang in LANGS)


def test_carry_contract_matches_the_form() -> None:
    fields = {field.name: field for field in message.FIELDS}
    assert {"amount_owed", "monthly_offer", "months", "method", "option"} <= set(fields)
    assert {c.value for c in fields["method"].choices} == {"", *METHOD_WORDS}
    assert {c.value for c in fields["option"].choices} == {"", *OPTION_GOAL}
    assert set(OPTION_GOAL.values()) <= set(GOAL_KEYS)
    assert all(not fields[name].required for name in CARRIED)


@pytest.mark.parametrize("site", LANGS)
def test_form_renders(site: str) -> None:
    html = form_html("message", site)
    assert all(f'name="{field.name}"' in html for field in message.FIELDS)


@pytest.mark.parametrize("site", LANGS)
def test_the_promise_to_pay_while_waiting_is_opt_in(site: str) -> None:
    """Harm fix: "I'll start paying what I offer while I wait" is a promise of money; it starts
    unticked, its hint is about affording it (not a test of good faith), and unticked the texts
    promise nothing."""
    html = form_html("message", site)
    box = re.search(r'<input[^>]*name="pay_meanwhile"[^>]*>', html)
    assert box and " checked" not in box.group(0)
    field = next(f for f in message.FIELDS if f.name == "pay_meanwhile")
    assert field.default == ""
    assert pick(field.hint, "en") == "Tick this if you can already afford it."
    assert "诚意" not in pick(field.hint, "zh") and "good faith" not in pick(field.hint, "en")
    unticked = texts({**PLAN, "pay_meanwhile": "", "message_lang": site})
    ticked = texts({**PLAN, "message_lang": site})
    promise = {"zh": "我会先按每月 916.80 元还款", "en": "I will start paying 916.80 yuan a month"}[site]
    assert all(promise not in unticked[key] for key in TEXTS)
    assert promise in ticked["chat"] and promise in ticked["letter"]


@pytest.mark.parametrize("msg_lang", LANGS)
def test_the_script_asks_for_calm_without_asking_the_reader_to_accept_abuse(msg_lang: str) -> None:
    """Harm fix: "stay calm and polite" alone polices the reader's tone; the script also says no one
    has to put up with threats or insults, and that they can end the call."""
    script = texts({**PLAN, "message_lang": msg_lang})["script"]
    said = {
        "zh": ("保持冷静、礼貌", "你也不必忍受威胁或辱骂", "可以结束通话"),
        "en": ("stay calm and polite", "You never have to put up with threats or insults", "end the call"),
    }[msg_lang]
    assert all(phrase in script for phrase in said)
    assert {"zh": "只说你能证明的事", "en": "say only what you can show"}[msg_lang] not in script
