"""What the page does around a calculation, in the order a reader meets it: values typed before the
page script ran are calculated; what was typed survives a language switch, Back (with and without
the back/forward cache) and reload, and the delete button removes it; a failure says what happened
as soon as it is known; a short summary is announced; the focus survives a late recalculation; a
broken share link is reported; remove buttons name their row; a failed submit focuses the field."""

from __future__ import annotations

import re

import pytest

from calculators import run
from calculators.core.i18n import pick
from calculators.page.ui import UI
from tests.browser_helpers import READY_TIMEOUT, collect, wait_for_result, wait_for_state
from tests.conftest import CHROMIUM, CHROMIUM_ARGS

pytestmark = pytest.mark.browser
LANGS = [("zh", ""), ("en", "en/")]
TRUE_COST = {"amount": "10000", "kind": "fee", "fee": "8.8", "periods": "12"}
FAILURE_TIMEOUT = 60_000  # half the 120 s boot bound: a failure is reported when it happens


def _true_cost_url(base_url: str, root: str) -> str:
    return f"{base_url}{root}guide/1-repayment-mechanism/"


def _fill_true_cost(page) -> None:
    page.fill("#calc-true-cost-amount", TRUE_COST["amount"])
    page.select_option("#calc-true-cost-kind", TRUE_COST["kind"])
    page.fill("#calc-true-cost-fee", TRUE_COST["fee"])
    page.fill("#calc-true-cost-periods", TRUE_COST["periods"])


def typed(page) -> dict:
    """The true-cost fields the reader typed (the others stay empty or at their default)."""
    fields = collect(page, "true-cost")
    return {name: fields[name] for name in TRUE_COST}


def _wait_for_status_text(page, name: str, text: str) -> None:
    page.wait_for_function(
        "([name, text]) => document.querySelector(`#calc-${name} .calc-status`).textContent.includes(text)",
        arg=[name, text],
        timeout=FAILURE_TIMEOUT,
    )


def _status(page, name: str) -> str:
    return page.inner_text(f"#calc-{name} .calc-status")


# --- typed before the page script ran --------------------------------------------------------


@pytest.mark.parametrize(("lang", "root"), LANGS)
def test_values_typed_before_the_page_script_binds_are_calculated(
    page_and_watch, base_url: str, lang: str, root: str
) -> None:
    page, _ = page_and_watch
    held = []
    page.context.route("**/assets/calc/calc.js*", lambda route: held.append(route))
    page.goto(_true_cost_url(base_url, root), wait_until="commit")
    page.wait_for_selector("#calc-true-cost-periods")
    _fill_true_cost(page)  # no script listens yet: these edits fire no handler of ours
    page.wait_for_function("() => true")
    assert len(held) == 1, "the page script was not held back"
    assert page.get_attribute("#calc-true-cost .calc-status", "data-state") == "nojs"
    held[0].continue_()
    wait_for_result(page, "true-cost", run("true-cost", TRUE_COST, lang)["html"], timeout=READY_TIMEOUT)
    assert typed(page) == TRUE_COST


# --- kept for the session: language switch, Back, reload, delete ------------------------------


@pytest.mark.parametrize(("lang", "root"), LANGS)
def test_inputs_survive_language_switch_back_and_reload_and_delete_removes_them(
    page_and_watch, base_url: str, lang: str, root: str
) -> None:
    page, seen = page_and_watch
    other = "en" if lang == "zh" else "zh"
    page.goto(_true_cost_url(base_url, root))
    _fill_true_cost(page)
    wait_for_result(page, "true-cost", run("true-cost", TRUE_COST, lang)["html"], timeout=READY_TIMEOUT)

    # The language switcher: the other language's page of the same calculator, same inputs, its result.
    page.click(".md-select > button")
    page.click(f'a.md-select__link[hreflang="{other}"]')
    page.wait_for_url(f"**{'' if other == 'zh' else '/en'}/guide/1-repayment-mechanism/")
    assert page.evaluate("() => document.documentElement.lang").startswith(other)
    assert typed(page) == TRUE_COST
    wait_for_result(page, "true-cost", run("true-cost", TRUE_COST, other)["html"], timeout=READY_TIMEOUT)

    # Back (Playwright's chromium runs without the back/forward cache: the page loads again).
    page.go_back()
    assert page.evaluate("() => performance.getEntriesByType('navigation')[0].type") == "back_forward"
    assert typed(page) == TRUE_COST
    wait_for_result(page, "true-cost", run("true-cost", TRUE_COST, lang)["html"], timeout=READY_TIMEOUT)

    # An edit, then reload: the latest inputs.
    page.fill("#calc-true-cost-periods", "6")
    changed = {**TRUE_COST, "periods": "6"}
    wait_for_result(page, "true-cost", run("true-cost", changed, lang)["html"])
    page.reload()
    assert typed(page) == changed
    wait_for_result(page, "true-cost", run("true-cost", changed, lang)["html"], timeout=READY_TIMEOUT)

    # Kept in this tab's sessionStorage only, never in the address.
    assert "10000" not in page.url
    kept = page.evaluate("() => Object.keys(sessionStorage)")
    assert kept == ["calc-session:true-cost"]

    # The delete button: the form empty, nothing kept, and a reload keeps it empty.
    page.click('#calc-true-cost [data-tool="clear"]')
    assert page.input_value("#calc-true-cost-amount") == ""
    assert page.inner_html("#calc-true-cost-result") == ""
    assert pick(UI["session_cleared"], lang) in _status(page, "true-cost")
    assert page.evaluate("() => Object.keys(sessionStorage).filter(k => k.startsWith('calc'))") == []
    page.wait_for_timeout(500)  # a debounced save would come back within this time
    assert page.evaluate("() => Object.keys(sessionStorage).filter(k => k.startsWith('calc'))") == []
    page.reload()
    assert page.input_value("#calc-true-cost-amount") == ""
    assert not [request for request in seen.requests if "10000" in request]


