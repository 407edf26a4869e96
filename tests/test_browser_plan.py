"""The capacity and plan calculators on the built site, in zh and en: from "what can I afford" to
the options, with the page's numbers checked against ``run()``, the CSV, the share link, the chart's
text alternative, and adding and removing debts."""

from __future__ import annotations

import base64
import csv
import io
import json
from pathlib import Path

import pytest

from calculators import run
from calculators.core.i18n import pick
from calculators.page.chart import MESSAGES as CHART
from calculators.page.ui import UI
from tests.browser_helpers import READY_TIMEOUT, collect, controls, wait_for_result
from tests.conftest import watch
from tests.samples import XSS

pytestmark = pytest.mark.browser
LANGS = [("zh", ""), ("en", "en/")]
BOM = "\ufeff".encode()


def capacity_fields() -> dict:
    """Income 8,000; essentials 5,000; other debts 500; 2,000 due now: a changed plan of up to 1,700."""
    return {
        "incomes": [{"name": "", "amount": "8000"}],
        "housing": "3000",
        "food": "1500",
        "transport": "500",
        "utilities": "",
        "medical": "",
        "family": "",
        "other": "",
        "other_debts": "500",
        "current_due": "2000",
        "savings": "",
        "margin": "10",
    }


def debt(name: str, amount: str, rate_kind: str, rate: str) -> dict:
    return {
        "name": name,
        "amount": amount,
        "rate_kind": rate_kind,
        "rate": rate,
        "fee_periods": "",
        "overdue_days": "",
    }


def plan_fields(debts: list[dict]) -> dict:
    """The plan form after the carry (budget 1,700.00), with 12 months left and a 3-month pause."""
    return {
        "debts": debts,
        "budget": "1700.00",
        "method": "equal_installment",
        "current_months": "12",
        "longer_term": "36",
        "reduction": "50",
        "pause_months": "3",
        "pause_then_term": "36",
        "first_due": "",
    }


def fill_debt(page, index: int, row: dict) -> None:
    prefix = f"#calc-plan-debts-{index}"
    page.fill(f"{prefix}-name", row["name"])
    page.fill(f"{prefix}-amount", row["amount"])
    page.select_option(f"{prefix}-rate_kind", row["rate_kind"])
    page.fill(f"{prefix}-rate", row["rate"])


def answer(fields: dict, lang: str) -> dict:
    found = run("plan", fields, lang)
    assert found["ok"], found["errors"]
    return found


def check_chart(page, data: dict, lang: str) -> None:
    """An ``<svg role="img">`` named by its title and description, and the same facts as text."""
    result = page.locator("#calc-plan-result")
    svg = result.locator("svg.calc-chart")
    assert svg.count() == 1 and svg.get_attribute("role") == "img"
    title, desc = svg.get_attribute("aria-labelledby").split()
    assert svg.locator(f"title#{title}").text_content() == pick(CHART["title"], lang)
    description = svg.locator(f"desc#{desc}").text_content()
    assert description.startswith(pick(CHART["desc"], lang))
    titles = [option["title"] for option in data["options"]]
    assert all(title in description for title in titles)
    # The accessible name a screen reader announces is computed from aria-labelledby.
    assert page.get_by_role("img", name=pick(CHART["title"], lang)).count() == 1
    assert svg.locator("path.calc-series").count() == 2 * len(titles)  # each line and its legend
    alternative = result.locator("details.calc-chart-data")
    assert alternative.locator("summary").inner_text() == pick(CHART["data"], lang)
    sentences = alternative.locator("li").all_text_contents()
    assert len(sentences) == len(titles)
    assert all(sentence.startswith(title) for sentence, title in zip(sentences, titles, strict=True))
    table = alternative.locator("table")
    assert not table.is_visible()
    alternative.locator("summary").click()
    table.wait_for(state="visible")  # built when opened (asked for when the result came, if not yet in)
    headers = table.locator("th[scope=col]").all_text_contents()
    assert headers == [pick(CHART["month"], lang), *titles]


