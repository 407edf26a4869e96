"""The samples in ``tests/samples.py`` cover every calculator, and the good ones are good.

The Pyodide parity test (``tests/test_wheel.py``) runs these samples in the browser's runtime;
this host-side check keeps the list honest when a calculator is added or changed.
"""

from __future__ import annotations

import json

import pytest

from calculators import CALCULATORS, run
from tests.samples import BAD, CASES, GOOD

LANGS = ("zh", "en")


def test_every_calculator_has_good_and_bad_samples() -> None:
    for name in CALCULATORS:
        assert GOOD.get(name), f"no good sample for {name!r} in tests/samples.py"
        assert BAD.get(name), f"no bad sample for {name!r} in tests/samples.py"
    assert set(GOOD) == set(BAD) == set(CALCULATORS), "samples for a calculator that does not exist"


@pytest.mark.parametrize(
    ("name", "index"), [(name, index) for name, samples in GOOD.items() for index in range(len(samples))]
)
@pytest.mark.parametrize("lang", LANGS)
def test_good_samples_are_accepted(name: str, index: int, lang: str) -> None:
    answer = run(name, GOOD[name][index], lang)
    assert answer["ok"], answer["errors"]
    assert answer["html"]


@pytest.mark.parametrize(
    ("name", "index"), [(name, index) for name, samples in BAD.items() for index in range(len(samples))]
)
@pytest.mark.parametrize("lang", LANGS)
def test_bad_samples_are_refused_with_messages(name: str, index: int, lang: str) -> None:
    answer = run(name, BAD[name][index], lang)
    assert answer["ok"] is False
    assert answer["errors"] and all(message.strip() for message in answer["errors"].values())
    assert answer["html"] == ""


def test_cases_travel_as_json() -> None:
    """The parity test sends the cases to Pyodide as JSON: they must survive the trip unchanged."""
    assert json.loads(json.dumps(CASES, ensure_ascii=False)) == CASES
    assert len(CASES) == 2 * sum(len(samples) for source in (GOOD, BAD) for samples in source.values()) + 2
