"""``calculators.run()``: every outcome is a JSON-ready dict, never an exception."""

import json

import pytest

import calculators
from calculators import CALCULATORS, run
from calculators.page.base import Calculator, Result
from calculators.page.fields import Field


def assert_shape(answer: dict) -> None:
    assert set(answer) == {"ok", "errors", "html", "data"}
    json.dumps(answer)  # JSON-serialisable


def test_unknown_calculator() -> None:
    answer = run("no-such-thing", {}, "zh")
    assert_shape(answer)
    assert answer["ok"] is False
    assert "no-such-thing" in answer["errors"]["_form"]
    assert "没有" in answer["errors"]["_form"]


@pytest.mark.parametrize("lang", ["fr", "", "zh-Hans", None])
def test_unknown_language_answers_in_both_languages(lang: object) -> None:
    answer = run("true-cost", {}, lang)  # type: ignore[arg-type]
    assert_shape(answer)
    assert answer["ok"] is False
    assert "不支持" in answer["errors"]["_form"] and "Unsupported" in answer["errors"]["_form"]


@pytest.mark.parametrize("fields", [None, "amount=1", 42, ["amount"]])
def test_fields_of_the_wrong_shape(fields: object) -> None:
    answer = run("true-cost", fields, "en")  # type: ignore[arg-type]
    assert_shape(answer)
    assert answer["ok"] is False and answer["errors"]


def test_every_error_is_reported_at_once() -> None:
    answer = run("true-cost", {"amount": "x", "kind": "fee", "fee": "-1", "periods": "0"}, "en")
    assert set(answer["errors"]) == {"amount", "fee", "periods"}


def test_a_bug_in_a_calculator_becomes_a_message(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(values: dict, lang: str) -> Result:
        raise ZeroDivisionError("boom")

    fake = Calculator("broken", {"zh": "坏", "en": "Broken"}, {"zh": "", "en": ""}, (), broken, "x")
    monkeypatch.setitem(CALCULATORS, "broken", fake)
    answer = run("broken", {}, "en")
    assert_shape(answer)
    assert answer["ok"] is False
    assert "went wrong" in answer["errors"]["_form"]
    assert "boom" not in json.dumps(answer)


def test_group_rows_of_the_wrong_shape_are_tolerated(monkeypatch: pytest.MonkeyPatch) -> None:
    from calculators.page.fields import Group

    group = Group(
        "rows",
        {"zh": "行", "en": "Rows"},
        (Field("amount", "money", {"zh": "金额", "en": "Amount"}),),
        {"zh": "第 {n} 行", "en": "Row {n}"},
        {"zh": "添加", "en": "Add"},
        max_rows=3,
    )
    fake = Calculator(
        "rows", {"zh": "", "en": ""}, {"zh": "", "en": ""}, (group,), lambda values, lang: Result("ok"), "x"
    )
    monkeypatch.setitem(CALCULATORS, "rows", fake)
    assert run("rows", {"rows": "nope"}, "en")["errors"] == {"rows": "At least 1 row is needed."}
    too_many = run("rows", {"rows": [{"amount": "1"}] * 50}, "zh")
    assert too_many["ok"] is False and "最多 3 行" in too_many["errors"]["rows"]
    bad_row = run("rows", {"rows": [{"amount": "1"}, "junk"]}, "en")
    assert bad_row["errors"] == {"rows.1.amount": "Please fill this in."}
    assert run("rows", {"rows": [{"amount": "1"}, {"amount": "2"}]}, "en")["ok"] is True


def test_package_is_standard_library_only() -> None:
    import ast
    import sys
    from pathlib import Path

    allowed = set(sys.stdlib_module_names) | {"calculators"}
    for path in Path(calculators.__file__).parent.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0:
                names = [node.module or ""]
            else:
                continue
            for name in names:
                assert name.split(".")[0] in allowed, f"{path.name} imports {name}"


def test_registry_finds_every_tool_module_and_imports_lazily() -> None:
    import subprocess
    import sys
    from pathlib import Path

    tools = Path(calculators.__file__).parent / "tools"
    modules = {path.stem for path in tools.glob("*.py") if not path.stem.startswith("_")}
    assert set(CALCULATORS) == {name.replace("_", "-") for name in modules}
    for name in CALCULATORS:
        assert CALCULATORS[name].name == name
    script = (
        "import sys, calculators; calculators.run('true-cost', {}, 'en');"
        "print(sorted(m for m in sys.modules if m.startswith('calculators.tools.')))"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "['calculators.tools.true_cost']"
