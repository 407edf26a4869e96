"""The guide's additions on the built site: every fact box cites an entry of the About page's
sources list (and every entry is cited), every addition carries the one short marker at one heading
level and each section says once, under its title, what the marker means and when the sources were
compiled; good practice is readable without JavaScript, and the About page lists all browser storage.

The marker rule covers the article's sections (guide/): there the reader must tell the article's
text from the guide's. Pages under docs/help/ are the guide's own text whole and are not marked."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest

from tests.conftest import PREFIX
from tests.test_build import PAGES, page_file, text_of

LANGS = ["zh", "en"]
ROOTS = {"zh": "", "en": "en/"}
# Left out of the search index: a search result's title is the heading without it.
MARKER = {
    "zh": '<span class="added" data-search-exclude>补充</span>',
    "en": '<span class="added" data-search-exclude>Added</span>',
}
OLD_LABELS = ["本指南补充", "Added by this guide", "核对日期", "checked on", "Checked on"]
DATE = {"zh": "2026 年 11 月 28 日", "en": "November 28, 2026"}  # when the pages' sources were compiled
COMPILED = {"zh": f"整理于 {DATE['zh']}", "en": f"compiled on {DATE['en']}"}
PROVENANCE = re.compile(r'<p class="provenance">(?P<body>.*?)</p>', re.S)
CHAPTERS = [page for page in PAGES if page.startswith("guide/")]
ADMONITION = re.compile(
    r'<div class="admonition (?P<kind>[\w ]+)">\s*<p class="admonition-title">(?P<title>.*?)</p>(?P<body>.*?)</div>',
    re.S,
)
HEADING = re.compile(r"<h(?P<level>[1-6])[^>]*>(?P<text>.*?)</h(?P=level)>", re.S)
ARTICLE_SECTION = re.compile(r"^\d\.\d ")  # "4.1 在线客服": the article's own numbered sections
ENTRY_FIELDS = {
    "zh": ["事实", "发布方", "标题", "日期", "网址", "整理于"],
    "en": ["Fact", "Issuer", "Title", "Date", "Address", "Compiled on"],
}
# The entries compiled from domain-facts.md, which gives no address for any of them.
WITHOUT_ADDRESS = ["src-lender", "src-apr", "src-alipay", "src-12378", "src-paid-agents", "src-good-practice",
                   "src-credit"]  # fmt: skip
# What domain-facts.md supports as good practice, as each language words it on sections 5 and 6.
GOOD_PRACTICE = {
    "zh": ["尽早联系贷款机构", "预算", "暂停计收利息和费用", "记录每一次通话", "书面形式确认", "先按你提出的金额", "基本开支"],
    "en": ["Contact the lender early", "budget", "freeze interest and charges", "record of every call", "in writing",
           "start paying the amount you offered", "essentials"],
}  # fmt: skip

CRISIS_BOX = re.compile(r"<aside[^>]*crisis-box.*?</aside>", re.S)


def article(site: Path, lang: str, page: str) -> str:
    html = page_file(site, lang, page).read_text(encoding="utf-8")
    return html[html.index("<article") : html.index("</article>")]


def resolve(lang: str, page: str, href: str) -> tuple[str, str]:
    """(page path relative to the site root, fragment) of a link on ``page``."""
    target = urlsplit(urljoin(f"http://x{PREFIX}{ROOTS[lang]}{page}", href))
    return target.path.removeprefix(PREFIX), target.fragment


def source_entries(site: Path, lang: str) -> dict[str, str]:
    """id -> text of each entry (an ``<h3 id="src-...">`` and what follows it) on the About page."""
    html = article(site, lang, "about/")
    starts = list(re.finditer(r'<h3 id="(src-[\w-]+)"', html))
    return {
        match.group(1): html[match.start() : starts[i + 1].start() if i + 1 < len(starts) else len(html)]
        for i, match in enumerate(starts)
    }


def box_is_sourced(lang: str, page: str, box: re.Match[str]) -> bool:
    """A box cites an entry of the sources list, or states no fact of its own and points to where the
    facts are: the scam warning of section 4 (a danger box), or a page of the guide's help pages
    (which carry their own sources)."""
    targets = [resolve(lang, page, href) for href in re.findall(r'href="([^"]+)"', box["body"])]
    about = f"{ROOTS[lang]}about/"
    sources = {fragment for path, fragment in targets if path == about and fragment.startswith("src-")}
    warning = (f"{ROOTS[lang]}guide/4-channels/", "") in targets and box["kind"] == "danger"
    pointer = any(path.startswith(f"{ROOTS[lang]}help/") for path, _ in targets)
    return bool(sources) or warning or pointer


def test_a_box_without_a_source_link_fails_the_rule() -> None:
    def box(kind: str, body: str) -> re.Match[str]:
        html = f'<div class="admonition {kind}"><p class="admonition-title">t</p>{body}</div>'
        match = ADMONITION.search(html)
        assert match
        return match

    page = "guide/5-communicate/"
    assert box_is_sourced("en", page, box("tip", '<p>x <a href="../../about/#src-good-practice">s</a></p>'))
    assert box_is_sourced("en", page, box("note", '<p>see <a href="../../help/collection/">c</a></p>'))
    assert box_is_sourced("en", page, box("danger", '<p>see <a href="../4-channels/">4</a></p>'))
    assert not box_is_sourced("en", page, box("note", "<p>A fact with no source.</p>"))
    assert not box_is_sourced("en", page, box("note", '<p>see <a href="../4-channels/">4</a></p>'))
    assert not box_is_sourced("en", page, box("tip", '<p><a href="../../about/#privacy">about</a></p>'))


@pytest.mark.parametrize("lang", LANGS)
def test_every_fact_box_cites_an_entry_and_every_entry_is_cited(site: Path, lang: str) -> None:
    entries = source_entries(site, lang)
    assert len(entries) >= 6
    cited: set[str] = set()
    about = f"{ROOTS[lang]}about/"
    for page in PAGES:
        if page == "about/":
            continue
        html = article(site, lang, page)
        for href in re.findall(r'href="([^"]+#src-[^"]+)"', html):
            path, fragment = resolve(lang, page, href)
            assert path == about and fragment in entries, f"{lang} {page}: {href} leads nowhere"
            cited.add(fragment)
        for box in ADMONITION.finditer(html):
            assert box_is_sourced(lang, page, box), f"{lang} {page}: box without a source"
            # Short: the source is a link, not the issuers and titles repeated in every box.
            assert "中国证监会" not in box["body"] and "Securities Regulatory" not in box["body"]
    assert cited == set(entries), f"entries no page cites: {set(entries) - cited}"


@pytest.mark.parametrize("lang", LANGS)
def test_every_entry_names_issuer_title_date_and_address(site: Path, lang: str) -> None:
    for name, entry in source_entries(site, lang).items():
        for label in ENTRY_FIELDS[lang]:
            assert f"<strong>{label}</strong>" in entry, f"{lang} {name}: no {label}"
        # domain-facts.md gives no address for any of these facts: none may be invented.
        if name in WITHOUT_ADDRESS:
            assert "http" not in entry, f"{lang} {name} links somewhere"
        compiled = entry.split(f"<strong>{ENTRY_FIELDS[lang][-1]}</strong>", 1)[1]
        assert re.match(
            r"\W*(\d{4} 年 \d{1,2} 月 \d{1,2} 日|[A-Z][a-z]+ \d{1,2}, \d{4})", text_of(compiled)
        ), name
        for old in OLD_LABELS:
            assert old not in entry, f"{lang} {name}: {old!r}"


@pytest.mark.parametrize("lang", LANGS)
def test_the_fact_about_checked_contacts_is_worded_once(site: Path, lang: str) -> None:
    wording = {"zh": "联系方式（含来源）", "en": "contacts and their sources"}[lang]
    for page in ["", "guide/4-channels/"]:
        assert wording in text_of(article(site, lang, page)).lower(), page
    for page in PAGES:
        text = text_of(article(site, lang, page))
        for claim in ("核实过的", "核对过的", "Contacts we checked", "contacts we checked"):
            assert claim not in text, f"{claim} on {lang} {page}"


def additions(html: str) -> tuple[list[re.Match[str]], list[re.Match[str]], list[re.Match[str]]]:
    """(added headings, article headings, boxes outside an added section) of an article, in order."""
    added, original, loose = [], [], []
    parts = sorted([*HEADING.finditer(html), *ADMONITION.finditer(html)], key=lambda match: match.start())
    inside = False
    for part in parts:
        if "level" not in part.groupdict():
            if not inside:
                loose.append(part)
            continue
        text = text_of(part["text"]).replace("¶", "").strip()
        if part["level"] == "1":
            continue
        if ARTICLE_SECTION.match(text):
            original.append(part)
            inside = False
        else:
            added.append(part)
            inside = part["level"] == "2"
    return added, original, loose


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("page", CHAPTERS)
def test_every_addition_is_marked_the_same_way_at_one_heading_level(site: Path, lang: str, page: str) -> None:
    html = article(site, lang, page)
    added, original, loose = additions(html)
    for box in loose:
        assert MARKER[lang] in box["title"], f"unmarked box {box['title']!r} on {lang} {page}"
    for heading in added:
        assert MARKER[lang] in heading["text"], f"unmarked heading {heading['text']!r} on {lang} {page}"
        assert heading["level"] == "2", f"added heading at level {heading['level']} on {lang} {page}"
    for heading in original:
        assert MARKER[lang] not in heading["text"], f"the article's heading {heading['text']!r} is marked"
    # One marker each: a box inside an added section is part of that addition.
    provenance = PROVENANCE.findall(html)
    marked = html.count(MARKER[lang]) - sum(body.count(MARKER[lang]) for body in provenance)
    assert marked == len(added) + len(loose), f"{lang} {page}: a marker on something that is not an addition"
    for old in OLD_LABELS:
        assert old not in html, f"{old!r} on {lang} {page}"
    if not marked:
        assert not provenance, page
        return
    # Once per section, right under its title: what the marker means, and where the sources are.
    assert len(provenance) == 1, f"{lang} {page}: {len(provenance)} provenance lines"
    assert re.search(r"</h1>\s*" + re.escape('<p class="provenance">'), html), (
        f"{lang} {page}: not under the title"
    )
    assert MARKER[lang] in provenance[0]
    cites = "#src-" in CRISIS_BOX.sub("", html)  # the crisis box at every page's end cites its own sources
    assert (COMPILED[lang] in provenance[0]) is cites, (
        f"{lang} {page}: the compiled date, and only with sources"
    )
    if cites:
        assert re.search(r'href="[^"]*about/#sources"', provenance[0]), (
            f"{lang} {page}: no link to the sources"
        )


@pytest.mark.parametrize("lang", LANGS)
def test_the_marker_is_explained_where_a_reader_starts(site: Path, lang: str) -> None:
    for page in ["", "about/"]:
        assert MARKER[lang] in article(site, lang, page), page
    assert DATE[lang] in text_of(article(site, lang, ""))


def test_the_marker_rule_fails_on_an_unmarked_addition_and_an_unsourced_box() -> None:
    """The rule itself, on a made-up article: an addition without its marker is found."""
    marker = MARKER["en"]
    good = (
        '<h1>4. Choose</h1><p class="provenance">marked ' + marker + "</p>"
        "<h2>4.1 Online</h2><p>text</p>"
        '<div class="admonition danger"><p class="admonition-title">Scams ' + marker + "</p><p>x</p></div>"
        "<h2>Contacts " + marker + '</h2><div class="admonition info"><p class="admonition-title">Rules</p>'
        "<p>y</p></div>"
    )
    added, original, loose = additions(good)
    assert [len(added), len(original), len(loose)] == [1, 1, 1]
    assert all(marker in part["title"] for part in loose)
    unmarked = good.replace("Scams " + marker, "Scams")
    assert not all(marker in part["title"] for part in additions(unmarked)[2])
    unmarked_heading = good.replace("Contacts " + marker, "Contacts")
    assert not all(marker in part["text"] for part in additions(unmarked_heading)[0])


@pytest.mark.parametrize("lang", LANGS)
def test_good_practice_is_in_the_page_for_readers_without_javascript(site: Path, lang: str) -> None:
    found = ""
    for page in ["guide/5-communicate/", "guide/6-follow-up/"]:
        boxes = [box for box in ADMONITION.finditer(article(site, lang, page)) if box["kind"] == "tip"]
        assert len(boxes) == 1, page
        assert "src-good-practice" in boxes[0]["body"]
        found += text_of(boxes[0]["body"])
    for point in GOOD_PRACTICE[lang]:
        assert point in found, point


@pytest.mark.parametrize("lang", LANGS)
def test_scam_pointer_on_introduction_and_section_6_and_neutral_line(site: Path, lang: str) -> None:
    for page in ["guide/introduction/", "guide/6-follow-up/"]:
        html = article(site, lang, page)
        pointers = [
            box
            for box in ADMONITION.finditer(html)
            if box["kind"] == "danger" and "停息挂账" in box["body"] and "4-channels/" in box["body"]
        ]
        assert len(pointers) == 1, page
    intro = [
        box
        for box in ADMONITION.finditer(article(site, lang, "guide/introduction/"))
        if box["kind"] == "note"
    ]
    assert len(intro) == 1 and "src-good-practice" in intro[0]["body"]


@pytest.mark.parametrize("lang", LANGS)
def test_lender_note_in_1_1(site: Path, lang: str) -> None:
    html = article(site, lang, "guide/1-repayment-mechanism/")
    section = html[html.index(">1.1 ") : html.index(">1.2 ")]
    notes = [box for box in ADMONITION.finditer(section) if box["kind"] == "note"]
    assert len(notes) == 1
    body = notes[0]["body"]
    assert "重庆蚂蚁消费金融有限公司" in body or "Chongqing Ant Consumer Finance" in body
    assert "src-lender" in body
    # the relation between the article's "Alipay" and the added text's "lender", said once
    assert ("与支付宝协商" in body and "贷款机构" in body) or ("with Alipay" in body and "the lender" in body)


@pytest.mark.parametrize("lang", LANGS)
def test_about_lists_everything_kept_in_the_browser(site: Path, lang: str) -> None:
    privacy = text_of(article(site, lang, "about/"))
    scripts = "".join(path.read_text(encoding="utf-8") for path in (site / "assets" / "calc").glob("*.js"))
    for storage in ("localStorage", "sessionStorage"):
        if storage in scripts:
            assert storage in privacy, storage
    assert "__palette" in scripts  # the theme keeps the reader's light/dark choice
    assert ("深色模式" in privacy) if lang == "zh" else ("dark mode" in privacy)
    assert "#" in privacy  # the share link's fragment
    if "caches." in "".join(
        p.read_text(encoding="utf-8") for p in site.rglob("*.js") if "pyodide" not in p.parts
    ):
        assert "Cache Storage" in privacy  # the offline copy
    from calculators import CALCULATORS
    from calculators.core.i18n import pick

    kept = [name for name, calculator in CALCULATORS.items() if "persist" in calculator.features]
    if "calc-tracker:" in scripts:
        kept.append("agreement")  # its payment tracker keeps ticks in localStorage
    for name in kept:
        title = pick(CALCULATORS[name].title, lang)
        assert title in privacy or title.lower() in privacy, f"the About page does not say what {name} keeps"


JARGON = ["localStorage", "sessionStorage", "Cache Storage", "service worker", "runtime", "运行环境"]


@pytest.mark.parametrize("lang", LANGS)
def test_the_about_page_says_it_plainly_and_names_the_mechanisms_once(site: Path, lang: str) -> None:
    """The privacy and offline sections in plain words; the technical names only in one line, for a
    reader who wants to look in the browser's developer tools."""
    html = article(site, lang, "about/")
    paragraphs = [text_of(p) for p in re.findall(r"<(?:p|li)>(.*?)</(?:p|li)>", html, re.S)]
    named = [p for p in paragraphs if any(word in p for word in JARGON)]
    assert len(named) == 1, named
    for word in ("localStorage", "sessionStorage", "Cache Storage", "service worker"):
        assert text_of(html).count(word) == 1, word


