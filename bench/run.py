"""The benchmark: how fast the calculators are for a reader, measured side by side in one run.

Run it with ``./dev bench`` (options: ``--repeat N``, default 3). It builds the site, serves it
on 127.0.0.1 under a sub-path (gzipped, ``Cache-Control: max-age=600``, like GitHub Pages) and
drives Debian's chromium with a fresh profile per measurement:

(a) a control page that only boots the same Pyodide, the same way (the floor);
(b) the true-cost page, from navigation to the first correct result after filling the form,
    empty cache;
(c) the same on a second visit with the HTTP cache warm;
(d) median and 95th percentile of 50 recalculations after ready (true cost, and a 3-debt,
    60-month plan), from submit to the result on the page;
(e) main-thread long tasks over 50 ms during boot (count and longest), apart from those of the
    page's own load (the theme), which text-only pages have too;
(f) bytes transferred for a text-only page and for the calculator page.

It prints a table and the ratios b/a and c/a. Times vary with the machine's load: compare the
ratios, which are measured in the same run, rather than the raw figures across runs.
"""

from __future__ import annotations

import argparse
import html
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from playwright.sync_api import BrowserContext, Page, Playwright, sync_playwright

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.conftest import CHROMIUM, CHROMIUM_ARGS, PREFIX  # noqa: E402
from tests.site_server import serve  # noqa: E402

TIMEOUT = 180_000
LONG_TASKS = """
window.__longTasks = [];
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) window.__longTasks.push([entry.startTime, entry.duration]);
}).observe({ type: "longtask", buffered: true });
"""
MARKS = "performance.getEntriesByType('mark').map((m) => [m.name, m.startTime, m.detail])"
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
class Traffic:
    """Bytes received (headers and encoded body), in total and for the Pyodide runtime + wheel."""

    total: int = 0
    pyodide: int = 0
    urls: list[str] = field(default_factory=list)

    def record(self, request: object) -> None:
        sizes = request.sizes()  # type: ignore[attr-defined]
        size = sizes["responseBodySize"] + sizes["responseHeadersSize"]
        self.total += size
        if "/pyodide/" in request.url or "/py/" in request.url:  # type: ignore[attr-defined]
            self.pyodide += size
        self.urls.append(request.url)  # type: ignore[attr-defined]


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
    control = out / "bench-control"
    shutil.copytree(ROOT / "bench" / "control", control)
    index = control / "index.html"
    index.write_text(index.read_text().replace("__RUNTIME__", html.escape(runtime)), encoding="utf-8")
    return out


def fresh(playwright: Playwright, profiles: Path) -> BrowserContext:
    """A new browser with an empty profile (empty HTTP cache, empty code cache)."""
    profile = Path(tempfile.mkdtemp(dir=profiles))
    return playwright.chromium.launch_persistent_context(
        str(profile), executable_path=CHROMIUM, args=CHROMIUM_ARGS, viewport={"width": 390, "height": 844}
    )


def now(page: Page) -> float:
    return page.evaluate("performance.now()")


def control_boot(context: BrowserContext, base: str) -> float:
    page = context.new_page()
    page.goto(f"{base}bench-control/")
    page.wait_for_function(
        "() => document.getElementById('status').textContent === 'ready'", polling="raf", timeout=TIMEOUT
    )
    return now(page)


@dataclass
class Visit:
    """One visit of the calculator page: when things happened, in ms since navigation."""

    result: float  # the first correct result is on the page
    worker_start: float  # the page started the worker (first focus, or idle)
    ready: float  # Python and the calculators are loaded
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
    tasks = page.evaluate("window.__longTasks")
    return Visit(
        result=result,
        worker_start=worker_start,
        ready=ready,
        stages=marks["calc:ready"][1] or {},
        page_tasks=[duration for start, duration in tasks if start < worker_start and duration > 50],
        boot_tasks=[duration for start, duration in tasks if worker_start <= start < ready and duration > 50],
        page=page,
    )


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


