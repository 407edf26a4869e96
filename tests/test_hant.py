"""Traditional Chinese (zh-Hant): made from the Simplified text at build time, never by hand.

The built pages (article, navigation, theme labels) and the calculators' answers are already
Traditional: OpenCC run over them again changes nothing but the guide's own tested exceptions.
"""

from __future__ import annotations

import html
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest
from mkdocs.exceptions import PluginError

from calculators import CALCULATORS, form_html, run
from tests.conftest import ROOT
from tests.samples import BAD, GOOD
from tests.test_build import PAGES, page_file, text_of

sys.path.insert(0, str(ROOT / "overrides" / "hooks"))
import traditional_pages  # noqa: E402
import traditional_text  # noqa: E402
from traditional_text import EXCEPTIONS, opencc_convert, to_traditional  # noqa: E402

HANT = "zh-Hant"
SWITCHER = re.compile(r'<div class="md-select__inner">.*?</div>', re.S)  # each language in its own script
HIDDEN = re.compile(r"<(script|style)\b.*?</\1>", re.S)
WORDS_IN_ATTRIBUTES = re.compile(r'(?:title|aria-label|placeholder|alt|content)="([^"]*)"')


def hant_html(site: Path, page: str) -> str:
    return (site / HANT / page / "index.html").read_text(encoding="utf-8")


def words_of(html: str) -> str:
    """What a reader sees or hears on a page: text and labelled attributes (not the switcher)."""
    html = SWITCHER.sub("", HIDDEN.sub("", html))
    return text_of(html) + "\n" + "\n".join(WORDS_IN_ATTRIBUTES.findall(html))


def left_in_simplified(text: str) -> list[str]:
    """Places OpenCC would still change, apart from the guide's exceptions (already Traditional)."""
    converted = opencc_convert(text)
    allowed = [
        range(match.start(), match.end())
        for wanted in EXCEPTIONS.values()
        for match in re.finditer(re.escape(wanted), text)
    ]
    if len(converted) != len(text):  # s2tw converts character by character on this text
        return [f"length changed: {len(text)} -> {len(converted)}"]
    return [
        text[max(0, i - 6) : i + 6]
        for i, (before, after) in enumerate(zip(text, converted, strict=True))
        if before != after and not any(i in span for span in allowed)
    ]


# --- the pages --------------------------------------------------------------------------------


@pytest.mark.parametrize("page", PAGES)
def test_built_traditional_pages_have_nothing_left_to_convert(site: Path, page: str) -> None:
    html = hant_html(site, page)
    assert '<html lang="zh-Hant"' in html
    assert left_in_simplified(words_of(html)) == []


@pytest.mark.parametrize("page", PAGES)
def test_traditional_page_is_the_simplified_page_converted(site: Path, page: str) -> None:
    def article(html: str) -> str:
        return words_of(html[html.index("<article") : html.index("</article>")])

    simplified = article(page_file(site, "zh", page).read_text(encoding="utf-8"))
    traditional = article(hant_html(site, page))
    # the same page, character for character, once converted (nothing missing, added or left behind)
    assert to_traditional(simplified) == traditional


def test_exceptions_are_needed_and_hold(site: Path) -> None:
    pages = "".join(
        p.read_text(encoding="utf-8") for p in traditional_pages.simplified_sources(ROOT / "docs")
    )
    sources = pages + "\n".join(sorted(traditional_text.calculator_texts(ROOT)))
    built = "".join(words_of(hant_html(site, page)) for page in PAGES) + "".join(
        json.dumps(run(name, fields, HANT), ensure_ascii=False) for name in GOOD for fields in GOOD[name]
    )
    assert EXCEPTIONS, "the list documents where OpenCC is wrong for this text"
    plain, ours = opencc_convert(sources), to_traditional(sources)
    assert len(plain) == len(ours) == len(sources)  # character for character: positions line up
    for simplified, wanted in EXCEPTIONS.items():
        spots = [match.start() for match in re.finditer(re.escape(simplified), sources)]
        assert spots, f"{simplified} no longer occurs: drop the exception"
        wrong = {plain[i : i + len(simplified)] for i in spots} - {wanted}
        assert wrong, f"OpenCC now writes {wanted} everywhere: drop the exception"
        assert all(ours[i : i + len(simplified)] == wanted for i in spots)
        for form in wrong:
            assert form not in built, f"{form} in the built pages or answers, {wanted} expected"
        assert wanted in built


