"""The repayment pack (calculators/tools/pack.py): the same figures as each calculator it gathers,
with their units, in every language; parts with nothing kept or something to correct say where to
fill them in; the pack's own choices; bad input never ends in an internal error."""

from __future__ import annotations

import json
import re
from datetime import date
from decimal import Decimal
from html import unescape
from urllib.parse import urljoin

import numpy_financial as npf
import pytest

from calculators import CALCULATORS, form_html, run
from calculators.core.dates import date_name
from calculators.core.i18n import SITE_LANGS
from calculators.core.money import yuan
from calculators.tools import pack as pack_module
from tests.samples import AGREEMENT, CAPACITY, GOOD, MESSAGE_FROM_PLAN, ONE_DEBT, THREE_DEBTS, _pack, _plan

MONEY = re.compile(r"(?<![\d.])\d{1,3}(?:,\d{3})*\.\d{2}(?!\d)")


def _pack_run(lang: str, **sources: object) -> dict:
    answer = run("pack", _pack(**sources) | {"include_checklist": "on"}, lang)
    assert answer["ok"], answer["errors"]
    return answer


def _part(html: str, name: str) -> str:
    found = re.search(rf'<section class="calc-pack-part" data-pack-part="{name}">(.*?)</section>', html, re.S)
    assert found, f"no {name} part"
    return found.group(1)


def _cells(html: str) -> list[str]:
    return [unescape(re.sub(r"<[^>]+>", "", cell)) for cell in re.findall(r"<td[^>]*>(.*?)</td>", html, re.S)]


def _plain(html: str) -> str:
    return unescape(re.sub(r"<[^>]+>", "", html))


# --- The same figures as each calculator ----------------------------------------------------------


@pytest.mark.parametrize("lang", SITE_LANGS)
@pytest.mark.parametrize("index", range(len(GOOD["capacity"])))
def test_the_budget_holds_the_capacity_calculators_own_figures(lang: str, index: int) -> None:
    fields = GOOD["capacity"][index]
    own = run("capacity", fields, lang)["data"]
    answer = _pack_run(lang, capacity=fields)
    assert answer["data"]["budget"] == own
    cells = _cells(_part(answer["html"], "budget"))
    for key in ("income", "essentials", "other_debts", "surplus", "margin", "safe_amount"):
        assert yuan(Decimal(own[key]), lang) in cells, key
    assert yuan(Decimal(own["safe_amount"]), lang) in _plain(_part(answer["html"], "budget"))


def test_the_budget_of_the_worked_example_by_hand() -> None:
    """8,000 of income; 2,500 + 1,500 + 300 + 200 + 500 = 5,000 of essentials; 500 of other debts:
    2,500 left; less 10% of income (800), 1,700.00 to offer."""
    part = _part(_pack_run("zh", capacity=CAPACITY)["html"], "budget")
    cells = _cells(part)
    for figure in ("8,000.00 元", "5,000.00 元", "500.00 元", "2,500.00 元", "800.00 元", "1,700.00 元"):
        assert figure in cells
    assert "我每月可以拿出的还款额：1,700.00 元" in _plain(part)
    english = _part(_pack_run("en", capacity=CAPACITY)["html"], "budget")
    assert "What I can offer each month: 1,700.00 yuan" in _plain(english)


@pytest.mark.parametrize("lang", SITE_LANGS)
@pytest.mark.parametrize("index", range(len(GOOD["plan"])))
def test_the_plan_holds_one_of_the_plan_calculators_own_options(lang: str, index: int) -> None:
    fields = GOOD["plan"][index]
    own = run("plan", fields, lang)["data"]
    answer = _pack_run(lang, plan=fields)
    shown = answer["data"]["plan"]
    options = [{k: v for k, v in option.items() if k != "schedule"} for option in own["options"]]
    assert shown["option"] in options
    assert shown["owed"] == own["owed"] and shown["debts"] == own["debts"]
    cells = _cells(_part(answer["html"], "plan"))
    for debt in own["debts"]:
        assert yuan(Decimal(debt["amount"]), lang) in cells
    option = shown["option"]
    for key in ("monthly_payment_first", "total_paid", "total_interest"):
        assert yuan(Decimal(option[key]), lang) in cells, key


def test_the_chosen_option_by_hand_and_by_numpy_financial() -> None:
    """10,000 at 1.5% a month over 36 months: 361.52 a month (numpy-financial's pmt rounded half-up),
    the first due on January 31, 2028, as the plan calculator was told."""
    plan = _plan(ONE_DEBT, "equal_installment", first_due="2028-01-31")
    answer = _pack_run("zh", plan=plan, message=MESSAGE_FROM_PLAN)
    option = answer["data"]["plan"]["option"]
    assert option["key"] == "longer_term"  # the option carried into the message
    expected = Decimal(str(-npf.pmt(0.015, 36, 10000))).quantize(Decimal("0.01"))
    assert option["monthly_payment_first"] == str(expected) == "361.52"
    part = _plain(_part(answer["html"], "plan"))
    assert "361.52 元" in part and "2028年1月31日" in part


