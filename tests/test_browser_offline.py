"""The guide offline: after one visit, with the network off, every page of every language opens
and (after a calculator page was visited) every calculator answers; a new build replaces the old
copy whole; Save-Data fetches nothing ahead; the About page's button deletes everything."""

from __future__ import annotations

import base64
import hashlib
import json
import re
import shutil
import time
from pathlib import Path

import pytest

from calculators import run
from calculators.core.i18n import pick
from calculators.page.ui import UI
from tests.browser_helpers import READY_TIMEOUT, collect, wait_for_state
from tests.conftest import PREFIX, watch
from tests.samples import GOOD
from tests.site_server import serve

pytestmark = pytest.mark.browser
CACHE_PREFIX = f"offline:{PREFIX}:"
CACHE_NAMES = "async () => (await caches.keys()).sort()"


def site_pages(site: Path) -> list[str]:
    """Every page of the build, every language, as a reader opens it (from the files on disk)."""
    pages = []
    for html in sorted(site.rglob("index.html")):
        relative = html.relative_to(site).as_posix()
        if not relative.startswith(("pyodide/", "py/")):
            pages.append(relative.removesuffix("index.html"))
    return pages


def calculators_by_page(site: Path) -> dict[str, list[str]]:
    found = {}
    for page in site_pages(site):
        names = re.findall(r'data-calculator="([\w-]+)"', (site / page / "index.html").read_text("utf-8"))
        if names:
            found[page] = sorted(set(names))
    return found


def share_fragment(name: str, fields: dict) -> str:
    """The calculator's share link fragment (as calc.js writes it): base64url of the fields' JSON."""
    encoded = base64.urlsafe_b64encode(json.dumps(fields, ensure_ascii=False).encode()).decode()
    return f"#{name}={encoded.rstrip('=')}"


def wait_for_offline_state(page, wanted: str, timeout: float = READY_TIMEOUT) -> None:
    page.wait_for_selector(f'html[data-offline="{wanted}"]', state="attached", timeout=timeout)


def open_offline(page, url: str) -> None:
    response = page.goto(url)
    assert response is not None and response.ok, url
    assert page.locator("article h1").first.is_visible(), url


FIRST_TEXT = """
html => {
  const parsed = document.createElement("template");
  parsed.innerHTML = html;
  return parsed.content.firstElementChild.textContent.replace(/\\s+/g, " ").trim();
}
"""


def answer_offline(page, base_url: str, path: str, name: str) -> None:
    """Open the page with a sample in the share fragment; the calculator shows run()'s answer.

    (Its opening element, word for word: some results are then enhanced by the page, e.g. the
    agreement's payment tracker, which the calculators' own browser tests check.)"""
    lang = "en" if path.startswith("en/") else "zh-Hant" if path.startswith("zh-Hant/") else "zh"
    page.goto("about:blank")  # a new fragment on the same page would not load it again
    page.goto(f"{base_url}{path}{share_fragment(name, GOOD[name][0])}")
    wait_for_state(page, name, "ready")
    expected = run(name, collect(page, name), lang)
    assert expected["ok"], (name, expected["errors"])
    opening = page.evaluate(FIRST_TEXT, expected["html"])
    assert opening
    page.wait_for_function(
        "([id, text]) => document.getElementById(id).textContent.replace(/\\s+/g, ' ').includes(text)",
        arg=[f"calc-{name}-result", opening],
        timeout=READY_TIMEOUT,
    )


def test_after_a_calculator_page_every_page_and_calculator_works_offline(
    context, site: Path, base_url: str
) -> None:
    page = context.new_page()
    seen = watch(page)
    page.goto(f"{base_url}en/guide/1-repayment-mechanism/")
    page.focus("#calc-true-cost-amount")
    wait_for_offline_state(page, "all")

    context.set_offline(True)
    pages = site_pages(site)
    assert "" in pages and "en/" in pages and "en/about/" in pages and len(pages) >= 20
    for path in pages:
        open_offline(page, base_url + path)
    calculators = calculators_by_page(site)
    assert {name for names in calculators.values() for name in names} == set(GOOD)
    for path, names in calculators.items():
        for name in names:
            answer_offline(page, base_url, path, name)
    context.set_offline(False)
    assert seen.foreign(base_url) == []
    assert seen.errors == []
    assert not [url for url in seen.requests if url.endswith("python_stdlib.zip")]  # no fallback needed


