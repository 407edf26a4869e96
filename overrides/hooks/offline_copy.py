"""Build step: the service worker (``sw.js`` at the site root) with this build's file lists.

Runs once, after every language is built (after mkdocs-static-i18n's own post-build step, which
builds the other languages and rewrites the search index). It reads the finished site:

- ``pages``: every HTML page of every language (from the files, so a new language or page is
  included without touching this hook), as the URLs a reader opens (``guide/x/``, not ``index.html``);
- ``assets``: what those pages load (stylesheets, scripts, icons, the page scripts' modules), each
  language's web app manifest with its icons (``web_manifest.py``), the search index of every language (``search/``, ``en/search/``...: see ``search_per_language.py``),
  and the search worker with the language files it imports; the site's own scripts and styles
  under the URLs that name their content (``asset_versions.py``), as the pages and modules ask;
- ``runtime``: the calculators' runtime (Pyodide, the compiled standard library, the lock file and
  the wheel) under their versioned URLs (the worker script is an asset: its code may change under
  the same URL);
- ``verified``: the sha256 of every file whose URL names its content (the worker's scripts, the
  site's versioned scripts and styles, Material's hashed bundles): answered from the copy first;
- ``build``: a hash of every file of the site, so a new build gets a new service worker, new cache
  names, and removes the old ones.

The worker's code is ``service_worker.js`` beside this hook; the lists replace its
``__OFFLINE_MANIFEST__`` placeholder.
"""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from mkdocs.plugins import event_priority

HOOKS = Path(__file__).resolve().parent
TEMPLATE = HOOKS / "service_worker.js"
PLACEHOLDER = "__OFFLINE_MANIFEST__"
SERVICE_WORKER = "sw.js"
REFERENCE = re.compile(r"""<(?:script|link|img)\b[^>]*?\b(?:src|href)="([^"#]+)\"""")
RUNTIME_DIRS = ("pyodide/", "py/")
NOT_CACHED = ("sitemap.xml", "sitemap.xml.gz")


def site_url_path(config) -> str:  # noqa: ANN001 - the mkdocs config
    path = urlsplit(config["site_url"] or "/").path
    return path if path.endswith("/") else path + "/"


def page_urls(site: Path) -> list[str]:
    """Every HTML page, as a path relative to the site root, in the form a reader opens it."""
    pages = []
    for html in sorted(site.rglob("*.html")):
        relative = html.relative_to(site).as_posix()
        if relative.startswith(RUNTIME_DIRS) or relative.startswith("bench-"):
            continue
        pages.append(relative.removesuffix("index.html"))
    return pages


def referenced_assets(site: Path, pages: list[str], base: str) -> set[str]:
    """Same-site files the pages load (not links to other pages), relative to the site root."""
    found: set[str] = set()
    for page in pages:
        html = (site / (page + "index.html" if page == "" or page.endswith("/") else page)).read_text("utf-8")
        page_url = f"https://site.invalid{base}{page}"
        for reference in REFERENCE.findall(html):
            url = urlsplit(urljoin(page_url, reference.replace("&amp;", "&")))
            if url.netloc != "site.invalid" or not url.path.startswith(base):
                continue
            relative = url.path[len(base) :]
            target = site / relative
            if relative.endswith("/") or not target.is_file() or relative.startswith(RUNTIME_DIRS):
                continue
            found.add(relative + (f"?{url.query}" if url.query else ""))
    return found


def search_assets(site: Path) -> set[str]:
    """Every language's search index, Material's search worker and the lunr language files it imports."""
    indexes = sorted(site.glob("**/search/search_index.json"))
    found = {index.relative_to(site).as_posix() for index in indexes}
    found |= {p.relative_to(site).as_posix() for p in site.glob("assets/javascripts/workers/*.js")}
    languages = ["stemmer.support", "multi"]
    for index in indexes:
        languages += json.loads(index.read_text("utf-8"))["config"].get("lang", [])
    for language in languages:
        lunr = site / "assets" / "javascripts" / "lunr" / "min" / f"lunr.{language}.min.js"
        if lunr.is_file():
            found.add(lunr.relative_to(site).as_posix())
    return found


# The worker and the one module it imports: runtime, under a hash of their code (their ?v=, from
# pyodide_runtime.worker_version, which hashes the same two files).
WORKER_SCRIPTS = ("worker.js", "snapshot.js")


def versioned(versions: dict[str, str], relative: str) -> str:
    """A file's URL as the pages and modules ask for it: with ``?v=`` if it has a version
    (``asset_versions.py``), else as it is."""
    return f"{relative}?v={versions[relative]}" if relative in versions else relative


def calculator_assets(site: Path, versions: dict[str, str]) -> set[str]:
    """The page script's modules, as its imports ask for them (the worker's are runtime)."""
    return {
        versioned(versions, p.relative_to(site).as_posix())
        for p in (site / "assets" / "calc").glob("*.js")
        if p.name not in WORKER_SCRIPTS  # the runtime's (runtime_urls)
    }


