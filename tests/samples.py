"""Sample inputs for every calculator, good and bad, in both languages.

Used to check that the wheel inside Pyodide answers exactly like the host. A new calculator
adds its samples here (a test checks that every registered calculator has some).
"""

from __future__ import annotations

XSS = "<img src=x onerror=alert(1)>"

GOOD: dict[str, list[dict]] = {
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
}

BAD: dict[str, list[dict]] = {
    "true-cost": [
        {"amount": "abc", "kind": "fee", "fee": "-1", "periods": "0"},
        {"amount": "2亿", "kind": "daily", "daily_rate": "", "year_days": "365", "periods": "601"},
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
