"""Sections 6 and 7 on the built site, in zh and en, in the order a reader goes: a plan's option
carried into the agreement, the calendar file downloaded and read back, the tracker's ticks kept
over a reload and deleted, and the capacity calculator's essentials carried into the emergency fund.
Every test fails on a request to another origin or a console error (``page_and_watch``)."""

from __future__ import annotations

import base64
import json
from datetime import date
from pathlib import Path

import pytest

from calculators import run
from calculators.agreement.texts import MESSAGES as AGREEMENT_TEXTS
from calculators.core.i18n import pick, t
from calculators.page.ui import UI
from calculators.tools import agreement as agreement_tool
from tests.browser_helpers import ANSWER_TIMEOUT, READY_TIMEOUT, collect, wait_for_result
from tests.samples import AGREEMENT

icalendar = pytest.importorskip("icalendar")

pytestmark = pytest.mark.browser
LANGS = [("zh", ""), ("en", "en/")]
STORED = "() => localStorage.getItem('calc-tracker:agreement')"

# The result region with the tracker's progress line emptied (the page script writes it), as HTML.
SHOWS_IGNORING_PROGRESS = """
([id, html]) => {
  const parsed = document.createElement("template");
  parsed.innerHTML = html;
  const shown = document.getElementById(id).cloneNode(true);
  for (const root of [shown, parsed.content]) {
    for (const line of root.querySelectorAll(".calc-tracker-status")) line.textContent = "";
  }
  return shown.innerHTML === parsed.innerHTML;
}
"""


def ok(name: str, fields: dict, lang: str) -> dict:
    answer = run(name, fields, lang)
    assert answer["ok"], answer["errors"]
    return answer


def wait_for_agreement(page, html: str, timeout: float = ANSWER_TIMEOUT) -> None:
    page.wait_for_function(SHOWS_IGNORING_PROGRESS, arg=["calc-agreement-result", html], timeout=timeout)


def plan_fields() -> dict:
    return {
        "debts": [
            {
                "name": "",
                "amount": "10000",
                "rate_kind": "annual",
                "rate": "18",
                "fee_periods": "",
                "overdue_days": "",
            }
        ],
        "budget": "1500",
        "method": "equal_installment",
        "current_months": "",
        "longer_term": "36",
        "reduction": "50",
        "pause_months": "",
        "pause_then_term": "36",
        "first_due": "2027-01-31",
    }


def progress(lang: str, paid: list[str], left: list[str], next_date: str) -> str:
    """The tracker's line as the page should write it (amounts in fen, added exactly)."""

    def total(amounts: list[str]) -> str:
        return f"{sum(round(float(a) * 100) for a in amounts) / 100:,.2f}"

    summary = t(
        AGREEMENT_TEXTS,
        "tracker_summary",
        lang,
        paid_count=len(paid),
        count=len(paid) + len(left),
        paid=total(paid),
        left_count=len(left),
        left=total(left),
    )
    return (
        summary
        + ("" if lang == "zh" else " ")  # no space after Chinese "。"
        + t(AGREEMENT_TEXTS, "tracker_next", lang, date=next_date, amount=f"{float(left[0]):,.2f}")
    )


