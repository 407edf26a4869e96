"""The benchmark: how fast the calculators are for a reader, measured side by side in one run.

Run it with ``./dev bench`` (options: ``--repeat N``, default 3; ``--no-firefox``). It builds the
site and serves it, with the benchmark's own pages, from one server on 127.0.0.1 under a sub-path,
as GitHub Pages serves it: gzipped (every file compressed once, before the first measurement, and
kept), ``Cache-Control: max-age=600``, HTTP/1.1 connections kept open. Every measurement runs in a
fresh browser with an empty profile (Debian's chromium through Playwright; Debian's firefox-esr
through puppeteer-core over WebDriver BiDi, ``bench/firefox.mjs``), closed before the next starts.

One run is every measurement below once, in a fixed order; ``--repeat N`` makes N runs one after
the other (interleaved: the machine's load falls on all the measurements alike). Each figure is
printed as the median of its N values with their spread (min-max); each ratio is taken within a
run (b/a of the same run), then its median and spread over the N runs.

The clock: every time is ``performance.now()`` in the page, from the start of its navigation, and
the end event is noted by the page itself (a MutationObserver on the result, or the bench page's
message handler), so the driver's polling and round trips are never in a figure.

(a) the control, the floor: ``bench-control/``, a bare page that starts a module worker which
    boots Pyodide as its npm package ships (a copy of ``node_modules/pyodide``) the default way,
    ``loadPyodide({indexURL})`` and nothing else: its own lock file, its own source standard
    library, Pyodide's own wasm loading. From navigation to the page receiving the worker's
    message sent once ``runPython("'ready'")`` returned.
(b) the calculator page, empty cache: the English true-cost page; the form is filled (10,000, a
    fee of 8.8%, 12 periods) as soon as the page is parsed (DOMContentLoaded), as by a reader who
    types while the runtime boots; the page calculates what its form holds once the runtime is
    ready. From navigation to the result box first holding the right answer (15.86%). It includes
    the page's own load (theme, styles, scripts), the runtime's download and boot, the page's
    calculators imported, the first calculation and the result put into the page.
(b1) the same, typed once the runtime is ready: the driver waits for the form's status to say
    ready, then fills the form and submits it. The difference from (b) is the driver's own
    round trips (three fills and a click), not the site: (b) is the figure the targets use.
(b0) the same runtime (the guide's worker and settings) and the same answer on a bare page,
    with no guide page around it: (b) minus (b0) is what the page itself adds.
(c) the same as (b) on a second visit in the same browser, HTTP cache warm, service worker blocked.
(g) a return visit: a first visit to the plan page (a field focused: the runtime boots), left
    only once its one-off work is done (the offline copy made, the snapshot kept, then one more
    second), then the true-cost page as in (b), the service worker active. Nothing of the first
    visit's background work (offline copy, search index, snapshot) runs during (g).
(h) the same with the network off.
(a4g), (b4g), (g4g) (a), (b) and (g) on an emulated 4G network: 9 Mbit/s down, 170 ms round trips, served
    by the bench's server (every connection pays a round trip to open and one per request; all
    responses share the 9 Mbit/s), because Chromium's per-page network emulation does not reach
    the module worker that downloads the runtime (measured: the runtime then arrived at full speed).
(d) median and 95th percentile of 50 recalculations (true cost, and a 3-debt, 60-month plan),
    from submit to the result on the page, once the page's one-off work after its first answer
    (the offline copy, the search index, the snapshot) is done;
(e) main-thread long tasks over 50 ms in (b) (count and longest): the runtime starts while the
    page loads, so they are counted apart: after the page's load event (the boot's own), and
    during the page's load (the theme's start-up), next to the same count on a text-only page,
    which has no runtime at all;
(f) bytes transferred for a text-only page and for the calculator page on a first visit (the
    page itself, with the service worker blocked), and apart from them what the service worker
    copies in the background for offline use. Counted by the server (headers and body as sent).
Firefox: (a), (b) and (g) as above, and the wasm step of (b) and (g) (from the worker's start to
    the wasm instantiated), in the same runs.

Times vary with the machine's load (printed before and after): compare ratios measured in the
same run, and figures from a quiet machine.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import html
import json
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

from tests import site_server  # noqa: E402
from tests.conftest import CHROMIUM, CHROMIUM_ARGS, PREFIX  # noqa: E402
from tests.site_server import PrefixHandler, QuietServer  # noqa: E402

TIMEOUT = 180_000
FIREFOX = os.environ.get("FIREFOX", "/usr/bin/firefox-esr")
LONG_TASKS = """
window.__longTasks = [];
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) window.__longTasks.push([entry.startTime, entry.duration]);
}).observe({ type: "longtask", buffered: true });
"""
# The end of (b), noted by the page itself: the first time the result holds the right answer.
END = """
new MutationObserver(() => {
  const result = document.getElementById("calc-true-cost-result");
  const html = document.documentElement;
  if (result && !html.dataset.correctAt && result.textContent.includes("15.86%")) {
    html.dataset.correctAt = String(performance.now());
  }
}).observe(document, { childList: true, subtree: true, characterData: true });
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


