"""Results designed for a 360 px phone: nothing in any calculator's result is wider than its box.

Every calculator of every built language shows its richest sample's result (schedules and the
chart's data opened), and every rendered element inside the result box must lie within it, with
no element scrolling sideways.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.test_browser_a11y import built_calculators, show_result

pytestmark = pytest.mark.browser

# Elements inside the result box that stick out of it, or that scroll sideways.
OVERFLOW = """
name => {
  const box = document.getElementById(`calc-${name}-result`);
  const edge = box.getBoundingClientRect();
  const describe = (el) => `${el.tagName.toLowerCase()}${el.className && el.className.baseVal === undefined
    ? "." + String(el.className).trim().replaceAll(" ", ".") : ""} "${(el.textContent || "").trim().slice(0, 40)}"`;
  const found = [];
  for (const el of box.querySelectorAll("*")) {
    const rect = el.getBoundingClientRect();
    if (rect.width <= 1 && rect.height <= 1) continue; // not rendered, or visually hidden (headers on phones)
    if (rect.left < edge.left - 0.5 || rect.right > edge.right + 0.5) {
      found.push(`${describe(el)}: ${Math.round(rect.left - edge.left)}..${Math.round(rect.right - edge.left)} px in a ${Math.round(edge.width)} px box`);
    } else if (el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflowX !== "visible") {
      found.push(`${describe(el)}: scrolls ${el.scrollWidth - el.clientWidth} px sideways`);
    }
  }
  if (document.documentElement.scrollWidth > innerWidth) found.push(`the page is ${document.documentElement.scrollWidth} px wide`);
  return found;
}
"""


def test_no_result_is_wider_than_its_box_at_360_px(browser, site: Path, base_url: str) -> None:
    context = browser.new_context(viewport={"width": 360, "height": 740}, device_scale_factor=1)
    page = context.new_page()
    found = {}
    for path, name in built_calculators(site):
        show_result(page, base_url, path, name)
        assert page.locator(f"#calc-{name}-result").bounding_box()["width"] < 340
        if sticking_out := page.evaluate(OVERFLOW, name):
            found[f"{path} {name}"] = sticking_out
    context.close()
    assert not found, "\n".join(
        f"{where}:\n    " + "\n    ".join(items[:8]) for where, items in found.items()
    )
