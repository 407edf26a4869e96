"""Small builders for result HTML. Every text goes through :func:`esc`.

>>> esc('<img src=x onerror=alert(1)>')
'&lt;img src=x onerror=alert(1)&gt;'
>>> definition_list([("总额", "1,000.00")])
'<dl class="calc-figures"><div><dt>总额</dt><dd>1,000.00</dd></div></dl>'
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Sequence

__all__ = [
    "esc",
    "definition_list",
    "table",
    "row_name_attributes",
    "paragraph",
    "heading",
    "bullet_list",
    "ordered_list",
    "carry_button",
    "copy_block",
    "mark_chinese",
]


def esc(text: object) -> str:
    """Escape any text for HTML content and attribute values, as ``html.escape(text, quote=True)``
    does (written out: the ``html`` module would bring its 2,000-entry table into the runtime).

    >>> esc('<a href="x">Tom & Jerry' + "'s</a>")
    '&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#x27;s&lt;/a&gt;'
    """
    return (
        str(text)
        .replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace('"', "&quot;")
        .replace("'", "&#x27;")
    )


def paragraph(text: str, css: str = "") -> str:
    cls = f' class="{esc(css)}"' if css else ""
    return f"<p{cls}>{esc(text)}</p>"


def heading(text: str, level: int = 3) -> str:
    return f"<h{level}>{esc(text)}</h{level}>"


def definition_list(pairs: Iterable[tuple[str, str]], css: str = "calc-figures") -> str:
    """Label/value pairs, each in its own ``<div>`` so they wrap well on narrow screens.

    A value that is words rather than a figure ("Stop harassing collection contact") takes the
    whole line in the body's size (``calc-figure-words``): in a figure's large type, two to a line
    on a phone, it would break into a tall column of single words.

    >>> definition_list([("Months", "12"), ("Goal", "Stop harassing collection contact")])
    '<dl class="calc-figures"><div><dt>Months</dt><dd>12</dd></div>\
<div class="calc-figure-words"><dt>Goal</dt><dd>Stop harassing collection contact</dd></div></dl>'
    """
    items = "".join(
        f'<div class="calc-figure-words"><dt>{esc(label)}</dt><dd>{esc(value)}</dd></div>'
        if _is_words(value)
        else f"<div><dt>{esc(label)}</dt><dd>{_figure(value)}</dd></div>"
        for label, value in pairs
    )
    return f'<dl class="{esc(css)}">{items}</dl>'


_AMOUNT_AND_UNIT = re.compile(r"(-?[\d,]+(?:\.\d+)?) (yuan|元)")


def _figure(value: str) -> str:
    """A figure; an amount's unit in its own span, set smaller so "10,880.00 yuan" fits a phone's
    half-width box on one line.

    >>> _figure("10,880.00 yuan"), _figure("12"), _figure("超出 1.00 元")
    ('10,880.00<span class="calc-figure-unit"> yuan</span>', '12', '超出 1.00 元')
    """
    amount = _AMOUNT_AND_UNIT.fullmatch(value)
    if not amount:
        return esc(value)
    return f'{esc(amount.group(1))}<span class="calc-figure-unit"> {esc(amount.group(2))}</span>'


FIGURE_WIDTH = 14
"""The widest value (a Chinese character counts twice) that fits half a phone's width in a figure's
type: "9 months", "17.07%", "还差 3 个月"; an amount with its unit always reads as a figure."""


def _is_words(value: str) -> bool:
    width = sum(2 if "\u3000" <= char <= "\uffef" else 1 for char in value)
    return width > FIGURE_WIDTH and not _AMOUNT_AND_UNIT.fullmatch(value)


def table(
    headers: Sequence[str],
    rows: Iterable[Sequence[object]],
    caption: str = "",
    css: str = "calc-table",
    row_name: Callable[[object], str] | None = None,
) -> str:
    """A table whose first cell in each row names the row; numbers are right-aligned by the stylesheet.

    Each cell carries its column's name in ``data-label``: on a narrow screen the stylesheet shows
    every row as a small card (the row's name, then each figure under its column's name), so
    nothing is cut off at 360 px. Explicit roles keep it a table for screen readers when the
    stylesheet changes its display.

    >>> table(["Item", "Amount"], [["Rent", "1,000.00 元"]])  # doctest: +NORMALIZE_WHITESPACE
    '<div class="calc-table-wrap"><table class="calc-table" role="table"><thead role="rowgroup"><tr role="row">\
<th scope="col" role="columnheader">Item</th><th scope="col" role="columnheader">Amount</th></tr></thead>\
<tbody role="rowgroup"><tr role="row"><th scope="row" role="rowheader" data-label="Item">Rent</th>\
<td role="cell" data-label="Amount">1,000.00 元</td></tr></tbody></table></div>'

    ``row_name`` gives a numbered row's name in the page's language ("第 3 期", "Month 3") from
    its first cell: the card on a phone is titled with it (the words around the number go in
    ``data-before`` / ``data-after``), while the wide table keeps the bare number under its column.

    >>> table(["期"], [[3]], row_name=lambda n: f"第 {n} 期")  # doctest: +ELLIPSIS
    '...<th scope="row" role="rowheader" data-label="期" data-before="第 " data-after=" 期">3</th>...'
    """
    cap = f"<caption>{esc(caption)}</caption>" if caption else ""
    head = "".join(f'<th scope="col" role="columnheader">{esc(h)}</th>' for h in headers)
    # Each column's opening tag once: a table of months repeats it hundreds of times.
    labels = [f' data-label="{esc(h)}"' for h in headers]
    first_label = labels[0] if labels else ""
    openings = [f'<td role="cell"{label}>' for label in labels]
    unlabelled = '<td role="cell">'

    def cells(row: Sequence[object]) -> Iterable[str]:
        """The first cell of a row is its header; every cell names its column in ``data-label``."""
        for index, value in enumerate(row):
            if index == 0:
                named = row_name_attributes(value, row_name(value)) if row_name else ""
                yield f'<th scope="row" role="rowheader"{first_label}{named}>{esc(value)}</th>'
            else:
                yield f"{openings[index] if index < len(openings) else unlabelled}{esc(value)}</td>"

    body = "".join(f'<tr role="row">{"".join(cells(row))}</tr>' for row in rows)
    return (
        f'<div class="calc-table-wrap"><table class="{esc(css)}" role="table">{cap}'
        f'<thead role="rowgroup"><tr role="row">{head}</tr></thead><tbody role="rowgroup">{body}</tbody>'
        "</table></div>"
    )


def row_name_attributes(value: object, name: str) -> str:
    """``data-before`` / ``data-after``: the words of a row's ``name`` around its number ``value``.

    >>> row_name_attributes(12, "Month 12"), row_name_attributes(2, "第 2 个月")
    (' data-before="Month "', ' data-before="第 " data-after=" 个月"')
    """
    before, found, after = name.partition(str(value))
    if not found:
        return ""
    return (f' data-before="{esc(before)}"' if before else "") + (
        f' data-after="{esc(after)}"' if after else ""
    )


def carry_button(label: str, target: str, page: str, fields: dict[str, object]) -> str:
    """A button that carries ``fields`` into the ``target`` calculator's form.

    The page script fills the target form if it is on the same page; otherwise it keeps the
    values in this tab's ``sessionStorage`` and opens ``../<page>/#calc-<target>``. Nothing is
    sent to a server.
    """
    payload = json.dumps({k: str(v) for k, v in fields.items()}, ensure_ascii=False)
    return (
        f'<button type="button" class="calc-carry md-button" data-carry-target="{esc(target)}" '
        f'data-carry-page="{esc(page)}" data-carry-fields="{esc(payload)}">{esc(label)}</button>'
    )


def copy_block(block_id: str, title: str, text: str, copy_label: str, text_lang: str = "") -> str:
    """A titled block of plain text with a button that copies it (the page script does the copying).

    ``text_lang`` marks text in another language than the page's (``lang="zh"`` on an English page).
    """
    lang_attr = f' lang="{esc(text_lang)}"' if text_lang else ""
    return (
        f'<div class="calc-copy-block"><p class="calc-copy-title">{esc(title)}</p>'
        f'<pre class="calc-copy-text" id="{esc(block_id)}"{lang_attr}>{esc(text)}</pre>'
        f'<button type="button" class="calc-copy md-button" data-copy="{esc(block_id)}">'
        f"{esc(copy_label)}</button></div>"
    )


def _class(css: str) -> str:
    return f' class="{esc(css)}"' if css else ""


def bullet_list(items: Iterable[str], css: str = "") -> str:
    """An unordered list of plain-text items.

    >>> bullet_list(["<b>", "ok"])
    '<ul><li>&lt;b&gt;</li><li>ok</li></ul>'
    """
    return f"<ul{_class(css)}>{''.join(f'<li>{esc(item)}</li>' for item in items)}</ul>"


def ordered_list(items: Iterable[str], css: str = "") -> str:
    """A numbered list of plain-text items (steps).

    >>> ordered_list(["one"], css="calc-steps")
    '<ol class="calc-steps"><li>one</li></ol>'
    """
    return f"<ol{_class(css)}>{''.join(f'<li>{esc(item)}</li>' for item in items)}</ol>"


# Han characters, CJK punctuation (“【】”) and full-width forms: marked ``lang="zh"`` in results and,
# through the same function, on static pages (overrides/hooks/page_language.py).
CHINESE_RUN = re.compile(r"[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]+")
_MAYBE_CHINESE = re.compile("[\u3000-\uffef]")
"""One range holding all of :data:`CHINESE_RUN`'s: a text without any is left alone after one scan
four times quicker than :data:`CHINESE_RUN`'s (most English results quote no Chinese)."""
_TOKEN = re.compile(r"(<[^>]*>)|([^<]+)")
_TAG_NAME = re.compile(r"</?\s*([a-zA-Z0-9-]+)")
_LANG_ATTRIBUTE = re.compile(r'\slang="([^"]*)"')
_VOID = frozenset({"area", "br", "col", "hr", "img", "input", "meta", "source", "wbr"})
UNMARKABLE = frozenset({"option", "textarea", "script", "style", "title", "svg"})
"""Elements whose text can hold no ``<span>`` (or, in an SVG, would not show one): left as they are."""


