"""Calculators in a real browser: Pyodide in a worker, answers in the page's language, failures plain."""

from __future__ import annotations

import pytest

from calculators import run

pytestmark = pytest.mark.browser
READY_TIMEOUT = 120_000


def fill_true_cost(page, amount: str, fee: str, periods: str) -> None:
    page.fill("#calc-true-cost-amount", amount)
    page.select_option("#calc-true-cost-kind", "fee")
    page.fill("#calc-true-cost-fee", fee)
    page.fill("#calc-true-cost-periods", periods)


@pytest.mark.parametrize(("lang", "root"), [("zh", ""), ("en", "en/")])
def test_true_cost_answers_in_the_page_language(page_and_watch, base_url: str, lang: str, root: str) -> None:
    page, _ = page_and_watch
    page.goto(f"{base_url}{root}guide/1-repayment-mechanism/")
    fill_true_cost(page, "1万", "8.8%", "12")
    result = page.locator("#calc-true-cost-result")
    result.locator("dl").wait_for(timeout=READY_TIMEOUT)
    expected = run("true-cost", {"amount": "1万", "kind": "fee", "fee": "8.8%", "periods": "12"}, lang)
    assert result.inner_html() == expected["html"]
    assert "15.86%" in result.inner_text() and "17.07%" in result.inner_text()
    assert page.get_attribute("#calc-true-cost-result", "aria-live") is None  # a summary is announced
    status = page.inner_text("#calc-true-cost .calc-status")
    assert ("就绪" in status) if lang == "zh" else ("ready" in status)


def test_daily_rate_and_recalculation_as_you_type(page_and_watch, base_url: str) -> None:
    page, _ = page_and_watch
    page.goto(f"{base_url}en/guide/1-repayment-mechanism/")
    page.fill("#calc-true-cost-amount", "10000")
    page.select_option("#calc-true-cost-kind", "daily")
    assert page.is_hidden("#calc-true-cost-fee") and page.is_visible("#calc-true-cost-daily_rate")
    page.fill("#calc-true-cost-daily_rate", "0.05")
    page.fill("#calc-true-cost-periods", "12")
    result = page.locator("#calc-true-cost-result")
    result.locator("dl").get_by_text("18.25%").wait_for(timeout=READY_TIMEOUT)
    assert "20.02%" in result.inner_text()
    page.fill("#calc-true-cost-daily_rate", "0.03")  # results follow the typing, no submit needed
    result.locator("dl").get_by_text("10.95%").wait_for(timeout=10_000)


@pytest.mark.parametrize(
    ("lang", "root", "message"), [("zh", "", "不是一个数字"), ("en", "en/", "is not a number")]
)
def test_bad_input_shows_a_message_beside_the_field(page_and_watch, base_url, lang, root, message) -> None:
    page, _ = page_and_watch
    page.goto(f"{base_url}{root}guide/1-repayment-mechanism/")
    fill_true_cost(page, "10000", "8.8", "12")
    page.locator("#calc-true-cost-result dl").wait_for(timeout=READY_TIMEOUT)
    page.fill("#calc-true-cost-amount", "abc")
    error = page.locator("#calc-true-cost-amount-error")
    error.wait_for(state="visible", timeout=10_000)
    assert message in error.inner_text()
    field = page.locator("#calc-true-cost-amount")
    assert field.get_attribute("aria-invalid") == "true"
    assert "calc-true-cost-amount-error" in (field.get_attribute("aria-describedby") or "")
    assert field.input_value() == "abc"  # the reader's input is kept
    page.fill("#calc-true-cost-amount", "")
    page.click("#calc-true-cost button[type=submit]")
    empty = "请填写" if lang == "zh" else "Please fill this in"
    page.wait_for_function(
        "text => document.querySelector('#calc-true-cost-amount-error').textContent.includes(text)", arg=empty
    )
    assert page.input_value("#calc-true-cost-fee") == "8.8"


def test_keyboard_only(page_and_watch, base_url: str) -> None:
    page, _ = page_and_watch
    page.goto(f"{base_url}en/guide/1-repayment-mechanism/")
    page.focus("#calc-true-cost-amount")
    page.keyboard.type("5000")
    page.keyboard.press("Tab")  # to the kind select
    page.keyboard.press("Tab")  # to the fee
    page.keyboard.type("4.5")
    page.keyboard.press("Tab")
    page.keyboard.type("6")
    page.keyboard.press("Enter")
    page.locator("#calc-true-cost-result dl").wait_for(timeout=READY_TIMEOUT)
    assert page.locator("#calc-true-cost-result").inner_text().count("%") >= 2


