"""The runtime's memory snapshot (overrides/assets/calc/snapshot.js), as a reader meets it.

The first calculator page boots Python and keeps a snapshot of it, made before the first
calculation; the next calculator page restores it instead of booting again. What the reader typed
is never in it, a damaged or foreign snapshot only costs the long boot, and the site's delete
button removes it.
"""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest

from tests.browser_helpers import READY_TIMEOUT, submit_one_debt_plan, wait_for_result
from tests.conftest import PREFIX, watch
from tests.site_server import serve

RUNTIME_CACHE = f"offline:{PREFIX}:runtime"
MARKER = "Qz7SnapshotMarkerVw3"  # typed by the reader: must never be kept in the snapshot

# The kept snapshot (packed: [magic, length, page count, page numbers...] then the pages), as
# numbers the test can look into; null when none is kept.
SNAPSHOT = """async (cacheName) => {
  if (!(await caches.has(cacheName))) return null;
  const cache = await caches.open(cacheName);
  const keys = (await cache.keys()).filter((request) => /\\/snapshot-[^/]*\\.bin$/.test(request.url));
  if (!keys.length) return null;
  const bytes = new Uint8Array(await (await cache.match(keys[0])).arrayBuffer());
  return { url: keys[0].url, count: keys.length, size: bytes.length, words: Array.from(new Uint32Array(bytes.buffer, 0, 3)) };
}"""

CONTAINS = """async ([cacheName, needle]) => {
  const cache = await caches.open(cacheName);
  const key = (await cache.keys()).find((request) => /\\/snapshot-[^/]*\\.bin$/.test(request.url));
  const bytes = new Uint8Array(await (await cache.match(key)).arrayBuffer());
  const wanted = new TextEncoder().encode(needle);
  outer: for (let i = 0; i + wanted.length <= bytes.length; i++) {
    for (let j = 0; j < wanted.length; j++) if (bytes[i + j] !== wanted[j]) continue outer;
    return true;
  }
  return false;
}"""

# Damage the kept snapshot: "garbage" replaces it with bytes that are no snapshot at all;
# "foreign" keeps its packing but changes the Pyodide build id it names (Pyodide refuses it).
DAMAGE = """async ([cacheName, how]) => {
  const cache = await caches.open(cacheName);
  const key = (await cache.keys()).find((request) => /\\/snapshot-[^/]*\\.bin$/.test(request.url));
  let bytes = new Uint8Array(await (await cache.match(key)).arrayBuffer());
  if (how === "garbage") bytes = new Uint8Array(4096).fill(7);
  else {
    const count = new Uint32Array(bytes.buffer, 0, 3)[2];
    bytes[12 + 4 * count + 16] ^= 0xff; // page 0 comes first: Pyodide's header, then its build id
  }
  await cache.put(key, new Response(bytes));
}"""


def boot_report(page) -> dict:
    """The worker's boot report on this page (the `calc:ready` mark), once it is ready."""
    deadline = time.monotonic() + READY_TIMEOUT / 1000
    while time.monotonic() < deadline:
        detail = page.evaluate("(performance.getEntriesByName('calc:ready')[0] || {}).detail || null")
        if detail:
            return detail
        page.wait_for_timeout(100)
    raise AssertionError("the runtime never became ready")


def kept_snapshot(page) -> dict | None:
    """The kept snapshot, waiting a little for the worker to finish storing it."""
    for _ in range(100):
        found = page.evaluate(SNAPSHOT, RUNTIME_CACHE)
        if found:
            return found
        page.wait_for_timeout(100)
    return None


def wait_for_snapshot_hint(page, url: str) -> None:
    """Wait until the page has noted that the worker kept the snapshot at ``url``."""
    page.wait_for_function("(url) => localStorage.getItem('calc-snapshot') === url", arg=url, timeout=10_000)


def true_cost_answers(page, base_url: str) -> None:
    page.goto(f"{base_url}en/guide/1-repayment-mechanism/")
    page.fill("#calc-true-cost-amount", "10000")
    page.fill("#calc-true-cost-fee", "8.8")
    page.fill("#calc-true-cost-periods", "12")
    page.wait_for_function(
        "() => document.getElementById('calc-true-cost-result').textContent.includes('15.86%')",
        timeout=READY_TIMEOUT,
    )