def _is_chinese(lang: str) -> bool:
    return lang == "zh" or lang.startswith("zh-")


def mark_chinese(html: str, lang: str) -> str:
    """Wrap each run of Chinese written in a non-Chinese context in ``<span lang="zh">``.

    The context is ``lang`` (the page's language) or, inside an element with a ``lang``
    attribute, that attribute: Chinese quoted in an English result, or in an English message
    shown on a Chinese page, is read by screen readers in Chinese and drawn in a Chinese font.
    Chinese already inside a Chinese element (``lang="zh"``, ``lang="zh-Hant"``) is left as it is,
    and so is the text of the :data:`UNMARKABLE` elements. A run is any sequence of Han
    characters, CJK punctuation and full-width forms, so “【】” alone is marked too.
    ``html`` is well-formed markup with every text escaped (a result, or a page's content).

    >>> mark_chinese('<p>Write “请转人工客服”.</p><pre lang="zh">我失业了</pre>', "en")
    '<p>Write “<span lang="zh">请转人工客服</span>”.</p><pre lang="zh">我失业了</pre>'
    >>> mark_chinese('<p>花呗</p><pre lang="en">Huabei (花呗)</pre>', "zh")
    '<p>花呗</p><pre lang="en">Huabei (<span lang="zh">花呗</span>)</pre>'
    >>> mark_chinese('<p>Type 【】</p><option>简体中文</option><svg><text>花呗</text></svg>', "en")
    '<p>Type <span lang="zh">【】</span></p><option>简体中文</option><svg><text>花呗</text></svg>'
    """
    if not _MAYBE_CHINESE.search(html) or (_is_chinese(lang) and ' lang="' not in html):
        return html
    out: list[str] = []
    open_elements: list[tuple[str, str, bool]] = []  # (tag name, language of its text, markable)
    for match in _TOKEN.finditer(html):
        tag, text = match.groups()
        _, current, markable = open_elements[-1] if open_elements else ("", lang, True)
        if text is not None:
            out.append(CHINESE_RUN.sub(_span, text) if markable and not _is_chinese(current) else text)
            continue
        out.append(tag)
        name = _TAG_NAME.match(tag)
        if not name:
            continue  # a comment or a doctype
        element = name.group(1).lower()
        if tag.startswith("</"):
            # A stray closing tag (no such element open) closes nothing.
            if any(open_name == element for open_name, _, _ in open_elements):
                while open_elements.pop()[0] != element:
                    pass
        elif element not in _VOID and not tag.endswith("/>"):
            own = _LANG_ATTRIBUTE.search(tag)
            open_elements.append(
                (element, own.group(1) if own else current, markable and element not in UNMARKABLE)
            )
    return "".join(out)


def _span(run: re.Match[str]) -> str:
    return f'<span lang="zh">{run.group(0)}</span>'