def precompress(site: Path) -> None:
    """Gzip every file the server sends gzipped, once, before the first measurement, and keep them
    all: the shared server's cache keeps 64, and the offline copy asks for about a hundred files,
    so the wasm was pushed out and the next measurement waited ~0.35 s for it to be compressed
    again (on whichever measurement came next, control or site)."""
    site_server._gzipped = functools.lru_cache(maxsize=None)(site_server._gzipped.__wrapped__)
    for path in site.rglob("*"):
        if path.is_file() and path.name.endswith(site_server.COMPRESSED):
            stat = path.stat()
            site_server._gzipped(str(path), stat.st_mtime_ns, stat.st_size)


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


def control_boot(context: BrowserContext, base: str, page_name: str = "control") -> float:
    """(a) Until the control page has Python's answer; with ``page_name="bare"``, (b0): until the
    calculators' own runtime has answered on a bare page. The page notes the time itself."""
    page = context.new_page()
    page.goto(f"{base}bench-{page_name}/")
    page.wait_for_selector("html[data-ready-at]", state="attached", timeout=TIMEOUT)
    status = page.text_content("#status")
    if status != "ready":
        raise RuntimeError(f"bench-{page_name}/: {status}")
    return float(page.get_attribute("html", "data-ready-at") or "nan")


@dataclass
class Visit:
    """One visit of the calculator page: when things happened, in ms since navigation."""

    result: float  # the first correct result is on the page
    worker_start: float  # the page started the worker (runtime.js, while the page loads)
    ready: float  # Python and the calculators are loaded
    loaded: float  # the page's load event ended
    stages: dict[str, float]  # the worker's own clock, from its creation
    page_tasks: list[float] = field(default_factory=list)  # long tasks during the page's load
    boot_tasks: list[float] = field(default_factory=list)  # long tasks while Pyodide booted
    page: Page | None = None

    @property
    def wasm_step(self) -> float:
        """From the boot's start in the worker to the wasm instantiated (download and compile)."""
        return self.stages.get("wasm_ready", math.nan) - self.stages.get("boot", math.nan)


FIELDS = {"#calc-true-cost-amount": "10000", "#calc-true-cost-fee": "8.8", "#calc-true-cost-periods": "12"}


def first_result(context: BrowserContext, base: str, typed: str = "parsed") -> Visit:
    """Navigate to the true-cost page, fill the form once it is parsed (``typed="parsed"``) or
    once its runtime is ready (``"ready"``, then submitted), until the right answer is shown."""
    page = context.new_page()
    page.add_init_script(LONG_TASKS + END)
    page.goto(f"{base}en/guide/1-repayment-mechanism/", wait_until="domcontentloaded")
    if typed == "ready":
        page.wait_for_selector(
            '#calc-true-cost .calc-status[data-state="ready"]', state="attached", timeout=TIMEOUT
        )
    for selector, value in FIELDS.items():
        page.fill(selector, value)
    if typed == "ready":
        page.click("#calc-true-cost button[type=submit]")
    page.wait_for_selector("html[data-correct-at]", state="attached", timeout=TIMEOUT)
    result = float(page.get_attribute("html", "data-correct-at") or "nan")
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
    """(g), (h): a first visit to the plan page, left once its one-off work is done (the offline
    copy with the runtime, the snapshot kept, one more second), then the true-cost page."""
    page = context.new_page()
    page.goto(f"{base}en/guide/2-repayment-capacity/")
    page.focus("#calc-plan-debts-0-amount")
    wait_for_offline_copy(page, "all")
    page.wait_for_function("() => localStorage.getItem('calc-snapshot')", polling=100, timeout=TIMEOUT)
    page.wait_for_timeout(1000)
    page.close()
    if offline:
        context.set_offline(True)
    return first_result(context, base)


def first_visit_bytes(context: BrowserContext, base: str, traffic: Traffic, calculator: bool) -> int:
    """Bytes the server sent for one first visit, until the page is idle (and the calculator ready)."""
    since = traffic.mark()
    if calculator:
        first_result(context, base).page.wait_for_load_state("networkidle")  # type: ignore[union-attr]
    else:
        page = context.new_page()
        page.goto(f"{base}en/guide/introduction/")
        page.wait_for_load_state("networkidle")
    return since