@pytest.mark.parametrize(("lang", "root"), LANGS)
def test_plan_option_into_the_agreement_calendar_file_and_tracker(
    page_and_watch, base_url, lang, root
) -> None:
    page, _ = page_and_watch
    page.goto(f"{base_url}{root}guide/2-repayment-capacity/")
    page.fill("#calc-plan-debts-0-amount", "10000")
    page.fill("#calc-plan-debts-0-rate", "18")
    page.fill("#calc-plan-budget", "1500")
    page.fill("#calc-plan-first_due", "2027-01-31")
    fields = plan_fields()
    assert collect(page, "plan") == fields
    plan = ok("plan", fields, lang)
    wait_for_result(page, "plan", plan["html"], timeout=READY_TIMEOUT)
    longer = next(option for option in plan["data"]["options"] if option["key"] == "longer_term")
    assert longer["payoff_date"] == "2029-12-31"
    assert {"zh": "2029年12月还清", "en": "paid off in December 2029"}[lang] in page.inner_text(
        "#calc-plan-result section[data-option=longer_term]"
    )

    # "Use this option in my agreement" opens section 6 with the terms filled in.
    page.click("#calc-plan-result section[data-option=longer_term] .calc-carry[data-carry-target=agreement]")
    page.wait_for_url(f"{base_url}{root}guide/6-follow-up/#calc-agreement")
    defaults = {field.name: field.default for field in agreement_tool.FIELDS}
    carried = {
        "amount": "361.52",  # 10,000 at 1.5% a month over 36 months
        "payments": "36",
        "last_amount": longer["monthly_payment_last"] if longer["monthly_payment_last"] != "361.52" else "",
        "first_due": "2027-01-31",
        "due_day": "31",
    }
    assert longer["monthly_payment_first"] == "361.52"
    fields = {**defaults, **carried}
    assert collect(page, "agreement") == fields
    assert pick(UI["carried"], lang) in page.inner_text("#calc-agreement .calc-status")
    answer = ok("agreement", fields, lang)
    wait_for_agreement(page, answer["html"], timeout=READY_TIMEOUT)
    assert answer["data"]["debt_free"] == "2029-12-31" and answer["data"]["total"] == longer["total_paid"]

    # Credit-report reminders every 6 months, then the calendar file: exactly run()'s text.
    page.select_option("#calc-agreement-credit_every", "6")
    fields["credit_every"] = "6"
    answer = ok("agreement", fields, lang)
    wait_for_agreement(page, answer["html"])
    with page.expect_download() as info:
        page.click("#calc-agreement-result .calc-download[data-download=ics]")
    download = info.value
    assert download.suggested_filename == "repayment-agreement.ics"
    raw = Path(download.path()).read_bytes()
    assert raw == answer["data"]["ics"].encode("utf-8") and not raw.startswith(b"\xef\xbb\xbf")
    events = [c for c in icalendar.Calendar.from_ical(raw).walk() if c.name == "VEVENT"]
    assert len(events) == 36 + len(answer["data"]["credit_checks"])
    assert [e.get("DTSTART").dt for e in events[:3]] == [
        date(2027, 1, 31),
        date(2027, 2, 28),
        date(2027, 3, 31),
    ]

    # Tick the first two payments: the line says what is paid, what is left and what is next.
    payments = answer["data"]["payments"]
    amounts = [p["amount"] for p in payments]
    ticks = page.locator("#calc-agreement-result input.calc-tick")
    assert ticks.count() == 36
    ticks.nth(0).check()
    ticks.nth(1).check()
    third = {"zh": "2027年3月31日", "en": "March 31, 2027"}[lang]
    wanted = progress(lang, amounts[:2], amounts[2:], third)
    page.wait_for_function(
        "text => document.querySelector('#calc-agreement-result .calc-tracker-status').textContent === text",
        arg=wanted,
    )
    stored = json.loads(page.evaluate(STORED))
    assert stored == {"key": "20270131-36152x36-" + str(int(float(amounts[-1]) * 100)), "paid": [0, 1]}

    # A reload keeps the inputs (this browser only) and the ticks.
    page.reload()
    wait_for_agreement(page, answer["html"], timeout=READY_TIMEOUT)
    page.wait_for_function(
        "text => document.querySelector('#calc-agreement-result .calc-tracker-status').textContent === text",
        arg=wanted,
    )
    checked = page.eval_on_selector_all(
        "#calc-agreement-result input.calc-tick", "ts => ts.map(t => t.checked)"
    )
    assert checked == [True, True] + [False] * 34

    # The visible delete forgets the ticks, here and after another reload.
    page.click("#calc-agreement-result .calc-tracker-clear")
    assert page.evaluate(STORED) is None
    assert pick(UI["persist_cleared"], lang) in page.inner_text("#calc-agreement-result .calc-tracker-status")
    page.reload()
    wait_for_agreement(page, answer["html"], timeout=READY_TIMEOUT)
    checked = page.eval_on_selector_all(
        "#calc-agreement-result input.calc-tick", "ts => ts.map(t => t.checked)"
    )
    assert checked == [False] * 36

    # The form's delete removes the inputs and any ticks.
    page.locator("#calc-agreement-result input.calc-tick").nth(0).check()
    page.wait_for_function(f"() => ({STORED})() !== null")
    page.click("#calc-agreement [data-tool=clear]")
    assert page.evaluate(STORED) is None
    assert page.evaluate("() => localStorage.getItem('calc:agreement')") is None


