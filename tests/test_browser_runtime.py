"""The runtime when things go wrong: a runaway calculation is stopped and the worker restarted; a
browser without WebAssembly gets a plain message and the guide stays readable."""

from __future__ import annotations

import re
import time

import pytest

from calculators import run
from calculators.core.i18n import pick
from calculators.page.ui import UI
from tests.browser_helpers import (
    READY_TIMEOUT,
    collect,
    state,
    submit_one_debt_plan,
    wait_for_result,
    wait_for_state,
)
from tests.conftest import ROOT

pytestmark = pytest.mark.browser
RUN_TIMEOUT_S = 10  # RUN_TIMEOUT_MS in overrides/assets/calc/runtime.js
RUNAWAY = "999999"  # an amount that makes the patched worker spin
RUN_HANDLER = 'if (message.type === "run") {'


def test_the_run_timeout_is_the_one_in_runtime_js() -> None:
    script = (ROOT / "overrides" / "assets" / "calc" / "runtime.js").read_text()
    assert re.search(rf"export const RUN_TIMEOUT_MS = {RUN_TIMEOUT_S * 1000};", script)


def test_a_runaway_calculation_is_stopped_and_the_worker_restarted(page_and_watch, base_url: str) -> None:
    page, seen = page_and_watch
    served: list[str] = []

    def spin_on_runaway(route) -> None:
        """The real worker, except that a run with the runaway amount never returns."""
        served.append(route.request.url)
        original = route.fetch()
        code = original.text()
        assert code.count(RUN_HANDLER) == 1, "worker.js changed: update this test's patch"
        patched = code.replace(
            RUN_HANDLER,
            f'{RUN_HANDLER}\n    if (JSON.stringify(message.fields).includes("{RUNAWAY}")) while (true) {{}}',
        )
        route.fulfill(status=200, content_type="text/javascript", body=patched)

    # The context's routes also see what the service worker fetches (the worker script, once a
    # service worker controls the page); a page's routes would not.
    page.context.route("**/assets/calc/worker.js*", spin_on_runaway)
    workers: list[object] = []  # the worker scripts started (the service worker may fetch more copies)
    page.on("worker", lambda worker: "/calc/worker.js" in worker.url and workers.append(worker))
    page.goto(f"{base_url}en/guide/1-repayment-mechanism/")
    page.fill("#calc-true-cost-amount", RUNAWAY)
    page.select_option("#calc-true-cost-kind", "fee")
    page.fill("#calc-true-cost-fee", "8.8")
    page.fill("#calc-true-cost-periods", "12")
    wait_for_state(page, "true-cost", "ready")
    started = time.monotonic()  # the run is sent as soon as the worker is ready
    wait_for_state(page, "true-cost", "slow", timeout=(RUN_TIMEOUT_S + 20) * 1000)
    waited = time.monotonic() - started
    assert RUN_TIMEOUT_S - 1 <= waited <= RUN_TIMEOUT_S + 10, waited
    assert page.inner_text("#calc-true-cost .calc-status") == pick(UI["slow"], "en")
    assert page.inner_html("#calc-true-cost-result") == ""
    assert page.input_value("#calc-true-cost-amount") == RUNAWAY  # the reader's input is kept
    assert len(workers) == 1 and served

    # The next edit starts a fresh worker, which answers.
    page.fill("#calc-true-cost-amount", "10000")
    fields = collect(page, "true-cost")
    wait_for_result(page, "true-cost", run("true-cost", fields, "en")["html"], timeout=READY_TIMEOUT)
    assert len(workers) == 2
    assert len([url for url in seen.requests if url.endswith("/pyodide.mjs")]) == 2
    assert state(page, "true-cost") == "ready"


