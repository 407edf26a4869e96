"""The reader's flows in the other engines our readers use: Firefox (Debian's firefox-esr over
WebDriver BiDi, puppeteer-core: tests/engines/firefox_flows.mjs) and WebKit (Debian's
WebKitWebDriver with MiniBrowser under Xvfb, selenium: tests/engines/webkit_flows.py).

One pass each, kept short: every page of every language renders; a first visit to a calculator
page answers the true cost of a fee typed like a reader (8.8% over 12 → 15.86%) and keeps the
offline copy; the next calculator page restores the runtime's snapshot and draws the plan of one
debt (10,000 at 18% a year over 12 months → 916.80) with its chart; then, with the server stopped,
every page opens and every calculator answers its share link with what ``run()`` answers on the
host; no console error, no request to another origin. The same flows against the site without its
Pyodide runtime must fail (the calculators say they could not start), so the flows can fail.
"""

from __future__ import annotations

import contextlib
import html as markup
import json
import os
import re
import shutil
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from calculators import run
from tests.browser_helpers import READY_TIMEOUT
from tests.conftest import PREFIX, ROOT
from tests.engines.webkit_flows import run_webkit
from tests.samples import GOOD
from tests.site_server import serve
from tests.test_browser_offline import calculators_by_page, share_fragment, site_pages

pytestmark = pytest.mark.browser
FIREFOX = os.environ.get("FIREFOX", "/usr/bin/firefox-esr")
WEBKIT_DRIVER = os.environ.get("WEBKIT_DRIVER", "/usr/bin/WebKitWebDriver")
FLOW_TIMEOUT_S = 600  # one engine's whole pass; a few minutes on a quiet machine
LANGS = ("zh", "en", "zh-Hant")
ROOTS = {"zh": "", "en": "en/", "zh-Hant": "zh-Hant/"}


def page_lang(path: str) -> str:
    return "en" if path.startswith("en/") else "zh-Hant" if path.startswith("zh-Hant/") else "zh"


def flow_plan(site: Path, base_url: str) -> dict:
    """What both engines do and must see (the same plan, so the same assertions hold for both)."""
    pages = site_pages(site)
    calculator_pages = sorted(calculators_by_page(site))
    answers = []
    for index, name in enumerate(sorted(GOOD)):
        # Each calculator in one language, the three languages in turn.
        lang = LANGS[index % len(LANGS)]
        path = next(
            path
            for path, names in calculators_by_page(site).items()
            if name in names and page_lang(path) == lang
        )
        fields = GOOD[name][0]
        expected = run(name, fields, lang)
        assert expected["ok"], (name, expected["errors"])
        answers.append(
            {"name": name, "path": path, "fragment": share_fragment(name, fields), "html": expected["html"]}
        )
    return {
        "base": base_url,
        "ready_timeout_ms": READY_TIMEOUT,
        "pages": pages,
        # Offline: each language's home and About pages (every page offline: test_browser_offline.py).
        "offline_pages": [
            path for path in pages if path in ("", "en/", "zh-Hant/") or path.endswith("about/")
        ],
        "calculator_pages": calculator_pages,
        # Text pages, left as soon as they load (Firefox: while the search worker downloads).
        "leave_pages": [path for path in pages if path not in calculator_pages] * 2,
        "answers": answers,
        "worked": {
            "true-cost": {
                "path": "guide/1-repayment-mechanism/",
                "select": [["calc-true-cost-kind", "fee"]],
                "type": [
                    ["calc-true-cost-amount", "10000"],
                    ["calc-true-cost-fee", "8.8"],
                    ["calc-true-cost-periods", "12"],
                ],
                "submit": None,
                "result": "calc-true-cost-result",
                "shows": "15.86%",
            },
            "plan": {
                "path": "en/guide/2-repayment-capacity/",
                "select": [["calc-plan-debts-0-rate_kind", "annual"]],
                "type": [
                    ["calc-plan-debts-0-amount", "10000"],
                    ["calc-plan-debts-0-rate", "18"],
                    ["calc-plan-budget", "1000"],
                    ["calc-plan-current_months", "12"],
                ],
                "submit": "#calc-plan button[type=submit]",
                "result": "calc-plan-result",
                "shows": "916.80",
            },
        },
    }


