"""The guide's other calculators on the built site, in zh and en: the checklist kept in this browser
(and deleted on request), the channel suggestion following the inputs, the plan carried into the
message, copying, the paid-agent warning, and the XSS probe shown as text."""

from __future__ import annotations

import json

import pytest

from calculators import run
from calculators.advice.safety import MESSAGES as SAFETY
from calculators.core.i18n import pick
from calculators.page.ui import UI
from calculators.tools import channel, message, prepare
from tests.browser_helpers import READY_TIMEOUT, collect, wait_for_result
from tests.samples import XSS

pytestmark = pytest.mark.browser
LANGS = [("zh", ""), ("en", "en/")]
STORED = "() => localStorage.getItem('calc:prepare')"


def ok(name: str, fields: dict, lang: str) -> dict:
    answer = run(name, fields, lang)
    assert answer["ok"], answer["errors"]
    return answer


def record_dialogs(page) -> list[str]:
    """Every alert / confirm the page opens (the XSS probe would open one)."""
    seen: list[str] = []

    def dismiss(dialog) -> None:
        seen.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", dismiss)
    return seen


def checklist(ticked: set[str]) -> dict:
    return {field.name: "on" if field.name in ticked else "" for field in prepare.FIELDS}


@pytest.mark.parametrize(("lang", "root"), LANGS)
def test_checklist_survives_a_reload_and_is_gone_after_delete(page_and_watch, base_url, lang, root) -> None:
    page, _ = page_and_watch
    page.goto(f"{base_url}{root}guide/3-prepare/")
    ticked = {"have_account", "have_budget", "goal_longer_term"}
    for name in sorted(ticked):
        page.check(f"#calc-prepare-{name}")
    fields = checklist(ticked)
    assert collect(page, "prepare") == fields
    wait_for_result(page, "prepare", ok("prepare", fields, lang)["html"], timeout=READY_TIMEOUT)
    assert ("已准备 2 / 6 项" if lang == "zh" else "2 of 6 gathered") in page.inner_text(
        "#calc-prepare-result"
    )
    page.wait_for_function(f"() => ({STORED})() !== null")
    assert json.loads(page.evaluate(STORED)) == fields

    page.reload()
    for field in prepare.FIELDS:
        assert page.is_checked(f"#calc-prepare-{field.name}") == (field.name in ticked), field.name
    wait_for_result(page, "prepare", ok("prepare", fields, lang)["html"], timeout=READY_TIMEOUT)

    page.click("#calc-prepare [data-tool=clear]")
    nothing = checklist(set())
    wait_for_result(page, "prepare", ok("prepare", nothing, lang)["html"])
    assert collect(page, "prepare") == nothing
    assert pick(UI["persist_cleared"], lang) in page.inner_text("#calc-prepare .calc-status")
    assert page.evaluate(STORED) is None  # deleted, not saved again as an empty list

    page.reload()
    assert not any(page.is_checked(f"#calc-prepare-{field.name}") for field in prepare.FIELDS)
    assert page.evaluate(STORED) is None
    assert page.inner_html("#calc-prepare-result") == ""


def channel_fields(**changes: str) -> dict:
    """The channel form as the page sends it: its defaults, then ``changes``."""
    fields = {
        "goal": "",
        "due": "",
        "days": "",
        "complexity": "simple",
        "tried": "none",
        "tried_via": "",
        "waited_days": "",
        "collectors": "no",
        "contact": "any",
        "free_time": "",
        "agent": "",
    }
    fields.update(changes)
    assert set(fields) == {field.name for field in channel.FIELDS}
    return fields


def ranking(page) -> list[str]:
    return page.eval_on_selector_all(
        "#calc-channel-result section[data-channel]", "s => s.map(e => e.dataset.channel)"
    )


@pytest.mark.parametrize(("lang", "root"), LANGS)
def test_channel_suggestion_follows_the_inputs(page_and_watch, base_url, lang, root) -> None:
    page, _ = page_and_watch
    dialogs = record_dialogs(page)
    page.goto(f"{base_url}{root}guide/4-channels/")
    result = page.locator("#calc-channel-result")

    page.select_option("#calc-channel-goal", "longer_term")
    calm = channel_fields(goal="longer_term")
    assert collect(page, "channel") == calm
    first = ok("channel", calm, lang)
    wait_for_result(page, "channel", first["html"], timeout=READY_TIMEOUT)
    assert ranking(page) == [item["channel"] for item in first["data"]["ranking"]]
    lead = result.locator(".calc-lead").inner_text()

    # No answer after 20 days, and abusive collectors: the regulator comes first.
    assert page.is_hidden("#calc-channel-waited_days")
    page.select_option("#calc-channel-tried", "no_answer")
    assert page.is_visible("#calc-channel-waited_days")
    page.fill("#calc-channel-waited_days", "20")
    page.select_option("#calc-channel-collectors", "abusive")
    stuck = channel_fields(goal="longer_term", tried="no_answer", waited_days="20", collectors="abusive")
    assert collect(page, "channel") == stuck
    second = ok("channel", stuck, lang)
    assert second["data"]["ranking"][0]["channel"] != first["data"]["ranking"][0]["channel"]
    wait_for_result(page, "channel", second["html"])
    assert ranking(page) == [item["channel"] for item in second["data"]["ranking"]]
    assert result.locator(".calc-lead").inner_text() != lead

    # Ticking "paid agent" puts the regulators' warning first; unticking removes it.
    assert result.locator(".calc-warning").count() == 0
    page.check("#calc-channel-agent")
    warned = ok("channel", {**stuck, "agent": "on"}, lang)
    wait_for_result(page, "channel", warned["html"])
    warning = result.locator(":scope > .calc-warning[role=note]:first-child")
    assert warning.count() == 1
    assert pick(SAFETY["warning_title"], lang) in warning.inner_text()
    assert "停息挂账" in warning.inner_text()
    page.uncheck("#calc-channel-agent")
    wait_for_result(page, "channel", second["html"])

    # The XSS probe in the one typed field (the days) comes back as text in the message beside it.
    page.select_option("#calc-channel-due", "overdue")
    page.fill("#calc-channel-days", XSS)
    error = page.locator("#calc-channel-days-error")
    error.wait_for(state="visible", timeout=10_000)
    assert XSS in error.inner_text()
    assert (
        error.inner_text() == run("channel", {**stuck, "due": "overdue", "days": XSS}, lang)["errors"]["days"]
    )
    assert page.get_attribute("#calc-channel-days", "aria-invalid") == "true"
    assert page.locator("#calc-channel img").count() == 0
    assert dialogs == []