def test_back_from_the_back_forward_cache_keeps_the_inputs_and_result(browser, base_url: str) -> None:
    """Playwright's chromium runs without the back/forward cache; this browser has it on."""
    cached = browser.browser_type.launch(
        executable_path=CHROMIUM, args=CHROMIUM_ARGS, ignore_default_args=["--disable-back-forward-cache"]
    )
    try:
        page = cached.new_page()
        page.goto(_true_cost_url(base_url, "en/"))
        _fill_true_cost(page)
        html = run("true-cost", TRUE_COST, "en")["html"]
        wait_for_result(page, "true-cost", html, timeout=READY_TIMEOUT)
        # The offline copy is made in the background; a page with downloads in flight is not cached.
        page.wait_for_selector('html[data-offline="all"]', state="attached", timeout=READY_TIMEOUT)
        page.evaluate("() => { window.sameDocument = true; }")
        page.evaluate("() => document.querySelector('a.md-select__link[hreflang=zh]').click()")
        page.wait_for_url("**/negotiate-guide/guide/1-repayment-mechanism/")
        assert typed(page) == TRUE_COST
        page.go_back(wait_until="commit")
        try:
            page.wait_for_function("() => window.sameDocument === true", timeout=15_000)  # from the cache
        except Exception:  # noqa: BLE001 - say why the browser did not restore it
            why = page.evaluate("() => performance.getEntriesByType('navigation')[0].notRestoredReasons")
            pytest.fail(f"the page was not restored from the back/forward cache: {why}")
        assert typed(page) == TRUE_COST
        wait_for_result(page, "true-cost", html)
        # Still live after the restore: an edit is calculated.
        page.fill("#calc-true-cost-periods", "6")
        wait_for_result(page, "true-cost", run("true-cost", {**TRUE_COST, "periods": "6"}, "en")["html"])
    finally:
        cached.close()


# --- failures said as soon as they are known ---------------------------------------------------


@pytest.mark.parametrize(("lang", "root"), LANGS)
def test_offline_without_the_runtime_says_so(browser, base_url: str, lang: str, root: str) -> None:
    """The connection drops after the page loaded, before the runtime came: "you are offline"."""
    context = browser.new_context()
    try:
        page = context.new_page()
        held = []
        context.route("**/assets/calc/worker.js*", lambda route: held.append(route))
        page.goto(_true_cost_url(base_url, root))
        page.fill("#calc-true-cost-amount", "10000")
        page.wait_for_function(
            "() => document.querySelector('#calc-true-cost .calc-status').dataset.state === 'downloading'"
        )
        page.wait_for_timeout(600)  # the typing's debounced calculation waits for this same boot
        assert len(held) == 1
        context.set_offline(True)
        assert page.evaluate("() => navigator.onLine") is False
        held[0].abort("internetdisconnected")
        context.unroute("**/assets/calc/worker.js*")
        _wait_for_status_text(page, "true-cost", pick(UI["failed_offline"], lang))
        assert page.locator("#calc-true-cost .calc-retry").is_visible()
        assert page.input_value("#calc-true-cost-amount") == "10000"

        # Back online, Retry works and calculates what was typed.
        context.set_offline(False)
        page.click("#calc-true-cost .calc-retry")
        page.fill("#calc-true-cost-fee", "8.8")
        page.fill("#calc-true-cost-periods", "12")
        wait_for_result(page, "true-cost", run("true-cost", TRUE_COST, lang)["html"], timeout=READY_TIMEOUT)
    finally:
        context.close()