def test_after_a_text_page_pages_work_offline_and_a_calculator_asks_for_a_connection(
    context, site: Path, base_url: str
) -> None:
    page = context.new_page()
    seen = watch(page)
    page.goto(f"{base_url}guide/introduction/")
    wait_for_offline_state(page, "pages")
    runtime_cached = page.evaluate(
        "async (prefix) => (await (await caches.open(prefix + 'runtime')).keys()).length", CACHE_PREFIX
    )
    assert runtime_cached == 0  # a text page fetches no runtime, not even in the background
    assert not [url for url in seen.requests if "/pyodide/" in url or "/py/" in url]

    context.set_offline(True)
    for path in site_pages(site):
        open_offline(page, base_url + path)
    page.goto(f"{base_url}en/guide/1-repayment-mechanism/")
    page.fill("#calc-true-cost-amount", "10000")
    wait_for_state(page, "true-cost", "failed")
    status = page.inner_text("#calc-true-cost .calc-status")
    assert pick(UI["failed_offline"], "en") in status, status
    assert page.input_value("#calc-true-cost-amount") == "10000"
    context.set_offline(False)
    assert seen.foreign(base_url) == []


def _rebuild_service_worker(live: Path, runtime: dict) -> None:
    """What a new build does to the served copy: a changed page and a new sw.js (the real hook)."""
    import importlib.util

    from tests.conftest import ROOT

    spec = importlib.util.spec_from_file_location("_offline_copy", ROOT / "overrides/hooks/offline_copy.py")
    hook = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(hook)
    versions_spec = importlib.util.spec_from_file_location(
        "_asset_versions", ROOT / "overrides/hooks/asset_versions.py"
    )
    versions = importlib.util.module_from_spec(versions_spec)
    versions_spec.loader.exec_module(versions)
    config = {
        "site_dir": str(live),
        "site_url": f"http://127.0.0.1{PREFIX}",
        "extra": {"calc_runtime": runtime, "asset_versions": versions.Versions().all()},
        "plugins": {},
    }
    hook.on_post_build(config)


def test_a_new_build_takes_over_and_the_old_copy_is_deleted(browser, site: Path, tmp_path: Path) -> None:
    live = tmp_path / "site"
    shutil.copytree(site, live)
    page_html = live / "en" / "guide" / "introduction" / "index.html"
    with serve(live, PREFIX) as url:
        context = browser.new_context()
        page = context.new_page()
        seen = watch(page)
        page.goto(f"{url}en/guide/introduction/")
        wait_for_offline_state(page, "pages")
        first = page.evaluate(CACHE_NAMES)
        assert len([name for name in first if ":pages:" in name]) == 1

        html = page_html.read_text("utf-8")
        page_html.write_text(html.replace("</h1>", " (new build)</h1>", 1), "utf-8")
        meta = re.search(
            r'name="calc-runtime" content="([^"]+)"',
            (live / "guide/1-repayment-mechanism/index.html").read_text(),
        )
        import html as html_module

        _rebuild_service_worker(live, json.loads(html_module.unescape(meta.group(1))))
        page.goto(f"{url}en/guide/introduction/")
        assert "(new build)" in page.inner_text("article h1")
        old = set(first) - {f"{CACHE_PREFIX}runtime"}
        deadline = time.monotonic() + 30
        while set(page.evaluate(CACHE_NAMES)) & old and time.monotonic() < deadline:
            page.wait_for_timeout(200)
        assert not set(page.evaluate(CACHE_NAMES)) & old, "the old build's copy is still there"
        page.goto(f"{url}en/")  # the new worker fills its own copy
        wait_for_offline_state(page, "pages")
        pages_caches = [name for name in page.evaluate(CACHE_NAMES) if ":pages:" in name]
        assert len(pages_caches) == 1 and pages_caches[0] not in first, (first, pages_caches)
        context.set_offline(True)
        page.goto(f"{url}en/guide/introduction/")
        assert "(new build)" in page.inner_text("article h1")
        context.set_offline(False)
        assert seen.errors == [] and seen.foreign(url) == []
        context.close()


