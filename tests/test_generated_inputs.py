"""Generated inputs (hypothesis) for every calculator and every field kind: every input is answered,
with a value or a message next to its field, never the generic "Something went wrong", nothing on
stderr (where ``run()`` prints the traceback of an internal error), and quickly.

The forms are generated from each calculator's own field schema, so a calculator added later is
covered without touching this file.
"""

from __future__ import annotations

import contextlib
import io
import json
import time
from collections.abc import Callable

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from calculators import CALCULATORS, run
from calculators.page.fields import Field, Group, visible
from tests.samples import GOOD

INTERNAL = ("计算时出了问题", "Something went wrong")
KINDS = ("money", "percent", "whole", "text", "longtext", "choice", "check")
MEGABYTE = 1_000_000
GENEROUS_SECONDS = 0.5
"""Per ``run()``: a few milliseconds is typical; this only catches a return of the 33 s case."""

# --- Text as people type it, and text no one types ---------------------------------------------------

FULL_WIDTH = str.maketrans("0123456789.,%-", "０１２３４５６７８９．，％－")


def _typed(number: str, style: str) -> str:
    return {
        "plain": number,
        "full_width": number.translate(FULL_WIDTH),
        "yuan": f"¥{number}元",
        "percent": f"{number}%",
        "wan": f"{number}万",
        "negative": f"-{number}",
        "decimal_comma": number.replace(".", ","),
        "spaced": f"  {number} ",
    }[style]


def _grouped(value: int) -> str:
    return f"{value:,}"


numbers = st.one_of(
    st.integers(0, 10**12).map(str),
    st.integers(0, 10**12).map(_grouped),
    st.decimals(min_value=0, max_value=10**9, places=2, allow_nan=False, allow_infinity=False).map(str),
    st.decimals(min_value=0, max_value=2000, places=4, allow_nan=False, allow_infinity=False).map(str),
    st.integers(0, 700).map(str),
    st.sampled_from(
        ["0", "0.05", "1.5", "8.8", "18", "36", "100", "999", "1000", "1000.01", "0,05", "1,2,3"]
    ),
)
typed_numbers = st.builds(
    _typed,
    numbers,
    st.sampled_from(["plain", "full_width", "yuan", "percent", "wan", "negative", "decimal_comma", "spaced"]),
)
junk = st.text(max_size=60)
any_text = st.one_of(typed_numbers, junk, st.just(""))


def _in_range(field: Field) -> st.SearchStrategy[str]:
    """A value the field accepts, as digits: so that whole forms often get through to the calculation."""
    if field.kind == "whole":
        return st.integers(field.minimum, int(field.maximum or 600)).map(str)
    if field.kind == "percent":
        top = int(field.maximum or 1000)
        return st.decimals(min_value=0, max_value=top, places=4, allow_nan=False, allow_infinity=False).map(
            str
        )
    return st.decimals(
        min_value="0.01", max_value=10**6, places=2, allow_nan=False, allow_infinity=False
    ).map(str)


