"""What was agreed, as dated payments: amounts, due dates, and what remains after each payment.

Every payment is ``amount`` except perhaps the last (``last_amount``, when the lender's schedule
ends on a different figure); the total is ``amount x (n - 1) + last``. Payment ``k`` (from 1)
falls due :func:`calculators.core.dates.due_date` ``(first_due, k - 1, due_day)``: the due day of
each month, or the month's last day when the month is shorter. What remains after payment ``k`` is
``total - (the first k payments)``.

Worked case: 12 payments of 916.80 (the last 916.81) from 31 January 2028 on the 31st: 11,001.61
in all; the second is due 29 February 2028 (a leap year), the last 31 December 2028.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from functools import cached_property

from ..core.dates import add_months, due_date
from ..core.money import ZERO

__all__ = ["Payment", "Terms", "SHORT_MONTH_DAY"]

SHORT_MONTH_DAY = 29
"""From this due day on, some months have no such day (February, then the 30-day months)."""


@dataclass(frozen=True)
class Payment:
    """One payment of the agreement: its number (from 1), due date, amount and what remains after."""

    number: int
    due: date
    amount: Decimal
    remaining: Decimal


@dataclass(frozen=True)
class Terms:
    """The agreed payments.

    >>> terms = Terms(Decimal("916.80"), 12, Decimal("916.81"), date(2028, 1, 31), None)
    >>> terms.total, str(terms.payments[1].due), str(terms.debt_free), terms.shifted
    (Decimal('11001.61'), '2028-02-29', '2028-12-31', True)
    """

    amount: Decimal
    count: int
    last_amount: Decimal | None
    first_due: date
    due_day: int | None

    @property
    def day(self) -> int:
        """The due day of the month: as entered, or the first due date's day."""
        return self.due_day or self.first_due.day

    @property
    def last(self) -> Decimal:
        return self.last_amount if self.last_amount is not None else self.amount

    @cached_property
    def total(self) -> Decimal:
        """``amount x (count - 1) + last``."""
        return self.amount * (self.count - 1) + self.last

    @cached_property
    def payments(self) -> tuple[Payment, ...]:
        paid = ZERO
        found = []
        for number in range(1, self.count + 1):
            amount = self.last if number == self.count else self.amount
            paid += amount
            found.append(
                Payment(number, due_date(self.first_due, number - 1, self.day), amount, self.total - paid)
            )
        return tuple(found)

    @property
    def debt_free(self) -> date:
        """The due date of the last payment."""
        return self.payments[-1].due

    @property
    def shifted(self) -> bool:
        """Whether some due date falls on a month's last day because the month lacks the due day."""
        return self.day >= SHORT_MONTH_DAY and any(p.due.day != self.day for p in self.payments[1:])

    def credit_checks(self, every: int) -> list[date]:
        """Reminders to check the credit report every ``every`` months from the first due date, up
        to the first one on or after the last payment (to see the agreement reported as repaid).

        >>> Terms(Decimal(100), 12, None, date(2027, 1, 15), None).credit_checks(6)
        [datetime.date(2027, 7, 15), datetime.date(2028, 1, 15)]
        """
        found: list[date] = []
        step = 1
        while not found or found[-1] < self.debt_free:
            found.append(add_months(self.first_due, every * step, self.first_due.day))
            step += 1
        return found

    @property
    def key(self) -> str:
        """Names this agreement in calendar ``UID`` values and the tracker's storage:
        ``20280131-91680x12-91681``."""
        fen = f"{int(self.amount * 100)}x{self.count}-{int(self.last * 100)}"
        return f"{self.first_due:%Y%m%d}-{fen}"
