"""What to say (section 5): a chat message, a written request, a call script and a call record.

The plan fields (``amount_owed``, ``monthly_offer``, ``months``, ``method``, ``option``) carry
the names the plan calculator fills in; all are optional. The message's language is chosen
apart from the site's. The texts are composed in :mod:`calculators.message.compose` from the
words in :mod:`calculators.message.texts`, and shown in copy blocks (escaped).
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from ..advice.goals import goal_choices
from ..advice.safety import agent_field, scam_warning_html
from ..core.i18n import Text, pick, t, written_lang
from ..core.money import display_money
from ..message.compose import Draft, chat_text, letter_text, record_text, script_text
from ..message.texts import METHOD_WORDS, OPTION_GOAL, REASONS
from ..page.base import Calculator, Result
from ..page.fields import Choice, Field, FieldErrors
from ..page.markup import copy_block, paragraph
from ..page.ui import UI

MESSAGES: dict[str, Text] = {
    "language": {"zh": "消息语言：{name}", "en": "Message language: {name}"},
    "lang_zh": {"zh": "简体中文", "en": "Chinese (Simplified)"},
    "lang_zh-Hant": {"zh": "繁体中文", "en": "Chinese (Traditional)"},
    "lang_en": {"zh": "英文", "en": "English"},
    "placeholders": {
        "zh": "发送前，请自己把【】或 [ ] 里的内容换成你的信息。这个网站从来不需要你的账号或身份证号；"
        "任何时候都不要把密码或验证码告诉别人。",
        "en": "Before sending, replace the parts in 【】 or [ ] with your own details yourself. This site never "
        "needs your account or ID numbers; never give anyone a password or verification code.",
    },
    "from_plan": {
        "zh": "目标按你在第二节选择的方案推断；可以在上面改。",
        "en": "The goal follows the option you chose in section 2; you can change it above.",
    },
    "no_numbers": {
        "zh": "提示：填上欠款总额和每月能还的金额（或从第二节的方案带过来），消息会更具体。",
        "en": "Tip: add the amount you owe and what you can pay each month (or bring them from a plan in "
        "section 2) to make the message more concrete.",
    },
    "chat": {"zh": "在线客服：简短消息", "en": "In-app chat: a short message"},
    "letter": {"zh": "书面申请", "en": "Written request"},
    "script": {"zh": "通话脚本", "en": "Call script"},
    "record": {
        "zh": "沟通记录模板（每次沟通后填写）",
        "en": "Record of contact (fill in after each call or chat)",
    },
    "offer_too_high": {
        "zh": "每月还款额（{offer} 元）不能超过欠款总额（{owed} 元）。",
        "en": "The monthly amount ({offer} yuan) can't be more than the total you owe ({owed} yuan).",
    },
}

_NOT_SPECIFIED: Text = {"zh": "未指定", "en": "Not specified"}

FIELDS: tuple[Field, ...] = (
    Field(
        "message_lang",
        "choice",
        {"zh": "消息用什么语言", "en": "Language of the message"},
        choices=(
            Choice("", {"zh": "中文（默认，和本页相同）", "en": "Chinese (default: the lender's language)"}),
            Choice("zh", {"zh": "简体中文", "en": "Chinese, Simplified (简体中文)"}),
            Choice("en", {"zh": "英文（English）", "en": "English"}),
        ),
        hint={
            "zh": "贷款机构的客服用中文；需要时也可以生成英文的。",
            "en": "The lender's staff read Chinese, so the message is in Chinese unless you choose English.",
        },
        required=False,
    ),
    Field(
        "goal",
        "choice",
        {"zh": "你的目标", "en": "Your goal"},
        choices=goal_choices({"zh": "按我的方案 / 未指定", "en": "From my plan / not specified"}),
        required=False,
    ),
    Field(
        "reason",
        "choice",
        {"zh": "还款困难的原因", "en": "Why you can't pay as planned"},
        choices=(Choice("", {"zh": "不想说明 / 其他", "en": "Rather not say / other"}),)
        + tuple(Choice(r.key, r.label) for r in REASONS),
        required=False,
    ),
    Field(
        "reason_detail",
        "text",
        {"zh": "用一句话补充（可不填）", "en": "In a sentence, in your own words (optional)"},
        hint={
            "zh": "用消息的语言写。不要写身份证号、账号或银行卡号。",
            "en": "Write it in the message's language. Don't include ID, account or card numbers.",
        },
        required=False,
        max_length=200,
    ),
    Field(
        "product",
        "choice",
        {"zh": "哪个产品", "en": "Which product"},
        choices=(
            Choice("", _NOT_SPECIFIED),
            Choice("huabei", {"zh": "花呗", "en": "Huabei (花呗)"}),
            Choice("jiebei", {"zh": "借呗", "en": "Jiebei (借呗)"}),
            Choice("both", {"zh": "花呗和借呗", "en": "Both"}),
        ),
        required=False,
    ),
    Field(
        "amount_owed",
        "money",
        {"zh": "欠款总额", "en": "Total you owe"},
        hint={"zh": "可不填；例如 12000 或 1.2万", "en": "Optional; for example 12000 or 1.2万"},
        unit={"zh": "元", "en": "yuan"},
        required=False,
    ),
    Field(
        "monthly_offer",
        "money",
        {"zh": "每月能还", "en": "What you can pay each month"},
        hint={
            "zh": "可不填；按第二节的预算，只写你真的付得起的金额。",
            "en": "Optional. Use your budget from section 2, and enter only what you can really afford.",
        },
        unit={"zh": "元", "en": "yuan"},
        required=False,
        allow_zero=True,
    ),
    Field(
        "months",
        "whole",
        {"zh": "期数（月）", "en": "Number of months"},
        hint={"zh": "可不填；1 到 600", "en": "Optional; 1 to 600"},
        unit={"zh": "个月", "en": "months"},
        required=False,
        maximum=600,
    ),
    Field(
        "method",
        "choice",
        {"zh": "还款方式", "en": "Repayment method"},
        choices=(Choice("", _NOT_SPECIFIED),)
        + tuple(Choice(key, words) for key, words in METHOD_WORDS.items()),
        required=False,
    ),
    Field(
        "option",
        "choice",
        {"zh": "第二节选择的方案", "en": "The option you chose in section 2"},
        choices=(
            Choice("", _NOT_SPECIFIED),
            Choice("current", {"zh": "现在的约定", "en": "Current terms"}),
            Choice("longer_term", {"zh": "延长期限", "en": "A longer term"}),
            Choice("reduced_interest", {"zh": "减少利息", "en": "Less interest"}),
            Choice("pause", {"zh": "先暂停再还", "en": "A pause first"}),
            Choice("fits_budget", {"zh": "符合预算", "en": "Fits my budget"}),
            Choice("avalanche", {"zh": "先还利率最高的", "en": "Highest rate first"}),
            Choice("snowball", {"zh": "先还余额最小的", "en": "Smallest balance first"}),
        ),
        required=False,
    ),
    Field(
        "has_proof",
        "check",
        {
            "zh": "我可以提供证明材料（收入、医疗、失业等）",
            "en": "I can show proof (income, medical papers, job loss)",
        },
        required=False,
    ),
    Field(
        "pay_meanwhile",
        "check",
        {
            "zh": "等待答复期间，我会先按提出的金额还款",
            "en": "I'll start paying what I offer while I wait for an answer",
        },
        hint={
            "zh": "只有在你现在就付得起时才勾选。",
            "en": "Tick this if you can already afford it.",
        },
        required=False,
    ),
    Field(
        "extra",
        "longtext",
        {"zh": "还想补充的话（可不填）", "en": "Anything else to add (optional)"},
        hint={
            "zh": "会放在书面申请里。不要写身份证号、账号、密码或验证码。",
            "en": "Goes into the written request. Don't include ID or account numbers, passwords or codes.",
        },
        required=False,
        max_length=500,
    ),
    agent_field(),
)


def _check_plan(values: dict[str, Any], lang: str) -> None:
    """A monthly offer above the whole amount owed is a typing mistake."""
    owed: Decimal | None = values.get("amount_owed")
    offer: Decimal | None = values.get("monthly_offer")
    if owed is not None and offer is not None and offer > owed:
        message = t(MESSAGES, "offer_too_high", lang, offer=display_money(offer), owed=display_money(owed))
        raise FieldErrors({"monthly_offer": message})


def draft_from(values: dict[str, Any], lang: str) -> Draft:
    """The read values as a :class:`Draft` in the message's language: when not chosen, Chinese (the
    lender's language): the page's own Chinese on a Chinese page, Simplified on any other."""
    option = values.get("option") or ""
    return Draft(
        lang=values.get("message_lang") or (lang if written_lang(lang) == "zh" else "zh"),
        goal=values.get("goal") or OPTION_GOAL.get(option, ""),
        reason=values.get("reason") or "",
        detail=values.get("reason_detail") or "",
        product=values.get("product") or "",
        amount=values.get("amount_owed"),
        offer=values.get("monthly_offer"),
        months=values.get("months"),
        method=values.get("method") or "",
        has_proof=bool(values.get("has_proof")),
        pay_meanwhile=bool(values.get("pay_meanwhile")),
        extra=values.get("extra") or "",
    )


def calculate(values: dict[str, Any], lang: str) -> Result:
    """The four texts, each with a copy button, after the warnings that apply."""
    _check_plan(values, lang)
    draft = draft_from(values, lang)
    parts = [scam_warning_html(lang)] if values.get("agent") else []
    parts.append(paragraph(t(MESSAGES, "language", lang, name=t(MESSAGES, f"lang_{draft.lang}", lang))))
    parts.append(paragraph(t(MESSAGES, "placeholders", lang), "calc-note"))
    if not values.get("goal") and values.get("option"):
        parts.append(paragraph(t(MESSAGES, "from_plan", lang), "calc-note"))
    if values.get("amount_owed") is None and values.get("monthly_offer") is None and not draft.dispute_only:
        parts.append(paragraph(t(MESSAGES, "no_numbers", lang), "calc-note"))
    copy = pick(UI["copy"], lang)
    # Marked whenever it differs from the page's: Simplified on a Traditional page is lang="zh" too.
    text_lang = draft.lang if draft.lang != lang else ""
    texts = {
        "chat": chat_text(draft),
        "letter": letter_text(draft),
        "script": script_text(draft),
        "record": record_text(draft),
    }
    parts.extend(
        copy_block(f"calc-message-{key}", t(MESSAGES, key, lang), text, copy, text_lang=text_lang)
        for key, text in texts.items()
    )
    data = {"message_lang": draft.lang, "goal": draft.goal, **texts}
    return Result(html="".join(parts), data=data)


CALCULATOR = Calculator(
    name="message",
    title={"zh": "生成要说的话", "en": "What to say"},
    intro={
        "zh": "根据你的目标、困难原因和还款方案，生成在线客服消息、书面申请、通话脚本和沟通记录模板。",
        "en": "From your goal, what has made paying hard and your plan, get a chat message, a written request, "
        "a call script and a template to record each call.",
    },
    fields=FIELDS,
    calculate=calculate,
    page="5-communicate",
    submit={"zh": "生成", "en": "Draft the texts"},
)
