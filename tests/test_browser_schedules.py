"""The plan's month-by-month schedules are built on the page only when the reader opens one (or
prints): until then their <details> hold just the summary; opened or printed, each shows exactly
the table that run() made for it."""

from __future__ import annotations

import pytest

from calculators import run
from tests.browser_helpers import PARSED, READY_TIMEOUT, collect, submit_one_debt_plan

pytestmark = pytest.mark.browser
SCHEDULES = '#calc-plan-result details[data-part="schedules"]'
TABLES = f"{SCHEDULES} table"


def test_schedules_are_built_when_opened_and_for_the_print(page_and_watch, base_url: str) -> None:
    page, _ = page_and_watch
    submit_one_debt_plan(page, base_url)
    page.locator(SCHEDULES).first.wait_for(state="attached", timeout=READY_TIMEOUT)
    expected = run("plan", collect(page, "plan"), "en")["data"]["schedules"]
    count = page.locator(SCHEDULES).count()
    assert count == len(expected) >= 2
    assert page.locator(TABLES).count() == 0  # nothing built while every schedule is closed

    page.locator(f"{SCHEDULES} summary").nth(1).click()
    page.locator(SCHEDULES).nth(1).locator("table").wait_for()
    assert page.locator(TABLES).count() == 1
    built = page.eval_on_selector_all(
        SCHEDULES,
        "all => all.map((d) => d.querySelector('table') ? d.querySelector('.calc-table-wrap').outerHTML : null)",
    )
    assert built[1] == page.evaluate(PARSED, expected[1])
    assert [html is None for index, html in enumerate(built) if index != 1] == [True] * (count - 1)

    page.evaluate("() => window.dispatchEvent(new Event('beforeprint'))")
    built = page.eval_on_selector_all(
        SCHEDULES, "all => all.map((d) => d.querySelector('.calc-table-wrap').outerHTML)"
    )
    assert built == [page.evaluate(PARSED, html) for html in expected]
    page.evaluate("() => window.dispatchEvent(new Event('afterprint'))")
