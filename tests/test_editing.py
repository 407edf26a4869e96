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


# --- The pages after the second read (issue 17) -----------------------------------------------------


def page_sources(lang: str) -> dict[str, str]:
    """Every page's Markdown in one language (zh-Hant is generated: never read), help pages included."""
    pages = {}
    for path in sorted(DOCS.rglob("*.md")):
        if path.name.endswith(".zh-Hant.md"):
            continue
        if path.name.endswith(".en.md") == (lang == "en"):
            pages[str(path.relative_to(DOCS))] = path.read_text(encoding="utf-8")
    return pages


# What the read of 2026-12-02 found on the pages, gone for good: blame, empty promises, jargon, the
# twenty labels, "checked on" for what was only compiled, other words for the lender, calques.
GONE = {
    "en": [
        "tackle the root causes",
        "We hope every reader can spend sensibly",
        "checked on",
        "Checked on",
        "Added by this guide",
        "debt-free",
        "Debt-free",
        "unsecured credit",
        "it is essential",
        "sincere",
        "There is no official page to check",
        "Knowing the pros and cons",
        "answers requests promptly",
        "constructive attitude",
        "a given Huabei or Jiebei loan appears",
        "brings an option here",
        "How big an emergency fund to aim for",
        "in the chapters",
        "runtime",
    ],
    "zh": [
        "本指南补充：",
        "核对日期",
        "核对过",
        "借款机构",
        "出借方",
        "放贷机构",
        "对与",
        "冻结利息",
        "真实还款日",
        "背后可能是更高的年化利率",
        "没有可供核对的",
        "不是单一文件",
        "：填写下面的计算器",
        "各章",
        "运行环境",
    ],
}
SECTION_REFERENCE = {
    "zh": re.compile(r"第[一二三四五六七八九\d]+(部分|章)|第 ?\d+ ?节|\d\.\d ?部分"),
    "en": re.compile(r"\b(chapters?|part \d)\b", re.I),
}
DATE_FORMS = {
    # one form per language: 2026 年 11 月 28 日, November 28, 2026
    "zh": (re.compile(r"\d{4} 年 \d{1,2} 月 \d{1,2} 日"), re.compile(r"\b\d{4}-\d{2}-\d{2}\b|\d{4}年\d|\d{4}/\d")),
    "en": (
        re.compile(r"\b(January|February|March|April|May|June|July|August|September|October|November|December)"
                   r" \d{1,2}, \d{4}"),
        re.compile(r"\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2} (January|February|March|April|May|June|July|August|"
                   r"September|October|November|December) \d{4}|\d{1,2}/\d{1,2}/\d{2,4}"),
    ),
}  # fmt: skip
WEB_ADDRESS = re.compile(r"(?:[\w-]+\.)+(?:cn|com|org|net|\d+)(?::\d+)?/[^\s（）()；;，,]*")


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_reads_findings_are_gone_from_the_pages(lang: str) -> None:
    pages = page_sources(lang)
    assert len(pages) >= 11
    for name, text in pages.items():
        for phrase in GONE[lang]:
            assert phrase not in text, f"{phrase!r} in {name}"
        found = SECTION_REFERENCE[lang].search(text)
        assert not found, f"{found.group(0)!r} in {name}: sections are 第六节 / 6.2 节, section 6 / 6.2"


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_pages_write_dates_one_way(lang: str) -> None:
    right, wrong = DATE_FORMS[lang]
    dated = 0
    for name, text in page_sources(lang).items():
        text = WEB_ADDRESS.sub("", text)  # a source's address keeps the dates its publisher wrote in it
        found = wrong.search(text)
        assert not found, f"{found.group(0)!r} in {name}"
        dated += bool(right.search(text))
    assert dated >= 8  # the sections' provenance lines, the home page and the sources list


def test_one_word_for_the_lender_in_chinese() -> None:
    pages = page_sources("zh")
    everything = "\n".join(pages.values())
    assert everything.count("贷款机构") >= 20
    # the word the article itself uses stays where the article speaks
    assert "与支付宝协商" in pages[str(Path("guide", "2-repayment-capacity.md"))]


def test_the_harm_fixes_hold_on_the_pages(site: Path) -> None:
    zh = {page: article_text(site, "zh", page) for page in PAGES}
    en = {page: article_text(site, "en", page) for page in PAGES}
    # "Stay calm and polite" now says that nobody has to take abuse, and that the call can end.
    assert (
        "任何人都不该威胁、辱骂或骚扰你" in zh["guide/5-communicate/"]
        and "挂断电话" in zh["guide/5-communicate/"]
    )
    assert "Nobody should threaten, insult or harass you" in en["guide/5-communicate/"]
    assert "end the call" in en["guide/5-communicate/"]
    # No personal details in public posts.
    assert "不要在公开的帖子或评论里写你的姓名" in zh["guide/4-channels/"]
    assert "don't put your name, phone number, ID number" in en["guide/4-channels/"]
    # A complaint is not a way to make the lender accept a plan.
    assert "投诉并不意味着贷款机构必须接受你的还款方案" in zh["guide/4-channels/"]
    assert "A complaint doesn't oblige the lender to accept your repayment plan" in en["guide/4-channels/"]
    # Whether and how the loan is on the report; a reminder only as often as reports are free.
    assert "是否报送到信用报告、怎样显示" in zh["guide/7-prevent/"]
    assert "whether and how a Huabei or Jiebei loan shows" in en["guide/7-prevent/"]
    assert "免费查询每年只有两次" in zh["guide/7-prevent/"] and "每半年" in zh["guide/7-prevent/"]
    assert "only two reports a year are free" in en["guide/7-prevent/"]
    # (the pages' own text: the agreement calculator's reminder options are the calculators' part)
    # The box of section 7 counts its bullets right: three rules and a reminder.
    assert "信用记录：三条规定和一个提醒" in zh["guide/7-prevent/"]
    assert "Credit records: three rules and a reminder" in en["guide/7-prevent/"]
    for text in (*page_sources("zh").values(), *page_sources("en").values()):
        assert not re.search(r"每 ?3 ?个月|every 3 months|every three months", text)


# Where a reader who is in trouble is sent to the help pages (their paths are fixed; their pages come
# from another branch): the home page, refusals and collectors in sections 4 and 5, a missed payment
# in section 6, the credit record in section 7.
HELP_LINKS = {
    "": ["collection", "arrears", "refusal", "scams", "priorities"],
    "guide/4-channels/": ["refusal", "collection"],
    "guide/5-communicate/": ["refusal", "collection"],
    "guide/6-follow-up/": ["arrears", "priorities"],
    "guide/7-prevent/": ["priorities", "scams"],
}


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_help_pages_are_linked_where_a_reader_needs_them(site: Path, lang: str) -> None:
    root = {"zh": "", "en": "en/"}[lang]
    for page, targets in HELP_LINKS.items():
        html = page_file(site, lang, page).read_text(encoding="utf-8")
        body = html[html.index("<article") : html.index("</article>")]
        for target in targets:
            assert re.search(rf'href="[^"]*help/{target}/"', body), f"{lang} {page}: no link to {target}"
            assert (site / root / "help" / target / "index.html").exists(), target
