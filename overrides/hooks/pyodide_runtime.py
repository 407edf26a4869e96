"""Build step: the calculators wheel, its Pyodide lock file, and the pinned Pyodide runtime.

1. Build ``calculators/`` into a pure-Python wheel with the normal Python build tools, then
   compile it to sourceless ``.pyc`` with the pinned Pyodide's own CPython under Node
   (``compile_wheel.mjs``): the browser then imports without compiling any source. Both are
   cached under ``.cache/wheels/<source hash>/`` (the pure one in ``source/``), so ``mkdocs
   serve`` rebuilds stay fast.
2. Write a Pyodide lock file listing the compiled wheel with its sha256
   (``pyodide lockfile add-wheels``), so the browser checks the wheel's integrity.
3. Copy the Pyodide runtime from the npm package ``pyodide`` (installed by ``npm ci``, exact
   version pinned in package.json / package-lock.json) into ``site/pyodide/<version>/``.

The page finds both through ``config.extra.calc_runtime``: absolute paths under the site's
own path (``/repo/`` on GitHub Pages), so every language shares one copy and one cache entry.
"""

from __future__ import annotations

import base64
import hashlib
import json
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path
from urllib.parse import urlsplit

from mkdocs.exceptions import PluginError
from traditional_text import write_calculator_table

ROOT = Path(__file__).resolve().parents[2]
NPM_PYODIDE = ROOT / "node_modules" / "pyodide"
COMPILE_WHEEL = Path(__file__).resolve().parent / "compile_wheel.mjs"
RUNTIME_FILES = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip")
PACKAGE = "negotiate-calculators"
DEFAULT_LANGUAGE = "zh"


def source_hash() -> str:
    """A short hash of everything that goes into the wheel."""
    digest = hashlib.sha256()
    built_by = [ROOT / "pyproject.toml", COMPILE_WHEEL, NPM_PYODIDE / "package.json"]
    for path in sorted((ROOT / "calculators").rglob("*.py")) + built_by:
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


def compile_wheel(source: Path, out: Path) -> Path:
    """The wheel the browser loads: ``source`` compiled to sourceless ``.pyc`` by the runtime's own
    CPython (compile_wheel.mjs, under Node), so no module is compiled from source in the browser.
    The build fails unless every ``.pyc`` carries the runtime's magic number."""
    python = json.loads((NPM_PYODIDE / "pyodide-lock.json").read_text())["info"]["python"]
    tag = "py" + "".join(python.split(".")[:2])
    compiled = out / source.name.replace("-py3-none-any.whl", f"-{tag}-none-any.whl")
    done = subprocess.run(
        ["node", str(COMPILE_WHEEL), str(source), str(compiled)], cwd=ROOT, capture_output=True, text=True
    )
    if done.returncode != 0:
        raise PluginError(f"compiling the wheel failed:\n{done.stdout}\n{done.stderr[-3000:]}")
    report = json.loads(done.stdout)
    if report["python"] != python:
        raise PluginError(f"the wheel was compiled by Python {report['python']}, the runtime is {python}")
    code = check_compiled(compiled, bytes.fromhex(report["magic"]), "compiled wheel", _is_code)
    if len(code) != report["modules"]:
        raise PluginError(f"compiled wheel: {len(code)} modules, {report['modules']} compiled")
    return compiled


def _is_code(name: str) -> bool:
    return ".dist-info/" not in name and not name.endswith("/")


def check_compiled(zip_path: Path, magic: bytes, what: str, is_code=lambda name: True) -> list[str]:  # noqa: ANN001
    """Fail the build unless every code entry of the zip (``is_code``) is a ``.pyc`` starting with
    the runtime's magic number; return those entries."""
    with zipfile.ZipFile(zip_path) as archive:
        code = [name for name in archive.namelist() if is_code(name)]
        wrong = [name for name in code if not name.endswith(".pyc") or archive.read(name)[:4] != magic]
    if not code or wrong:
        raise PluginError(f"{what}: wrong magic number or not .pyc: {wrong[:5]}")
    return code


def build_wheel_and_lock(out: Path) -> Path:
    """Build the pure-Python wheel into ``out/source/``, its compiled form and lock file into
    ``out`` (once per source hash); return the compiled wheel, the one the browser loads."""
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
    source_dir = out / "source"
    _run(sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(source_dir), str(ROOT))
    source = next(source_dir.glob("*.whl"))
    if not source.name.endswith("-py3-none-any.whl"):
        raise PluginError(f"the calculators wheel is not pure Python: {source.name}")
    wheel = compile_wheel(source, out)
    pyodide_cli = Path(sys.executable).with_name("pyodide")
    _run(
        str(pyodide_cli), "lockfile", "add-wheels",
        "--input", str(NPM_PYODIDE / "pyodide-lock.json"),
        "--output", str(out / "pyodide-lock.json"),
        "--base-path", str(out),
        str(wheel),
    )  # fmt: skip
    # The tool finds a wheel's import names from its .py files; a compiled one has none.
    lock_path = out / "pyodide-lock.json"
    lock = json.loads(lock_path.read_text())
    with zipfile.ZipFile(wheel) as archive:
        packages = {
            n.split("/")[0] for n in archive.namelist() if n.count("/") == 1 and n.endswith("/__init__.pyc")
        }
    lock["packages"][PACKAGE]["imports"] = sorted(packages)
    lock_path.write_text(json.dumps(lock, separators=(",", ":")))
    return wheel


ASSETS = ROOT / "overrides" / "assets"
WORKER_FILES = ("worker.js", "snapshot.js")  # the worker and the one module it imports


def worker_version() -> str:
    """A hash of the worker's code: its URL changes with it, so it can be kept like the runtime."""
    digest = hashlib.sha256()
    for name in WORKER_FILES:
        digest.update((ASSETS / "calc" / name).read_bytes())
    return digest.hexdigest()[:12]


def lock_info(lock_path: Path) -> dict:
    """The lock file's header, which Pyodide checks against its own ABI when it boots."""
    return json.loads(lock_path.read_text())["info"]


def on_config(config):
    write_calculator_table(ROOT)  # the zh-Hant texts go into the wheel: the browser has no OpenCC
    version = pyodide_version()
    digest = source_hash()
    wheel = build_wheel_and_lock(ROOT / ".cache" / "wheels" / digest)
    base = urlsplit(config["site_url"] or "/").path
    if not base.endswith("/"):
        base += "/"
    config["extra"]["calc_runtime"] = {
        "pyodide": f"{base}pyodide/{version}/",
        # The wheel's lock file (Node and Pyodide's own tools load the wheel through it); the
        # browser puts the wheel on sys.path itself and passes Pyodide only the lock's header.
        "lock": f"{base}py/{digest}/pyodide-lock.json",
        "lockInfo": lock_info(wheel.parent / "pyodide-lock.json"),
        "version": digest,
        "site": base,  # the site root: the offline copy's caches are named after it
        # The worker fetches the wheel once the wasm is in, with this sha256 as its integrity.
        "wheel": f"{base}py/{digest}/{wheel.name}",
        "worker": worker_version(),  # ?v= of worker.js and snapshot.js: a hash of their code
        "wheelIntegrity": "sha256-" + base64.b64encode(hashlib.sha256(wheel.read_bytes()).digest()).decode(),
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
    shutil.copytree(
        ROOT / ".cache" / "wheels" / digest,
        site / "py" / digest,
        ignore=shutil.ignore_patterns("source"),  # the pure-Python wheel: not what the browser loads
        dirs_exist_ok=True,
    )
