"""Simplified → Traditional Chinese for this guide: one OpenCC configuration and its exceptions.

The Simplified text is the only source. Every Traditional string the site shows (pages, theme
labels, calculator messages) goes through :func:`to_traditional`, at build time only: the
browser never converts anything.

Configuration ``s2tw`` (README, "Languages", says why): characters in the forms Taiwan uses
(為, 裡, 著), which Hong Kong, Macau and overseas readers read every day, without ``s2twp``'s
rewriting of vocabulary into Taiwan usage (信息 → 資訊, 服务器 → 伺服器), which would change
the names of mainland institutions, the app's wording and the quoted scam terms this guide
asks readers to recognise, and without ``s2t``'s dictionary forms (爲, 覈) that no region uses.

``EXCEPTIONS`` are the places where the converter is wrong *for this text*; each is tested
(tests/test_hant.py) to still be needed and to hold.
"""

from __future__ import annotations

import ast
import dataclasses
import functools
import importlib
import json
import pkgutil
import re
import sys
from collections.abc import Mapping
from pathlib import Path

OPENCC_CONFIG = "s2tw"

EXCEPTIONS: dict[str, str] = {
    # OpenCC writes 发布 as 發佈 or 發布 depending on how it segments the sentence around it, so
    # one page said both (寫明發布方 / **發佈方**); Taiwan's standard form is 發布.
    "发布": "發布",
    # 回复 (a reply) is 回覆; OpenCC writes 回復 (to recover) after 查看 (记得定期查看回复 in the
    # channel calculator), so the same word is spelt two ways in one answer.
    "回复": "回覆",
}
"""Simplified phrase → the Traditional form this guide uses instead of OpenCC's."""

CJK = re.compile(r"[\u3400-\u9fff]")


@functools.cache
def _converter():  # noqa: ANN202 - opencc has no public type for it
    import opencc

    return opencc.OpenCC(OPENCC_CONFIG)


def opencc_convert(text: str) -> str:
    """OpenCC's conversion alone, without this guide's exceptions."""
    return _converter().convert(text)


def to_traditional(text: str) -> str:
    """The Traditional form of ``text``: OpenCC ``s2tw``, except for this guide's exceptions.

    Each exception is set aside before OpenCC runs (as a private-use character, which OpenCC
    leaves alone) and put back in its Traditional form, whatever words surround it.

    >>> to_traditional("协商还款")
    '協商還款'
    >>> to_traditional("记得定期查看回复")
    '記得定期查看回覆'
    """
    marks = {chr(0xE000 + index): traditional for index, traditional in enumerate(EXCEPTIONS.values())}
    for mark, simplified in zip(marks, EXCEPTIONS, strict=True):
        text = text.replace(simplified, mark)
    converted = opencc_convert(text)
    for mark, traditional in marks.items():
        converted = converted.replace(mark, traditional)
    return converted


# --- the calculators' texts ----------------------------------------------------------------------
# The browser has no OpenCC: the Traditional form of every Simplified calculator text is written
# into the package (``calculators/core/traditional_table.py``, gitignored) before the wheel is built,
# and ``calculators.core.i18n.pick(text, "zh-Hant")`` looks it up. The texts are found, never
# listed: every ``{"zh": "..."}`` written in the source (including those built inside functions),
# and every mapping with a ``"zh"`` text reachable from the package's modules once imported
# (including texts composed at import time, such as prepare's goal labels).

TABLE_MODULE = ("calculators", "core", "traditional_table.py")


def _texts_in_source(package_dir: Path) -> set[str]:
    found = set()
    for path in sorted(package_dir.rglob("*.py")):
        if path.name == TABLE_MODULE[-1]:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Dict):
                for key, value in zip(node.keys, node.values, strict=True):
                    if (
                        isinstance(key, ast.Constant)
                        and key.value == "zh"
                        and isinstance(value, ast.Constant)
                        and isinstance(value.value, str)
                    ):
                        found.add(value.value)
    return found


def _texts_in_objects(modules: list[object]) -> set[str]:
    found: set[str] = set()
    seen: set[int] = set()
    stack: list[object] = [value for module in modules for value in vars(module).values()]
    while stack:
        item = stack.pop()
        if id(item) in seen or isinstance(item, (str, bytes, int, float, complex, bool, type(None))):
            continue
        seen.add(id(item))
        if isinstance(item, Mapping):
            if isinstance(item.get("zh"), str):
                found.add(item["zh"])
            stack.extend(item.values())
        elif isinstance(item, (list, tuple, set, frozenset)):
            stack.extend(item)
        elif dataclasses.is_dataclass(item) and not isinstance(item, type):
            stack.extend(getattr(item, field.name) for field in dataclasses.fields(item))
        elif isinstance(item, type) and item.__module__.startswith("calculators"):
            stack.extend(vars(item).values())
        elif type(item).__module__.startswith("calculators") and hasattr(item, "__dict__"):
            stack.extend(vars(item).values())
    return found


def calculator_texts(root: Path) -> set[str]:
    """Every Simplified text of the calculators package under ``root``."""
    if str(root) not in sys.path:
        sys.path.insert(0, str(root))
    package = importlib.import_module("calculators")
    modules = [package] + [
        importlib.import_module(info.name)
        for info in pkgutil.walk_packages(package.__path__, prefix="calculators.")
        if not info.name.endswith(".traditional_table")
    ]
    return _texts_in_source(root / "calculators") | _texts_in_objects(modules)


def table_source(texts: set[str]) -> str:
    """The generated module: Simplified → Traditional for every text that changes."""
    rows = [
        f"    {json.dumps(text, ensure_ascii=False)}: {json.dumps(to_traditional(text), ensure_ascii=False)},\n"
        for text in sorted(texts)
        if CJK.search(text) and to_traditional(text) != text
    ]
    return (
        f'"""GENERATED by overrides/hooks/traditional_text.py (OpenCC {OPENCC_CONFIG} and its exceptions): '
        "never edit.\n\nThe Traditional Chinese form of every Simplified calculator text, for "
        '``pick(text, "zh-Hant")``.\n"""\n\n'
        "TABLE: dict[str, str] = {\n" + "".join(rows) + "}\n"
    )


def write_calculator_table(root: Path) -> Path:
    """Write ``calculators/core/traditional_table.py`` under ``root`` (only if it changed)."""
    path = root.joinpath(*TABLE_MODULE)
    text = table_source(calculator_texts(root))
    if not path.exists() or path.read_text(encoding="utf-8") != text:
        path.write_text(text, encoding="utf-8")
        importlib.invalidate_caches()
        sys.modules.pop("calculators.core.traditional_table", None)
    return path
