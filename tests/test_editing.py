"""The edited text (issue 12): the English reads as English (US spelling, "you", one term for one
thing), the Chinese is consistent, and the source's wording is kept where the article speaks."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.test_build import PAGES, page_file, text_of

DOCS = Path(__file__).resolve().parents[1] / "docs"


def article_text(site: Path, lang: str, page: str) -> str:
    html = page_file(site, lang, page).read_text(encoding="utf-8")
    return text_of(html[html.index("<article") : html.index("</article>")])


def english() -> dict[str, str]:
    return {path.name: path.read_text(encoding="utf-8") for path in DOCS.rglob("*.en.md")}


LITERAL = [
    "has become a deep part of",
    "a question many users care about",
    "at its root",
    "this can also bring help",
    "These materials make users",
    "tick off",
    "From what you fill in",
    "interest freeze and account suspension",
    "Ant Jiebei",
    "in which Ant holds",
]
BRITISH = re.compile(
    r"\b\w*(optimis|analys|organis|recognis|licenc|colour|favour|behaviour|labelled|cancelled)\w*", re.I
)


def test_english_has_no_literal_phrasing_and_us_spelling() -> None:
    for name, text in english().items():
        for phrase in LITERAL:
            assert phrase not in text, f"{phrase!r} in {name}"
        assert not BRITISH.search(text), f"{BRITISH.search(text).group(0)!r} in {name}"


def test_english_addresses_the_reader_as_you() -> None:
    for name, text in english().items():
        assert not re.search(r"\busers?\b", text, re.I), f"'users' in {name}"


def test_one_translation_per_term() -> None:
    pages = "\n".join(english().values())
    assert "a reduction of part of the interest" not in pages
    assert pages.count("part of the interest waived") + pages.count("part of the interest to be waived") == 2
    assert "stopping interest and putting the debt on hold" in pages
    assert "keep debt collectors away" in pages  # the gloss of "anti-collection"


def test_chinese_is_consistent(site: Path) -> None:
    chinese = {page: article_text(site, "zh", page) for page in PAGES}
    everything = "\n".join(chinese.values())
    assert "手机APP" not in everything and "手机 App" in everything
    assert "(NFRA)" not in everything and "（NFRA）" in everything
    assert "如果清单保存" not in everything
    assert "它写给" not in chinese[""]
    assert "如果你在花呗、借呗上欠了钱" in chinese[""]


@pytest.mark.parametrize("page", ["guide/7-prevent/", "guide/8-summary/"])
def test_the_articles_words_are_kept_where_they_could_read_as_blame(site: Path, page: str) -> None:
    text = article_text(site, "zh", page)
    assert "提高财务管理能力" in text or "理性消费" in text


def calculator_english() -> list[tuple[str, str]]:
    """Every English text written in the calculators package (``{"en": "..."}``)."""
    import ast

    found = []
    for path in sorted((DOCS.parent / "calculators").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Dict):
                for key, value in zip(node.keys, node.values, strict=True):
                    if (
                        isinstance(key, ast.Constant)
                        and key.value == "en"
                        and isinstance(value, ast.Constant)
                    ):
                        found.append((f"{path.name}:{node.lineno}", str(value.value)))
    return found


def test_calculators_speak_the_guides_english() -> None:
    texts = calculator_english()
    assert len(texts) > 200
    for where, text in texts:
        assert not BRITISH.search(text), f"{BRITISH.search(text).group(0)!r} in {where}"
        assert "interest freeze" not in text, where  # 停息挂账 is not a penalty: see the guide's wording
