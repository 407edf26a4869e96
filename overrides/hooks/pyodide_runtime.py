"""Build step: the calculators wheel, its Pyodide lock file, and the pinned Pyodide runtime.

1. Build ``calculators/`` into a pure-Python wheel with the normal Python build tools
   (cached under ``.cache/wheels/<source hash>/``, so ``mkdocs serve`` rebuilds stay fast).
2. Write a Pyodide lock file listing the wheel with its sha256
   (``pyodide lockfile add-wheels``), so the browser checks the wheel's integrity.
3. Copy the Pyodide runtime from the npm package ``pyodide`` (installed by ``npm ci``, exact
   version pinned in package.json / package-lock.json) into ``site/pyodide/<version>/``.

The page finds both through ``config.extra.calc_runtime``: absolute paths under the site's
own path (``/repo/`` on GitHub Pages), so every language shares one copy and one cache entry.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit

from mkdocs.exceptions import PluginError
from traditional_text import write_calculator_table

ROOT = Path(__file__).resolve().parents[2]
NPM_PYODIDE = ROOT / "node_modules" / "pyodide"
RUNTIME_FILES = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip")
PACKAGE = "negotiate-calculators"
DEFAULT_LANGUAGE = "zh"


def source_hash() -> str:
    """A short hash of everything that goes into the wheel."""
    digest = hashlib.sha256()
    for path in sorted((ROOT / "calculators").rglob("*.py")) + [ROOT / "pyproject.toml"]:
        digest.update(path.relative_to(ROOT).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


def pyodide_version() -> str:
    package = NPM_PYODIDE / "package.json"
    if not package.exists():
        raise PluginError("The Pyodide runtime is missing: run `npm ci` first (README explains).")
    return json.loads(package.read_text())["version"]


def _run(*command: str) -> None:
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
    if done.returncode != 0:
        raise PluginError(f"{' '.join(command)} failed:\n{done.stdout}\n{done.stderr}")


def build_wheel_and_lock(out: Path) -> Path:
    """Build the wheel and its lock file into ``out`` (once per source hash); return the wheel."""
    wheels = sorted(out.glob("*.whl"))
    if wheels and (out / "pyodide-lock.json").exists():
        return wheels[0]
    for stale in out.parent.glob("*") if out.parent.name == "wheels" else ():
        shutil.rmtree(stale, ignore_errors=True)  # wheels of older sources
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)
    # setuptools copies into build/lib and never removes what is there: a module deleted or moved
    # since an earlier build would otherwise still be shipped in the wheel.
    shutil.rmtree(ROOT / "build", ignore_errors=True)
    _run(sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(out), str(ROOT))
    wheel = next(out.glob("*.whl"))
    if not wheel.name.endswith("-py3-none-any.whl"):
        raise PluginError(f"the calculators wheel is not pure Python: {wheel.name}")
    pyodide_cli = Path(sys.executable).with_name("pyodide")
    _run(
        str(pyodide_cli), "lockfile", "add-wheels",
        "--input", str(NPM_PYODIDE / "pyodide-lock.json"),
        "--output", str(out / "pyodide-lock.json"),
        "--base-path", str(out),
        str(wheel),
    )  # fmt: skip
    return wheel


def on_config(config):
    write_calculator_table(ROOT)  # the zh-Hant texts go into the wheel: the browser has no OpenCC
    version = pyodide_version()
    digest = source_hash()
    build_wheel_and_lock(ROOT / ".cache" / "wheels" / digest)
    base = urlsplit(config["site_url"] or "/").path
    if not base.endswith("/"):
        base += "/"
    config["extra"]["calc_runtime"] = {
        "pyodide": f"{base}pyodide/{version}/",
        "lock": f"{base}py/{digest}/pyodide-lock.json",
        "package": PACKAGE,
        "version": digest,
        "site": base,  # the site root: the offline copy's caches are named after it
    }
    return config


def on_post_build(config):
    if config["theme"]["language"] != DEFAULT_LANGUAGE:
        return
    site = Path(config["site_dir"])
    runtime = site / "pyodide" / pyodide_version()
    runtime.mkdir(parents=True, exist_ok=True)
    for name in RUNTIME_FILES:
        shutil.copy2(NPM_PYODIDE / name, runtime / name)
    digest = source_hash()
    shutil.copytree(ROOT / ".cache" / "wheels" / digest, site / "py" / digest, dirs_exist_ok=True)