def test_the_option_follows_the_readers_choice_and_says_why() -> None:
    plan = _plan(ONE_DEBT, "equal_installment")
    fields = _pack(plan=plan)
    assert run("pack", {**fields, "option": "pause"}, "en")["data"]["plan"]["option"]["key"] == "pause"
    fits = run("pack", fields, "en")["data"]["plan"]
    assert fits["option"]["key"] == "fits_budget" and fits["option_reason"] == "why_fits"
    missing = run("pack", {**_pack(plan={**plan, "pause_months": ""}), "option": "pause"}, "en")
    assert missing["data"]["plan"]["option_reason"] == "not_offered"
    assert "has no option of the kind you chose" in missing["html"]
    assert run("pack", _pack(plan=plan, message=MESSAGE_FROM_PLAN), "en")["data"]["plan"]["option"][
        "key"
    ] == ("longer_term")


@pytest.mark.parametrize("lang", SITE_LANGS)
@pytest.mark.parametrize("index", range(len(GOOD["message"])))
def test_the_request_is_the_message_calculators_own_text(lang: str, index: int) -> None:
    fields = GOOD["message"][index] or {"goal": ""}  # as the page keeps an empty form: every field, empty
    own = run("message", fields, lang)["data"]
    for kind in ("letter", "chat"):
        answer = run("pack", {**_pack(message=fields), "message_text": kind}, lang)
        assert answer["data"]["message"]["text"] == own[kind]
        assert _plain(re.search(r"<pre[^>]*>(.*?)</pre>", answer["html"], re.S).group(1)) == own[kind]


@pytest.mark.parametrize("lang", SITE_LANGS)
@pytest.mark.parametrize("index", range(len(GOOD["agreement"])))
def test_the_agreement_holds_its_own_terms_and_every_due_date(lang: str, index: int) -> None:
    fields = GOOD["agreement"][index]
    own = run("agreement", fields, lang)["data"]
    answer = _pack_run(lang, agreement=fields)
    shown = answer["data"]["agreement"]
    for key in ("amount", "count", "last_amount", "total", "first_due", "debt_free", "payments"):
        assert shown[key] == own[key], key
    cells = _cells(_part(answer["html"], "agreement"))
    assert date_name(date.fromisoformat(own["first_due"]), lang) in cells
    for payment in own["payments"]:
        assert yuan(Decimal(payment["amount"]), lang) in cells
        assert date_name(date.fromisoformat(payment["due"]), lang) in cells


def test_the_agreements_dates_by_hand() -> None:
    """916.80 a month from January 31, 2028, the 12th and last (916.81) on December 31, 2028."""
    cells = _cells(_part(_pack_run("en", agreement=AGREEMENT)["html"], "agreement"))
    assert "916.81 yuan" in cells and date_name(date(2028, 1, 31), "en") in cells
    assert date_name(date(2028, 12, 31), "en") in cells
    assert date_name(date(2028, 2, 29), "en") in cells  # the 31st in February: its last day


@pytest.mark.parametrize("lang", SITE_LANGS)
@pytest.mark.parametrize("index", range(len(GOOD["prepare"])))
def test_the_checklist_is_the_checklists_own_progress(lang: str, index: int) -> None:
    fields = GOOD["prepare"][index] or {"have_account": ""}
    own = run("prepare", fields, lang)["data"]
    answer = _pack_run(lang, prepare=fields)
    assert answer["data"]["checklist"] == own
    items = re.findall(r"<li>(.*?)</li>", _part(answer["html"], "checklist"))
    assert len(items) == own["total"]
    assert sum(1 for item in items if item.startswith(("还没有", "還沒有", "Not yet"))) == len(own["missing"])


def test_the_checklist_starts_unticked_and_the_other_parts_ticked() -> None:
    """The checklist is the reader's own; a pack printed for a lender leaves it out unless asked."""
    form = form_html("pack", "en")
    for part in pack_module.PARTS:
        box = re.search(
            rf'<input type="checkbox" value="on" id="calc-pack-include_{part}"[^>]*>', form
        ).group(0)
        assert (" checked" in box) == (part != "checklist"), part


# --- Units, languages --------------------------------------------------------------------------