def check_csv(page, data: dict) -> None:
    """The download is the CSV that ``run()`` made: one UTF-8 BOM, then the schedule of every option."""
    with page.expect_download() as info:
        page.click("#calc-plan [data-tool=csv]")
    download = info.value
    assert download.suggested_filename == data["csv_name"] == "repayment-plan.csv"
    raw = Path(download.path()).read_bytes()
    assert raw.startswith(BOM) and not raw[len(BOM) :].startswith(BOM), raw[:12]
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    assert rows == list(csv.reader(io.StringIO(data["csv"].removeprefix("\ufeff"), newline="")))
    schedule = [
        [
            option["title"],
            str(row["period"]),
            row["payment"],
            row["principal"],
            row["interest"],
            row["balance"],
        ]
        for option in data["options"]
        for row in option["schedule"]
    ]
    assert rows[1:] == schedule
    assert len(rows[0]) == 6


def check_share_link(page, browser, base_url: str, path: str, fields: dict, html: str, lang: str) -> None:
    """The link holds the inputs only after "#"; opened in a fresh browser it restores them all."""
    page.click("#calc-plan [data-tool=share]")
    page.wait_for_function("() => location.hash.startsWith('#plan=')")
    link = page.url
    page_url, fragment = link.split("#", 1)
    assert page_url == base_url + path  # nothing the reader typed is in what a server sees
    encoded = fragment.removeprefix("plan=")
    assert json.loads(base64.urlsafe_b64decode(encoded + "=" * (-len(encoded) % 4))) == fields
    assert page.evaluate("() => navigator.clipboard.readText()") == link
    copied = pick(UI["copied"], lang)
    page.wait_for_function(
        "text => document.querySelector('#calc-plan [data-tool=share]').textContent === text", arg=copied
    )
    assert page.is_visible("#calc-plan .calc-share-note")

    fresh_context = browser.new_context(viewport={"width": 390, "height": 844}, locale="en-GB")
    try:
        fresh = fresh_context.new_page()
        seen = watch(fresh)
        dialogs: list[str] = []
        fresh.on("dialog", lambda dialog: dialogs.append(dialog.message))
        fresh.goto(link)
        wait_for_result(fresh, "plan", html, timeout=READY_TIMEOUT)
        assert controls(fresh, "plan") == controls(page, "plan")
        assert collect(fresh, "plan") == fields
        status = fresh.text_content("#calc-plan .calc-status")
        assert pick(UI["restored"], lang) in status
        # Sentences follow each other as the language writes them: no space after Chinese "。".
        assert ("。 " not in status) if lang == "zh" else (". " + pick(UI["restored"], lang) in status)
        assert fresh.locator("#calc-plan-result img").count() == 0
        assert dialogs == []
        assert seen.foreign(base_url) == [] and seen.errors == []
    finally:
        fresh_context.close()


