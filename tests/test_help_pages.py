"""The guide's help pages (issue 17): collection calls, growing arrears, a refusal, scams, which
bills come first and the credit report; the crisis box at the end of every guide and help page.

Built site: each help page exists in the three languages under its title and in the navigation's
"更多帮助 / More help" section; every fact on it (every paragraph or list item with a figure, a
hotline or a date) links to an entry of the About page's sources list that names its issuer,
title and date; the crisis box ends every guide and help page in the page's language and is in no
search index; each language's search index finds each topic by the words a reader would type.
Browser: a search for a reader's word on a page of each language lists the help page.
"""

from __future__ import annotations

import json
import re
import sys
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest

from tests.conftest import PREFIX, ROOT
from tests.test_build import LANG_ROOTS, page_file, text_of
from tests.test_search_languages import assert_results_in, language_index, language_pages, search_results
from tests.test_sources import ENTRY_FIELDS, article, resolve, source_entries

sys.path.insert(0, str(ROOT / "overrides" / "hooks"))
from traditional_text import to_traditional  # noqa: E402

HELP = ["help/collection/", "help/arrears/", "help/refusal/", "help/scams/", "help/priorities/"]
TITLES = {
    "zh": {
        "help/collection/": "催收电话和上门",
        "help/arrears/": "逾期越久会怎样",
        "help/refusal/": "贷款机构拒绝、不回复或要求太高",
        "help/scams/": "针对借款人的骗局",
        "help/priorities/": "先还哪些账，怎样查征信报告",
    },
    "en": {
        "help/collection/": "Collection calls and visits",
        "help/arrears/": "If the arrears keep growing",
        "help/refusal/": "If the lender says no, goes quiet or asks too much",
        "help/scams/": "Scams aimed at borrowers",
        "help/priorities/": "Which bills come first, and your credit report",
    },
}
SECTION_TITLE = {"zh": "更多帮助", "en": "More help", "zh-Hant": "更多幫助"}
# What a reader types, and the page that must answer it, in each language.
TOPICS = {
    "zh": {"催收": "help/collection/", "起诉": "help/arrears/", "法院": "help/arrears/",
           "骗子": "help/scams/", "征信修复": "help/scams/"},
    "zh-Hant": {"催收": "help/collection/", "起訴": "help/arrears/", "法院": "help/arrears/",
                "騙子": "help/scams/", "徵信修復": "help/scams/"},
    "en": {"collector": "help/collection/", "court": "help/arrears/", "scam": "help/scams/"},
}  # fmt: skip
SOURCE_LINE = re.compile(r"^\s*(来源|Sources?)[：:]")
# A figure, a hotline, a date, or a named document (《…》): a fact that needs its source.
FACT_MARK = re.compile(r"\d|《")
SECTION_REFERENCE = re.compile(r"\bsections? \d+(?:\.\d+)?|\d+\.\d+ 节")
# Entries whose source gives no date (the 96110 page is undated; good practice is general advice).
UNDATED = {"src-96110", "src-good-practice"}
CRISIS = re.compile(r'<aside\b[^>]*class="[^"]*\bcrisis-box\b[^"]*"[^>]*>(?P<body>.*?)</aside>', re.S)


# --- a small tree of the article, to find which source covers a paragraph -----------------------


class Node:
    def __init__(self, tag: str, attrs: dict[str, str | None], parent: Node | None) -> None:
        self.tag, self.attrs, self.parent = tag, attrs, parent
        self.children: list[Node | str] = []

    def text(self) -> str:
        return "".join(child if isinstance(child, str) else child.text() for child in self.children)

    def links(self) -> list[str]:
        own = [self.attrs["href"] or ""] if self.tag == "a" and self.attrs.get("href") else []
        return own + [href for child in self.children if isinstance(child, Node) for href in child.links()]

    def walk(self):  # noqa: ANN201 - a generator of nodes
        for child in self.children:
            if isinstance(child, Node):
                yield child
                yield from child.walk()


class Tree(HTMLParser):
    VOID = {"br", "img", "hr", "input", "meta", "link", "wbr", "source"}

    def __init__(self) -> None:
        super().__init__()
        self.root = self.current = Node("root", {}, None)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        node = Node(tag, dict(attrs), self.current)
        self.current.children.append(node)
        if tag not in self.VOID:
            self.current = node

    def handle_endtag(self, tag: str) -> None:
        node = self.current
        while node.parent is not None and node.tag != tag:
            node = node.parent
        if node.parent is not None:
            self.current = node.parent

    def handle_data(self, data: str) -> None:
        self.current.children.append(data)


