"""The benchmark: how fast the calculators are for a reader, measured side by side in one run.

Run it with ``./dev bench`` (options: ``--repeat N``, default 3). It builds the site, serves it
on 127.0.0.1 under a sub-path (gzipped, ``Cache-Control: max-age=600``, like GitHub Pages) and
drives Debian's chromium with a fresh profile per measurement:

(a) a control page that only boots the same Pyodide, the same way (the floor);
(b) the true-cost page, from navigation to the first correct result after filling the form,
    empty cache;
(b0) the same runtime (the guide's own worker and settings) and the same answer on a bare page,
    with no guide page around it: (b) minus (b0) is what the page itself adds (its own requests
    and the theme's start-up, sharing the machine with the boot);
(c) the same on a second visit with the HTTP cache warm;
(d) median and 95th percentile of 50 recalculations (true cost, and a 3-debt, 60-month plan),
    from submit to the result on the page, once the page's one-off work after its first answer
    (the offline copy, the search index, the snapshot) is done;
(e) main-thread long tasks over 50 ms while the runtime boots (count and longest): the runtime
    starts while the page loads, so they are counted apart: after the page's load event (the
    boot's own), and during the page's load (the theme's start-up), next to the same count on a
    text-only page, which has no runtime at all;
(f) bytes transferred for a text-only page and for the calculator page on a first visit (the
    page itself, with the service worker blocked), and apart from them what the service worker
    copies in the background for offline use;
(g) a return visit: after a first visit to the plan page (service worker installed, offline copy
    made), the true-cost page from navigation to the first correct result;
(h) the same with the network off;
(a4g), (b4g) (a) and (b) on an emulated 4G network: 9 Mbit/s down, 1.5 Mbit/s up, 170 ms round
    trips, gzipped like GitHub Pages. The emulation is done by the bench's server (every
    connection pays a round trip to open and one per request; all responses share the 9 Mbit/s),
    because Chromium's per-page network emulation does not reach the module worker that downloads
    the runtime (measured: the runtime then arrives at full speed).

Bytes are counted by the server (headers and body as sent), so the browser's own caches count
as they do for a reader. It prints a table with the ratios. Times vary with the machine's load:
compare the ratios, which are measured in the same run, rather than raw figures across runs.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import html
import math
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from playwright.sync_api import BrowserContext, Page, Playwright, sync_playwright

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.conftest import CHROMIUM, CHROMIUM_ARGS, PREFIX  # noqa: E402
from tests.site_server import PrefixHandler, QuietServer  # noqa: E402

TIMEOUT = 180_000
LONG_TASKS = """
window.__longTasks = [];
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) window.__longTasks.push([entry.startTime, entry.duration]);
}).observe({ type: "longtask", buffered: true });
"""
MARKS = "performance.getEntriesByType('mark').map((m) => [m.name, m.startTime, m.detail])"
LOADED = """new Promise((done) => {
  const end = () => performance.getEntriesByType("navigation")[0].loadEventEnd;
  if (end()) done(end());
  else addEventListener("load", () => setTimeout(() => done(end()), 0), { once: true });
})"""
RECALCULATE = """
async ([formSelector, inputName, base, count]) => {
  const form = document.querySelector(formSelector);
  const result = form.closest(".calc").querySelector(".calc-result");
  const input = form.elements[inputName];
  const times = [];
  const python = [];
  for (let i = 0; i < count; i++) {
    const changed = new Promise((resolve) => {
      const observer = new MutationObserver(() => { observer.disconnect(); resolve(); });
      observer.observe(result, { childList: true, subtree: true, characterData: true });
    });
    input.value = String(base + i);
    const start = performance.now();
    form.requestSubmit();
    await changed;
    times.push(performance.now() - start);
    python.push(Number(form.dataset.pythonMs));
  }
  return [times, python];
}
"""


@dataclass
class Link:
    """A network between the browser and the server: round trip and shared download rate.

    ``rtt`` is paid once to open each connection and once per request; every response body
    shares ``rate`` bytes per second with the others being sent at the same time.
    """

    rtt: float = 0.0
    rate: float = 0.0  # bytes per second; 0 = as fast as the machine goes
    lock: threading.Lock = field(default_factory=threading.Lock)
    busy_until: float = 0.0

    def send(self, size: int) -> None:
        if not self.rate:
            return
        with self.lock:
            start = max(time.monotonic(), self.busy_until)
            self.busy_until = start + size / self.rate
            done = self.busy_until
        time.sleep(max(0.0, done - time.monotonic()))


FOUR_G = {"rtt": 0.170, "rate": 9_000_000 / 8}  # 9 Mbit/s down; requests are tiny against 1.5 up


@dataclass
class Traffic:
    """Bytes the server sent (status line, headers and body), per request path."""

    sent: list[tuple[str, int]] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def add(self, path: str, size: int) -> None:
        with self.lock:
            self.sent.append((path, size))

    def mark(self) -> int:
        return len(self.sent)

    def total(self, since: int = 0) -> int:
        return sum(size for _, size in self.sent[since:])

    def runtime(self, since: int = 0) -> int:
        return sum(size for path, size in self.sent[since:] if "/pyodide/" in path or "/py/" in path)


class _Meter:
    """The handler's output: counts what is written and paces it on the link."""

    def __init__(self, raw: object, link: Link) -> None:
        self.raw, self.link, self.count = raw, link, 0

    def write(self, data: bytes) -> int:
        self.link.send(len(data))
        self.count += len(data)
        return self.raw.write(data)  # type: ignore[attr-defined]

    def flush(self) -> None:
        self.raw.flush()  # type: ignore[attr-defined]

    def __getattr__(self, name: str) -> object:  # closed, close(): as the socket writer's
        return getattr(self.raw, name)


