"""Channel suggestion (section 4): rank the ways to reach the lender for this reader.

The ranking itself lives in :mod:`calculators.channel.rules` (a table of rules, tested case by
case); the fixed texts of each channel in :mod:`calculators.channel.texts`. This module declares
the form, turns the read values into a :class:`~calculators.channel.rules.Situation`, and renders.
"""

from __future__ import annotations

from typing import Any

from ..advice.goals import goal, goal_choices
from ..advice.safety import agent_field, scam_warning_html
from ..channel.rules import Situation, excluded, fired, rank, regulator_eligible
from ..channel.texts import CHANNEL_INFO, FREE_TIME, LETTER_SEND_CHAT_FAILED, URGENT_TIME, URGENT_TIME_LATER
from ..core.i18n import Text, pick, t
from ..page.base import Calculator, Result
from ..page.fields import Choice, Field
from ..page.markup import bullet_list, definition_list, esc, heading, ordered_list, paragraph

MESSAGES: dict[str, Text] = {
    "start_with": {"zh": "建议先从这里开始：{name}", "en": "Start here: {name}"},
    "goal": {"zh": "目标", "en": "Goal"},
    "goal_none": {"zh": "还没确定", "en": "Not decided yet"},
    "due": {"zh": "还款日", "en": "Due date"},
    "due_in": {"zh": "还有 {days} 天到期", "en": "Due in {days} days", "en_one:days": "Due in {days} day"},
    "due_before": {"zh": "还没到期", "en": "Not yet due"},
    "due_today": {"zh": "今天到期", "en": "Due today"},
    "overdue_days": {
        "zh": "已逾期 {days} 天",
        "en": "{days} days overdue",
        "en_one:days": "{days} day overdue",
    },
    "overdue": {"zh": "已逾期", "en": "Overdue"},
    "due_unknown": {"zh": "未填写", "en": "Not given"},
    "waited": {"zh": "已等待", "en": "Waited so far"},
    "waited_days": {"zh": "{days} 天", "en": "{days} days", "en_one:days": "{days} day"},
    "why": {"zh": "为什么排在这里", "en": "Why it ranks here"},
    "how": {"zh": "怎么联系", "en": "How to reach it"},
    "at_hand": {"zh": "准备好", "en": "Have at hand"},
    "best_time": {"zh": "最佳时间", "en": "Best time"},
    "record": {"zh": "事后记下", "en": "Write down afterwards"},
    "left_out": {"zh": "这次没有建议的渠道", "en": "Not suggested this time"},
    "waited_note": {
        "zh": "投诉时说明你第一次联系贷款机构的日期，以及已经等了多久（目前 {days} 天）。",
        "en": "When you complain, say when you first asked the lender and how long you have waited ({days} days "
        "so far).",
        "en_one:days": "When you complain, say when you first asked the lender and how long you have waited ({days} day "
        "so far).",
    },
    "sources": {
        "zh": "来源：App 内客服入口和热线（通常为 95188）流传很广，但我们没有找到官方页面核对，请以你的 App 显示为准；"
        "12378 是国家金融监督管理总局的消费者投诉热线，投诉通常先向贷款机构本身提出。整理于 2026-11-28。",
        "en": "Sources: the in-app service entry and the hotline (commonly 95188) are widely cited, but we found no "
        "official page to check them against, so go by what your app shows; 12378 is the consumer complaint hotline "
        "of the National Financial Regulatory Administration, and complaints usually go to the lender first. "
        "Compiled on November 28, 2026.",
    },
    "always": {
        "zh": "无论用哪个渠道：记下每次沟通（日期、时间、客服姓名或工号、约定了什么）；任何约定都要书面确认；"
        "等待答复期间，如果付得起，先按你提出的金额还款；先保证住房、水电、饮食等基本开支。",
        "en": "Whatever the channel: keep a note of every contact (date, time, agent name or ID, what was agreed); "
        "get any agreement in writing; if you can afford it, start paying what you offered while you wait for an "
        "answer; pay for essentials such as housing, utilities and food first.",
    },
    "rank_title": {"zh": "{n}. {name}", "en": "{n}. {name}"},
}

_EMPTY_GOAL = {"zh": "还没确定", "en": "Not sure yet"}

