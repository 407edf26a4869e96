"""The repayment pack in the browser: a reader fills the budget, the plan and the message, opens the
pack from the message's result and sees the same figures; the pack printed to an A4 PDF (read back
with pdftotext) holds the budget, the chosen option's payment and the first due date and none of the
site's navigation, and no table is wider than the printed page; the parts chosen with the keyboard
alone; the share link holds the choices only; axe finds nothing at 360 and 1280 px in every language."""

from __future__ import annotations

import base64
import json
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from calculators import run
from calculators.core.dates import date_name
from calculators.core.i18n import pick
from calculators.core.money import yuan
from calculators.page.ui import UI
from tests.browser_helpers import READY_TIMEOUT, collect, pdf_text, wait_for_result
from tests.conftest import watch
from tests.samples import AGREEMENT, CAPACITY, GOOD, MESSAGE_FROM_PLAN
from tests.test_browser_a11y import WCAG_TAGS, violations
from tests.test_browser_offline import SAVE_DATA

pytestmark = pytest.mark.browser

A4_CONTENT_PX = 688  # 210 mm less the pack's 2 x 14 mm margins, at 96 px to the inch
SOURCES = ("capacity", "plan", "message", "agreement", "prepare")


def pack_fields(page, kept: dict[str, dict]) -> dict:
    """What the pack's page sends: its own choices as shown, and each source's kept inputs."""
    fields = collect(page, "pack")
    for name in SOURCES:
        fields[f"{name}_fields"] = json.dumps(kept[name], ensure_ascii=False) if name in kept else ""
    return fields


def seed(page, base_url: str, lang_path: str, kept: dict[str, dict]) -> None:
    """What the calculators keep once a reader has used them (keep.js: calc-session:<name>)."""
    page.goto(f"{base_url}{lang_path}about/")
    page.evaluate(
        "kept => Object.entries(kept).forEach(([n, f]) => sessionStorage.setItem(`calc-session:${n}`, JSON.stringify(f)))",
        kept,
    )


SAMPLE_KEPT = {
    "capacity": CAPACITY,
    "plan": json.loads(GOOD["pack"][0]["plan_fields"]),
    "message": MESSAGE_FROM_PLAN,
    "agreement": AGREEMENT,
    "prepare": GOOD["prepare"][1],
}


def test_a_reader_fills_budget_plan_and_message_then_prints_the_pack(
    page_and_watch, base_url: str, tmp_path: Path
) -> None:
    page, seen = page_and_watch
    lang = "en"
    page.goto(f"{base_url}en/guide/2-repayment-capacity/")
    assert not page.locator("#calc-capacity .calc-pack-link a").is_visible()  # no result yet, no link
    for field, value in (
        ("incomes-0-amount", "8000"),
        ("housing", "3000"),
        ("food", "1500"),
        ("transport", "500"),
        ("other_debts", "500"),
        ("current_due", "2000"),
    ):
        page.fill(f"#calc-capacity-{field}", value)
    capacity = collect(page, "capacity")
    wait_for_result(page, "capacity", run("capacity", capacity, lang)["html"], timeout=READY_TIMEOUT)
    budget = run("capacity", capacity, lang)["data"]
    assert budget["safe_amount"] == "1700.00"  # 8,000 - 5,000 - 500 - 800 (10% of income)
    assert page.locator("#calc-capacity .calc-pack-link a").is_visible()

    page.click('#calc-capacity-result button[data-carry-target="plan"]')  # the budget into the plan
    page.fill("#calc-plan-debts-0-name", "Huabei")
    page.fill("#calc-plan-debts-0-amount", "10000")
    page.fill("#calc-plan-debts-0-rate", "18")
    page.fill("#calc-plan-first_due", "2028-01-31")
    plan = collect(page, "plan")
    assert plan["budget"] == "1700.00"
    wait_for_result(page, "plan", run("plan", plan, lang)["html"])
    options = {option["key"]: option for option in run("plan", plan, lang)["data"]["options"]}
    chosen = options["longer_term"]

    page.click('#calc-plan-result section[data-option="longer_term"] button[data-carry-target="message"]')
    page.wait_for_url("**/en/guide/5-communicate/**")
    message = collect(page, "message")
    assert message["option"] == "longer_term"
    wait_for_result(page, "message", run("message", message, lang)["html"], timeout=READY_TIMEOUT)

    page.click("#calc-message .calc-pack-link a")
    page.wait_for_url("**/en/pack/")
    kept = {"capacity": capacity, "plan": plan, "message": message}
    expected = run("pack", pack_fields(page, kept), lang)
    assert expected["ok"]
    wait_for_result(page, "pack", expected["html"], timeout=READY_TIMEOUT)
    shown = page.inner_text("#calc-pack-result")
    first_due = date_name(date(2028, 1, 31), lang)
    for figure in (
        yuan(Decimal(budget["safe_amount"]), lang),
        yuan(Decimal(budget["income"]), lang),
        yuan(Decimal(chosen["monthly_payment_first"]), lang),
        first_due,
    ):
        assert figure in shown, figure
    assert expected["data"]["plan"]["option"]["key"] == "longer_term"  # the one taken into the message

    # Printed on A4: the pack alone, nothing cut off.
    page.set_viewport_size({"width": A4_CONTENT_PX, "height": 1000})
    page.emulate_media(media="print")
    hidden = page.evaluate(
        """() => ['.md-header', '.md-sidebar--primary', '.md-footer', 'form.calc-form', '.calc-pack-print',
                  '.calc-steps', '#calc-pack .calc-copy', '.md-content h1']
          .map((s) => [s, [...document.querySelectorAll(s)].every((e) => !e.getClientRects().length)])"""
    )
    assert all(gone for _, gone in hidden), hidden
    clipped = page.evaluate(
        """() => [...document.querySelectorAll('#calc-pack-result .calc-table-wrap')]
          .filter((wrap) => wrap.scrollWidth > wrap.clientWidth + 1
                   || wrap.querySelector('table').scrollWidth > wrap.clientWidth + 1
                   || wrap.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
          .map((wrap) => wrap.querySelector('th').textContent)"""
    )
    assert page.locator("#calc-pack-result table").count() >= 4
    assert clipped == []
    text = pdf_text(page.pdf(format="A4", prefer_css_page_size=True), tmp_path)
    flat = " ".join(text.split())
    for figure in (
        "What I can offer each month: 1,700.00 yuan",
        yuan(Decimal(budget["income"]), lang),
        yuan(Decimal(chosen["monthly_payment_first"]), lang),
        first_due,
        "My written request",
    ):
        assert figure in flat, figure
    for navigation in (
        "Alipay repayment negotiation guide",  # the header's site name
        "Previous",  # the footer's page links
        "How repayment works",  # the navigation's section titles
        "How to use it",  # the page's own text around the pack
        "Print or save as PDF",
        "Copy share link",
        "Update my pack",
    ):
        assert navigation not in flat, navigation
    assert text.count("\f") >= 3  # a page for each part: budget, plan, request, next steps
    assert seen.errors == []