class BenchHandler(PrefixHandler):
    # Connections stay open between requests, as with GitHub Pages (HTTP/2 there): with HTTP/1.0
    # every request would pay a second round trip on the emulated 4G, to open its connection.
    protocol_version = "HTTP/1.1"
    link = Link()
    traffic = Traffic()

    def setup(self) -> None:
        super().setup()
        time.sleep(self.link.rtt)  # opening the connection
        self.wfile = _Meter(self.wfile, self.link)  # type: ignore[assignment]

    def handle_one_request(self) -> None:
        self.wfile.count = 0  # type: ignore[attr-defined]
        super().handle_one_request()
        if self.wfile.count:  # type: ignore[attr-defined]
            self.traffic.add(getattr(self, "path", ""), self.wfile.count)  # type: ignore[attr-defined]

    def send_head(self):  # type: ignore[no-untyped-def]
        time.sleep(self.link.rtt)  # the request's round trip before the first byte
        return super().send_head()


@contextlib.contextmanager
def serve(site: Path, link: Link, traffic: Traffic) -> Iterator[str]:
    """Serve the site under ``PREFIX`` over ``link``, counting bytes into ``traffic``."""
    handler = type("Handler", (BenchHandler,), {"prefix": PREFIX, "link": link, "traffic": traffic})
    server = QuietServer(("127.0.0.1", 0), functools.partial(handler, directory=str(site)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}{PREFIX}"
    finally:
        server.shutdown()
        server.server_close()


PAGES = {  # the bench's own pages (bench/page.html with bench/<name>/<name>.js), by name: title
    "control": "Benchmark control: boot Pyodide only",
    "bare": "Benchmark: the calculators' runtime on a bare page",
}


def build(out: Path) -> Path:
    env = {**os.environ, "SITE_URL": f"http://127.0.0.1{PREFIX}", "NO_MKDOCS_2_WARNING": "1"}
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", str(out)],
        cwd=ROOT,
        env=env,
        check=True,
    )
    page = (out / "guide" / "1-repayment-mechanism" / "index.html").read_text(encoding="utf-8")
    runtime = html.unescape(re.search(r'<meta name="calc-runtime" content="([^"]+)"', page).group(1))
    template = (ROOT / "bench" / "page.html").read_text(encoding="utf-8")
    for name, title in PAGES.items():
        copy = out / f"bench-{name}"
        shutil.copytree(ROOT / "bench" / name, copy)
        page = template.replace("__TITLE__", title).replace("__SCRIPT__", f"{name}.js")
        (copy / "index.html").write_text(page.replace("__RUNTIME__", html.escape(runtime)), encoding="utf-8")
    # The control's Pyodide: the npm package as it ships (its own lock file and source stdlib).
    shutil.copytree(ROOT / "node_modules" / "pyodide", out / "bench-control" / "pyodide")
    return out


