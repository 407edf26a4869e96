"""The agreement calculator's words: figures, the written-confirmation checklist and request, the
tracker, the calendar's events, and what to do before a payment is missed.

Only good practice from the project's reviewed facts: get any agreement in writing, ask for
interest and charges to be frozen, record every call (date, time, agent name or ID, what was
agreed), contact the lender early, offer only what the budget supports, keep paying what you
offered. The reference is always a placeholder (【协议编号】 / [agreement reference]) that the
reader fills in; the site never asks for it.
"""

from __future__ import annotations

from ..core.i18n import Text

__all__ = ["MESSAGES", "CHOICE_WORDS", "CHECKLIST", "MISSED_STEPS"]

MESSAGES: dict[str, Text] = {
    # Summary
    "summary": {
        "zh": "每期 {amount} 元，共 {n} 期，总共 {total} 元。",
        "en": "{n} payments of {amount} yuan, {total} yuan in all.",
    },
    "summary_last": {
        "zh": "每期 {amount} 元，共 {n} 期（最后一期 {last} 元），总共 {total} 元。",
        "en": "{n} payments of {amount} yuan (the last {last} yuan), {total} yuan in all.",
    },
    "debt_free": {
        "zh": "{date}还完最后一期，就还清了。",
        "en": "Paid off on {date}, with the last payment.",
    },
    "first_due": {"zh": "第一期还款日", "en": "First payment due"},
    "last_due": {"zh": "还清日期", "en": "Paid off on"},
    "count": {"zh": "期数", "en": "Payments"},
    "total": {"zh": "总共要还", "en": "Total to pay"},
    "day_of_month": {"zh": "每月还款日", "en": "Due day of the month"},
    "day_value": {"zh": "每月 {day}{suffix} 日", "en": "the {day}{suffix} of each month"},
    "shifted": {
        "zh": "还款日是每月 {day}{suffix} 日：没有这一天的月份，下表写的是当月最后一天。贷款机构也可能用别的日子，请以 App 里的账单为准。",
        "en": "The due day is the {day}{suffix}: in months without that day, the table shows the month's last "
        "day. The lender may use a different day, so go by the bill in the app.",
    },
    # Confirm in writing
    "confirm": {"zh": "请贷款机构书面确认", "en": "Get it confirmed in writing"},
    "confirm_intro": {
        "zh": "口头答应的事以后很难证明。请对方用文字（App 内客服消息、通知或协议页面）确认下面每一项，截图保存。",
        "en": "A promise made on the phone is hard to prove later. Ask for each point below in writing (an in-app "
        "chat message, a notice or the agreement page), and take a screenshot.",
    },
    "unclear": {
        "zh": "（你填的是“还没说清楚”：请问清楚）",
        "en": " (you entered “not clear yet”: ask about this)",
    },
    "only_spoken": {
        "zh": "到现在还没有书面确认。在拿到文字确认之前，也请先按你提出的金额还款，并记下每次沟通。",
        "en": "Nothing is confirmed in writing yet. Until it is, keep paying what you offered and keep a note of "
        "every call or chat.",
    },
    "confirmed_by": {
        "zh": "你记下的确认方式：{how}{agent}。",
        "en": "How it was confirmed, as you noted it: {how}{agent}.",
    },
    "agent_part": {"zh": "，客服：{agent}", "en": ", agent: {agent}"},
    "request": {"zh": "在线客服：请求书面确认", "en": "In-app chat: ask for written confirmation"},
    "request_text": {
        "zh": "您好，我和你们协商了还款安排（【协议编号】），请用文字确认以下内容，方便我按时还款：\n"
        "1. 每期还款 {amount} 元，共 {n} 期{last_part}，总共 {total} 元；\n"
        "2. 第一期 {first} 到期，之后每月 {day}{suffix} 日到期，最后一期 {last_date} 到期；\n"
        "3. {interest}\n"
        "4. {charges}\n"
        "5. 这个安排和之前的逾期是否、以及怎样报送到我的个人信用记录；\n"
        "6. 如果某一期没能按时还，会怎样处理。\n"
        "谢谢。",
        "en": "Hello. I have agreed on a repayment arrangement with you ([agreement reference]). Please confirm "
        "the following in writing, so that I can pay on time:\n"
        "1. {n} payments of {amount} yuan{last_part}, {total} yuan in all;\n"
        "2. the first due on {first}, then on the {day}{suffix} of each month, the last due on {last_date};\n"
        "3. {interest}\n"
        "4. {charges}\n"
        "5. whether and how this arrangement and the earlier late payments will be reported on my credit record;\n"
        "6. what happens if a payment is not made on time.\n"
        "Thank you.",
    },
    "request_last_part": {"zh": "（最后一期 {last} 元）", "en": " (the last {last} yuan)"},
    # Dates and tracker
    "dates": {"zh": "还款日期和进度", "en": "The dates, and your progress"},
    "number": {"zh": "期数", "en": "No."},
    "number_name": {"zh": "第 {n} 期", "en": "No. {n}"},
    "due": {"zh": "还款日", "en": "Due"},
    "amount": {"zh": "金额（元）", "en": "Amount (yuan)"},
    "remaining": {"zh": "还完后还剩（元）", "en": "Left to pay after it (yuan)"},
    "paid": {"zh": "已还", "en": "Paid"},
    "tick_label": {"zh": "第 {n} 期（{date}）已还", "en": "Payment {n} ({date}) is paid"},
    "tracker_intro": {
        "zh": "每还完一期就在“已还”里打勾，这里会显示已还多少、还剩多少和下一期的日期。",
        "en": "Tick each payment once you have made it; this shows what you have paid, what is left and the next due date.",
    },
    "tracker_summary": {
        "zh": "已还 {paid_count} / {count} 期，共 {paid} 元；还剩 {left_count} 期，共 {left} 元。",
        "en": "{paid_count} of {count} payments made, {paid} yuan; {left_count} to go, {left} yuan.",
    },
    "tracker_next": {"zh": "下一期：{date}，{amount} 元。", "en": "Next payment: {amount} yuan on {date}."},
    "tracker_done": {"zh": "全部还清了。", "en": "All paid off."},
    # Calendar
    "calendar": {"zh": "放进手机日历", "en": "Put it in your phone's calendar"},
    "calendar_intro": {
        "zh": "日历文件在你的浏览器里生成，不经过任何服务器：{n} 个还款日，每个都在到期前 {days} 天上午 9 点提醒{checks}。"
        "下载后用手机的日历 App 打开即可导入。",
        "en": "The calendar file is made in your browser and goes through no server: {n} due dates, each with a "
        "reminder at 9:00 {days} days before{checks}. Open the download with your phone's calendar app to "
        "import it.",
        "en_one:days": "The calendar file is made in your browser and goes through no server: {n} due dates, each "
        "with a reminder at 9:00 {days} day before{checks}. Open the download with your phone's calendar app to "
        "import it.",
    },
    "calendar_today": {
        "zh": "日历文件在你的浏览器里生成，不经过任何服务器：{n} 个还款日，每个都在到期当天上午 9 点提醒{checks}。"
        "下载后用手机的日历 App 打开即可导入。",
        "en": "The calendar file is made in your browser and goes through no server: {n} due dates, each with a "
        "reminder at 9:00 on the day{checks}. Open the download with your phone's calendar app to import it.",
    },
    "calendar_checks_fee": {
        "zh": "每 {every} 个月查一次，一年就超过两次：每年至少有两次免费，再多查可能要交柜台查询费。",
        "en": "One every {every} months is more than twice a year: at least two reports a year are free, and a "
        "counter fee may apply after that.",
    },
    "calendar_checks": {
        "zh": "，另有 {k} 个“查询信用报告”提醒（每 {every} 个月一次）",
        "en": ", and {k} “check my credit report” reminders (one every {every} months)",
    },
    "download_ics": {"zh": "下载日历文件（.ics）", "en": "Download the calendar file (.ics)"},
    "calendar_name": {"zh": "还款协议", "en": "Repayment agreement"},
    "event_summary": {
        "zh": "还款 {amount} 元（第 {k}/{n} 期）",
        "en": "Repayment {amount} yuan ({k} of {n})",
    },
    "event_description": {
        "zh": "按还款协议（【协议编号】）应还 {amount} 元，还完还剩 {left} 元。\n"
        "如果这一期还不上：在到期之前联系贷款机构（App 内客服，或 App 里显示的客服热线），说明你能还多少、什么时候能还；"
        "记下沟通的日期、时间、客服姓名或工号和约定的内容，并请对方书面确认。",
        "en": "Under the repayment agreement ([agreement reference]) {amount} yuan is due; {left} yuan will be "
        "left after it.\n"
        "If you can't pay it: contact the lender before the due date (in-app chat, or the hotline shown in your "
        "app) and say what you can pay and when. Note the date, time, agent's name or ID and what was agreed, "
        "and ask for it in writing.",
    },
    "check_summary": {"zh": "查询我的个人信用报告", "en": "Check my credit report"},
    "check_description": {
        "zh": "个人每年至少可以免费查询两次自己的信用报告（《征信业管理条例》第十七条），再多查可能要交柜台查询费。"
        "看看报告里有没有这笔借款；如果有，核对这份协议的还款记录得对不对。有错误或遗漏，可以向征信机构或提供信息的机构提出异议（第二十五条）。",
        "en": "You can get at least two free copies of your own credit report a year (Regulation on the "
        "Administration of the Credit Investigation Industry, Art. 17); a counter fee may apply after that. "
        "Look at whether this loan appears on your report; if it does, check that this agreement's payments "
        "are recorded correctly. If something is wrong or missing, you can object to the credit reference "
        "agency or the institution that supplied it (Art. 25).",
    },
    # Missed payment
    "missed": {"zh": "如果有一期还不上", "en": "If you can't make a payment"},
    "missed_intro": {
        "zh": "不要等到逾期以后。在到期日之前：",
        "en": "Don't wait until it is overdue. Before the due date:",
    },
    "missed_carry": {
        "zh": "为这种情况写一条消息（第五节）",
        "en": "Draft a message for this (section 5)",
    },
    "missed_extra": {
        "zh": "我正在按约定的还款安排（【协议编号】）还款，每期 {amount} 元，每月 {day}{suffix} 日到期。"
        "下一期我可能无法按时足额还款，想在到期前和你们商量。",
        "en": "I am repaying under our agreed arrangement ([agreement reference]): {amount} yuan on the "
        "{day}{suffix} of each month. I may not be able to pay the next payment in full and on time, and I "
        "would like to discuss it with you before it is due.",
    },
    # Notes
    "never_reference": {
        "zh": "这个网站从来不需要你的协议编号、账号或身份证号：文字里的【协议编号】由你自己填写。",
        "en": "This site never needs your agreement reference, account or ID numbers: fill in "
        "[agreement reference] yourself.",
    },
    "private": {
        "zh": "这些日期只在你的浏览器里计算，日历文件也在浏览器里生成，不会发送到任何地方。",
        "en": "These dates are worked out only in your browser, and the calendar file is made there too; "
        "nothing is sent anywhere.",
    },
}

