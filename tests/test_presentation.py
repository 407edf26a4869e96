"""How results read: money with its unit, English plurals, headings that follow the page's."""

from __future__ import annotations

import csv
import io
import re
from decimal import Decimal
from html import unescape

import pytest

from calculators import run
from tests.samples import GOOD

UNIT = {"zh": "元", "en": "yuan"}
MONEY_FIGURE = re.compile(r"<dd>([^<]*\d\.\d\d.*?)</dd>")


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("name", ["true-cost", "capacity", "plan", "emergency-fund", "agreement"])
def test_money_figures_show_their_unit(name: str, lang: str) -> None:
    figures = [
        unescape(re.sub(r"<[^>]+>", "", value))
        for fields in GOOD[name]
        for value in MONEY_FIGURE.findall(run(name, fields, lang)["html"])
        if not value.endswith("%")
    ]
    assert figures, "no money figure found"
    assert all(UNIT[lang] in value for value in figures), figures


def test_the_plan_tables_show_money_with_its_unit() -> None:
    html = run("plan", GOOD["plan"][3], "en")["html"]
    debts = html.split("Your debts")[1].split("</table>")[0]
    assert "5,000.00 yuan" in debts and "28,000.00 yuan" in debts
    assert re.search(r'data-label="Total interest">[\d,]+\.\d\d yuan<', html)


BARE_AMOUNT = re.compile(r"-?[\d,]+\.\d\d")
CELL = re.compile(r'<t[dh]\b[^>]*\bdata-label="([^"]*)"[^>]*>(.*?)</t[dh]>', re.S)


def _tables(answer: dict) -> list[str]:
    """Every table of a result: in its page and the month-by-month schedules built when opened."""
    later = [*answer["data"].get("schedules", []), *answer["data"].get("chart_tables", [])]
    return [*answer["html"].split("<table")[1:], *later]


@pytest.mark.parametrize("lang", ["zh", "en", "zh-Hant"])
@pytest.mark.parametrize("name", sorted(GOOD))
def test_every_amount_in_a_table_has_its_unit_in_the_cell_or_its_column(name: str, lang: str) -> None:
    """A table's amount says 元 / yuan itself ("1,000.00 元") or under a column that does
    ("还款（元）", "Payment (yuan)"): the plan's schedules and the fund's plan had neither."""
    unit = UNIT.get(lang, "元")
    checked = 0
    for fields in GOOD[name]:
        for found in _tables(run(name, fields, lang)):
            for column, cell in CELL.findall(found):
                value = unescape(re.sub(r"<[^>]+>", "", cell)).strip()
                if BARE_AMOUNT.fullmatch(value):
                    assert unit in unescape(column), (name, column, value)
                    checked += 1
                elif BARE_AMOUNT.search(value) and not value.endswith("%"):
                    assert unit in value, (name, column, value)
    if name in ("plan", "emergency-fund"):
        assert checked, "no amount under a column with its unit"


MONEY_COLUMNS = {
    "zh": ["还款（元）", "本金（元）", "利息（元）", "剩余欠款（元）"],
    "en": ["Payment (yuan)", "Principal (yuan)", "Interest (yuan)", "Balance (yuan)"],
    "zh-Hant": ["還款（元）", "本金（元）", "利息（元）", "剩餘欠款（元）"],
}


@pytest.mark.parametrize("lang", sorted(MONEY_COLUMNS))
def test_the_plan_csv_keeps_plain_numbers_under_headers_with_the_unit(lang: str) -> None:
    data = run("plan", GOOD["plan"][3], lang)["data"]
    header, *rows = list(csv.reader(io.StringIO(data["csv"].lstrip("\ufeff"))))
    assert header[-4:] == MONEY_COLUMNS[lang]
    assert rows
    for row in rows:
        for amount in row[-4:]:  # no separator, no unit: numbers a spreadsheet adds up (a paused
            # month repays a negative principal: its interest is added to the balance)
            assert re.fullmatch(r"-?\d+\.\d\d", amount) and Decimal(amount).is_finite(), row


CHART_TABLE = re.compile(
    r'<details class="calc-chart-data"[^>]*>(?:(?!</details>).)*?(<table .*?</table>)', re.S
)


@pytest.mark.parametrize("lang", ["zh", "en", "zh-Hant"])
@pytest.mark.parametrize(("name", "index"), [("plan", 0), ("plan", 3), ("emergency-fund", 0)])
def test_chart_data_tables_show_amounts_with_their_unit(name: str, index: int, lang: str) -> None:
    """The chart's text alternative: every amount in its table carries 元 / yuan, the months don't."""
    answer = run(name, GOOD[name][index], lang)
    tables = CHART_TABLE.findall(answer["html"]) + answer["data"].get("chart_tables", [])
    assert tables, "no chart data table"
    unit = UNIT.get(lang, "元")
    for found in tables:
        amounts = re.findall(r"<td[^>]*>([^<]*)</td>", found)
        assert amounts and all(re.fullmatch(rf"[\d,]+\.\d\d {unit}", unescape(a)) for a in amounts), amounts
        months = re.findall(r'<th scope="row"[^>]*>([^<]*)</th>', found)
        assert months and all(month.isdigit() for month in months)