@pytest.mark.parametrize(
    "pattern", ["**/pyodide/**", "**/pyodide.asm.wasm", "**/pyodide/*/*stdlib*.zip", "**/calc/worker.js*"]
)
@pytest.mark.parametrize(("lang", "root"), LANGS)
def test_a_failed_download_says_so_at_once(
    browser, base_url: str, lang: str, root: str, pattern: str
) -> None:
    """A runtime file whose download fails (the connection dropped): said at once, not after 120 s.
    A failed pyodide.asm.wasm used to leave "downloading (step 1 of 3)" until the boot bound."""
    context = browser.new_context()
    try:
        page = context.new_page()
        context.route(pattern, lambda route: route.abort())
        page.goto(_true_cost_url(base_url, root))
        page.fill("#calc-true-cost-amount", "10000")
        # (An edit after a failure tries again: wait for the message rather than the first failure.)
        _wait_for_status_text(page, "true-cost", pick(UI["failed_download"], lang))
        status = _status(page, "true-cost")
        assert "WebAssembly" not in status
        assert page.input_value("#calc-true-cost-amount") == "10000"
    finally:
        context.close()


@pytest.mark.parametrize(("lang", "root"), LANGS)
def test_no_webassembly_says_so_at_once(page_and_watch, base_url: str, lang: str, root: str) -> None:
    page, seen = page_and_watch
    page.add_init_script("delete window.WebAssembly")
    page.goto(_true_cost_url(base_url, root))
    page.fill("#calc-true-cost-amount", "10000")
    wait_for_state(page, "true-cost", "failed", timeout=5_000)
    status = _status(page, "true-cost")
    assert pick(UI["failed"], lang).split("{reason}")[0] in status
    assert pick(UI["reason_wasm"], lang) in status
    assert pick(UI["failed_download"], lang) not in status
    assert not [url for url in seen.requests if "pyodide" in url]


# --- the announcement and the focus -------------------------------------------------------------


@pytest.mark.parametrize(("lang", "root"), LANGS)
def test_a_short_summary_is_announced_not_the_whole_result(
    page_and_watch, base_url: str, lang: str, root: str
) -> None:
    page, _ = page_and_watch
    page.goto(_true_cost_url(base_url, root))
    _fill_true_cost(page)
    answer = run("true-cost", TRUE_COST, lang)
    wait_for_result(page, "true-cost", answer["html"], timeout=READY_TIMEOUT)
    assert page.get_attribute("#calc-true-cost-result", "aria-live") is None
    assert page.evaluate("() => document.querySelectorAll('#calc-true-cost-result [aria-live]').length") == 0
    region = page.locator("#calc-true-cost .calc-announce")
    assert region.get_attribute("aria-live") == "polite"
    # The first figure with its label: the payment per period.
    label = "每期还款" if lang == "zh" else "Payment per period"
    page.wait_for_function(
        "text => document.querySelector('#calc-true-cost .calc-announce').textContent.includes(text)",
        arg=answer["data"]["payment"],
    )
    said = region.text_content()
    assert label in said and answer["data"]["payment"] in said
    assert len(said) <= 200 < len(page.inner_text("#calc-true-cost-result"))

    # An edit: the summary follows.
    page.fill("#calc-true-cost-periods", "6")
    changed = run("true-cost", {**TRUE_COST, "periods": "6"}, lang)
    first_figure = re.sub(r"<[^>]+>", "", re.search(r"<dd>(.*?)</dd>", changed["html"]).group(1))  # as shown
    page.wait_for_function(
        "text => document.querySelector('#calc-true-cost .calc-announce').textContent.endsWith(text)",
        arg=first_figure,
    )


SET_WITHOUT_FOCUS = """
([id, value]) => {
  const field = document.getElementById(id);
  field.value = value;
  field.dispatchEvent(new Event("input", { bubbles: true }));
}
"""


