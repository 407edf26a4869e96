"""Sample inputs for every calculator, good and bad, in both languages.

Used to check that the wheel inside Pyodide answers exactly like the host. A new calculator
adds its samples here (``tests/test_samples.py`` checks that every registered calculator has
good and bad ones, and that the good ones are accepted on the host).
"""

from __future__ import annotations

XSS = "<img src=x onerror=alert(1)>"


def _plan(debts: list[dict], method: str, **changes: str) -> dict:
    """A plan form as the page sends it: every field present, empty when not filled in."""
    fields = {
        "debts": [
            {"name": "", "rate_kind": "annual", "fee_periods": "", "overdue_days": "", **debt}
            for debt in debts
        ],
        "budget": "1500",
        "method": method,
        "current_months": "12",
        "longer_term": "36",
        "reduction": "50",
        "pause_months": "3",
        "pause_then_term": "36",
    }
    fields.update(changes)
    return fields


ONE_DEBT = [{"name": "花呗", "amount": "10,000", "rate_kind": "monthly", "rate": "1.5"}]
THREE_DEBTS = [
    {"name": "花呗", "amount": "5000", "rate_kind": "annual", "rate": "18"},
    {"name": "借呗", "amount": "2万", "rate_kind": "daily", "rate": "0.05", "overdue_days": "30"},
    {"name": XSS, "amount": "3000", "rate_kind": "fee", "rate": "8.8", "fee_periods": "12"},
]
CAPACITY = {
    "incomes": [{"name": "工资", "amount": "8000"}],
    "housing": "2500",
    "food": "1500",
    "transport": "300",
    "utilities": "200",
    "medical": "",
    "family": "500",
    "other": "",
    "other_debts": "500",
    "current_due": "2000",
    "savings": "10000",
    "margin": "10",
}
MESSAGE_FROM_PLAN = {
    "amount_owed": "12000.00",
    "monthly_offer": "916.80",
    "months": "14",
    "method": "equal_installment",
    "option": "longer_term",
}

AGREEMENT = {
    "amount": "916.80",
    "payments": "12",
    "last_amount": "916.81",
    "first_due": "2028-01-31",
    "due_day": "",
    "interest": "frozen",
    "charges": "unknown",
    "confirmed_via": "chat",
    "agent": "",
    "reminder_days": "3",
    "credit_every": "6",
}

CONTACT = {
    "date": "2026-12-03",
    "time": "14:30",
    "channel": "chat",
    "agent": "客服 8023",
    "said": "我说明了收入减少，请求延期还款。",
    "agreed": "同意分 12 期，每期 916.80 元",
    "next_step": "等短信确认",
    "next_date": "2026-12-10",
}
FUND = {
    "essentials": "3000",
    "cover_months": "3",
    "savings": "2000",
    "repayment": "916.80",
    "left": "800",
    "plan_saving": "",
}

