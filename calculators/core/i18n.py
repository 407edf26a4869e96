"""Languages and message lookup shared by every calculator.

Each module keeps its own ``MESSAGES`` table beside the code that uses it::

    MESSAGES = {"empty": {"zh": "请填写。", "en": "Please fill this in."}}
    t(MESSAGES, "empty", "en")  # -> "Please fill this in."
"""

from __future__ import annotations

from collections.abc import Mapping

__all__ = ["LANGS", "Text", "t", "pick"]

LANGS: tuple[str, ...] = ("zh", "en")

Text = Mapping[str, str]
"""A text in every site language: ``{"zh": "...", "en": "..."}``."""


def pick(text: Text, lang: str) -> str:
    """Return ``text`` in ``lang`` (falling back to Chinese, the canonical language)."""
    return text.get(lang) or text["zh"]


def t(messages: Mapping[str, Text], key: str, lang: str, **params: object) -> str:
    """Look ``key`` up in ``messages`` and fill ``{placeholders}`` with ``params``."""
    return pick(messages[key], lang).format(**params)