def test_without_the_runtime_the_form_says_so_and_the_guide_stays(browser, broken_base_url: str) -> None:
    from tests.conftest import watch

    context = browser.new_context()
    page = context.new_page()
    seen = watch(page)
    page.goto(f"{broken_base_url}en/guide/1-repayment-mechanism/")
    fill_true_cost(page, "10000", "8.8", "12")
    status = page.locator("#calc-true-cost .calc-status")
    page.wait_for_function(
        "() => document.querySelector('#calc-true-cost .calc-status').dataset.state === 'failed'",
        timeout=READY_TIMEOUT,
    )
    assert "could not start" in status.inner_text()
    assert "file is missing" in status.inner_text()
    assert page.locator("#calc-true-cost .calc-retry").is_visible()
    assert "Alipay offers several credit products" in page.inner_text("article")
    assert page.input_value("#calc-true-cost-amount") == "10000"
    assert seen.foreign(broken_base_url) == []
    assert all(
        "404" in error or "Failed to load" in error or "pyodide" in error.lower() for error in seen.errors
    )
    context.close()


def test_a_tampered_wheel_is_refused(browser, site, tmp_path) -> None:
    """The wheel's sha256 (checked by its download, as in the lock file) protects the calculators:
    a changed wheel does not run."""
    import shutil

    from tests.conftest import PREFIX
    from tests.site_server import serve

    copy = tmp_path / "site"
    shutil.copytree(site, copy)
    (wheel,) = copy.glob("py/*/*.whl")
    wheel.write_bytes(wheel.read_bytes() + b"tampered")
    with serve(copy, PREFIX) as url:
        context = browser.new_context()
        page = context.new_page()
        page.goto(f"{url}en/guide/1-repayment-mechanism/")
        fill_true_cost(page, "10000", "8.8", "12")
        page.wait_for_function(
            "() => document.querySelector('#calc-true-cost .calc-status').dataset.state === 'failed'",
            timeout=READY_TIMEOUT,
        )
        assert page.locator("#calc-true-cost-result").inner_html() == ""
        # The wheel now downloads during the boot, so the refusal can come before the form's last
        # debounced edit, which starts the runtime again (and is refused again): wait for the words.
        page.wait_for_function(
            "() => document.querySelector('#calc-true-cost .calc-status').textContent.includes('missing or damaged')",
            timeout=READY_TIMEOUT,
        )
        context.close()


def test_a_damaged_wasm_is_said_at_once(browser, base_url: str) -> None:
    """pyodide.asm.wasm arrives but is not WebAssembly (the worker compiles it as it arrives):
    "missing or damaged" at once, not after the boot's two-minute bound, and the input is kept."""
    context = browser.new_context()
    try:
        context.route(
            "**/pyodide.asm.wasm",
            lambda route: route.fulfill(status=200, content_type="application/wasm", body=b"not webassembly"),
        )
        page = context.new_page()
        page.goto(f"{base_url}en/guide/1-repayment-mechanism/")
        fill_true_cost(page, "10000", "8.8", "12")
        page.wait_for_function(
            "() => document.querySelector('#calc-true-cost .calc-status').textContent.includes('missing or damaged')",
            timeout=20_000,
        )
        assert page.locator("#calc-true-cost-result").inner_html() == ""
        assert page.input_value("#calc-true-cost-amount") == "10000"
    finally:
        context.close()


def test_text_only_pages_request_no_pyodide(page_and_watch, base_url: str) -> None:
    page, seen = page_and_watch
    for path in ["", "guide/introduction/", "en/guide/8-summary/", "en/about/"]:
        page.goto(base_url + path)
        page.wait_for_load_state("networkidle")
    assert not [url for url in seen.requests if "pyodide" in url or "/py/" in url or "calc.js" in url]


def test_worker_starts_on_focus_or_idle_and_only_once(page_and_watch, base_url: str) -> None:
    page, seen = page_and_watch
    page.goto(f"{base_url}guide/1-repayment-mechanism/")
    page.focus("#calc-true-cost-amount")
    page.wait_for_function(
        "() => document.querySelector('#calc-true-cost .calc-status').dataset.state === 'ready'",
        timeout=READY_TIMEOUT,
    )
    wasm = [url for url in seen.requests if url.endswith("pyodide.asm.wasm")]
    wheels = [url for url in seen.requests if url.endswith(".whl")]
    assert len(wasm) == 1 and len(wheels) == 1
    assert "/negotiate-guide/py/" in wheels[0]
