"""The repayment plan's result: the page (verdicts, debts, comparison, chart, option cards, the
avalanche / snowball section, month-by-month schedules, notes), its data and the CSV.

Per option the cards show the first, last and highest payment, months, total paid, total
interest, the nominal annualized rate ``12 x IRR(-owed, payments)``, the month it is paid off
(when a pause moves it) and whether it fits the budget. In every schedule row
``principal = payment - interest``. Worked case: 10,000 at 1.5% a month over 12 months, equal
installments: 916.80 a month, the last 916.81, total interest 1,001.61, 18.00% nominal; the
first row pays 766.80 of principal and 150.00 of interest, leaving 9,233.20.

With a first due date (optional), each card says the month the option is paid off ("paid off in
March 2028"), and the schedules and the CSV date every month: month ``k`` is due
:func:`calculators.core.dates.due_date` ``(first, k - 1)``, on the first date's day or the last day
of a shorter month. Each card can carry its option into the agreement calculator (section 6).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterator, Sequence
from datetime import date
from decimal import Decimal
from typing import Any

from ..core.dates import date_name, due_date, month_name
from ..core.endings import ending_note
from ..core.i18n import Text, t
from ..core.money import ZERO, money_str, percent_str, yuan
from ..page.chart import balance_chart, chart_table
from ..page.markup import carry_button, definition_list, esc, heading, paragraph, table
from .debts import Debt
from .options import NEEDED_TERM, Options, method_name, option_title
from .plans import Plan
from .strategies import strategies_data, strategies_html
from .verdicts import notes, unusual_rates, verdicts

__all__ = ["later_parts", "page_data", "page_html"]

MESSAGES: dict[str, Text] = {
    # Figures
    "first": {"zh": "首期月供", "en": "First monthly payment"},
    "first_after_pause": {"zh": "暂停结束后的首期月供", "en": "First payment after the pause"},
    "last": {"zh": "最后一期", "en": "Last payment"},
    "highest": {"zh": "最高一期", "en": "Highest payment"},
    "months": {"zh": "期数（月）", "en": "Months"},
    "total_paid": {"zh": "总共还款", "en": "Total paid"},
    "total_interest": {"zh": "总利息", "en": "Total interest"},
    "apr": {"zh": "名义年化利率", "en": "Nominal annualized rate"},
    "payoff": {"zh": "还清", "en": "Paid off"},
    "payoff_value": {"zh": "第 {n} 个月", "en": "in month {n}"},
    "fits": {"zh": "在预算之内？", "en": "Within your budget?"},
    "yes": {"zh": "是", "en": "Yes"},
    "no": {"zh": "否", "en": "No"},
    "no_over": {"zh": "否，最高一期超出 {over}", "en": "No, the highest payment is {over} over"},
    "method_label": {"zh": "还款方式", "en": "Method"},
    "option": {"zh": "方案", "en": "Option"},
    "use_in_message": {"zh": "用这个方案写协商信息", "en": "Use this option in my message"},
    "use_in_agreement": {"zh": "用这个方案记录协议", "en": "Use this option in my agreement"},
    "debt_free": {"zh": "还清时间", "en": "When paid off"},
    "debt_free_value": {"zh": "{month}还清", "en": "paid off in {month}"},
    "due": {"zh": "还款日", "en": "Due"},
    # Sections
    "compare": {"zh": "方案对比", "en": "The options side by side"},
    "details": {"zh": "各方案详情", "en": "Each option in detail"},
    "schedules": {"zh": "逐月还款明细", "en": "Month-by-month schedules"},
    "schedule_of": {"zh": "逐月明细：{title}", "en": "Month by month: {title}"},
    "period": {"zh": "期", "en": "Month"},
    "period_name": {"zh": "第 {n} 期", "en": "Month {n}"},
    # The schedule's money columns say their unit once, in the header (as the agreement's dates
    # do): the cells are plain amounts, and the CSV keeps plain numbers under the same headers.
    "payment": {"zh": "还款（元）", "en": "Payment (yuan)"},
    "principal": {"zh": "本金（元）", "en": "Principal (yuan)"},
    "interest": {"zh": "利息（元）", "en": "Interest (yuan)"},
    "balance": {"zh": "剩余欠款（元）", "en": "Balance (yuan)"},
    "your_debts": {"zh": "你的债务", "en": "Your debts"},
    "debt": {"zh": "债务", "en": "Debt"},
    "owed": {"zh": "现在欠款", "en": "Owed now"},
    "monthly_rate": {"zh": "月利率", "en": "Monthly rate"},
    "annual_rate": {"zh": "年化（名义）", "en": "Annual (nominal)"},
    "total_row": {"zh": "合计", "en": "Total"},
    "notes": {"zh": "说明", "en": "Notes"},
}

SCHEDULE_COLUMNS = ("period", "payment", "principal", "interest", "balance")

Titled = Sequence[tuple[Plan, str]]
"""Each option with its title in the page's language."""


