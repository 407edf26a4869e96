"""Languages and message lookup shared by every calculator.

Each module keeps its own ``MESSAGES`` table beside the code that uses it::

    MESSAGES = {"empty": {"zh": "请填写。", "en": "Please fill this in."}}
    t(MESSAGES, "empty", "en")  # -> "Please fill this in."

Texts are written in ``LANGS`` (Simplified Chinese and English). Traditional Chinese
(``zh-Hant``) is generated from the Simplified text at build time: the build writes
``traditional_table.py`` beside this module (gitignored; see overrides/hooks/traditional_text.py)
with the Traditional form of every Simplified text, so the browser needs no converter.
"""

from __future__ import annotations

from collections.abc import Mapping

__all__ = ["LANGS", "SITE_LANGS", "GENERATED", "Text", "t", "pick", "written_lang"]

LANGS: tuple[str, ...] = ("zh", "en")
"""The languages every text is written in."""

GENERATED: dict[str, str] = {"zh-Hant": "zh"}
"""Languages generated at build time, each from the written language it is converted from."""

SITE_LANGS: tuple[str, ...] = LANGS + tuple(GENERATED)
"""Every language a page or ``run()`` may ask for."""

Text = Mapping[str, str]
"""A text in every written language: ``{"zh": "...", "en": "..."}``."""


def written_lang(lang: str) -> str:
    """The written language behind ``lang``: ``"zh"`` for ``"zh-Hant"``, else ``lang`` itself."""
    return GENERATED.get(lang, lang)


def _traditional(simplified: str) -> str:
    try:
        from .traditional_table import TABLE
    except ImportError:  # not generated yet (a checkout that was never built)
        return simplified
    return TABLE.get(simplified, simplified)


def pick(text: Text, lang: str) -> str:
    """Return ``text`` in ``lang`` (falling back to Chinese, the canonical language).

    ``zh-Hant`` is looked up in the generated table: the Traditional form of ``text["zh"]``.
    """
    if lang in GENERATED and lang not in text:
        return _traditional(text["zh"])
    return text.get(lang) or text["zh"]


def t(messages: Mapping[str, Text], key: str, lang: str, **params: object) -> str:
    """Look ``key`` up in ``messages`` and fill ``{placeholders}`` with ``params``."""
    return pick(messages[key], lang).format(**params)