def module_and_app_assets(site: Path, versions: dict[str, str]) -> set[str]:
    """The modules the site's scripts import (``assets/idle.js``...), each language's web app
    manifest and the icons it names (installing the site works offline too)."""
    found = {versioned(versions, p.relative_to(site).as_posix()) for p in (site / "assets").glob("*.js")}
    for manifest_file in site.glob("**/manifest.webmanifest"):
        relative = manifest_file.relative_to(site)
        if relative.parts[0] in ("pyodide", "py"):
            continue
        found.add(relative.as_posix())
        app = json.loads(manifest_file.read_text("utf-8"))
        for icon in app.get("icons", []):
            target = (manifest_file.parent / icon["src"]).resolve()
            if target.is_file():
                found.add(target.relative_to(site.resolve()).as_posix())
    return found


def runtime_urls(config, base: str) -> list[str]:  # noqa: ANN001 - the mkdocs config
    """The calculators' runtime, as the worker asks for it (all under versioned paths)."""
    runtime = config["extra"]["calc_runtime"]
    pyodide, lock = runtime["pyodide"], runtime["lock"]
    wheel_dir = Path(config["site_dir"]) / lock[len(base) :].rsplit("/", 1)[0]
    files = [f"{pyodide}{name}" for name in ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm")]
    files += [runtime.get("stdlib") or f"{pyodide}python_stdlib.zip"]  # not the lock file: unused
    files += [f"{base}assets/calc/{name}?v={runtime['worker']}" for name in WORKER_SCRIPTS]
    files += [
        f"{base}{wheel.relative_to(config['site_dir']).as_posix()}" for wheel in wheel_dir.glob("*.whl")
    ]
    return [url[len(base) :] for url in files]


# Material's own bundles and stylesheets: a hash of their content in their names.
MATERIAL_HASHED = re.compile(r"^assets/(javascripts|stylesheets)/[^/]+\.[0-9a-f]{8}\.min\.(js|css)$")


def verified_files(
    site: Path, runtime: list[str], assets: set[str], versions: dict[str, str]
) -> dict[str, str]:
    """The sha256 of every file whose URL names its content: the runtime's scripts (the worker
    and its module, under a hash of their code), the site's versioned scripts and styles
    (``asset_versions.py``) and Material's hashed bundles. The service worker answers these from
    its copy without asking the server, and keeps a copy only if its bytes are these, so that a
    broken answer (a proxy's page, a cut download) is never kept and served again."""
    immutable = [url for url in runtime if url.startswith("assets/calc/")]
    immutable += [
        url
        for url in assets
        if ("?v=" in url and url == versioned(versions, url.split("?")[0])) or MATERIAL_HASHED.match(url)
    ]
    return {
        url: hashlib.sha256((site / url.split("?")[0]).read_bytes()).hexdigest() for url in sorted(immutable)
    }


def build_hash(site: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(site.rglob("*")):
        if path.is_file() and path.name != SERVICE_WORKER:
            digest.update(path.relative_to(site).as_posix().encode())
            digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()[:16]


def manifest(config) -> dict:  # noqa: ANN001 - the mkdocs config
    site = Path(config["site_dir"])
    base = site_url_path(config)
    pages = page_urls(site)
    versions = config["extra"].get("asset_versions", {})
    assets = referenced_assets(site, pages, base) | search_assets(site) | calculator_assets(site, versions)
    assets |= module_and_app_assets(site, versions)
    runtime = runtime_urls(config, base)
    assets -= set(runtime)
    return {
        "build": build_hash(site),
        "pages": pages,
        "assets": sorted(a for a in assets if a not in NOT_CACHED),
        "runtime": runtime,
        "verified": verified_files(site, runtime, assets, versions),
        "fullStdlib": config["extra"]["calc_runtime"].get("stdlibFull", "")[len(base) :],
    }


def _outer_build(config) -> bool:  # noqa: ANN001 - the mkdocs config
    """True once per ``mkdocs build``: mkdocs-static-i18n runs nested builds for other languages."""
    i18n = config["plugins"].get("i18n")
    return not getattr(i18n, "building", False)


@event_priority(-200)  # after mkdocs-static-i18n (-100), which builds the other languages
def on_post_build(config) -> None:  # noqa: ANN001 - mkdocs hook
    if not _outer_build(config):
        return
    lists = json.dumps(manifest(config), indent=1, ensure_ascii=False)
    code = TEMPLATE.read_text(encoding="utf-8")
    if PLACEHOLDER not in code:
        raise ValueError(f"{TEMPLATE.name} lost its {PLACEHOLDER} placeholder")
    (Path(config["site_dir"]) / SERVICE_WORKER).write_text(code.replace(PLACEHOLDER, lists), encoding="utf-8")