def _titled(options: Options, lang: str) -> list[tuple[Plan, str]]:
    return [(plan, option_title(plan, lang)) for plan in options.plans]


def schedule_rows(plan: Plan) -> Iterator[tuple[int, Decimal, Decimal, Decimal, Decimal]]:
    """Each month of ``plan``: period, payment, principal ``= payment - interest``, interest, balance.

    >>> from calculators.plan.plans import build_plan
    >>> plan = build_plan("x", [Debt("a", Decimal(10000), Decimal("0.015"))], "equal_installment", 12)
    >>> next(schedule_rows(plan))
    (1, Decimal('916.80'), Decimal('766.80'), Decimal('150.00'), Decimal('9233.20'))
    """
    for period, (payment, interest, balance) in enumerate(
        zip(plan.payments, plan.interest, plan.balances, strict=True), 1
    ):
        yield period, payment, payment - interest, interest, balance


# --- The page ---------------------------------------------------------------------------------------


def _monthly_rate_percent(debt: Debt) -> str:
    """A debt's monthly rate in percent to 4 places: ``100 x r``."""
    return f"{debt.rate * 100:.4f}"


def _debts_table(debts: Sequence[Debt], lang: str) -> str:
    """Each debt with its monthly rate ``r`` and nominal annual rate ``12 x r``, and a total row."""
    rows = [
        [
            debt.name,
            yuan(debt.amount, lang),
            f"{_monthly_rate_percent(debt)}%",
            f"{percent_str(debt.rate * 12)}%",
        ]
        for debt in debts
    ]
    if len(debts) > 1:
        total = sum((debt.amount for debt in debts), ZERO)
        rows.append([t(MESSAGES, "total_row", lang), yuan(total, lang), "", ""])
    headers = [t(MESSAGES, k, lang) for k in ("debt", "owed", "monthly_rate", "annual_rate")]
    return table(headers, rows, caption=t(MESSAGES, "your_debts", lang))


def _comparison_table(titled: Titled, budget: Decimal, lang: str) -> str:
    """One row per option: first payment, months, total interest, and whether it fits."""
    rows = [
        [
            title,
            yuan(plan.first_payment, lang),
            str(plan.months),
            yuan(plan.total_interest, lang),
            t(MESSAGES, "yes" if plan.fits(budget) else "no", lang),
        ]
        for plan, title in titled
    ]
    headers = [t(MESSAGES, k, lang) for k in ("option", "first", "months", "total_interest", "fits")]
    return table(headers, rows)


