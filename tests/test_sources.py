"""The guide's additions on the built site: every fact box cites an entry of the About page's
sources list (and every entry is cited), every addition carries the same label at one heading
level, good practice is readable without JavaScript, and the About page lists all browser storage."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest

from tests.conftest import PREFIX
from tests.test_build import PAGES, page_file, text_of

LANGS = ["zh", "en"]
ROOTS = {"zh": "", "en": "en/"}
LABEL = {"zh": "本指南补充：", "en": "Added by this guide: "}
CHAPTERS = [page for page in PAGES if page.startswith("guide/")]
ADMONITION = re.compile(
    r'<div class="admonition (?P<kind>[\w ]+)">\s*<p class="admonition-title">(?P<title>.*?)</p>(?P<body>.*?)</div>',
    re.S,
)
HEADING = re.compile(r"<h(?P<level>[1-6])[^>]*>(?P<text>.*?)</h(?P=level)>", re.S)
ARTICLE_SECTION = re.compile(r"^\d\.\d ")  # "4.1 在线客服": the article's own numbered sections
ENTRY_FIELDS = {
    "zh": ["事实", "发布方", "标题", "日期", "网址"],
    "en": ["Fact", "Issuer", "Title", "Date", "Address"],
}
# What domain-facts.md supports as good practice, as each language words it on sections 5 and 6.
GOOD_PRACTICE = {
    "zh": ["尽早联系借款机构", "预算", "冻结利息和费用", "记录每一次通话", "书面形式确认", "先按你提出的金额", "基本开支"],
    "en": ["Contact the lender early", "budget", "freeze interest and charges", "record of every call", "in writing",
           "start paying the amount you offered", "essentials"],
}  # fmt: skip


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
            targets = [resolve(lang, page, href) for href in re.findall(r'href="([^"]+)"', box["body"])]
            sources = {
                fragment for path, fragment in targets if path == about and fragment.startswith("src-")
            }
            warning = (f"{ROOTS[lang]}guide/4-channels/", "") in targets
            assert sources or (warning and box["kind"] == "danger"), f"{lang} {page}: box without a source"
            # Short: the source is a link, not the issuers and titles repeated in every box.
            assert "中国证监会" not in box["body"] and "Securities Regulatory" not in box["body"]
    assert cited == set(entries), f"entries no page cites: {set(entries) - cited}"


@pytest.mark.parametrize("lang", LANGS)
def test_every_entry_names_issuer_title_date_and_address(site: Path, lang: str) -> None:
    for name, entry in source_entries(site, lang).items():
        for label in ENTRY_FIELDS[lang]:
            assert f"<strong>{label}</strong>" in entry, f"{lang} {name}: no {label}"
        # domain-facts.md gives no address for any of these facts: none may be invented.
        assert "http" not in entry, f"{lang} {name} links somewhere"


@pytest.mark.parametrize("lang", LANGS)
def test_the_fact_about_checked_contacts_is_worded_once(site: Path, lang: str) -> None:
    wording = {"zh": "联系方式（含来源）", "en": "contacts and their sources"}[lang]
    for page in ["", "guide/4-channels/"]:
        assert wording in text_of(article(site, lang, page)).lower(), page
    for page in PAGES:
        text = text_of(article(site, lang, page))
        for claim in ("核实过的", "核对过的", "Contacts we checked", "contacts we checked"):
            assert claim not in text, f"{claim} on {lang} {page}"


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("page", CHAPTERS)
def test_every_addition_is_labelled_the_same_way_at_one_heading_level(
    site: Path, lang: str, page: str
) -> None:
    html = article(site, lang, page)
    for box in ADMONITION.finditer(html):
        assert text_of(box["title"]).startswith(LABEL[lang]), f"unlabelled box {box['title']!r}"
    levels = set()
    for heading in HEADING.finditer(html):
        text = text_of(heading["text"]).replace("¶", "").strip()
        if heading["level"] == "1" or ARTICLE_SECTION.match(text):
            continue
        assert text.startswith(LABEL[lang]), f"unlabelled heading {text!r} on {lang} {page}"
        levels.add(heading["level"])
    assert levels <= {"2"}, f"added headings at levels {levels} on {lang} {page}"


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
    assert ("与支付宝协商" in body and "借款机构" in body) or ("with Alipay" in body and "the lender" in body)


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