FIELDS: tuple[Field, ...] = (
    Field(
        "goal",
        "choice",
        {"zh": "你的目标", "en": "Your goal"},
        choices=goal_choices(_EMPTY_GOAL),
        required=False,
    ),
    Field(
        "due",
        "choice",
        {"zh": "还款日", "en": "Your due date"},
        choices=(
            Choice("", {"zh": "不确定", "en": "Not sure"}),
            Choice("before_due", {"zh": "还没到期", "en": "Not yet due"}),
            Choice("overdue", {"zh": "已经逾期", "en": "Already overdue"}),
        ),
        required=False,
    ),
    Field(
        "days",
        "whole",
        {"zh": "距离还款日的天数，或已逾期的天数", "en": "Days until the due date, or days overdue"},
        hint={"zh": "可以不填。", "en": "Optional."},
        unit={"zh": "天", "en": "days"},
        required=False,
        minimum=0,
        maximum=3650,
        show_when=("due", ("before_due", "overdue")),
    ),
    Field(
        "complexity",
        "choice",
        {"zh": "情况有多复杂", "en": "How complicated your situation is"},
        choices=(
            Choice(
                "simple",
                {"zh": "简单：一笔欠款，知道自己想要什么", "en": "Simple: one debt, and I know what I want"},
            ),
            Choice("some", {"zh": "有些细节需要解释", "en": "A few details to explain"}),
            Choice(
                "complex",
                {
                    "zh": "复杂：多笔欠款、有异议的费用或需要提供证明",
                    "en": "Complicated: several debts, a disputed charge, or proof to show",
                },
            ),
        ),
        default="simple",
        required=False,
    ),
    Field(
        "tried",
        "choice",
        {"zh": "你已经试过什么，结果如何", "en": "What you have already tried, and what happened"},
        choices=(
            Choice("none", {"zh": "还没有联系过", "en": "Nothing yet"}),
            Choice("waiting", {"zh": "已经提出，正在等答复", "en": "I asked and I'm waiting for an answer"}),
            Choice(
                "no_answer",
                {
                    "zh": "已经提出，但在合理时间内没有答复",
                    "en": "I asked, and got no answer within a reasonable time",
                },
            ),
            Choice(
                "refused",
                {"zh": "被拒绝，或对方的方案我还不起", "en": "Refused, or offered nothing I can pay"},
            ),
            Choice(
                "not_kept",
                {
                    "zh": "谈好了，但没有兑现或没有书面确认",
                    "en": "Agreed, but not kept or not confirmed in writing",
                },
            ),
        ),
        default="none",
        required=False,
    ),
    Field(
        "tried_via",
        "choice",
        {"zh": "通过哪个渠道", "en": "Through which channel"},
        choices=(
            Choice("", {"zh": "不记得 / 其他", "en": "Don't remember / other"}),
            Choice("chat", {"zh": "App 内在线客服", "en": "In-app chat"}),
            Choice("hotline", {"zh": "客服热线", "en": "The hotline"}),
            Choice("social", {"zh": "官方社交媒体账号", "en": "Official social-media accounts"}),
            Choice("letter", {"zh": "书面申请", "en": "A written request"}),
        ),
        required=False,
        show_when=("tried", ("waiting", "no_answer", "refused", "not_kept")),
    ),
    Field(
        "waited_days",
        "whole",
        {"zh": "已经等了多少天", "en": "How many days you have waited"},
        hint={"zh": "可以不填；投诉时会用到。", "en": "Optional; useful if you complain."},
        unit={"zh": "天", "en": "days"},
        required=False,
        minimum=0,
        maximum=3650,
        show_when=("tried", ("waiting", "no_answer")),
    ),
    Field(
        "collectors",
        "choice",
        {"zh": "有没有人在催收", "en": "Are collectors contacting you?"},
        choices=(
            Choice("no", {"zh": "没有", "en": "No"}),
            Choice("normal", {"zh": "有，方式正常", "en": "Yes, in a normal way"}),
            Choice(
                "abusive",
                {
                    "zh": "有，而且有骚扰性（威胁、辱骂、联系我身边的人、反复打电话）",
                    "en": "Yes, and it's abusive (threats, insults, contacting people around me, repeated calls)",
                },
            ),
        ),
        default="no",
        required=False,
    ),
    Field(
        "contact",
        "choice",
        {"zh": "你更适合哪种沟通方式", "en": "How you prefer to communicate"},
        choices=(
            Choice("any", {"zh": "都可以", "en": "Either is fine"}),
            Choice("text", {"zh": "更喜欢文字", "en": "I prefer text"}),
            Choice("voice", {"zh": "更喜欢打电话", "en": "I prefer to talk"}),
            Choice(
                "text_only",
                {"zh": "只能用文字（听力或说话有困难）", "en": "Text only (hearing or speech difficulty)"},
            ),
        ),
        default="any",
        required=False,
    ),
    Field(
        "free_time",
        "choice",
        {"zh": "你什么时候有空", "en": "When you are free"},
        choices=(
            Choice("", {"zh": "不确定", "en": "Not sure"}),
            Choice("weekday_day", {"zh": "工作日白天", "en": "Weekdays, during the day"}),
            Choice("evenings", {"zh": "晚上", "en": "Evenings"}),
            Choice("weekends", {"zh": "周末", "en": "Weekends"}),
            Choice("short_breaks", {"zh": "只有零散的时间", "en": "Only short, unpredictable breaks"}),
        ),
        required=False,
    ),
    agent_field(),
)


def situation_from(values: dict[str, Any]) -> Situation:
    """The read form values as a :class:`Situation` (hidden or empty fields take their defaults)."""
    return Situation(
        goal=values.get("goal") or "",
        due=values.get("due") or "",
        days=values.get("days"),
        complexity=values.get("complexity") or "simple",
        tried=values.get("tried") or "none",
        tried_via=values.get("tried_via") or "",
        waited_days=values.get("waited_days"),
        collectors=values.get("collectors") or "no",
        contact=values.get("contact") or "any",
        free_time=values.get("free_time") or "",
    )


