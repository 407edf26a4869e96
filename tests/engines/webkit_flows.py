"""The reader's flows in WebKit: Debian's WebKitWebDriver driving MiniBrowser (WebKitGTK) under
Xvfb, from Python selenium with explicit paths (nothing downloaded: selenium-manager never runs).

:func:`run_webkit` follows the same plan as tests/engines/firefox_flows.mjs (written by
``flow_plan()`` in tests/test_engines.py) and returns what it saw in the same shape, so the same
assertions hold for both engines.

Errors: WebKitWebDriver offers no console log (no ``get_log``, and a WebDriver BiDi session with
``webSocketUrl`` never starts with WebKitGTK 2.50), so each page gets a listener as soon as it has
loaded (:data:`PROBE`): uncaught errors, unhandled rejections, ``console.error`` and resources that
fail to load, from then until the page is left. An error thrown while the page was still loading,
before the listener, is not seen; what it breaks is (a calculator that never answers, a page
without its heading).
"""

from __future__ import annotations

import contextlib
import os
import subprocess
import time
from collections.abc import Callable, Iterator
from pathlib import Path

MINIBROWSER = os.environ.get("MINIBROWSER", "/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser")
XVFB = os.environ.get("XVFB", "/usr/bin/Xvfb")

# Installed once a page has loaded; kept until the page is left (window.__engineErrors).
PROBE = """
if (!window.__engineErrors) {
  const errors = (window.__engineErrors = []);
  const text = (value) => (value && (value.stack || value.message)) || String(value);
  window.addEventListener("error", (event) => {
    const target = event.target;
    if (target && target !== window && (target.src || target.href)) {
      errors.push(`failed to load ${target.src || target.href}`);
    } else {
      errors.push(`error: ${event.message} (${event.filename}:${event.lineno})`);
    }
  }, true);
  window.addEventListener("unhandledrejection", (event) => errors.push(`unhandled rejection: ${text(event.reason)}`));
  const original = console.error.bind(console);
  console.error = (...args) => {
    errors.push(`console: ${args.map(text).join(" ")}`);
    original(...args);
  };
}
"""

BOOT = "return (performance.getEntriesByName('calc:ready')[0] || {}).detail || null;"
INCLUDES = "return document.getElementById(arguments[0]).textContent.includes(arguments[1]);"
SHOWS_OPENING = """
const [id, html] = arguments;
const parsed = document.createElement("template");
parsed.innerHTML = html;
const wanted = parsed.content.firstElementChild.textContent.replace(/\\s+/g, " ").trim();
return Boolean(wanted) && document.getElementById(id).textContent.replace(/\\s+/g, " ").includes(wanted);
"""
PAGE = """
return {
  title: document.title,
  lang: document.documentElement.lang,
  h1: (document.querySelector("article h1") || {}).textContent || "",
  text: ((document.querySelector("article") || {}).textContent || "").length,
};
"""
CHART = """
const svg = document.getElementById(arguments[0]).querySelector("svg.calc-chart");
if (!svg) return null;
const box = svg.getBoundingClientRect();
return { series: svg.querySelectorAll("path.calc-series").length, width: box.width, height: box.height };
"""
REQUESTS = "return performance.getEntriesByType('resource').map((entry) => entry.name);"