def fresh(playwright: Playwright, profiles: Path, service_workers: str = "allow") -> BrowserContext:
    """A new browser with an empty profile (empty HTTP cache, code cache and service workers)."""
    profile = Path(tempfile.mkdtemp(dir=profiles))
    return playwright.chromium.launch_persistent_context(
        str(profile),
        executable_path=CHROMIUM,
        args=CHROMIUM_ARGS,
        viewport={"width": 390, "height": 844},
        service_workers=service_workers,
    )


def wait_for_offline_copy(page: Page, state: str) -> None:
    """The service worker has copied the pages ("pages") and the runtime too ("all")."""
    page.wait_for_selector(f'html[data-offline="{state}"]', state="attached", timeout=TIMEOUT)


def now(page: Page) -> float:
    return page.evaluate("performance.now()")


def control_boot(context: BrowserContext, base: str, page_name: str = "control") -> float:
    """(a) Until Pyodide runs on the control page; with ``page_name="bare"``, (b0): until the
    calculators' own runtime has answered on a bare page."""
    page = context.new_page()
    page.goto(f"{base}bench-{page_name}/")
    page.wait_for_function(
        "() => document.getElementById('status').textContent === 'ready'", polling="raf", timeout=TIMEOUT
    )
    return now(page)


@dataclass
class Visit:
    """One visit of the calculator page: when things happened, in ms since navigation."""

    result: float  # the first correct result is on the page
    worker_start: float  # the page started the worker (start.js, while the page loads)
    ready: float  # Python and the calculators are loaded
    loaded: float  # the page's load event ended
    stages: dict[str, float]  # the worker's own clock, from its creation
    page_tasks: list[float]  # main-thread long tasks before the worker started (page load)
    boot_tasks: list[float]  # main-thread long tasks while Pyodide booted
    page: Page


def first_result(context: BrowserContext, base: str) -> Visit:
    """Navigate to the true-cost page, fill the form at once, wait for the right answer."""
    page = context.new_page()
    page.add_init_script(LONG_TASKS)
    page.goto(f"{base}en/guide/1-repayment-mechanism/", wait_until="domcontentloaded")
    page.fill("#calc-true-cost-amount", "10000")
    page.fill("#calc-true-cost-fee", "8.8")
    page.fill("#calc-true-cost-periods", "12")
    page.wait_for_function(
        "() => document.getElementById('calc-true-cost-result').textContent.includes('15.86%')",
        polling="raf",
        timeout=TIMEOUT,
    )
    result = now(page)
    marks = {name: (start, detail) for name, start, detail in page.evaluate(MARKS)}
    worker_start, ready = marks["calc:worker-start"][0], marks["calc:ready"][0]
    loaded = page.evaluate(LOADED)
    tasks = page.evaluate("window.__longTasks")
    return Visit(
        result=result,
        worker_start=worker_start,
        ready=ready,
        loaded=loaded,
        stages=marks["calc:ready"][1] or {},
        page_tasks=[duration for start, duration in tasks if start < loaded and duration > 50],
        boot_tasks=[
            duration
            for start, duration in tasks
            if max(worker_start, loaded) <= start < ready and duration > 50
        ],
        page=page,
    )


def text_page_tasks(context: BrowserContext, base: str) -> list[float]:
    """Main-thread long tasks while a text-only page loads (no runtime): the theme's own."""
    page = context.new_page()
    page.add_init_script(LONG_TASKS)
    page.goto(f"{base}en/guide/introduction/", wait_until="load")
    page.wait_for_timeout(500)
    return [duration for _, duration in page.evaluate("window.__longTasks") if duration > 50]


def recalculations(
    page: Page, selector: str, field_name: str, base: int, count: int = 50
) -> tuple[list[float], list[float]]:
    """Submit ``count`` times; return the times to the result on the page, and Python's share."""
    return page.evaluate(RECALCULATE, [selector, field_name, base, count])


