"""What the reader needs to use each channel: its name, why it is there by default, how to reach
it step by step, what to have at hand, the best time, and what to write down afterwards.

Only facts from ``domain-facts.md``: the in-app chat under 我的 → 客服 (or 我的客服); the hotline shown
in the app (commonly 95188), always with "go by what your app shows"; the official accounts of Alipay / the
lender, recognized by their verified badge (no handles are given); the NFRA consumer complaint
hotline 12378, after the institution. No opening hours are stated: "best time" is relative to the
reader's own free time and urgency.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..core.i18n import Text

__all__ = [
    "CHANNEL_INFO",
    "ChannelInfo",
    "FREE_TIME",
    "LETTER_SEND_CHAT_FAILED",
    "URGENT_TIME",
    "URGENT_TIME_LATER",
]


@dataclass(frozen=True)
class ChannelInfo:
    """The fixed texts of one channel."""

    name: Text
    base_reason: Text
    steps: tuple[Text, ...]
    at_hand: tuple[Text, ...]
    best_time: Text
    record: tuple[Text, ...]


_CHECK_NUMBER = {
    "zh": "在支付宝 App 里找到显示的客服热线（通常为 95188），请以你的 App 为准；不要拨打别人发给你的“客服”号码。",
    "en": "Find the hotline shown in your Alipay app (commonly 95188; go by what your app shows), and never "
    "call a “customer service” number someone else sends you.",
}

_RECORD_CORE: tuple[Text, ...] = (
    {"zh": "日期和时间", "en": "The date and time"},
    {"zh": "客服姓名或工号", "en": "The agent's name or ID"},
    {
        "zh": "约定了什么（金额、期数、开始日期、利息和费用）",
        "en": "What was agreed (amount, months, start date, interest and charges)",
    },
    {
        "zh": "对方承诺的书面确认：通过什么方式、什么时候发",
        "en": "The written confirmation promised: how and when it will be sent",
    },
)

CHANNEL_INFO: dict[str, ChannelInfo] = {
    "chat": ChannelInfo(
        name={"zh": "App 内在线客服", "en": "The in-app chat with customer service"},
        base_reason={
            "zh": "通常的第一步：就在 App 里，容易开始，并且留下文字记录。",
            "en": "The usual first step: it is in the app, quick to start, and it leaves a written record.",
        },
        steps=(
            {"zh": "打开支付宝 App。", "en": "Open the Alipay app."},
            {
                "zh": "进入“我的 → 客服”（有的版本显示为“我的客服”），请以你的 App 为准。",
                "en": "Go to 我的 → 客服 (Me → Customer service; in some versions 我的客服). Your app may differ.",
            },
            {
                "zh": "如果先是自动回复，请求转接人工客服，例如写“请转人工客服”。",
                "en": "If automatic replies come first, ask to be transferred to a human agent, for example by writing “请转人工客服” (please transfer me to a human agent).",
            },
            {
                "zh": "粘贴第五节生成的简短消息，说明你的情况和方案。",
                "en": "Paste the short message from section 5, with your situation and your offer.",
            },
            {
                "zh": "请对方把约定内容书面确认。",
                "en": "Ask for anything agreed to be confirmed in writing.",
            },
        ),
        at_hand=(
            {"zh": "第五节生成的简短消息", "en": "The short message from section 5"},
            {"zh": "你的预算和每月能还的金额", "en": "Your budget and the monthly amount you can offer"},
            {"zh": "账单页面（欠多少、哪天到期）", "en": "Your bill page (how much, when due)"},
        ),
        best_time={
            "zh": "在你有大约 20 分钟安静时间、可以专心回复的时候。",
            "en": "When you have about 20 quiet minutes to reply without rushing.",
        },
        record=(
            {"zh": "截图或保存聊天记录", "en": "Take screenshots or save the conversation"},
            *_RECORD_CORE,
        ),
    ),
    "hotline": ChannelInfo(
        name={
            "zh": "App 内显示的客服热线（通常为 95188）",
            "en": "The hotline shown in your app (commonly 95188)",
        },
        base_reason={
            "zh": "电话里可以直接和客服交流，适合需要详细解释的情况。",
            "en": "On the phone you talk to an agent directly, which helps when your situation needs explaining.",
        },
        steps=(
            _CHECK_NUMBER,
            {
                "zh": "按语音提示操作，请求转接人工客服。",
                "en": "Follow the voice menu and ask for a human agent.",
            },
            {
                "zh": "一开始就问客服怎么称呼、工号是多少，并记下来。",
                "en": "At the start, ask for the agent's name or ID and write it down.",
            },
            {"zh": "照着第五节的通话脚本说。", "en": "Follow the call script from section 5."},
            {
                "zh": "结束前复述约定内容，并问书面确认通过什么方式、什么时候发。",
                "en": "Before hanging up, repeat what was agreed and ask how and when the written confirmation will come.",
            },
        ),
        at_hand=(
            {"zh": "第五节的通话脚本", "en": "The call script from section 5"},
            {"zh": "你的预算和每月能还的金额", "en": "Your budget and the monthly amount you can offer"},
            {
                "zh": "纸笔或备忘录（通话记录模板）",
                "en": "Pen and paper or a note (the record-of-call template)",
            },
        ),
        best_time={
            "zh": "在你有半小时安静时间、可以放心说话并做记录的时候。如果没人接听，换个时间再打。",
            "en": "When you have a quiet half hour and can speak freely and take notes. If no one answers, try again "
            "another time.",
        },
        record=_RECORD_CORE,
    ),
    "letter": ChannelInfo(
        name={"zh": "向贷款机构提交书面申请", "en": "A written request to the lender"},
        base_reason={
            "zh": "书面申请把你的请求清楚地记录下来。",
            "en": "A written request leaves a clear record of what you asked for.",
        },
        steps=(
            {
                "zh": "用第五节生成的书面申请，把【】里的内容换成你自己的信息。",
                "en": "Take the written request from section 5 and fill in the parts in brackets yourself.",
            },
            {
                "zh": "通过 App 提供的官方渠道以文字形式发送（例如通过在线客服粘贴全文），具体能否附加文件请以 App 为准。",
                "en": "Send it in writing through an official channel your app offers (for example, paste it into the "
                "in-app chat). Your app shows whether you can attach files.",
            },
            {"zh": "请求对方书面答复。", "en": "Ask for a written answer."},
            {"zh": "保留一份你发送的全文。", "en": "Keep a copy of exactly what you sent."},
        ),
        at_hand=(
            {"zh": "第五节的书面申请", "en": "The written request from section 5"},
            {
                "zh": "情况变化的证明（收入、医疗、失业等）",
                "en": "Proof of what changed (income, medical papers, job loss)",
            },
            {"zh": "你的预算", "en": "Your budget"},
        ),
        best_time={
            "zh": "在你能静下心来写的时候；写好后尽快发送。",
            "en": "Whenever you can write calmly; send it as soon as it is ready.",
        },
        record=(
            {"zh": "发送的日期和方式", "en": "The date you sent it and how"},
            {"zh": "你发送内容的副本", "en": "A copy of what you sent"},
            {"zh": "对方的答复和日期", "en": "The answer and its date"},
            {"zh": "你打算哪天跟进", "en": "The date you plan to follow up"},
        ),
    ),
    "social": ChannelInfo(
        name={"zh": "官方社交媒体账号", "en": "The official social-media accounts"},
        base_reason={
            "zh": "回复可能较慢，但在某些情况下也能获得帮助。",
            "en": "Replies may be slower, but sometimes this helps.",
        },
        steps=(
            {
                "zh": "找到支付宝或贷款机构的官方账号（认准认证标志）。",
                "en": "Find the official accounts of Alipay or the lender (check their verified badge).",
            },
            {
                "zh": "发私信，不要公开发布账号、身份证号、手机号等个人信息。",
                "en": "Send a private message; never post account numbers, ID numbers or phone numbers publicly.",
            },
            {
                "zh": "简短说明你的请求，以及你已经试过哪些渠道。",
                "en": "Say briefly what you are asking for and which channels you have already tried.",
            },
            {
                "zh": "不要理会自称“客服”主动联系你、要你提供信息或付款的账号。",
                "en": "Ignore accounts that contact you claiming to be customer service and ask for your details or money.",
            },
        ),
        at_hand=(
            {
                "zh": "一段简短的情况说明（不含个人信息）",
                "en": "A short summary of your case (with no personal details)",
            },
            {"zh": "你之前沟通的日期和结果", "en": "The dates and results of your earlier contacts"},
        ),
        best_time={
            "zh": "在试过在线客服或热线之后；发出后记得定期查看回复。",
            "en": "After you have tried the chat or the hotline; check for replies regularly after sending.",
        },
        record=(
            {"zh": "发送的日期、发给哪个账号", "en": "The date and which account you wrote to"},
            {"zh": "你发送的内容（截图）", "en": "What you sent (a screenshot)"},
            {"zh": "对方的回复", "en": "Any reply"},
        ),
    ),
    "regulator": ChannelInfo(
        name={
            "zh": "国家金融监督管理总局消费者投诉热线 12378",
            "en": "The consumer complaint hotline of the National Financial Regulatory Administration (NFRA): 12378",
        },
        base_reason={
            "zh": "投诉通常应先向贷款机构本身提出；机构没有解决时，可以向监管部门投诉。",
            "en": "Complaints usually go to the lender first; if it doesn't sort things out, you can complain to the "
            "regulator.",
        },
        steps=(
            {
                "zh": "准备好你向贷款机构提出请求的经过：什么时候、通过什么渠道、提了什么、对方怎么答复。",
                "en": "Have the story of your request to the lender ready: when, through which channel, what you asked for "
                "and what it said.",
            },
            {"zh": "拨打 12378。", "en": "Call 12378."},
            {
                "zh": "说明合同上写的是哪家机构（花呗、借呗通常由重庆蚂蚁消费金融有限公司运营，以你的合同为准）和你的诉求。",
                "en": "Say which lender your contract names (Huabei and Jiebei are usually run by Chongqing Ant "
                "Consumer Finance Co., 重庆蚂蚁消费金融有限公司; your contract says which) and what you are asking for.",
            },
            {
                "zh": "如果对方给你用于跟进的信息（例如编号），记下来。",
                "en": "If you are given anything to follow up with (such as a reference), write it down.",
            },
        ),
        at_hand=(
            {
                "zh": "你每次联系贷款机构的记录（日期、时间、客服工号、结果）",
                "en": "Your record of each contact with the lender (date, time, agent ID, outcome)",
            },
            {"zh": "对方的答复或拒绝（截图）", "en": "The lender's answer or refusal (screenshots)"},
            {
                "zh": "如有骚扰式催收：短信、通话记录、截图",
                "en": "For abusive collection: messages, call logs, screenshots",
            },
        ),
        best_time={
            "zh": "在你的记录都准备好、有半小时安静时间的时候。",
            "en": "When your records are ready and you have a quiet half hour.",
        },
        record=(
            {"zh": "日期和时间", "en": "The date and time"},
            {"zh": "你反映了什么", "en": "What you reported"},
            {"zh": "对方给的跟进信息（如有）", "en": "Anything you were given to follow up (if any)"},
        ),
    ),
}

URGENT_TIME: Text = {
    "zh": "尽快，今天就开始；尽量在一天中早些时候，留出跟进的时间。",
    "en": "Soon: today if you can, and early in the day, so there is time to follow up.",
}

URGENT_TIME_LATER: Text = {
    "zh": "尽快，今天就开始，留出跟进的时间。",
    "en": "Soon: today if you can, so there is time to follow up.",
}
"""Urgent, for a reader whose free time is in the evening or on the weekend (not "early in the day")."""

LETTER_SEND_CHAT_FAILED: Text = {
    "zh": "通过 App 提供的另一个官方渠道以文字形式发送（你已经试过在线客服，这次不要只在聊天里发），具体有哪些渠道、能否附加文件请以 App 为准。",
    "en": "Send it in writing through another official channel your app offers (you already tried the chat, "
    "so not only there this time). Your app shows which channels there are and whether you can attach files.",
}
"""The letter's sending step when the in-app chat already failed the reader."""

FREE_TIME: dict[str, Text] = {
    "weekday_day": {
        "zh": "对你来说：工作日白天的空闲时段。",
        "en": "For you: a free moment on a weekday.",
    },
    "evenings": {"zh": "对你来说：晚上的空闲时间。", "en": "For you: a free evening."},
    "weekends": {"zh": "对你来说：周末。", "en": "For you: on the weekend."},
    "short_breaks": {
        "zh": "对你来说：提前把要说的话准备好，利用一段空闲时间完成。",
        "en": "For you: prepare what to say in advance, then use one of your breaks.",
    },
}
