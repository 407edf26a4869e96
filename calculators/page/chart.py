"""An SVG line chart of the remaining balance over time, one line per option, with a text alternative.

The chart carries no colours: each line is ``<path class="calc-series calc-series-N">`` and the
axes and labels are ``class="calc-axis"`` with ``currentColor``, so the stylesheet picks colours
that work in light and dark themes. The ``viewBox`` scales it to any width (360 px phones too).
Screen readers get a ``<title>`` and ``<desc>``; everyone gets a sentence per line and the data
as a table in a collapsed ``<details>`` (or, with ``table_later``, only when that ``<details>``
opens: :func:`chart_table` builds it then, as a result's part ``chart_tables``).
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from functools import cached_property

from ..core.i18n import Text, t
from ..core.money import display_money, yuan
from .markup import esc, table

__all__ = ["balance_chart", "chart_table", "MESSAGES"]

MESSAGES: dict[str, Text] = {
    "title": {"zh": "剩余欠款随时间的变化", "en": "Remaining balance over time"},
    "desc": {
        "zh": "折线图：横轴是第几个月，纵轴是还欠多少元。",
        "en": "Line chart: months across, the amount still owed in yuan up the side.",
    },
    "month_axis": {"zh": "月", "en": "Month"},
    "yuan_axis": {"zh": "元", "en": "Yuan"},
    "line": {
        "zh": "{title}：从 {start} 元开始，最高 {peak} 元，第 {end} 个月还清。",
        "en": "{title}: starts at {start} yuan, highest {peak} yuan, paid off in month {end}.",
    },
    "data": {"zh": "图表数据（文字版）", "en": "Chart data as text"},
    "month": {"zh": "月数", "en": "Month"},  # months from the start; 月份 would read as a month of the year
}

Messages = Mapping[str, Text]

WIDTH = 360
LEFT, RIGHT, TOP = 52, 10, 22
PLOT_HEIGHT = 160
LEGEND_ROW = 18
MAX_POINTS = 240


def nice_step(span: float, intervals: int) -> float:
    """A round step (1, 2, 2.5 or 5 times a power of ten) so ``intervals`` steps cover ``span``.

    >>> nice_step(10000, 4), nice_step(10302.25, 4), nice_step(7, 4)
    (2500.0, 5000.0, 2.0)
    """
    if span <= 0:
        return 1.0
    raw = span / intervals
    power = 10 ** math.floor(math.log10(raw))
    for factor in (1, 2, 2.5, 5, 10):
        if factor * power >= raw:
            return float(factor * power)
    return 10.0 * power  # pragma: no cover - the loop always returns


def _month_step(months: int) -> int:
    for step in (1, 2, 3, 6, 12, 24, 60, 120):
        if months / step <= 6:
            return step
    return 120


def _number(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".")


def _points(balances: Sequence[Decimal], start: Decimal) -> list[tuple[int, float]]:
    values = [(0, float(start))] + [(month, float(b)) for month, b in enumerate(balances, 1)]
    stride = max(1, math.ceil(len(values) / MAX_POINTS))
    kept = values[::stride]
    if kept[-1] != values[-1]:
        kept.append(values[-1])
    return kept


def _sentences(
    series: Sequence[tuple[str, Sequence[Decimal]]], start: Decimal, lang: str, messages: Messages = MESSAGES
) -> list[str]:
    return [
        t(
            messages,
            "line",
            lang,
            title=title,
            start=display_money(start),
            peak=display_money(max([start, *balances])),
            end=len(balances),
        )
        for title, balances in series
    ]


def _data_table(
    series: Sequence[tuple[str, Sequence[Decimal]]], start: Decimal, lang: str, messages: Messages = MESSAGES
) -> str:
    longest = max(len(balances) for _, balances in series)
    step = _month_step(longest) if longest > 24 else (3 if longest > 12 else 1)
    months = list(range(0, longest + 1, step))
    if months[-1] != longest:
        months.append(longest)

    def at(balances: Sequence[Decimal], month: int) -> str:
        """The amount at ``month`` with its unit, like every other amount in a result."""
        if month == 0:
            return yuan(start, lang)
        return yuan(balances[month - 1] if month <= len(balances) else Decimal(0), lang)

    rows = [[str(month)] + [at(balances, month) for _, balances in series] for month in months]
    headers = [t(messages, "month", lang)] + [title for title, _ in series]
    return table(headers, rows, css="calc-table calc-by-month")


@dataclass(frozen=True)
class Frame:
    """Where a month and an amount fall in the SVG: months run right, money runs up."""

    longest: int
    y_top: float
    y_step: float

    @cached_property
    def bottom(self) -> float:
        return TOP + PLOT_HEIGHT

    @cached_property
    def x_scale(self) -> float:
        return (WIDTH - LEFT - RIGHT) / max(self.longest, 1)

    def x(self, month: float) -> str:
        return _number(LEFT + month * self.x_scale)

    def y(self, value: float) -> str:
        return _number(self.bottom - value / self.y_top * PLOT_HEIGHT)


def _frame(series: Sequence[tuple[str, Sequence[Decimal]]], start: Decimal) -> Frame:
    longest = max(len(balances) for _, balances in series)
    peak = max(float(max([start, *balances])) for _, balances in series)
    y_step = nice_step(peak, 4)
    return Frame(longest, y_step * math.ceil(peak / y_step) if peak > 0 else 1.0, y_step)


def _text(x: object, y: object, text: str, extra: str = "") -> str:
    return f'<text class="calc-axis" fill="currentColor" x="{x}" y="{y}"{extra}>{esc(text)}</text>'


def _axes(frame: Frame, lang: str, messages: Messages = MESSAGES) -> tuple[str, str]:
    """The horizontal grid lines (one path) and the axes' labels."""
    grid: list[str] = []
    labels: list[str] = []
    value = 0.0
    while value <= frame.y_top + 1e-9:
        grid.append(f"M{LEFT} {frame.y(value)}H{WIDTH - RIGHT}")
        labels.append(
            _text(LEFT - 4, frame.y(value), f"{value:,.0f}", ' text-anchor="end" dominant-baseline="middle"')
        )
        value += frame.y_step
    for month in range(0, frame.longest + 1, _month_step(frame.longest)):
        labels.append(_text(frame.x(month), frame.bottom + 14, str(month), ' text-anchor="middle"'))
    labels.append(
        _text(WIDTH - RIGHT, frame.bottom + 28, t(messages, "month_axis", lang), ' text-anchor="end"')
    )
    labels.append(_text(LEFT - 4, TOP - 10, t(messages, "yuan_axis", lang), ' text-anchor="end"'))
    return "".join(grid), "".join(labels)


