"""The sentences around a repayment plan's figures: the verdict above them and the notes below.

Verdict: if a term up to 600 months keeps every payment within the budget ``B``, the shortest
one and its first payment. Otherwise, if ``B`` does not exceed this month's interest
``sum(round(P_j x r_j))`` the debts are never repaid; either way the page says what payment would
repay them in 60 months (equal installments). Then which of the other options fit ``B``.

Worked case: 10,000 at 1.5% a month. This month's interest is 150.00, so 150 a month never
repays it; 150.01 a month would take more than 600 months; equal installments over 60 months
need 254.33 a month (the last, highest payment).
"""

from __future__ import annotations

from ..core.i18n import Text, t, written_lang
from ..core.limits import unusual_note
from ..core.money import display_money
from .debts import smallest_budget
from .options import NEEDED_TERM, Options, method_name, option_title

__all__ = ["notes", "stop_growing", "unusual_rates", "verdicts"]

MESSAGES: dict[str, Text] = {
    # Verdicts
    "never": {
        "zh": "按每月 {budget} 元，欠款不会减少：这个月光利息就有 {interest} 元。每月还款超过 {interest} 元，"
        "欠款才会开始减少。所以，请贷款机构减少利息或先暂停还款，对你很重要。",
        "en": "At {budget} yuan a month, what you owe would not go down: this month's interest alone is {interest} "
        "yuan, and only payments above that start to reduce it. That is why asking the lender for less interest, "
        "or a pause, matters so much.",
    },
    "too_long": {
        "zh": "按每月 {budget} 元，600 个月（50 年）内都还不完。",
        "en": "At {budget} yuan a month the debts would take more than 600 months (50 years) to repay.",
    },
    "needed": {
        "zh": "要在 {term} 个月内还清（等额本息），每月需要 {needed} 元。",
        "en": "To pay it all off in {term} months (equal installments), you would need {needed} yuan a month.",
    },
    "needed_none": {
        "zh": "按这样的利率，{term} 个月的等额本息每期还款只够付利息，用这种方式无法在 {term} 个月内还清。",
        "en": "At these rates, equal installments over {term} months would pay only interest: the debts can't "
        "be repaid that way in {term} months.",
    },
    "stop_growing": {
        "zh": "要在你选的 {term} 个月内还清，每月至少要还 {payment} 元（每月按这个数全额还）。",
        "en": "To pay it all off within the {term} months you chose, you would need to pay at least {payment} "
        "yuan every month.",
    },
    "relief_shown": {
        "zh": "如果做不到，可以请求减免或停止计息，或者先暂停还款——下面列出了这些方案的数字。",
        "en": "If that is out of reach, you can ask for the interest to be reduced or stopped, or for a pause "
        "first; the options below show the figures.",
    },
    "relief_hidden": {
        "zh": "如果做不到，可以请求减免或停止计息，或者先暂停还款：在上面填写想减少的利息比例或暂停的月数，就能看到这些方案的数字。",
        "en": "If that is out of reach, you can ask for the interest to be reduced or stopped, or for a pause "
        "first: fill in the cut or the pause above to see their figures.",
    },
    "fit_found": {
        "zh": "你每月能还 {budget} 元：如果请贷款机构按{method}重新分期，每期都不超过预算的最短期限是 {n} 个月，"
        "首期 {payment} 元。",
        "en": "You can pay {budget} yuan a month: if the lender spreads what you owe over a new term with "
        "{method}, the shortest term that keeps every installment within it is {n} months, starting at "
        "{payment} yuan a month.",
    },
    "within": {"zh": "在预算之内的方案：{names}。", "en": "Options within your budget: {names}."},
    "none_within": {
        "zh": "以上方案都超出了你每月能还的金额。",
        "en": "None of these options stays within what you can pay each month.",
    },
    "list_sep": {"zh": "、", "en": "; "},
    # Notes
    "note_rates": {
        "zh": "利率都换算成月利率：年利率 ÷ 12；日利率 × 365 ÷ 12（按一年 365 天计算）；"
        "分期总手续费按现金流的内部收益率换算。",
        "en": "Every rate is turned into a monthly rate: an annual rate ÷ 12; a daily rate × 365 ÷ 12 (a 365-day "
        "year is assumed); a total installment fee through the internal rate of return of its payments.",
    },
    "fit_fallback": {
        "zh": "按{chosen}，最后一期要还清全部本金，没有哪个期限能让每期都不超过预算；所以“符合我的预算”改用等额本息计算。",
        "en": "With {chosen} the last payment repays the whole amount, so no term keeps every payment within "
        "your budget; the “fits my budget” option therefore uses equal installments.",
    },
    "note_current": {
        "zh": "“现在的约定”按你填写的还款方式和利率、剩余 {n} 个月计算；请与 App 里的还款计划核对。",
        "en": "“Current terms” uses the method and rates you entered over the {n} months left; check it against "
        "the schedule in your app.",
        "en_one:n": "“Current terms” uses the method and rates you entered over the {n} month left; check it "
        "against the schedule in your app.",
    },
    "note_reduced": {
        "zh": "利息减少的比例是你提出的方案，不代表贷款机构会同意；它和“延长期限”用同样的期数，方便对比。",
        "en": "The interest cut is your proposal, not something the lender has agreed to; it uses the same term "
        "as the longer-term option so the two compare directly.",
    },
    "note_pause": {
        "zh": "暂停期间，这里假设利息仍按你填写的利率计算并加进欠款（明细里的本金显示为负数）。"
        "贷款机构实际怎么计息、是否另收罚息，请向对方确认；这里不做猜测。",
        "en": "During a pause we assume interest is still charged at the rate you entered and added to what you "
        "owe (the schedule shows it as negative principal). Ask the lender how they would charge interest and "
        "whether penalties apply; we don't guess.",
    },
    "note_overdue": {
        "zh": "“{name}”已逾期 {days} 天：请填写 App 里显示的当前欠款（含已产生的逾期利息）。逾期后的利率可能不同，"
        "请查看合同；这里按你填写的利率计算。",
        "en": "“{name}” is {days} days overdue: enter what the app shows you owe now, including overdue interest "
        "already charged. The rate after falling overdue may differ (see your contract); these figures use the "
        "rate you entered.",
        "en_one:days": "“{name}” is {days} day overdue: enter what the app shows you owe now, including overdue "
        "interest already charged. The rate after falling overdue may differ (see your contract); these figures "
        "use the rate you entered.",
    },
    "note_apr": {
        "zh": "名义年化利率 = 12 × 让各期还款的现值等于欠款的月利率（内部收益率）。",
        "en": "Nominal annualized rate = 12 × the monthly rate at which the payments are worth exactly what you "
        "owe (their internal rate of return).",
    },
    "note_rounding": {
        "zh": "每期还款和利息都四舍五入到分，最后一期付清剩余本金和利息，所以最后一期可能差几分钱。"
        "这些是估算，请以 App 里的账单为准。",
        "en": "Payments and interest are rounded to the fen and the last payment clears what remains, so it may "
        "differ by a few fen. These are estimates: your bill in the app is what counts.",
    },
    "note_rounding_apart": {
        "zh": "每期还款和利息都四舍五入到分，最后一期付清剩余本金和利息，所以最后一期可能和平常的还款不同；"
        "相差超过 1 元或提前还清时，方案旁边会说明原因。这些是估算，请以 App 里的账单为准。",
        "en": "Payments and interest are rounded to the fen and the last payment clears what remains, so it can "
        "differ from the regular payment; where it differs by more than 1.00 or the debts are repaid early, "
        "the option says why beside its figures. These are estimates: your bill in the app is what counts.",
    },
}