def test_names_menu_labels_and_quoted_terms_stay_recognisable(site: Path) -> None:
    home = words_of(hant_html(site, ""))
    channels = words_of(hant_html(site, "guide/4-channels/"))
    for product in ("花唄", "借唄", "支付寶"):
        assert product in home, product
    for label in ("我的 → 客服", "我的客服", "95188", "12378"):
        assert label in channels, label
    for term in ("停息掛賬", "債務優化", "債務協商", "反催收"):
        assert f"“{term}”" in channels, term


def test_theme_labels_and_site_name_are_traditional(site: Path) -> None:
    simplified = page_file(site, "zh", "guide/4-channels/").read_text(encoding="utf-8")
    traditional = hant_html(site, "guide/4-channels/")
    toggles = re.findall(r'<label class="md-header__button md-icon" title="([^"]+)"', simplified)
    assert toggles and all(f'title="{to_traditional(name)}"' in traditional for name in toggles)
    assert "<title>四、選擇合適的溝通渠道 - 支付寶還款協商指南</title>" in traditional
    assert 'placeholder="搜尋"' in traditional  # Material's own zh-Hant label
    assert 'aria-label="頁腳"' in traditional  # Material writes 頁脚: converted at build time


def test_navigation_lists_every_page_in_traditional(site: Path) -> None:
    nav = hant_html(site, "")
    for page in PAGES[1:]:
        title = re.search(r"<h1[^>]*>(.*?)</h1>", hant_html(site, page), re.S)
        assert title, page
        name = text_of(re.sub(r'<a class="headerlink".*?</a>', "", title.group(1))).strip()
        assert f">{name}<" in nav.replace("\n", "").replace("  ", ""), page


def test_search_index_holds_traditional_words(site: Path) -> None:
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    hant_index = site / HANT / "search" / "search_index.json"  # its own (search_per_language.py)
    traditional = json.loads(hant_index.read_text(encoding="utf-8"))["docs"]
    assert {doc["location"].split("#")[0] for doc in traditional} >= set(PAGES)
    simplified = "".join(doc["text"] for doc in index["docs"] if doc["location"].startswith(tuple(PAGES[1:])))
    text = "".join(doc["text"] for doc in traditional)
    assert text.count("協商") > 10
    # 協商 is a word of its own in the Traditional pages wherever 协商 is one in the Simplified
    # pages (jieba, which segments them, knows only Simplified words unless the hook teaches it)
    assert text.count("\u200b協商\u200b") >= simplified.count("\u200b协商\u200b") > 0


@pytest.mark.browser
def test_search_in_traditional_finds_the_negotiation_sections(page_and_watch, base_url: str) -> None:
    from tests.test_browser_site import search

    page, _ = page_and_watch
    page.goto(base_url + f"{HANT}/guide/introduction/")
    assert page.get_attribute("html", "lang") == HANT
    results = search(page, "協商")
    assert any(f"/{HANT}/guide/6-follow-up/" in href for href in results), results
    assert all(f"/{HANT}/" in href for href in results[:3]), results


# --- generation: the Simplified pages are the one source ----------------------------------------


def test_generated_pages_match_their_source_and_are_ignored_by_git(site: Path) -> None:
    docs = ROOT / "docs"
    for source in traditional_pages.simplified_sources(docs):
        generated = traditional_pages.generated_path(source)
        assert generated.read_text(encoding="utf-8") == traditional_pages.expected_text(source)
        ignored = subprocess.run(["git", "check-ignore", "-q", str(generated)], cwd=ROOT, check=False)
        assert ignored.returncode == 0, f"{generated} is not gitignored"


def make_docs(tmp_path: Path) -> Path:
    docs = tmp_path / "docs"
    (docs / "guide").mkdir(parents=True)
    (docs / "index.md").write_text("# 支付宝还款协商指南\n\n发布方\n", encoding="utf-8")
    (docs / "index.en.md").write_text("# Guide\n", encoding="utf-8")
    (docs / "guide" / "a.md").write_text("# 协商\n", encoding="utf-8")
    return docs


