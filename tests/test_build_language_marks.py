"""The built pages mark their languages: ¶ titles, Chinese inside English pages, the switcher,
and the names of the search dialog and the footer links."""

from __future__ import annotations

import re
from pathlib import Path


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


def test_chinese_on_english_pages_is_marked(site: Path) -> None:
    html = read(site, "en/guide/4-channels")
    article = html[html.index("<article") : html.index("</article>")]
    text_outside_marks = re.sub(r'<span lang="zh">[^<]*</span>', "", article)
    text_outside_marks = re.sub(r"<(option|script|svg)\b.*?</\1>", "", text_outside_marks, flags=re.S)
    text = re.sub(r"<[^>]*>", "", text_outside_marks)
    assert '<span lang="zh">国家金融监督管理总局</span>' in article
    assert not re.search(r"[\u4e00-\u9fff]", text), re.findall(r".{20}[\u4e00-\u9fff]+.{5}", text)[:5]
    assert '<span lang="zh">' not in read(site, "guide/4-channels")


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
