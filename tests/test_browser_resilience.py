"""The site where browsers lack what it uses: no service worker and no Cache Storage (WeChat's and
other in-app browsers on iOS, a private window), storage full (a QuotaExceededError from
``cache.put``, and from ``localStorage``/``sessionStorage.setItem``), no ``requestIdleCallback``
(WebKit). Every calculator page still answers, nothing alarming is shown, nothing is logged as an
error, and the About page's delete button still says it deleted everything.

How the missing parts are made missing, in Chromium: an init script for the page
(``context.add_init_script``). An init script does not run in workers, so the calculators' worker
(``assets/calc/worker.js``, which keeps the runtime's snapshot in Cache Storage) and the service
worker (``sw.js``) are served from a copy of the built site with the same change written in front
of their code; the change checks itself (a worker where ``caches`` is still there throws, and the
calculators would then fail) and reports each refused ``cache.put`` to the page, so a test knows
that the path it means to test was taken.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from calculators.core.i18n import pick
from calculators.page.ui import UI
from tests.browser_helpers import READY_TIMEOUT, state, wait_for_state
from tests.conftest import PREFIX, watch
from tests.site_server import serve
from tests.test_browser_offline import answer_offline, calculators_by_page, wait_for_offline_state

pytestmark = pytest.mark.browser

WORKER = "assets/calc/worker.js"
SERVICE_WORKER = "sw.js"
ALARMING = [key for key in UI if key.startswith(("failed", "reason_")) or key == "slow"]

# Removes a property wherever it is defined along an object's prototype chain.
REMOVE = """
const removeEverywhere = (object, name) => {
  for (let owner = object; owner; owner = Object.getPrototypeOf(owner)) {
    if (Object.prototype.hasOwnProperty.call(owner, name)) delete owner[name];
  }
};
"""

NO_SERVICE_WORKER_NOR_CACHES_PAGE = (
    REMOVE
    + """
removeEverywhere(navigator, "serviceWorker");
removeEverywhere(self, "caches");
"""
)
NO_CACHES_WORKER = (
    REMOVE
    + """
removeEverywhere(self, "caches");
if ("caches" in self) throw new Error("the test could not remove Cache Storage from the worker");
"""
)

QUOTA = """
const quotaError = () => new DOMException("The quota has been exceeded.", "QuotaExceededError");
if (typeof Cache === "function") {
  Cache.prototype.put = function () {
    reportQuota();
    return Promise.reject(quotaError());
  };
}
"""
QUOTA_SERVICE_WORKER = (
    """
const tellPages = (data) =>
  self.clients.matchAll({ includeUncontrolled: true }).then((all) => all.forEach((client) => client.postMessage({ test: true, ...data })));
const reportQuota = () => tellPages({ type: "quota" });
self.addEventListener("error", (event) => tellPages({ type: "error", message: String(event.message) }));
self.addEventListener("unhandledrejection", (event) => tellPages({ type: "error", message: String(event.reason) }));
"""
    + QUOTA
)
QUOTA_WORKER = 'const reportQuota = () => postMessage({ type: "test-quota" });\n' + QUOTA
# The page: Cache Storage refuses too, and what the two workers report is counted.
QUOTA_PAGE = (
    """
