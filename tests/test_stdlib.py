"""The compiled, trimmed standard library: .pyc written by the runtime's own CPython, complete for
every calculator (the samples answer under Node with it alone, as on the host), and a fallback that
imports a left-out module from the full standard library instead of failing."""

from __future__ import annotations

import hashlib
import importlib.util
import json
import py_compile
import subprocess
import zipfile
from pathlib import Path

import pytest
from mkdocs.exceptions import PluginError

from calculators import run
from tests.samples import CASES

ROOT = Path(__file__).resolve().parents[1]
FULL_STDLIB = ROOT / "node_modules" / "pyodide" / "python_stdlib.zip"


def _hook(name: str):  # noqa: ANN202 - a build hook module loaded by path
    spec = importlib.util.spec_from_file_location(
        f"_{name}_under_test", ROOT / "overrides" / "hooks" / f"{name}.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The wheel directory and the compiled standard library, built by the site build's own code."""
    stdlib_hook = _hook("compiled_stdlib")
    runtime = _hook("pyodide_runtime")
    wheel_dir = tmp_path_factory.mktemp("wheel")
    runtime.build_wheel_and_lock(wheel_dir)
    out = tmp_path_factory.mktemp("stdlib") / "out"
    return wheel_dir, stdlib_hook.build_stdlib(wheel_dir, out)


def pyodide_run(wheel_dir: Path, cases: list[dict], *options: str) -> dict:
    done = subprocess.run(
        ["node", str(ROOT / "tests" / "pyodide_run.mjs"), str(wheel_dir), *options],
        input=json.dumps(cases),
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def names_in(zip_path: Path) -> list[str]:
    with zipfile.ZipFile(zip_path) as archive:
        return archive.namelist()


def test_only_pyc_smaller_than_the_source_zip_and_content_hashed(built: tuple[Path, Path]) -> None:
    _, stdlib = built
    names = names_in(stdlib)
    assert names and all(name.endswith(".pyc") for name in names)
    assert {"json/__init__.pyc", "decimal.pyc", "_stdlib_fallback.pyc"} <= set(names)
    assert "tomllib/__init__.pyc" not in names  # nothing imports it: left out
    assert stdlib.stat().st_size < FULL_STDLIB.stat().st_size * 0.7
    assert stdlib.name == f"stdlib-{hashlib.sha256(stdlib.read_bytes()).hexdigest()[:12]}.zip"


def test_nothing_only_pyodides_package_loader_needs(built: tuple[Path, Path]) -> None:
    """The worker puts the wheel on sys.path instead of installing it (overrides/hooks/
    pyodide_boot.mjs boots the build the same way), so what only the installer imports is left out."""
    _, stdlib = built
    names = set(names_in(stdlib))
    assert {"tarfile.pyc", "importlib/metadata/__init__.pyc", "encodings/cp437.pyc"}.isdisjoint(names)
    assert "zipimport.pyc" not in names  # frozen into the runtime: the wheel's importer needs no file


@pytest.mark.pyodide
def test_every_pyc_carries_the_runtimes_magic_number(built: tuple[Path, Path]) -> None:
    wheel_dir, stdlib = built
    runtime = pyodide_run(wheel_dir, [])
    assert runtime["python"].startswith("3.14")
    magic = bytes.fromhex(runtime["magic"])
    assert magic != importlib.util.MAGIC_NUMBER  # the host's Python writes another one
    with zipfile.ZipFile(stdlib) as archive:
        assert {archive.read(name)[:4] for name in archive.namelist()} == {magic}


def test_the_build_refuses_a_pyc_with_another_magic_number(tmp_path: Path) -> None:
    """A .pyc written by the host's Python (another magic number) fails the build."""
    source = tmp_path / "module.py"
    source.write_text("X = 1\n")
    compiled = py_compile.compile(str(source), cfile=str(tmp_path / "module.pyc"))
    bad = tmp_path / "bad.zip"
    with zipfile.ZipFile(bad, "w") as archive:
        archive.write(compiled, "module.pyc")
    runtime_magic = bytes.fromhex("2b0e0d0a")  # CPython 3.14's
    with pytest.raises(PluginError, match="magic"):
        _hook("compiled_stdlib").check_magic(bad, runtime_magic)


@pytest.mark.pyodide
def test_every_calculator_answers_with_the_trimmed_zip_alone(built: tuple[Path, Path]) -> None:
    """No fallback installed: a missing module would make an answer differ from the host's."""
    wheel_dir, stdlib = built
    result = pyodide_run(
        wheel_dir,
        CASES,
        "--stdlib",
        str(stdlib),
        "--python",
        "import sys; sorted({(m.__spec__.origin or '').rsplit('.', 1)[-1] for m in list(sys.modules.values())"
        " if getattr(m, '__spec__', None) and (m.__spec__.origin or '').startswith('/lib/python314.zip')})",
    )
    expected = [run(case["calculator"], case["fields"], case["lang"]) for case in CASES]
    assert len(result["answers"]) == len(expected)
    for case, got, want in zip(CASES, result["answers"], expected, strict=True):
        assert got == want, case
    assert result["python_result"] == ["pyc"]  # every stdlib module came compiled from our zip


@pytest.mark.pyodide
def test_a_left_out_module_still_imports_through_the_fallback(built: tuple[Path, Path]) -> None:
    wheel_dir, stdlib = built
    code = "import tomllib, json.tool; tomllib.loads('a = 1')['a'] + len(json.tool.__name__)"
    with_fallback = pyodide_run(
        wheel_dir, [], "--stdlib", str(stdlib), "--fallback", str(FULL_STDLIB), "--python", code
    )
    assert with_fallback["python_result"] == 1 + len("json.tool")
    assert with_fallback["fallback_fetches"] == 1  # once, for both modules

    without = pyodide_run(wheel_dir, [], "--stdlib", str(stdlib), "--python", code)
    assert "ModuleNotFoundError" in without["python_error"] and "tomllib" in without["python_error"]


@pytest.mark.pyodide
def test_the_fallback_fetches_nothing_for_modules_that_do_not_exist(
    built: tuple[Path, Path], tmp_path: Path
) -> None:
    """Guarded platform imports (``import nt``) and unknown names cost no download."""
    wheel_dir, stdlib = built
    code = (
        "found = []\n"
        "for name in ('nt', 'winreg', '_winapi', 'numpy', 'no_such_module'):\n"
        "    try:\n"
        "        __import__(name)\n"
        "        found.append(name)\n"
        "    except ImportError:\n"
        "        pass\n"
        "found"
    )
    missing = tmp_path / "gone.zip"  # a fetch would fail loudly: the file does not exist
    result = pyodide_run(wheel_dir, [], "--stdlib", str(stdlib), "--fallback", str(missing), "--python", code)
    assert result["python_result"] == []
    assert result["fallback_fetches"] == 0
    assert "python_error" not in result


def test_the_module_list_is_derived_not_written(built: tuple[Path, Path]) -> None:
    """The list comes from running the samples: decimal (every calculator) and the boot's own modules."""
    _, stdlib = built
    report = json.loads((stdlib.parent / "report.json").read_text())
    assert "decimal.py" in report["modules"] and "_pyodide/_importhook.py" in report["modules"]
    assert (
        sorted(name[:-1] for name in names_in(stdlib) if name != "_stdlib_fallback.pyc") == report["modules"]
    )
    assert report["left_out"] > 300