def _figures(
    plan: Plan, budget: Decimal, chosen_method: str, lang: str, first_due: date | None = None
) -> list[tuple[str, str]]:
    """A card's label / value pairs. Over budget by ``highest payment - budget``; the payoff month
    only when it differs from the months; the method only when it is not the one chosen; the
    calendar month it is paid off when the first due date is known."""
    verdict = (
        t(MESSAGES, "yes", lang)
        if plan.fits(budget)
        else t(MESSAGES, "no_over", lang, over=yuan(plan.highest_payment - budget, lang))
    )
    first_label = "first_after_pause" if plan.pause else "first"
    figures = [
        (t(MESSAGES, first_label, lang), yuan(plan.first_payment, lang)),
        (t(MESSAGES, "last", lang), yuan(plan.last_payment, lang)),
        (t(MESSAGES, "highest", lang), yuan(plan.highest_payment, lang)),
        (t(MESSAGES, "months", lang), str(plan.months)),
        (t(MESSAGES, "total_paid", lang), yuan(plan.total_paid, lang)),
        (t(MESSAGES, "total_interest", lang), yuan(plan.total_interest, lang)),
        (t(MESSAGES, "apr", lang), f"{percent_str(plan.apr_nominal)}%"),
        (t(MESSAGES, "fits", lang), verdict),
    ]
    if plan.payoff_month != plan.months:
        figures.insert(
            4, (t(MESSAGES, "payoff", lang), t(MESSAGES, "payoff_value", lang, n=plan.payoff_month))
        )
    if plan.method != chosen_method:
        figures.insert(0, (t(MESSAGES, "method_label", lang), method_name(plan.method, lang)))
    if first_due is not None:
        month = month_name(payoff_date(plan, first_due), lang)
        figures.append((t(MESSAGES, "debt_free", lang), t(MESSAGES, "debt_free_value", lang, month=month)))
    return figures


def payoff_date(plan: Plan, first_due: date) -> date:
    """The due date of the month in which ``plan`` is paid off, month 1 being due on ``first_due``.

    10,000 at 1.5% a month over 12 months from March 31, 2027: paid off on February 29, 2028.

    >>> from calculators.plan.plans import build_plan
    >>> plan = build_plan("x", [Debt("a", Decimal(10000), Decimal("0.015"))], "equal_installment", 12)
    >>> payoff_date(plan, date(2027, 3, 31))
    datetime.date(2028, 2, 29)
    """
    return due_date(first_due, plan.payoff_month - 1)


def _agreement_fields(plan: Plan, first_due: date | None) -> dict[str, object]:
    """What the agreement calculator needs from an option: the payment after any pause, how many,
    the last one if different, and the first payment's date when the first due date is known."""
    return {
        "amount": money_str(plan.first_payment),
        "payments": plan.months - plan.pause,
        "last_amount": money_str(plan.last_payment) if plan.last_payment != plan.first_payment else "",
        "first_due": due_date(first_due, plan.pause).isoformat() if first_due else "",
        # After a pause the first payment may fall on a short month's last day: keep the due day.
        "due_day": first_due.day if first_due else "",
    }


def _card(plan: Plan, title: str, options: Options, lang: str, first_due: date | None = None) -> str:
    """One option's figures, with buttons that carry it into the message and agreement calculators."""
    button = carry_button(
        t(MESSAGES, "use_in_message", lang),
        "message",
        "5-communicate",
        {
            "amount_owed": money_str(plan.owed),
            "monthly_offer": money_str(plan.first_payment),
            "months": plan.months,
            "method": plan.method,
            "option": plan.key,
        },
    )
    button += carry_button(
        t(MESSAGES, "use_in_agreement", lang), "agreement", "6-follow-up", _agreement_fields(plan, first_due)
    )
    figures = definition_list(
        _figures(plan, options.budget, options.method, lang, first_due), "calc-figures calc-figures-compact"
    )
    why_last = ending_note(plan.ending, lang)
    if why_last:
        figures += paragraph(why_last, "calc-note calc-last-payment")
    css = "calc-option calc-option-fits" if plan.fits(options.budget) else "calc-option"
    return (
        f'<section class="{css}" data-option="{esc(plan.key)}">{heading(title, 4)}{figures}{button}</section>'
    )


