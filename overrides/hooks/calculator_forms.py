"""Build step: replace ``<!-- calculator: NAME -->`` in a page with that calculator's form.

The form is rendered by the calculators package from the calculator's own field schema, in
the page's language. An unknown NAME fails the build. Pages that show a calculator get
``page.meta["calculators"]`` so the template loads the page script only there.
"""

from __future__ import annotations

import importlib
import re
import sys
from pathlib import Path

from mkdocs.exceptions import PluginError

ROOT = Path(__file__).resolve().parents[2]
MARKER = re.compile(r"<!--\s*calculator:\s*(.*?)\s*-->")


def _calculators():
    """Import the calculators package from this checkout (fresh on every ``mkdocs serve`` rebuild)."""
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    for name in [n for n in sys.modules if n == "calculators" or n.startswith("calculators.")]:
        del sys.modules[name]
    return importlib.import_module("calculators")


def on_config(config):
    config["extra"]["calculator_names"] = sorted(_calculators().CALCULATORS)
    return config


def on_page_content(html, page, config, files):
    lang = config["theme"]["language"]
    package = sys.modules.get("calculators") or _calculators()
    names: list[str] = []

    def replace(match: re.Match[str]) -> str:
        name = match.group(1)
        if name not in package.CALCULATORS:
            known = ", ".join(sorted(package.CALCULATORS))
            raise PluginError(f"{page.file.src_uri}: unknown calculator {name!r} in marker (known: {known})")
        names.append(name)
        return package.form_html(name, lang)

    html = MARKER.sub(replace, html)
    if names:
        page.meta["calculators"] = names
        page.meta["calculator_skip_links"] = package.skip_links_html(names, lang)
    return html
