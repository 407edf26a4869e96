"""The shared number reader, over a table of inputs as people really type them."""

from decimal import Decimal

import pytest

from calculators.core.reader import InputError, error_message, read_money, read_percent, read_whole

GOOD_MONEY = [
    ("10000", "10000.00"),
    ("10,000", "10000.00"),
    ("10，000", "10000.00"),
    ("10 000", "10000.00"),
    ("１２３４", "1234.00"),
    ("１，２３４．５", "1234.50"),
    ("¥1,234.56", "1234.56"),
    ("￥88", "88.00"),
    ("500元", "500.00"),
    ("CNY 250", "250.00"),
    ("1.5万", "15000.00"),
    ("1.5万元", "15000.00"),
    ("３千", "3000.00"),
    ("2w", "20000.00"),
    (".5", "0.50"),
    ("100.555", "100.56"),  # rounded half-up to the fen
    ("100.554", "100.55"),
    ("  42  ", "42.00"),
    ("100000000", "100000000.00"),
]

BAD_MONEY = [
    ("", "empty"),
    ("   ", "empty"),
    ("-5", "negative"),
    ("－5", "negative"),
    ("0", "zero"),
    ("0.001", "zero"),
    ("abc", "not_number"),
    ("12abc", "not_number"),
    ("1e5", "not_number"),
    ("1.2.3", "not_number"),
    ("12%", "not_number"),
    ("100000000.01", "too_large_money"),
    ("2亿", "not_number"),
]


@pytest.mark.parametrize(("text", "expected"), GOOD_MONEY)
def test_reads_money_as_typed(text: str, expected: str) -> None:
    assert read_money(text) == Decimal(expected)


@pytest.mark.parametrize(("text", "key"), BAD_MONEY)
def test_rejects_bad_money_with_a_named_problem(text: str, key: str) -> None:
    with pytest.raises(InputError) as raised:
        read_money(text)
    assert raised.value.key == key
    for lang in ("zh", "en"):
        message = error_message(raised.value, lang)
        assert message and "{" not in message and message != key and "_" not in message


@pytest.mark.parametrize(
    ("text", "expected"),
    [("8.8%", "8.8"), ("8.8", "8.8"), ("０.０５％", "0.05"), ("1000", "1000"), ("0", "0")],
)
def test_reads_percent(text: str, expected: str) -> None:
    assert read_percent(text, allow_zero=True) == Decimal(expected)


@pytest.mark.parametrize(
    ("text", "key"), [("1000.01", "too_large_rate"), ("-1%", "negative"), ("x%", "not_number_rate")]
)
def test_rejects_bad_percent(text: str, key: str) -> None:
    with pytest.raises(InputError) as raised:
        read_percent(text)
    assert raised.value.key == key


def test_zero_rate_only_where_allowed() -> None:
    with pytest.raises(InputError) as raised:
        read_percent("0")
    assert raised.value.key == "zero"


@pytest.mark.parametrize(("text", "expected"), [("12", 12), ("１２", 12), ("600", 600), ("1", 1)])
def test_reads_whole_numbers(text: str, expected: int) -> None:
    assert read_whole(text, minimum=1, maximum=600) == expected


@pytest.mark.parametrize(
    ("text", "key"),
    [("0", "zero"), ("601", "above_max"), ("1.5", "not_whole"), ("12%", "not_whole"), ("", "empty")],
)
def test_rejects_bad_whole_numbers(text: str, key: str) -> None:
    with pytest.raises(InputError) as raised:
        read_whole(text, minimum=1, maximum=600)
    assert raised.value.key == key


def test_messages_name_the_limit() -> None:
    with pytest.raises(InputError) as raised:
        read_whole("601", minimum=1, maximum=600)
    assert "600" in error_message(raised.value, "zh")
    assert "600" in error_message(raised.value, "en")


# --- Commas: a thousands separator only between groups of exactly three digits --------------------

GROUPED = [
    ("1,234", "1234"),
    ("12,345.6", "12345.6"),
    ("1,234,567", "1234567"),
    ("１，２３４．５", "1234.5"),  # full-width comma and point
    ("10，000", "10000"),
    ("¥1,000元", "1000"),
    ("1,000万", "10000000"),
]

MISPLACED = [
    # (typed, message key, the point form the message suggests or None)
    ("0,05", "bad_comma_point", "0.05"),
    ("0，05", "bad_comma_point", "0.05"),  # full-width comma
    ("0,05%", "bad_comma_point", "0.05%"),
    ("1,5", "bad_comma_point", "1.5"),
    ("1,5万", "bad_comma_point", "1.5万"),
    ("12,34", "bad_comma_point", "12.34"),
    ("1234,567", "bad_comma_point", "1234.567"),
    ("1,2,3", "bad_comma", None),
    ("1,234,56", "bad_comma", None),
    ("1,234.5,6", "bad_comma", None),
    ("1.234,5", "bad_comma", None),
]


@pytest.mark.parametrize(("text", "expected"), GROUPED)
def test_a_comma_between_groups_of_three_digits_separates_thousands(text: str, expected: str) -> None:
    assert read_money(text, maximum=Decimal(10**9)) == Decimal(expected)
    assert read_percent(text, maximum=Decimal(10**9)) == Decimal(expected)


@pytest.mark.parametrize(("text", "key", "point"), MISPLACED)
@pytest.mark.parametrize(
    "reader", [read_money, read_percent, lambda text: read_whole(text, minimum=0, maximum=10**9)]
)
def test_any_other_comma_is_refused_and_the_message_says_to_use_a_point(
    text: str, key: str, point: str | None, reader
) -> None:
    with pytest.raises(InputError) as raised:
        reader(text)
    assert raised.value.key == key
    zh, en = error_message(raised.value, "zh"), error_message(raised.value, "en")
    assert "小数请用点" in zh and "逗号" in zh and text in zh
    assert "Use a point for decimals" in en and "comma" in en and text in en
    if point is not None:
        assert point in zh and point in en


def test_a_daily_rate_typed_with_a_decimal_comma_is_not_read_as_5_percent_a_day() -> None:
    from calculators import run

    fields = {"amount": "10000", "kind": "daily", "daily_rate": "0,05", "year_days": "365", "periods": "12"}
    for lang in ("zh", "en"):
        answer = run("true-cost", fields, lang)
        assert not answer["ok"] and "daily_rate" in answer["errors"]
        assert "0.05" in answer["errors"]["daily_rate"]


@pytest.mark.parametrize(
    ("reader", "zh_example", "en_example"),
    [
        (read_money, "1200 或 1.5万", "1200 or 1,200.50"),
        (read_percent, "10 或 0.05", "10 or 0.05"),
        (lambda text: read_whole(text, minimum=1, maximum=600), "例如 12", "for example 12"),
    ],
)
def test_the_not_a_number_message_gives_an_example_that_fits_the_field(
    reader, zh_example, en_example
) -> None:
    with pytest.raises(InputError) as raised:
        reader("abc")
    assert zh_example in error_message(raised.value, "zh")
    assert en_example in error_message(raised.value, "en")