def tree_of(html: str) -> Node:
    parser = Tree()
    parser.feed(html)
    return parser.root


def cites(links: list[str]) -> bool:
    return any("#src-" in href for href in links)


def uncovered_facts(html: str) -> list[str]:
    """Paragraphs and list items with a figure (a number, a hotline, a date) or a named document
    that no source covers:
    none in themselves, none in an enclosing list item, and no "来源：/Source:" line after them in
    the same ``<h2>`` section."""
    root = tree_of(html[html.index(">", html.index("<article")) + 1 : html.index("</article>")])
    sections: list[list[Node]] = [[]]
    for child in root.children:
        if isinstance(child, Node):
            if child.tag == "h2":
                sections.append([])
            sections[-1].append(child)
    missing = []
    for section in sections:
        for position, top in enumerate(section):
            later_sources = any(
                node.tag == "p" and SOURCE_LINE.match(node.text()) and cites(node.links())
                for node in section[position + 1 :]
            )
            for node in [top, *top.walk()]:
                if node.tag not in ("p", "li") or not FACT_MARK.search(
                    SECTION_REFERENCE.sub("", node.text())
                ):
                    continue
                ancestors = []
                parent = node
                while parent is not None:
                    ancestors.append(parent)
                    parent = parent.parent
                if any(a.tag in ("p", "li") and cites(a.links()) for a in ancestors) or later_sources:
                    continue
                missing.append(node.text().strip()[:80])
    return missing


def field(entry: str, label: str) -> str:
    found = re.search(rf"<strong>{label}</strong>\s*[:：]\s*(.*?)</li>", entry, re.S)
    return text_of(found.group(1)).strip() if found else ""


# --- the pages ------------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("page", HELP)
def test_help_page_has_its_title_in_its_language(site: Path, lang: str, page: str) -> None:
    html = page_file(site, lang, page).read_text(encoding="utf-8")
    assert f'<html lang="{lang}"' in html
    heading = re.search(r"<h1[^>]*>(.*?)</h1>", html, re.S)
    assert (
        heading
        and text_of(re.sub(r'<a class="headerlink".*?</a>', "", heading.group(1))).strip()
        == TITLES[lang][page]
    )
    traditional = (site / "zh-Hant" / page / "index.html").read_text(encoding="utf-8")
    assert "<h1" in traditional and to_traditional(TITLES["zh"][page]) in traditional


@pytest.mark.parametrize("lang", list(LANG_ROOTS))
def test_help_pages_are_a_section_of_the_navigation_in_each_language(site: Path, lang: str) -> None:
    html = page_file(site, lang, "").read_text(encoding="utf-8")
    nav = html[html.index('<nav class="md-nav md-nav--primary"') :]
    start = nav.index(SECTION_TITLE[lang])
    section = nav[start : nav.index("about/", start)]
    for page in HELP:
        assert f'href="{page}"' in section, (lang, page)
    for other, title in SECTION_TITLE.items():
        if other != lang and title != SECTION_TITLE[lang]:
            assert title not in html, (lang, title)


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("page", HELP)
def test_every_fact_links_to_an_entry_with_issuer_title_and_date(site: Path, lang: str, page: str) -> None:
    html = article(site, lang, page)
    entries = source_entries(site, lang)
    cited = set()
    for href in re.findall(r'href="([^"]+#src-[^"]+)"', html):
        path, fragment = resolve(lang, page, href)
        assert path == f"{'' if lang == 'zh' else 'en/'}about/" and fragment in entries, href
        cited.add(fragment)
    assert len(cited) >= 4, cited
    for name in cited:
        issuer, title, date = (field(entries[name], label) for label in ENTRY_FIELDS[lang][1:4])
        assert issuer and title and date, f"{lang} {name}: issuer {issuer!r}, title {title!r}, date {date!r}"
        if name not in UNDATED:
            assert re.search(r"\b(19|20)\d\d\b|(19|20)\d\d[-年]", date), f"{lang} {name}: no year in {date!r}"
    assert uncovered_facts(page_file(site, lang, page).read_text(encoding="utf-8")) == []