@pytest.mark.parametrize(
    ("lang", "root", "article"),
    [("zh", "", "支付宝"), ("en", "en/", "Alipay offers several credit products")],
)
def test_without_webassembly_the_form_says_so_and_the_guide_stays(
    page_and_watch, base_url: str, lang: str, root: str, article: str
) -> None:
    page, seen = page_and_watch
    page.add_init_script("delete window.WebAssembly")
    page.goto(f"{base_url}{root}guide/1-repayment-mechanism/")
    assert page.evaluate("() => typeof WebAssembly") == "undefined"
    page.fill("#calc-true-cost-amount", "10000")
    wait_for_state(page, "true-cost", "failed", timeout=10_000)
    status = page.inner_text("#calc-true-cost .calc-status")
    assert "WebAssembly" in status
    assert pick(UI["reason_wasm"], lang) in status
    assert page.locator("#calc-true-cost .calc-retry").is_visible()
    assert page.input_value("#calc-true-cost-amount") == "10000"
    assert article in page.inner_text("article")
    assert page.is_visible("article h1")
    assert not [url for url in seen.requests if "pyodide" in url or "/calc/worker.js" in url]


def test_print_shows_the_whole_plan_and_no_navigation(page_and_watch, base_url: str) -> None:
    """The print view: navigation hidden, every collapsed schedule opened for the print only."""
    page, _ = page_and_watch
    submit_one_debt_plan(page, base_url)
    page.locator("#calc-plan-result details").first.wait_for(state="attached", timeout=120_000)
    closed = "() => [...document.querySelectorAll('#calc-plan-result details')].filter(d => !d.open).length"
    assert page.evaluate(closed) > 0
    page.evaluate("() => window.dispatchEvent(new Event('beforeprint'))")
    assert page.evaluate(closed) == 0
    page.emulate_media(media="print")
    assert page.locator(".md-header").is_hidden() and page.locator(".md-sidebar--primary").is_hidden()
    assert page.locator("#calc-plan .calc-tools").is_hidden()
    assert page.locator("#calc-plan-result").is_visible()
    page.emulate_media(media="screen")
    page.evaluate("() => window.dispatchEvent(new Event('afterprint'))")
    assert page.evaluate(closed) > 0


def test_a_worker_that_crashes_while_booting_is_reported_with_a_retry(browser, base_url: str) -> None:
    """A crash is said, and the retry recovers: the service worker, which keeps the worker script
    like the runtime, did not keep the broken answer (its bytes are not the build's sha256)."""
    from tests.conftest import watch

    context = browser.new_context()
    page = context.new_page()
    seen = watch(page)
    crash = 'self.onmessage = () => setTimeout(() => { throw new Error("boom"); }, 10);'
    context.route(
        "**/assets/calc/worker.js*",
        lambda route: route.fulfill(status=200, content_type="text/javascript", body=crash),
    )
    page.goto(f"{base_url}guide/1-repayment-mechanism/")
    page.focus("#calc-true-cost-amount")
    wait_for_state(page, "true-cost", "failed")
    status = page.inner_text("#calc-true-cost .calc-status")
    assert pick(UI["reason_crash"], "zh") in status
    assert page.locator("#calc-true-cost .calc-retry").is_visible()
    context.unroute("**/assets/calc/worker.js*")
    page.click("#calc-true-cost .calc-retry")  # the real worker now: retry recovers
    wait_for_state(page, "true-cost", "ready")
    assert all("boom" in error for error in seen.errors), seen.errors
    context.close()


def test_no_answer_in_time_is_reported(browser, base_url: str) -> None:
    """The boot has a bound: a runtime file that never arrives ends in a plain message."""
    context = browser.new_context()
    page = context.new_page()
    context.route("**/pyodide.asm.wasm", lambda route: None)  # never answered

    def short_bound(route) -> None:
        html = route.fetch().text()
        patched = html.replace("&#34;pyodide&#34;:", "&#34;bootTimeoutMs&#34;: 3000, &#34;pyodide&#34;:", 1)
        assert patched != html
        route.fulfill(status=200, content_type="text/html", body=patched)

    page.route("**/guide/1-repayment-mechanism/", short_bound)
    page.goto(f"{base_url}en/guide/1-repayment-mechanism/")
    page.focus("#calc-true-cost-amount")
    wait_for_state(page, "true-cost", "failed", timeout=30_000)
    assert pick(UI["reason_timeout"], "en") in page.inner_text("#calc-true-cost .calc-status")
    assert "Alipay offers several credit products" in page.inner_text("article")
    context.close()
