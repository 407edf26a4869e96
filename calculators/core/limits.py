"""How high a cost the calculators accept, and when they say it is unusually high: in one place.

**One ceiling for every kind of cost.** A rate or fee is accepted up to :data:`MAX_DAILY_PERCENT`
(10% a day): the same ceiling in every unit, on a 365-day year, so 304.16% a month
(:data:`MAX_MONTHLY_PERCENT`) and 3,650% a year (:data:`MAX_ANNUAL_PERCENT`); a total fee over
``n`` periods is accepted while its monthly rate (the IRR of its payments) stays within the
monthly ceiling: 1000% over one period (1000% a month) is refused, 88% over 12 periods
(about 10% a month) is accepted. Anything higher is taken as a typing mistake.

**Unusually high, but accepted.** A real contract can be extreme, so a rate above
:data:`UNUSUAL_ANNUAL_PERCENT` a year (nominal) or a total fee above :data:`UNUSUAL_FEE_PERCENT`
of the amount is kept, and the result says beside it that the rate is unusually high and to
check it against the bill (:func:`unusual_note`). These thresholds are ours, chosen well above
the rates the guide has seen reported; they are not a legal limit, and no legal limit is stated.
"""

from __future__ import annotations

from decimal import ROUND_DOWN, Decimal

from .i18n import Text, t
from .yields import loan_irr

__all__ = [
    "MAX_ANNUAL_PERCENT",
    "MAX_DAILY_PERCENT",
    "MAX_MONTHLY_PERCENT",
    "MESSAGES",
    "UNUSUAL_ANNUAL_PERCENT",
    "UNUSUAL_FEE_PERCENT",
    "fee_monthly_fraction",
    "too_high",
    "unusual_note",
]

DAYS_IN_YEAR = 365
MAX_DAILY_PERCENT = Decimal(10)
"""The ceiling: 10% a day."""
MAX_ANNUAL_PERCENT = MAX_DAILY_PERCENT * DAYS_IN_YEAR
"""The same ceiling a year (nominal): 3,650%."""
MAX_MONTHLY_PERCENT = (MAX_ANNUAL_PERCENT / 12).quantize(Decimal("0.01"), ROUND_DOWN)
"""The same ceiling a month: 304.16% (rounded down, so that the limit typed is accepted)."""
LIMITS: dict[str, Decimal] = {
    "daily": MAX_DAILY_PERCENT,
    "monthly": MAX_MONTHLY_PERCENT,
    "annual": MAX_ANNUAL_PERCENT,
}
"""The ceiling in the unit of each kind of rate, in percent."""

UNUSUAL_ANNUAL_PERCENT = Decimal(40)
"""A nominal annualized rate above this gets the "unusually high" note."""
UNUSUAL_FEE_PERCENT = Decimal(50)
"""A total installment fee above this share of the amount gets the "unusually high" note."""

MESSAGES: dict[str, Text] = {
    "rate_too_high": {
        "zh": "利率太高：计算器最多按每天 10%（约每月 304%、每年 3650%）计算，请检查输入。",
        "en": "That rate is too high: the calculators go up to 10% a day (about 304% a month, 3,650% a year). "
        "Please check it.",
    },
    "fee_too_high": {
        "zh": "手续费太高：{fee}% 分 {n} 期，折合每月约 {monthly}%，超过了计算器的上限"
        "（每天 10%，约每月 304%）。请检查输入。",
        "en": "That fee is too high: {fee}% over {n} period(s) costs about {monthly}% a month, above the "
        "calculators' limit (10% a day, about 304% a month). Please check it.",
    },
    "unusual_rate": {
        "zh": "{subject}异常地高：折合名义年化约 {nominal}%，超过 {threshold}%。结果照常计算，但请对照账单或合同核对；"
        "把日利率填成月利率、小数点位置不对，都是常见的输入错误。",
        "en": "{subject} is unusually high: about {nominal}% a year (nominal), more than {threshold}%. The "
        "figures are worked out all the same, but check it against your bill or contract: a daily rate "
        "typed as a monthly one, or a misplaced point, is a common slip.",
    },
    "unusual_fee": {
        "zh": "{subject}异常地高：手续费占本金的 {fee}%，超过 {threshold}%。结果照常计算，但请对照账单或合同核对。",
        "en": "{subject} is unusually high: a fee of {fee}% of the amount, more than {threshold}%. The figures "
        "are worked out all the same, but check it against your bill or contract.",
    },
    "this_rate": {"zh": "这个利率", "en": "This rate"},
    "this_fee": {"zh": "这笔分期的手续费", "en": "This fee"},
    "rate_of": {"zh": "“{name}”的利率", "en": "The rate of “{name}”"},
}


