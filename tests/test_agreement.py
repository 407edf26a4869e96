"""The agreement calculator: dated payments worked out by hand, the confirmation request, the
calendar file read back by the ``icalendar`` package (every event, date, amount and reminder),
its folding, line ends and escaping, the carries in and out, and bad input in both languages."""

from __future__ import annotations

import re
from datetime import date, timedelta
from decimal import Decimal
from html import unescape

import pytest

icalendar = pytest.importorskip("icalendar")

from calculators import run  # noqa: E402
from calculators.agreement.ics import CalendarEvent, calendar_text, fold_line  # noqa: E402
from calculators.core.reader import MESSAGES as READER  # noqa: E402
from tests.samples import AGREEMENT, XSS  # noqa: E402

LANGS = ("zh", "en")


def agreement(lang: str = "en", **changes: str) -> dict:
    answer = run("agreement", {**AGREEMENT, **changes}, lang)
    assert answer["ok"], answer["errors"]
    return answer


def events_of(ics: str) -> list:
    calendar = icalendar.Calendar.from_ical(ics)
    return [component for component in calendar.walk() if component.name == "VEVENT"]


# --- The dates ---------------------------------------------------------------------------------------


def test_worked_case_twelve_payments_from_31_january_2028() -> None:
    data = agreement()["data"]
    assert data["total"] == "11001.61"  # 11 x 916.80 + 916.81
    assert [p["due"] for p in data["payments"]] == [
        "2028-01-31",
        "2028-02-29",
        "2028-03-31",
        "2028-04-30",
        "2028-05-31",
        "2028-06-30",
        "2028-07-31",
        "2028-08-31",
        "2028-09-30",
        "2028-10-31",
        "2028-11-30",
        "2028-12-31",
    ]
    assert [p["amount"] for p in data["payments"]] == ["916.80"] * 11 + ["916.81"]
    assert data["payments"][0]["remaining"] == "10084.81" and data["payments"][-1]["remaining"] == "0.00"
    assert data["debt_free"] == "2028-12-31" and data["shifted"] is True


@pytest.mark.parametrize("lang", LANGS)
def test_the_page_says_paid_off_on_and_to_check_the_bill_for_a_short_month(lang: str) -> None:
    html = agreement(lang)["html"]
    assert {"zh": "2028年12月31日还完最后一期", "en": "Paid off on December 31, 2028"}[lang] in html
    assert {"zh": "请以 App 里的账单为准", "en": "go by the bill in the app"}[lang] in html
    plain = agreement(lang, first_due="2026-12-15")["html"]
    assert {"zh": "请以 App 里的账单为准", "en": "go by the bill in the app"}[lang] not in plain


def test_a_due_day_other_than_the_first_dates_and_a_years_turn() -> None:
    data = agreement(first_due="2026-12-15", due_day="30", payments="4", last_amount="")["data"]
    assert [p["due"] for p in data["payments"]] == ["2026-12-15", "2027-01-30", "2027-02-28", "2027-03-30"]
    assert data["total"] == "3667.20" and data["debt_free"] == "2027-03-30"


@pytest.mark.parametrize("lang", LANGS)
def test_the_request_asks_for_every_point_in_writing_with_a_placeholder_reference(lang: str) -> None:
    answer = agreement(lang, interest="frozen", charges="unknown")
    request = answer["data"]["request"]
    assert {"zh": "【协议编号】", "en": "[agreement reference]"}[lang] in request
    assert "916.80" in request and "916.81" in request and "11,001.61" in request
    assert {"zh": "2028年1月31日", "en": "January 31, 2028"}[lang] in request
    assert {"zh": "信用记录", "en": "credit record"}[lang] in request
    assert request in answer["html"].replace("&#x27;", "'")
    # "Not clear yet" is marked in the checklist, and a phone promise is not a written one.
    html = agreement(lang, confirmed_via="call")["html"]
    assert {"zh": "还没说清楚", "en": "not clear yet"}[lang] in html
    assert {"zh": "到现在还没有书面确认", "en": "Nothing is confirmed in writing yet"}[lang] in html
    assert {"zh": "到现在还没有书面确认", "en": "Nothing is confirmed in writing yet"}[lang] not in agreement(
        lang
    )["html"]


