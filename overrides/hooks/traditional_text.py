"""Simplified → Traditional Chinese for this guide: one OpenCC configuration and its exceptions.

The Simplified text is the only source. Every Traditional string the site shows (pages, theme
labels, calculator messages) goes through :func:`to_traditional`, at build time only: the
browser never converts anything.

Configuration ``s2tw`` (README, "Languages", says why): characters in the forms Taiwan uses
(為, 裡, 著), which Hong Kong, Macau and overseas readers read every day, without ``s2twp``'s
rewriting of vocabulary into Taiwan usage (信息 → 資訊, 服务器 → 伺服器), which would change
the names of mainland institutions, the app's wording and the quoted scam terms this guide
asks readers to recognise, and without ``s2t``'s dictionary forms (爲, 覈) that no region uses.

``EXCEPTIONS`` are the places where the converter is wrong *for this text*; each is tested
(tests/test_hant.py) to still be needed and to hold.
"""

from __future__ import annotations

import functools
import re

OPENCC_CONFIG = "s2tw"

EXCEPTIONS: dict[str, str] = {
    # OpenCC writes 发布 as 發佈 or 發布 depending on how it segments the sentence around it, so
    # one page said both (寫明發布方 / **發佈方**); Taiwan's standard form is 發布.
    "发布": "發布",
}
"""Simplified phrase → the Traditional form this guide uses instead of OpenCC's."""

CJK = re.compile(r"[\u3400-\u9fff]")


@functools.cache
def _converter():  # noqa: ANN202 - opencc has no public type for it
    import opencc

    return opencc.OpenCC(OPENCC_CONFIG)


def opencc_convert(text: str) -> str:
    """OpenCC's conversion alone, without this guide's exceptions."""
    return _converter().convert(text)


def to_traditional(text: str) -> str:
    """The Traditional form of ``text``: OpenCC ``s2tw``, then this guide's exceptions.

    >>> to_traditional("协商还款")
    '協商還款'
    """
    converted = opencc_convert(text)
    for simplified, traditional in EXCEPTIONS.items():
        converted = converted.replace(opencc_convert(simplified), traditional)
    return converted
