"""The page script marks Chinese it writes at run time (field messages, the spoken summary of a
result) by the rule Python marks results and pages with: overrides/assets/calc/chinese.js under
Node, against :func:`calculators.page.markup.mark_chinese` on the same texts."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from calculators.page.markup import esc, mark_chinese

CHINESE_JS = Path(__file__).resolve().parents[1] / "overrides" / "assets" / "calc" / "chinese.js"

TEXTS = [
    "Start here: In-app online customer service (chat)",
    "Start here: 在线客服. Goal: Stop harassing collection contact",
    "“2亿” is not a number.",
    "Type 【】 or 《征信业管理条例》, then ９５１８８ and 12378",
    "花呗",
    "",
    "　full-width space, ￥100 and 1.5万",
]
LANGS = ["en", "zh", "zh-Hant"]

SCRIPT = """
import { chineseRuns } from %s;
const [texts, langs] = %s;
console.log(JSON.stringify(langs.map((lang) => texts.map((text) => chineseRuns(text, lang)))));
"""


@pytest.fixture(scope="module")
def runs() -> dict[str, list[list[list]]]:
    if not shutil.which("node"):
        pytest.fail("node is missing: `./dev test` needs Node.js 20")
    script = SCRIPT % (json.dumps(CHINESE_JS.as_uri()), json.dumps([TEXTS, LANGS]))
    done = subprocess.run(
        ["node", "--input-type=module", "-e", script], capture_output=True, text=True, timeout=60, check=True
    )
    return dict(zip(LANGS, json.loads(done.stdout), strict=True))


@pytest.mark.parametrize("lang", LANGS)
def test_the_script_marks_the_runs_python_marks(runs: dict, lang: str) -> None:
    for text, pieces in zip(TEXTS, runs[lang], strict=True):
        assert "".join(piece for piece, _ in pieces) == text  # nothing lost or added
        as_html = "".join(f'<span lang="zh">{esc(p)}</span>' if chinese else esc(p) for p, chinese in pieces)
        assert as_html == mark_chinese(esc(text), lang), text


def test_punctuation_alone_is_a_run_and_chinese_pages_mark_nothing(runs: dict) -> None:
    punctuation = runs["en"][TEXTS.index("Type 【】 or 《征信业管理条例》, then ９５１８８ and 12378")]
    assert ["【】", True] in punctuation and ["《征信业管理条例》", True] in punctuation
    assert ["９５１８８", True] in punctuation and not any("12378" in p and c for p, c in punctuation)
    assert all(not chinese for text in runs["zh"] + runs["zh-Hant"] for _, chinese in text)
