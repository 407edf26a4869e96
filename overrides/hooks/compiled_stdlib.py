"""Build step: the standard library the page passes to Pyodide, trimmed and compiled to ``.pyc``.

Pyodide's own ``python_stdlib.zip`` holds source only, so every boot compiles the modules it
imports. ``compile_stdlib.mjs`` runs every calculator over the sample inputs (``tests/samples.py``)
inside the pinned Pyodide under Node, reads ``sys.modules``, compiles exactly those modules with
that runtime's CPython, and checks that the answers are the same with the new zip alone. Modules
left out stay reachable: ``_stdlib_fallback`` (compiled into the zip) fetches the full zip on
demand. This hook then checks every ``.pyc`` header against the runtime's magic number (a
mismatch fails the build), caches the result in ``.cache/stdlib/<inputs hash>/`` and serves it as
``pyodide/<version>/stdlib-<content hash>.zip``.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import shutil
import subprocess
from pathlib import Path

from mkdocs.exceptions import PluginError

HOOKS = Path(__file__).resolve().parent
ROOT = HOOKS.parents[1]
NPM_PYODIDE = ROOT / "node_modules" / "pyodide"
COMPILER = HOOKS / "compile_stdlib.mjs"
FALLBACK = HOOKS / "stdlib_fallback.py"
SAMPLES = ROOT / "tests" / "samples.py"
DEFAULT_LANGUAGE = "zh"


def _load(name: str, path: Path):  # noqa: ANN202 - a module loaded by path
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _runtime():  # noqa: ANN202 - the sibling hook module
    return _load("_pyodide_runtime_for_stdlib", HOOKS / "pyodide_runtime.py")


def sample_cases() -> list[dict]:
    """Every calculator's sample inputs: what the build runs to see which modules are imported."""
    return _load("_samples_for_stdlib", SAMPLES).CASES


def inputs_hash(wheel_digest: str) -> str:
    """A hash of everything the compiled zip depends on: runtime, wheel, samples, build scripts."""
    digest = hashlib.sha256(wheel_digest.encode())
    for path in (
        NPM_PYODIDE / "package.json",
        NPM_PYODIDE / "python_stdlib.zip",
        COMPILER,
        FALLBACK,
        SAMPLES,
    ):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def check_magic(zip_path: Path, magic: bytes) -> None:
    """Fail the build unless every entry of the zip is a ``.pyc`` with the runtime's magic number."""
    _runtime().check_compiled(zip_path, magic, "compiled standard library")


def build_stdlib(wheel_dir: Path, out: Path) -> Path:
    """Compile the trimmed standard library into ``out`` (once per inputs hash); return the zip."""
    report_path = out / "report.json"
    zips = sorted(out.glob("stdlib-*.zip"))
    if zips and report_path.exists():
        return zips[0]
    for stale in out.parent.glob("*"):
        shutil.rmtree(stale, ignore_errors=True)  # zips of older inputs
    out.mkdir(parents=True)
    scratch = out / "stdlib.zip"
    job = {
        "wheelDir": str(wheel_dir),
        "out": str(scratch),
        "fallback": FALLBACK.read_text(encoding="utf-8"),
        "cases": sample_cases(),
    }
    done = subprocess.run(
        ["node", str(COMPILER)], input=json.dumps(job), capture_output=True, text=True, cwd=ROOT
    )
    if done.returncode != 0:
        shutil.rmtree(out, ignore_errors=True)
        raise PluginError(f"compiling the standard library failed:\n{done.stdout}\n{done.stderr}")
    report = json.loads(done.stdout)
    expected_python = json.loads((NPM_PYODIDE / "pyodide-lock.json").read_text())["info"]["python"]
    if report["python"] != expected_python:
        raise PluginError(f"compiled by Python {report['python']}, the runtime is {expected_python}")
    check_magic(scratch, bytes.fromhex(report["magic"]))
    content = hashlib.sha256(scratch.read_bytes()).hexdigest()[:12]
    final = out / f"stdlib-{content}.zip"
    scratch.rename(final)
    report_path.write_text(json.dumps(report, indent=1))
    return final


def stdlib_zip(config) -> Path:  # noqa: ANN001 - the mkdocs config
    runtime = _runtime()
    wheel_digest = runtime.source_hash()
    wheel_dir = ROOT / ".cache" / "wheels" / wheel_digest
    runtime.build_wheel_and_lock(wheel_dir)
    return build_stdlib(wheel_dir, ROOT / ".cache" / "stdlib" / inputs_hash(wheel_digest))


def on_config(config):  # noqa: ANN001, ANN201 - mkdocs hook
    runtime = config["extra"]["calc_runtime"]  # set by pyodide_runtime.py, listed before this hook
    runtime["stdlib"] = f"{runtime['pyodide']}{stdlib_zip(config).name}"
    runtime["stdlibFull"] = f"{runtime['pyodide']}python_stdlib.zip"  # the import fallback's source
    return config


def on_post_build(config):  # noqa: ANN001, ANN201 - mkdocs hook
    if config["theme"]["language"] != DEFAULT_LANGUAGE:
        return
    built = stdlib_zip(config)
    target = Path(config["site_dir"]) / "pyodide" / _runtime().pyodide_version() / built.name
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy2(built, target)


def on_files(files, config):  # noqa: ANN001, ANN201 - mkdocs hook
    """The build's own scripts in ``overrides/hooks/`` (e.g. the .mjs) are not part of the site."""
    for file in [file for file in files if file.src_uri.startswith("hooks/")]:
        files.remove(file)
    return files
