"""How a schedule ends: its last payment against the regular one, and the sentence that says why
they differ.

Under the rounding convention (:mod:`calculators.core.schedules`) every payment but the last is
rounded to the fen and the last settles what remains. Usually that moves the last payment by a
fen or two. At high rates over long terms the fen compounds: 10,000 at 2% a month over 480
months pays 200.01 a month and 4,010.72 at the end; a payment rounded up can repay the loan
before the term. No choice of fen avoids this in general, so the page says it:

- a difference of at most :data:`FEW_FEN` is "a few fen";
- a last payment more than :data:`APART` away from the regular one, or a loan repaid before its
  term, is shown as its own figure with a one-line reason (:func:`ending_note`).

The regular payment is what the method asks for in the last period without the drift: the
installment for 等额本息, the principal part plus that period's interest for 等额本金. For 先息后本
it is the monthly interest: the last payment repays the whole amount by the method's own terms,
and the reason says so (a ``balloon``).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from .i18n import Text, t
from .money import display_money

__all__ = ["APART", "FEW_FEN", "Ending", "ending_note"]

FEW_FEN = Decimal("0.09")
"""A last payment within this of the regular one differs by "a few fen"."""

APART = Decimal("1.00")
"""A last payment further than this from the regular one is shown apart, with its reason."""

MESSAGES: dict[str, Text] = {
    "more": {
        "zh": "最后一期是 {last} 元，比平常的还款多 {diff} 元：每期还款都四舍五入到分，舍去的零头连同它的利息由最后一期一并付清。",
        "en": "The last payment is {last} yuan, {diff} yuan more than the regular one: payments are rounded to "
        "the fen, and the last one settles what that rounding left unpaid, with its interest.",
    },
    "balloon": {
        "zh": "先息后本：每期只付利息，最后一期连同全部本金一起还，共 {last} 元。",
        "en": "Interest first: each payment covers only the interest, and the last one repays the whole "
        "amount with it: {last} yuan.",
    },
    "months": {"zh": "{n} 个月", "en": "{n} months"},
    "one_month": {"zh": "1 个月", "en": "1 month"},
    "less": {
        "zh": "最后一期只有 {last} 元，比平常的还款少 {diff} 元：每期还款都四舍五入到分，多付的零头连同它的利息从最后一期里扣除。",
        "en": "The last payment is only {last} yuan, {diff} yuan less than the regular one: payments are rounded "
        "to the fen, and what that rounding overpaid, with its interest, comes off the last one.",
    },
    "early": {
        "zh": "每期还款四舍五入到分后略多一点，所以提前 {early}还清：共 {count} 期，最后一期 {last} 元。",
        "en": "Rounded to the fen, the payment is a little more than needed, so the loan is repaid {early} "
        "early: {count} payments, the last of them {last} yuan.",
    },
}


@dataclass(frozen=True)
class Ending:
    """The last payment of a schedule against its regular payment.

    ``regular`` is what the method asks for in the last period without the rounding drift;
    ``count`` the payments the schedule really has; ``term`` the periods asked for.

    >>> end = Ending(regular=Decimal("200.01"), last=Decimal("4010.72"), count=480, term=480)
    >>> end.difference, end.apart, end.few_fen
    (Decimal('3810.71'), True, False)
    >>> Ending(Decimal("916.80"), Decimal("916.81"), 12, 12).few_fen
    True
    """

    regular: Decimal
    last: Decimal
    count: int
    term: int
    balloon: bool = False
    """Interest first: the last payment repays the whole amount by the method's terms."""

    @property
    def early(self) -> bool:
        """Whether the loan is repaid before the term (fewer payments than periods asked for)."""
        return self.count < self.term

    @property
    def difference(self) -> Decimal:
        """``last - regular``: positive when the last payment is higher."""
        return self.last - self.regular

    @property
    def apart(self) -> bool:
        """Whether the page must show the last payment on its own, with :func:`ending_note`."""
        return self.early or abs(self.difference) > APART or (self.balloon and self.count > 1)

    @property
    def few_fen(self) -> bool:
        """Whether "the last payment may differ by a few fen" is true here."""
        return not self.early and not (self.balloon and self.count > 1) and abs(self.difference) <= FEW_FEN


def ending_note(ending: Ending, lang: str) -> str | None:
    """The one-line reason for a last payment shown apart, or ``None`` when there is nothing to say.

    >>> ending_note(Ending(Decimal("200.01"), Decimal("4010.72"), 480, 480), "en").split(":")[0]
    'The last payment is 4,010.72 yuan, 3,810.71 yuan more than the regular one'
    >>> ending_note(Ending(Decimal("17.42"), Decimal("0.07"), 358, 360), "en").split(":")[1]
    ' 358 payments, the last of them 0.07 yuan.'
    """
    if not ending.apart:
        return None
    last = display_money(ending.last)
    if ending.balloon and ending.count > 1:
        return t(MESSAGES, "balloon", lang, last=last)
    if ending.early:
        gap = ending.term - ending.count
        early = t(MESSAGES, "one_month", lang) if gap == 1 else t(MESSAGES, "months", lang, n=gap)
        return t(MESSAGES, "early", lang, early=early, count=ending.count, last=last)
    key = "more" if ending.difference > 0 else "less"
    return t(MESSAGES, key, lang, last=last, diff=display_money(abs(ending.difference)))