@pytest.mark.parametrize(("lang", "root"), LANGS)
def test_capacity_carries_essentials_into_the_emergency_fund(page_and_watch, base_url, lang, root) -> None:
    page, _ = page_and_watch
    page.goto(f"{base_url}{root}guide/2-repayment-capacity/")
    page.fill("#calc-capacity-incomes-0-amount", "8000")
    page.fill("#calc-capacity-housing", "2000")
    page.fill("#calc-capacity-food", "1000")
    page.fill("#calc-capacity-savings", "2000")
    capacity = ok("capacity", collect(page, "capacity"), lang)
    wait_for_result(page, "capacity", capacity["html"], timeout=READY_TIMEOUT)
    page.click("#calc-capacity-result .calc-carry[data-carry-target=emergency-fund]")
    page.wait_for_url(f"{base_url}{root}guide/7-prevent/#calc-emergency-fund")
    assert page.input_value("#calc-emergency-fund-essentials") == "3000.00"
    assert page.input_value("#calc-emergency-fund-savings") == "2000.00"
    assert pick(UI["carried"], lang) in page.inner_text("#calc-emergency-fund .calc-status")
    page.fill("#calc-emergency-fund-left", "800")
    fields = collect(page, "emergency-fund")
    assert fields["cover_months"] == "3"
    answer = ok("emergency-fund", fields, lang)
    assert (answer["data"]["target"], answer["data"]["gap"], answer["data"]["months"]) == (
        "9000.00",
        "7000.00",
        9,
    )
    wait_for_result(page, "emergency-fund", answer["html"], timeout=READY_TIMEOUT)
    assert (
        page.get_by_role("img", name={"zh": "存款随时间的变化", "en": "Savings over time"}[lang]).count() == 1
    )
    # The credit-record box, in the section marked as added by this guide, is on the same page.
    box = page.locator(
        ".admonition", has_text={"zh": "三条规定和一个提醒", "en": "three rules and a reminder"}[lang]
    )
    assert box.count() == 1 and "631" in box.inner_text()
    marker = page.locator("#credit-record .added")
    assert marker.count() == 1 and marker.inner_text() == {"zh": "补充", "en": "Added"}[lang]


@pytest.mark.parametrize(("lang", "root"), [*LANGS, ("zh-Hant", "zh-Hant/")])
def test_a_share_link_fills_the_agreement(page_and_watch, base_url, lang, root) -> None:
    """The link's fragment (never sent to a server) fills every field; before any tick the page shows
    exactly run()'s answer, the progress line included (Python and the page script word it alike)."""
    page, _ = page_and_watch
    fields = AGREEMENT
    encoded = base64.urlsafe_b64encode(json.dumps(fields, ensure_ascii=False).encode()).decode().rstrip("=")
    page.goto(f"{base_url}{root}guide/6-follow-up/#agreement={encoded}")
    answer = ok("agreement", fields, lang)
    wait_for_result(page, "agreement", answer["html"], timeout=READY_TIMEOUT)
    assert collect(page, "agreement") == fields
    line = page.inner_text("#calc-agreement-result .calc-tracker-status")
    assert "11,001.61" in line and ("January 31, 2028" if lang == "en" else "2028年1月31日") in line