def test_english_plurals() -> None:
    one_month_pause = {**GOOD["plan"][0], "pause_months": "1"}
    html = run("plan", one_month_pause, "en")["html"]
    assert "Pause 1 month, then 36 months" in html and "1 months" not in html
    zh = run("plan", one_month_pause, "zh")["html"]
    assert "先暂停 1 个月，再分 36 个月" in zh
    assert "Due in 1 day<" in run("channel", {"due": "before_due", "days": "1"}, "en")["html"]
    assert "Due in 30 days<" in run("channel", {"due": "before_due", "days": "30"}, "en")["html"]
    assert "(s)" not in run("channel", GOOD["channel"][1], "en")["html"]


@pytest.mark.parametrize("name", sorted(GOOD))
def test_result_headings_start_at_h3_and_skip_no_level(name: str) -> None:
    """Calculators sit under an h2 or h3 of the guide: results use h3, then h4, never deeper."""
    for fields in GOOD[name]:
        html = run(name, fields, "en").get("html", "")
        levels = [int(level) for level in re.findall(r"<h(\d)", html)]
        assert all(level in (3, 4) for level in levels), levels
        assert all(b - a <= 1 for a, b in zip([2, *levels], levels, strict=False)), levels


def test_the_shortest_fixed_term_and_the_avalanche_are_told_apart() -> None:
    """The fixed installments and paying the whole budget yourself are different things, said so."""
    for lang, fixed, yourself in [
        ("zh", "重新分期", "不是重新分期"),
        ("en", "over a new term", "a new plan from the lender: you pay"),
    ]:
        html = run("plan", GOOD["plan"][3], lang)["html"]
        assert fixed in html.split("calc-verdict")[1]
        assert yourself in html


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("name", sorted(GOOD))
def test_every_table_cell_names_its_column_for_the_phone_cards(name: str, lang: str) -> None:
    """On a phone each table row is a card that shows every cell under its column's name
    (``data-label``): a cell without one would be a bare figure (the agreement's dates were)."""
    for fields in GOOD[name]:
        answer = run(name, fields, lang)
        for html in [
            answer["html"],
            *answer["data"].get("schedules", []),
            *answer["data"].get("chart_tables", []),
        ]:
            for cell in re.findall(r"<t[dh]\b(?![^>]*scope=\"col\")[^>]*>", html):
                assert 'data-label="' in cell, (name, cell)


def test_long_values_take_the_whole_line_and_amounts_keep_their_unit_apart() -> None:
    html = run("plan", GOOD["plan"][3], "en")["html"]
    assert re.search(r'<div class="calc-figure-words"><dt>Within your budget\?</dt><dd>No, ', html)
    assert re.search(r'<dd>[\d,]+\.\d\d<span class="calc-figure-unit"> yuan</span></dd>', html)


def test_a_sentence_that_ends_in_an_amount_is_words_not_a_figure() -> None:
    html = run("plan", GOOD["plan"][3], "zh")["html"]
    assert '<div class="calc-figure-words"><dt>在预算之内？</dt><dd>否，最高一期超出 ' in html


ROW_NAMES = {
    ("plan", "zh"): "第 1 期",
    ("plan", "zh-Hant"): "第 1 期",
    ("plan", "en"): "Month 1",
    ("emergency-fund", "zh"): "第 1 个月",
    ("emergency-fund", "zh-Hant"): "第 1 個月",
    ("emergency-fund", "en"): "Month 1",
    ("agreement", "zh"): "第 1 期",
    ("agreement", "en"): "No. 1",
}
ROW_HEADER = re.compile(
    r'<th scope="row"[^>]*?(?: data-before="([^"]*)")?(?: data-after="([^"]*)")?>(\d+)</th>'
)


@pytest.mark.parametrize(("name", "lang"), sorted(ROW_NAMES))
def test_a_numbered_row_is_named_in_the_page_language_on_a_phone(name: str, lang: str) -> None:
    """Each month's card is titled "第 1 期" / "Month 1" (the stylesheet puts ``data-before`` and
    ``data-after`` around the number), not the column's name before it ("期 1", "月 1")."""
    answer = run(name, GOOD[name][0], lang)
    tables = [found for found in _tables(answer) if "calc-by-month" in found or "calc-numbered" in found]
    numbered = [found for found in tables if 'data-before="' in found]
    assert numbered, "no numbered table with row names"
    before, after, number = ROW_HEADER.search(numbered[0]).groups()
    assert f"{unescape(before or '')}{number}{unescape(after or '')}" == ROW_NAMES[(name, lang)]


@pytest.mark.parametrize(
    "text",
    [
        "",
        "plain",
        "&amp; already",
        "<script>alert('x')</script>",
        'a "quoted" name',
        "花呗 & 借呗 <1>",
        "'''\"\"\"&&<<>>",
    ],
)
def test_escaping_is_the_standard_librarys(text: str) -> None:
    """``esc`` is written out (no ``html`` import in the runtime) and escapes exactly as html.escape."""
    import html

    from calculators.page.markup import esc

    assert esc(text) == html.escape(text, quote=True)