window.__test = { serviceWorkerQuota: 0, serviceWorkerErrors: [], workerQuota: 0 };
const reportQuota = () => {};
navigator.serviceWorker?.addEventListener("message", (event) => {
  const data = event.data || {};
  if (!data.test) return;
  if (data.type === "quota") window.__test.serviceWorkerQuota += 1;
  else window.__test.serviceWorkerErrors.push(data.message);
});
const PageWorker = window.Worker; // (about:blank, between pages, has no Cache nor service worker)
window.Worker = class extends PageWorker {
  constructor(...args) {
    super(...args);
    this.addEventListener("message", (event) => {
      if (event.data && event.data.type === "test-quota") window.__test.workerQuota += 1;
    });
  }
};
"""
    + QUOTA
)

STORAGE_FULL = """
window.__test = { setItem: 0 };
Storage.prototype.setItem = function () {
  window.__test.setItem += 1;
  throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
};
"""


def scoped(code: str) -> str:
    """``code`` in a block of its own: its names never meet the page's or the worker's."""
    return "{\n" + code + "\n}\n"


def _link_or_copy(source: str, target: str) -> None:
    try:
        os.link(source, target)
    except OSError:
        shutil.copy2(source, target)


@pytest.fixture
def patched(site: Path, tmp_path: Path):  # noqa: ANN201 - a factory
    """A factory: a copy of the built site (hard links) with code written in front of some files."""

    def make(prefixes: dict[str, str]) -> Path:
        copy = tmp_path / f"site-{len(list(tmp_path.iterdir()))}"
        shutil.copytree(site, copy, copy_function=_link_or_copy)
        for relative, prefix in prefixes.items():
            target = copy / relative
            code = target.read_text("utf-8")
            target.unlink()  # a new file, not the hard link's shared one
            target.write_text(scoped(prefix) + code, "utf-8")
        return copy

    return make


@pytest.fixture
def served(patched) -> Iterator:  # noqa: ANN001 - the factory above
    servers = []

    def start(prefixes: dict[str, str]) -> str:
        server = serve(patched(prefixes), PREFIX)
        servers.append(server)
        return server.__enter__()

    yield start
    for server in servers:
        server.__exit__(None, None, None)


def pages_of(site: Path, lang: str) -> dict[str, list[str]]:
    prefix = "" if lang == "zh" else f"{lang}/"
    found = {
        path: names
        for path, names in calculators_by_page(site).items()
        if path.startswith(prefix) and (lang != "zh" or not path.startswith(("en/", "zh-Hant/")))
    }
    assert len(found) >= 6, found
    return found


def assert_nothing_alarming(page, lang: str, names: list[str]) -> None:
    text = page.inner_text("body")
    for key in ALARMING:
        shown = pick(UI[key], lang)
        assert shown not in text, (key, shown)
    for name in names:
        assert state(page, name) == "ready", name


def every_calculator_answers(page, base_url: str, site: Path, lang: str) -> None:
    for path, names in pages_of(site, lang).items():
        for name in names:
            answer_offline(page, base_url, path, name)
        assert_nothing_alarming(page, lang, names)


def delete_everything(page, base_url: str, lang: str) -> None:
    """The About page's button says it deleted everything (its "done" text, not "failed")."""
    prefix = "" if lang == "zh" else f"{lang}/"
    page.goto(f"{base_url}{prefix}about/")
    status = page.locator("#offline-clear-status")
    done, failed = status.get_attribute("data-done"), status.get_attribute("data-failed")
    page.click("#offline-clear")
    page.wait_for_function("() => document.getElementById('offline-clear-status').textContent.trim() !== ''")
    assert status.inner_text().strip() == done.strip(), status.inner_text()
    assert failed.strip() not in page.inner_text("body")


def test_without_service_worker_or_cache_storage_the_calculators_answer(context, site: Path, served) -> None:
    base_url = served({WORKER: NO_CACHES_WORKER})
    context.add_init_script(scoped(NO_SERVICE_WORKER_NOR_CACHES_PAGE))
    page = context.new_page()
    seen = watch(page)
    page.goto(f"{base_url}en/guide/introduction/")
    assert page.evaluate("() => ['serviceWorker' in navigator, 'caches' in window]") == [False, False]
    wait_for_offline_state(page, "off")
    every_calculator_answers(page, base_url, site, "en")
    # No snapshot was kept (nowhere to keep one), and none is looked for.
    assert page.evaluate("() => localStorage.getItem('calc-snapshot')") is None
    delete_everything(page, base_url, "en")
    assert seen.errors == [] and seen.foreign(base_url) == []
    assert not [url for url in seen.requests if url.endswith("/sw.js")]


def test_with_storage_full_for_cache_storage_the_calculators_answer(context, site: Path, served) -> None:
    """Every cache.put is refused, in the page, the calculators' worker and the service worker: the
    service worker still answers every request from the network, the snapshot is simply not kept."""
    base_url = served({WORKER: QUOTA_WORKER, SERVICE_WORKER: QUOTA_SERVICE_WORKER})
    context.add_init_script(scoped(QUOTA_PAGE))
    page = context.new_page()
    seen = watch(page)
    page.goto(f"{base_url}guide/introduction/")
    page.evaluate("async () => { await navigator.serviceWorker.ready; }")
    page.reload()  # from now on every request goes through the service worker
    assert page.evaluate("() => navigator.serviceWorker.controller !== null")
    # The first calculator page's worker tries to keep its snapshot once it has answered.
    answer_offline(page, base_url, "guide/1-repayment-mechanism/", "true-cost")
    page.wait_for_function("() => window.__test.workerQuota > 0", timeout=READY_TIMEOUT)
    every_calculator_answers(page, base_url, site, "zh")
    report = page.evaluate("() => window.__test")  # this page's (the counts start again on each page)
    assert report["serviceWorkerQuota"] > 0, report  # the service worker met the quota error
    assert report["serviceWorkerErrors"] == [], report
    assert page.evaluate("() => localStorage.getItem('calc-snapshot')") is None
    assert page.evaluate("() => document.documentElement.dataset.offline || ''") in ("", "off")
    delete_everything(page, base_url, "zh")
    assert seen.errors == [] and seen.foreign(base_url) == []


