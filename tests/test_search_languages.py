"""Search in each language finds only that language's pages (overrides/hooks/search_per_language.py).

Built site: one index per language, each holding that language's pages and nothing else, and every
page pointing Material's search at its own language's index. Browser: a reader types a word on a
Simplified, an English and a Traditional page, and every result stays in that language, online
and offline; snippets carry no calculator labels.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest

from tests.conftest import PREFIX, watch
from tests.test_build import LANG_ROOTS, PAGES

CONFIG = re.compile(r'<script id="__config" type="application/json">(.*?)</script>', re.S)
# Words found in every language's pages (12378) or in two (花呗 in the English text too): before
# per-language indexes, a search for them listed pages of the other languages.
QUERIES = {"zh": ["12378", "花呗"], "en": ["12378", "花呗", "Huabei"], "zh-Hant": ["12378", "花唄"]}
CALCULATOR_LABELS = ["已逾期天数", "已逾期天數", "(天)天", "(元)元", "Days overdue", "(days)days"]


def language_index(site: Path, lang: str) -> dict:
    """The search index a page in ``lang`` loads."""
    return json.loads((site / LANG_ROOTS[lang] / "search" / "search_index.json").read_text(encoding="utf-8"))


def language_pages(site: Path, lang: str) -> set[str]:
    """Every page of ``lang``, relative to its language's root (``guide/x/``), from the files."""
    root = site / LANG_ROOTS[lang]
    others = tuple(prefix for prefix in LANG_ROOTS.values() if prefix)
    pages = set()
    for html in root.rglob("index.html"):
        relative = html.relative_to(root).as_posix()
        if lang == "zh" and relative.startswith((*others, "pyodide/", "py/")):
            continue
        pages.add(relative.removesuffix("index.html"))
    return pages


def page_config(site: Path, path: str) -> dict:
    return json.loads(CONFIG.search((site / path / "index.html").read_text(encoding="utf-8")).group(1))


# --- the built site ----------------------------------------------------------------------------


@pytest.mark.parametrize("lang", list(LANG_ROOTS))
def test_each_language_index_holds_exactly_that_languages_pages(site: Path, lang: str) -> None:
    docs = language_index(site, lang)["docs"]
    locations = [doc["location"] for doc in docs]
    other_roots = tuple(prefix for prefix in LANG_ROOTS.values() if prefix)
    assert not [loc for loc in locations if loc.startswith(other_roots)], "another language's pages"
    indexed = {loc.split("#")[0] for loc in locations}
    assert indexed == language_pages(site, lang) >= set(PAGES)
    text = "".join(doc["title"] + doc["text"] for doc in docs).replace("\u200b", "")
    if lang == "zh":
        assert text.count("协商") > 10 and "協商" not in text and "Alipay" not in text
    elif lang == "zh-Hant":
        assert text.count("協商") > 10 and "协商" not in text and "Alipay" not in text
    else:
        assert text.count("Alipay") > 10 and "協商" not in text


def test_every_index_keeps_the_chinese_search_settings(site: Path) -> None:
    configs = [language_index(site, lang)["config"] for lang in LANG_ROOTS]
    assert all(config == configs[0] for config in configs)
    assert "zh" in configs[0]["lang"] and "\\u200b" in configs[0]["separator"]  # as the regex escape


@pytest.mark.parametrize("lang", list(LANG_ROOTS))
def test_every_page_loads_its_own_languages_index(site: Path, lang: str) -> None:
    """Material fetches ``search/search_index.json`` under ``base`` and resolves results against it."""
    for page in sorted(language_pages(site, lang)):
        path = LANG_ROOTS[lang] + page
        config = page_config(site, path)
        page_url = f"https://site.invalid{PREFIX}{path}"
        base = urljoin(page_url, config["base"])
        assert base.endswith("/"), (path, config["base"])  # or "search/..." would resolve one level up
        assert urljoin(base, "search/search_index.json") == (
            f"https://site.invalid{PREFIX}{LANG_ROOTS[lang]}search/search_index.json"
        ), path
        worker = urlsplit(urljoin(page_url, config["search"])).path
        assert (site / worker.removeprefix(PREFIX)).is_file(), path  # the worker stays at the site root