def median(values: list[float]) -> float:
    return statistics.median(values)


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def measure(base: str, repeat: int, profiles: Path) -> dict[str, object]:
    boots: list[float] = []
    colds: list[Visit] = []
    warms: list[float] = []
    with sync_playwright() as playwright:

        def with_fresh(run: Callable[[BrowserContext], object]) -> object:
            context = fresh(playwright, profiles)
            try:
                return run(context)
            finally:
                context.close()

        for _ in range(repeat):  # interleaved, so the machine's load falls on all three alike
            boots.append(with_fresh(lambda context: control_boot(context, base)))  # type: ignore[arg-type]
            colds.append(with_fresh(lambda context: first_result(context, base)))  # type: ignore[arg-type]

            def warm(context: BrowserContext) -> float:
                first_result(context, base).page.close()
                return first_result(context, base).result

            warms.append(with_fresh(warm))  # type: ignore[arg-type]

        def recalc(context: BrowserContext) -> tuple[tuple[list[float], list[float]], ...]:
            page = first_result(context, base).page
            true_cost = recalculations(page, "#calc-true-cost form", "amount", 10000)
            fill_plan(page, base)
            plan = recalculations(page, "#calc-plan form", "budget", 2000)
            return true_cost, plan

        true_cost, plan = with_fresh(recalc)  # type: ignore[misc]

        def traffic(url: str, calculator: bool) -> Traffic:
            def run(context: BrowserContext) -> Traffic:
                seen = Traffic()
                context.on("requestfinished", seen.record)
                if calculator:
                    first_result(context, base).page.wait_for_load_state("networkidle")
                else:
                    page = context.new_page()
                    page.goto(url)
                    page.wait_for_load_state("networkidle")
                    page.wait_for_timeout(5000)  # long enough for an idle-time start, were there one
                return seen

            return with_fresh(run)  # type: ignore[return-value]

        text_only = traffic(f"{base}en/guide/introduction/", calculator=False)
        calculator_page = traffic("", calculator=True)
    return {
        "boot": median(boots),
        "colds": colds,
        "warm": median(warms),
        "true_cost": true_cost,
        "plan": plan,
        "text_only": text_only,
        "calculator_page": calculator_page,
        "repeat": repeat,
    }


def breakdown(colds: list[Visit]) -> list[tuple[str, str, str]]:
    """Where the cold visit's time goes (medians), on the page's and the worker's clocks."""

    def stage(visit: Visit, name: str) -> float:
        return visit.worker_start + visit.stages.get(name, float("nan"))

    steps = [
        ("page load until the worker starts (first focus)", lambda v: v.worker_start),
        ("Pyodide boot in the worker", lambda v: stage(v, "python_started") - v.worker_start),
        (
            "the calculators wheel: fetch, check sha256, install",
            lambda v: stage(v, "package_loaded") - stage(v, "python_started"),
        ),
        ("import calculators", lambda v: stage(v, "package_imported") - stage(v, "package_loaded")),
        ("ready to first result on the page", lambda v: v.result - v.ready),
    ]
    return [(f"    {label}", f"{median([step(v) for v in colds]):,.0f} ms", "") for label, step in steps]


def report(results: dict[str, object]) -> str:
    boot, warm = results["boot"], results["warm"]
    colds: list[Visit] = results["colds"]  # type: ignore[assignment]
    cold = median([visit.result for visit in colds])
    (true_cost, true_cost_python), (plan, plan_python) = results["true_cost"], results["plan"]
    page_tasks = [task for visit in colds for task in visit.page_tasks]
    boot_tasks = [task for visit in colds for task in visit.boot_tasks]
    text_only, calculator_page = results["text_only"], results["calculator_page"]
    repeat = results["repeat"]

    def tasks(found: list[float]) -> str:
        return f"{len(found)} (longest {max(found, default=0):.0f} ms)"

    rows = [
        ("(a) control: boot Pyodide only", f"{boot:,.0f} ms", "the floor"),
        ("(b) calculator page, first correct result, empty cache", f"{cold:,.0f} ms", ""),
        *breakdown(colds),
        ("(c) same, second visit, warm HTTP cache", f"{warm:,.0f} ms", ""),
        ("    b/a", f"{cold / boot:.2f}", "<= 1.15"),
        ("    c/a", f"{warm / boot:.2f}", "(lower is better)"),
        (
            "(d) recalculation, true cost: median / p95",
            f"{median(true_cost):.1f} / {p95(true_cost):.1f} ms",
            "median <= 30 ms",
        ),
        ("    of which Python in the worker: median", f"{median(true_cost_python):.1f} ms", ""),
        (
            "(d) recalculation, 3 debts x 60 months: median / p95",
            f"{median(plan):.1f} / {p95(plan):.1f} ms",
            "median <= 30 ms",
        ),
        ("    of which Python in the worker: median", f"{median(plan_python):.1f} ms", ""),
        (
            f"(e) main-thread long tasks > 50 ms, {repeat} visits: while Pyodide boots",
            tasks(boot_tasks),
            "none",
        ),
        ("    and before, while the page itself loads (theme)", tasks(page_tasks), ""),
        (
            "(f) bytes, text-only page (all / Pyodide)",
            f"{text_only.total:,} / {text_only.pyodide:,}",
            "0 Pyodide bytes",
        ),
        (
            "(f) bytes, calculator page (all / Pyodide)",
            f"{calculator_page.total:,} / {calculator_page.pyodide:,}",
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
        with serve(site, PREFIX) as base:
            results = measure(base, args.repeat, profiles)
    print(report(results))


if __name__ == "__main__":
    main()