def test_the_parts_chosen_with_the_keyboard_alone_and_the_print_button(browser, base_url: str) -> None:
    context = browser.new_context(viewport={"width": 360, "height": 800})
    page = context.new_page()
    seen = watch(page)
    seed(page, base_url, "", SAMPLE_KEPT)
    page.goto(f"{base_url}pack/")
    page.locator('#calc-pack-result [data-pack-part="budget"]').wait_for(timeout=READY_TIMEOUT)
    assert page.locator('#calc-pack-result [data-pack-part="checklist"]').count() == 0
    page.evaluate("() => { window.print = () => { window.__printed = (window.__printed || 0) + 1; }; }")

    def tab_to(selector: str) -> None:
        for _ in range(80):
            page.keyboard.press("Tab")
            if page.evaluate("s => document.activeElement?.matches(s)", selector):
                return
        raise AssertionError(f"{selector} never got the focus")

    tab_to("#calc-pack-include_checklist")
    page.keyboard.press("Space")
    page.locator('#calc-pack-result [data-pack-part="checklist"]').wait_for(timeout=15_000)
    tab_to("#calc-pack-include_budget")  # on past the end of the form, round to its first box
    page.keyboard.press("Space")
    page.locator('#calc-pack-result [data-pack-part="budget"]').wait_for(state="detached", timeout=15_000)
    tab_to("#calc-pack-result .calc-print")
    page.keyboard.press("Enter")
    assert page.evaluate("() => window.__printed") == 1
    wide = page.evaluate(
        """() => { const box = document.querySelector('#calc-pack-result').getBoundingClientRect();
          return [...document.querySelectorAll('#calc-pack-result *')]
            .filter((e) => e.getBoundingClientRect().right > box.right + 1).map((e) => e.tagName); }"""
    )
    assert wide == []
    assert seen.foreign(base_url) == [] and seen.errors == []
    context.close()


