"""WCAG 2.1 A/AA with axe-core (npm, pinned in package.json) on the built site.

Every page of every language the build produced (the list comes from the build, so a new
language is checked without touching this file), light and dark, 360 and 1280 px wide; then
every calculator with its result shown (each state is checked in the calculator's own box: the
rest of the page is the same as in the first test). axe is injected by evaluating its source in
the page (no CSP bypass). One browser; a context per scheme and width for the pages, and one page
that switches scheme and width for the results, so Pyodide boots once per calculator and language.
"""

from __future__ import annotations

import base64
import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.browser_helpers import READY_TIMEOUT
from tests.conftest import ROOT, watch
from tests.samples import GOOD

pytestmark = pytest.mark.browser

AXE_SOURCE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
# Best-practice rules the issue found too (a dialog's name, headings in order): checked as well.
EXTRA_RULES = ["aria-dialog-name", "heading-order"]
SCHEMES = {"light": "default", "dark": "slate"}
WIDTHS = [360, 1280]
# The richest good sample of each calculator (several debts: the avalanche / snowball table too).
RICHEST = {"plan": 3, "channel": 1, "message": 1, "prepare": 1}

RUN_AXE = """
async ([context, tags, extra]) => {
  const rules = Object.fromEntries(extra.map((id) => [id, { enabled: true }]));
  const result = await axe.run(context || document, { runOnly: { type: "tag", values: tags }, rules });
  return result.violations.map((v) => ({
    id: v.id,
    nodes: v.nodes.map((n) => `${n.target.join(" ")}: ${(n.failureSummary || "").replace(/\\s+/g, " ")}`),
  }));
}
"""


def axe_source() -> str:
    if not AXE_SOURCE.exists():
        pytest.fail(f"{AXE_SOURCE} is missing: `npm ci` installs axe-core (package.json)")
    return AXE_SOURCE.read_text(encoding="utf-8")


def violations(page, context: str | None = None) -> list[dict]:
    """axe's violations of the WCAG 2.1 A/AA rules (plus ``EXTRA_RULES``) in ``context``."""
    if not page.evaluate("() => typeof window.axe === 'object'"):
        page.evaluate(axe_source())
    return page.evaluate(RUN_AXE, [context, WCAG_TAGS, EXTRA_RULES])


def report(found: dict[str, list[dict]]) -> str:
    lines = []
    for where, items in found.items():
        for item in items:
            lines.append(f"{where}: {item['id']} ({len(item['nodes'])} nodes)")
            lines.extend(f"    {node[:300]}" for node in item["nodes"][:3])
    return "\n".join(lines)


def built_pages(site: Path) -> list[str]:
    """Every HTML page of the build, as paths under the site root, the 404 page included."""
    folders = [
        index.parent.relative_to(site)
        for index in sorted(site.rglob("index.html"))
        if not {"pyodide", "py", "assets", "search"} & set(index.relative_to(site).parts)
    ]
    return ["" if folder == Path() else f"{folder.as_posix()}/" for folder in folders] + ["404.html"]


CALCULATOR_FORM = re.compile(r'<form\b[^>]*\bdata-calculator="([^"]+)"')


def built_calculators(site: Path) -> list[tuple[str, str]]:
    """``(page, calculator)`` for every calculator form in every built page."""
    found = []
    for path in built_pages(site):
        html = (site / path / "index.html").read_text(encoding="utf-8") if path.endswith("/") else ""
        found.extend((path, name) for name in CALCULATOR_FORM.findall(html))
    return found


def share_fragment(name: str, fields: dict) -> str:
    """The share link's fragment for ``fields``: base64url of the JSON, as keep.js writes it."""
    encoded = base64.urlsafe_b64encode(json.dumps(fields, ensure_ascii=False).encode()).decode()
    return f"{name}={encoded.rstrip('=')}"


