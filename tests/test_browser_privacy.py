"""Nothing typed into a calculator reaches the network when the page script can't run: with JavaScript
off, or with the page script blocked, Enter in any field and a click on the submit button send
nothing, and the calculator says why it can't run."""

from __future__ import annotations

import posixpath

import pytest

from calculators import CALCULATORS
from calculators.core.i18n import pick
from calculators.page.ui import UI
from tests.browser_helpers import form
from tests.conftest import watch

pytestmark = pytest.mark.browser
SECRET = "4417"  # typed into every text field; no request may carry it


def _pages() -> list[tuple[str, str]]:
    return sorted({(lang, CALCULATORS[name].page) for name in CALCULATORS for lang in ("zh", "en")})


def _url(base_url: str, lang: str, page: str) -> str:
    # A page outside guide/ (the pack's "../pack") as the browser writes its address: pack/.
    where = posixpath.normpath(f"guide/{page}")
    return f"{base_url}{'' if lang == 'zh' else lang + '/'}{where}/"


def _type_and_submit(page, lang: str) -> None:
    """Type into every visible text field, press Enter in each, then try the submit button."""
    fields = page.locator("form.calc-form input[type=text]:visible, form.calc-form textarea:visible")
    for index in range(fields.count()):
        field = fields.nth(index)
        field.fill(SECRET)
        field.press("Enter")
    for button in page.locator('form.calc-form [type="submit"]').all():
        assert button.is_disabled()
        button.click(force=True, timeout=2000)
    page.wait_for_timeout(300)


def _check(page, seen, lang: str, url: str) -> None:
    assert page.url == url, "the page navigated away"
    leaked = [request for request in seen.requests if SECRET in request]
    assert leaked == []
    for status in page.locator("form.calc-form .calc-status").all():
        assert status.inner_text() == pick(UI["nojs"], lang)


@pytest.mark.parametrize(("lang", "slug"), _pages())
def test_with_javascript_off_no_form_sends_what_was_typed(
    browser, base_url: str, lang: str, slug: str
) -> None:
    context = browser.new_context(java_script_enabled=False, viewport={"width": 360, "height": 740})
    try:
        page = context.new_page()
        seen = watch(page)
        url = _url(base_url, lang, slug)
        page.goto(url)
        assert page.locator("form.calc-form").count() >= 1
        _type_and_submit(page, lang)
        _check(page, seen, lang, url)
    finally:
        context.close()


@pytest.mark.parametrize(("lang", "slug"), _pages())
def test_with_the_page_script_blocked_no_form_sends_what_was_typed(
    browser, base_url: str, lang: str, slug: str
) -> None:
    context = browser.new_context()
    try:
        page = context.new_page()
        seen = watch(page)
        page.route("**/assets/calc/*.js*", lambda route: route.abort())
        url = _url(base_url, lang, slug)
        page.goto(url)
        _type_and_submit(page, lang)
        _check(page, seen, lang, url)
        names = [name for name in CALCULATORS if CALCULATORS[name].page == slug]
        for name in names:
            assert page.locator(form(name)).count() == 1
    finally:
        context.close()
