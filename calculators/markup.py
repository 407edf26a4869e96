"""Small builders for result HTML. Every text goes through :func:`esc`.

>>> esc('<img src=x onerror=alert(1)>')
'&lt;img src=x onerror=alert(1)&gt;'
>>> definition_list([("总额", "1,000.00")])
'<dl class="calc-figures"><div><dt>总额</dt><dd>1,000.00</dd></div></dl>'
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from html import escape

__all__ = ["esc", "definition_list", "table", "paragraph", "heading"]


def esc(text: object) -> str:
    """Escape any text for HTML content and attribute values."""
    return escape(str(text), quote=True)


def paragraph(text: str, css: str = "") -> str:
    cls = f' class="{esc(css)}"' if css else ""
    return f"<p{cls}>{esc(text)}</p>"


def heading(text: str, level: int = 4) -> str:
    return f"<h{level}>{esc(text)}</h{level}>"


def definition_list(pairs: Iterable[tuple[str, str]], css: str = "calc-figures") -> str:
    """Label/value pairs, each in its own ``<div>`` so they wrap well on narrow screens."""
    items = "".join(f"<div><dt>{esc(label)}</dt><dd>{esc(value)}</dd></div>" for label, value in pairs)
    return f'<dl class="{esc(css)}">{items}</dl>'


def table(
    headers: Sequence[str], rows: Iterable[Sequence[object]], caption: str = "", css: str = "calc-table"
) -> str:
    """A plain table; numbers are right-aligned by the stylesheet."""
    cap = f"<caption>{esc(caption)}</caption>" if caption else ""
    head = "".join(f'<th scope="col">{esc(h)}</th>' for h in headers)
    body = "".join("<tr>" + "".join(f"<td>{esc(cell)}</td>" for cell in row) + "</tr>" for row in rows)
    return (
        f'<div class="calc-table-wrap"><table class="{esc(css)}">{cap}'
        f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table></div>"
    )