def test_the_tracker_has_one_tick_box_per_payment_with_its_amount_and_date() -> None:
    html = agreement()["html"]
    ticks = re.findall(
        r'<input type="checkbox" class="calc-tick" data-index="(\d+)" data-amount="([\d.]+)"', html
    )
    assert len(ticks) == 12 and ticks[-1] == ("11", "916.81")
    assert 'data-tracker-key="20280131-91680x12-91681"' in html
    assert "calc-tracker-clear" in html  # the visible delete


# --- The calendar file ------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("days", [3, 0, 1, 30])
def test_the_calendar_round_trips_with_every_event_date_amount_and_reminder(lang: str, days: int) -> None:
    data = agreement(lang, reminder_days=str(days), credit_every="6")["data"]
    events = events_of(data["ics"])
    payments, checks = events[:12], events[12:]
    assert len(payments) == len(data["payments"]) == 12
    assert [c.get("DTSTART").dt for c in checks] == [date(2028, 7, 31), date(2029, 1, 31)]
    for event, payment in zip(payments, data["payments"], strict=True):
        day = date.fromisoformat(payment["due"])
        start = event.get("DTSTART")
        assert start.dt == day and type(start.dt) is date and start.params.get("VALUE") == "DATE"
        assert event.get("DTEND").dt == day + timedelta(days=1)
        amount = f"{Decimal(payment['amount']):,.2f}"
        assert amount in str(event.get("SUMMARY"))
        assert amount in str(event.get("DESCRIPTION"))
        assert f"{Decimal(payment['remaining']):,.2f}" in str(event.get("DESCRIPTION"))
        assert {"zh": "在到期之前联系贷款机构", "en": "contact the lender before the due date"}[lang] in str(
            event.get("DESCRIPTION")
        )
    for event in events:
        alarms = [c for c in event.walk() if c.name == "VALARM"]
        assert len(alarms) == 1 and str(alarms[0].get("ACTION")) == "DISPLAY"
        # 09:00 on the day ``days`` days before the all-day event's midnight start.
        assert alarms[0].get("TRIGGER").dt == timedelta(days=-days, hours=9)
        assert event.get("DTSTAMP") is not None
    uids = [str(event.get("UID")) for event in events]
    assert len(set(uids)) == len(uids)
    assert {"zh": "查询我的个人信用报告", "en": "Check my credit report"}[lang] == str(
        checks[0].get("SUMMARY")
    )


def test_no_credit_reminders_unless_asked() -> None:
    assert len(events_of(agreement(credit_every="")["data"]["ics"])) == 12
    # Every 3 months over a year's agreement, up to the first one after the last payment.
    data = agreement(credit_every="3")["data"]
    assert data["credit_checks"] == ["2028-04-30", "2028-07-31", "2028-10-31", "2029-01-31"]


@pytest.mark.parametrize("lang", LANGS)
def test_the_calendar_is_crlf_folded_at_75_octets_between_characters_and_has_no_bom(lang: str) -> None:
    ics = agreement(lang)["data"]["ics"]
    raw = ics.encode("utf-8")
    assert not raw.startswith(b"\xef\xbb\xbf")
    assert raw.endswith(b"\r\n") and b"\n" not in raw.replace(b"\r\n", b"")
    assert b"\r" not in raw.replace(b"\r\n", b"")
    for line in raw.split(b"\r\n")[:-1]:
        assert len(line) <= 75, line
        line.decode("utf-8")  # strict: a cut inside a character would fail here
    assert "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n" in ics and ics.endswith("END:VCALENDAR\r\n")


def test_a_long_chinese_summary_folds_between_characters_and_reads_back_whole() -> None:
    summary = "还款提醒：按照协议应还九百一十六元八角，" * 6 + "逗号,分号;反斜杠\\换行\n结束"
    description = "第二行\n" + "中" * 200
    ics = calendar_text(
        [CalendarEvent("x-1@example.invalid", date(2028, 2, 29), summary, description, 3)],
        "日历",
        date(2028, 2, 1),
    )
    lines = ics.encode("utf-8").split(b"\r\n")[:-1]
    assert sum(1 for line in lines if line.startswith(b" ")) >= 10
    for line in lines:
        assert len(line) <= 75
        line.decode("utf-8")
    (event,) = events_of(ics)
    assert str(event.get("SUMMARY")) == summary
    assert str(event.get("DESCRIPTION")) == description
    assert event.get("DTSTART").dt == date(2028, 2, 29)


