"""The site's scripts and styles under URLs that name their content (overrides/hooks/asset_versions.py)."""

from __future__ import annotations

import hashlib
import importlib.util
import json
import re
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest

from tests.conftest import PREFIX, ROOT

SPEC = importlib.util.spec_from_file_location("_asset_versions", ROOT / "overrides/hooks/asset_versions.py")
hook = importlib.util.module_from_spec(SPEC)
SPEC.loader.exec_module(hook)

REFERENCE = re.compile(r"""<(?:script|link)\b[^>]*?\b(?:src|href)="([^"#]+)\"""")
IMPORT = re.compile(r"""(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)["'](\.{1,2}/[^"']+)["']""")
RUNTIME_VERSIONED = ("assets/calc/worker.js", "assets/calc/snapshot.js")  # the runtime's own ?v=
MATERIAL = re.compile(r"^assets/(javascripts|stylesheets|images|icons)/")


def version_of(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()[:12]


def write(root: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, "utf-8")
    return root


def test_a_changed_module_changes_the_url_of_everything_that_imports_it(tmp_path: Path) -> None:
    assets = write(
        tmp_path,
        {
            "calc/page.js": 'import { a } from "./a.js";\nimport("../idle.js");\n',
            "calc/a.js": 'import { b } from "./b.js";\nexport const a = 1;\n',
            "calc/b.js": "export const b = 1;\n",
            "idle.js": "export const idle = 1;\n",
            "calc/worker.js": 'import("./snapshot.js");\n',
            "calc/snapshot.js": "export {};\n",
            "theme.css": "body { color: black }\n",
        },
    )
    before = hook.Versions(assets).all()
    assert set(before) == {
        f"assets/{name}" for name in ("calc/page.js", "calc/a.js", "calc/b.js", "idle.js", "theme.css")
    }
    served = hook.Versions(assets).served("calc/page.js").decode()
    assert f'from "./a.js?v={before["assets/calc/a.js"]}"' in served
    assert f'import("../idle.js?v={before["assets/idle.js"]}")' in served
    assert before["assets/calc/page.js"] == hashlib.sha256(served.encode()).hexdigest()[:12]

    (assets / "calc/b.js").write_text("export const b = 2;\n", "utf-8")  # two levels below the page
    after = hook.Versions(assets).all()
    changed = {name for name in before if before[name] != after[name]}
    assert changed == {"assets/calc/b.js", "assets/calc/a.js", "assets/calc/page.js"}


def test_an_import_cycle_or_a_missing_module_fails_the_build(tmp_path: Path) -> None:
    cycle = write(tmp_path / "cycle", {"a.js": 'import "./b.js";\n', "b.js": 'import "./a.js";\n'})
    with pytest.raises(ValueError, match="cycle"):
        hook.Versions(cycle).all()
    missing = write(tmp_path / "missing", {"a.js": 'import { x } from "./gone.js";\n'})
    with pytest.raises(ValueError, match="gone.js"):
        hook.Versions(missing).all()


def site_references(site: Path) -> set[str]:
    """Every same-site script and stylesheet a page of the build loads, relative to the site root."""
    found = set()
    for html in site.rglob("*.html"):
        relative = html.relative_to(site).as_posix()
        if relative.startswith(("pyodide/", "py/", "bench-")):
            continue
        page_url = f"https://site.invalid{PREFIX}{relative}"
        for reference in REFERENCE.findall(html.read_text("utf-8")):
            url = urlsplit(urljoin(page_url, reference.replace("&amp;", "&")))
            path = url.path[len(PREFIX) :]
            if url.netloc == "site.invalid" and path.endswith((".js", ".css")):
                found.add(path + (f"?{url.query}" if url.query else ""))
    return found


def test_every_page_names_the_content_of_the_sites_scripts_and_styles(site: Path) -> None:
    references = site_references(site)
    own = [url for url in references if not MATERIAL.match(url)]
    assert {url.split("?")[0] for url in own} >= {
        "assets/calc/calc.js",
        "assets/calc/runtime.js",
        "assets/offline/offline.js",
        "assets/keyboard.js",
        "assets/theme.css",
        "assets/calc/md-base.js",
    }
    for url in own:
        path, _, query = url.partition("?")
        assert query == f"v={version_of(site / path)}", url


def test_every_module_import_names_the_content_of_the_module_it_imports(site: Path) -> None:
    checked = 0
    for module in sorted((site / "assets").rglob("*.js")):
        relative = module.relative_to(site).as_posix()
        if relative.startswith("assets/javascripts/") or relative in RUNTIME_VERSIONED:
            continue
        for specifier in IMPORT.findall(module.read_text("utf-8")):
            path, _, query = specifier.partition("?")
            target = (module.parent / path).resolve()
            assert query == f"v={version_of(target)}", (relative, specifier)
            checked += 1
    assert checked >= 20  # calc.js alone imports ten modules


def test_the_service_worker_answers_only_these_urls_from_its_copy_and_checks_their_bytes(site: Path) -> None:
    code = (site / "sw.js").read_text("utf-8")
    manifest = json.loads(re.search(r"const MANIFEST = (\{.*?\n\});", code, re.S).group(1))
    verified = manifest["verified"]
    references = {url for url in site_references(site) if not url.startswith("assets/images/")}
    assert references <= set(verified), references - set(verified)  # every script and style of a page
    for url, sha in verified.items():
        assert hashlib.sha256((site / url.split("?")[0]).read_bytes()).hexdigest() == sha, url
        assert url in manifest["assets"] or url in manifest["runtime"], url
    assert not [
        url
        for url in manifest["assets"]
        if url.endswith((".js", ".css")) and "/calc/" in url and "?v=" not in url
    ]
