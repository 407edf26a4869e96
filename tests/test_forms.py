"""Forms rendered from each calculator's schema: labelled, localised, and a marker per name."""

import json
import re
from html.parser import HTMLParser

import pytest

from calculators import CALCULATORS, form_html
from calculators.core.i18n import pick

LANGS = ("zh", "en")


class Elements(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.controls: list[dict[str, str | None]] = []
        self.labels: set[str] = set()
        self.ids: list[str] = []
        self.in_template = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        if tag == "template":
            self.in_template += 1
        if self.in_template:
            return
        if attributes.get("id"):
            self.ids.append(attributes["id"] or "")
        if tag in ("input", "select", "textarea"):
            self.controls.append({"tag": tag, **attributes})
        if tag == "label" and attributes.get("for"):
            self.labels.add(attributes["for"] or "")

    def handle_endtag(self, tag: str) -> None:
        if tag == "template":
            self.in_template -= 1


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("name", sorted(CALCULATORS))
def test_every_control_has_a_label_and_unique_id(name: str, lang: str) -> None:
    parsed = Elements()
    parsed.feed(form_html(name, lang))
    assert parsed.controls, "a form with no inputs"
    for control in parsed.controls:
        assert control.get("id") in parsed.labels, f"no <label for> for {control}"
        if control["tag"] == "input" and control.get("type") == "text":
            assert control.get("inputmode") in ("decimal", "numeric", "text")
    assert len(parsed.ids) == len(set(parsed.ids)), "duplicate ids"


@pytest.mark.parametrize("name", sorted(CALCULATORS))
def test_form_has_status_result_region_and_language(name: str) -> None:
    for lang in LANGS:
        html = form_html(name, lang)
        assert f'data-calculator="{name}"' in html and f'data-lang="{lang}"' in html
        # Not the whole result: a short summary is announced in its own polite region.
        assert f'<div class="calc-result" id="calc-{name}-result"></div>' in html
        assert '<p class="calc-sr calc-announce" aria-live="polite" aria-atomic="true"></p>' in html
        assert 'role="status"' in html
        assert pick(CALCULATORS[name].title, lang) in html


def test_labels_follow_the_page_language() -> None:
    zh, en = form_html("true-cost", "zh"), form_html("true-cost", "en")
    assert "借款或分期金额" in zh and "借款或分期金额" not in en
    assert "Amount borrowed" in en and "Amount borrowed" not in zh
    assert 'inputmode="decimal"' in zh and 'inputmode="numeric"' in zh
    assert 'data-show-when="kind=daily"' in zh


def test_unknown_calculator_or_language_fails_loudly() -> None:
    with pytest.raises(KeyError):
        form_html("nope", "zh")
    with pytest.raises(KeyError):
        form_html("true-cost", "fr")


@pytest.mark.parametrize("name", sorted(CALCULATORS))
def test_no_raw_message_keys_or_placeholders(name: str) -> None:
    for lang in LANGS:
        text = re.sub(r"<[^>]+>", " ", form_html(name, lang))
        assert not re.search(r"\{[a-z_]+\}", text), "an unfilled {placeholder}"
        assert not re.search(r"\b[a-z]+_[a-z_]+\b", text.replace("__i__", "").replace("__n__", "")), (
            "a raw key"
        )


def test_every_calculator_names_its_page() -> None:
    from pathlib import Path

    docs = Path(__file__).resolve().parents[1] / "docs" / "guide"
    for name, calculator in CALCULATORS.items():
        for suffix in (".md", ".en.md"):
            page = docs / f"{calculator.page}{suffix}"
            assert f"<!-- calculator: {name} -->" in page.read_text(encoding="utf-8"), page


@pytest.mark.parametrize(("lang", "daily"), [("zh", "%/天"), ("en", "% a day")])
def test_the_plans_rate_unit_follows_the_rate_kind(lang: str, daily: str) -> None:
    html = form_html("plan", lang)
    unit = re.search(
        r'<span class="calc-unit" aria-hidden="true" data-unit-by="rate_kind" data-units="([^"]+)">', html
    )
    assert unit, "the rate's unit names the field it follows"
    units = json.loads(unit.group(1).replace("&quot;", '"'))
    assert units["daily"] == daily and set(units) == {"annual", "daily", "monthly", "fee"}