def test_with_local_and_session_storage_refusing_every_write_the_calculators_answer(
    context, site: Path, base_url: str
) -> None:
    context.add_init_script(scoped(STORAGE_FULL))
    page = context.new_page()
    seen = watch(page)
    every_calculator_answers(page, base_url, site, "zh-Hant")
    # Typing keeps the inputs for the session (setItem, refused): the new answer still comes.
    answer_offline(page, base_url, "zh-Hant/guide/1-repayment-mechanism/", "true-cost")
    calls = page.evaluate("() => window.__test.setItem")
    before = page.inner_text("#calc-true-cost-result")
    page.fill("#calc-true-cost-amount", "23456")
    page.wait_for_function(
        "(before) => document.getElementById('calc-true-cost-result').innerText !== before",
        arg=before,
        timeout=READY_TIMEOUT,
    )
    assert page.evaluate("() => window.__test.setItem") > calls
    assert page.input_value("#calc-true-cost-amount") == "23456"
    assert_nothing_alarming(page, "zh-Hant", ["true-cost"])
    delete_everything(page, base_url, "zh-Hant")
    assert seen.errors == [] and seen.foreign(base_url) == []


# --- Idle work without requestIdleCallback -------------------------------------------------------

NO_IDLE_CALLBACK = (
    REMOVE
    + """
removeEverywhere(self, "requestIdleCallback");
removeEverywhere(self, "cancelIdleCallback");
"""
)
# When the page asks the service worker for the offline copy, and when the search index may be built.
TIMES = """
window.__times = {};
const post = ServiceWorker.prototype.postMessage;
ServiceWorker.prototype.postMessage = function (message, ...rest) {
  if (message && message.type === "fill") window.__times.fill ??= performance.now();
  return post.call(this, message, ...rest);
};
const searchChannel = new BroadcastChannel("search-build:__PREFIX__");
searchChannel.onmessage = ({ data }) => {
  if (data === "build" || data === "built") window.__times[data] ??= performance.now();
};
new MutationObserver(() => {
  const offline = document.documentElement.dataset.offline;
  if (offline) window.__times[offline] ??= performance.now();
}).observe(document, { subtree: true, attributes: true, attributeFilter: ["data-offline"] });
""".replace("__PREFIX__", PREFIX)

LOADED = "() => performance.getEntriesByType('navigation')[0].loadEventEnd"
GENEROUS_MS = 30_000  # no timing is asserted beyond this: the machine is shared


def offline_copy_times(browser, base_url: str, without_idle_callback: bool) -> dict:
    context = browser.new_context()
    if without_idle_callback:
        context.add_init_script(scoped(NO_IDLE_CALLBACK))
    context.add_init_script(scoped(TIMES))
    page = context.new_page()
    seen = watch(page)
    page.goto(f"{base_url}en/guide/introduction/")
    assert page.evaluate("() => 'requestIdleCallback' in window") is not without_idle_callback
    wait_for_offline_state(page, "pages")
    times = page.evaluate("() => window.__times")
    times["load"] = page.evaluate(LOADED)
    assert seen.errors == []
    context.close()
    return times


def test_without_request_idle_callback_the_offline_copy_and_the_search_index_are_made(
    browser, base_url: str
) -> None:
    with_idle = offline_copy_times(browser, base_url, without_idle_callback=False)
    without = offline_copy_times(browser, base_url, without_idle_callback=True)
    for times in (with_idle, without):
        assert times["fill"] < times["pages"] < GENEROUS_MS, times
    assert without["load"] <= without["fill"], without  # the fallback waits for the load event
    print(
        "\noffline copy, text page (ms after navigation): "
        f"with requestIdleCallback: asked {with_idle['fill']:.0f}, done {with_idle['pages']:.0f}; "
        f"without: asked {without['fill']:.0f} (load + {without['fill'] - without['load']:.0f}), "
        f"done {without['pages']:.0f}"
    )

    # A calculator page: the search index is built once the calculators are ready, the runtime kept.
    context = browser.new_context()
    context.add_init_script(scoped(NO_IDLE_CALLBACK))
    context.add_init_script(scoped(TIMES))
    page = context.new_page()
    seen = watch(page)
    page.goto(f"{base_url}en/guide/1-repayment-mechanism/")
    wait_for_state(page, "true-cost", "ready")
    page.wait_for_function("() => window.__times.built !== undefined", timeout=GENEROUS_MS)
    wait_for_offline_state(page, "all")
    times = page.evaluate("() => window.__times")
    ready = page.evaluate("() => performance.getEntriesByName('calc:ready')[0].startTime")
    assert ready <= times["build"] <= times["built"], (ready, times)
    # Asked by the page (search-channel.js after whenIdle), not search-later.js's 15 s fallback.
    assert times["build"] - ready < 15_000, (ready, times)
    assert ready <= times["fill"], (ready, times)
    print(
        f"calculator page without requestIdleCallback: ready {ready:.0f}, search index asked for "
        f"{times['build']:.0f}, built {times['built']:.0f}, offline copy asked {times['fill']:.0f}, "
        f"done {times['all']:.0f}"
    )
    assert seen.errors == [] and seen.foreign(base_url) == []
    context.close()