CHOICE_WORDS: dict[str, dict[str, Text]] = {
    "interest": {
        "frozen": {
            "zh": "协议期间停止计收利息（这是我的理解，请确认）；",
            "en": "no interest is charged during the arrangement (as I understand it; please confirm);",
        },
        "reduced": {
            "zh": "协议期间利息减少后的计算方法（请写明利率或金额）；",
            "en": "how the reduced interest is calculated during the arrangement (please state the rate or amount);",
        },
        "unchanged": {
            "zh": "协议期间照常计息时的利率和每期利息；",
            "en": "the interest rate and the interest in each payment, if interest is charged as before;",
        },
        "unknown": {
            "zh": "协议期间是否还计收利息和费用，怎么计算；",
            "en": "whether interest and fees are charged during the arrangement, and how;",
        },
    },
    "charges": {
        "frozen": {
            "zh": "逾期产生的罚息、违约金从协议开始停止计收（这是我的理解，请确认）；",
            "en": "overdue interest and late charges stop from the start of the arrangement (as I understand it; "
            "please confirm);",
        },
        "waived": {
            "zh": "已经产生的罚息、违约金予以免除（这是我的理解，请确认金额）；",
            "en": "the overdue interest and late charges already charged are waived (as I understand it; please "
            "confirm the amount);",
        },
        "unchanged": {
            "zh": "逾期产生的罚息、违约金还会怎样计收；",
            "en": "how overdue interest and late charges will still be charged;",
        },
        "unknown": {
            "zh": "逾期产生的罚息、违约金是否停止计收；",
            "en": "whether overdue interest and late charges stop;",
        },
    },
}