def test_write_pages_regenerates_stale_text_and_removes_orphans(tmp_path: Path) -> None:
    docs = make_docs(tmp_path)
    written = traditional_pages.write_pages(docs)
    assert sorted(p.name for p in written) == ["a.zh-Hant.md", "index.zh-Hant.md"]
    assert "發布方" in (docs / "index.zh-Hant.md").read_text(encoding="utf-8")
    assert not (docs / "index.en.zh-Hant.md").exists()
    stale = docs / "guide" / "a.zh-Hant.md"
    stale.write_text(stale.read_text(encoding="utf-8") + "舊的\n", encoding="utf-8")
    (docs / "guide" / "a.md").unlink()
    (docs / "guide" / "b.md").write_text("# 还款\n", encoding="utf-8")
    traditional_pages.write_pages(docs)
    assert not stale.exists(), "the page of a deleted source is removed"
    assert (docs / "guide" / "b.zh-Hant.md").read_text(encoding="utf-8").endswith("# 還款\n")


def test_a_hand_written_traditional_page_fails(tmp_path: Path) -> None:
    docs = make_docs(tmp_path)
    (docs / "guide" / "a.zh-Hant.md").write_text("# 協商（手寫）\n", encoding="utf-8")
    with pytest.raises(PluginError, match="was not generated"):
        traditional_pages.write_pages(docs)


def test_a_stale_traditional_page_fails_the_page_build(tmp_path: Path) -> None:
    docs = make_docs(tmp_path)
    traditional_pages.write_pages(docs)
    generated = docs / "guide" / "a.zh-Hant.md"
    page = SimpleNamespace(file=SimpleNamespace(abs_src_path=str(generated), src_uri="guide/a.zh-Hant.md"))
    fresh = generated.read_text(encoding="utf-8")
    assert traditional_pages.on_page_markdown(fresh, page, None, None) == "# 協商\n"
    (docs / "guide" / "a.md").write_text("# 协商还款\n", encoding="utf-8")  # source edited, not regenerated
    with pytest.raises(PluginError, match="stale"):
        traditional_pages.on_page_markdown(fresh, page, None, None)
    generated.write_text(fresh.replace("協商", "协商"), encoding="utf-8")  # or the output edited by hand
    (docs / "guide" / "a.md").write_text("# 协商\n", encoding="utf-8")
    with pytest.raises(PluginError, match="stale"):
        traditional_pages.on_page_markdown(fresh, page, None, None)


def test_the_build_refuses_a_hand_written_traditional_page(tmp_path: Path) -> None:
    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    shutil.copytree(ROOT / "docs", tmp_path / "docs", ignore=shutil.ignore_patterns("*.zh-Hant.md"))
    shutil.copytree(ROOT / "overrides", tmp_path / "overrides", ignore=shutil.ignore_patterns("zh-Hant.html"))
    (tmp_path / "calculators").symlink_to(ROOT / "calculators")
    (tmp_path / "node_modules").symlink_to(ROOT / "node_modules")
    (tmp_path / "docs" / "guide" / "introduction.zh-Hant.md").write_text("# 引言（手寫）\n", encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(tmp_path / "site")],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    assert done.returncode != 0
    assert "introduction.zh-Hant.md was not generated" in done.stdout + done.stderr


# --- the calculators: Traditional answers without a converter in the browser ------------------

NUMBER = re.compile(r"\d[\d,.]*\d|\d")
GOOD_CASES = [(name, index) for name, samples in GOOD.items() for index in range(len(samples))]
BAD_CASES = [(name, index) for name, samples in BAD.items() for index in range(len(samples))]


def in_page_language(fields: dict) -> dict:
    """The message generator can be told to write in another language: here, the page's."""
    return {**fields, "message_lang": ""} if "message_lang" in fields else fields


def message_language_fixed(name: str, fields: dict) -> dict:
    """A message "in the page's language" differs by design (简体 / 繁體): name the language."""
    if "message_lang" in {item.name for item in CALCULATORS[name].fields}:
        return {**fields, "message_lang": fields.get("message_lang") or "zh"}
    return fields