def test_folding_counts_octets_not_characters() -> None:
    # 8 octets of name, then 3-octet characters: 22 fit in the first 74 octets (a 23rd would make 77).
    folded = fold_line("SUMMARY:" + "还" * 40)
    first, second = folded.split("\r\n")
    assert len(first.encode()) == 74 and second.startswith(" ")
    assert len(second.encode()) == 1 + 3 * 18
    assert fold_line("A" * 75) == "A" * 75 and fold_line("A" * 76) == "A" * 75 + "\r\n A"


def test_the_same_agreement_gives_the_same_file() -> None:
    assert agreement()["data"]["ics"] == agreement()["data"]["ics"]
    assert "DTSTAMP:20280131T000000Z" in agreement()["data"]["ics"]


@pytest.mark.parametrize("lang", LANGS)
def test_text_from_the_reader_cannot_break_the_page_or_the_file(lang: str) -> None:
    answer = agreement(lang, agent=XSS)
    assert XSS not in answer["html"] and "&lt;img" in answer["html"]
    assert len(events_of(answer["data"]["ics"])) == 12 + 2  # and two credit-report reminders


# --- Carries ----------------------------------------------------------------------------------------


def carried(html: str, target: str) -> dict:
    import html as html_module
    import json

    found = re.search(rf'data-carry-target="{target}"[^>]*data-carry-fields="([^"]*)"', html)
    assert found, f"no carry button to {target}"
    return json.loads(html_module.unescape(found.group(1)))


@pytest.mark.parametrize("lang", LANGS)
def test_a_missed_payment_opens_the_message_calculator_filled_for_that_case(lang: str) -> None:
    fields = carried(agreement(lang)["html"], "message")
    assert fields["goal"] == "pause"
    assert "916.80" in fields["extra"]
    message = run("message", fields, lang)
    assert message["ok"], message["errors"]
    assert fields["extra"] in message["data"]["letter"]


@pytest.mark.parametrize("lang", LANGS)
def test_the_plans_option_fills_the_agreement(lang: str) -> None:
    from tests.samples import GOOD

    plan_fields = {**GOOD["plan"][0], "first_due": "2027-01-31"}
    plan = run("plan", plan_fields, lang)
    assert plan["ok"], plan["errors"]
    buttons = re.findall(r'data-carry-target="agreement"[^>]*data-carry-fields="([^"]*)"', plan["html"])
    assert len(buttons) == len(plan["data"]["options"])
    import html as html_module
    import json

    for option, raw in zip(plan["data"]["options"], buttons, strict=True):
        fields = json.loads(html_module.unescape(raw))
        pause = option["pause_months"]
        assert fields["payments"] == str(option["months"] - pause)
        assert fields["amount"] == option["monthly_payment_first"]
        answer = run("agreement", {**AGREEMENT, **fields}, lang)
        assert answer["ok"], answer["errors"]
        data = answer["data"]
        # The agreement ends when the option does, on the same date, having paid the same.
        assert data["debt_free"] == option["payoff_date"] == option["schedule"][-1]["due"]
        assert data["first_due"] == option["schedule"][pause]["due"]
        if option["method"] == "equal_installment":
            assert Decimal(data["total"]) == Decimal(option["total_paid"])


# --- Bad input --------------------------------------------------------------------------------------