def fill_plan(page: Page, base: str) -> None:
    page.goto(f"{base}en/guide/2-repayment-capacity/")
    add = page.locator("#calc-plan .calc-add-row")
    add.click()
    add.click()
    debts = [
        ("Huabei", "12000", "annual", "18"),
        ("Jiebei", "30000", "daily", "0.05"),
        ("Card", "8000", "monthly", "1.5"),
    ]
    for index, (name, amount, kind, rate) in enumerate(debts):
        page.fill(f"#calc-plan-debts-{index}-name", name)
        page.fill(f"#calc-plan-debts-{index}-amount", amount)
        page.select_option(f"#calc-plan-debts-{index}-rate_kind", kind)
        page.fill(f"#calc-plan-debts-{index}-rate", rate)
    page.fill("#calc-plan-budget", "2000")
    page.select_option("#calc-plan-longer_term", "60")
    page.fill("#calc-plan-current_months", "12")
    page.fill("#calc-plan-pause_months", "3")
    page.select_option("#calc-plan-pause_then_term", "60")
    page.click("#calc-plan button[type=submit]")
    page.wait_for_selector("#calc-plan-result svg", timeout=TIMEOUT)


def settle(page: Page) -> None:
    """Let what a page does once after its first answer pass (the offline copy, the search index,
    the snapshot kept): (d) measures recalculations, not that."""
    wait_for_offline_copy(page, "all")
    page.wait_for_timeout(1500)


def median(values: list[float]) -> float:
    return statistics.median(values)


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def return_visit(context: BrowserContext, base: str, offline: bool) -> Visit:
    """A first visit to the plan page (runtime booted, offline copy made), then the true-cost page."""
    page = context.new_page()
    page.goto(f"{base}en/guide/2-repayment-capacity/")
    page.focus("#calc-plan-debts-0-amount")
    wait_for_offline_copy(page, "all")
    page.close()
    if offline:
        context.set_offline(True)
    return first_result(context, base)


def first_visit_bytes(context: BrowserContext, base: str, traffic: Traffic, calculator: bool) -> int:
    """Bytes the server sent for one first visit, until the page is idle (and the calculator ready)."""
    since = traffic.mark()
    if calculator:
        first_result(context, base).page.wait_for_load_state("networkidle")
    else:
        page = context.new_page()
        page.goto(f"{base}en/guide/introduction/")
        page.wait_for_load_state("networkidle")
    return since


def measure(base: str, slow_base: str, traffic: Traffic, repeat: int, profiles: Path) -> dict[str, object]:
    boots: list[float] = []
    bares: list[float] = []
    colds: list[Visit] = []
    warms: list[float] = []
    returns: list[Visit] = []
    offline_returns: list[float] = []
    text_tasks: list[float] = []
    slow_boots: list[float] = []
    slow_colds: list[float] = []
    with sync_playwright() as playwright:

        def with_fresh(run: Callable[[BrowserContext], object], service_workers: str = "allow") -> object:
            context = fresh(playwright, profiles, service_workers)
            try:
                return run(context)
            finally:
                context.close()

        for _ in range(repeat):  # interleaved, so the machine's load falls on all of them alike
            boots.append(with_fresh(lambda context: control_boot(context, base)))  # type: ignore[arg-type]
            colds.append(with_fresh(lambda context: first_result(context, base)))  # type: ignore[arg-type]
            bares.append(with_fresh(lambda context: control_boot(context, base, "bare")))  # type: ignore[arg-type]

            def warm(context: BrowserContext) -> float:
                first_result(context, base).page.close()
                return first_result(context, base).result

            warms.append(with_fresh(warm, service_workers="block"))  # type: ignore[arg-type]
            returns.append(with_fresh(lambda c: return_visit(c, base, offline=False)))  # type: ignore[arg-type]
            text_tasks.extend(with_fresh(lambda context: text_page_tasks(context, base)))  # type: ignore[arg-type]
            offline_returns.append(with_fresh(lambda c: return_visit(c, base, offline=True).result))  # type: ignore[arg-type]
            slow_boots.append(with_fresh(lambda context: control_boot(context, slow_base)))  # type: ignore[arg-type]
            slow_colds.append(with_fresh(lambda context: first_result(context, slow_base).result))  # type: ignore[arg-type]

        def recalc(context: BrowserContext) -> tuple[tuple[list[float], list[float]], ...]:
            page = first_result(context, base).page
            settle(page)
            true_cost = recalculations(page, "#calc-true-cost form", "amount", 10000)
            fill_plan(page, base)
            settle(page)
            plan = recalculations(page, "#calc-plan form", "budget", 2000)
            return true_cost, plan

        true_cost, plan = with_fresh(recalc)  # type: ignore[misc]

        def page_bytes(calculator: bool) -> tuple[int, int]:
            """(all, runtime) bytes of a first visit, the service worker blocked: the page itself."""
            since = with_fresh(
                lambda c: first_visit_bytes(c, base, traffic, calculator), service_workers="block"
            )
            return traffic.total(since), traffic.runtime(since)  # type: ignore[arg-type]

        def fill_bytes(calculator: bool) -> tuple[int, int]:
            """(all, runtime) bytes of a first visit and the offline copy made after it."""

            def run(context: BrowserContext) -> int:
                since = first_visit_bytes(context, base, traffic, calculator)
                wait_for_offline_copy(context.pages[-1], "all" if calculator else "pages")
                context.pages[-1].wait_for_timeout(1000)  # let the last puts finish
                return since

            since = with_fresh(run)
            return traffic.total(since), traffic.runtime(since)  # type: ignore[arg-type]

        text_only, text_with_copy = page_bytes(False), fill_bytes(False)
        calculator_page, calculator_with_copy = page_bytes(True), fill_bytes(True)
    return {
        "boot": median(boots),
        "bare": median(bares),
        "colds": colds,
        "warm": median(warms),
        "return": median([visit.result for visit in returns]),
        "returns": returns,
        "text_tasks": text_tasks,
        "offline_return": median(offline_returns),
        "slow_boot": median(slow_boots),
        "slow_cold": median(slow_colds),
        "true_cost": true_cost,
        "plan": plan,
        "text_only": text_only,
        "text_with_copy": text_with_copy,
        "calculator_page": calculator_page,
        "calculator_with_copy": calculator_with_copy,
        "repeat": repeat,
    }


