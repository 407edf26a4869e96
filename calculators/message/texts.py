"""The words of the generated messages, in each message language (independent of the site's).

Placeholders stand for everything that identifies the reader (【账户名】 / [account name],
【借款编号】 / [loan reference], 【你的姓名】 / [your name]): the site never asks for them, and the
reader fills them in before sending.

Texts follow the good practice in ``domain-facts.md``: say what changed, offer only what the
budget supports and offer to show it, ask for interest and charges to be frozen, start paying
what you offered while waiting, get any agreement in writing, record every call.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..core.i18n import Text

__all__ = [
    "METHOD_WORDS",
    "OPTION_GOAL",
    "PLACEHOLDERS",
    "PRODUCT_WORDS",
    "REASONS",
    "Reason",
    "TEXT",
]

PLACEHOLDERS: dict[str, Text] = {
    "account": {"zh": "【账户名】", "en": "[account name]"},
    "loan": {"zh": "【借款编号】", "en": "[loan reference]"},
    "name": {"zh": "【你的姓名】", "en": "[your name]"},
    "date": {"zh": "【日期】", "en": "[date]"},
    "documents": {"zh": "【证明材料名称】", "en": "[documents]"},
}


@dataclass(frozen=True)
class Reason:
    """A reason for the hardship: a form label (site language) and a clause (message language)."""

    key: str
    label: Text
    clause: Text


REASONS: tuple[Reason, ...] = (
    Reason("job_loss", {"zh": "失业", "en": "I lost my job"}, {"zh": "我失业了", "en": "I lost my job"}),
    Reason(
        "income_drop",
        {"zh": "收入减少", "en": "My income dropped"},
        {"zh": "我的收入减少了", "en": "my income has dropped"},
    ),
    Reason(
        "illness",
        {"zh": "生病或受伤（自己或家人）", "en": "Illness or injury (mine or my family's)"},
        {"zh": "我或家人生病、受伤", "en": "I or a member of my family fell ill or was injured"},
    ),
    Reason(
        "family",
        {"zh": "家庭变故", "en": "A family emergency"},
        {"zh": "家里发生了变故", "en": "my family had an emergency"},
    ),
    Reason(
        "business",
        {"zh": "生意困难", "en": "My business is struggling"},
        {"zh": "我的生意遇到了困难", "en": "my business has run into difficulties"},
    ),
)

METHOD_WORDS: dict[str, Text] = {
    "equal_installment": {"zh": "等额本息", "en": "equal monthly installments (等额本息)"},
    "equal_principal": {"zh": "等额本金", "en": "equal principal each month (等额本金)"},
    "interest_first": {"zh": "先息后本", "en": "interest first, principal at the end (先息后本)"},
}

PRODUCT_WORDS: dict[str, Text] = {
    "": {"zh": "欠款", "en": "what I owe"},
    "huabei": {"zh": "花呗欠款", "en": "what I owe on Huabei (花呗)"},
    "jiebei": {"zh": "借呗借款", "en": "my Jiebei (借呗) loan"},
    "both": {"zh": "花呗和借呗欠款", "en": "what I owe on Huabei and Jiebei (花呗、借呗)"},
}

OPTION_GOAL: dict[str, str] = {
    "current": "installments",
    "longer_term": "longer_term",
    "reduced_interest": "less_interest",
    "pause": "pause",
    "fits_budget": "installments",
    "avalanche": "installments",
    "snowball": "installments",
}
"""The goal implied by the plan option carried from section 2, when the reader chose none."""

TEXT: dict[str, Text] = {
    # sentences shared by the three texts
    "hello": {
        "zh": "您好，我想就{product}协商还款。",
        "en": "Hello, I'd like to agree on a way to repay {product}.",
    },
    "ids": {
        "zh": "账户：{account}，借款编号：{loan}。",
        "en": "Account: {account}. Loan reference: {loan}.",
    },
    "reason": {
        "zh": "因为{clause}，我目前无法按原计划还款。",
        "en": "Because {clause}, I can't keep to my original repayment plan at the moment.",
    },
    "reason_generic": {
        "zh": "我目前遇到了经济困难，无法按原计划还款。",
        "en": "I'm in financial difficulty and can't keep to my original repayment plan at the moment.",
    },
    "detail": {"zh": "具体情况：{detail}。", "en": "In short: {detail}."},
    "ask": {"zh": "我希望{ask}。", "en": "I would like {ask}."},
    "ask_generic": {
        "zh": "我希望商量一个我能负担的还款方案。",
        "en": "I would like to agree on a repayment plan I can afford.",
    },
    "amount": {"zh": "我目前共欠约 {amount} 元。", "en": "I currently owe about {amount} yuan."},
    "offer": {
        "zh": "按我的预算，我每月能还 {offer} 元{months}{method}。",
        "en": "Based on my budget, I can pay {offer} yuan a month{months}{method}.",
    },
    "offer_zero": {
        "zh": "按我的预算，我目前每月暂时还不出钱。",
        "en": "Based on my budget, I can't pay anything each month at the moment.",
    },
    "offer_none": {
        "zh": "我希望商定一个符合我预算的每月还款额。",
        "en": "I'd like to agree on a monthly amount that fits my budget.",
    },
    "months_offer": {"zh": "，共 {months} 个月", "en": " for {months} months"},
    "months_plan": {
        "zh": "我希望按 {months} 个月安排还款。",
        "en": "I'd like to plan the repayment over {months} months.",
    },
    "method": {"zh": "（{method}）", "en": ", as {method}"},
    "budget": {
        "zh": "这个金额是我支付住房、水电、饮食等基本开支后能承担的，我可以说明我的收支情况。",
        "en": "This is what I can afford after essentials such as housing, utilities and food, and I can show you my budget.",
    },
    "budget_show": {"zh": "我可以说明我的收支情况。", "en": "I can show you my budget."},
    "meanwhile": {
        "zh": "在你们考虑期间，我会先按每月 {offer} 元还款。",
        "en": "While you consider this, I will start paying {offer} yuan a month.",
    },
    "proof": {
        "zh": "我可以提供相关证明材料（{documents}）。",
        "en": "I can provide documents that show this ({documents}).",
    },
    "harassment": {
        "zh": "我请求催收只联系我本人、在合理的时间联系，不要联系我的家人、朋友或同事。",
        "en": "I ask that collection contact be with me only, at reasonable times, and not with my family, friends or colleagues.",
    },
    "freeze": {
        "zh": "协商期间，能否暂停计收利息和费用？",
        "en": "Could interest and charges be frozen while we work this out?",
    },
    "confirm": {"zh": "如果同意，请给我书面确认。", "en": "If you agree, please confirm it in writing."},
    "thanks": {"zh": "谢谢！", "en": "Thank you."},
    "extra": {"zh": "补充说明：{extra}", "en": "One more thing: {extra}"},
    # a dispute only (no hardship given): about a charge, not about repaying
    "hello_dispute": {
        "zh": "您好，我想就{product}中的一笔费用提出异议。",
        "en": "Hello, I'd like to dispute a charge on {product}.",
    },
    "situation_dispute": {
        "zh": "我核对账单时发现一笔我认为有误的费用。",
        "en": "Checking my bill, I found a charge I believe is wrong.",
    },
    "freeze_dispute": {
        "zh": "核查期间，能否暂停对这笔有异议的金额计收利息和费用？",
        "en": "While this is checked, could interest and charges on the disputed amount be put on hold?",
    },
    "confirm_dispute": {
        "zh": "请把核查结果书面告诉我。",
        "en": "Please let me know the result of the check in writing.",
    },
    "subject_dispute": {
        "zh": "主题：关于{product}中一笔费用的异议",
        "en": "Subject: A disputed charge on {product}",
    },
    "written_dispute": {
        "zh": "请以书面形式告诉我核查的结果；如果这笔费用有误，请说明会如何更正、何时更正。",
        "en": "Please tell me in writing what the check found and, if the charge is wrong, how and when it will "
        "be corrected.",
    },
    # the written request
    "subject": {
        "zh": "主题：关于{product}的还款协商申请",
        "en": "Subject: Request for a repayment plan for {product}",
    },
    "dear": {"zh": "您好：", "en": "Hello,"},
    "i_am": {
        "zh": "我是{name}，账户：{account}，借款编号：{loan}。",
        "en": "I am {name}. Account: {account}. Loan reference: {loan}.",
    },
    "part_situation": {"zh": "一、我的情况", "en": "1. My situation"},
    "part_request": {"zh": "二、我的请求", "en": "2. What I am asking for"},
    "part_interest": {"zh": "三、利息和费用", "en": "3. Interest and charges"},
    "part_written": {"zh": "四、请书面答复", "en": "4. Please answer in writing"},
    "written_terms": {
        "zh": "如果同意，请以书面形式确认约定内容：每月金额、期数、开始日期，以及利息和费用如何计算。"
        "如果不能同意，请告诉我原因，以及你们可以提供的方案。",
        "en": "If you agree, please confirm the terms in writing: the monthly amount, the number of months, "
        "the start date, and how interest and charges will be calculated. If you cannot agree, please tell "
        "me why and what you can offer instead.",
    },
    "sign_off": {"zh": "此致\n敬礼\n\n{name}\n{date}", "en": "Kind regards,\n\n{name}\n{date}"},
    # the call script
    "script_title": {"zh": "通话脚本", "en": "Call script"},
    "say_open": {"zh": "开场", "en": "Opening"},
    "line_name": {
        "zh": "请问您怎么称呼？工号是多少？（记下来）",
        "en": "May I have your name or agent ID, please? (write it down)",
    },
    "say_situation": {"zh": "说明情况", "en": "Your situation"},
    "say_offer": {"zh": "提出方案", "en": "Your proposal"},
    "say_ask": {"zh": "提出请求", "en": "What to ask"},
    "line_who": {
        "zh": "如果今天不能决定，请问由谁决定？我什么时候能得到答复？",
        "en": "If this can't be decided today, who decides, and when will I hear back?",
    },
    "say_close": {"zh": "结束前", "en": "Before you hang up"},
    "line_repeat": {
        "zh": "我复述一下我们约定的内容：……，对吗？",
        "en": "Let me repeat what we agreed: … Is that right?",
    },
    "line_written": {
        "zh": "请把约定内容书面发给我。请问通过什么方式、什么时候发？",
        "en": "Please send me what we agreed in writing. How will you send it, and when?",
    },
    "line_think": {
        "zh": "如果对方的方案你还不起：“谢谢，我需要再看看我的预算，稍后再联系您。”",
        "en": "If what they offer is more than you can pay: “Thank you, I need to check my budget and will get back to you.”",
    },
    "avoid_title": {"zh": "不要说、不要做", "en": "What not to say or do"},
    "avoid_over": {
        "zh": "不要答应超出预算的金额，哪怕只是为了结束通话。",
        "en": "Don't agree to an amount beyond your budget, even just to end the call.",
    },
    "avoid_codes": {
        "zh": "不要说出密码或验证码，任何人都不应该向你要。",
        "en": "Never say a password or a verification code; no one should ask you for them.",
    },
    "avoid_invent": {
        "zh": "如实说明你的情况；没有证明材料的事，也可以说明清楚。",
        "en": "Stick to the facts of your situation; it's fine to explain things you can't document.",
    },
    "avoid_anger": {
        "zh": "尽量保持冷静、礼貌，不要威胁对方。你也不必忍受威胁或辱骂：可以结束通话，改天再联系。",
        "en": "Try to stay calm and polite, and don't make threats. You never have to put up with threats or "
        "insults either: you can end the call and try again another day.",
    },
    "avoid_oral": {
        "zh": "没有书面确认之前，不要把口头答应当成已经办好。",
        "en": "Don't treat a spoken promise as done until it is confirmed in writing.",
    },
    "avoid_agents": {
        "zh": "不要找收费“协商”“停息挂账”的代理；直接与贷款机构协商不需要花钱。",
        "en": "Don't turn to paid “negotiation” or “stop the interest” agents; negotiating directly with the lender costs nothing.",
    },
    # the record of each call
    "record_title": {"zh": "沟通记录", "en": "Record of contact"},
    "record_fields": {
        "zh": "日期：\n时间：\n渠道（在线客服 / 客服热线 / 其他）：\n客服姓名或工号：\n我提出的请求：\n"
        "约定内容（每月金额、期数、开始日期、利息和费用）：\n对方承诺的书面确认（方式、时间）：\n下一步 / 跟进日期：",
        "en": "Date:\nTime:\nChannel (in-app chat / hotline / other):\nAgent name or ID:\nWhat I asked for:\n"
        "What was agreed (monthly amount, months, start date, interest and charges):\n"
        "Written confirmation promised (how, when):\nNext step / follow-up date:",
    },
}