@pytest.mark.parametrize("lang", LANGS)
def test_search_results_carry_the_headings_without_the_marker(site: Path, lang: str) -> None:
    import json

    index = json.loads((site / ROOTS[lang] / "search" / "search_index.json").read_text(encoding="utf-8"))
    word = {"zh": "补充", "en": "Added"}[lang]
    titles = {doc["location"]: doc["title"] for doc in index["docs"]}
    assert (
        titles["guide/4-channels/#contacts"].replace("\u200b", "")
        == {
            "zh": "联系方式（含来源）",
            "en": "Contacts and their sources",
        }[lang]
    )
    assert not [title for title in titles.values() if title.replace("\u200b", "").endswith(word)]


def added_text(html: str) -> str:
    """The text of every addition on an article page: its marked boxes, and each added section up to
    the next heading or its calculator (the calculators' texts are theirs, not the page's)."""
    added, _, loose = additions(html)
    parts = [text_of(box["body"]) for box in loose]
    for heading in added:
        rest = html[heading.end() :]
        ends = [i for i in (rest.find("<h2"), rest.find('<div class="calc"')) if i >= 0]
        parts.append(text_of(rest[: min(ends, default=len(rest))]))
    return "\n".join(parts)


@pytest.mark.parametrize("page", CHAPTERS)
def test_the_guides_additions_speak_to_you_and_call_the_lender_one_thing(site: Path, page: str) -> None:
    """The article's own 用户 stays where the article speaks (the About page says so); the additions
    say 你 and 贷款机构."""
    text = added_text(article(site, "zh", page))
    for word in ("用户", "借款机构", "出借方", "放贷机构"):
        assert word not in text, f"{word} in the additions of {page}"
    assert not text or "你" in text, page
