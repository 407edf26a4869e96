"""Keyboard only, on a phone-sized window (360 x 740) and at 400% zoom (a 1280 x 740 window seen as
320 x 185 CSS pixels): the menu opens and closes by keyboard, the first field of every calculator is
a few presses away (skip links), a form can be submitted and a result copied, and at every press the
focus is visible (an outline or a box-shadow) and on an element inside the window, never on a hidden
or off-screen one (the closed drawer's links took 14 presses before)."""

from __future__ import annotations

import posixpath

import pytest

from calculators import CALCULATORS
from calculators.core.i18n import pick
from calculators.page.ui import UI
from tests.browser_helpers import READY_TIMEOUT
from tests.conftest import watch

pytestmark = pytest.mark.browser

PHONE = {"width": 360, "height": 740}
ZOOM_400 = {"width": 320, "height": 185}
SKIP_PRESSES = 8  # the theme's skip link, then one per calculator of the page
MENU_PRESSES = 8
WALK_LIMIT = 250  # presses before giving up on coming back to the top of the page

# What the focused element is, and whether a reader can see where the focus is.
FOCUS = """
() => {
  const element = document.activeElement;
  if (!element || element === document.body) return { body: true };
  const shown = (each) => {
    const style = getComputedStyle(each);
    const outline = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0;
    return outline || style.boxShadow !== "none";
  };
  // A visually hidden radio (the theme's palette toggle) shows its focus on the label beside it.
  let box = element;
  let rect = element.getBoundingClientRect();
  if (rect.width < 1 || rect.height < 1) {
    const next = element.nextElementSibling;
    const label = next && next.tagName === "LABEL" ? next
      : element.id && document.querySelector(`label[for="${CSS.escape(element.id)}"]:not([hidden])`);
    if (label) {
      box = label;
      rect = label.getBoundingClientRect();
    }
  }
  const inside = rect.width >= 1 && rect.height >= 1 && rect.right > 0 && rect.bottom > 0
    && rect.left < innerWidth && rect.top < innerHeight;
  return {
    body: false,
    tag: element.tagName,
    id: element.id,
    name: element.getAttribute("name") || "",
    classes: element.className && element.className.baseVal === undefined ? element.className : "",
    text: (element.getAttribute("aria-label") || element.textContent || "").trim().slice(0, 60),
    href: element.getAttribute("href") || "",
    visible: box.checkVisibility({ visibilityProperty: true, opacityProperty: false }),
    inside,
    outlined: shown(element) || (box !== element && shown(box)),
    rect: [Math.round(rect.left), Math.round(rect.top), Math.round(rect.width), Math.round(rect.height)],
  };
}
"""

FIRST_FIELD = """
name => {
  const form = document.querySelector(`form.calc-form[data-calculator="${name}"]`);
  const first = [...form.elements].find((e) => e.name && e.getClientRects().length);
  return first.id;
}
"""


def _pages() -> list[str]:
    return sorted({calculator.page for calculator in CALCULATORS.values()})


def _url(base_url: str, lang: str, slug: str) -> str:
    # A page outside guide/ (the pack's "../pack") as the browser writes its address: pack/.
    where = posixpath.normpath(f"guide/{slug}")
    return f"{base_url}{'' if lang == 'zh' else lang + '/'}{where}/"


def _names_on(slug: str) -> list[str]:
    return [name for name, calculator in CALCULATORS.items() if calculator.page == slug]


def _tab(page, key: str = "Tab") -> dict:
    page.keyboard.press(key)
    page.wait_for_timeout(30)  # the theme's skip link fades in over 250 ms; its place is set at once
    return page.evaluate(FOCUS)


def _check_focus(focus: dict, where: str) -> None:
    assert focus["visible"], f"{where}: focus on a hidden element {focus}"
    assert focus["inside"], f"{where}: focus on an element outside the window {focus}"
    assert focus["outlined"], f"{where}: focus not visible (no outline or box-shadow) {focus}"


def _new_page(browser, viewport: dict, lang: str):
    context = browser.new_context(viewport=viewport, locale="zh-CN" if lang == "zh" else "en-US")
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    page = context.new_page()
    return context, page, watch(page)