def fee_monthly_fraction(fee_percent: Decimal, periods: int) -> Decimal:
    """The monthly rate of a total fee ``f`` over ``n`` periods: the IRR ``i`` of ``(-1, (1+f)/n x n)``.

    >>> round(fee_monthly_fraction(Decimal("8.8"), 12) * 100, 4)
    Decimal('1.3220')
    >>> round(fee_monthly_fraction(Decimal(1000), 1), 6)
    Decimal('10.000000')
    """
    fraction = fee_percent / 100
    if fraction == 0:
        return Decimal(0)
    payment = (1 + fraction) / periods
    return loan_irr([Decimal(-1)] + [payment] * periods)


def too_high(kind: str, percent: Decimal, periods: int | None = None) -> str | None:
    """The message key when a cost is above the ceiling in its own unit, else ``None``.

    ``kind`` is ``daily``, ``monthly``, ``annual`` or ``fee`` (a fee needs its ``periods``).

    >>> too_high("daily", Decimal(5)), too_high("monthly", Decimal(305)), too_high("annual", Decimal(999))
    (None, 'rate_too_high', None)
    >>> too_high("fee", Decimal(1000), 1), too_high("fee", Decimal(88), 12)
    ('fee_too_high', None)
    """
    if kind == "fee":
        if not periods:
            return None
        return "fee_too_high" if fee_monthly_fraction(percent, periods) * 100 > MAX_MONTHLY_PERCENT else None
    return "rate_too_high" if percent > LIMITS[kind] else None


def too_high_message(kind: str, percent: Decimal, lang: str, periods: int | None = None) -> str | None:
    """The reader's message for a cost above the ceiling (see :func:`too_high`), else ``None``."""
    key = too_high(kind, percent, periods)
    if key is None:
        return None
    if key == "fee_too_high":
        monthly = (fee_monthly_fraction(percent, periods or 1) * 100).quantize(Decimal(1))
        return t(MESSAGES, key, lang, fee=f"{percent.normalize():f}", n=periods, monthly=f"{monthly:,}")
    return t(MESSAGES, key, lang)


def unusual_note(
    nominal_annual: Decimal, lang: str, fee_percent: Decimal | None = None, name: str | None = None
) -> str | None:
    """The "unusually high" sentence for a cost, or ``None`` when it is not unusual.

    ``nominal_annual`` is the nominal annualized rate as a fraction; ``fee_percent`` the total fee
    in percent when the cost is a fee; ``name`` names the debt when there are several.

    >>> unusual_note(Decimal("9.99"), "en").split(":")[0]
    'This rate is unusually high'
    >>> unusual_note(Decimal("0.18"), "en") is None
    True
    >>> unusual_note(Decimal("0.20"), "en", fee_percent=Decimal(88)).split(":")[1]
    ' a fee of 88% of the amount, more than 50%. The figures are worked out all the same, but check it against your bill or contract.'
    """
    if name:
        subject = t(MESSAGES, "rate_of", lang, name=name)
    else:
        subject = t(MESSAGES, "this_fee" if fee_percent is not None else "this_rate", lang)
    if nominal_annual * 100 > UNUSUAL_ANNUAL_PERCENT:
        nominal = (nominal_annual * 100).quantize(Decimal(1))
        return t(
            MESSAGES,
            "unusual_rate",
            lang,
            subject=subject,
            nominal=f"{nominal:,}",
            threshold=UNUSUAL_ANNUAL_PERCENT,
        )
    if fee_percent is not None and fee_percent > UNUSUAL_FEE_PERCENT:
        return t(
            MESSAGES,
            "unusual_fee",
            lang,
            subject=subject,
            fee=f"{fee_percent.normalize():f}",
            threshold=UNUSUAL_FEE_PERCENT,
        )
    return None