def test_the_next_calculator_page_restores_the_snapshot_and_answers(context, base_url: str) -> None:
    page = context.new_page()
    seen = watch(page)
    page.goto(f"{base_url}en/guide/2-repayment-capacity/")
    assert boot_report(page)["snapshot"] == "made"
    kept = kept_snapshot(page)
    assert kept is not None and kept["count"] == 1
    assert kept["url"].startswith(f"{base_url}py/")  # beside the wheel it was made with
    packed_magic, length, pages = kept["words"]
    assert packed_magic == 0x50414E53 and kept["size"] < length  # zero pages left out
    assert pages * 65536 < length

    true_cost_answers(page, base_url)
    report = boot_report(page)
    assert report["snapshot"] == "restored"
    assert seen.errors == []
    assert seen.foreign(base_url) == []


def test_a_return_visit_asks_the_server_for_no_part_of_the_runtime(browser, site: Path) -> None:
    """Once the offline copy holds the runtime, the next calculator page starts its worker, its
    snapshot module, Pyodide and the wheel from it, without a request to the server (the worker's
    ?v= is a hash of its code, so it is kept like the runtime)."""
    asked: list[str] = []
    with serve(site, PREFIX, asked=asked) as url:
        context = browser.new_context()
        try:
            page = context.new_page()
            seen = watch(page)
            page.goto(f"{url}en/guide/2-repayment-capacity/")
            page.focus("#calc-plan-debts-0-amount")
            assert boot_report(page)["snapshot"] == "made"
            page.wait_for_selector('html[data-offline="all"]', state="attached", timeout=READY_TIMEOUT)
            wait_for_snapshot_hint(page, kept_snapshot(page)["url"])
            page.close()
            asked.clear()
            page = context.new_page()
            seen = watch(page)
            true_cost_answers(page, url)
            assert boot_report(page)["snapshot"] == "restored"
            runtime = [
                path
                for path in asked
                if re.search(r"/(pyodide|py)/|/assets/calc/(worker|snapshot)\.js", path)
            ]
            assert runtime == [], runtime
            assert seen.errors == []
        finally:
            context.close()


def test_what_the_reader_types_is_never_in_the_snapshot(context, base_url: str) -> None:
    page = context.new_page()
    page.goto(f"{base_url}en/guide/5-communicate/")
    page.fill("#calc-message-reason_detail", MARKER)
    page.fill("#calc-message-amount_owed", "12000")
    page.fill("#calc-message-monthly_offer", "800")
    page.fill("#calc-message-months", "15")
    page.click("#calc-message button[type=submit]")
    page.wait_for_function(
        "(marker) => document.getElementById('calc-message-result').textContent.includes(marker)",
        arg=MARKER,
        timeout=READY_TIMEOUT,
    )
    assert boot_report(page)["snapshot"] == "made"
    assert kept_snapshot(page) is not None
    # The search can find what the heap held before the first calculation ...
    assert page.evaluate(CONTAINS, [RUNTIME_CACHE, "calculators.tools.message"])
    # ... and not what the reader typed, on this page or on the next (which restores, never makes).
    assert not page.evaluate(CONTAINS, [RUNTIME_CACHE, MARKER])
    page.reload()
    assert boot_report(page)["snapshot"] == "restored"
    page.fill("#calc-message-reason_detail", MARKER + "2")
    page.wait_for_function(
        "(marker) => document.getElementById('calc-message-result').textContent.includes(marker)",
        arg=MARKER + "2",
        timeout=READY_TIMEOUT,
    )
    assert not page.evaluate(CONTAINS, [RUNTIME_CACHE, MARKER])


