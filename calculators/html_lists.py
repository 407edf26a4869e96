"""Bulleted and numbered lists for result HTML; every item goes through :func:`esc`.

>>> bullet_list(["<b>", "ok"])
'<ul><li>&lt;b&gt;</li><li>ok</li></ul>'
>>> ordered_list(["one"], css="calc-steps")
'<ol class="calc-steps"><li>one</li></ol>'
"""

from __future__ import annotations

from collections.abc import Iterable

from .markup import esc

__all__ = ["bullet_list", "ordered_list"]


def _items(items: Iterable[str]) -> str:
    return "".join(f"<li>{esc(item)}</li>" for item in items)


def _cls(css: str) -> str:
    return f' class="{esc(css)}"' if css else ""


def bullet_list(items: Iterable[str], css: str = "") -> str:
    """An unordered list of plain-text items."""
    return f"<ul{_cls(css)}>{_items(items)}</ul>"


def ordered_list(items: Iterable[str], css: str = "") -> str:
    """A numbered list of plain-text items (steps)."""
    return f"<ol{_cls(css)}>{_items(items)}</ol>"
