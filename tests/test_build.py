"""The built site: every page in both languages, repaired text, working switcher, nothing foreign."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest

from tests.conftest import PREFIX

PAGES = [
    "",
    "guide/introduction/",
    "guide/1-repayment-mechanism/",
    "guide/2-repayment-capacity/",
    "guide/3-prepare/",
    "guide/4-channels/",
    "guide/5-communicate/",
    "guide/6-follow-up/",
    "guide/7-prevent/",
    "guide/8-summary/",
    "help/collection/",
    "help/arrears/",
    "help/refusal/",
    "help/scams/",
    "help/priorities/",
    "about/",
]
LANG_ROOTS = {"zh": "", "en": "en/", "zh-Hant": "zh-Hant/"}
LANGS = list(LANG_ROOTS)
RESTORED = [
    "在享受便利的同时也面临着",
    "在表达需求的同时，用户还应",
    "在理性消费的同时保持良好的还款习惯",
    "用户在电话中可以直接与客服人员进行交流",
    "解决问题的态度",
    "突发状况",
    "。可以简明扼要地介绍",
]
DAMAGE = ["梢院", "15070879527", "3590931873", "qq.com", "Copyright ?", "小编", "本站"]
PINYIN_GLOSS = re.compile(r"\((?=[a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ])[a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+\)")
TRADITIONAL = set("還協務應現說從這們會對時為與過進關產賬錄議導語編")
FOREIGN_HOSTS = [
    "fonts.googleapis",
    "fonts.gstatic",
    "cdn.jsdelivr",
    "unpkg.com",
    "cdnjs",
    "googletagmanager",
]


def page_file(site: Path, lang: str, page: str) -> Path:
    return site / LANG_ROOTS[lang] / page / "index.html"


def text_of(html: str) -> str:
    return re.sub(r"<[^>]+>", "", html)


class Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.refs: list[tuple[str, str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        for name in ("href", "src", "srcset", "action", "poster", "data"):
            if attributes.get(name):
                self.refs.append((tag, attributes[name] or "", attributes))


def links_of(path: Path) -> list[tuple[str, str, dict[str, str | None]]]:
    parser = Links()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser.refs


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("page", PAGES)
def test_every_page_exists_with_its_language(site: Path, lang: str, page: str) -> None:
    html = page_file(site, lang, page).read_text(encoding="utf-8")
    assert f'<html lang="{lang}"' in html
    assert "<h1" in html


def test_no_damage_survives_and_restored_words_are_present(site: Path) -> None:
    chinese = ""
    for path in site.rglob("*.html"):
        html = path.read_text(encoding="utf-8")
        for damage in DAMAGE:
            assert damage not in html, f"{damage!r} in {path}"
        assert not PINYIN_GLOSS.search(html), f"pinyin gloss {PINYIN_GLOSS.search(html)} in {path}"
        if '<html lang="zh"' in html:
            chinese += text_of(html)
    assert not (TRADITIONAL & set(chinese)), TRADITIONAL & set(chinese)
    for phrase in RESTORED:
        assert phrase in chinese, phrase
    assert chinese.count("同时") >= 3


def test_section_headings_in_order(site: Path) -> None:
    for lang, expected in {"zh": ["1.1", "1.2"], "en": ["1.1", "1.2"]}.items():
        html = page_file(site, lang, "guide/1-repayment-mechanism/").read_text(encoding="utf-8")
        positions = [html.index(f">{number} ") for number in expected]
        assert positions == sorted(positions)
    for number in ["5.1", "5.2", "5.3"]:
        assert f">{number} " in page_file(site, "en", "guide/5-communicate/").read_text(encoding="utf-8")


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_scam_warning_where_the_guide_talks_about_negotiating(site: Path, lang: str) -> None:
    for page in ["", "guide/4-channels/", "guide/5-communicate/"]:
        html = page_file(site, lang, page).read_text(encoding="utf-8")
        assert 'class="admonition danger"' in html
        assert "停息挂账" in html


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("page", PAGES)
def test_language_switcher_leads_to_the_same_page(site: Path, lang: str, page: str) -> None:
    path = page_file(site, lang, page)
    switches = [attrs for tag, _, attrs in links_of(path) if "md-select__link" in (attrs.get("class") or "")]
    assert {attrs["hreflang"] for attrs in switches} == set(LANGS)
    for attrs in switches:
        target = urljoin(f"http://x{PREFIX}{LANG_ROOTS[lang]}{page}", attrs["href"] or "")
        relative = urlsplit(target).path.removeprefix(PREFIX)
        assert relative == f"{LANG_ROOTS[attrs['hreflang'] or '']}{page}"
        html = (site / relative / "index.html").read_text(encoding="utf-8")
        assert f'<html lang="{attrs["hreflang"]}"' in html


def test_nothing_references_another_origin(site: Path) -> None:
    for path in site.rglob("*.html"):
        for tag, url, attrs in links_of(path):
            if tag == "link" and attrs.get("rel") == "canonical":
                continue
            assert not re.match(r"^(https?:)?//", url), f"{tag} {url} in {path}"
    for path in list(site.rglob("*.css")) + list(site.rglob("*.html")):
        text = path.read_text(encoding="utf-8")
        assert not re.search(r"url\(\s*['\"]?(https?:)?//", text), path
        assert not re.search(r"@import\s+(url\()?['\"]?(https?:)?//", text), path
    for path in list(site.rglob("*.html")) + list(site.rglob("*.css")):
        text = path.read_text(encoding="utf-8")
        for host in FOREIGN_HOSTS:
            assert host not in text, f"{host} in {path}"


# Material's bundle carries three addresses it loads only on demand; none applies to this site
# (and the Content-Security-Policy would block them): a ResizeObserver polyfill for browsers
# without ResizeObserver, mermaid for pages with diagrams, and GitHub's API for a GitHub repo_url.
DORMANT_IN_MATERIAL = {
    "https://unpkg.com/resize-observer-polyfill",
    "https://unpkg.com/mermaid@11/dist/mermaid.min.js",
    "https://api.github.com",
}


def test_scripts_reference_no_other_origin(site: Path) -> None:
    loads = re.compile(r"(?:importScripts|fetch|import|_t)\(\s*[\"'`]((?:https?:)?//[^\"'`]+)")
    ours = list((site / "assets" / "calc").glob("*.js"))
    assert ours
    for path in ours:
        assert not re.search(r"https?://", path.read_text(encoding="utf-8")), path
    for path in site.rglob("*.js"):
        if "pyodide" in path.parts:
            continue  # the runtime, verbatim; the browser tests check it requests nothing foreign
        text = path.read_text(encoding="utf-8")
        for url in loads.findall(text):
            assert url in DORMANT_IN_MATERIAL, f"{url} in {path}"
    bundle = next((site / "assets" / "javascripts").glob("bundle.*.min.js")).read_text(encoding="utf-8")
    for url in re.findall(r"https?://[\w.-]+[\w./@-]*", bundle):
        if urlsplit(url).hostname in ("www.w3.org", "clipboardjs.com"):  # XML namespaces; a licence comment
            continue
        assert any(url.startswith(known) for known in DORMANT_IN_MATERIAL), url
    for path in site.rglob("*.html"):
        html = path.read_text(encoding="utf-8")
        assert 'class="mermaid"' not in html
        assert "md-source" not in html, "a repo_url makes Material call GitHub's API"


def test_fonts_are_system_fonts(site: Path) -> None:
    html = page_file(site, "zh", "").read_text(encoding="utf-8")
    assert "fonts.googleapis" not in html and '<link rel="preconnect"' not in html
    css = (site / "assets" / "calc" / "calc.css").read_text(encoding="utf-8")
    assert "PingFang SC" in css and "Microsoft YaHei" in css and "Noto Sans CJK SC" in css


def test_search_index_holds_segmented_chinese(site: Path) -> None:
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert "\\u200b" in index["config"]["separator"] or "\u200b" in index["config"]["separator"]
    assert "zh" in index["config"]["lang"]
    chinese = [doc["text"] for doc in index["docs"] if re.search(r"[\u4e00-\u9fff]", doc["text"])]
    assert chinese
    assert any("\u200b协商\u200b" in text for text in chinese), "协商 is not a segment of its own"
    english = json.loads((site / "en" / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert any("negotiat" in doc["text"].lower() for doc in english["docs"])


def test_runtime_is_under_the_sub_path_and_pinned(site: Path) -> None:
    package = json.loads((Path(__file__).resolve().parents[1] / "package.json").read_text())
    version = package["dependencies"]["pyodide"]
    assert re.fullmatch(r"\d+\.\d+\.\d+", version), "pin an exact Pyodide version"
    html = page_file(site, "en", "guide/1-repayment-mechanism/").read_text(encoding="utf-8")
    meta = re.search(r'<meta name="calc-runtime" content="([^"]+)"', html)
    assert meta
    runtime = json.loads(meta.group(1).replace("&#34;", '"').replace("&quot;", '"'))
    assert runtime["pyodide"] == f"{PREFIX}pyodide/{version}/"
    assert runtime["lock"].startswith(f"{PREFIX}py/")
    assert (site / runtime["pyodide"].removeprefix(PREFIX) / "pyodide.asm.wasm").exists()
    assert (site / runtime["lock"].removeprefix(PREFIX)).exists()


def test_text_only_pages_load_no_calculator_code(site: Path) -> None:
    for page in ["", "guide/introduction/", "guide/8-summary/", "about/"]:
        for lang in LANGS:
            html = page_file(site, lang, page).read_text(encoding="utf-8")
            assert "calc.js" not in html and "calc-runtime" not in html


def test_content_security_policy_forbids_foreign_and_inline_scripts(site: Path) -> None:
    for path in site.rglob("*.html"):
        html = path.read_text(encoding="utf-8")
        if "Content-Security-Policy" not in html:
            assert path.name == "404.html" or "http-equiv" in html, path
            continue
        csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', html).group(1)
        assert "script-src 'self' 'wasm-unsafe-eval';" in csp
        assert "unsafe-inline" not in csp.split("script-src")[1].split(";")[0]
        inline = re.findall(r"<script(?![^>]*\bsrc=)(?![^>]*application/json)[^>]*>", html)
        assert inline == [], f"inline script in {path}"


def test_every_marker_became_a_form(site: Path) -> None:
    for path in site.rglob("*.html"):
        assert "<!-- calculator:" not in path.read_text(encoding="utf-8"), path


def test_an_unknown_calculator_marker_fails_the_build(tmp_path: Path) -> None:
    import os
    import shutil
    import subprocess
    import sys

    root = Path(__file__).resolve().parents[1]
    shutil.copy(root / "mkdocs.yml", tmp_path / "mkdocs.yml")
    shutil.copytree(root / "docs", tmp_path / "docs")
    for shared in ("overrides", "calculators"):
        (tmp_path / shared).symlink_to(root / shared)
    page = tmp_path / "docs" / "guide" / "introduction.en.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n<!-- calculator: no-such-calculator -->\n")
    done = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(tmp_path / "site")],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    assert done.returncode != 0
    assert "unknown calculator 'no-such-calculator'" in done.stdout + done.stderr


def test_the_worker_scripts_are_kept_only_with_their_own_bytes(site: Path) -> None:
    """sw.js lists the worker and its module as runtime (cache first, under a hash of their code)
    with the sha256 their bytes must have to be kept."""
    import hashlib

    text = (site / "sw.js").read_text(encoding="utf-8")
    manifest = json.loads(
        text[text.index("const MANIFEST = ") + len("const MANIFEST = ") : text.index(";\n\nconst SCOPE")]
    )
    workers = sorted(url for url in manifest["runtime"] if url.startswith("assets/calc/"))
    assert [url.split("?")[0] for url in workers] == ["assets/calc/snapshot.js", "assets/calc/worker.js"]
    assert len({url.split("?v=")[1] for url in workers}) == 1
    for url in workers:
        assert (
            manifest["verified"][url] == hashlib.sha256((site / url.split("?")[0]).read_bytes()).hexdigest()
        )
    assert not [
        url
        for url in manifest["assets"]
        if url.startswith(("assets/calc/worker.js", "assets/calc/snapshot.js"))
    ]
