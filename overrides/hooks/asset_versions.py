"""Build step: the site's own scripts and styles under URLs that name their content.

Every script and stylesheet of ``overrides/assets`` (not the calculators' worker and the module
it imports, which carry the runtime's version, and not the search workers, which are rewritten
after the build) gets a version, ``?v=`` and the first 12 hex digits of the sha256 of the file as
the site serves it. Inside the site's ES modules every relative import names its module's version
too (``import { ui } from "./fields.js?v=…"``), so a module's version covers every module it
imports, however deep: a changed file changes its own URL and the URL of everything that imports
it, up to the page's ``<script>``.

Why: the service worker answers a URL that names its content from its copy at once (cache first,
``service_worker.js``) instead of asking the server first. A page and its scripts still always
belong together: the page itself is asked for first, and names the exact scripts it needs. On a
phone network this saves a round trip per level of imports on every return visit (the
calculators' page script imports four levels deep).

- ``on_config``: the versions, from the source files, into ``config.extra.asset_versions``
  (``{"assets/calc/calc.js": "0123456789ab", …}``), for the templates
  (``{{ 'assets/calc/calc.js' | url }}?v={{ config.extra.asset_versions['assets/calc/calc.js'] }}``)
  and for the offline copy's lists (``offline_copy.py``);
- ``on_post_build`` (once, after every language is built): the modules with their imports
  rewritten, in place of the theme's plain copies in ``site/assets/``.
"""

from __future__ import annotations

import hashlib
import posixpath
import re
from pathlib import Path

from mkdocs.plugins import event_priority

ASSETS = Path(__file__).resolve().parents[1] / "assets"
# The calculators' worker and its module: versioned with the runtime (pyodide_runtime.worker_version).
# The search workers: rewritten after the build (search_per_language.py), loaded by Material.
NOT_VERSIONED = ("calc/worker.js", "calc/snapshot.js", "javascripts/")
# A relative module specifier: `from "./x.js"`, `import "./x.js"`, `import("./x.js")`.
IMPORT = re.compile(r"""(\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)(["'])(\.{1,2}/[^"'?]+?\.js)\2""")


def versioned_files(assets: Path = ASSETS) -> list[str]:
    """The scripts and stylesheets that get a version, relative to ``assets`` (``calc/calc.js``)."""
    found = []
    for path in sorted(assets.rglob("*")):
        relative = path.relative_to(assets).as_posix()
        if path.suffix in (".js", ".css") and path.is_file() and not relative.startswith(NOT_VERSIONED):
            found.append(relative)
    return found


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()[:12]


class Versions:
    """The served form of each versioned file (its imports naming their versions) and its version."""

    def __init__(self, assets: Path = ASSETS) -> None:
        self.assets = assets
        self.names = set(versioned_files(assets))
        self._served: dict[str, bytes] = {}
        self._pending: set[str] = set()

    def served(self, relative: str) -> bytes:
        """The file as the site serves it: a module's relative imports with ``?v=`` added."""
        if relative in self._served:
            return self._served[relative]
        source = (self.assets / relative).read_bytes()
        if relative.endswith(".js"):
            if relative in self._pending:
                raise ValueError(f"{relative}: the modules import each other in a cycle")
            self._pending.add(relative)
            text = IMPORT.sub(lambda match: self._with_version(relative, match), source.decode("utf-8"))
            self._pending.discard(relative)
            source = text.encode("utf-8")
        self._served[relative] = source
        return source

    def _with_version(self, importer: str, match: re.Match[str]) -> str:
        keyword, quote, specifier = match.groups()
        target = posixpath.normpath(posixpath.join(posixpath.dirname(importer), specifier))
        if target not in self.names:
            if not (self.assets / target).is_file():
                raise ValueError(f"{importer} imports {specifier}, which is not in {self.assets}")
            return match.group(0)  # the worker's own files keep the runtime's version
        return f"{keyword}{quote}{specifier}?v={self.version(target)}{quote}"

    def version(self, relative: str) -> str:
        return digest(self.served(relative))

    def all(self) -> dict[str, str]:
        """``{"assets/calc/calc.js": version, …}``: the keys as the templates name the files."""
        return {f"assets/{name}": self.version(name) for name in sorted(self.names)}


def on_config(config):  # noqa: ANN001, ANN201 - mkdocs hook
    config["extra"]["asset_versions"] = Versions().all()
    return config


def _outer_build(config) -> bool:  # noqa: ANN001 - the mkdocs config
    """True once per ``mkdocs build``: mkdocs-static-i18n runs nested builds for other languages."""
    i18n = config["plugins"].get("i18n")
    return not getattr(i18n, "building", False)


@event_priority(-150)  # after mkdocs-static-i18n (-100), before the offline copy lists the files (-200)
def on_post_build(config) -> None:  # noqa: ANN001 - mkdocs hook
    if not _outer_build(config):
        return
    versions = Versions()
    site_assets = Path(config["site_dir"]) / "assets"
    for name in sorted(versions.names):
        if name.endswith(".js"):
            (site_assets / name).write_bytes(versions.served(name))