def chosen_term(options: Options) -> int:
    """The term the reader chose: their proposed longer term (always asked for)."""
    return next(plan.term for plan in options.plans if plan.key == "longer_term")


def stop_growing(options: Options, lang: str) -> str:
    """What would stop the balance growing: the smallest monthly payment that repays every debt
    within the reader's term (:func:`calculators.plan.debts.smallest_budget`).

    >>> from decimal import Decimal
    >>> from calculators.plan.debts import Debt
    >>> from calculators.plan.options import build_options
    >>> values = {"budget": Decimal(150), "method": "equal_installment", "current_months": None,
    ...           "longer_term": "12", "reduction": None, "pause_months": None,
    ...           "debts": [{"overdue_days": None}]}
    >>> stop_growing(build_options(values, [Debt("x", Decimal(10000), Decimal("0.015"))]), "en")
    'To pay it all off within the 12 months you chose, you would need to pay at least 916.81 yuan every month.'
    """
    term = chosen_term(options)
    payment = display_money(smallest_budget(options.debts, term))
    return t(MESSAGES, "stop_growing", lang, term=term, payment=payment)


def _outlook(options: Options, lang: str) -> str:
    """The shortest term within the budget, or why there is none and what payment would do.

    When the budget never repays the debts, the sentence on asking for relief says the figures
    are below only if a cut or a pause is among the options shown.
    """
    budget = display_money(options.budget)
    fit = options.fit
    if fit is not None:
        method = method_name(fit.method, lang)
        payment = display_money(fit.first_payment)
        return t(MESSAGES, "fit_found", lang, budget=budget, method=method, n=fit.months, payment=payment)
    interest = display_money(options.interest_now)
    sentences = [
        t(MESSAGES, "never" if options.never_repaid else "too_long", lang, budget=budget, interest=interest)
    ]
    sentences.append(stop_growing(options, lang))
    if options.needed is None:
        sentences.append(t(MESSAGES, "needed_none", lang, term=NEEDED_TERM))
    else:
        sentences.append(t(MESSAGES, "needed", lang, term=NEEDED_TERM, needed=display_money(options.needed)))
    if options.never_repaid:
        shown = any(plan.key in ("reduced_interest", "pause") for plan in options.plans)
        sentences.append(t(MESSAGES, "relief_shown" if shown else "relief_hidden", lang))
    return ("" if written_lang(lang) == "zh" else " ").join(sentences)