def firefox(measure: str, base: str, prefs: dict[str, object] | None = None) -> Visit:
    """One Firefox measurement (bench/firefox.mjs), in a fresh browser and profile."""
    options = {"measure": measure, "base": base, "prefs": prefs or {}, "end": END}
    done = subprocess.run(
        ["node", str(ROOT / "bench" / "firefox.mjs"), json.dumps(options)],
        cwd=ROOT,
        env={**os.environ, "FIREFOX": FIREFOX},
        capture_output=True,
        text=True,
        timeout=TIMEOUT / 1000 * 2,
    )
    if done.returncode:
        raise RuntimeError(f"bench/firefox.mjs {measure}: {done.stderr[-2000:]}")
    found = json.loads(done.stdout.strip().splitlines()[-1])
    return Visit(
        result=found["result"],
        worker_start=found.get("workerStart", math.nan),
        ready=found.get("ready", math.nan),
        loaded=found.get("loaded", math.nan),
        stages=found.get("stages", {}),
    )


@dataclass
class Runs:
    """Every measurement's value in each run (one list per name, in run order), and the visits
    behind the breakdowns."""

    values: dict[str, list[float]] = field(default_factory=dict)
    visits: dict[str, list[Visit]] = field(default_factory=dict)

    def add(self, name: str, value: float | Visit) -> None:
        if isinstance(value, Visit):
            self.visits.setdefault(name, []).append(value)
            value = value.result
        self.values.setdefault(name, []).append(value)


def measure(
    base: str, slow_base: str, traffic: Traffic, repeat: int, profiles: Path, with_firefox: bool
) -> dict[str, object]:
    runs = Runs()
    text_tasks: list[float] = []
    with sync_playwright() as playwright:

        def with_fresh(run: Callable[[BrowserContext], object], service_workers: str = "allow") -> object:
            context = fresh(playwright, profiles, service_workers)
            try:
                return run(context)
            finally:
                context.close()

        def warm(context: BrowserContext) -> float:
            first_result(context, base).page.close()  # type: ignore[union-attr]
            return first_result(context, base).result

        for _ in range(repeat):  # interleaved, so the machine's load falls on all of them alike
            runs.add("a", with_fresh(lambda context: control_boot(context, base)))  # type: ignore[arg-type]
            runs.add("b", with_fresh(lambda context: first_result(context, base)))  # type: ignore[arg-type]
            runs.add("b1", with_fresh(lambda context: first_result(context, base, "ready")))  # type: ignore[arg-type]
            runs.add("b0", with_fresh(lambda context: control_boot(context, base, "bare")))  # type: ignore[arg-type]
            runs.add("c", with_fresh(warm, service_workers="block"))  # type: ignore[arg-type]
            runs.add("g", with_fresh(lambda c: return_visit(c, base, offline=False)))  # type: ignore[arg-type]
            text_tasks.extend(with_fresh(lambda context: text_page_tasks(context, base)))  # type: ignore[arg-type]
            runs.add("h", with_fresh(lambda c: return_visit(c, base, offline=True).result))  # type: ignore[arg-type]
            if with_firefox:
                runs.add("ff_a", firefox("control", base).result)
                runs.add("ff_b", firefox("first", base))
                runs.add("ff_g", firefox("return", base))
            runs.add("a4g", with_fresh(lambda context: control_boot(context, slow_base)))  # type: ignore[arg-type]
            runs.add("b4g", with_fresh(lambda context: first_result(context, slow_base).result))  # type: ignore[arg-type]
            runs.add("g4g", with_fresh(lambda c: return_visit(c, slow_base, offline=False)))  # type: ignore[arg-type]

        def recalc(context: BrowserContext) -> tuple[tuple[list[float], list[float]], ...]:
            page = first_result(context, base).page
            assert page
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
        "runs": runs,
        "text_tasks": text_tasks,
        "true_cost": true_cost,
        "plan": plan,
        "text_only": text_only,
        "text_with_copy": text_with_copy,
        "calculator_page": calculator_page,
        "calculator_with_copy": calculator_with_copy,
        "repeat": repeat,
    }