def _mostly(valid: st.SearchStrategy[str], *others: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    """``valid`` about 19 times in 20, so that a whole form of valid fields is common."""
    return st.sampled_from(range(20)).flatmap(lambda pick: valid if pick < 19 else st.one_of(*others))


def _value(field: Field) -> st.SearchStrategy[str]:
    if field.kind == "choice":
        return _mostly(st.sampled_from([choice.value for choice in field.choices]), junk)
    if field.kind == "check":
        return _mostly(st.sampled_from(["on", "", "true", "0"]), junk)
    if field.kind in ("money", "percent", "whole"):
        return _mostly(_in_range(field), typed_numbers, any_text)
    return _mostly(
        st.text(max_size=field.max_length),
        st.text(min_size=field.max_length - 2, max_size=field.max_length + 2),
    )


def _form(name: str) -> st.SearchStrategy[dict]:
    """Every field of the calculator, each with a generated value (groups get 0 to 4 rows)."""
    parts: dict[str, st.SearchStrategy] = {}
    for item in CALCULATORS[name].fields:
        if isinstance(item, Group):
            row = st.fixed_dictionaries({f.name: _value(f) for f in item.fields})
            rows = st.lists(row, min_size=max(1, item.min_rows), max_size=min(4, item.max_rows))
            parts[item.name] = _mostly(rows, st.lists(row, max_size=item.max_rows + 1))
        else:
            parts[item.name] = _value(item)
    return st.fixed_dictionaries(parts)


def _answer(name: str, fields: object, lang: str) -> tuple[dict, str, float]:
    """``run()``'s answer, what it printed to stderr, and how long it took."""
    err = io.StringIO()
    with contextlib.redirect_stderr(err):
        started = time.perf_counter()
        answer = run(name, fields, lang)  # type: ignore[arg-type]
        elapsed = time.perf_counter() - started
    return answer, err.getvalue(), elapsed


def _assert_no_internal_error(answer: dict, stderr: str) -> None:
    text = json.dumps(answer, ensure_ascii=False)
    assert not any(marker in text for marker in INTERNAL), answer["errors"]
    assert stderr == "", stderr[-2000:]
    assert answer["ok"] or answer["errors"]


# --- Every calculator, generated forms ---------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(CALCULATORS))
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_generated_forms_never_end_in_an_internal_error(name: str, lang: str) -> None:
    slowest = [0.0]

    @settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(_form(name))
    def check(fields: dict) -> None:
        answer, stderr, elapsed = _answer(name, fields, lang)
        slowest[0] = max(slowest[0], elapsed)
        _assert_no_internal_error(answer, stderr)

    check()
    print(f"{name} ({lang}): slowest run() {slowest[0] * 1000:.1f} ms")


# --- Every field kind: any string up to 1 MB -------------------------------------------------------


def _targets(kind: str) -> list[tuple[str, tuple[str, ...]]]:
    """(calculator, path into its first good sample) for every shown field of ``kind``."""
    found = []
    for name in sorted(CALCULATORS):
        if name not in GOOD:
            continue
        sample = GOOD[name][0]
        for item in CALCULATORS[name].fields:
            if isinstance(item, Group):
                if sample.get(item.name):
                    row = sample[item.name][0]
                    found += [
                        (name, (item.name, f.name)) for f in item.fields if f.kind == kind and visible(f, row)
                    ]
            elif item.kind == kind and visible(item, sample):
                found.append((name, (item.name,)))
    return found


def _with(sample: dict, path: tuple[str, ...], value: str) -> dict:
    fields = json.loads(json.dumps(sample))
    if len(path) == 1:
        fields[path[0]] = value
    else:
        fields[path[0]][0][path[1]] = value
    return fields


def _repeat(piece: str, length: int) -> str:
    """``piece`` repeated to exactly ``length`` characters: a cheap way to any size up to 1 MB."""
    if not piece:
        return ""
    return (piece * (length // len(piece) + 1))[:length]


long_strings = st.one_of(
    st.builds(_repeat, st.text(min_size=1, max_size=12), st.integers(0, MEGABYTE)),
    st.builds(
        _repeat, st.sampled_from(["9", "1,", "0.", "１", "万", " ", "%", "<b>"]), st.integers(0, MEGABYTE)
    ),
    st.builds(lambda head, n, tail: head + "0" * n + tail, typed_numbers, st.integers(0, MEGABYTE), any_text),
    any_text,
)


@pytest.mark.parametrize("kind", KINDS)
def test_any_string_up_to_a_megabyte_in_any_field_of_a_kind_answers_quickly(kind: str) -> None:
    targets = _targets(kind)
    assert targets, f"no sample shows a {kind} field"
    slowest: list[tuple[float, int]] = [(0.0, 0)]

    @settings(
        max_examples=60,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )
    @given(st.sampled_from(targets), long_strings, st.sampled_from(["zh", "en"]))
    def check(target: tuple[str, tuple[str, ...]], text: str, lang: str) -> None:
        name, path = target
        answer, stderr, elapsed = _answer(name, _with(GOOD[name][0], path, text), lang)
        slowest[0] = max(slowest[0], (elapsed, len(text)))
        _assert_no_internal_error(answer, stderr)
        key = path[0] if len(path) == 1 else f"{path[0]}.0.{path[1]}"
        assert answer["ok"] or key in answer["errors"] or any(k != key for k in answer["errors"])
        assert elapsed < GENEROUS_SECONDS, (name, path, len(text), elapsed)

    check()
    seconds, length = slowest[0]
    print(f"{kind}: slowest run() {seconds * 1000:.1f} ms (a string of {length:,} characters)")


# --- The examples of the issue -------------------------------------------------------------------

ISSUE_CASES: list[tuple[str, Callable[[], dict]]] = [
    ("27-digit amount", lambda: {"amount": "1" + "0" * 26, "kind": "fee", "fee": "8.8", "periods": "12"}),
    (
        "1 MB of digits in the months",
        lambda: {"amount": "1000", "kind": "fee", "fee": "8.8", "periods": "1" * MEGABYTE},
    ),
    (
        "200,000 digits in the months",
        lambda: {"amount": "1000", "kind": "fee", "fee": "8.8", "periods": "7" * 200_000},
    ),
]


@pytest.mark.parametrize(("label", "make"), ISSUE_CASES, ids=[case[0] for case in ISSUE_CASES])
def test_the_issue_examples_answer_with_a_field_message(label: str, make: Callable[[], dict]) -> None:
    answer, stderr, elapsed = _answer("true-cost", make(), "zh")
    _assert_no_internal_error(answer, stderr)
    assert not answer["ok"]
    print(f"{label}: {elapsed * 1000:.1f} ms")
    assert elapsed < GENEROUS_SECONDS