def _due_text(s: Situation, lang: str) -> str:
    if s.due == "overdue":
        return (
            t(MESSAGES, "overdue_days", lang, days=s.days)
            if s.days is not None
            else t(MESSAGES, "overdue", lang)
        )
    if s.due == "before_due" and s.days == 0:
        return t(MESSAGES, "due_today", lang)
    if s.due == "before_due":
        return (
            t(MESSAGES, "due_in", lang, days=s.days)
            if s.days is not None
            else t(MESSAGES, "due_before", lang)
        )
    return t(MESSAGES, "due_unknown", lang)


def _summary(s: Situation, lang: str) -> str:
    pairs = [
        (
            t(MESSAGES, "goal", lang),
            pick(goal(s.goal).label, lang) if s.goal else t(MESSAGES, "goal_none", lang),
        ),
        (t(MESSAGES, "due", lang), _due_text(s, lang)),
    ]
    if s.waited_days is not None:
        pairs.append((t(MESSAGES, "waited", lang), t(MESSAGES, "waited_days", lang, days=s.waited_days)))
    return definition_list(pairs)


def _best_time(channel: str, s: Situation, lang: str) -> str:
    urgent = URGENT_TIME if s.free_time in ("", "weekday_day") else URGENT_TIME_LATER
    parts = [pick(urgent, lang)] if s.urgent and channel in ("chat", "hotline", "letter") else []
    parts.append(pick(CHANNEL_INFO[channel].best_time, lang))
    if s.free_time in FREE_TIME:
        parts.append(pick(FREE_TIME[s.free_time], lang))
    return " ".join(parts) if lang == "en" else "".join(parts)


def _steps(channel: str, s: Situation, lang: str) -> list[str]:
    """How to use the channel; a letter is not sent through the chat when the chat already failed."""
    steps = list(CHANNEL_INFO[channel].steps)
    if channel == "letter" and s.failed_via("chat"):
        steps[1] = LETTER_SEND_CHAT_FAILED
    return [pick(step, lang) for step in steps]


def _section(number: int, channel: str, s: Situation, lang: str) -> str:
    info = CHANNEL_INFO[channel]
    reasons = [pick(info.base_reason, lang)] + [pick(rule.reason, lang) for rule in fired(s, channel)]
    at_hand = [pick(item, lang) for item in info.at_hand]
    if channel == "regulator" and s.waited_days is not None:
        at_hand.append(t(MESSAGES, "waited_note", lang, days=s.waited_days))
    title = t(MESSAGES, "rank_title", lang, n=number, name=pick(info.name, lang))
    return (
        f'<section class="calc-channel" data-channel="{esc(channel)}">{heading(title, 3)}'
        f"{heading(t(MESSAGES, 'why', lang), 4)}{bullet_list(reasons)}"
        f"{heading(t(MESSAGES, 'how', lang), 4)}{ordered_list(_steps(channel, s, lang))}"
        f"{heading(t(MESSAGES, 'at_hand', lang), 4)}{bullet_list(at_hand)}"
        f"{heading(t(MESSAGES, 'best_time', lang), 4)}{paragraph(_best_time(channel, s, lang))}"
        f"{heading(t(MESSAGES, 'record', lang), 4)}{bullet_list(pick(item, lang) for item in info.record)}"
        "</section>"
    )


def calculate(values: dict[str, Any], lang: str) -> Result:
    """The ranked channels with reasons, steps, what to have at hand, timing and what to record."""
    s = situation_from(values)
    ranking = rank(s)
    left_out = excluded(s)
    parts = [scam_warning_html(lang)] if values.get("agent") else []
    first_name = pick(CHANNEL_INFO[ranking[0][0]].name, lang)
    parts.append(paragraph(t(MESSAGES, "start_with", lang, name=first_name), "calc-lead"))
    parts.append(_summary(s, lang))
    parts.extend(_section(index, channel, s, lang) for index, (channel, _) in enumerate(ranking, start=1))
    if left_out:
        parts.append(heading(t(MESSAGES, "left_out", lang), 3))
        parts.append(bullet_list(pick(reason, lang) for _, reason in left_out))
    parts.append(paragraph(t(MESSAGES, "always", lang), "calc-note"))
    parts.append(paragraph(t(MESSAGES, "sources", lang), "calc-source"))
    data = {
        "ranking": [{"channel": channel, "score": points} for channel, points in ranking],
        "left_out": [channel for channel, _ in left_out],
        "regulator_eligible": regulator_eligible(s),
        "urgent": s.urgent,
    }
    return Result(html="".join(parts), data=data)


CALCULATOR = Calculator(
    name="channel",
    title={"zh": "选哪个沟通渠道", "en": "Which channel to use"},
    intro={
        "zh": "回答几个问题，看看先从哪个渠道开始、怎么联系、准备什么、事后记下什么。",
        "en": "Answer a few questions to see which channel to start with, how to reach it, what to have ready "
        "and what to write down.",
    },
    fields=FIELDS,
    calculate=calculate,
    page="4-channels",
    submit={"zh": "给出建议", "en": "Suggest channels"},
)