GOOD: dict[str, list] = {
    "true-cost": [
        {"amount": "1万", "kind": "fee", "fee": "8.8%", "periods": "12"},
        {
            "amount": "１２，０００元",
            "kind": "daily",
            "daily_rate": "0.05",
            "year_days": "365",
            "periods": "6",
        },
        {"amount": "5000", "kind": "monthly", "monthly_rate": "1.5", "periods": "24"},
        {"amount": "¥8,000", "kind": "annual", "annual_rate": "18", "periods": "36"},
    ],
    "capacity": [
        CAPACITY,  # a changed plan of up to 1,700 a month
        {**CAPACITY, "current_due": "1000"},  # keep paying as agreed
        {
            **CAPACITY,
            "incomes": [{"name": "兼职", "amount": "3000"}, {"name": XSS, "amount": "1,200.50"}],
            "current_due": "",
            "savings": "",
        },  # nothing left: ask for a pause
    ],
    "plan": [
        _plan(ONE_DEBT, "equal_installment"),  # every option
        _plan(ONE_DEBT, "equal_principal", budget="600", pause_months=""),
        _plan(ONE_DEBT, "interest_first", reduction="100", current_months=""),  # "fits" falls back
        _plan(THREE_DEBTS, "equal_installment"),  # avalanche and snowball compared
        _plan(THREE_DEBTS, "equal_principal", budget="2500", longer_term="60"),
        _plan(THREE_DEBTS, "interest_first", budget="300"),  # never repaid at this budget
    ],
    "prepare": [
        {},
        {"have_account": "on", "have_budget": "on", "goal_longer_term": "on", "goal_dispute": "on"},
        {
            **dict.fromkeys(
                ("have_account", "have_contract", "have_record", "have_proof", "have_budget", "have_log"),
                "on",
            ),
            "goal_installments": "on",
        },
    ],
    "channel": [
        {},
        {
            "goal": "stop_harassment",
            "due": "overdue",
            "days": "45",
            "complexity": "complex",
            "tried": "no_answer",
            "tried_via": "hotline",
            "waited_days": "20",
            "collectors": "abusive",
            "contact": "text_only",
            "free_time": "evenings",
            "agent": "on",
        },
        {
            "goal": "longer_term",
            "due": "before_due",
            "days": "0",
            "contact": "voice",
            "free_time": "short_breaks",
        },
    ],
    "message": [
        {},
        {
            **MESSAGE_FROM_PLAN,
            "message_lang": "en",
            "reason": "job_loss",
            "reason_detail": XSS,
            "product": "jiebei",
            "has_proof": "on",
            "pay_meanwhile": "on",
            "extra": XSS + "\n第二行",
            "agent": "on",
        },
        {**MESSAGE_FROM_PLAN, "message_lang": "zh", "goal": "pause", "option": "", "pay_meanwhile": ""},
    ],
    "agreement": [
        AGREEMENT,  # due on the 31st: 29 February 2028, and credit-report reminders
        {
            **AGREEMENT,
            "amount": "1,200元",
            "payments": "３６",
            "last_amount": "",
            "first_due": "2026年12月15日",
            "due_day": "30",
            "interest": "unknown",
            "confirmed_via": "call",
            "agent": XSS,
            "reminder_days": "0",
            "credit_every": "",
        },
        {**AGREEMENT, "payments": "1", "last_amount": "", "first_due": "2099/12/31", "credit_every": "12"},
    ],
    "emergency-fund": [
        FUND,  # 9 months: 8 x 800, then 600
        {**FUND, "savings": "1万"},  # already reached
        {**FUND, "left": "0"},  # nothing left to save
        {**FUND, "plan_saving": "1,000元", "cover_months": "６"},  # saving would take from the repayment
        {**FUND, "left": "1", "savings": ""},  # more than 600 months: no month-by-month plan
    ],
    "contact-log": [
        CONTACT,  # every field
        {"date": "2026年12月3日", "time": "９：０５", "channel": "hotline", "agreed": "下月再谈"},
        {**CONTACT, "agent": XSS, "said": "<script>alert(1)</script>", "next_date": ""},
    ],
}


def _pack(**sources: dict | str) -> dict:
    """A pack form as the page sends it: every part ticked but the checklist (its default), and each
    source calculator's kept inputs as JSON text (``""`` when nothing is kept)."""
    import json

    fields = {f"include_{part}": "on" for part in ("budget", "plan", "message", "agreement", "steps")}
    fields |= {"include_checklist": "", "option": "auto", "message_text": "letter"}
    for name in ("capacity", "plan", "message", "agreement", "prepare"):
        value = sources.get(name, "")
        fields[f"{name}_fields"] = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
    return fields


PACK_FULL = _pack(
    capacity=CAPACITY,
    plan=_plan(ONE_DEBT, "equal_installment", first_due="2028-01-31"),
    message=MESSAGE_FROM_PLAN,
    agreement=AGREEMENT,
    prepare=GOOD["prepare"][1],
)
GOOD["pack"] = [
    PACK_FULL,
    {**PACK_FULL, "include_checklist": "on", "option": "pause", "message_text": "chat"},
    _pack(),  # nothing kept yet: every part says which calculator to fill in
    _pack(capacity={**CAPACITY, "food": "lots"}, plan=_plan(THREE_DEBTS, "interest_first", budget="300")),
    {**_pack(capacity=CAPACITY), **dict.fromkeys(("include_budget", "include_plan", "include_steps"), "")},
]

