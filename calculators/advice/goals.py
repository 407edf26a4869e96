"""What a reader may want from the conversation, shared by ``prepare``, ``channel`` and ``message``.

Each goal has a form label (site language), a short noun phrase for a one-line summary, and an
``ask`` phrase that completes "我希望…… / I would like …" in a generated message (message language).

>>> join_phrases(["a", "b", "c"], "en")
'a, b and c'
>>> join_phrases(["甲", "乙"], "zh")
'甲、乙'
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ..core.i18n import Text, written_lang
from ..page.fields import Choice

__all__ = ["GOALS", "GOAL_KEYS", "Goal", "goal", "goal_choices", "join_phrases"]


@dataclass(frozen=True)
class Goal:
    """One goal: ``key`` for forms and data, ``label`` for the form, ``short`` and ``ask`` for texts."""

    key: str
    label: Text
    short: Text
    ask: Text


GOALS: tuple[Goal, ...] = (
    Goal(
        "longer_term",
        {"zh": "延长还款期限", "en": "A longer repayment term"},
        {"zh": "延长还款期限", "en": "a longer repayment term"},
        {
            "zh": "延长还款期限，降低每月还款额",
            "en": "to extend my repayment term so that each payment is smaller",
        },
    ),
    Goal(
        "less_interest",
        {"zh": "减免部分或全部利息", "en": "Less or no interest"},
        {"zh": "减免部分或全部利息", "en": "less or no interest"},
        {
            "zh": "暂停计收利息和费用，并减免部分或全部利息",
            "en": "to have interest and charges frozen, and part or all of the interest waived",
        },
    ),
    Goal(
        "installments",
        {"zh": "分期还款", "en": "Repay in installments"},
        {"zh": "分期还款", "en": "repaying in installments"},
        {
            "zh": "把欠款分期偿还，每月还一个我能承担的金额",
            "en": "to repay what I owe in monthly installments I can afford",
        },
    ),
    Goal(
        "pause",
        {"zh": "暂缓还款一段时间", "en": "A pause in payments"},
        {"zh": "暂缓还款一段时间", "en": "a pause in payments"},
        {
            "zh": "暂缓还款一段时间，等我的情况稳定后再恢复",
            "en": "to pause my payments for a while, until my situation is stable again",
        },
    ),
    Goal(
        "stop_harassment",
        {"zh": "停止骚扰式催收", "en": "An end to harassing collection calls"},
        {"zh": "停止骚扰式催收", "en": "an end to harassing collection calls"},
        {
            "zh": "催收联系保持正常、尊重，不再骚扰我或我身边的人",
            "en": "collectors to contact me in a normal, respectful way, without harassing me or the people around me",
        },
    ),
    Goal(
        "dispute",
        {"zh": "对某笔费用提出异议", "en": "Dispute a charge"},
        {"zh": "核查有异议的费用", "en": "a check of a charge I dispute"},
        {
            "zh": "核查并更正一笔我有异议的费用（【有异议的费用：日期、金额】）",
            "en": "a charge I dispute ([disputed charge: date, amount]) to be checked and corrected",
        },
    ),
)

GOAL_KEYS: tuple[str, ...] = tuple(g.key for g in GOALS)
_BY_KEY = {g.key: g for g in GOALS}


def goal(key: str) -> Goal:
    """The goal called ``key`` (``KeyError`` for an unknown key)."""
    return _BY_KEY[key]


def goal_choices(empty: Text | None = None) -> tuple[Choice, ...]:
    """The goals as choices for a ``choice`` field, optionally after an empty "not specified" choice."""
    first = (Choice("", empty),) if empty else ()
    return first + tuple(Choice(g.key, g.label) for g in GOALS)


def join_phrases(phrases: Sequence[str], lang: str) -> str:
    """Join phrases as a list reads in ``lang``: 甲、乙、丙 / a, b and c."""
    if written_lang(lang) == "zh":
        return "、".join(phrases)
    if len(phrases) <= 1:
        return "".join(phrases)
    return ", ".join(phrases[:-1]) + " and " + phrases[-1]
