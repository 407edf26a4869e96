"""Every result marks the language of what it quotes: no Chinese character of a result is read in a
non-Chinese language (an English page, or an English message on a Chinese page).

Each calculator's samples run as the page runs them (``run()``), in every site language, and
with the message's language set to each choice. The check parses the HTML independently of the
code that marks it: every text's language is its nearest ``lang`` attribute, else the page's.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest

from calculators import run
from calculators.core.i18n import SITE_LANGS
from calculators.page.markup import mark_chinese
from tests.samples import GOOD

CJK = re.compile(r"[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]")
VOID = {"area", "br", "col", "hr", "img", "input", "meta", "source", "wbr"}


class _Languages(HTMLParser):
    """Collects every text whose language is not Chinese but holds a Chinese character."""

    def __init__(self, page_lang: str) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, str]] = [("", page_lang)]
        self.unmarked: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in VOID:
            self.stack.append((tag, dict(attrs).get("lang") or self.stack[-1][1]))

    def handle_endtag(self, tag: str) -> None:
        while len(self.stack) > 1 and self.stack.pop()[0] != tag:
            pass

    def handle_data(self, data: str) -> None:
        lang = self.stack[-1][1]
        if not (lang == "zh" or lang.startswith("zh-")) and CJK.search(data):
            self.unmarked.append(data)


def unmarked_chinese(html: str, page_lang: str) -> list[str]:
    parser = _Languages(page_lang)
    parser.feed(html)
    parser.close()
    return parser.unmarked


def _cases() -> list[tuple[str, int, dict]]:
    cases = [(name, index, fields) for name, samples in GOOD.items() for index, fields in enumerate(samples)]
    for index, fields in enumerate(GOOD["message"]):  # every message language on every page
        for message_lang in ("", "zh", "en"):
            cases.append(("message", 100 + index, {**fields, "message_lang": message_lang, "agent": "on"}))
    return cases


@pytest.mark.parametrize(("name", "index", "fields"), _cases(), ids=lambda value: str(value)[:20])
@pytest.mark.parametrize("lang", SITE_LANGS)
def test_no_chinese_in_a_result_is_left_in_another_language(
    name: str, index: int, fields: dict, lang: str
) -> None:
    answer = run(name, fields, lang)
    assert answer["ok"], answer["errors"]
    for html in [
        answer["html"],
        *answer["data"].get("schedules", []),
        *answer["data"].get("chart_tables", []),
    ]:
        assert unmarked_chinese(html, lang) == []


def test_english_results_do_quote_chinese() -> None:
    """The check above is not empty: English results that quote Chinese, and what the check finds
    when the marks are missing."""
    warning = run("message", {"agent": "on", "message_lang": "en"}, "en")["html"]
    assert '<span lang="zh">' in warning
    chinese_message = run("message", {}, "en")["html"]
    assert '<pre class="calc-copy-text" id="calc-message-chat" lang="zh">' in chinese_message
    bare = warning.replace('<span lang="zh">', "<span>")
    assert unmarked_chinese(bare, "en")


def test_an_english_message_on_a_chinese_page_marks_its_chinese_words() -> None:
    html = run("message", {"product": "huabei", "message_lang": "en"}, "zh")["html"]
    english = re.search(
        r'<pre class="calc-copy-text" id="calc-message-chat" lang="en">(.*?)</pre>', html, re.S
    )
    assert english and '(<span lang="zh">花呗</span>)' in english.group(1)


def test_simplified_message_on_a_traditional_page_says_so() -> None:
    html = run("message", {"message_lang": "zh"}, "zh-Hant")["html"]
    assert '<pre class="calc-copy-text" id="calc-message-chat" lang="zh">' in html
    assert 'lang="zh-Hant"' not in run("message", {}, "zh-Hant")["html"]


def test_chinese_pages_are_left_as_they_are() -> None:
    html = "<p>花呗 <b>借呗</b></p>"
    assert mark_chinese(html, "zh") == html
    assert mark_chinese(html, "zh-Hant") == html
    assert mark_chinese(html, "en") == '<p><span lang="zh">花呗</span> <b><span lang="zh">借呗</span></b></p>'