def set_scheme(page, scheme: str) -> None:
    """What the palette toggle does: the scheme on <body>."""
    page.evaluate("s => document.body.setAttribute('data-md-color-scheme', s)", SCHEMES[scheme])
    assert page.evaluate("() => document.body.dataset.mdColorScheme") == SCHEMES[scheme]
    settle(page)


def settle(page) -> None:
    """Wait for the theme's colour transitions to end: axe must see the final colours."""
    page.evaluate("() => Promise.all(document.getAnimations().map((a) => a.finished))")


def test_the_build_has_pages_and_calculators_in_every_language(site: Path) -> None:
    pages = built_pages(site)
    assert "" in pages and "en/" in pages and "404.html" in pages
    calculators = built_calculators(site)
    assert {"true-cost", "capacity", "plan", "prepare", "channel", "message"} <= {n for _, n in calculators}
    by_language: dict[str, set[str]] = {}
    for path, name in calculators:
        by_language.setdefault(path.split("guide/")[0].removesuffix("pack/"), set()).add(name)
    assert len(by_language) >= 2  # zh at the root, en/ (and any later language) beside it
    assert all(names == by_language[""] for names in by_language.values())


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("scheme", list(SCHEMES))
def test_every_page_has_no_wcag_violation(
    browser, site: Path, base_url: str, scheme: str, width: int
) -> None:
    context = browser.new_context(viewport={"width": width, "height": 800}, color_scheme=scheme)
    page = context.new_page()
    seen = watch(page)
    found = {}
    for path in built_pages(site):
        page.goto(base_url + path)
        assert page.evaluate("() => document.body.dataset.mdColorScheme") == SCHEMES[scheme]
        if items := violations(page):
            found[path] = items
    context.close()
    assert not found, f"axe, {scheme}, {width} px:\n{report(found)}"
    assert seen.foreign(base_url) == []


@pytest.fixture(scope="module")
def result_page(browser) -> Iterator[object]:
    context = browser.new_context(viewport={"width": 360, "height": 800})
    page = context.new_page()
    yield page
    context.close()


def show_result(page, base_url: str, path: str, name: str) -> None:
    """Open ``path`` with ``name``'s richest sample in the share link; wait for its result."""
    fields = GOOD[name][RICHEST.get(name, 0)]
    page.goto("about:blank")
    page.goto(f"{base_url}{path}#{share_fragment(name, fields)}")
    page.locator(f"#calc-{name}-result > *").first.wait_for(timeout=READY_TIMEOUT)
    page.evaluate(
        "name => document.querySelectorAll(`#calc-${name}-result details`).forEach((d) => { d.open = true; })",
        name,
    )
    # the plan's schedules and chart table are built by the page script when opened: wait for each
    page.wait_for_function(
        "name => !document.querySelector(`#calc-${name}-result details[data-part]:not(:has(table))`)",
        arg=name,
        timeout=READY_TIMEOUT,
    )


def test_every_calculator_result_has_no_wcag_violation(result_page, site: Path, base_url: str) -> None:
    page = result_page
    found = {}
    for path, name in built_calculators(site):
        show_result(page, base_url, path, name)
        for scheme in SCHEMES:
            set_scheme(page, scheme)
            for width in WIDTHS:
                page.set_viewport_size({"width": width, "height": 800})
                settle(page)
                if items := violations(page, f"#calc-{name}"):
                    found[f"{path} {name} {scheme} {width}px"] = items
    assert not found, report(found)


def test_an_injected_violation_is_reported(result_page, base_url: str) -> None:
    """The check can fail: an image without a text alternative and grey-on-grey text are found."""
    page = result_page
    page.goto(f"{base_url}en/guide/1-repayment-mechanism/")
    assert violations(page, "#calc-true-cost") == []
    page.evaluate(
        """() => {
          const box = document.querySelector('#calc-true-cost');
          box.insertAdjacentHTML('beforeend',
            '<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" width="20" height="20">' +
            '<p style="color:#999;background:#aaa">hard to read</p>');
        }"""
    )
    found = {item["id"] for item in violations(page, "#calc-true-cost")}
    assert {"image-alt", "color-contrast"} <= found