CHECKLIST: tuple[tuple[str, Text], ...] = (
    (
        "dates",
        {
            "zh": "日期：第一期和最后一期的还款日，每月哪天到期",
            "en": "Dates: the first and last due dates, and the due day of each month",
        },
    ),
    (
        "amounts",
        {
            "zh": "金额：每期还多少、一共几期、总共多少",
            "en": "Amounts: each payment, how many, and the total",
        },
    ),
    ("interest", {"zh": "协议期间的利息和费用", "en": "Interest and fees during the arrangement"}),
    (
        "charges",
        {"zh": "逾期罚息、违约金是否停止计收", "en": "Whether overdue interest and late charges are frozen"},
    ),
    (
        "credit",
        {
            "zh": "对个人信用记录的影响：是否报送、怎样报送（之后自己查报告核对，见 7.3 节）",
            "en": "The effect on your credit record: whether and how it will be reported (check your own report "
            "later; see section 7.3)",
        },
    ),
    ("missed", {"zh": "如果某一期没按时还，会怎样处理", "en": "What happens if a payment is missed"}),
    (
        "record",
        {
            "zh": "保存：确认的截图，以及每次通话的日期、时间、客服姓名或工号、约定内容",
            "en": "Keep: a screenshot of the confirmation, and for each call the date, time, agent's name or ID and what was agreed",
        },
    ),
)

MISSED_STEPS: tuple[Text, ...] = (
    {
        "zh": "先联系贷款机构：App 内客服，或 App 里显示的客服热线（通常是 95188）。",
        "en": "Contact the lender first: the in-app chat, or the hotline shown in your app (commonly 95188).",
    },
    {
        "zh": "说明情况，说出你这一期能还多少、什么时候能还；只答应预算里真的拿得出的钱（见第二节的计算器）。",
        "en": "Explain what has happened, and say what you can pay and when. Offer only what your budget really "
        "allows (the calculators in section 2 can help).",
    },
    {
        "zh": "在等答复的时候，先把你提出的金额还上。",
        "en": "While you wait for an answer, pay what you offered, if you can.",
    },
    {
        "zh": "记下这次沟通：日期、时间、客服姓名或工号、约定了什么，并请对方书面确认新的安排。",
        "en": "Keep a note of the call or chat: date, time, agent's name or ID, and what was agreed. Ask for "
        "the new arrangement in writing.",
    },
    {
        "zh": "不要找收费的“债务优化”“停息挂账”代理：自己和贷款机构协商不花钱。",
        "en": "Don't pay a “debt optimization” or “stop the interest” agent: talking to the lender yourself "
        "costs nothing.",
    },
)
