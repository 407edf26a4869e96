"""The plan with a first due date: each option's payoff month and dated schedules, in both
languages, while every figure of the worked cases stays what it was without dates."""

from __future__ import annotations

import csv
import io
from datetime import date

import pytest

from calculators import run
from tests.samples import GOOD

LANGS = ("zh", "en")
FIRST = "2026-12-31"


def plan(lang: str, **changes: str) -> dict:
    answer = run("plan", {**GOOD["plan"][0], **changes}, lang)
    assert answer["ok"], answer["errors"]
    return answer


def undated(data: dict) -> dict:
    """The data without the date fields that a first due date adds."""
    # The month-by-month tables (built by the page when opened) show the dates too; their figures are
    # the options' schedules, compared below.
    copy = {key: value for key, value in data.items() if key not in ("first_due", "csv", "schedules")}
    copy["options"] = [
        {
            **{key: value for key, value in option.items() if key != "payoff_date"},
            "schedule": [{k: v for k, v in row.items() if k != "due"} for row in option["schedule"]],
        }
        for option in data["options"]
    ]
    return copy


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("index", range(len(GOOD["plan"])))
def test_a_first_due_date_changes_no_figure(lang: str, index: int) -> None:
    without = run("plan", GOOD["plan"][index], lang)
    dated = run("plan", {**GOOD["plan"][index], "first_due": FIRST}, lang)
    assert without["ok"] and dated["ok"]
    assert undated(dated["data"]) == undated(without["data"])
    assert without["data"]["first_due"] is None and dated["data"]["first_due"] == FIRST


def test_each_options_payoff_month_worked_by_hand() -> None:
    # 10,000 at 1.5% a month, 1,500 a month; from 31 December 2026 (a due day of 31).
    options = {o["key"]: o for o in plan("en", first_due=FIRST)["data"]["options"]}
    wanted = {
        "current": (12, "2027-11-30"),  # month 12: 11 months after December 2026
        "longer_term": (36, "2029-11-30"),
        "reduced_interest": (36, "2029-11-30"),
        "pause": (39, "2030-02-28"),  # 3 months' pause, then 36
        "fits_budget": (8, "2027-07-31"),
    }
    assert {key: (o["payoff_month"], o["payoff_date"]) for key, o in options.items()} == wanted
    pause = options["pause"]["schedule"]
    assert [row["due"] for row in pause[:4]] == ["2026-12-31", "2027-01-31", "2027-02-28", "2027-03-31"]


@pytest.mark.parametrize(
    ("lang", "phrases"),
    [
        ("zh", ["2027年11月还清", "2029年11月还清", "2030年2月还清", "2027年7月还清", "2027年2月28日"]),
        (
            "en",
            [
                "paid off in November 2027",
                "paid off in February 2030",
                "paid off in July 2027",
                "February 28, 2027",
            ],
        ),
    ],
)
def test_the_page_says_each_payoff_month_in_its_language(lang: str, phrases: list[str]) -> None:
    answer = plan(lang, first_due=FIRST)
    # the month-by-month tables travel in data, built by the page when a schedule is opened
    html = answer["html"] + "".join(answer["data"]["schedules"])
    for phrase in phrases:
        assert phrase in html
    assert "还清" not in plan("en", first_due=FIRST)["html"].split("calc-options")[1].split("</section>")[0]


def test_the_csv_dates_every_month() -> None:
    text = plan("en", first_due="2027-01-31")["data"]["csv"].lstrip("\ufeff")
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0][:3] == ["Option", "Month", "Due"]
    dates = [date.fromisoformat(row[2]) for row in rows[1:]]
    assert dates[0] == date(2027, 1, 31) and dates[1] == date(2027, 2, 28) and dates[2] == date(2027, 3, 31)


@pytest.mark.parametrize("lang", LANGS)
def test_without_a_first_due_date_nothing_is_dated(lang: str) -> None:
    answer = plan(lang)
    assert "payoff_date" not in answer["data"]["options"][0]
    assert {"zh": "还清时间", "en": "When paid off"}[lang] not in answer["html"]