def breakdown(visits: list[Visit]) -> list[tuple[str, str, str]]:
    """Where a visit's time goes (medians): from one step to the next, on the page's clock (the
    worker's stages are on its own clock, from its creation at ``worker_start``)."""

    def stage(name: str) -> Callable[[Visit], float]:
        return lambda visit: visit.worker_start + visit.stages.get(name, float("nan"))

    milestones: list[tuple[str, Callable[[Visit], float]]] = [
        ("navigation until the worker starts (start.js)", lambda visit: visit.worker_start),
        ("worker script and Pyodide's loader loaded", stage("pyodide_module")),
        ("snapshot looked up (and read, if kept)", stage("snapshot_read")),
        ("wasm in: downloaded and compiled meanwhile, instantiated", stage("wasm_ready")),
        ("Python started (or restored), the wheel installed", stage("python_started")),
        ("the page's calculators imported (none if restored)", stage("calculators_imported")),
        ("snapshot made (first visit only)", stage("snapshot_made")),
        ("the boot reported ready to the page", lambda visit: visit.ready),
        ("the first result on the page", lambda visit: visit.result),
    ]
    rows = []
    previous: Callable[[Visit], float] = lambda visit: 0.0  # noqa: E731 - navigation
    for label, milestone in milestones:
        steps = [milestone(v) - previous(v) for v in visits if not math.isnan(milestone(v))]
        if steps:
            rows.append((f"    {label}", f"{median(steps):,.0f} ms", ""))
            previous = milestone
    loaded = median([visit.loaded for visit in visits])
    snapshots = "/".join(sorted({str(visit.stages.get("snapshot", "?")) for visit in visits}))
    return [
        *rows,
        ("        (the page's own load event ended at)", f"{loaded:,.0f} ms", ""),
        ("    snapshot", snapshots, ""),
    ]


