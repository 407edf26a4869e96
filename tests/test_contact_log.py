"""The contact log's entry (calculators/tools/contact_log.py): what it accepts, the shape the page
keeps, and every refusal with its message next to the field in zh, en and zh-Hant."""

from __future__ import annotations

import pytest

from calculators import run
from calculators.core.i18n import t
from calculators.core.reader import MESSAGES as READER_MESSAGES
from calculators.tools.contact_log import MAX_NOTE, MESSAGES, read_time
from tests.samples import CONTACT

LANGS = ("zh", "en", "zh-Hant")


def test_an_entry_comes_back_in_the_shape_the_page_keeps() -> None:
    answer = run("contact-log", {**CONTACT, "said": "  说明了情况  ", "time": "9:05"}, "en")
    assert answer["ok"], answer["errors"]
    assert answer["data"]["entry"] == {
        "date": "2026-12-03",
        "time": "09:05",
        "channel": "chat",
        "agent": "客服 8023",
        "said": "说明了情况",
        "agreed": "同意分 12 期，每期 916.80 元",
        "next_step": "等短信确认",
        "next_date": "2026-12-10",
    }


def test_dates_and_times_as_people_type_them() -> None:
    answer = run(
        "contact-log",
        {"date": "2026年12月3日", "time": "１４：３０", "channel": "other", "agreed": "x"},
        "zh",
    )
    assert answer["ok"], answer["errors"]
    assert (answer["data"]["entry"]["date"], answer["data"]["entry"]["time"]) == ("2026-12-03", "14:30")
    assert answer["data"]["entry"]["next_date"] == ""
    assert read_time("") == "" and read_time("0:00") == "00:00" and read_time("23.59") == "23:59"


@pytest.mark.parametrize("lang", LANGS)
def test_an_entry_with_nothing_but_the_date_is_refused_at_what_was_said(lang: str) -> None:
    answer = run(
        "contact-log", {"date": "2026-12-03", "time": "14:30", "channel": "chat", "agent": "8023"}, lang
    )
    assert not answer["ok"]
    assert answer["errors"] == {"said": t(MESSAGES, "empty_entry", lang)}
    if lang == "zh":
        assert "说了什么" in answer["errors"]["said"]
    if lang == "zh-Hant":
        assert "說了什麼" in answer["errors"]["said"]
    if lang == "en":
        assert answer["errors"]["said"].startswith("Please write at least one of these")


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("name", ["said", "agreed", "next_step"])
def test_a_10000_character_note_is_refused_with_the_cap(name: str, lang: str) -> None:
    answer = run("contact-log", {**CONTACT, name: "长" * 10_000}, lang)
    assert not answer["ok"]
    assert answer["errors"] == {name: t(READER_MESSAGES, "too_long", lang, limit=MAX_NOTE)}
    assert "2000" in answer["errors"][name]
    # the cap itself is accepted, and said in the hint
    assert run("contact-log", {**CONTACT, name: "长" * MAX_NOTE}, lang)["ok"]


def test_the_hint_says_the_cap() -> None:
    from calculators.api import form_html

    for lang, words in (("zh", "最多 2,000 个字"), ("en", "Up to 2,000 characters")):
        assert words in form_html("contact-log", lang)


@pytest.mark.parametrize("lang", LANGS)
def test_bad_dates_and_times_get_their_own_messages(lang: str) -> None:
    answer = run("contact-log", {**CONTACT, "date": "2026-02-30", "next_date": "tomorrow"}, lang)
    assert not answer["ok"] and set(answer["errors"]) == {"date", "next_date"}
    answer = run("contact-log", {**CONTACT, "time": "25:61"}, lang)
    assert answer["errors"] == {"time": t(MESSAGES, "bad_time", lang, text="25:61")}
    answer = run("contact-log", {**CONTACT, "date": ""}, lang)
    assert set(answer["errors"]) == {"date"}


def test_markup_is_kept_as_text_and_escaped_in_the_preview() -> None:
    probes = {
        "agent": "<img src=x onerror=alert(1)>",
        "said": "<script>alert(1)</script>",
        "agreed": '"><b>x</b>',
    }
    answer = run("contact-log", {**CONTACT, **probes}, "en")
    assert answer["ok"], answer["errors"]
    for name, probe in probes.items():
        assert answer["data"]["entry"][name] == probe  # kept as typed: the page writes it as text
    html = answer["html"]
    assert "<script" not in html and "<img" not in html and "<b>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html and "&lt;img src=x onerror=alert(1)&gt;" in html


def test_an_unknown_channel_is_refused() -> None:
    answer = run("contact-log", {**CONTACT, "channel": "fax"}, "en")
    assert set(answer["errors"]) == {"channel"}
