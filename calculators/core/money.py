"""Money as ``Decimal``: rounding to the fen and formatting.

>>> to_fen(Decimal("916.8049"))
Decimal('916.80')
>>> money_str(Decimal("1001.605"))
'1001.61'
>>> display_money(Decimal("12345.6"))
'12,345.60'
>>> yuan(Decimal("906.666"), "zh"), yuan(Decimal("906.666"), "en")
('906.67 元', '906.67 yuan')
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from .i18n import written_lang

__all__ = ["FEN", "ZERO", "to_fen", "money_str", "display_money", "yuan", "percent_str", "to_percent"]

FEN = Decimal("0.01")
ZERO = Decimal("0.00")


def to_fen(value: Decimal) -> Decimal:
    """Round half-up to the fen (0.01 yuan)."""
    return value.quantize(FEN, rounding=ROUND_HALF_UP)


def money_str(value: Decimal) -> str:
    """Money for machine use (``data``): two decimals, no separators, e.g. ``"10000.00"``."""
    return f"{to_fen(value):.2f}"


def display_money(value: Decimal) -> str:
    """Money for people: thousands separators and two decimals, e.g. ``"10,000.00"``."""
    return f"{to_fen(value):,.2f}"


def yuan(value: Decimal, lang: str) -> str:
    """Money for people with its unit: ``"10,000.00 元"`` in Chinese, ``"10,000.00 yuan"`` in English."""
    unit = "yuan" if written_lang(lang) == "en" else "元"
    return f"{display_money(value)} {unit}"


def to_percent(fraction: Decimal) -> Decimal:
    """A fraction as a percent rounded half-up to two decimals: 0.158567 -> 15.86."""
    return (fraction * 100).quantize(FEN, rounding=ROUND_HALF_UP)


def percent_str(fraction: Decimal) -> str:
    """A fraction as a percent string with two decimals: ``Decimal("0.1707")`` -> ``"17.07"``."""
    return f"{to_percent(fraction):.2f}"
