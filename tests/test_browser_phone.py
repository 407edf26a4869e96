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


@pytest.mark.parametrize("root", ["", "en/"])
def test_the_home_page_shows_where_to_start_and_the_warning_on_a_phone(
    browser, base_url: str, root: str
) -> None:
    """Above the fold at 360 x 740: the way in (a button) and the start of the scam warning."""
    context = browser.new_context(viewport={"width": 360, "height": 740})
    page = context.new_page()
    page.goto(base_url + root)
    start = page.locator("article a.md-button--primary").first.bounding_box()
    warning = page.locator("article .admonition.danger .admonition-title").first.bounding_box()
    context.close()
    assert start["y"] + start["height"] <= 740
    assert warning["y"] + warning["height"] <= 740


# How a result reads at 360 px: figures on one line, type not too small, buttons in one column.
READING = """
name => {
  const box = document.getElementById(`calc-${name}-result`);
  const size = (el, pseudo) => parseFloat(getComputedStyle(el, pseudo).fontSize);
  const figures = [...box.querySelectorAll(".calc-figures > div:not(.calc-figure-words) dd")];
  const tallFigures = figures
    .filter((dd) => dd.getBoundingClientRect().height > 1.5 * parseFloat(getComputedStyle(dd).lineHeight))
    .map((dd) => dd.textContent);
  const cells = [...box.querySelectorAll(".calc-table-wrap td")].filter((td) => td.getClientRects().length);
  return {
    figures: figures.length,
    tallFigures,
    smallestCell: Math.min(...cells.map((td) => size(td))),
    smallestLabel: Math.min(...cells.map((td) => size(td, "::before"))),
    carryWidths: [...new Set([...box.querySelectorAll(".calc-carry")].map((b) => Math.round(b.getBoundingClientRect().width)))],
  };
}
"""


@pytest.mark.parametrize("root", ["", "en/"])
@pytest.mark.parametrize(
    ("page_path", "name"),
    [("guide/2-repayment-capacity/", "plan"), ("guide/1-repayment-mechanism/", "true-cost")],
)
def test_a_result_reads_well_at_360_px(browser, base_url: str, root: str, page_path: str, name: str) -> None:
    """Money figures ("10,880.00 yuan") stay on one line, table text (the schedules inside their
    <details> too) is at least 12 px with labels at least 11 px, carry buttons form one column."""
    context = browser.new_context(viewport={"width": 360, "height": 740}, device_scale_factor=1)
    page = context.new_page()
    show_result(page, base_url, f"{root}{page_path}", name)
    found = page.evaluate(READING, name)
    context.close()
    assert found["figures"] and found["tallFigures"] == [], found
    if name == "plan":
        assert found["smallestCell"] >= 12 and found["smallestLabel"] >= 11, found
        assert len(found["carryWidths"]) == 1, found
