"""``run()`` called directly with values of any shape: a message next to the field (or the form),
never an internal error and nothing on stderr. The page always sends text, but ``run()`` is a
public entry point (the worker, share links filled from code, tests), so it checks shapes first."""

from __future__ import annotations

import copy
import json
from collections.abc import Iterator, Mapping
from decimal import Decimal

import pytest

from calculators import CALCULATORS, run
from calculators.page.fields import Field, Group, visible
from tests.samples import GOOD

INTERNAL = ("出了问题", "went wrong")


def _deep_list(depth: int) -> list:
    value: list = []
    for _ in range(depth):
        value = [value]
    return value


def _deep_dict(depth: int) -> dict:
    value: dict = {}
    for _ in range(depth):
        value = {"x": value}
    return value


class RaisingStr:
    def __str__(self) -> str:
        raise RuntimeError("__str__ raised")

    __repr__ = __str__


class SneakyStr(str):
    """A str whose own methods raise: only its plain text may be used."""

    def __str__(self) -> str:
        raise RuntimeError("__str__ raised")

    def strip(self, *args: object) -> str:  # type: ignore[override]
        raise RuntimeError("strip raised")

    def __eq__(self, other: object) -> bool:
        raise RuntimeError("__eq__ raised")

    __hash__ = str.__hash__


class RaisingMapping(Mapping):
    def __getitem__(self, key: object) -> object:
        raise RuntimeError("__getitem__ raised")

    def __iter__(self) -> Iterator:
        raise RuntimeError("__iter__ raised")

    def __len__(self) -> int:
        return 3


HOSTILE_VALUES = {
    "100,000-deep nested list": _deep_list(100_000),
    "100,000-deep nested dict": _deep_dict(100_000),
    "object whose __str__ raises": RaisingStr(),
    "str subclass whose methods raise": SneakyStr("12"),
    "a set": {"1", "2"},
    "bytes": b"1000",
    "a mapping that raises": RaisingMapping(),
    "an int of 5,000 digits": 10**5000,
    "float nan": float("nan"),
    "float inf": float("inf"),
    "Decimal 1E+100000": Decimal("1E+100000"),
}

READABLE = ("str subclass whose methods raise", "float nan", "float inf", "Decimal 1E+100000")
"""Values with a text of their own: read as that text (a field may accept or refuse it)."""


def _paths(name: str) -> list[tuple[str, ...]]:
    """Every field the first good sample of ``name`` shows, as a path into the sample."""
    sample = GOOD[name][0]
    found: list[tuple[str, ...]] = []
    for item in CALCULATORS[name].fields:
        if isinstance(item, Group) and sample.get(item.name):
            found += [(item.name, f.name) for f in item.fields if visible(f, sample[item.name][0])]
        elif isinstance(item, Field) and visible(item, sample):
            found.append((item.name,))
    return found


def _with(sample: dict, path: tuple[str, ...], value: object) -> dict:
    fields = copy.deepcopy(sample)
    if len(path) == 1:
        fields[path[0]] = value
    else:
        fields[path[0]][0][path[1]] = value
    return fields


def _assert_answered(answer: dict, capsys: pytest.CaptureFixture[str]) -> None:
    text = json.dumps(answer, ensure_ascii=False)
    assert not any(marker in text for marker in INTERNAL), answer["errors"]
    captured = capsys.readouterr()
    assert captured.err == "", captured.err[-500:]


@pytest.mark.parametrize("label", HOSTILE_VALUES)
@pytest.mark.parametrize("name", sorted(GOOD))
def test_a_value_of_any_shape_in_any_field_gets_a_message_next_to_it(
    name: str, label: str, capsys: pytest.CaptureFixture[str]
) -> None:
    for path in _paths(name):
        fields = _with(GOOD[name][0], path, HOSTILE_VALUES[label])
        answer = run(name, fields, "en")
        _assert_answered(answer, capsys)
        kind = next(
            (
                f.kind
                for item in CALCULATORS[name].fields
                for f in ([item] if isinstance(item, Field) else item.fields)
                if f.name == path[-1]
            ),
            None,
        )
        key = path[0] if len(path) == 1 else f"{path[0]}.0.{path[1]}"
        if kind != "check" and label not in READABLE:
            assert not answer["ok"] and key in answer["errors"], (name, path, answer["errors"])


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_an_unreadable_value_is_named_in_the_page_language(
    lang: str, capsys: pytest.CaptureFixture[str]
) -> None:
    fields = {"amount": _deep_list(100_000), "kind": "fee", "fee": RaisingStr(), "periods": "12"}
    answer = run("true-cost", fields, lang)
    _assert_answered(answer, capsys)
    expected = "这一项的内容无法读取" if lang == "zh" else "This value can't be read"
    assert expected in answer["errors"]["amount"] and expected in answer["errors"]["fee"]


@pytest.mark.parametrize(
    "fields",
    [
        _deep_list(100_000),
        RaisingMapping(),
        {1: "x", None: "y", ("a",): "z", "amount": "1000", "kind": "fee", "fee": "8.8", "periods": "12"},
        {"debts": _deep_list(100_000), "budget": "1000"},
        {"debts": [_deep_list(100_000)] * 3, "budget": "1000"},
        {"debts": [{"amount": _deep_dict(1000), "rate": RaisingStr(), 5: 6}], "budget": "1000"},
        {"debts": tuple({"amount": "1"} for _ in range(100_000)), "budget": "1000"},
    ],
    ids=[
        "deep list",
        "raising mapping",
        "non-string keys",
        "deep group",
        "deep rows",
        "bad row values",
        "many rows",
    ],
)
@pytest.mark.parametrize("name", ["true-cost", "plan"])
def test_forms_of_any_shape_get_a_form_or_field_message(
    fields: object, name: str, capsys: pytest.CaptureFixture[str]
) -> None:
    answer = run(name, fields, "zh")  # type: ignore[arg-type]
    _assert_answered(answer, capsys)
    assert answer["ok"] or answer["errors"]


def test_non_string_keys_are_ignored_and_the_form_still_answers(capsys: pytest.CaptureFixture[str]) -> None:
    fields = {1: "x", None: "y", "amount": "10000", "kind": "fee", "fee": "8.8", "periods": "12"}
    answer = run("true-cost", fields, "en")
    _assert_answered(answer, capsys)
    assert answer["ok"] and answer["data"]["apr_nominal"] == "15.86"


@pytest.mark.parametrize(
    ("calculator", "lang"),
    [
        (RaisingStr(), "en"),
        ("true-cost", RaisingStr()),
        (SneakyStr("true-cost"), "en"),
        ("true-cost", SneakyStr("en")),
    ],
)
def test_a_calculator_or_language_of_any_shape_is_answered(
    calculator: object, lang: object, capsys: pytest.CaptureFixture[str]
) -> None:
    answer = run(calculator, {}, lang)  # type: ignore[arg-type]
    _assert_answered(answer, capsys)
    assert answer["errors"]  # the form, or (for a plain-text name) its empty fields


def test_numbers_given_as_numbers_are_read_as_their_text(capsys: pytest.CaptureFixture[str]) -> None:
    answer = run("true-cost", {"amount": 10000, "kind": "fee", "fee": Decimal("8.8"), "periods": 12}, "en")
    _assert_answered(answer, capsys)
    assert answer["ok"] and answer["data"]["apr_nominal"] == "15.86"