def test_calculator_pages_start_materials_search_worker_later(site: Path) -> None:
    """A calculator page's search worker is search-later.js, every other page's search-guard.js;
    search-later.js loads the guard, which names Material's own worker (a file beside it); the
    stand-ins and Material's worker are all in the offline copy."""
    workers = site / "assets" / "javascripts" / "workers"
    (material,) = [p.name for p in workers.glob("search.*.min.js")]
    later = (workers / "search-later.js").read_text(encoding="utf-8")
    guard = (workers / "search-guard.js").read_text(encoding="utf-8")
    assert 'new URL("search-guard.js", self.location.href)' in later
    assert f'new URL("{material}", self.location.href)' in guard and "__MATERIAL" not in guard
    seen = {"later": 0, "guard": 0}
    for lang in LANG_ROOTS:
        for page in sorted(language_pages(site, lang)):
            path = LANG_ROOTS[lang] + page
            html = (site / path / "index.html").read_text(encoding="utf-8")
            worker = urlsplit(
                urljoin(f"https://site.invalid{PREFIX}{path}", page_config(site, path)["search"])
            ).path
            calculators = '<meta name="calc-runtime"' in html
            expected = "search-later.js" if calculators else "search-guard.js"
            assert worker == f"{PREFIX}assets/javascripts/workers/{expected}", path
            seen["later" if calculators else "guard"] += 1
    assert seen["later"] >= 3 * 5 and seen["guard"] >= 3 * 3, seen  # guide sections, home, about
    sw = (site / "sw.js").read_text(encoding="utf-8")
    assert all(
        f'"assets/javascripts/workers/{name}"' in sw
        for name in ("search-later.js", "search-guard.js", material)
    )


def test_the_offline_copy_lists_every_languages_index(site: Path) -> None:
    worker = (site / "sw.js").read_text(encoding="utf-8")
    for prefix in LANG_ROOTS.values():
        assert f'"{prefix}search/search_index.json"' in worker, prefix


# --- in the browser ----------------------------------------------------------------------------


def search_results(page, query: str) -> list[tuple[str, str]]:
    """Type ``query`` in the search box of a freshly opened page; every result's link and text."""
    page.locator("input.md-search__input").click()
    page.fill("input.md-search__input", query)
    page.keyboard.press("End")  # a key event, as a person's typing makes (Material searches on keyup)
    page.locator(".md-search-result__item a").first.wait_for(state="attached", timeout=20000)
    return [
        (link.get_attribute("href") or "", link.inner_text())
        for link in page.locator(".md-search-result__list a").all()
    ]


def assert_results_in(results: list[tuple[str, str]], base_url: str, lang: str) -> None:
    assert results
    others = [base_url + prefix for prefix in LANG_ROOTS.values() if prefix and prefix != LANG_ROOTS[lang]]
    for href, _ in results:
        assert href.startswith(base_url + LANG_ROOTS[lang]), (href, results)
        assert not href.startswith(tuple(others)), (href, results)


@pytest.mark.browser
@pytest.mark.parametrize("lang", list(LANG_ROOTS))
def test_a_search_on_a_page_lists_only_pages_in_its_language(
    page_and_watch, base_url: str, lang: str
) -> None:
    page, seen = page_and_watch
    for query in QUERIES[lang]:
        page.goto(f"{base_url}{LANG_ROOTS[lang]}guide/introduction/")
        assert page.get_attribute("html", "lang") == lang
        results = search_results(page, query)
        assert_results_in(results, base_url, lang)
        for _, text in results:
            assert not any(label in text for label in CALCULATOR_LABELS), text
    indexes = {url for url in seen.requests if url.endswith("search_index.json")}
    assert indexes == {f"{base_url}{LANG_ROOTS[lang]}search/search_index.json"}
    # a result leads to a page in the same language, scrolled to the words (search.highlight)
    page.locator(".md-search-result__item a").first.click()
    page.wait_for_load_state()
    assert page.get_attribute("html", "lang") == lang
    assert page.url.startswith(base_url + LANG_ROOTS[lang])
    assert "404" not in page.title()


@pytest.mark.browser
def test_search_snippets_near_a_calculator_carry_no_form_labels(page_and_watch, base_url: str) -> None:
    page, _ = page_and_watch
    for query in ("逾期", "计算器"):
        page.goto(f"{base_url}guide/2-repayment-capacity/")
        results = search_results(page, query)
        assert_results_in(results, base_url, "zh")
        for _, text in results:
            assert not any(label in text for label in CALCULATOR_LABELS), (query, text)


@pytest.mark.browser
def test_offline_each_language_still_searches_its_own_pages(browser, base_url: str) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="zh-CN")
    page = context.new_page()
    seen = watch(page)
    page.goto(f"{base_url}guide/introduction/")
    page.wait_for_selector('html[data-offline="pages"]', state="attached", timeout=120_000)
    context.set_offline(True)
    for lang in LANG_ROOTS:
        page.goto(f"{base_url}{LANG_ROOTS[lang]}about/")
        assert_results_in(search_results(page, "12378"), base_url, lang)
    context.set_offline(False)
    assert seen.errors == []
    context.close()