def breakdown(visits: list[Visit]) -> list[tuple[str, str, str, str]]:
    """Where a visit's time goes (medians): from one step to the next, on the page's clock (the
    worker's stages are on its own clock, from its creation at ``worker_start``)."""

    def stage(name: str) -> Callable[[Visit], float]:
        return lambda visit: visit.worker_start + visit.stages.get(name, float("nan"))

    milestones: list[tuple[str, Callable[[Visit], float]]] = [
        ("navigation until the worker starts (runtime.js)", lambda visit: visit.worker_start),
        ("worker script and Pyodide's loader loaded", stage("pyodide_module")),
        ("snapshot looked up (and read, if kept)", stage("snapshot_read")),
        ("wasm in: downloaded and compiled meanwhile, instantiated", stage("wasm_ready")),
        ("Python started (or restored)", stage("python_started")),
        ("the wheel in place (on sys.path, not installed)", stage("package_loaded")),
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
            rows.append((f"    {label}", f"{median(steps):,.0f} ms", spread(steps), ""))
            previous = milestone
    loaded = [visit.loaded for visit in visits]
    wasm = [visit.wasm_step for visit in visits]
    snapshots = "/".join(sorted({str(visit.stages.get("snapshot", "?")) for visit in visits}))
    return [
        *rows,
        ("        (the page's own load event ended at)", f"{median(loaded):,.0f} ms", spread(loaded), ""),
        (
            "        (the wasm step: the boot's start to the wasm instantiated)",
            f"{median(wasm):,.0f} ms",
            spread(wasm),
            "",
        ),
        ("    snapshot", snapshots, "", ""),
    ]


def spread(values: list[float], digits: int = 0, unit: str = "") -> str:
    """The spread of the runs' values: min-max (one run: the value itself)."""
    return f"{min(values):,.{digits}f}-{max(values):,.{digits}f}{unit}"


def report(results: dict[str, object], load: tuple[tuple[float, ...], tuple[float, ...]]) -> str:
    runs: Runs = results["runs"]  # type: ignore[assignment]
    values, visits = runs.values, runs.visits
    text_tasks: list[float] = results["text_tasks"]  # type: ignore[assignment]
    (true_cost, true_cost_python), (plan, plan_python) = results["true_cost"], results["plan"]  # type: ignore[misc]
    page_tasks = [task for visit in visits["b"] for task in visit.page_tasks]
    boot_tasks = [task for visit in visits["b"] for task in visit.boot_tasks]
    text_only, text_with_copy = results["text_only"], results["text_with_copy"]
    calculator_page, calculator_with_copy = results["calculator_page"], results["calculator_with_copy"]
    repeat = results["repeat"]

    def time_row(label: str, name: str, target: str = "") -> tuple[str, str, str, str]:
        found = values[name]
        return (label, f"{median(found):,.0f} ms", spread(found, unit=" ms"), target)

    def ratio_row(label: str, top: str, bottom: str, target: str = "") -> tuple[str, str, str, str]:
        ratios = [x / y for x, y in zip(values[top], values[bottom], strict=True)]
        return (label, f"{median(ratios):.2f}", spread(ratios, 2), target)

    def tasks(found: list[float]) -> str:
        return f"{len(found)} (longest {max(found, default=0):.0f} ms)"

    def kb(size: int) -> str:
        return f"{size / 1000:,.0f} KB"

    rows = [
        time_row("(a) control: Pyodide as shipped, loadPyodide({indexURL}), module worker", "a", "the floor"),
        time_row("(b) calculator page, first correct result, empty cache (typed when parsed)", "b"),
        *breakdown(visits["b"]),
        time_row("(b1) the same, typed and submitted once the runtime is ready", "b1"),
        time_row("(b0) the same runtime and answer on a bare page (no guide page)", "b0"),
        time_row("(c) same, second visit, warm HTTP cache, no service worker", "c"),
        time_row("(g) return visit to the other calculator page, service worker", "g"),
        *breakdown(visits["g"]),
        time_row("(h) the same, network off", "h", "works, = (g)"),
        ratio_row("    b/a", "b", "a", "<= 0.5"),
        ratio_row("    b1/a (typed once ready: adds the driver's round trips)", "b1", "a"),
        ratio_row("    b0/a (what the runtime alone takes; b - b0: the page's own cost)", "b0", "a"),
        ratio_row("    c/a", "c", "a", "(lower is better)"),
        ratio_row("    g/a", "g", "a", "<= 0.3"),
        ratio_row("    h/a", "h", "a", "= g/a within noise"),
    ]
    if "ff_a" in values:
        rows += [
            time_row("Firefox (a) control, as above", "ff_a"),
            time_row("Firefox (b) calculator page, first correct result, empty cache", "ff_b"),
            *breakdown(visits["ff_b"]),
            time_row("Firefox (g) return visit, service worker", "ff_g"),
            *breakdown(visits["ff_g"]),
            ratio_row("    Firefox b/a", "ff_b", "ff_a", "<= 0.5"),
            ratio_row("    Firefox g/a", "ff_g", "ff_a", "<= 0.3"),
        ]
    rows += [
        time_row("(a4g) control on emulated 4G (9 Mbit/s, 170 ms RTT)", "a4g"),
        time_row("(b4g) calculator page on emulated 4G, empty cache", "b4g"),
        ratio_row("    b4g/a4g", "b4g", "a4g", "<= 0.7"),
        time_row("(g4g) return visit on emulated 4G, service worker", "g4g"),
        *breakdown(visits["g4g"]),
        ratio_row("    g4g/a4g", "g4g", "a4g", "(lower is better)"),
        (
            "(d) recalculation, true cost: median / p95",
            f"{median(true_cost):.1f} / {p95(true_cost):.1f} ms",
            "50 runs",
            "median <= 15 ms",
        ),
        ("    of which Python in the worker: median", f"{median(true_cost_python):.1f} ms", "", ""),
        (
            "(d) recalculation, 3 debts x 60 months: median / p95",
            f"{median(plan):.1f} / {p95(plan):.1f} ms",
            "50 runs",
            "median <= 15 ms",
        ),
        ("    of which Python in the worker: median", f"{median(plan_python):.1f} ms", "", ""),
        (
            "(e) main-thread long tasks > 50 ms in (b): boot, after the page loaded",
            tasks(boot_tasks),
            "",
            "none",
        ),
        ("    during the page's own load (the boot runs meanwhile)", tasks(page_tasks), "", ""),
        ("    a text-only page's load, no runtime at all", tasks(text_tasks), "", "= the line above"),
        (
            "(f) bytes, text-only page, first visit (all / runtime)",
            f"{kb(text_only[0])} / {text_only[1]:,}",
            "",
            "<= 300 KB / 0",
        ),
        (
            "    then the offline copy in the background (all / runtime)",
            f"{kb(text_with_copy[0] - text_only[0])} / {text_with_copy[1] - text_only[1]:,}",
            "",
            "<= 700 KB / 0",
        ),
        (
            "(f) bytes, calculator page, first visit (all / runtime)",
            f"{kb(calculator_page[0])} / {kb(calculator_page[1])}",
            "",
            "<= 5,600 KB",
        ),
        (
            "    then the offline copy in the background (all / runtime)",
            f"{kb(calculator_with_copy[0] - calculator_page[0])} / "
            f"{kb(calculator_with_copy[1] - calculator_page[1])}",
            "",
            "",
        ),
    ]
    width = max(len(label) for label, _, _, _ in rows)
    value_width = max(len(value) for _, value, _, _ in rows)
    spread_width = max(len("min-max"), *(len(found) for _, _, found, _ in rows))
    before, after = (", ".join(f"{x:.2f}" for x in each) for each in load)
    lines = [
        f"Benchmark: {repeat} runs, each measurement in a fresh browser; value = median of the runs,"
        f" min-max = their spread; ratios taken within each run. (e) counts the {repeat} visits of (b).",
        f"Load average (1, 5, 15 min) before: {before}; after: {after}.",
        "",
        f"{'measure':<{width}}  {'value':>{value_width}}  {'min-max':>{spread_width}}  target",
        "-" * (width + value_width + spread_width + 24),
    ]
    lines += [
        f"{label:<{width}}  {value:>{value_width}}  {found:>{spread_width}}  {target}"
        for label, value, found, target in rows
    ]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--repeat", type=int, default=3, help="runs of every measurement (a)-(h), Firefox, 4G"
    )
    parser.add_argument("--no-firefox", action="store_true", help="leave out the Firefox measurements")
    args = parser.parse_args()
    with_firefox = not args.no_firefox and Path(FIREFOX).exists()
    if not args.no_firefox and not with_firefox:
        print(
            f"{FIREFOX} is missing (apt-get install firefox-esr): no Firefox figures this time",
            file=sys.stderr,
        )
    with tempfile.TemporaryDirectory() as work:
        site = build(Path(work) / "site")
        precompress(site)
        profiles = Path(work) / "profiles"
        profiles.mkdir()
        traffic = Traffic()
        load_before = os.getloadavg()
        with serve(site, Link(), traffic) as base, serve(site, Link(**FOUR_G), Traffic()) as slow_base:
            results = measure(base, slow_base, traffic, args.repeat, profiles, with_firefox)
        load_after = os.getloadavg()
    print(report(results, (load_before, load_after)))


if __name__ == "__main__":
    main()