def _columns(first_due: date | None) -> tuple[str, ...]:
    """The schedule's columns: a due date after the period when the first due date is known."""
    return SCHEDULE_COLUMNS if first_due is None else ("period", "due", *SCHEDULE_COLUMNS[1:])


def _due_cells(period: int, first_due: date | None, lang: str) -> list[str]:
    return [] if first_due is None else [date_name(due_date(first_due, period - 1), lang)]


def _schedule_table(plan: Plan, lang: str, first_due: date | None = None) -> str:
    """Every month of one option, amounts with thousands separators under headers that give their
    unit ("Payment (yuan)"), dated if the first due date is known; one card a month on phones."""
    headers = [t(MESSAGES, k, lang) for k in _columns(first_due)]
    rows = (
        [period, *_due_cells(period, first_due, lang)]
        + [f"{payment:,.2f}", f"{principal:,.2f}", f"{interest:,.2f}", f"{balance:,.2f}"]
        for period, payment, principal, interest, balance in schedule_rows(plan)
    )
    return table(
        headers,
        rows,
        css="calc-table calc-schedule calc-by-month",
        row_name=lambda n: t(MESSAGES, "period_name", lang, n=n),
    )


def _schedule(index: int, title: str, lang: str) -> str:
    """One option's schedule, collapsed under its title; the table itself is ``data["schedules"][index]``,
    which the page puts in only when the reader opens it (or prints)."""
    summary = esc(t(MESSAGES, "schedule_of", lang, title=title))
    return (
        f'<details class="calc-schedule-details" data-part="schedules" data-index="{index}">'
        f"<summary>{summary}</summary></details>"
    )


def _balances(titled: Titled) -> list[tuple[str, Sequence[Decimal]]]:
    """The chart's lines: each option's title and its balance after each month."""
    return [(title, plan.balances) for plan, title in titled]


def page_html(options: Options, lang: str, first_due: date | None = None) -> str:
    """The whole result, in the order the page shows it (dated from ``first_due`` if given)."""
    titled = _titled(options, lang)
    html = [
        "".join(paragraph(verdict, "calc-verdict") for verdict in verdicts(options, lang)),
        _debts_table(options.debts, lang),
        heading(t(MESSAGES, "compare", lang)),
        _comparison_table(titled, options.budget, lang),
        balance_chart(_balances(titled), options.owed, lang, "calc-plan-chart", table_later=True),
        heading(t(MESSAGES, "details", lang)),
        '<div class="calc-options">'
        + "".join(_card(plan, title, options, lang, first_due) for plan, title in titled)
        + "</div>",
    ]
    if options.strategies is not None:
        html.append(strategies_html(options.strategies, options.debts, options.budget, lang))
    html.append(heading(t(MESSAGES, "schedules", lang)))
    html.extend(_schedule(index, title, lang) for index, (_, title) in enumerate(titled))
    html.append(heading(t(MESSAGES, "notes", lang)))
    html.extend(paragraph(note, "calc-note") for note in notes(options, lang))
    return "".join(html)


# --- The data and the CSV ---------------------------------------------------------------------------