def _lines_and_legend(series: Sequence[tuple[str, Sequence[Decimal]]], start: Decimal, frame: Frame) -> str:
    """One line per option, and under the plot a legend row per option in the same style."""
    parts = []
    # Frame.x and Frame.y written out, each month's x once for every line: hundreds of points.
    x_scale, bottom, y_top = frame.x_scale, frame.bottom, frame.y_top
    xs = [_number(LEFT + month * x_scale) for month in range(frame.longest + 1)]
    for index, (title, balances) in enumerate(series):
        d = "M" + "L".join(
            f"{xs[m]} {_number(bottom - v / y_top * PLOT_HEIGHT)}" for m, v in _points(balances, start)
        )
        parts.append(
            f'<path class="calc-series calc-series-{index}" fill="none" stroke="currentColor" '
            f'stroke-width="2" stroke-linejoin="round" d="{d}"/>'
        )
        row_y = frame.bottom + 44 + index * LEGEND_ROW
        parts.append(
            f'<path class="calc-series calc-series-{index}" fill="none" stroke="currentColor" '
            f'stroke-width="3" d="M{LEFT} {row_y}h22"/>'
            + _text(LEFT + 28, row_y, title, ' dominant-baseline="middle"')
        )
    return "".join(parts)


def balance_chart(
    series: Sequence[tuple[str, Sequence[Decimal]]],
    start: Decimal,
    lang: str,
    chart_id: str,
    texts: Messages | None = None,
    table_later: bool = False,
) -> str:
    """The chart and its text alternative.

    ``series`` holds, per option, its title and the balance after each month; every line
    starts at ``start`` (the total owed) in month 0. ``texts`` replaces some of :data:`MESSAGES`
    (with the same placeholders) for a chart of something else, such as savings growing.

    With ``table_later`` the data table is left out of the collapsed ``<details>``, which names
    where the page finds it when the reader opens it: ``data["chart_tables"][0]``, built by
    :func:`chart_table` (a plan's table is a sixth of its result, rebuilt on every recalculation).

    >>> html = balance_chart([("A", [Decimal(50), Decimal(0)])], Decimal(100), "en", "c")
    >>> 'class="calc-series calc-series-0"' in html and 'role="img"' in html and "<table" in html
    True
    >>> later = balance_chart([("A", [Decimal(50), Decimal(0)])], Decimal(100), "en", "c", table_later=True)
    >>> "<table" in later, 'data-part="chart_tables" data-index="0"' in later
    (False, True)
    """
    messages = {**MESSAGES, **(texts or {})}
    frame = _frame(series, start)
    grid, labels = _axes(frame, lang, messages)
    height = frame.bottom + 44 + len(series) * LEGEND_ROW
    sentences = _sentences(series, start, lang, messages)
    title_id, desc_id = f"{chart_id}-title", f"{chart_id}-desc"
    desc = " ".join([t(messages, "desc", lang), *sentences])
    svg = (
        f'<svg class="calc-chart" role="img" aria-labelledby="{esc(title_id)} {esc(desc_id)}" '
        f'viewBox="0 0 {WIDTH} {height}" width="100%" font-size="12">'
        f'<title id="{esc(title_id)}">{esc(t(messages, "title", lang))}</title>'
        f'<desc id="{esc(desc_id)}">{esc(desc)}</desc>'
        f'<path class="calc-grid" fill="none" stroke="currentColor" stroke-opacity="0.2" d="{grid}"/>'
        f'<path class="calc-axis-line" fill="none" stroke="currentColor" '
        f'd="M{LEFT} {TOP}V{frame.bottom}H{WIDTH - RIGHT}"/>'
        f"{labels}{_lines_and_legend(series, start, frame)}</svg>"
    )
    where = ' data-part="chart_tables" data-index="0"' if table_later else ""
    alternative = (
        f'<details class="calc-chart-data"{where}><summary>{esc(t(messages, "data", lang))}</summary>'
        f"<ul>{''.join(f'<li>{esc(s)}</li>' for s in sentences)}</ul>"
        f"{'' if table_later else _data_table(series, start, lang, messages)}</details>"
    )
    # The visible title repeats the SVG's own <title>, which screen readers already announce.
    title = f'<p class="calc-chart-title" aria-hidden="true">{esc(t(messages, "title", lang))}</p>'
    return f'<div class="calc-chart-wrap">{title}{svg}{alternative}</div>'


def chart_table(
    series: Sequence[tuple[str, Sequence[Decimal]]],
    start: Decimal,
    lang: str,
    texts: Messages | None = None,
) -> str:
    """The data table of :func:`balance_chart` with ``table_later``: the balance of every line at
    every few months, each amount with its unit.

    >>> html = chart_table([("A", [Decimal(50), Decimal(0)])], Decimal(100), "en")
    >>> "<table" in html and "100.00 yuan" in html and "50.00 yuan" in html
    True
    """
    return _data_table(series, start, lang, {**MESSAGES, **(texts or {})})