@contextlib.contextmanager
def xvfb() -> Iterator[str]:
    """A display of our own (Xvfb picks a free number and tells it on a pipe)."""
    read, write = os.pipe()
    server = subprocess.Popen(
        [XVFB, "-displayfd", str(write), "-screen", "0", "1280x1024x24", "-nolisten", "tcp"],
        pass_fds=(write,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write)
    try:
        with os.fdopen(read) as pipe:
            number = pipe.readline().strip()
        if not number:
            raise RuntimeError(f"{XVFB} did not start")
        yield f":{number}"
    finally:
        server.terminate()
        server.wait(timeout=10)


def run_webkit(plan: dict, stop_server: Callable[[], None], driver_path: str) -> dict:
    """Run the plan's flows in MiniBrowser; return what was seen (see firefox_flows.mjs)."""
    from selenium import webdriver
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select, WebDriverWait
    from selenium.webdriver.webkitgtk.options import Options
    from selenium.webdriver.webkitgtk.service import Service

    if not Path(MINIBROWSER).is_file():
        raise RuntimeError(f"{MINIBROWSER} is missing (Debian's webkit2gtk-driver brings it)")
    timeout = plan["ready_timeout_ms"] / 1000
    errors: list[str] = []
    requests: list[str] = []
    result: dict = {"engine": "webkit", "pages": [], "answers": [], "worked": {}, "leave_errors": []}

    with xvfb() as display:
        options = Options()
        options.binary_location = MINIBROWSER
        options.add_argument("--automation")  # MiniBrowser's own flag: a fresh ephemeral profile
        service = Service(executable_path=driver_path, env={**os.environ, "DISPLAY": display})
        driver = webdriver.WebKitGTK(options=options, service=service)
        result["version"] = (
            f"{driver.capabilities.get('browserName')}/{driver.capabilities.get('browserVersion')}"
        )
        try:
            driver.set_window_size(390, 844)
            driver.set_page_load_timeout(timeout)
            driver.set_script_timeout(timeout)
            wait = WebDriverWait(driver, timeout, poll_frequency=0.1)

            def leave() -> None:
                """Collect what the page saw before the next navigation replaces it."""
                with contextlib.suppress(Exception):
                    found = driver.execute_script(
                        "return [location.href, window.__engineErrors || [], "
                        "performance.getEntriesByType('resource').map((e) => e.name)];"
                    )
                    url, seen, names = found
                    errors.extend(f"{error} ({url})" for error in seen)
                    requests.extend(names)

            def goto(url: str) -> None:
                leave()
                driver.get(url)
                wait.until(lambda d: d.execute_script("return document.readyState") == "complete")
                driver.execute_script(PROBE)

            def boot() -> dict:
                return wait.until(lambda d: d.execute_script(BOOT))

            def step(name: str, action: Callable[[], object]) -> object:
                try:
                    return action()
                except Exception as error:  # noqa: BLE001 - named and raised with the step
                    raise RuntimeError(f"WebKit, {name}: {type(error).__name__}: {error}") from error

            def worked(name: str, chart: bool = False) -> None:
                spec = plan["worked"][name]

                def act() -> None:
                    goto(plan["base"] + spec["path"])
                    for element_id, value in spec["select"]:
                        Select(driver.find_element(By.ID, element_id)).select_by_value(value)
                    for element_id, value in spec["type"]:
                        field = driver.find_element(By.ID, element_id)
                        field.clear()
                        field.send_keys(value)
                    if spec["submit"]:
                        selector = f"{spec['submit']}:not([disabled])"
                        wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, selector))
                        driver.find_element(By.CSS_SELECTOR, selector).click()
                    wait.until(lambda d: d.execute_script(INCLUDES, spec["result"], spec["shows"]))
                    shown = driver.find_element(By.ID, spec["result"]).get_attribute("textContent")
                    result["worked"][name] = {"shows": shown, "boot": boot()}
                    if chart:
                        result["worked"][name]["chart"] = driver.execute_script(CHART, spec["result"])

                step(f"the {name} page", act)

            # 1. A first visit to a calculator page; the offline copy kept.
            started = time.monotonic()
            worked("true-cost")
            step(
                "the offline copy (html[data-offline=all])",
                lambda: wait.until(
                    lambda d: d.execute_script("return document.documentElement.dataset.offline") == "all"
                ),
            )
            # 2. The next calculator page restores the snapshot; the plan and its chart.
            worked("plan", chart=True)
            result["first_visit_ms"] = round((time.monotonic() - started) * 1000)

            # 3. Every page of every language renders.
            started = time.monotonic()
            for path in plan["pages"]:

                def render(path: str = path) -> None:
                    goto(plan["base"] + path)
                    result["pages"].append({"path": path, "status": 200, **driver.execute_script(PAGE)})
                    if path in plan["calculator_pages"]:
                        boot()  # left once the calculators are ready, as a reader would

                step(f"page {path}", render)
            result["pages_ms"] = round((time.monotonic() - started) * 1000)

            # 4. Offline: the server stopped; pages open and every calculator answers its share link.
            leave()
            stop_server()
            started = time.monotonic()
            for path in plan["offline_pages"]:

                def offline(path: str = path) -> None:
                    goto(plan["base"] + path)
                    heading = driver.find_element(By.CSS_SELECTOR, "article h1").get_attribute("textContent")
                    result["pages"].append({"path": path, "offline": True, "h1": heading})

                step(f"offline page {path}", offline)
            for answer in plan["answers"]:

                def answers(answer: dict = answer) -> None:
                    leave()
                    driver.get("about:blank")
                    goto(plan["base"] + answer["path"] + answer["fragment"])
                    result_id = f"calc-{answer['name']}-result"
                    wait.until(lambda d: d.execute_script(SHOWS_OPENING, result_id, answer["html"]))
                    state = driver.find_element(By.CSS_SELECTOR, f"#calc-{answer['name']} .calc-status")
                    result["answers"].append(
                        {
                            "name": answer["name"],
                            "path": answer["path"],
                            "state": state.get_attribute("data-state"),
                            "boot": boot(),
                        }
                    )

                step(f"offline {answer['name']} on {answer['path']}", answers)
            result["offline_ms"] = round((time.monotonic() - started) * 1000)
            leave()
        finally:
            driver.quit()
    origin = "/".join(plan["base"].split("/")[:3]) + "/"
    result["errors"] = errors
    result["foreign"] = [
        url
        for url in requests
        if not url.startswith(origin) and not url.startswith(("data:", "blob:", "about:"))
    ]
    return result
