"""A unit that follows another field: the plan's rate reads %/年, %/天 or %/月 as the reader picks the
kind of rate, in each row, for the eye and for screen readers."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser


@pytest.mark.parametrize(("root", "annual", "daily"), [("", "%/年", "%/天"), ("en/", "% a year", "% a day")])
def test_the_rate_unit_follows_the_kind_of_rate(page_and_watch, base_url: str, root, annual, daily) -> None:
    page, _ = page_and_watch
    page.goto(f"{base_url}{root}guide/2-repayment-capacity/")
    page.wait_for_selector('form.calc-form[data-calculator="plan"].is-bound')
    field = page.locator('#calc-plan [data-field="rate"]').first
    assert field.locator(".calc-unit").inner_text() == annual
    page.select_option("#calc-plan-debts-0-rate_kind", "daily")
    assert field.locator(".calc-unit").inner_text() == daily
    assert field.locator(".calc-unit-sr").inner_text().strip() == f"({daily})"
    page.click("#calc-plan .calc-add-row")
    second = page.locator('#calc-plan [data-field="rate"]').nth(1)
    assert second.locator(".calc-unit").inner_text() == annual  # each row follows its own kind