STYLES_LOADED = (
    "(name) => [...document.styleSheets].some((s) => (s.href || '').includes(name) && s.cssRules.length > 0)"
)
NAMES_ITS_CONTENT = re.compile(r"\?v=[0-9a-f]{12}$|\.[0-9a-f]{8}\.min\.(js|css)$")


def test_a_return_visit_asks_the_server_for_the_page_and_not_for_its_scripts(browser, site: Path) -> None:
    """Scripts and styles whose URL names their content come from the copy without a round trip
    (on a phone network, one per level of the calculators' imports); the page itself is asked."""
    asked: list[str] = []
    with serve(site, PREFIX, asked=asked) as url:
        context = browser.new_context()
        page = context.new_page()
        seen = watch(page)
        page.goto(f"{url}en/guide/2-repayment-capacity/")
        page.focus("#calc-plan-debts-0-amount")
        wait_for_offline_state(page, "all")
        assert [path for path in asked if NAMES_ITS_CONTENT.search(path)], "the first visit loads them"
        asked.clear()
        answer_offline(page, url, "en/guide/1-repayment-mechanism/", "true-cost")
        assert f"{PREFIX}en/guide/1-repayment-mechanism/" in asked  # network first: the newest page
        assert [path for path in asked if NAMES_ITS_CONTENT.search(path)] == []
        assert not [path for path in asked if "/pyodide/" in path or "/py/" in path]
        assert page.evaluate(STYLES_LOADED, "/assets/calc/calc.css?v=")  # the styles came from the copy
        assert seen.errors == [] and seen.foreign(url) == []
        context.close()


KEPT_URLS = "async () => { const urls = []; for (const name of await caches.keys()) { const cache = await caches.open(name); for (const request of await cache.keys()) urls.push(request.url); } return urls; }"


def test_a_script_answered_with_other_bytes_than_the_builds_is_never_kept(browser, site: Path) -> None:
    """Answered from the copy without asking the server, a damaged copy (a proxy's page, a cut
    download) would stay: only the bytes the build lists for the URL are kept."""
    asked: list[str] = []
    with serve(site, PREFIX, asked=asked) as url:
        context = browser.new_context()
        damaged: list[str] = []

        def answer_damaged(route) -> None:
            damaged.append(route.request.url)
            route.fulfill(
                status=200, content_type="text/javascript", body="/* not this build's keyboard.js */"
            )

        context.route("**/assets/keyboard.js?v=*", answer_damaged)
        page = context.new_page()
        page.goto(f"{url}en/guide/introduction/")
        deadline = time.monotonic() + READY_TIMEOUT / 1000
        while len(damaged) < 2 and time.monotonic() < deadline:  # the page's request, then the copy's
            page.wait_for_timeout(200)
        assert len(damaged) >= 2, damaged
        assert _kept_soon(page, "/assets/theme.css?v="), "the copy was made"
        page.wait_for_timeout(1000)  # the copy's last files
        assert not [u for u in page.evaluate(KEPT_URLS) if "/assets/keyboard.js" in u]

        context.unroute("**/assets/keyboard.js?v=*")
        asked.clear()
        page.goto(f"{url}en/guide/introduction/")  # controlled now: not kept, so asked for again
        assert [path for path in asked if "/assets/keyboard.js?v=" in path]
        assert _kept_soon(page, "/assets/keyboard.js?v="), "the real bytes are kept"
        context.close()


def _kept_soon(page, part: str) -> bool:
    """Whether a URL holding ``part`` is in the site's caches within the ready timeout."""
    deadline = time.monotonic() + READY_TIMEOUT / 1000
    while time.monotonic() < deadline:
        if [u for u in page.evaluate(KEPT_URLS) if part in u]:
            return True
        page.wait_for_timeout(200)
    return False