def message_fields(**changes: str) -> dict:
    fields = {field.name: field.default for field in message.FIELDS}
    fields.update(changes)
    return fields


@pytest.mark.parametrize(("lang", "root"), LANGS)
def test_plan_fills_the_message_copy_warning_and_xss(page_and_watch, context, base_url, lang, root) -> None:
    page, _ = page_and_watch
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=base_url.split("/negotiate")[0])
    dialogs = record_dialogs(page)
    page.goto(f"{base_url}{root}guide/2-repayment-capacity/")
    page.fill("#calc-plan-debts-0-amount", "12000")
    page.fill("#calc-plan-debts-0-rate", "18")
    page.fill("#calc-plan-budget", "1000")
    plan = {
        "debts": [
            {
                "name": "",
                "amount": "12000",
                "rate_kind": "annual",
                "rate": "18",
                "fee_periods": "",
                "overdue_days": "",
            }
        ],
        "budget": "1000",
        "method": "equal_installment",
        "current_months": "",
        "longer_term": "36",
        "reduction": "50",
        "pause_months": "",
        "pause_then_term": "36",
        "first_due": "",
    }
    assert collect(page, "plan") == plan
    wait_for_result(page, "plan", ok("plan", plan, lang)["html"], timeout=READY_TIMEOUT)
    button = page.locator(
        "#calc-plan-result section[data-option=longer_term] .calc-carry[data-carry-target=message]"
    )
    carried = json.loads(button.get_attribute("data-carry-fields"))
    assert carried == {
        "amount_owed": "12000.00",
        "monthly_offer": "433.83",  # 12,000 at 1.5% a month over 36 months
        "months": "36",
        "method": "equal_installment",
        "option": "longer_term",
    }

    # The button opens section 5 with the plan in the message form.
    button.click()
    page.wait_for_url(f"{base_url}{root}guide/5-communicate/#calc-message")
    assert collect(page, "message") == message_fields(**carried)
    carries = "() => Object.keys(sessionStorage).filter((key) => key.startsWith('calc-carry:')).length"
    assert page.evaluate(carries) == 0  # taken once, not kept
    assert pick(UI["carried"], lang) in page.inner_text("#calc-message .calc-status")
    fields = message_fields(**carried)
    drafted = ok("message", fields, lang)
    wait_for_result(page, "message", drafted["html"], timeout=READY_TIMEOUT)
    assert "12,000.00" in drafted["data"]["chat"] and "433.83" in drafted["data"]["chat"]
    assert pick(UI["carried"], lang) in page.inner_text("#calc-message .calc-status")

    # Copy puts exactly the chat text on the clipboard.
    copy = page.locator("#calc-message-result .calc-copy[data-copy=calc-message-chat]")
    copy.click()
    page.wait_for_function(
        "text => document.querySelector('.calc-copy[data-copy=calc-message-chat]').textContent === text",
        arg=pick(UI["copied"], lang),
    )
    assert page.evaluate("() => navigator.clipboard.readText()") == drafted["data"]["chat"]

    # The XSS probe typed into both free-text fields is shown, and copied, as text.
    page.fill("#calc-message-reason_detail", XSS)
    page.fill("#calc-message-extra", XSS)
    fields = message_fields(**carried, reason_detail=XSS, extra=XSS)
    assert collect(page, "message") == fields
    probed = ok("message", fields, lang)
    wait_for_result(page, "message", probed["html"])
    assert page.locator("#calc-message-result img").count() == 0
    assert XSS in page.text_content("#calc-message-chat")
    assert XSS in page.text_content("#calc-message-letter")
    page.click("#calc-message-result .calc-copy[data-copy=calc-message-letter]")
    page.wait_for_function(
        "text => document.querySelector('.calc-copy[data-copy=calc-message-letter]').textContent === text",
        arg=pick(UI["copied"], lang),
    )
    assert page.evaluate("() => navigator.clipboard.readText()") == probed["data"]["letter"]

    # The paid-agent warning comes first when ticked.
    page.check("#calc-message-agent")
    warned = ok("message", {**fields, "agent": "on"}, lang)
    wait_for_result(page, "message", warned["html"])
    warning = page.locator("#calc-message-result > .calc-warning[role=note]:first-child")
    assert pick(SAFETY["warning_title"], lang) in warning.inner_text()
    assert page.locator("#calc-message-result img").count() == 0
    assert dialogs == []