def report(results: dict[str, object]) -> str:
    boot, bare, warm = results["boot"], results["bare"], results["warm"]
    back, offline_back = results["return"], results["offline_return"]
    slow_boot, slow_cold = results["slow_boot"], results["slow_cold"]
    colds: list[Visit] = results["colds"]  # type: ignore[assignment]
    returns: list[Visit] = results["returns"]  # type: ignore[assignment]
    text_tasks: list[float] = results["text_tasks"]  # type: ignore[assignment]
    cold = median([visit.result for visit in colds])
    (true_cost, true_cost_python), (plan, plan_python) = results["true_cost"], results["plan"]
    page_tasks = [task for visit in colds for task in visit.page_tasks]
    boot_tasks = [task for visit in colds for task in visit.boot_tasks]
    text_only, text_with_copy = results["text_only"], results["text_with_copy"]
    calculator_page, calculator_with_copy = results["calculator_page"], results["calculator_with_copy"]
    repeat = results["repeat"]

    def tasks(found: list[float]) -> str:
        return f"{len(found)} (longest {max(found, default=0):.0f} ms)"

    def kb(size: int) -> str:
        return f"{size / 1000:,.0f} KB"

    rows = [
        ("(a) control: boot Pyodide only (its own source stdlib)", f"{boot:,.0f} ms", "the floor"),
        ("(b) calculator page, first correct result, empty cache", f"{cold:,.0f} ms", ""),
        *breakdown(colds),
        ("(b0) the same runtime and answer on a bare page (no guide page)", f"{bare:,.0f} ms", ""),
        ("(c) same, second visit, warm HTTP cache, no service worker", f"{warm:,.0f} ms", ""),
        ("(g) return visit to the other calculator page, service worker", f"{back:,.0f} ms", ""),
        *breakdown(returns),
        ("(h) the same, network off", f"{offline_back:,.0f} ms", "works, = (g)"),
        ("    b/a", f"{cold / boot:.2f}", "<= 0.5"),
        ("    b0/a (what the runtime alone takes; b - b0: the page's own cost)", f"{bare / boot:.2f}", ""),
        ("    c/a", f"{warm / boot:.2f}", "(lower is better)"),
        ("    g/a", f"{back / boot:.2f}", "<= 0.3"),
        ("    h/a", f"{offline_back / boot:.2f}", "= g/a within noise"),
        ("(a4g) control on emulated 4G (9 Mbit/s, 170 ms RTT)", f"{slow_boot:,.0f} ms", ""),
        ("(b4g) calculator page on emulated 4G, empty cache", f"{slow_cold:,.0f} ms", ""),
        ("    b4g/a4g", f"{slow_cold / slow_boot:.2f}", "<= 0.7"),
        (
            "(d) recalculation, true cost: median / p95",
            f"{median(true_cost):.1f} / {p95(true_cost):.1f} ms",
            "median <= 15 ms",
        ),
        ("    of which Python in the worker: median", f"{median(true_cost_python):.1f} ms", ""),
        (
            "(d) recalculation, 3 debts x 60 months: median / p95",
            f"{median(plan):.1f} / {p95(plan):.1f} ms",
            "median <= 15 ms",
        ),
        ("    of which Python in the worker: median", f"{median(plan_python):.1f} ms", ""),
        (
            f"(e) main-thread long tasks > 50 ms, {repeat} visits: boot, after the page loaded",
            tasks(boot_tasks),
            "none",
        ),
        ("    during the page's own load (the boot runs meanwhile)", tasks(page_tasks), ""),
        ("    a text-only page's load, no runtime at all", tasks(text_tasks), "= the line above"),
        (
            "(f) bytes, text-only page, first visit (all / runtime)",
            f"{kb(text_only[0])} / {text_only[1]:,}",
            "<= 300 KB / 0",
        ),
        (
            "    then the offline copy in the background (all / runtime)",
            f"{kb(text_with_copy[0] - text_only[0])} / {text_with_copy[1] - text_only[1]:,}",
            "<= 700 KB / 0",
        ),
        (
            "(f) bytes, calculator page, first visit (all / runtime)",
            f"{kb(calculator_page[0])} / {kb(calculator_page[1])}",
            "<= 5,600 KB",
        ),
        (
            "    then the offline copy in the background (all / runtime)",
            f"{kb(calculator_with_copy[0] - calculator_page[0])} / "
            f"{kb(calculator_with_copy[1] - calculator_page[1])}",
            "",
        ),
    ]
    width = max(len(label) for label, _, _ in rows)
    value_width = max(len(value) for _, value, _ in rows)
    lines = [f"Benchmark: times are medians of {repeat} fresh-profile runs; (d) is 50 runs after ready.", ""]
    lines += [f"{'measure':<{width}}  {'value':>{value_width}}  target", "-" * (width + value_width + 20)]
    lines += [f"{label:<{width}}  {value:>{value_width}}  {target}" for label, value, target in rows]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--repeat", type=int, default=3, help="fresh-profile runs of (a), (b), (c)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as work:
        site = build(Path(work) / "site")
        profiles = Path(work) / "profiles"
        profiles.mkdir()
        traffic = Traffic()
        with serve(site, Link(), traffic) as base, serve(site, Link(**FOUR_G), Traffic()) as slow_base:
            results = measure(base, slow_base, traffic, args.repeat, profiles)
    print(report(results))


if __name__ == "__main__":
    main()
