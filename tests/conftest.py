"""Shared fixtures: the built site (under a sub-path), a local server, and Debian's chromium."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from hypothesis import settings

from tests.site_server import serve

# CI replays the same generated examples every run (a clean clone has no example database), so a
# submission lands or fails on its code, not on the draw; local runs keep exploring new examples.
settings.register_profile("ci", derandomize=True)
if os.environ.get("CI"):
    settings.load_profile("ci")

ROOT = Path(__file__).resolve().parents[1]
PREFIX = "/negotiate-guide/"
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


def pytest_configure(config: pytest.Config) -> None:
    """Generate the calculators' zh-Hant table, as the build does before the wheel (gitignored)."""
    sys.path.insert(0, str(ROOT / "overrides" / "hooks"))
    from traditional_text import write_calculator_table

    write_calculator_table(ROOT)


def build_site(out: Path, site_url: str = f"http://127.0.0.1{PREFIX}") -> Path:
    """``mkdocs build --strict`` into ``out``; fail the test with mkdocs' output on error."""
    env = {**os.environ, "SITE_URL": site_url, "NO_MKDOCS_2_WARNING": "1"}
    done = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(out)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    if done.returncode != 0:
        pytest.fail(f"mkdocs build failed:\n{done.stdout}\n{done.stderr}")
    return out


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site, built once per test session, for serving under ``PREFIX``."""
    return build_site(tmp_path_factory.mktemp("built") / "site")


@pytest.fixture(scope="session")
def base_url(site: Path) -> Iterator[str]:
    with serve(site, PREFIX) as url:
        yield url


@pytest.fixture(scope="session")
def broken_base_url(site: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The same site with the Pyodide runtime files removed."""
    copy = tmp_path_factory.mktemp("broken") / "site"
    shutil.copytree(site, copy)
    shutil.rmtree(copy / "pyodide")
    with serve(copy, PREFIX) as url:
        yield url


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    sync_api = pytest.importorskip("playwright.sync_api")
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: `./dev test` installs Debian's chromium")
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@dataclass
class Watch:
    """What a page did: every request URL, console errors and uncaught exceptions."""

    requests: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def foreign(self, base_url: str) -> list[str]:
        origin = "/".join(base_url.split("/")[:3]) + "/"
        return [
            url
            for url in self.requests
            if not url.startswith(origin) and not url.startswith(("data:", "blob:"))
        ]


def watch(page: object) -> Watch:
    seen = Watch()
    page.on("request", lambda request: seen.requests.append(request.url))
    page.on(
        "console",
        lambda message: message.type == "error" and seen.errors.append(f"console: {message.text}"),
    )
    page.on("pageerror", lambda error: seen.errors.append(f"pageerror: {error}"))
    return seen


@pytest.fixture
def context(browser: object) -> Iterator[object]:
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="zh-CN")
    yield context
    context.close()


@pytest.fixture
def page_and_watch(context: object, base_url: str) -> Iterator[tuple[object, Watch]]:
    """A page whose every request and console error is recorded; the test fails on either."""
    page = context.new_page()
    seen = watch(page)
    yield page, seen
    assert seen.foreign(base_url) == [], "requests to another origin"
    assert seen.errors == [], "console errors"