def test_the_share_link_holds_the_choices_only(browser, base_url: str) -> None:
    context = browser.new_context()
    page = context.new_page()
    seed(page, base_url, "en/", SAMPLE_KEPT)
    page.goto(f"{base_url}en/pack/")
    page.locator('#calc-pack-result [data-pack-part="plan"]').wait_for(timeout=READY_TIMEOUT)
    page.check("#calc-pack-include_checklist")
    page.select_option("#calc-pack-message_text", "chat")
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    page.click('#calc-pack [data-tool="share"]')
    link = page.evaluate("() => location.href")
    encoded = link.split("#pack=")[1]
    shared = json.loads(base64.urlsafe_b64decode(encoded + "=" * (-len(encoded) % 4)))
    assert shared == collect(page, "pack")
    assert not any(key.endswith("_fields") for key in shared)  # nothing the other calculators kept
    assert shared["include_checklist"] == "on" and shared["message_text"] == "chat"
    context.close()

    fresh = browser.new_context()  # another browser: nothing kept, only the link
    other = fresh.new_page()
    other.goto(link)
    other.locator('#calc-pack-result [data-pack-part="checklist"]').wait_for(timeout=READY_TIMEOUT)
    assert other.is_checked("#calc-pack-include_checklist")
    assert other.locator("#calc-pack-result .calc-pack-missing").count() == 5  # every source: fill it in
    assert "1,700.00" not in other.inner_text("#calc-pack-result")
    fresh.close()


@pytest.mark.parametrize("lang_path", ["", "en/", "zh-Hant/"])
def test_the_pack_with_data_has_no_wcag_violation(browser, base_url: str, lang_path: str) -> None:
    context = browser.new_context(viewport={"width": 360, "height": 800})
    page = context.new_page()
    seed(page, base_url, lang_path, SAMPLE_KEPT)
    page.goto(f"{base_url}{lang_path}pack/#pack=" + _choices_with_checklist())
    page.locator('#calc-pack-result [data-pack-part="checklist"]').wait_for(timeout=READY_TIMEOUT)
    assert page.locator("#calc-pack-result .calc-pack-missing").count() == 0
    for width in (360, 1280):
        page.set_viewport_size({"width": width, "height": 800})
        assert violations(page) == [], (width, WCAG_TAGS)
    context.close()


def _choices_with_checklist() -> str:
    fields = {key: value for key, value in GOOD["pack"][0].items() if not key.endswith("_fields")}
    fields["include_checklist"] = "on"
    return base64.urlsafe_b64encode(json.dumps(fields).encode()).decode().rstrip("=")


def test_with_save_data_the_pack_waits_for_the_reader(browser, base_url: str) -> None:
    """Like every calculator: nothing of the runtime is fetched until the reader focuses the form."""
    context = browser.new_context()
    page = context.new_page()
    seen = watch(page)
    seed(page, base_url, "en/", SAMPLE_KEPT)
    context.add_init_script(SAVE_DATA)
    page.goto(f"{base_url}en/pack/")
    page.wait_for_timeout(6000)  # longer than the idle start's 4 s bound, as for the other calculators
    assert [url for url in seen.requests if "/pyodide/" in url or "/calc/worker.js" in url] == []
    assert page.inner_html("#calc-pack-result") == ""
    page.focus("#calc-pack-include_budget")
    page.locator('#calc-pack-result [data-pack-part="budget"]').wait_for(timeout=READY_TIMEOUT)
    assert "1,700.00 yuan" in page.inner_text("#calc-pack-result")
    assert seen.errors == [] and seen.foreign(base_url) == []
    context.close()


def test_the_contact_log_is_on_the_pack_page_and_printed_after_the_pack(
    page_and_watch, base_url: str, tmp_path: Path
) -> None:
    """The log the guide tells the reader to keep goes into the pack: shown on its page and printed
    after it, without the log's entry form or buttons."""
    page, seen = page_and_watch
    seed(page, base_url, "en/", SAMPLE_KEPT)
    entry = {
        "id": "e1",
        "date": "2026-12-01",
        "time": "14:30",
        "channel": "hotline",
        "agent": "Agent 8023",
        "said": "Asked for 12 payments",
        "agreed": "Call back Friday",
        "next_step": "",
        "next_date": "",
    }
    page.evaluate("e => localStorage.setItem('calc-log:contact-log', JSON.stringify([e]))", entry)
    page.goto(f"{base_url}en/pack/")
    expected = run("pack", pack_fields(page, SAMPLE_KEPT), "en")
    wait_for_result(page, "pack", expected["html"], timeout=READY_TIMEOUT)
    page.locator("#calc-contact-log-log .calc-log-entry").wait_for()
    assert "Agent 8023" in page.inner_text("#calc-contact-log-log")
    page.emulate_media(media="print")
    flat = " ".join(pdf_text(page.pdf(format="A4", prefer_css_page_size=True), tmp_path).split())
    budget = run("capacity", CAPACITY, "en")["data"]
    for shown in (
        yuan(Decimal(budget["safe_amount"]), "en"),
        "December 1, 2026",
        "Agent 8023",
        "Call back Friday",
    ):
        assert shown in flat, shown
    assert flat.index("Agent 8023") > flat.index(yuan(Decimal(budget["safe_amount"]), "en"))  # after the pack
    page_text, form_hint = "Note down every contact", "Today, unless you change it."
    for absent in (page_text, form_hint, pick(UI["log_csv"], "en"), pick(UI["log_clear"], "en")):
        assert absent not in flat, absent
    assert seen.errors == []
