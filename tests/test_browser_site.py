"""The guide in a real browser (Debian's chromium), served under a sub-path like GitHub Pages."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser


def test_read_a_section_switch_language_and_land_on_the_same_section(page_and_watch, base_url: str) -> None:
    page, _ = page_and_watch
    page.goto(base_url)
    assert page.get_attribute("html", "lang") == "zh"
    page.get_by_role("link", name="四、选择合适的沟通渠道").first.click()
    page.wait_for_url("**/guide/4-channels/")
    assert "选择合适的沟通渠道" in page.inner_text("h1")
    page.locator(".md-header .md-select button").click()
    page.locator('.md-select__link[hreflang="en"]').click()
    page.wait_for_url(f"{base_url}en/guide/4-channels/")
    assert page.get_attribute("html", "lang") == "en"
    assert page.inner_text("h1").strip().startswith("4. Choose the right channel")
    page.locator(".md-header .md-select button").click()
    page.locator('.md-select__link[hreflang="zh"]').click()
    page.wait_for_url(f"{base_url}guide/4-channels/")


def search(page, query: str) -> list[str]:
    opener = page.locator("label.md-header__button[for='__search']")
    if opener.is_visible():  # narrow screens open search from an icon
        opener.click()
    page.locator("input.md-search__input").click()
    page.fill("input.md-search__input", query)
    page.keyboard.press("End")  # a key event, as a person's typing makes (Material searches on keyup)
    page.wait_for_selector(".md-search-result__item a", timeout=20000)
    return [link.get_attribute("href") or "" for link in page.locator(".md-search-result__item a").all()]


def test_search_in_chinese_finds_the_negotiation_sections(page_and_watch, base_url: str) -> None:
    page, _ = page_and_watch
    page.goto(base_url + "guide/introduction/")
    results = search(page, "协商")
    assert any(
        "5-communicate" in href or "6-follow-up" in href or "4-channels" in href for href in results
    ), results
    assert not any("/en/" in href for href in results[:3]), results


def test_search_in_english_finds_english_pages(page_and_watch, base_url: str) -> None:
    page, _ = page_and_watch
    page.goto(base_url + "en/")
    results = search(page, "negotiate")
    assert results and all("/en/" in href for href in results[:3]), results


def test_navigation_works_on_a_phone(browser, base_url: str) -> None:
    from tests.conftest import watch

    context = browser.new_context(viewport={"width": 360, "height": 740}, is_mobile=True, has_touch=True)
    page = context.new_page()
    seen = watch(page)
    page.goto(base_url + "en/")
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 360, f"the page scrolls sideways ({width}px)"
    page.locator("label.md-header__button[for='__drawer']").click()
    link = page.locator(".md-nav--primary .md-nav__link", has_text="5. Talk to the lender").first
    link.wait_for(state="visible")
    link.click()
    page.wait_for_url("**/en/guide/5-communicate/")
    assert page.inner_text("h1").startswith("5.")
    for path in ["guide/2-repayment-capacity/", "en/guide/2-repayment-capacity/", "guide/5-communicate/"]:
        page.goto(base_url + path)
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 360, f"{path} scrolls sideways ({width}px)"
    assert seen.foreign(base_url) == [] and seen.errors == []
    context.close()


def test_light_dark_toggle(page_and_watch, base_url: str) -> None:
    page, _ = page_and_watch
    page.emulate_media(color_scheme="light")
    page.goto(base_url)
    before = page.get_attribute("body", "data-md-color-scheme")
    page.locator("form[data-md-component='palette'] label:visible").first.click()
    after = page.get_attribute("body", "data-md-color-scheme")
    assert {before, after} == {"default", "slate"}
    page.reload()  # the choice is remembered (via the script moved out of the page for the CSP)
    assert page.get_attribute("body", "data-md-color-scheme") == after


def test_guide_reads_without_javascript(browser, base_url: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(base_url + "guide/1-repayment-mechanism/")
    text = page.inner_text("article")
    assert "支付宝提供多种借款产品" in text
    assert "需要浏览器启用 JavaScript" in text  # the calculator says plainly why it can't run
    context.close()


def _search_worker_requests(context) -> list[str]:
    requests: list[str] = []
    context.on("request", lambda request: requests.append(request.url.split("?")[0].rsplit("/", 1)[-1]))
    return requests


def test_on_a_calculator_page_search_waits_for_the_calculators_and_still_finds(
    browser, base_url: str
) -> None:
    """Material's search worker builds its index once the calculators are ready, not while they
    start (search-later.js); the search then finds what it finds on a text page."""
    context = browser.new_context()
    try:
        requests = _search_worker_requests(context)
        page = context.new_page()
        page.goto(base_url + "en/guide/1-repayment-mechanism/")
        page.wait_for_function("() => performance.getEntriesByName('calc:ready').length > 0", timeout=120_000)
        page.wait_for_function("() => true")  # the page's word reaches the stand-in
        for _ in range(50):
            if any(name.startswith("search.") and name.endswith(".min.js") for name in requests):
                break
            page.wait_for_timeout(100)
        assert "search-later.js" in requests
        assert any(name.startswith("search.") and name.endswith(".min.js") for name in requests), requests
        results = search(page, "negotiate")
        assert results and all("/en/" in href for href in results[:3]), results
    finally:
        context.close()


def test_on_a_calculator_page_a_search_before_the_calculators_are_ready_is_answered(
    browser, base_url: str
) -> None:
    """The calculators never start (their WebAssembly never arrives): Material's index is not built
    meanwhile, but the reader's first search builds it and is answered."""
    context = browser.new_context()
    try:
        context.route("**/pyodide.asm.wasm", lambda route: None)  # never answered
        requests = _search_worker_requests(context)
        page = context.new_page()
        page.goto(base_url + "en/guide/2-repayment-capacity/")
        page.wait_for_timeout(2000)
        assert "search-later.js" in requests
        assert not any(name.startswith("search.") and name.endswith(".min.js") for name in requests), requests
        results = search(page, "negotiate")
        assert results and all("/en/" in href for href in results[:3]), results
    finally:
        context.close()
