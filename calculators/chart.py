"""An SVG line chart of the remaining balance over time, one line per option, with a text alternative.

The chart carries no colours: each line is ``<path class="calc-series calc-series-N">`` and the
axes and labels are ``class="calc-axis"`` with ``currentColor``, so the stylesheet picks colours
that work in light and dark themes. The ``viewBox`` scales it to any width (360 px phones too).
Screen readers get a ``<title>`` and ``<desc>``; everyone gets a sentence per line and the data
as a table in a collapsed ``<details>``.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from decimal import Decimal

from .i18n import Text, t
from .markup import esc, table
from .money import display_money

__all__ = ["balance_chart", "MESSAGES"]

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
    "month": {"zh": "月份", "en": "Month"},
}

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


def _sentences(series: Sequence[tuple[str, Sequence[Decimal]]], start: Decimal, lang: str) -> list[str]:
    return [
        t(
            MESSAGES,
            "line",
            lang,
            title=title,
            start=display_money(start),
            peak=display_money(max([start, *balances])),
            end=len(balances),
        )
        for title, balances in series
    ]


def _data_table(series: Sequence[tuple[str, Sequence[Decimal]]], start: Decimal, lang: str) -> str:
    longest = max(len(balances) for _, balances in series)
    step = _month_step(longest) if longest > 24 else (3 if longest > 12 else 1)
    months = list(range(0, longest + 1, step))
    if months[-1] != longest:
        months.append(longest)

    def at(balances: Sequence[Decimal], month: int) -> str:
        if month == 0:
            return display_money(start)
        return display_money(balances[month - 1] if month <= len(balances) else Decimal(0))

    rows = [[str(month)] + [at(balances, month) for _, balances in series] for month in months]
    return table([t(MESSAGES, "month", lang)] + [title for title, _ in series], rows)


def balance_chart(
    series: Sequence[tuple[str, Sequence[Decimal]]], start: Decimal, lang: str, chart_id: str
) -> str:
    """The chart and its text alternative.

    ``series`` holds, per option, its title and the balance after each month; every line
    starts at ``start`` (the total owed) in month 0.

    >>> html = balance_chart([("A", [Decimal(50), Decimal(0)])], Decimal(100), "en", "c")
    >>> 'class="calc-series calc-series-0"' in html and 'role="img"' in html
    True
    """
    longest = max(len(balances) for _, balances in series)
    peak = max(float(max([start, *balances])) for _, balances in series)
    y_step = nice_step(peak, 4)
    y_top = y_step * math.ceil(peak / y_step) if peak > 0 else 1.0
    x_scale = (WIDTH - LEFT - RIGHT) / max(longest, 1)
    bottom = TOP + PLOT_HEIGHT

    def x(month: float) -> str:
        return _number(LEFT + month * x_scale)

    def y(value: float) -> str:
        return _number(bottom - value / y_top * PLOT_HEIGHT)

    parts: list[str] = []
    grid = []
    value = 0.0
    while value <= y_top + 1e-9:
        grid.append(f"M{LEFT} {y(value)}H{WIDTH - RIGHT}")
        parts.append(
            f'<text class="calc-axis" fill="currentColor" x="{LEFT - 4}" y="{y(value)}" '
            f'text-anchor="end" dominant-baseline="middle">{esc(f"{value:,.0f}")}</text>'
        )
        value += y_step
    m_step = _month_step(longest)
    for month in range(0, longest + 1, m_step):
        parts.append(
            f'<text class="calc-axis" fill="currentColor" x="{x(month)}" y="{bottom + 14}" '
            f'text-anchor="middle">{month}</text>'
        )
    parts.append(
        f'<text class="calc-axis" fill="currentColor" x="{WIDTH - RIGHT}" y="{bottom + 28}" '
        f'text-anchor="end">{esc(t(MESSAGES, "month_axis", lang))}</text>'
        f'<text class="calc-axis" fill="currentColor" x="{LEFT - 4}" y="{TOP - 10}" '
        f'text-anchor="end">{esc(t(MESSAGES, "yuan_axis", lang))}</text>'
    )
    lines = []
    legend_top = bottom + 44
    for index, (title, balances) in enumerate(series):
        d = "M" + "L".join(f"{x(m)} {y(v)}" for m, v in _points(balances, start))
        lines.append(
            f'<path class="calc-series calc-series-{index}" fill="none" stroke="currentColor" '
            f'stroke-width="2" stroke-linejoin="round" d="{d}"/>'
        )
        row_y = legend_top + index * LEGEND_ROW
        lines.append(
            f'<path class="calc-series calc-series-{index}" fill="none" stroke="currentColor" '
            f'stroke-width="3" d="M{LEFT} {row_y}h22"/>'
            f'<text class="calc-axis" fill="currentColor" x="{LEFT + 28}" y="{row_y}" '
            f'dominant-baseline="middle">{esc(title)}</text>'
        )
    height = legend_top + len(series) * LEGEND_ROW
    sentences = _sentences(series, start, lang)
    title_id, desc_id = f"{chart_id}-title", f"{chart_id}-desc"
    desc = " ".join([t(MESSAGES, "desc", lang), *sentences])
    svg = (
        f'<svg class="calc-chart" role="img" aria-labelledby="{esc(title_id)} {esc(desc_id)}" '
        f'viewBox="0 0 {WIDTH} {height}" width="100%" font-size="12">'
        f'<title id="{esc(title_id)}">{esc(t(MESSAGES, "title", lang))}</title>'
        f'<desc id="{esc(desc_id)}">{esc(desc)}</desc>'
        f'<path class="calc-grid" fill="none" stroke="currentColor" stroke-opacity="0.2" '
        f'd="{"".join(grid)}"/>'
        f'<path class="calc-axis-line" fill="none" stroke="currentColor" d="M{LEFT} {TOP}V{bottom}H{WIDTH - RIGHT}"/>'
        f"{''.join(parts)}{''.join(lines)}</svg>"
    )
    alternative = (
        f'<details class="calc-chart-data"><summary>{esc(t(MESSAGES, "data", lang))}</summary>'
        f"<ul>{''.join(f'<li>{esc(s)}</li>' for s in sentences)}</ul>"
        f"{_data_table(series, start, lang)}</details>"
    )
    return f'<div class="calc-chart-wrap">{svg}{alternative}</div>'