@pytest.mark.parametrize("viewport", [PHONE, ZOOM_400], ids=["360x740", "400pct"])
@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("slug", _pages())
def test_every_press_of_tab_lands_on_a_visible_focused_element_inside_the_window(
    browser, base_url: str, slug: str, lang: str, viewport: dict
) -> None:
    """Tab through the whole page, top to bottom and round again: never a hidden or off-screen stop."""
    context, page, seen = _new_page(browser, viewport, lang)
    try:
        page.goto(_url(base_url, lang, slug))
        if page.locator("form.calc-form[data-sources]").count():  # the pack answers by itself: let it
            page.locator(".calc:has(form[data-sources]) .calc-result > *").first.wait_for(
                timeout=READY_TIMEOUT
            )
        stops = []
        for press in range(WALK_LIMIT):
            focus = _tab(page)
            if focus["body"]:
                break  # past the last element: the walk is complete
            _check_focus(focus, f"press {press + 1}")
            stops.append(focus)
        else:
            pytest.fail(f"{WALK_LIMIT} presses never reached the end of the page")
        # The closed drawer's links are not among the stops; the calculators' fields are.
        assert not [stop for stop in stops if "md-nav__link" in stop["classes"]], stops
        ids = {stop["id"] for stop in stops}
        for name in _names_on(slug):
            assert page.evaluate(FIRST_FIELD, name) in ids
        assert seen.errors == []
    finally:
        context.close()


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("name", sorted(CALCULATORS))
def test_the_first_field_of_each_calculator_is_a_few_presses_away(
    browser, base_url: str, name: str, lang: str
) -> None:
    """Tab to the calculator's skip link, Enter, Tab: the first field. Then to the submit button."""
    calculator = CALCULATORS[name]
    context, page, seen = _new_page(browser, PHONE, lang)
    try:
        page.goto(_url(base_url, lang, calculator.page))
        wanted = pick(UI["skip_to"], lang).format(title=pick(calculator.title, lang))
        for press in range(SKIP_PRESSES):
            focus = _tab(page)
            _check_focus(focus, f"press {press + 1}")
            if focus["text"] == wanted:
                break
        else:
            pytest.fail(f"no skip link {wanted!r} within {SKIP_PRESSES} presses")
        assert focus["href"] == f"#calc-{name}"
        page.keyboard.press("Enter")
        focus = _tab(page)
        _check_focus(focus, "after the skip link")
        assert focus["id"] == page.evaluate(FIRST_FIELD, name)

        # On to the submit button through the form's own controls only, then submit.
        submit = pick(calculator.submit, lang)
        for press in range(60):
            if focus["tag"] == "BUTTON" and focus["text"] == submit:
                break
            focus = _tab(page)
            _check_focus(focus, f"in the form, press {press + 1}")
        else:
            pytest.fail("the submit button was not reached")
        page.keyboard.press("Enter")
        # Submitted: a result, or the focus on the first field that needs attention.
        page.wait_for_function(
            """name => document.getElementById(`calc-${name}-result`).childElementCount > 0
              || document.activeElement.getAttribute('aria-invalid') === 'true'""",
            arg=name,
            timeout=READY_TIMEOUT,
        )
        _check_focus(page.evaluate(FOCUS), "after submitting")
        assert seen.errors == []
    finally:
        context.close()


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_menu_opens_and_closes_by_keyboard(browser, base_url: str, lang: str) -> None:
    context, page, seen = _new_page(browser, PHONE, lang)
    try:
        page.goto(_url(base_url, lang, "2-repayment-capacity"))
        menu = "菜单" if lang == "zh" else "Menu"
        for press in range(MENU_PRESSES):
            focus = _tab(page)
            _check_focus(focus, f"press {press + 1}")
            if focus["text"] == menu:
                break
        else:
            pytest.fail(f"the menu button was not reached in {MENU_PRESSES} presses")
        assert page.get_attribute('.md-header label[for="__drawer"]', "aria-expanded") == "false"
        page.keyboard.press("Enter")
        page.wait_for_function("() => document.getElementById('__drawer').checked")
        page.wait_for_timeout(300)  # the drawer slides in
        assert page.get_attribute('.md-header label[for="__drawer"]', "aria-expanded") == "true"
        focus = page.evaluate(FOCUS)
        assert page.evaluate("() => document.activeElement.closest('.md-sidebar--primary') !== null")
        _check_focus(focus, "menu opened")
        for press in range(5):  # the drawer's links, inside the window
            focus = _tab(page)
            _check_focus(focus, f"in the menu, press {press + 1}")
            assert page.evaluate("() => document.activeElement.closest('.md-sidebar--primary') !== null")
        page.keyboard.press("Escape")
        page.wait_for_function("() => !document.getElementById('__drawer').checked")
        assert page.evaluate(FOCUS)["text"] == menu
        # The drawer slides out (the theme's 250 ms transition, later on a busy machine while the
        # page's runtime boots), then takes no focus.
        page.wait_for_function(
            "() => getComputedStyle(document.querySelector('.md-sidebar--primary')).visibility === 'hidden'",
            timeout=5000,
        )
        # Space opens it too.
        page.keyboard.press(" ")
        page.wait_for_function("() => document.getElementById('__drawer').checked")
        assert seen.errors == []
    finally:
        context.close()


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_submit_and_copy_by_keyboard(browser, base_url: str, lang: str) -> None:
    """The message calculator: submit from its first field with Enter, then copy a message."""
    context, page, seen = _new_page(browser, PHONE, lang)
    try:
        page.goto(_url(base_url, lang, "5-communicate"))
        page.focus("#calc-message-amount_owed")
        page.keyboard.type("5000")
        page.keyboard.press("Enter")
        copy = page.locator("#calc-message-result .calc-copy").first
        copy.wait_for(timeout=READY_TIMEOUT)
        for press in range(80):
            focus = _tab(page)
            _check_focus(focus, f"press {press + 1}")
            if "calc-copy" in focus["classes"]:
                break
        else:
            pytest.fail("no Copy button reached")
        copied = page.evaluate(
            "() => document.getElementById(document.activeElement.dataset.copy).textContent"
        )
        page.keyboard.press("Enter")
        page.wait_for_function(
            "text => document.activeElement.textContent === text", arg=pick(UI["copied"], lang)
        )
        assert page.evaluate("() => navigator.clipboard.readText()") == copied
        assert seen.errors == []
    finally:
        context.close()
