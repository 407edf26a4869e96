"""Helpers for the browser tests: read a form the way the page script does, and wait for answers.

Waiting is always on a condition in the page, never a fixed sleep. A result counts as shown when
the result region holds exactly what ``calculators.run()`` returns on the host for the same
fields, both parsed by the browser (so ``<path/>`` and ``&#x27;`` compare equal to their DOM).
"""

from __future__ import annotations

import difflib
import shutil
import subprocess
from pathlib import Path

import pytest

READY_TIMEOUT = 120_000  # the first answer waits for Pyodide to download and start
ANSWER_TIMEOUT = 15_000  # later answers: a debounced run in a booted worker

# The same walk over form.elements as collect() in overrides/assets/calc/fields.js.
COLLECT = """
form => {
  const fields = {};
  for (const element of form.elements) {
    if (!element.name) continue;
    const value = element.type === "checkbox" ? (element.checked ? "on" : "") : element.value;
    const parts = element.name.split(".");
    if (parts.length === 3) {
      const [group, index, name] = parts;
      fields[group] ??= [];
      fields[group][Number(index)] ??= {};
      fields[group][Number(index)][name] = value;
    } else {
      fields[element.name] = value;
    }
  }
  for (const [key, value] of Object.entries(fields)) {
    if (Array.isArray(value)) fields[key] = value.filter(Boolean);
  }
  return fields;
}
"""

# Every named control's state, in document order: what a reader sees in the form.
CONTROLS = """
form => [...form.elements].filter((e) => e.name).map((e) =>
  [e.name, e.id, e.type === "checkbox" ? e.checked : e.value])
"""

SHOWS = """
([id, html]) => {
  const parsed = document.createElement("template");
  parsed.innerHTML = html;
  return document.getElementById(id).innerHTML === parsed.innerHTML;
}
"""

PARSED = """
html => {
  const parsed = document.createElement("template");
  parsed.innerHTML = html;
  return parsed.innerHTML;
}
"""


def form(name: str) -> str:
    return f'form.calc-form[data-calculator="{name}"]'


def collect(page, name: str) -> dict:
    """The fields the page script would send to the worker for calculator ``name``."""
    return page.eval_on_selector(form(name), COLLECT)


def controls(page, name: str) -> list:
    return page.eval_on_selector(form(name), CONTROLS)


def state(page, name: str) -> str:
    return page.get_attribute(f"#calc-{name} .calc-status", "data-state")


def wait_for_state(page, name: str, wanted: str, timeout: float = READY_TIMEOUT) -> None:
    page.wait_for_function(
        "([name, wanted]) => document.querySelector(`#calc-${name} .calc-status`).dataset.state === wanted",
        arg=[name, wanted],
        timeout=timeout,
    )


def wait_for_result(page, name: str, html: str, timeout: float = ANSWER_TIMEOUT) -> None:
    """Wait until ``#calc-<name>-result`` shows ``html``; on timeout fail with a diff."""
    result_id = f"calc-{name}-result"
    try:
        page.wait_for_function(SHOWS, arg=[result_id, html], timeout=timeout, polling=100)
    except Exception:  # noqa: BLE001 - turned into a readable failure below
        shown = page.inner_html(f"#{result_id}")
        wanted = page.evaluate(PARSED, html)
        diff = "\n".join(
            difflib.unified_diff(
                wanted.replace("><", ">\n<").splitlines(),
                shown.replace("><", ">\n<").splitlines(),
                "run() on the host",
                "the page",
                lineterm="",
                n=2,
            )
        )
        status = page.inner_text(f"#calc-{name} .calc-status")
        raise AssertionError(
            f"#{result_id} never showed run()'s answer (status: {status!r}):\n{diff}"
        ) from None


def submit_one_debt_plan(page, base_url: str) -> None:
    """Open the English plan page, fill one debt (10,000 at 18% a year, budget 1,000) and submit."""
    page.goto(f"{base_url}en/guide/2-repayment-capacity/")
    page.fill("#calc-plan-debts-0-amount", "10000")
    page.fill("#calc-plan-debts-0-rate", "18")
    page.fill("#calc-plan-budget", "1000")
    page.click("#calc-plan button[type=submit]")


def pdf_text(pdf: bytes, tmp_path: Path, layout: bool = False) -> str:
    """A printed page's text, read back by poppler's pdftotext (``./dev test`` installs it)."""
    if not shutil.which("pdftotext"):
        pytest.fail("pdftotext is missing: `./dev test` installs Debian's poppler-utils")
    path = tmp_path / "printed.pdf"
    path.write_bytes(pdf)
    options = ["-layout"] if layout else []
    done = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", *options, str(path), "-"], capture_output=True, check=True
    )
    return done.stdout.decode("utf-8")