def verdicts(options: Options, lang: str) -> list[str]:
    """The outlook, then the options other than "fits my budget" whose every payment fits.

    >>> from decimal import Decimal
    >>> from calculators.plan.debts import Debt
    >>> from calculators.plan.options import build_options
    >>> values = {"budget": Decimal(150), "method": "equal_installment", "current_months": None,
    ...           "longer_term": "12", "reduction": None, "pause_months": None,
    ...           "debts": [{"overdue_days": None}]}
    >>> said = verdicts(build_options(values, [Debt("x", Decimal(10000), Decimal("0.015"))]), "en")
    >>> said[0].split(": ")[0]
    'At 150.00 yuan a month, what you owe would not go down'
    >>> "To pay it all off in 60 months (equal installments), you would need 254.33 yuan a month" in said[0]
    True
    >>> said[0].endswith("fill in the cut or the pause above to see their figures.")
    True
    >>> said[1]
    'None of these options stays within what you can pay each month.'
    """
    said = [_outlook(options, lang)]
    within = [
        option_title(plan, lang)
        for plan in options.plans
        if plan.fits(options.budget) and plan.key != "fits_budget"
    ]
    if within:
        said.append(t(MESSAGES, "within", lang, names=t(MESSAGES, "list_sep", lang).join(within)))
    elif options.fit is None:
        said.append(t(MESSAGES, "none_within", lang))
    return said + unusual_rates(options, lang)


def unusual_rates(options: Options, lang: str) -> list[str]:
    """An "unusually high" sentence for each debt whose rate (``12 r`` a year) or fee is above the
    thresholds of :mod:`calculators.core.limits`, naming the debt when there are several."""
    fees = options.fee_percents or (None,) * len(options.debts)
    several = len(options.debts) > 1
    found = (
        unusual_note(debt.rate * 12, lang, fee_percent=fee, name=debt.name if several else None)
        for debt, fee in zip(options.debts, fees, strict=True)
    )
    return [sentence for sentence in found if sentence]


def notes(options: Options, lang: str) -> list[str]:
    """How the figures were worked out, with a note for each option or debt that needs one."""
    plans = {plan.key: plan for plan in options.plans}
    said = [t(MESSAGES, "note_rates", lang)]
    if options.fallback:
        said.append(t(MESSAGES, "fit_fallback", lang, chosen=method_name(options.method, lang)))
    if "current" in plans:
        said.append(t(MESSAGES, "note_current", lang, n=plans["current"].term))
    if "reduced_interest" in plans:
        said.append(t(MESSAGES, "note_reduced", lang))
    if "pause" in plans:
        said.append(t(MESSAGES, "note_pause", lang))
    said.extend(
        t(MESSAGES, "note_overdue", lang, name=debt.name, days=days)
        for debt, days in zip(options.debts, options.overdue_days, strict=True)
        if days
    )
    said.append(t(MESSAGES, "note_apr", lang))
    few_fen = all(plan.ending.few_fen for plan in options.plans)
    said.append(t(MESSAGES, "note_rounding" if few_fen else "note_rounding_apart", lang))
    return said
