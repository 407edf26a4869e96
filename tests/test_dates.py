"""Dates: reading them as typed, monthly due dates over month ends, 29 February and a year's turn,
and dates written in the page's language. Expected dates are worked out by hand from a calendar."""

from __future__ import annotations

from datetime import date

import pytest

from calculators.core.dates import add_months, date_name, due_dates, month_name, read_date
from calculators.core.reader import InputError, error_message


@pytest.mark.parametrize(
    ("typed", "wanted"),
    [
        ("2026-12-15", date(2026, 12, 15)),
        ("2026/1/5", date(2026, 1, 5)),
        ("2026.01.05", date(2026, 1, 5)),
        ("2026年1月5日", date(2026, 1, 5)),
        ("2026 年 1 月 5 号", date(2026, 1, 5)),
        ("２０２８－０２－２９", date(2028, 2, 29)),
        (" 2100-12-31 ", date(2100, 12, 31)),
    ],
)
def test_a_date_is_read_as_people_write_it(typed: str, wanted: date) -> None:
    assert read_date(typed) == wanted


@pytest.mark.parametrize(
    ("typed", "key"),
    [
        ("", "empty"),
        ("tomorrow", "not_date"),
        ("15/12/2026", "not_date"),
        ("2026-12", "not_date"),
        ("2027-02-29", "no_such_date"),  # 2027 is not a leap year
        ("2100-02-29", "no_such_date"),  # nor is 2100 (divisible by 100, not by 400)
        ("2026-04-31", "no_such_date"),
        ("2026-13-01", "no_such_date"),
        ("1999-12-31", "date_range"),
        ("2101-01-01", "date_range"),
        ("2026-01-01" * 10, "too_long"),
    ],
)
def test_a_bad_date_names_the_problem_in_both_languages(typed: str, key: str) -> None:
    with pytest.raises(InputError) as caught:
        read_date(typed)
    assert caught.value.key == key
    for lang in ("zh", "en"):
        message = error_message(caught.value, lang)
        assert message and "{" not in message


def test_a_due_day_of_31_falls_on_each_short_months_last_day_and_comes_back() -> None:
    dates = due_dates(date(2027, 1, 31), 8)
    assert [str(d) for d in dates] == [
        "2027-01-31",
        "2027-02-28",  # 2027: no 29 February
        "2027-03-31",
        "2027-04-30",
        "2027-05-31",
        "2027-06-30",
        "2027-07-31",
        "2027-08-31",
    ]


def test_29_february_in_a_leap_year_and_28_in_the_next() -> None:
    assert [str(d) for d in due_dates(date(2028, 1, 30), 3)] == ["2028-01-30", "2028-02-29", "2028-03-30"]
    assert [str(d) for d in due_dates(date(2028, 2, 29), 13)][::12] == ["2028-02-29", "2029-02-28"]
    # A first date on 29 February keeps the 29th when the due day is not given.
    assert str(due_dates(date(2028, 2, 29), 2)[1]) == "2028-03-29"


def test_a_due_day_other_than_the_first_dates_day() -> None:
    # First payment on 15 January, then the 31st of each month.
    assert [str(d) for d in due_dates(date(2027, 1, 15), 4, day=31)] == [
        "2027-01-15",
        "2027-02-28",
        "2027-03-31",
        "2027-04-30",
    ]


def test_a_years_turn() -> None:
    assert [str(d) for d in due_dates(date(2026, 11, 30), 4)] == [
        "2026-11-30",
        "2026-12-30",
        "2027-01-30",
        "2027-02-28",
    ]
    assert add_months(date(2026, 12, 15), 12) == date(2027, 12, 15)
    assert add_months(date(2026, 12, 15), 25) == date(2029, 1, 15)


def test_dates_in_the_pages_language() -> None:
    assert month_name(date(2028, 3, 1), "zh") == "2028年3月"
    assert month_name(date(2028, 3, 1), "en") == "March 2028"
    assert date_name(date(2027, 12, 31), "zh") == "2027年12月31日"
    assert date_name(date(2027, 12, 31), "en") == "December 31, 2027"
