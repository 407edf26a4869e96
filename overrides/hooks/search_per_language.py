"""Build step: a search on a page finds only pages in that page's language.

Material loads one index, ``search/search_index.json`` under ``base`` of the page's ``__config``,
and mkdocs-static-i18n merges the pages of every language into it (the theme's index path is
fixed, so there "can only be one search index for the whole build"): a search on a Chinese page
listed English and Traditional pages too. This hook gives each language its own index:

- each language's build writes its own pages' index (the search plugin's index is rebuilt for every
  language); after the build of a language other than the default one, that index is copied under
  the language's directory (``en/search/search_index.json``), with its locations relative to it
  (``guide/x/``, not ``en/guide/x/``);
- after every language is built, the merged index at the site root keeps the default language's
  pages only;
- the ``base`` of a page's ``__config`` is set to its language's root (``../../en/`` rather than
  ``../..`` on ``en/guide/x/``). Material uses ``base`` for the index's URL and the result links;
  its other uses (versions, instant navigation, alternate-language sitemaps) are off on this site.
  The search worker's URL is its own key and stays at the site root, with the lunr files it loads;
  it is ``search-guard.js`` beside Material's worker, which loads Material's worker and keeps quiet
  when the reader leaves the page while the lunr files download (Firefox reported
  ``NS_BINDING_ABORTED`` for the page), and on a calculator page ``search-later.js``, which loads
  the guard once the calculators have started (the index is built in the time they need first).

Every index keeps the search settings of the build (``lang``, the ``separator`` that cuts at the
``\\u200b`` Material puts between jieba's segments of Chinese, the ``pipeline``). Runs after
mkdocs-static-i18n's post-build step (-100), before the offline copy lists the indexes (-200).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from mkdocs.plugins import event_priority

INDEX = Path("search") / "search_index.json"
SEARCH_LATER = "search-later.js"
SEARCH_GUARD = "search-guard.js"
MATERIAL_WORKER = "__MATERIAL_SEARCH_WORKER__"
CONFIG_SEARCH = re.compile(r'(<script id="__config" type="application/json">\{[^<]*?"search": ")([^"]*)(")')
CONFIG_BASE = re.compile(r'(<script id="__config" type="application/json">\{[^<]*?"base": ")([^"]*)(")')


def language_prefix(config) -> str:  # noqa: ANN001 - the mkdocs config
    """The directory of the language being built, relative to the site root: ``""`` or ``"en/"``."""
    i18n = config["plugins"].get("i18n")
    if i18n is None or i18n.current_language == i18n.default_language:
        return ""
    return f"{i18n.current_language}/"


def other_prefixes(config) -> tuple[str, ...]:  # noqa: ANN001 - the mkdocs config
    """The directories of the languages other than the default one: ``("en/", "zh-Hant/")``."""
    i18n = config["plugins"].get("i18n")
    if i18n is None:
        return ()
    return tuple(f"{lang}/" for lang in i18n.build_languages if lang != i18n.default_language)


def language_base(base: str, prefix: str) -> str:
    """``base`` (the page's way to the site root) extended to its language's root.

    >>> language_base("../..", "en/"), language_base("/negotiate-guide/", "zh-Hant/")
    ('../../en/', '/negotiate-guide/zh-Hant/')
    """
    return f"{base.rstrip('/')}/{prefix}" if prefix else base


def index_of_language(index: dict, prefix: str) -> dict:
    """The entries of ``index`` under ``prefix``, with locations relative to it.

    >>> index_of_language({"config": {}, "docs": [{"location": "en/#a"}]}, "en/")["docs"]
    [{'location': '#a'}]
    """
    docs = []
    for doc in index["docs"]:
        if not doc["location"].startswith(prefix):
            raise ValueError(f"search index entry {doc['location']!r} is not under {prefix!r}")
        docs.append({**doc, "location": doc["location"][len(prefix) :]})
    return {**index, "docs": docs}


def write_index(path: Path, index: dict) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


def search_later(output: str) -> str:
    """The page's search worker, beside Material's own: on a calculator page ``search-later.js``,
    which loads the guard once the calculators have started; elsewhere ``search-guard.js``, which
    loads Material's worker (:func:`name_material_worker`)."""
    calculators = '<meta name="calc-runtime"' in output
    found = CONFIG_SEARCH.search(output)
    if found is None:
        if not calculators:
            return output  # a page without Material's search (none on this site today)
        raise ValueError("no search worker in Material's __config")
    worker = found.group(2)
    name = worker.rsplit("/assets/", 1)[-1] if "/assets/" in worker else worker.removeprefix("assets/")
    if not name.startswith("javascripts/workers/search."):
        raise ValueError(f"unexpected search worker {worker!r}")
    root = worker[: len(worker) - len("assets/" + name)]
    stand_in = SEARCH_LATER if calculators else SEARCH_GUARD
    later = f"{root}assets/javascripts/workers/{stand_in}"
    start, end = found.span(2)
    return output[:start] + later + output[end:]


def name_material_worker(site: Path) -> None:
    """Write the name of Material's search worker (content-hashed) into ``search-guard.js``.

    Not a query in the worker's URL: a worker served from the offline copy has the URL it was
    kept under, and the copy answers a URL with a query from the one without."""
    workers = site / "assets" / "javascripts" / "workers"
    guard = workers / SEARCH_GUARD
    if not guard.is_file():
        return
    (material,) = [p.name for p in workers.glob("search.*.min.js")]
    text = guard.read_text(encoding="utf-8")
    if MATERIAL_WORKER not in text and material not in text:
        raise ValueError(f"{guard}: no place for Material's search worker's name")
    guard.write_text(text.replace(MATERIAL_WORKER, material), encoding="utf-8")


def on_post_page(output: str, page, config) -> str:  # noqa: ANN001 - mkdocs hook
    output = search_later(output)
    prefix = language_prefix(config)
    if not prefix or not page.url.startswith(prefix):
        return output
    found = CONFIG_BASE.search(output)
    if found is None:
        raise ValueError(f"{page.url}: no base in Material's __config")
    start, end = found.span(2)
    return output[:start] + language_base(found.group(2), prefix) + output[end:]


@event_priority(-150)  # after mkdocs-static-i18n (-100), before the offline copy (-200)
def on_post_build(config) -> None:  # noqa: ANN001 - mkdocs hook
    site = Path(config["site_dir"])
    if not (site / INDEX).is_file():
        return  # search is off
    index = json.loads((site / INDEX).read_text(encoding="utf-8"))
    i18n = config["plugins"].get("i18n")
    if i18n is not None and i18n.building:  # one language's own build
        prefix = language_prefix(config)
        if prefix:
            write_index(site / prefix / INDEX, index_of_language(index, prefix))
        return
    name_material_worker(site)
    prefixes = other_prefixes(config)
    default = [doc for doc in index["docs"] if not doc["location"].startswith(prefixes)]
    if not default:
        raise ValueError("the default language has no pages in the search index")
    for prefix in prefixes:
        if not (site / prefix / INDEX).is_file():
            raise ValueError(f"no search index for {prefix}")
    write_index(site / INDEX, {**index, "docs": default})