def comparable(answer: dict) -> str:
    """An answer with every Chinese character converted (so zh and zh-Hant can be compared)."""
    text = json.dumps(answer, ensure_ascii=False, sort_keys=True).replace(f'"{HANT}"', '"zh"')
    # A Simplified message on a Traditional page says so (lang="zh"); on a Simplified page it needn't.
    text = text.replace(' lang=\\"zh\\"', "")
    # A calendar file folds its lines at 75 octets, which may cut a word (联|系) that the Traditional
    # text, converted whole, spells differently (聯繫): compare the unfolded lines.
    return to_traditional(text.replace("\\r\\n ", ""))


@pytest.mark.parametrize(("name", "index"), GOOD_CASES)
def test_traditional_answers_give_the_same_figures_and_words(name: str, index: int) -> None:
    fields = message_language_fixed(name, GOOD[name][index])
    simplified, traditional = run(name, fields, "zh"), run(name, fields, HANT)
    assert simplified["ok"] and traditional["ok"], traditional["errors"]
    assert NUMBER.findall(traditional["html"]) == NUMBER.findall(simplified["html"])
    assert traditional["data"].keys() == simplified["data"].keys()
    # the same answer, word for word, once converted: nothing left out, in English, or different
    assert comparable(traditional) == comparable(simplified)


@pytest.mark.parametrize(("name", "index"), BAD_CASES)
def test_traditional_refusals_name_the_same_fields(name: str, index: int) -> None:
    fields = message_language_fixed(name, BAD[name][index])
    simplified, traditional = run(name, fields, "zh"), run(name, fields, HANT)
    assert traditional["ok"] is False and traditional["errors"].keys() == simplified["errors"].keys()
    assert comparable(traditional) == comparable(simplified)


def typed_by_the_reader(fields: object) -> list[str]:
    if isinstance(fields, str):
        # The pack's "<name>_fields" carry another calculator's inputs as JSON text: typed too.
        nested = json.loads(fields) if fields.startswith("{") and fields.endswith("}") else None
        return [fields, *typed_by_the_reader(nested)] if isinstance(nested, dict) else [fields]
    values = fields.values() if isinstance(fields, dict) else fields if isinstance(fields, list) else []
    return [text for value in values for text in typed_by_the_reader(value)]


def test_traditional_outputs_have_nothing_left_to_convert() -> None:
    """Forms and every sample's answer (a corpus that also catches Chinese written outside a table)."""
    corpus = [form_html(name, HANT) for name in CALCULATORS]
    for samples in (GOOD, BAD):
        for name, cases in samples.items():
            for fields in cases:
                text = json.dumps(run(name, in_page_language(fields), HANT), ensure_ascii=False)
                for typed in sorted(set(typed_by_the_reader(fields)), key=len, reverse=True):
                    # what the reader typed comes back as typed (in the page and in JSON)
                    text = text.replace(json.dumps(typed, ensure_ascii=False)[1:-1], "")
                    text = text.replace(html.escape(typed), "")
                corpus.append(text)
    assert sum(len(text) for text in corpus) > 100_000
    assert left_in_simplified("\n".join(corpus)) == []


def test_a_traditional_reader_can_type_amounts_as_they_write_them() -> None:
    typed = run("true-cost", {"amount": "1.5萬塊錢", "kind": "fee", "fee": "8.8", "periods": "12"}, HANT)
    assert typed["ok"], typed["errors"]
    assert (
        typed["data"]
        == run("true-cost", {"amount": "15000", "kind": "fee", "fee": "8.8", "periods": "12"}, HANT)["data"]
    )


def test_the_table_is_generated_from_the_current_texts() -> None:
    table = ROOT / "calculators" / "core" / "traditional_table.py"
    assert table.read_text(encoding="utf-8") == traditional_text.table_source(
        traditional_text.calculator_texts(ROOT)
    )
    ignored = subprocess.run(["git", "check-ignore", "-q", str(table)], cwd=ROOT, check=False)
    assert ignored.returncode == 0