@pytest.mark.parametrize(("lang", "root"), LANGS)
def test_a_late_recalculation_keeps_the_focus(page_and_watch, base_url: str, lang: str, root: str) -> None:
    page, _ = page_and_watch
    page.goto(f"{base_url}{root}guide/5-communicate/")
    page.fill("#calc-message-amount_owed", "5000")
    page.click("#calc-message button[type=submit]")
    copy = '#calc-message-result .calc-copy[data-copy="calc-message-letter"]'
    page.locator(copy).wait_for(timeout=READY_TIMEOUT)
    page.focus(copy)
    before = page.inner_html("#calc-message-result")
    # The result is replaced while the focus is on its Copy button (a debounced edit arriving late).
    page.evaluate(SET_WITHOUT_FOCUS, ["calc-message-amount_owed", "7000"])
    page.wait_for_function(
        "html => document.getElementById('calc-message-result').innerHTML !== html", arg=before
    )
    assert "7,000" in page.inner_text("#calc-message-result") or "7000" in page.inner_text(
        "#calc-message-result"
    )
    assert page.evaluate(
        """() => document.activeElement.matches('.calc-copy[data-copy="calc-message-letter"]')
          && document.getElementById('calc-message-result').contains(document.activeElement)"""
    )
    # An element with no equivalent in the new result: the focus stays on the result region.
    page.evaluate(
        "() => { const p = document.querySelector('#calc-message-result p'); p.tabIndex = -1; p.id = 'gone'; p.focus(); }"
    )
    before = page.inner_html("#calc-message-result")
    page.evaluate(SET_WITHOUT_FOCUS, ["calc-message-amount_owed", "8000"])
    page.wait_for_function(
        "html => document.getElementById('calc-message-result').innerHTML !== html", arg=before
    )
    assert page.evaluate("() => document.activeElement.id") == "calc-message-result"


# --- smaller things a careful reader notices -----------------------------------------------------


@pytest.mark.parametrize(("lang", "root"), LANGS)
def test_an_unreadable_share_link_says_so(page_and_watch, base_url: str, lang: str, root: str) -> None:
    page, _ = page_and_watch
    page.goto(f"{base_url}{root}guide/2-repayment-capacity/#plan=eyJkZWJ0cyI6W3siYW1vdW50Ij")
    page.wait_for_function("() => document.querySelector('#calc-plan .calc-status').dataset.state !== 'nojs'")
    assert pick(UI["share_unreadable"], lang) in _status(page, "plan")
    assert pick(UI["restored"], lang) not in _status(page, "plan")
    assert pick(UI["share_unreadable"], lang) not in _status(page, "capacity")


@pytest.mark.parametrize(("lang", "root"), LANGS)
def test_remove_buttons_name_their_row_after_renumbering(
    page_and_watch, base_url: str, lang: str, root: str
) -> None:
    page, _ = page_and_watch
    page.goto(f"{base_url}{root}guide/2-repayment-capacity/")
    page.wait_for_function("() => document.querySelector('#calc-plan .calc-status').dataset.state !== 'nojs'")
    add = page.locator("#calc-plan .calc-add-row")
    add.click()
    add.click()
    names = "es => es.map(e => e.textContent)"
    buttons = page.locator("#calc-plan .calc-rows .calc-remove-row")
    expected = (
        ["删除第 1 笔债务", "删除第 2 笔债务", "删除第 3 笔债务"]
        if lang == "zh"
        else ["Remove debt 1", "Remove debt 2", "Remove debt 3"]
    )
    assert buttons.evaluate_all(names) == expected
    page.fill("#calc-plan-debts-2-name", "third")
    buttons.nth(1).click()
    assert buttons.evaluate_all(names) == expected[:2]
    assert page.input_value("#calc-plan-debts-1-name") == "third"
    assert page.get_by_role("button", name=expected[1]).count() == 1


@pytest.mark.parametrize(("lang", "root"), LANGS)
def test_a_failed_submit_moves_focus_to_the_first_field_in_error(
    page_and_watch, base_url: str, lang: str, root: str
) -> None:
    page, _ = page_and_watch
    page.goto(_true_cost_url(base_url, root))
    page.fill("#calc-true-cost-fee", "abc")
    page.click("#calc-true-cost button[type=submit]")
    page.wait_for_function(
        "() => document.activeElement.getAttribute('aria-invalid') === 'true'", timeout=READY_TIMEOUT
    )
    # The first in the form's order: the (empty) amount, before the fee.
    assert page.evaluate("() => document.activeElement.id") == "calc-true-cost-amount"
    assert page.get_attribute("#calc-true-cost-fee", "aria-invalid") == "true"


@pytest.mark.parametrize(("lang", "root"), LANGS)
def test_the_steps_show_where_the_reader_is(page_and_watch, base_url: str, lang: str, root: str) -> None:
    page, _ = page_and_watch
    page.goto(f"{base_url}{root}guide/2-repayment-capacity/")
    steps = page.locator("#calc-plan").locator("xpath=preceding-sibling::nav[1]")
    assert steps.get_attribute("aria-label") == pick(UI["steps"], lang)
    current = steps.locator('[aria-current="step"]')
    assert current.count() == 1
    assert "2" in current.inner_text()
    page.click("#calc-plan >> xpath=preceding-sibling::nav[1]//a[contains(@href, 'calc-message')]")
    page.wait_for_url("**/guide/5-communicate/#calc-message")
    here = page.locator('nav.calc-steps [aria-current="step"]')
    assert "3" in here.inner_text()
    assert page.locator("#calc-message").is_visible()