def test_a_script_a_new_build_changed_reaches_the_page_before_the_new_service_worker(
    browser, site: Path, tmp_path: Path
) -> None:
    """A page of a newer build names scripts the running service worker does not know: they come
    from the server, so page and scripts still belong together."""
    live = tmp_path / "site"
    shutil.copytree(site, live)
    with serve(live, PREFIX) as url:
        context = browser.new_context()
        page = context.new_page()
        seen = watch(page)
        page.goto(f"{url}en/guide/introduction/")
        wait_for_offline_state(page, "pages")  # the copy holds this build's keyboard.js

        script = live / "assets" / "keyboard.js"
        old = hashlib.sha256(script.read_bytes()).hexdigest()[:12]
        script.write_text(
            script.read_text("utf-8") + '\ndocument.documentElement.dataset.newBuild = "yes";\n', "utf-8"
        )
        new = hashlib.sha256(script.read_bytes()).hexdigest()[:12]
        page_html = live / "en" / "guide" / "introduction" / "index.html"
        html = page_html.read_text("utf-8")
        assert f"keyboard.js?v={old}" in html
        page_html.write_text(html.replace(f"keyboard.js?v={old}", f"keyboard.js?v={new}"), "utf-8")

        page.goto(f"{url}en/guide/introduction/")  # the same service worker: sw.js did not change
        page.wait_for_selector('html[data-new-build="yes"]', state="attached", timeout=READY_TIMEOUT)
        assert seen.errors == [] and seen.foreign(url) == []
        context.close()


def test_the_about_page_button_deletes_the_offline_copy_and_the_sites_storage(context, base_url: str) -> None:
    page = context.new_page()
    seen = watch(page)
    page.goto(f"{base_url}en/guide/introduction/")
    wait_for_offline_state(page, "pages")
    page.locator("form[data-md-component=palette] label").first.click()  # Material keeps the choice
    page.evaluate(
        """() => {
        localStorage.setItem("calc:prepare", "{}");
        localStorage.setItem("calc:plan", "{}");
        sessionStorage.setItem("calc-carry:plan", "{}");
        localStorage.setItem("another-site-key", "kept");
    }"""
    )
    assert f"{PREFIX}.__palette" in page.evaluate("() => Object.keys(localStorage)")
    page.goto(f"{base_url}en/about/")
    button = page.locator("#offline-clear")
    button.click()
    page.wait_for_selector('html[data-offline="cleared"]', state="attached")
    assert page.evaluate(CACHE_NAMES) == []
    assert page.evaluate("async () => (await navigator.serviceWorker.getRegistrations()).length") == 0
    assert page.evaluate("() => Object.keys(localStorage)") == ["another-site-key"]
    assert page.evaluate("() => Object.keys(sessionStorage)") == []
    assert page.inner_text("#offline-clear-status").strip() != ""
    assert seen.errors == []


SAVE_DATA = """
Object.defineProperty(Navigator.prototype, "connection", {
  configurable: true,
  get: () => ({ saveData: true, effectiveType: "4g", addEventListener() {}, removeEventListener() {} }),
});
"""


def test_save_data_fetches_nothing_ahead_and_starts_the_runtime_on_focus(context, base_url: str) -> None:
    context.add_init_script(SAVE_DATA)
    page = context.new_page()
    seen = watch(page)
    page.goto(f"{base_url}en/guide/1-repayment-mechanism/")
    wait_for_offline_state(page, "saving-data")
    page.wait_for_timeout(6000)  # longer than the idle start's 4 s bound: nothing may start by itself
    runtime = [
        url for url in seen.requests if "/pyodide/" in url or "/py/" in url or "/calc/worker.js" in url
    ]
    assert runtime == []
    assert page.evaluate(CACHE_NAMES) == []  # no background copy either

    page.focus("#calc-true-cost-amount")
    wait_for_state(page, "true-cost", "ready")
    assert [url for url in seen.requests if url.endswith("pyodide.asm.wasm")]
    assert seen.errors == [] and seen.foreign(base_url) == []
