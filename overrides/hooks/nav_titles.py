"""Build step: the titles of the navigation's own sections in Traditional Chinese.

A section of ``nav`` in ``mkdocs.yml`` (``- 更多帮助: [...]``) has a title but no page, so
mkdocs-static-i18n translates it only through a language's ``nav_translations``. English writes
its title there by hand; the ``zh-Hant`` title is the Simplified one through
:func:`traditional_text.to_traditional` (never written by hand), filled in here unless
``mkdocs.yml`` sets it.
"""

from __future__ import annotations

from mkdocs.plugins import event_priority
from traditional_text import to_traditional

LOCALE = "zh-Hant"


def section_titles(nav: list | None) -> list[str]:
    """The title of every section (a one-key mapping whose value is a list) in ``nav``, nested too.

    >>> section_titles(["index.md", {"更多帮助": ["help/a.md", {"其他": ["b.md"]}]}, {"关于": "about.md"}])
    ['更多帮助', '其他']
    """
    titles: list[str] = []
    for item in nav or []:
        if isinstance(item, dict):
            for title, value in item.items():
                if isinstance(value, list):
                    titles.append(title)
                    titles.extend(section_titles(value))
    return titles


@event_priority(100)
def on_config(config):
    i18n = config.plugins.get("i18n")
    if i18n is None:
        return config
    for language in i18n.config.languages:
        if language.locale == LOCALE:
            titles = {title: to_traditional(title) for title in section_titles(config.nav)}
            language.nav_translations = {**titles, **(language.nav_translations or {})}
    return config