def test_a_fact_without_a_source_is_found(site: Path) -> None:
    """The coverage check can fail: a paragraph with a figure and no source is reported."""
    html = page_file(site, "zh", "help/refusal/").read_text(encoding="utf-8")
    planted = html.replace(
        "</article>",
        "<h2>新的一节</h2><p>投诉要在 7 日内处理。</p><ul><li>《某某办法》这样规定。</li></ul></article>",
        1,
    )
    assert uncovered_facts(html) == []
    assert uncovered_facts(planted) == ["投诉要在 7 日内处理。", "《某某办法》这样规定。"]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_new_entries_say_compiled_on_with_the_date(site: Path, lang: str) -> None:
    compiled = {"zh": "整理于：2026 年 12 月 2 日", "en": "compiled on: December 2, 2026"}[lang]
    entries = source_entries(site, lang)
    cited = {
        resolve(lang, page, href)[1]
        for page in HELP
        for href in re.findall(r'href="([^"]+#src-[^"]+)"', article(site, lang, page))
    }
    new = [name for name in cited if compiled.lower() in text_of(entries[name]).lower()]
    assert len(new) >= 15, new
    for name in new:
        assert "checked on" not in text_of(entries[name]).lower() and "核对日期" not in entries[name], name


def test_the_help_pages_link_back_to_the_guide_and_to_each_other(site: Path) -> None:
    for lang in ("zh", "en"):
        links = {page: re.findall(r'href="([^"#]+)', article(site, lang, page)) for page in HELP}
        for page, hrefs in links.items():
            targets = {resolve(lang, page, href)[0] for href in hrefs}
            root = "" if lang == "zh" else "en/"
            assert any(t.startswith(f"{root}guide/") for t in targets), (lang, page)
            assert any(t.startswith(f"{root}help/") and t != f"{root}{page}" for t in targets), (lang, page)
        refusal = {resolve(lang, "help/refusal/", h)[0] for h in links["help/refusal/"]}
        assert {f"{root}guide/4-channels/", f"{root}guide/5-communicate/"} <= refusal


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_pages_say_what_the_facts_files_require(site: Path, lang: str) -> None:
    """The caveats the facts files attach to these facts are on the pages."""
    text = {page: text_of(article(site, lang, page)) for page in HELP}
    wanted = {
        "zh": {
            "help/arrears/": ["确实没有能力还，本身不是列入失信名单的理由", "15 日内", "12368", "人民法院在线服务",
                              "生活必需费用", "是否报送、怎样报送"],
            "help/refusal/": ["投诉不等于贷款机构必须接受你的方案", "15 日", "60 日", "没有核实", "不要借新贷还旧贷"],
            "help/scams/": ["www.pbccrc.org.cn", "400-810-8866", "96110", "征信修复", "骗子", "安全账户",
                            "注销账户", "影响征信", "屏幕共享"],
            "help/priorities/": ["至少两次免费", "可能要收费", "不是从你第一次逾期的那天算起", "乡镇人民政府",
                                 "这里说不了你能得到多少"],
            "help/collection/": ["不是法律", "12378", "110", "个人账户"],
        },
        "en": {
            "help/arrears/": ["Being unable to pay is not, in itself, a reason", "15 days", "12368",
                              "need to live on", "whether and how"],
            "help/refusal/": ["doesn't oblige the lender to accept your plan", "15 days", "60 days",
                              "haven't been able to confirm", "Don't borrow from one lender to pay another"],
            "help/scams/": ["www.pbccrc.org.cn", "400-810-8866", "96110", "credit repair", "scammer",
                            "safe account", "share your screen"],
            "help/priorities/": ["at least two free reports a year", "a fee may apply",
                                 "not from the day you first missed a payment", "we can't tell you what you might get"],
            "help/collection/": ["self-regulation, not law", "12378", "110", "personal account"],
        },
    }[lang]  # fmt: skip
    for page, phrases in wanted.items():
        for phrase in phrases:
            assert phrase in text[page], (lang, page, phrase)
    everything = "".join(text.values())
    assert "120" not in re.sub(r"\d{4,}", "", everything)  # no source for 120 in the facts files
    if lang == "zh":
        assert "借款机构" not in everything and "出借方" not in everything  # the lender is 贷款机构
        assert "用户" not in everything


# --- the crisis box -------------------------------------------------------------------------------


def guide_and_help_pages(site: Path, lang: str) -> list[str]:
    pages = sorted(p for p in language_pages(site, lang) if p.startswith(("guide/", "help/")))
    assert len(pages) >= 14, pages
    return pages