@pytest.mark.parametrize("lang", SITE_LANGS)
def test_every_amount_in_the_pack_has_its_unit(lang: str) -> None:
    answer = run("pack", GOOD["pack"][0] | {"include_checklist": "on"}, lang)
    text = re.sub(r"<pre.*?</pre>", "", answer["html"], flags=re.S)  # the request: the message's own words
    cells = _cells(text)
    amounts = [cell for cell in cells if MONEY.search(cell) and not cell.endswith("%")]
    assert len(amounts) > 20
    unit = "yuan" if lang == "en" else "元"
    for cell in amounts:
        assert cell.endswith(f" {unit}"), cell
    for found in MONEY.finditer(_plain(text)):
        after = _plain(text)[found.end() : found.end() + 5]
        assert after.startswith((f" {unit}", "%")), found.group(0) + after


def test_the_traditional_pack_has_the_same_figures_in_traditional_words() -> None:
    simplified = run("pack", GOOD["pack"][1], "zh")
    traditional = run("pack", GOOD["pack"][1], "zh-Hant")
    assert MONEY.findall(simplified["html"]) == MONEY.findall(traditional["html"])
    assert "我的還款材料包" in traditional["html"] and "貸款機構" in traditional["html"]
    assert "还款" not in _plain(re.sub(r"<pre.*?</pre>", "", traditional["html"], flags=re.S))


# --- Parts with nothing kept, or something to correct -------------------------------------------


@pytest.mark.parametrize("lang", SITE_LANGS)
def test_a_part_with_nothing_kept_says_which_calculator_to_fill_in(lang: str) -> None:
    answer = run("pack", _pack() | {"include_checklist": "on"}, lang)
    assert answer["ok"]
    assert set(answer["data"]["sources"].values()) == {"missing"}
    for part, name in pack_module.PART_SOURCE.items():
        body = _part(answer["html"], part)
        assert 'class="calc-pack-missing"' in body
        href = re.search(r'<a href="([^"]+)">', body).group(1)
        # Followed from the pack's page, the link opens that calculator on its own page.
        page = CALCULATORS[name].page
        assert urljoin("https://example.org/pack/", href) == f"https://example.org/guide/{page}/#calc-{name}"


@pytest.mark.parametrize(
    "text",
    ["{not json", "[1, 2]", "null", '"text"', "[" * 5000, json.dumps({**CAPACITY, "food": "lots"})],
)
def test_a_source_that_cant_be_read_or_has_errors_asks_for_it_to_be_corrected(text: str, capsys) -> None:
    answer = run("pack", {**_pack(), "capacity_fields": text}, "en")
    assert answer["ok"], answer["errors"]
    assert answer["data"]["budget"] is None
    body = _plain(_part(answer["html"], "budget"))
    assert "still has something to fill in or correct" in body
    assert "section 2" in body
    assert capsys.readouterr().err == ""


def test_a_plan_that_never_repays_still_shows_its_figures() -> None:
    plan = _plan(THREE_DEBTS, "interest_first", budget="300")
    answer = _pack_run("en", plan=plan)
    assert answer["data"]["plan"]["never_repaid"] is True
    own = run("plan", plan, "en")["data"]["options"]
    assert answer["data"]["plan"]["option"]["key"] == own[0]["key"]  # none fits: the first one listed
    assert answer["data"]["plan"]["option_reason"] == "why_first"


def test_next_steps_follow_what_the_pack_holds() -> None:
    empty = run("pack", _pack(), "en")["data"]["steps"]["steps"]
    assert empty[:3] == ["step_budget", "step_plan", "step_message"]
    full = run("pack", GOOD["pack"][0], "en")["data"]["steps"]["steps"]
    assert full == ["step_keep", "step_never_pay"]


def test_no_part_chosen_says_so() -> None:
    fields = {**GOOD["pack"][0], **{f"include_{part}": "" for part in pack_module.PARTS}}
    answer = run("pack", fields, "zh")
    assert answer["data"]["parts"] == [] and "没有选择任何部分" in answer["html"]


def test_the_pack_form_shows_only_its_choices_and_names_its_sources() -> None:
    form = form_html("pack", "zh")
    assert 'data-sources="capacity plan message agreement prepare"' in form
    assert "_fields" not in form  # the kept inputs are sent by the page script, never shown or typed
    assert 'data-tool="share"' in form


@pytest.mark.parametrize("name", ["capacity", "plan", "message", "agreement", "prepare"])
def test_each_source_calculator_links_to_the_pack_under_its_result(name: str) -> None:
    form = form_html(name, "en")
    link = re.search(
        r'<div class="calc-result"[^>]*></div><p class="calc-pack-link"><a href="([^"]+)">', form
    )
    assert link, name
    here = f"https://example.org/guide/{CALCULATORS[name].page}/"
    assert urljoin(here, link.group(1)) == "https://example.org/pack/"
    assert "calc-pack-link" not in form_html("true-cost", "en")
