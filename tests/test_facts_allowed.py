"""No page states a phone number, or (on the help pages) a figure, that the facts files don't hold.

The facts come only from domain-facts.md and facts-collection-courts-scams.md (README, "Content
and facts"). Every hotline-like number in the text of every built page, in every language, must
be one of ``HOTLINES``; every number in the help pages' text must be one of ``FIGURES``. Adding a
number to a page means adding its fact to a facts file, its entry to the About page's sources and
the number here, with where it comes from.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.test_browser_a11y import built_pages
from tests.test_build import LANG_ROOTS, text_of
from tests.test_help_pages import HELP, SECTION_REFERENCE

HOTLINES = {
    "95188": "Alipay customer service, as 'commonly 95188' (domain-facts.md)",
    "12378": "NFRA consumer complaints (domain-facts.md; facts file §3)",
    "12363": "PBOC financial consumers (domain-facts.md; facts file §3)",
    "12356": "national psychological assistance hotline (facts file §3)",
    "12368": "Supreme People's Court litigation service (facts file §2g, §3)",
    "12348": "public legal services (facts file §3)",
    "110": "police (facts file §3)",
    "96110": "anti-fraud warning line (facts file §3)",
    "400-810-8866": "the Credit Reference Center's only customer service (facts file §4)",
}
HOTLINE = re.compile(
    r"""
    (?<![A-Za-z0-9%_=?&#/])(?<!\d[.,:\-])      # not inside a word, an address or a longer figure
    (?:
        [48]00[-\s]?\d{3}[-\s]?\d{4}           # 400 and 800 numbers
      | 1[3-9]\d{9}                            # mobile numbers
      | 0\d{2,3}-\d{7,8}                       # landlines with their area code
      | [19]\d{4}                              # five-digit service numbers: 12378, 95188, 96110
      | 1[12]\d | 999                          # three-digit emergency numbers: 110, 119, 120, 122
    )
    (?![A-Za-z0-9%_]|[.,:\-/]\d)
    """,
    re.X,
)
# Every number the help pages may show (in zh, en and zh-Hant), and where it comes from.
FIGURES = {
    **HOTLINES,
    "15": "days to object to a payment order (§2c); days for a simple complaint (§7)",
    "30": "days for a complex complaint and its extension (§7); days for the PBOC's written answer (§2b)",
    "60": "days at most for a complaint (§7)",
    "20": "days to answer an objection (domain-facts.md, Art. 25)",
    "5": "years negative information is kept (domain-facts.md, Art. 16)",
    "6": "calls a day at most to an unanswered number (§1c)",
    "22:00": "no collection from 22:00 (§1c)",
    "8:00": "to 8:00 (§1c)",
    "10": "10 p.m., the same hour in English (§1c)",
    "8": "8 a.m. (§1c)",
    "18": "hours a day at least, 12356 (§3)",
    "2023": "the consumer protection rules in force (§1b)",
    "2024": "NFRA's consumer finance rules; NIFA's guideline (§1a, §1d)",
    "2026": "the banking association's guideline (§1c)",
}


def page_text(site: Path, path: str) -> str:
    """What a reader sees on a built page: its text without scripts, styles and drawings."""
    html = (site / path / "index.html") if not path.endswith(".html") else site / path
    markup = re.sub(r"<(script|style|svg)\b.*?</\1>", " ", html.read_text(encoding="utf-8"), flags=re.S)
    return text_of(re.sub(r"<br\s*/?>|</(p|li|td|th|h\d|div)>", "\n", markup))


def hotlines_in(text: str) -> list[str]:
    """Every hotline-like number in ``text``. Round five-digit figures (10000, 12000) are the
    calculators' example amounts, not phone numbers."""
    return [
        number
        for number in (match.group(0) for match in HOTLINE.finditer(text))
        if not (len(number) == 5 and number.endswith("000"))
    ]


def test_the_finder_catches_an_invented_number_and_spares_figures() -> None:
    invented = "请拨打 12399 或 400-123-4567，也可以打 13812345678、010-12345678；紧急时打 120。Call 95555."
    assert hotlines_in(invented) == ["12399", "400-123-4567", "13812345678", "010-12345678", "120", "95555"]
    figures = (
        "例如 10000、1.5万、¥8,000；2026-12-02 起；12.5%；第 12 期；id=554546；"
        "47.96.164.84/ljdb；www.163.com/dy/article/KKI3HJK90539AP40.html；1,234.56 元；110。12378."
    )
    assert hotlines_in(figures) == ["110", "12378"]


@pytest.mark.parametrize("lang", list(LANG_ROOTS))
def test_no_page_states_a_hotline_the_facts_files_do_not_hold(site: Path, lang: str) -> None:
    pages = [p for p in built_pages(site) if p.startswith(LANG_ROOTS[lang]) and p != "404.html"]
    if lang == "zh":
        pages = [p for p in pages if not p.startswith(tuple(r for r in LANG_ROOTS.values() if r))]
    assert len(pages) >= 16, pages
    seen = set()
    for path in pages:
        found = hotlines_in(page_text(site, path))
        unknown = sorted(set(found) - set(HOTLINES))
        assert unknown == [], f"{lang} {path or 'home'}: {unknown} is in no facts file"
        seen.update(found)
    assert {"12378", "12356", "110", "96110", "400-810-8866", "12368", "12348"} <= seen


@pytest.mark.parametrize("lang", list(LANG_ROOTS))
@pytest.mark.parametrize("page", HELP)
def test_help_pages_state_only_figures_the_facts_files_hold(site: Path, lang: str, page: str) -> None:
    html = (site / LANG_ROOTS[lang] / page / "index.html").read_text(encoding="utf-8")
    text = text_of(html[html.index("<article") : html.index("</article>")])
    text = SECTION_REFERENCE.sub("", text)  # "section 4", "6.2 节": references, not figures
    text = re.sub(r"www\.pbccrc\.org\.cn|pbc-ccrc", "", text)
    numbers = re.findall(r"\d+(?:-\d+)+|\d+:\d+|\d+", text)
    unknown = sorted(set(numbers) - set(FIGURES))
    assert unknown == [], f"{lang} {page}: {unknown} not in the facts files' figures"