@pytest.mark.parametrize("lang", list(LANG_ROOTS))
def test_the_crisis_box_ends_every_guide_and_help_page(site: Path, lang: str) -> None:
    boxes = set()
    for page in guide_and_help_pages(site, lang):
        html = page_file(site, lang, page).read_text(encoding="utf-8")
        body = html[html.index("<article") : html.index("</article>")]
        found = list(CRISIS.finditer(body))
        assert len(found) == 1, (lang, page)
        assert body[found[0].end() :].strip() == "", f"{lang} {page}: something after the crisis box"
        box = found[0].group(0)
        assert 'aria-labelledby="crisis-box-title"' in box and 'id="crisis-box-title"' in box
        text = text_of(box)
        assert "12356" in text and "110" in text and "18" in text and "120" not in text
        for entry in ("src-12356", "src-110"):
            hrefs = re.findall(rf'href="([^"]*#{entry})"', box)
            assert hrefs, (lang, page, entry)
            target = urlsplit(urljoin(f"http://x{PREFIX}{LANG_ROOTS[lang]}{page}", hrefs[0]))
            assert target.path == f"{PREFIX}{LANG_ROOTS[lang]}about/", (lang, page, hrefs[0])
        boxes.add(text)
    assert len(boxes) == 1  # the same box everywhere in one language
    (text,) = boxes
    if lang == "zh-Hant":
        zh = text_of(CRISIS.search(article(site, "zh", "guide/introduction/")).group(0))
        assert text == to_traditional(zh) and text != zh
    for page in ("", "about/"):
        assert "crisis-box" not in page_file(site, lang, page).read_text(encoding="utf-8"), page


@pytest.mark.parametrize("lang", list(LANG_ROOTS))
def test_the_crisis_box_is_in_no_search_index(site: Path, lang: str) -> None:
    index = language_index(site, lang)
    text = json.dumps(index["docs"], ensure_ascii=False).replace("\u200b", "")
    title = (
        text_of(CRISIS.search(article(site, lang, "guide/introduction/")).group(0)).strip().splitlines()[0]
    )
    assert len(title) > 4 and title not in text, title
    located = {doc["location"].split("#")[0] for doc in index["docs"]}
    assert set(HELP) <= located  # the pages themselves are indexed


# --- search ---------------------------------------------------------------------------------------


def tokens(text: str, separator: str) -> set[str]:
    return {token.lower() for token in re.split(separator, text) if token}


@pytest.mark.parametrize("lang", list(LANG_ROOTS))
def test_each_languages_index_finds_each_topic_by_a_readers_words(site: Path, lang: str) -> None:
    """Each word is a token, or a run of tokens (jieba cuts 征信修复 as 征信 + 修复), of the help
    page's entries in that language's own index, in its title or its text."""
    index = language_index(site, lang)
    separator = index["config"]["separator"]
    for word, page in TOPICS[lang].items():
        docs = [doc for doc in index["docs"] if doc["location"].split("#")[0] == page]
        assert docs, (lang, page)
        found = False
        for doc in docs:
            for part in ("title", "text"):
                cut = [t.lower() for t in re.split(separator, text_of(doc[part])) if t]
                runs = {
                    "".join(cut[i:j]) for i in range(len(cut)) for j in range(i + 1, min(i + 4, len(cut)) + 1)
                }
                found = found or any(run == word or (run.startswith(word) and word.isascii()) for run in runs)
        assert found, f"{lang}: {word!r} does not find {page}"


@pytest.mark.browser
@pytest.mark.parametrize(
    ("lang", "query", "page"),
    [("zh", "征信修复", "help/scams/"), ("zh", "催收", "help/collection/"),
     ("zh-Hant", "騙子", "help/scams/"), ("en", "collector", "help/collection/"), ("en", "scam", "help/scams/")],
)  # fmt: skip
def test_a_readers_search_lists_the_help_page(
    page_and_watch, base_url: str, lang: str, query: str, page
) -> None:
    browser_page, _ = page_and_watch
    browser_page.goto(f"{base_url}{LANG_ROOTS[lang]}about/")
    results = search_results(browser_page, query)
    assert_results_in(results, base_url, lang)
    assert any(href.startswith(f"{base_url}{LANG_ROOTS[lang]}{page}") for href, _ in results), results