BAD: dict[str, list] = {
    "true-cost": [
        {"amount": "abc", "kind": "fee", "fee": "-1", "periods": "0"},
        {"amount": "2亿", "kind": "daily", "daily_rate": "", "year_days": "365", "periods": "601"},
    ],
    "capacity": [
        {**CAPACITY, "incomes": [{"name": "x" * 31, "amount": ""}], "food": "lots", "margin": "101"},
        {**CAPACITY, "incomes": []},
        {**CAPACITY, "margin": "120"},
    ],
    "plan": [
        _plan([{**ONE_DEBT[0], "amount": XSS}], "equal_installment"),
        _plan(  # a bad value in every kind of field
            [{**THREE_DEBTS[0], "rate": "abc"}, {**THREE_DEBTS[1], "rate_kind": "yearly"}, THREE_DEBTS[2]],
            "balloon",
            budget="-1",
            current_months="601",
            longer_term="7",
            pause_months="13",
        ),
        _plan(  # values that are only wrong together: checked after reading
            [THREE_DEBTS[0], {**THREE_DEBTS[1], "rate": "11"}, THREE_DEBTS[2]],
            "interest_first",
            budget="0",
            reduction="150",
        ),
    ],
    "prepare": [
        [],  # not a form at all: a list instead of the fields
        "have_account=on",
    ],
    "channel": [
        {"goal": XSS, "due": "overdue", "days": XSS},
        {"tried": "waiting", "waited_days": "-3", "contact": "telepathy"},
    ],
    "message": [
        {"reason_detail": "x" * 201, "extra": XSS, "amount_owed": XSS},
        {"amount_owed": "1000", "monthly_offer": "1,500"},
        {**MESSAGE_FROM_PLAN, "months": "601", "option": "longer"},
    ],
    "agreement": [
        {  # a bad value in every field
            **AGREEMENT,
            "amount": XSS,
            "payments": "601",
            "last_amount": "-5",
            "first_due": "2027-02-29",
            "due_day": "32",
            "interest": "maybe",
            "charges": XSS,
            "confirmed_via": "pigeon",
            "agent": "x" * 41,
            "reminder_days": "31",
            "credit_every": "5",
        },
        {**AGREEMENT, "amount": "", "payments": "0", "first_due": "tomorrow", "reminder_days": "-1"},
        {**AGREEMENT, "first_due": "1999-12-31"},
    ],
    "emergency-fund": [
        {  # a bad value in every field
            "essentials": XSS,
            "cover_months": "13",
            "savings": "-1",
            "repayment": "lots",
            "left": "2亿",
            "plan_saving": "0",
        },
        {**FUND, "essentials": "", "cover_months": "0", "left": ""},
    ],
    "pack": [
        {**PACK_FULL, "option": "best", "message_text": XSS},  # choices the form does not offer
        {**PACK_FULL, "capacity_fields": ["not", "text"], "plan_fields": {"debts": 1}},
    ],
    "contact-log": [
        {"date": "2026-12-03", "time": "14:30", "channel": "chat"},  # nothing but the date
        {**CONTACT, "said": "x" * 10_000, "time": "25:61", "date": "2026-02-30"},
        {**CONTACT, "channel": XSS, "agent": "x" * 101, "next_date": "tomorrow"},
    ],
}

CASES: list[dict] = [
    {"calculator": name, "fields": fields, "lang": lang}
    for source in (GOOD, BAD)
    for name, samples in source.items()
    for fields in samples
    for lang in ("zh", "en")
] + [
    {"calculator": "nope", "fields": {}, "lang": "zh"},
    {"calculator": "true-cost", "fields": {}, "lang": "xx"},
]
