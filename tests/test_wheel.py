"""The calculators wheel: pure Python, standard library only, importable in a clean environment;
its compiled form (what the browser loads): every module a .pyc with the runtime's magic number,
listed with its sha256 in the Pyodide lock file, and giving the same answers inside Pyodide."""

from __future__ import annotations

import hashlib
import importlib.util
import json
import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import pytest

from calculators import run
from tests.samples import CASES

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def wheel_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Build the wheel and lock file with the same code the site build uses."""
    sys.path.insert(0, str(ROOT / "overrides" / "hooks"))
    try:
        import pyodide_runtime
    finally:
        sys.path.pop(0)
    out = tmp_path_factory.mktemp("wheel")
    pyodide_runtime.build_wheel_and_lock(out)
    return out


def the_wheel(wheel_dir: Path) -> Path:
    """The compiled wheel, the one the lock file lists and the browser loads."""
    (wheel,) = wheel_dir.glob("*.whl")
    return wheel


def the_source_wheel(wheel_dir: Path) -> Path:
    (wheel,) = (wheel_dir / "source").glob("*.whl")
    return wheel


def test_wheel_is_pure_python(wheel_dir: Path) -> None:
    wheel = the_source_wheel(wheel_dir)
    assert wheel.name.endswith("-py3-none-any.whl")
    with zipfile.ZipFile(wheel) as archive:
        names = archive.namelist()
        metadata = next(n for n in names if n.endswith("/WHEEL"))
        assert "Root-Is-Purelib: true" in archive.read(metadata).decode()
    code = [n for n in names if not n.endswith("/") and ".dist-info/" not in n]
    assert code and all(n.startswith("calculators/") and n.endswith(".py") for n in code), code
    assert "calculators/tools/true_cost.py" in code


def test_wheel_holds_exactly_the_checkouts_modules(wheel_dir: Path) -> None:
    """No module deleted or moved since an earlier build is shipped (setuptools' build/lib keeps
    them), and the compiled wheel holds one .pyc for each."""
    checkout = {p.relative_to(ROOT).as_posix() for p in (ROOT / "calculators").rglob("*.py")}
    with zipfile.ZipFile(the_source_wheel(wheel_dir)) as archive:
        assert {n for n in archive.namelist() if n.startswith("calculators/")} == checkout
    with zipfile.ZipFile(the_wheel(wheel_dir)) as archive:
        assert {n for n in archive.namelist() if n.startswith("calculators/")} == {n + "c" for n in checkout}


def test_the_compiled_wheel_is_for_the_runtimes_python_only(wheel_dir: Path) -> None:
    """Sourceless .pyc load only in the CPython that wrote them: the name, WHEEL and magic say which."""
    python = json.loads((ROOT / "node_modules" / "pyodide" / "pyodide-lock.json").read_text())["info"][
        "python"
    ]
    tag = "py" + "".join(python.split(".")[:2])
    wheel = the_wheel(wheel_dir)
    assert wheel.name.endswith(f"-{tag}-none-any.whl")
    with zipfile.ZipFile(wheel) as archive:
        names = archive.namelist()
        assert f"Tag: {tag}-none-any" in archive.read(next(n for n in names if n.endswith("/WHEEL"))).decode()
        magics = {archive.read(n)[:4] for n in names if n.endswith(".pyc")}
        record = archive.read(next(n for n in names if n.endswith("/RECORD"))).decode()
    assert len(magics) == 1 and magics != {importlib.util.MAGIC_NUMBER}  # not the host's 3.12 magic
    assert "calculators/api.pyc,sha256=" in record and "calculators/api.py," not in record


def test_lock_file_lists_the_wheel_with_its_sha256(wheel_dir: Path) -> None:
    wheel = the_wheel(wheel_dir)
    lock = json.loads((wheel_dir / "pyodide-lock.json").read_text())
    entry = lock["packages"]["negotiate-calculators"]
    assert entry["file_name"] == wheel.name
    assert entry["sha256"] == hashlib.sha256(wheel.read_bytes()).hexdigest()
    assert entry["imports"] == ["calculators"]
    assert entry["depends"] == []


def test_wheel_imports_in_a_clean_environment(wheel_dir: Path, tmp_path: Path) -> None:
    venv.create(tmp_path / "env", with_pip=True)
    python = tmp_path / "env" / "bin" / "python"
    subprocess.run(
        [
            str(python),
            "-m",
            "pip",
            "install",
            "--quiet",
            "--no-index",
            "--no-deps",
            str(the_source_wheel(wheel_dir)),
        ],
        check=True,
    )
    script = "import json, calculators; print(json.dumps(calculators.run('true-cost', {'amount': '1万', 'kind': 'fee', 'fee': '8.8', 'periods': '12'}, 'en')['data']))"
    done = subprocess.run(
        [str(python), "-I", "-c", script], check=True, capture_output=True, text=True, cwd=tmp_path
    )
    assert json.loads(done.stdout)["apr_nominal"] == "15.86"


@pytest.mark.pyodide
def test_pyodide_gives_the_same_answers_as_the_host(wheel_dir: Path) -> None:
    """The wheel, loaded by name through the lock file (sha256 checked) in the real Pyodide under Node."""
    done = subprocess.run(
        ["node", str(ROOT / "tests" / "pyodide_run.mjs"), str(wheel_dir)],
        input=json.dumps(CASES),
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    assert result["python"].startswith("3.14")
    expected = [run(case["calculator"], case["fields"], case["lang"]) for case in CASES]
    assert len(result["answers"]) == len(expected)
    for case, got, want in zip(CASES, result["answers"], expected, strict=True):
        assert got == want, case
    assert any(answer["ok"] for answer in expected) and any(not answer["ok"] for answer in expected)