@pytest.mark.parametrize(("lang", "root"), LANGS)
def test_capacity_into_plan_csv_share_chart_and_rows(
    page_and_watch, browser, context, base_url: str, lang: str, root: str
) -> None:
    page, _ = page_and_watch
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=base_url.split("/negotiate")[0])
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: dialogs.append(dialog.message))
    path = f"{root}guide/2-repayment-capacity/"
    page.goto(base_url + path)
    for tool in ("share", "csv", "print"):  # [hidden] must beat the theme's .md-button display
        assert page.is_hidden(f"#calc-plan [data-tool={tool}]"), tool

    # What can I afford: 1,700 a month, and a button that carries it into the plan.
    page.fill("#calc-capacity-incomes-0-amount", "8000")
    page.fill("#calc-capacity-housing", "3000")
    page.fill("#calc-capacity-food", "1500")
    page.fill("#calc-capacity-transport", "500")
    page.fill("#calc-capacity-other_debts", "500")
    page.fill("#calc-capacity-current_due", "2000")
    assert collect(page, "capacity") == capacity_fields()
    capacity = run("capacity", capacity_fields(), lang)
    assert capacity["data"]["safe_amount"] == "1700.00"
    wait_for_result(page, "capacity", capacity["html"], timeout=READY_TIMEOUT)
    page.click("#calc-capacity-result .calc-carry[data-carry-target=plan]")
    assert page.input_value("#calc-plan-budget") == "1700.00"
    assert pick(UI["carried"], lang) in page.inner_text("#calc-plan .calc-status")

    # One debt: the options on the page are run()'s, with the worked case's 916.80 / 916.81.
    first = debt("花呗" if lang == "zh" else "Huabei", "10000", "annual", "18")
    fill_debt(page, 0, first)
    page.fill("#calc-plan-current_months", "12")
    page.fill("#calc-plan-pause_months", "3")
    fields = plan_fields([first])
    assert collect(page, "plan") == fields
    one = answer(fields, lang)
    wait_for_result(page, "plan", one["html"])
    current = page.inner_text("#calc-plan-result section[data-option=current]")
    assert "916.80" in current and "916.81" in current
    keys = page.eval_on_selector_all(
        "#calc-plan-result section[data-option]", "s => s.map(e => e.dataset.option)"
    )
    assert keys == [option["key"] for option in one["data"]["options"]]
    assert keys == ["current", "longer_term", "reduced_interest", "pause", "fits_budget"]

    # A second debt, named with the XSS probe: shown as text, and the avalanche / snowball comparison.
    page.click("#calc-plan .calc-add-row")
    assert page.evaluate("() => document.activeElement.id") == "calc-plan-debts-1-name"
    second = debt(XSS, "3000", "daily", "0.05")
    fill_debt(page, 1, second)
    fields = plan_fields([first, second])
    assert collect(page, "plan") == fields
    two = answer(fields, lang)
    wait_for_result(page, "plan", two["html"])
    assert page.locator("#calc-plan-result .calc-strategies").count() == 1
    assert XSS in page.inner_text("#calc-plan-result .calc-strategies")
    assert page.locator("#calc-plan-result img").count() == 0

    check_chart(page, two["data"], lang)
    check_csv(page, two["data"])
    check_share_link(page, browser, base_url, path, fields, two["html"], lang)

    # Removing the first debt renumbers the second: debts.0.*, its ids, labels and title.
    page.click("#calc-plan .calc-row[data-row='0'] .calc-remove-row")
    rows = page.locator("#calc-plan .calc-rows > .calc-row")
    assert rows.count() == 1
    names = rows.first.locator("[name]").evaluate_all("es => es.map(e => e.name)")
    assert names == [f"debts.0.{name}" for name in second]
    ids = rows.first.locator("[id]").evaluate_all("es => es.map(e => e.id)")
    assert ids and all(each.startswith("calc-plan-debts-0-") for each in ids)
    assert rows.first.locator("label").evaluate_all(
        "ls => ls.every(l => document.getElementById(l.htmlFor)?.closest('.calc-row') === l.closest('.calc-row'))"
    )
    assert rows.first.locator("[aria-describedby]").evaluate_all(
        "es => es.every(e => e.getAttribute('aria-describedby').split(' ').filter(Boolean)"
        ".every(id => document.getElementById(id)))"
    )
    assert page.input_value("#calc-plan-debts-0-name") == XSS
    assert rows.first.locator(".calc-row-title").inner_text() == ("第 1 笔债务" if lang == "zh" else "Debt 1")
    assert page.is_hidden("#calc-plan .calc-remove-row")  # at least one debt stays
    fields = plan_fields([second])
    assert collect(page, "plan") == fields
    wait_for_result(page, "plan", answer(fields, lang)["html"])
    assert page.locator("#calc-plan-result img").count() == 0
    assert dialogs == []