def _csv(titled: Titled, lang: str, first_due: date | None = None) -> str:
    """Every option's schedule in one table, with a BOM so spreadsheet apps read it as UTF-8
    (and a due date after the period when the first due date is known). Amounts are plain numbers
    (``916.80``) that a spreadsheet can add up; their unit is in the header ("Payment (yuan)")."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([t(MESSAGES, k, lang) for k in ("option", *_columns(first_due))])
    for plan, title in titled:
        for period, *rest in schedule_rows(plan):
            dated = [] if first_due is None else [due_date(first_due, period - 1).isoformat()]
            writer.writerow((title, period, *dated, *rest))
    return "\ufeff" + out.getvalue()


def _option_data(plan: Plan, budget: Decimal, lang: str, first_due: date | None = None) -> dict[str, Any]:
    """One option's figures, money as ``"1234.56"`` strings; with a first due date, the payoff
    date (``"2028-02-29"``). Its month-by-month rows are :func:`_option_schedule`."""
    data = {
        "key": plan.key,
        "title": option_title(plan, lang),
        "method": plan.method,
        "term_months": plan.term,
        "pause_months": plan.pause,
        "reduction_percent": f"{plan.reduction:.2f}",
        "monthly_payment_first": money_str(plan.first_payment),
        "monthly_payment_last": money_str(plan.last_payment),
        "last_payment_apart": plan.ending.apart,
        "monthly_payment_max": money_str(plan.highest_payment),
        "months": plan.months,
        "payoff_month": plan.payoff_month,
        "total_paid": money_str(plan.total_paid),
        "total_interest": money_str(plan.total_interest),
        "apr_nominal": percent_str(plan.apr_nominal),
        "fits_budget": plan.fits(budget),
    }
    if first_due is not None:
        data["payoff_date"] = payoff_date(plan, first_due).isoformat()
    return data


def _option_schedule(plan: Plan, first_due: date | None = None) -> list[dict[str, Any]]:
    """One option's months, money as ``"1234.56"`` strings (each month's due date when the first
    due date is known)."""
    rows: list[dict[str, Any]] = [
        {
            "period": period,
            "payment": str(payment),
            "principal": str(principal),
            "interest": str(interest),
            "balance": str(balance),
        }
        for period, payment, principal, interest, balance in schedule_rows(plan)
    ]
    if first_due is not None:
        for row in rows:
            row["due"] = due_date(first_due, row["period"] - 1).isoformat()
    return rows


def _debt_data(debt: Debt) -> dict[str, str]:
    return {
        "name": debt.name,
        "amount": money_str(debt.amount),
        "monthly_rate_percent": _monthly_rate_percent(debt),
        "apr_nominal": percent_str(debt.rate * 12),
    }


def page_data(options: Options, lang: str, first_due: date | None = None) -> dict[str, Any]:
    """The figures behind the page, without the parts built only when asked for (:func:`later_parts`):
    the options' figures and months, the month-by-month tables and the CSV."""
    return {
        "first_due": first_due.isoformat() if first_due else None,
        "owed": money_str(options.owed),
        "budget": money_str(options.budget),
        "method": options.method,
        "monthly_interest_now": money_str(options.interest_now),
        "never_repaid": options.never_repaid,
        "needed_payment": money_str(options.needed) if options.fit is None and options.needed else None,
        "needed_term": NEEDED_TERM,
        "fit_fallback": options.fallback,
        "unusually_high": bool(unusual_rates(options, lang)),
        "debts": [_debt_data(debt) for debt in options.debts],
        "strategies": strategies_data(options.strategies, options.debts)
        if options.strategies is not None
        else None,
        "csv_name": "repayment-plan.csv",
    }


def later_parts(options: Options, lang: str, first_due: date | None = None) -> dict[str, Callable[[], Any]]:
    """What :func:`page_data` leaves out, built when asked for (:attr:`calculators.page.base.Result.later`):
    ``options`` (each option's figures and its months as ``schedule``), ``schedules`` (one table per option,
    put in the page only when the reader opens it, or prints), ``chart_tables`` (the chart's data
    table, likewise) and ``csv`` (every option's months)."""

    def full_options() -> list[dict[str, Any]]:
        return [
            {
                **_option_data(plan, options.budget, lang, first_due),
                "schedule": _option_schedule(plan, first_due),
            }
            for plan in options.plans
        ]

    return {
        "options": full_options,
        "schedules": lambda: [_schedule_table(plan, lang, first_due) for plan in options.plans],
        "chart_tables": lambda: [chart_table(_balances(_titled(options, lang)), options.owed, lang)],
        "csv": lambda: _csv(_titled(options, lang), lang, first_due),
    }
