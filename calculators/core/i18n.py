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

__all__ = ["LANGS", "SITE_LANGS", "GENERATED", "Text", "t", "pick", "written_lang", "sentence_gap"]

LANGS: tuple[str, ...] = ("zh", "en")
"""The languages every text is written in."""

GENERATED: dict[str, str] = {"zh-Hant": "zh"}
"""Languages generated at build time, each from the written language it is converted from."""

SITE_LANGS: tuple[str, ...] = LANGS + tuple(GENERATED)
"""Every language a page or ``run()`` may ask for."""

Text = Mapping[str, str]
"""A text in every written language: ``{"zh": "...", "en": "..."}``."""


def sentence_gap(lang: str) -> str:
    """What goes between two sentences: nothing after Chinese "。", a space in English.

    >>> "已还清。" + sentence_gap("zh-Hant") + "下一期", "Paid." + sentence_gap("en") + "Next"
    ('已还清。下一期', 'Paid. Next')
    """
    return "" if written_lang(lang) == "zh" else " "


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


def _english_singular(text: Text, lang: str, params: Mapping[str, object]) -> str | None:
    """The ``"en_one:NAME"`` form of ``text`` when the page is English and ``NAME`` is 1."""
    if not params or written_lang(lang) != "en":
        return None
    for key, form in text.items():
        if key.startswith("en_one:") and str(params.get(key.removeprefix("en_one:"))) == "1":
            return form
    return None


def t(messages: Mapping[str, Text], key: str, lang: str, **params: object) -> str:
    """Look ``key`` up in ``messages`` and fill ``{placeholders}`` with ``params``.

    English plurals: a text may add ``"en_one:NAME"``, used when ``NAME`` is 1 (Chinese needs none).

    >>> days = {"due": {"zh": "还有 {days} 天", "en": "Due in {days} days", "en_one:days": "Due in {days} day"}}
    >>> t(days, "due", "en", days=1), t(days, "due", "en", days=30), t(days, "due", "zh", days=1)
    ('Due in 1 day', 'Due in 30 days', '还有 1 天')
    """
    text = messages[key]
    return (_english_singular(text, lang, params) or pick(text, lang)).format(**params)