@pytest.mark.parametrize("how", ["garbage", "foreign"])
def test_a_damaged_snapshot_is_replaced_and_the_calculator_still_answers(
    context, base_url: str, how: str
) -> None:
    page = context.new_page()
    seen = watch(page)
    page.goto(f"{base_url}en/guide/2-repayment-capacity/")
    assert boot_report(page)["snapshot"] == "made"
    assert kept_snapshot(page) is not None
    page.evaluate(DAMAGE, [RUNTIME_CACHE, how])

    true_cost_answers(page, base_url)
    assert boot_report(page)["snapshot"] == "made"  # refused, deleted, made again
    assert page.locator("#calc-true-cost .calc-status").get_attribute("data-state") == "ready"
    true_cost_answers(page, base_url)
    assert boot_report(page)["snapshot"] == "restored"
    assert seen.errors == []


def test_the_about_page_button_deletes_the_snapshot(context, base_url: str) -> None:
    page = context.new_page()
    page.goto(f"{base_url}en/guide/1-repayment-mechanism/")
    assert boot_report(page)["snapshot"] == "made"
    assert kept_snapshot(page) is not None
    page.goto(f"{base_url}en/about/")
    page.click("#offline-clear")
    page.wait_for_selector('html[data-offline="cleared"]', state="attached")
    assert page.evaluate(SNAPSHOT, RUNTIME_CACHE) is None


def test_an_answer_still_comes_when_results_arrive_after_restoring(context, base_url: str) -> None:
    """A restored runtime answers the plan exactly as a fresh one (same figures on the page)."""
    page = context.new_page()
    submit_one_debt_plan(page, base_url)
    page.wait_for_selector("#calc-plan-result table", timeout=READY_TIMEOUT)
    fresh = page.inner_html("#calc-plan-result")
    assert boot_report(page)["snapshot"] == "made"
    page.reload()
    assert boot_report(page)["snapshot"] == "restored"
    page.click("#calc-plan button[type=submit]")  # the inputs were kept for the session
    wait_for_result(page, "plan", fresh)


def test_each_runtime_file_is_downloaded_once(browser, base_url: str) -> None:
    """The worker asks for the runtime's files at once; Pyodide's own requests take those answers
    (no second download of the 9.6 MB wasm or of anything else). Pyodide's 120 KB lock file is
    not asked for: the worker passes only its header, and puts the wheel on sys.path itself."""
    context = browser.new_context(service_workers="block")
    try:
        page = context.new_page()
        requests: list[str] = []
        context.on("request", lambda request: requests.append(request.url.split("?")[0]))
        true_cost_answers(page, base_url)
        runtime = [url for url in requests if "/pyodide/" in url or "/py/" in url]
        names = sorted(url.rsplit("/", 1)[-1] for url in runtime)
        assert {"pyodide.asm.wasm", "pyodide.mjs", "pyodide.asm.mjs"} <= set(names)
        assert "pyodide-lock.json" not in names
        assert any(name.endswith(".whl") for name in names) and any(
            name.startswith("stdlib-") for name in names
        )
        assert len(names) == len(set(names)), names
    finally:
        context.close()


def test_a_page_left_without_calculating_still_keeps_its_snapshot(context, base_url: str) -> None:
    """A reader who opens a calculator page and moves on before typing: the next page restores."""
    page = context.new_page()
    page.goto(f"{base_url}en/guide/2-repayment-capacity/")
    assert boot_report(page)["snapshot"] == "made"
    page.wait_for_timeout(2000)  # a short look at the page, no calculation
    true_cost_answers(page, base_url)
    assert boot_report(page)["snapshot"] == "restored"


def test_the_page_remembers_which_snapshot_was_kept_and_without_it_looks_for_none(
    context, base_url: str
) -> None:
    """The hint spares a first visit the Cache Storage lookup: no hint, no lookup (a new boot)."""
    page = context.new_page()
    page.goto(f"{base_url}en/guide/2-repayment-capacity/")
    assert boot_report(page)["snapshot"] == "made"
    kept = kept_snapshot(page)
    assert kept is not None
    wait_for_snapshot_hint(page, kept["url"])
    page.evaluate("localStorage.removeItem('calc-snapshot')")
    true_cost_answers(page, base_url)
    assert boot_report(page)["snapshot"] == "made"  # kept, but not looked for
    wait_for_snapshot_hint(page, kept["url"])
    true_cost_answers(page, base_url)
    assert boot_report(page)["snapshot"] == "restored"  # the hint is back
