"""Every message of every module exists, non-empty, in both languages."""

import importlib
import pkgutil
from collections.abc import Mapping

import pytest

import calculators

MODULES = sorted(info.name for info in pkgutil.walk_packages(calculators.__path__, prefix="calculators."))


def texts_in(module: object) -> list[tuple[str, Mapping]]:
    found = []
    for name, value in vars(module).items():
        if isinstance(value, Mapping) and value and all(isinstance(v, Mapping) for v in value.values()):
            found += [(f"{name}.{key}", text) for key, text in value.items() if {"zh", "en"} & set(text)]
    return found


@pytest.mark.parametrize("module_name", MODULES)
def test_messages_in_both_languages(module_name: str) -> None:
    module = importlib.import_module(module_name)
    for key, text in texts_in(module):
        assert set(text) >= {"zh", "en"}, key
        assert text["zh"].strip() and text["en"].strip(), key


@pytest.mark.parametrize("module_name", MODULES)
def test_both_languages_take_the_same_placeholders(module_name: str) -> None:
    """A ``{name}`` filled in one language must be filled in the other, or a raw key shows."""
    import string

    def fields(text: str) -> set[str]:
        return {name for _, name, _, _ in string.Formatter().parse(text) if name}

    module = importlib.import_module(module_name)
    for key, text in texts_in(module):
        assert fields(text["zh"]) == fields(text["en"]), key


def test_the_tables_are_found() -> None:
    assert texts_in(importlib.import_module("calculators.core.reader"))
    assert texts_in(importlib.import_module("calculators.page.ui"))
