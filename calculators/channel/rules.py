"""Which channel to try first: a readable table of rules, evaluated over the reader's situation.

Every channel starts from a base score. Each :class:`Rule` names a condition (a key of
:data:`CONDITIONS`); when the condition holds, the rule adds its ``delta`` to its channel's score
and its ``reason`` is shown to the reader. Channels are ranked by score, ties in the order of
:data:`CHANNELS`, so the result is deterministic.

Two rules stand apart:

* **Exclusion**: a reader who can only use text (hearing or speech difficulty) gets no phone call
  suggested; the hotline is listed as left out, with the reason.
* **Eligibility of 12378** (the NFRA consumer complaint hotline): complaints normally go to the
  institution first, so 12378 is suggested only when the reader already asked the lender and got
  no answer in what they judge a reasonable time, a refusal, or an agreement not kept; or when
  collection contact is abusive.

>>> [c for c, _ in rank(Situation())]
['chat', 'hotline', 'letter', 'social']
>>> [c for c, _ in rank(Situation(contact="text_only"))]
['chat', 'letter', 'social']
>>> rank(Situation(tried="refused", tried_via="chat"))[0][0]
'regulator'
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ..core.i18n import Text

__all__ = [
    "BASE",
    "CHANNELS",
    "CONDITIONS",
    "DUE_SOON_DAYS",
    "EXCLUSIONS",
    "Rule",
    "RULES",
    "Situation",
    "excluded",
    "fired",
    "rank",
    "regulator_eligible",
    "score",
]

CHANNELS: tuple[str, ...] = ("chat", "hotline", "letter", "social", "regulator")
"""Every channel, in the order that breaks ties."""

BASE: dict[str, int] = {"chat": 50, "hotline": 40, "letter": 30, "social": 10, "regulator": 0}
"""Starting scores: the in-app chat is the usual first step; 12378 only when eligible."""

DUE_SOON_DAYS = 7
"""Our own threshold for "the due date is close" when ranking; not a rule of any lender."""


@dataclass(frozen=True)
class Situation:
    """What the reader told us, as plain values (see ``calculators/tools/channel.py`` for the choices)."""

    goal: str = ""
    due: str = ""
    days: int | None = None
    complexity: str = "simple"
    tried: str = "none"
    tried_via: str = ""
    waited_days: int | None = None
    collectors: str = "no"
    contact: str = "any"
    free_time: str = ""

    @property
    def urgent(self) -> bool:
        """Overdue, or due within :data:`DUE_SOON_DAYS` days."""
        if self.due == "overdue":
            return True
        return self.due == "before_due" and self.days is not None and self.days <= DUE_SOON_DAYS

    @property
    def lender_failed(self) -> bool:
        """The reader already asked the lender: no answer in a reasonable time, a refusal, or a broken agreement."""
        return self.tried in ("no_answer", "refused", "not_kept")

    def failed_via(self, channel: str) -> bool:
        """The lender failed the reader through ``channel``."""
        return self.lender_failed and self.tried_via == channel


CONDITIONS: dict[str, Callable[[Situation], bool]] = {
    "urgent": lambda s: s.urgent,
    "simple": lambda s: s.complexity == "simple",
    "some_detail": lambda s: s.complexity == "some",
    "complex": lambda s: s.complexity == "complex",
    "prefers_text": lambda s: s.contact == "text",
    "prefers_voice": lambda s: s.contact == "voice",
    "text_only": lambda s: s.contact == "text_only",
    "short_breaks": lambda s: s.free_time == "short_breaks",
    "still_waiting": lambda s: s.tried == "waiting",
    "lender_failed": lambda s: s.lender_failed,
    "not_kept": lambda s: s.tried == "not_kept",
    "chat_failed": lambda s: s.failed_via("chat"),
    "hotline_failed": lambda s: s.failed_via("hotline"),
    "letter_failed": lambda s: s.failed_via("letter"),
    "social_failed": lambda s: s.failed_via("social"),
    "collectors_contacting": lambda s: s.collectors in ("normal", "abusive"),
    "abusive": lambda s: s.collectors == "abusive",
    "goal_dispute": lambda s: s.goal == "dispute",
    "goal_harassment": lambda s: s.goal == "stop_harassment",
    "goal_relief": lambda s: s.goal in ("less_interest", "pause"),
}
"""Named conditions over a :class:`Situation`; rules refer to them by name."""


@dataclass(frozen=True)
class Rule:
    """When ``CONDITIONS[when]`` holds, ``channel`` gains ``delta`` (may be negative) for ``reason``."""

    channel: str
    when: str
    delta: int
    reason: Text


RULES: tuple[Rule, ...] = (
    # In-app chat
    Rule("chat", "urgent", 20, {
        "zh": "你的还款日快到了或已经逾期：App 内在线客服最容易马上开始。",
        "en": "Your due date is close or has passed: the in-app chat is the quickest to start.",
    }),
    Rule("chat", "simple", 15, {
        "zh": "你的请求清楚简单，一条简短的在线消息就能说明。",
        "en": "Your request is clear and simple: a short chat message can say it all.",
    }),
    Rule("chat", "prefers_text", 15, {
        "zh": "你更习惯文字沟通：在线客服是文字的。",
        "en": "You prefer writing: the chat is in text.",
    }),
    Rule("chat", "text_only", 30, {
        "zh": "你需要文字渠道：在线客服用文字交流，不需要听或说。",
        "en": "You need a text channel: the chat is written, with no listening or speaking needed.",
    }),
    Rule("chat", "short_breaks", 10, {
        "zh": "你只有零散的空闲时间：可以提前写好第五节的消息，到时直接粘贴发送。",
        "en": "You only have short breaks: write the message from section 5 beforehand and paste it in.",
    }),
    Rule("chat", "still_waiting", 10, {
        "zh": "你在等答复：通过在线客服简短、礼貌地跟进一次，很快，也留下文字记录。",
        "en": "You are waiting for an answer: a short, polite follow-up in the chat is quick and leaves a written record.",
    }),
    Rule("chat", "collectors_contacting", 10, {
        "zh": "已经有人在催收：通过贷款机构自己的官方渠道回复，你的方案有记录，也能确认对方身份。",
        "en": "Collectors are already contacting you: answering through the lender's own official channel puts your "
        "proposal on record, and you know who you are dealing with.",
    }),
    Rule("chat", "chat_failed", -60, {
        "zh": "你已经试过在线客服，没有结果：这次换一个渠道。",
        "en": "You already tried the chat and it didn't help: try another channel this time.",
    }),
    # Hotline
    Rule("hotline", "complex", 25, {
        "zh": "你的情况比较复杂：电话里可以一次说明清楚，并当场回答对方的问题。",
        "en": "Your situation has several parts: on a call you can explain it and answer questions in one go.",
    }),
    Rule("hotline", "some_detail", 10, {
        "zh": "有几个细节需要解释：电话里可以直接说明。",
        "en": "There are a few details to explain: a call lets you do that directly.",
    }),
    Rule("hotline", "prefers_voice", 20, {
        "zh": "你更习惯打电话沟通。",
        "en": "You prefer to talk.",
    }),
    Rule("hotline", "urgent", 10, {
        "zh": "你的还款日快到了或已经逾期：一通电话可能就能谈定。",
        "en": "Your due date is close or has passed: one call may settle it.",
    }),
    Rule("hotline", "prefers_text", -65, {  # enough to put a call below every text channel
        "zh": "你更习惯文字沟通，所以电话排在最后。",
        "en": "You prefer writing, so a call comes last.",
    }),
    Rule("hotline", "short_breaks", -15, {
        "zh": "打电话需要一段不被打断的时间，而你说这样的时间很少。",
        "en": "A call needs an uninterrupted stretch of time, which you said you rarely have.",
    }),
    Rule("hotline", "hotline_failed", -60, {
        "zh": "你已经打过客服热线，没有结果：这次换一个渠道。",
        "en": "You already tried the hotline without result: try another channel this time.",
    }),
    # Written request
    Rule("letter", "complex", 25, {
        "zh": "书面申请可以把每个细节写清楚，并附上证明材料。",
        "en": "A written request lets you set out every detail and add your proof.",
    }),
    Rule("letter", "goal_dispute", 25, {
        "zh": "对费用有异议，需要书面记录你对哪一笔有异议、为什么。",
        "en": "A dispute needs a written record of what you dispute and why.",
    }),
    Rule("letter", "goal_relief", 10, {
        "zh": "申请减免利息或暂缓还款时，写明你的预算和证明更有说服力。",
        "en": "Asking for less interest or a pause is more convincing with your budget and proof set out in writing.",
    }),
    Rule("letter", "not_kept", 30, {
        "zh": "之前的约定没有兑现或没有书面确认：把约定写下来，请对方书面答复。",
        "en": "An earlier agreement was not kept or not confirmed: put it in writing and ask for a written answer.",
    }),
    Rule("letter", "lender_failed", 15, {
        "zh": "之前的沟通没有结果：书面申请留下清楚的记录，之后如需投诉也用得上。",
        "en": "Earlier contact didn't work: a written request leaves a clear record, which also helps if you complain later.",
    }),
    Rule("letter", "abusive", 15, {
        "zh": "书面要求停止不当的催收，并保留证据（短信、通话记录、截图）。",
        "en": "Ask in writing for the abusive contact to stop, and keep the evidence (messages, call logs, screenshots).",
    }),
    Rule("letter", "goal_harassment", 10, {
        "zh": "要求停止骚扰式催收，书面提出最清楚。",
        "en": "A request to stop harassing contact is clearest in writing.",
    }),
    Rule("letter", "prefers_text", 10, {
        "zh": "你更习惯文字沟通。",
        "en": "You prefer writing.",
    }),
    Rule("letter", "text_only", 15, {
        "zh": "你需要文字渠道：书面申请不需要听或说。",
        "en": "You need a text channel: a written request needs no listening or speaking.",
    }),
    Rule("letter", "short_breaks", 10, {
        "zh": "可以利用零散时间一点一点写好。",
        "en": "You can write it bit by bit whenever you have a moment.",
    }),
    Rule("letter", "letter_failed", -40, {
        "zh": "你已经提交过书面申请，没有结果：这次换一个渠道。",
        "en": "You already sent a written request without result: try another channel this time.",
    }),
    # Official social-media accounts
    Rule("social", "lender_failed", 25, {
        "zh": "其他渠道没有结果：给官方账号发私信是另一个提出请求的途径。",
        "en": "Other channels haven't worked: a private message to the official accounts is one more way to ask.",
    }),
    Rule("social", "prefers_text", 5, {
        "zh": "你更习惯文字沟通：私信是文字的。",
        "en": "You prefer writing: a private message is in text.",
    }),
    Rule("social", "text_only", 5, {
        "zh": "你需要文字渠道：私信是文字的。",
        "en": "You need a text channel: a private message is in text.",
    }),
    Rule("social", "social_failed", -30, {
        "zh": "你已经给官方账号发过消息，没有结果。",
        "en": "You already wrote to the official accounts and it didn't help.",
    }),
    # The regulator's consumer hotline 12378 (only when eligible, see regulator_eligible)
    Rule("regulator", "lender_failed", 60, {
        "zh": "你已经向贷款机构提出过，但在合理时间内没有答复、被拒绝或约定没有兑现：现在可以向监管部门投诉。"
        "投诉并不意味着贷款机构必须接受你的方案；在此期间，尽量继续按你能承担的金额还款。",
        "en": "You already asked the lender and got no answer within a reasonable time, a refusal, or an agreement "
        "that wasn't kept: you can now complain to the regulator. A complaint doesn't oblige the lender to accept "
        "your plan; meanwhile, keep paying what you can afford.",
    }),
    Rule("regulator", "abusive", 45, {
        "zh": "你说催收方式有骚扰性：可以向监管部门投诉；同时也书面告知贷款机构。",
        "en": "You said the collectors' contact is abusive: you can complain to the regulator, and also tell the "
        "lender in writing.",
    }),
    Rule("regulator", "text_only", -20, {
        "zh": "12378 是电话热线：如果你不方便打电话，可以请信任的人帮你打。",
        "en": "12378 is a phone hotline: if you can't use the phone, ask someone you trust to help with the call.",
    }),
)  # fmt: skip

EXCLUSIONS: tuple[Rule, ...] = (
    Rule("hotline", "text_only", 0, {
        "zh": "你需要文字渠道，所以这里不建议打电话。如果你想打，可以请信任的人陪你一起打。",
        "en": "You need a text channel, so a phone call isn't suggested. If you want to call anyway, someone you "
        "trust can call with you.",
    }),
)  # fmt: skip
"""A channel is left out (not ranked) when its condition holds; the reason says why."""

NOT_YET_REGULATOR: dict[str, Text] = {
    "waiting": {
        "zh": "监管投诉热线 12378：你还在等贷款机构的答复。投诉通常应先向机构本身提出；如果它在合理时间内没有答复、"
        "拒绝，或者催收方式有骚扰性，可以再考虑 12378。",
        "en": "The regulator's hotline 12378: you are still waiting for the lender's answer. Complaints usually go to "
        "the lender first; if it doesn't answer within a reasonable time, refuses, or collection becomes "
        "abusive, you can turn to 12378.",
    },
    "first": {
        "zh": "监管投诉热线 12378：投诉通常应先向贷款机构本身提出，所以先从上面的渠道开始。"
        "如果它在合理时间内没有答复、拒绝，或者催收方式有骚扰性，可以拨打 12378。",
        "en": "The regulator's hotline 12378: complaints usually go to the lender first, so start with the "
        "channels above. If the lender doesn't answer within a reasonable time, refuses, or collection is "
        "abusive, you can call 12378.",
    },
}


def regulator_eligible(situation: Situation) -> bool:
    """12378 applies once the lender has failed the reader, or when collection is abusive."""
    return situation.lender_failed or CONDITIONS["abusive"](situation)


def fired(situation: Situation, channel: str | None = None) -> list[Rule]:
    """The rules whose condition holds, in table order (only ``channel``'s when given)."""
    return [
        rule
        for rule in RULES
        if (channel is None or rule.channel == channel) and CONDITIONS[rule.when](situation)
    ]


def score(channel: str, situation: Situation) -> int:
    """The channel's base score plus the deltas of its rules that fire."""
    return BASE[channel] + sum(rule.delta for rule in fired(situation, channel))


def excluded(situation: Situation) -> list[tuple[str, Text]]:
    """Channels left out for this reader, with the reason (12378 when not yet eligible)."""
    out = [(rule.channel, rule.reason) for rule in EXCLUSIONS if CONDITIONS[rule.when](situation)]
    if not regulator_eligible(situation):
        key = "waiting" if situation.tried == "waiting" else "first"
        out.append(("regulator", NOT_YET_REGULATOR[key]))
    return out


PHONE_CHANNELS: frozenset[str] = frozenset({"hotline", "regulator"})
"""Channels used by phone: for a reader who needs text, they come after every text channel."""


def rank(situation: Situation) -> list[tuple[str, int]]:
    """The suggested channels, best first, with their scores (a phone line never comes before a
    text channel for a reader who can only use text).

    >>> [c for c, _ in rank(Situation(contact="text_only", collectors="abusive", tried="refused", tried_via="chat"))]
    ['letter', 'chat', 'social', 'regulator']
    """
    left_out = {channel for channel, _ in excluded(situation)}
    scored = [(channel, score(channel, situation)) for channel in CHANNELS if channel not in left_out]
    order = {channel: index for index, channel in enumerate(CHANNELS)}
    text_only = CONDITIONS["text_only"](situation)
    return sorted(
        scored, key=lambda item: (text_only and item[0] in PHONE_CHANNELS, -item[1], order[item[0]])
    )