BAD_INPUT = [
    ("amount", "", "empty"),
    ("amount", "abc", "not_number"),
    ("amount", "0", "zero"),
    ("payments", "601", "above_max"),
    ("payments", "1.5", "not_whole"),
    ("last_amount", "-1", "negative"),
    ("first_due", "", "empty"),
    ("first_due", "2026-02-30", "no_such_date"),
    ("first_due", "soon", "not_date"),
    ("first_due", "1990-01-01", "date_range"),
    ("due_day", "32", "above_max"),
    ("due_day", "0", "zero"),
    ("interest", "maybe", "bad_choice"),
    ("charges", "gone", "bad_choice"),
    ("confirmed_via", "pigeon", "bad_choice"),
    ("agent", "x" * 41, "too_long"),
    ("reminder_days", "31", "above_max"),
    ("reminder_days", "-1", "negative"),
    ("credit_every", "5", "bad_choice"),
]


@pytest.mark.parametrize(("name", "typed", "key"), BAD_INPUT)
@pytest.mark.parametrize("lang", LANGS)
def test_bad_input_in_every_field_gets_a_message_beside_it(
    name: str, typed: str, key: str, lang: str
) -> None:
    answer = run("agreement", {**AGREEMENT, name: typed}, lang)
    assert answer["ok"] is False and answer["html"] == ""
    assert list(answer["errors"]) == [name]
    head = READER[key][lang].split("{")[0]
    assert answer["errors"][name].startswith(head) and "{" not in answer["errors"][name]


def test_every_field_is_covered_by_the_bad_input_table() -> None:
    from calculators.tools.agreement import FIELDS

    assert {f.name for f in FIELDS} == {name for name, _, _ in BAD_INPUT}


# --- Harm fixes -------------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_reminders_every_3_months_say_only_two_reports_a_year_are_free(lang: str) -> None:
    """Four reminders a year are more than the two free reports (facts file section 5: "at least two
    free reports a year; a counter fee may apply after that"): the choice, the hint and the result
    say so; every 6 or 12 months needs no such note."""
    from calculators.tools.agreement import CREDIT_CHOICES, FIELDS

    fee = {"zh": "柜台查询费", "en": "counter fee may apply"}[lang]
    label = next(c.label[lang] for c in CREDIT_CHOICES if c.value == "3")
    assert {"zh": "超过免费的 2 次", "en": "more than the 2 free ones"}[lang] in label
    hint = next(f.hint[lang] for f in FIELDS if f.name == "credit_every")
    assert fee in hint
    assert fee in agreement(lang, credit_every="3")["html"]
    assert fee not in agreement(lang, credit_every="6")["html"]
    for every in ("3", "6", "12"):
        checks = [
            e
            for e in events_of(agreement(lang, credit_every=every)["data"]["ics"])
            if "credit" in str(e["UID"])
        ]
        assert checks and all(fee in str(e.get("DESCRIPTION")) for e in checks)


@pytest.mark.parametrize("lang", LANGS)
def test_nothing_assumes_the_loan_is_on_the_credit_report(lang: str) -> None:
    """Whether a Huabei / Jiebei loan appears on a report is unconfirmed (domain-facts): the request
    asks "whether and how" it is reported, the checklist says so, and the reminder says "if it
    appears"."""
    answer = agreement(lang, credit_every="6")
    whether = {"zh": "是否、以及怎样报送", "en": "whether and how this arrangement"}[lang]
    assert whether in answer["data"]["request"]
    html = unescape(answer["html"])
    assert {"zh": "是否报送、怎样报送", "en": "whether and how it will be reported"}[lang] in html
    assumed = {
        "zh": r"会怎样报送",
        "en": r"(?<!whether and )how (this arrangement .*)?(it )?will be reported",
    }[lang]
    assert not re.search(assumed, html + answer["data"]["request"])
    check = next(e for e in events_of(answer["data"]["ics"]) if "credit" in str(e["UID"]))
    assert {
        "zh": "看看报告里有没有这笔借款；如果有",
        "en": "whether this loan appears on your report; if it does",
    }[lang] in str(check.get("DESCRIPTION"))


@pytest.mark.parametrize("lang", LANGS)
def test_one_agreement_is_paid_off_not_debt_free(lang: str) -> None:
    """The reader may have other debts: the agreement's last date is "paid off", never "debt-free"."""
    html = unescape(agreement(lang)["html"])
    assert {"zh": "还清日期", "en": "Paid off on"}[lang] in html
    assert "debt-free" not in html.lower()
