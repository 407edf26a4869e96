"""The calculators' wording, as a whole (issue 17, the editorial read of 2026-12-02): every
calculator's samples, run in English and in Chinese, and every form, say none of the phrases the
read found (British spellings, "Debt-free" for one agreement, "Please stop first", "Left out for
you", "re-spread"; 出借方 and 借款机构 for the lender, 在在线客服, 第五部分 for a section), and every
English date is written one way, "March 15, 2028", as the guide's English pages write it.

The lists are the read's findings; a phrase added back anywhere in a calculator's text fails here.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from html import unescape
from pathlib import Path

import pytest

from calculators import CALCULATORS, form_html, run
from calculators.core.dates import date_name
from tests.samples import GOOD

LANGS = ("zh", "en")
CALCULATORS_DIR = Path(__file__).resolve().parents[1] / "calculators"

MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"

FORBIDDEN: dict[str, tuple[str, ...]] = {
    "en": (
        # British spellings and idioms (the pages and README use US English)
        r"(?i)\b(optimi|recogni|organi|prioriti|minimi|apologi|reali)s(e|ed|es|ing|ation)\b",
        r"(?i)\b(colour|favour|behaviour|honour|labour)",
        r"(?i)\b(centre|licence|programme|cheque|judgement|instalment|catalogue|analyse)s?\b",
        r"(?i)\bat the weekend\b",
        r"(?i)\bagree(d|s|ing)? (a|an|the|how|this|our|my)\b",  # US: "agree on a plan", "agree to"
        # the read's phrases
        r"(?i)\bdebt-free\b",  # one agreement paid off is not the reader's whole debt
        r"Please stop first",
        r"Left out for you",
        r"(?i)\bre-?spread",
        r"(?i)good faith",
        r"a free slot on a weekday",
        r"so on average you only have about half",
        r"Don't invent or exaggerate",
        r"You can pay nothing now",
        r"Checked on",  # sources are "compiled on" until they are checked
        r"\bsee 7\.3\b|\bin 2\.1\b",  # a section is "section 7.3"
        rf"\b\d{{1,2}} ({MONTHS}) \d{{4}}\b",  # dates are "March 15, 2028"
    ),
    "zh": (
        r"出借方",
        r"借款机构",  # the lender is 贷款机构 everywhere
        r"在在线客服",
        r"第[一二三四五六七八九十]+部分",  # a section is 第五节, a subsection 2.1 节
        r"(见|用|按) ?\d\.\d(?! ?节)",
        r"\d\.\d 的计算器",
        r"用户",  # the reader is 你
        r"诚意",
        r"核对日期",  # 整理于
        r"其实更贵",
    ),
}


def strings(value: object) -> Iterator[str]:
    """Every string in an answer's data, however nested."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from strings(item)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from strings(item)


def said(name: str, fields: dict, lang: str) -> str:
    answer = run(name, fields, lang)
    assert answer["ok"], answer["errors"]
    return unescape(answer["html"]) + "\n" + "\n".join(strings(answer["data"]))


def samples() -> list[tuple[str, int]]:
    return [(name, index) for name, cases in GOOD.items() for index in range(len(cases))]


def found(text: str, lang: str) -> list[str]:
    return [m.group(0) for pattern in FORBIDDEN[lang] for m in re.finditer(pattern, text)]


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize(("name", "index"), samples())
def test_no_sample_says_a_phrase_of_the_read(name: str, index: int, lang: str) -> None:
    text = said(name, GOOD[name][index], lang)
    assert found(text, lang) == []


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("name", sorted(CALCULATORS))
def test_no_form_says_a_phrase_of_the_read(name: str, lang: str) -> None:
    assert found(unescape(form_html(name, lang)), lang) == []


@pytest.mark.parametrize("message_lang", LANGS)
def test_no_generated_message_says_a_phrase_of_the_read(message_lang: str) -> None:
    """The message calculator writes in its own language: every goal, in each language, on an
    English page (the message's words are checked against the message's language)."""
    from calculators.advice.goals import GOAL_KEYS

    for goal in ("", *GOAL_KEYS):
        fields = {"goal": goal, "message_lang": message_lang, "monthly_offer": "500", "pay_meanwhile": "on"}
        answer = run("message", fields, "en")
        assert answer["ok"], answer["errors"]
        for key in ("chat", "letter", "script", "record"):
            assert found(answer["data"][key], message_lang) == [], (goal, key)


def test_no_calculator_source_holds_a_zh_phrase_of_the_read() -> None:
    """Also the texts no sample reaches: the Chinese of every module (the generated Traditional
    table excepted, which follows the Simplified text)."""
    for path in sorted(CALCULATORS_DIR.rglob("*.py")):
        if path.name == "traditional_table.py":
            continue
        hits = found(path.read_text(encoding="utf-8"), "zh")
        assert hits == [], (path.name, hits)


def test_english_dates_are_written_month_day_year() -> None:
    """One form for an English date, as the pages write it: the agreement's dates, its tracker and
    its calendar file, and the plan's dated schedules."""
    from datetime import date

    assert date_name(date(2028, 3, 15), "en") == "March 15, 2028"
    assert date_name(date(2028, 3, 5), "en") == "March 5, 2028"
    agreement = next(fields for fields in GOOD["agreement"] if fields.get("first_due") == "2028-01-31")
    text = said("agreement", agreement, "en")
    assert "January 31, 2028" in text and "February 29, 2028" in text and "December 31, 2028" in text
    assert not re.search(rf"\b\d{{1,2}} ({MONTHS})\b", text)
    for fields in GOOD["plan"]:
        text = said("plan", {**fields, "first_due": "2027-01-31"}, "en")
        assert "January 31, 2027" in text and "February 28, 2027" in text
        assert not re.search(rf"\b\d{{1,2}} ({MONTHS})\b", text)
