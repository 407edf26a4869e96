"""The built pages mark their languages: ¶ titles, Chinese inside English pages, the switcher,
and the names of the search dialog and the footer links."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

import pytest

from calculators.page.markup import mark_chinese


def read(site: Path, path: str) -> str:
    return (site / path / "index.html").read_text(encoding="utf-8")


def test_permalinks_are_titled_in_the_page_language(site: Path) -> None:
    titles = {
        "guide/3-prepare": "永久链接",
        "zh-Hant/guide/3-prepare": "永久鏈接",
        "en/guide/3-prepare": "Permanent link",
    }
    for path, title in titles.items():
        if not (site / path).exists():
            continue  # a language this build does not have
        found = set(re.findall(r'class="headerlink" href="[^"]*" title="([^"]*)"', read(site, path)))
        assert found == {title}, path


# Han characters, CJK punctuation and full-width forms: what a reader's screen reader must read in Chinese.
CHINESE = re.compile(r"[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]")


def _unmarked_text(article: str) -> str:
    """The text of ``article`` outside ``<span lang="zh">`` (or an element in Chinese) and the
    elements that can't be marked."""
    outside = re.sub(r'<span lang="zh">[^<]*</span>', "", article)
    outside = re.sub(r'<(\w+)[^>]* lang="zh[^"]*"[^>]*>.*?</\1>', "", outside, flags=re.S)
    outside = re.sub(r"<(option|script|svg|textarea)\b.*?</\1>", "", outside, flags=re.S)
    return re.sub(r"<[^>]*>", "", outside)


def test_chinese_on_english_pages_is_marked(site: Path) -> None:
    html = read(site, "en/guide/4-channels")
    article = html[html.index("<article") : html.index("</article>")]
    assert '<span lang="zh">国家金融监督管理总局</span>' in article
    assert '<span lang="zh">' not in read(site, "guide/4-channels")
    for page in sorted((site / "en").rglob("index.html")):
        html = page.read_text(encoding="utf-8")
        article = html[html.index("<article") : html.index("</article>")]
        text = _unmarked_text(article)
        # Punctuation too: "《征信业管理条例》" in a link was marked from 征 only.
        assert not CHINESE.search(text), (
            page,
            re.findall(r".{0,20}" + CHINESE.pattern + r"+.{0,5}", text)[:5],
        )
        # Chinese already marked by hand is not marked again inside its own mark.
        assert not re.search(r'<span lang="zh">[^<]*<span lang="zh">', article), page


def _hook():  # noqa: ANN202 - the build hook, loaded as MkDocs loads it
    path = Path(__file__).resolve().parents[1] / "overrides" / "hooks" / "page_language.py"
    spec = importlib.util.spec_from_file_location("page_language_under_test", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


PAGE_TEXTS = [
    "<p>Open 花呗 (Huabei) in <b>支付宝</b>.</p>",
    "<p>Type 【】 and “请转人工客服”, then 12378.</p>",
    '<p>See <a href="#src">《征信业管理条例》, Article 16</a> and <span lang="zh">《借款合同》</span>.</p>',
    "<p>Pick <select><option>简体中文</option></select></p><svg><title>花呗</title></svg>",
    '<section lang="zh"><p>找不到这个页面</p></section><p>Page not found (页面)</p>',
]


@pytest.mark.parametrize("html", PAGE_TEXTS, ids=range(len(PAGE_TEXTS)))
def test_static_pages_mark_chinese_as_results_do(html: str) -> None:
    """One function marks both: CJK punctuation on its own (【】, 《》) is marked on a page as it is in
    a result, and Chinese inside an element already in Chinese is not marked again."""
    marked = _hook().mark_chinese(html)
    assert marked == mark_chinese(html, "en")
    assert not CHINESE.search(_unmarked_text(marked)), marked
    assert not re.search(r'<span lang="zh">[^<]*<span lang="zh">', marked), marked


def test_punctuation_alone_is_marked_on_a_page() -> None:
    marked = _hook().mark_chinese("<p>Type 【】 or 《》.</p>")
    assert marked == '<p>Type <span lang="zh">【】</span> or <span lang="zh">《》</span>.</p>'


def test_language_names_search_dialog_and_footer_links_are_named(site: Path) -> None:
    html = read(site, "en/guide/8-summary")
    assert re.search(r'<a href="[^"]*" hreflang="zh" lang="zh" class="md-select__link">', html)
    assert re.search(r'class="md-search" data-md-component="search" role="dialog" aria-label="[^"]+"', html)
    names = re.findall(r'class="md-footer__link md-footer__link--next" aria-label="([^"]*)"', html)
    assert names and "&amp;amp;" not in names[0]


def test_search_snippets_leave_the_calculator_forms_out(site: Path) -> None:
    """Labels, units and choices of the forms made garbled snippets ("已逾期天数 (天)天")."""
    import json

    indexes = sorted(site.glob("**/search/search_index.json"))  # one per language
    assert len(indexes) == 3
    texts = [
        doc["text"].replace("\u200b", "")
        for index in indexes
        for doc in json.loads(index.read_text(encoding="utf-8"))["docs"]
    ]
    for label in ("距离还款日的天数", "(天)天", "(元)元", "Days until the due date", "(days)days"):
        assert not any(label in text for text in texts), label
    # the guide's own words around a calculator stay searchable
    assert any("下面的计算器会建议先从哪个渠道开始" in text for text in texts)


def test_the_404_page_speaks_every_language_and_its_switcher_leads_home(site: Path) -> None:
    html = (site / "404.html").read_text(encoding="utf-8")
    article = html[html.index("<article") : html.index("</article>")]
    languages = re.findall(r'hreflang="([^"]+)"', html)
    assert {"zh", "en"} <= set(languages)
    for lang in languages:
        assert f'<section lang="{lang}" class="not-found">' in article, lang
    assert "Page not found" in article and "找不到这个页面" in article
    homes = re.findall(r'<a href="([^"]*)" hreflang="([^"]+)"', html)
    assert ("/negotiate-guide/", "zh") in homes and ("/negotiate-guide/en/", "en") in homes
    assert not any("introduction" in href for href, _ in homes)
    assert '<a href="/negotiate-guide/en/">Go to the home page</a>' in article
