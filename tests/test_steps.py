"""Host checks of the page-side markup added for issue 10: the steps between calculators, the
skip links, and remove buttons that name their row."""

from __future__ import annotations

import re
from urllib.parse import urljoin

import pytest

from calculators import CALCULATORS, form_html, skip_links_html
from calculators.core.i18n import LANGS, SITE_LANGS, pick
from calculators.page.forms import STEP_TITLES, STEPS
from calculators.page.ui import UI

ON_PATH = [name for name in STEPS if name in CALCULATORS]


def _url(page: str) -> str:
    """Where a calculator's page is built: ``guide/<page>/``; the pack's ``../pack`` is ``pack/``."""
    return "pack/" if page == "../pack" else f"guide/{page}/"


def _steps(html: str) -> str:
    found = re.findall(r'<nav class="calc-steps".*?</nav>', html)
    return found[0] if found else ""


def test_the_path_holds_the_calculators_in_order() -> None:
    assert ON_PATH[:3] == ["capacity", "plan", "message"]


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("name", ON_PATH)
def test_each_step_shows_the_whole_path_and_marks_itself(name: str, lang: str) -> None:
    steps = _steps(form_html(name, lang))
    assert f'aria-label="{pick(UI["steps"], lang)}"' in steps
    items = re.findall(r"<li.*?</li>", steps)
    assert len(items) == len(ON_PATH)
    for number, (item, step) in enumerate(zip(items, ON_PATH, strict=True), start=1):
        calculator = CALCULATORS[step]
        assert f'<span class="calc-step-number">{number}</span>' in item
        assert f"</span> {pick(STEP_TITLES[step], lang)}" in item
        if step == name:
            assert item.startswith('<li aria-current="step">') and "<a " not in item
            continue
        same_page = calculator.page == CALCULATORS[name].page
        if same_page:
            assert f'<a href="#calc-{step}">' in item
            continue
        # Followed from this step's page, the link opens the step's page (the pack is outside guide/).
        href = re.search(r'<a href="([^"]+)">', item).group(1)
        here = f"https://example.org/{_url(CALCULATORS[name].page)}"
        assert urljoin(here, href) == f"https://example.org/{_url(calculator.page)}#calc-{step}"


def test_step_names_are_short_and_parallel_in_every_language() -> None:
    """One noun per step, in each language: two characters in Chinese, one word in English, and the
    Traditional page shows them converted (the path reads 预算 → 方案 → 申请 → 协议 → 材料)."""
    assert list(STEP_TITLES) == list(STEPS)
    assert [pick(STEP_TITLES[s], "zh") for s in STEPS] == ["预算", "方案", "申请", "协议", "材料"]
    assert [pick(STEP_TITLES[s], "en") for s in STEPS] == ["Budget", "Plan", "Request", "Agreement", "Pack"]
    for lang in LANGS:
        names = [pick(STEP_TITLES[s], lang) for s in STEPS]
        assert len(set(names)) == len(names)


@pytest.mark.parametrize("lang", SITE_LANGS)
def test_the_path_shows_the_step_names_not_the_calculators_titles(lang: str) -> None:
    steps = _steps(form_html("plan", lang))
    names = re.findall(r'<span class="calc-step-number">\d</span> ([^<]*)', steps)
    assert names == [pick(STEP_TITLES[s], lang) for s in ON_PATH]
    for name in ON_PATH:
        assert pick(CALCULATORS[name].title, lang) not in steps
    if lang == "zh-Hant":
        assert names[:3] == ["預算", "方案", "申請"]


@pytest.mark.parametrize("name", sorted(set(CALCULATORS) - set(ON_PATH)))
def test_a_calculator_off_the_path_shows_no_steps(name: str) -> None:
    assert _steps(form_html(name, "zh")) == ""


@pytest.mark.parametrize(
    ("lang", "names"),
    [("zh", ["删除第 1 笔债务", "删除第 2 笔债务"]), ("en", ["Remove debt 1", "Remove debt 2"])],
)
def test_remove_buttons_name_their_row(lang: str, names: list[str]) -> None:
    html = form_html("plan", lang)
    rows = html.split('<template class="calc-row-template">')[0]
    shown = re.findall(r'class="calc-remove-row md-button">(.*?)</button>', rows)
    assert shown == names[: len(shown)] and shown
    template = html.split('<template class="calc-row-template">')[1]
    assert re.findall(r'class="calc-remove-row md-button">(.*?)</button>', template) == [
        names[0].replace("1", "__n__")
    ]


@pytest.mark.parametrize("lang", LANGS)
def test_skip_links_lead_to_each_calculator_of_a_page(lang: str) -> None:
    html = skip_links_html(["capacity", "plan"], lang)
    for name in ("capacity", "plan"):
        text = pick(UI["skip_to"], lang).format(title=pick(CALCULATORS[name].title, lang))
        assert f'<a href="#calc-{name}" class="md-skip calc-skip">{text}</a>' in html