def test_texts_are_found_wherever_they_are_written(tmp_path: Path) -> None:
    """Derived, not listed: a literal in a function body, and a text composed at import time."""
    (tmp_path / "calculators").mkdir()
    (tmp_path / "calculators" / "new.py").write_text(
        'def answer(lang):\n    return pick({"zh": "新的计算器说明", "en": "New"}, lang)\n', encoding="utf-8"
    )
    assert traditional_text._texts_in_source(tmp_path / "calculators") == {"新的计算器说明"}
    composed = SimpleNamespace(FIELDS=({"zh": "目标：" + "延长期限", "en": "Goal: longer"},))
    assert traditional_text._texts_in_objects([composed]) == {"目标：延长期限"}
    source = traditional_text.table_source({"新的计算器说明", "12378", "目标：延长期限"})
    namespace: dict = {}
    exec(source, namespace)  # noqa: S102 - the generated module, as Python reads it
    assert namespace["TABLE"] == {"新的计算器说明": "新的計算器說明", "目标：延长期限": "目標：延長期限"}


def test_the_wheel_answers_in_traditional_without_opencc(tmp_path: Path) -> None:
    import venv

    sys.path.insert(0, str(ROOT / "overrides" / "hooks"))
    import pyodide_runtime

    pyodide_runtime.build_wheel_and_lock(tmp_path / "wheel")
    (wheel,) = (tmp_path / "wheel" / "source").glob("*.whl")  # the pure-Python one: this is 3.12
    venv.create(tmp_path / "env", with_pip=True)
    python = tmp_path / "env" / "bin" / "python"
    subprocess.run(
        [str(python), "-m", "pip", "install", "-q", "--no-index", "--no-deps", str(wheel)], check=True
    )
    script = (
        "import json, calculators\n"
        "try:\n    import opencc\nexcept ImportError:\n    pass\nelse:\n    raise SystemExit('opencc present')\n"
        "print(json.dumps(calculators.run('true-cost', {'amount': '1万', 'kind': 'fee', 'fee': '8.8', "
        "'periods': '12'}, 'zh-Hant'), ensure_ascii=False))"
    )
    done = subprocess.run(
        [str(python), "-I", "-c", script], check=True, capture_output=True, text=True, cwd=tmp_path
    )
    answer = json.loads(done.stdout)
    assert answer == run("true-cost", {"amount": "1万", "kind": "fee", "fee": "8.8", "periods": "12"}, HANT)
    assert "還" in answer["html"] or "實際" in answer["html"]
    assert left_in_simplified(answer["html"]) == []


@pytest.mark.pyodide
def test_pyodide_answers_in_traditional_like_the_host(tmp_path: Path) -> None:
    sys.path.insert(0, str(ROOT / "overrides" / "hooks"))
    import pyodide_runtime

    out = tmp_path / "wheel"
    pyodide_runtime.build_wheel_and_lock(out)
    cases = [
        {"calculator": name, "fields": in_page_language(GOOD[name][0]), "lang": HANT}
        for name in sorted(CALCULATORS)
    ]
    done = subprocess.run(
        ["node", str(ROOT / "tests" / "pyodide_run.mjs"), str(out)],
        input=json.dumps(cases),
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    answers = json.loads(done.stdout)["answers"]
    for case, got in zip(cases, answers, strict=True):
        assert got == run(case["calculator"], case["fields"], HANT), case["calculator"]
        assert got["ok"]


@pytest.mark.browser
def test_a_traditional_reader_gets_a_traditional_answer_in_the_browser(page_and_watch, base_url: str) -> None:
    """The page's form and the answer from Pyodide in the worker, in Traditional, as on the host."""
    page, _ = page_and_watch
    page.goto(f"{base_url}{HANT}/guide/1-repayment-mechanism/")
    assert page.locator("form[data-calculator=true-cost]").get_attribute("data-lang") == HANT
    page.fill("#calc-true-cost-amount", "1萬")
    page.select_option("#calc-true-cost-kind", "fee")
    page.fill("#calc-true-cost-fee", "8.8%")
    page.fill("#calc-true-cost-periods", "12")
    result = page.locator("#calc-true-cost-result")
    result.locator("dl").wait_for(timeout=120_000)
    expected = run("true-cost", {"amount": "1萬", "kind": "fee", "fee": "8.8%", "periods": "12"}, HANT)
    assert result.inner_html() == expected["html"]
    assert "15.86%" in result.inner_text() and "17.07%" in result.inner_text()
    assert left_in_simplified(page.inner_text("#calc-true-cost")) == []
    page.fill("#calc-true-cost-amount", "abc")
    error = page.locator("#calc-true-cost-amount-error")
    error.wait_for(state="visible", timeout=10_000)
    assert "不是一個數字" in error.inner_text()