def check(result: dict, plan: dict, site: Path) -> None:
    """What every engine must have seen."""
    assert result["errors"] == [], "errors on the page:\n" + "\n".join(result["errors"])
    assert result["foreign"] == [], "requests to another origin"

    # Leaving a page while its search worker downloads its files reports nothing of the search
    # worker's (Firefox reported NS_BINDING_ABORTED in about one such page in two).
    leaving = result.get("leave_errors", [])
    assert not [error for error in leaving if "NS_BINDING_ABORTED" in error], leaving

    # The worked cases: the known figures, a snapshot made on the first page and restored on the next.
    true_cost = result["worked"]["true-cost"]
    assert "15.86%" in true_cost["shows"] and "17.07%" in true_cost["shows"]
    assert true_cost["boot"]["snapshot"] == "made", true_cost["boot"]
    plan_result = result["worked"]["plan"]
    assert "916.80" in plan_result["shows"] and "916.81" in plan_result["shows"]
    assert plan_result["boot"]["snapshot"] == "restored", plan_result["boot"]
    chart = plan_result["chart"]
    assert chart is not None, "the plan's chart is not drawn"
    assert chart["series"] >= 4 and chart["width"] > 200 and chart["height"] > 100, chart

    # Every page, online then offline.
    online = [page for page in result["pages"] if not page.get("offline")]
    offline = [page for page in result["pages"] if page.get("offline")]
    assert [page["path"] for page in online] == plan["pages"]
    assert [page["path"] for page in offline] == plan["offline_pages"]
    for page in online:
        source = (site / page["path"] / "index.html").read_text("utf-8")
        h1 = re.search(r"<h1[^>]*>(.*?)</h1>", source, re.S)
        assert page["status"] == 200, page
        assert page["lang"] == page_lang(page["path"]), page
        assert page["title"].strip() and page["h1"].strip(), page
        assert h1 and page["h1"].strip().startswith(
            markup.unescape(re.sub(r"<[^>]+>", "", h1.group(1))).strip()[:8]
        ), page
        assert page["text"] > 150, page
    for page in offline:
        assert page["h1"].strip(), page

    # Every calculator answered offline with run()'s answer (waited for in the page).
    assert sorted(answer["name"] for answer in result["answers"]) == sorted(GOOD)
    assert all(answer["state"] == "ready" for answer in result["answers"]), result["answers"]


@contextlib.contextmanager
def stoppable(site: Path) -> Iterator[tuple[str, Callable[[], None]]]:
    """A server of the flow's own, and a function that stops it (the reader goes offline)."""
    stack = contextlib.ExitStack()
    url = stack.enter_context(serve(site, PREFIX))
    try:
        yield url, stack.close
    finally:
        stack.close()


def run_firefox(site: Path, tmp_path: Path) -> dict:
    node = shutil.which("node")
    if not Path(FIREFOX).exists() or not node:
        pytest.fail(f"{FIREFOX} or node is missing: `./dev test` installs Debian's firefox-esr")
    with stoppable(site) as (base_url, stop):
        plan = flow_plan(site, base_url)
        plan_file = tmp_path / "plan.json"
        plan_file.write_text(json.dumps(plan), "utf-8")
        script = ROOT / "tests" / "engines" / "firefox_flows.mjs"
        with subprocess.Popen(
            [node, str(script), str(plan_file)],
            cwd=ROOT,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        ) as process:
            result = None
            try:
                for line in process.stdout:
                    event = json.loads(line)
                    if event["event"] == "stop-server":
                        stop()
                        process.stdin.write("stopped\n")
                        process.stdin.flush()
                    elif event["event"] == "result":
                        result = event
                process.wait(timeout=FLOW_TIMEOUT_S)
            finally:
                if process.poll() is None:
                    process.kill()
            stderr = process.stderr.read()
        if process.returncode != 0 or result is None:
            pytest.fail(f"the Firefox flows failed (exit {process.returncode}):\n{stderr[-4000:]}")
    return {**result, "plan": plan}


def test_firefox_flows(site: Path, tmp_path: Path) -> None:
    result = run_firefox(site, tmp_path)
    (tmp_path / "result.json").write_text(json.dumps(result, indent=1, ensure_ascii=False), "utf-8")
    check(result, result["plan"], site)


def test_webkit_flows(site: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from selenium.webdriver.common.selenium_manager import SeleniumManager

    def no_download(*args: object) -> None:
        raise AssertionError("selenium-manager ran: the driver's path must be given, nothing downloaded")

    monkeypatch.setattr(SeleniumManager, "binary_paths", no_download)
    if not Path(WEBKIT_DRIVER).exists():
        pytest.fail(f"{WEBKIT_DRIVER} is missing: `./dev test` installs Debian's webkit2gtk-driver")
    with stoppable(site) as (base_url, stop):
        plan = flow_plan(site, base_url)
        result = run_webkit(plan, stop, WEBKIT_DRIVER)
    (tmp_path / "result.json").write_text(json.dumps(result, indent=1, ensure_ascii=False), "utf-8")
    check(result, plan, site)
