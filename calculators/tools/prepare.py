"""Preparation (section 3): a checklist of what to gather and what the conversation is for.

Every input is a check box, so an empty form is valid: the result then says nothing is gathered
yet and lists it all. The page keeps the ticks in this browser only (``persist``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..advice.goals import GOALS, join_phrases
from ..core.i18n import Text, pick, t
from ..page.base import Calculator, Result
from ..page.fields import Field
from ..page.markup import bullet_list, esc, heading, paragraph

MESSAGES: dict[str, Text] = {
    "progress": {"zh": "已准备 {done} / {total} 项", "en": "{done} of {total} gathered"},
    "missing": {"zh": "还缺", "en": "Still missing"},
    "item": {"zh": "{label}：{hint}", "en": "{label}. {hint}"},
    "all_gathered": {
        "zh": "材料都准备好了。",
        "en": "You have everything you need.",
    },
    "your_goal": {
        "zh": "你的目标：{goals}。",
        "en": "Your goals: {goals}.",
        "en_one:count": "Your goal: {goals}.",
    },
    "no_goal": {
        "zh": "你还没有选择目标。请至少勾选一项：目标明确，沟通会更有效率。",
        "en": "You haven't chosen a goal yet. Tick at least one: knowing what you'll ask for makes the "
        "conversation easier.",
    },
    "ready": {
        "zh": "准备好了。下一步：在第四节选择沟通渠道，在第五节生成要说的话。",
        "en": "You're ready. Next: choose a channel in section 4, and draft what to say in section 5.",
    },
    "never_ids": {
        "zh": "提醒：这个网站从来不需要你的身份证号、账号、借款编号、密码或验证码。"
        "这些信息留在支付宝 App 里；第五节的模板用【借款编号】这样的占位符代替，由你自己填写。",
        "en": "Reminder: this site never needs your ID number, account numbers, loan references, passwords or "
        "verification codes. Keep them in the Alipay app; the templates in section 5 use placeholders such "
        "as [loan reference] that you fill in yourself.",
    },
    "goal_prefix": {"zh": "目标：", "en": "Goal: "},
}


@dataclass(frozen=True)
class Item:
    """One thing to gather: its field name, label and where to find it."""

    key: str
    label: Text
    hint: Text


ITEMS: tuple[Item, ...] = (
    Item(
        "have_account",
        {
            "zh": "账户信息：哪个产品（花呗 / 借呗）、欠多少、哪天到期",
            "en": "Account details: which product (Huabei / Jiebei), how much you owe, the due date",
        },
        {
            "zh": "在 App 的账单页面查看。自己记下即可，这个网站不需要你的账号或身份证号。",
            "en": "In the app's bill pages. Note them down for yourself; this site never asks for account or ID "
            "numbers.",
        },
    ),
    Item(
        "have_contract",
        {"zh": "借款合同或产品的条款", "en": "The contract or the product's terms"},
        {
            "zh": "在 App 中该产品的合同 / 协议页面查看（具体位置请以你的 App 为准）。",
            "en": "In the app's contract or agreement pages for the product (where they are depends on your app).",
        },
    ),
    Item(
        "have_record",
        {"zh": "还款记录", "en": "Your repayment record"},
        {
            "zh": "在 App 的账单 / 还款记录页面查看：什么时候还了多少。",
            "en": "In the app's bill or repayment history pages: what you paid and when.",
        },
    ),
    Item(
        "have_proof",
        {"zh": "情况变化的证明", "en": "Proof of what changed"},
        {
            "zh": "例如：收入减少的证明、解除劳动合同通知、病历或医疗单据。",
            "en": "For example a letter showing lower pay, a notice that your job has ended, or medical papers.",
        },
    ),
    Item(
        "have_budget",
        {"zh": "你的预算", "en": "Your budget"},
        {
            "zh": "用第二节的计算器算出：付完住房、水电、饮食等基本开支后，每月还能还多少。",
            "en": "From the calculator in section 2: what you can pay each month after essentials such as housing, "
            "utilities and food.",
        },
    ),
    Item(
        "have_log",
        {"zh": "记录每次沟通的地方", "en": "Somewhere to note each call or chat"},
        {
            "zh": "一个本子或手机备忘录：日期、时间、客服姓名或工号、约定了什么。",
            "en": "A notebook or a note on your phone: date, time, agent name or ID, what was agreed.",
        },
    ),
)


def _goal_field(key: str, label: Text) -> Field:
    return Field(
        f"goal_{key}",
        "check",
        {lang: MESSAGES["goal_prefix"][lang] + label[lang] for lang in label},
        required=False,
    )


FIELDS: tuple[Field, ...] = tuple(
    Field(item.key, "check", item.label, hint=item.hint, required=False) for item in ITEMS
) + tuple(_goal_field(g.key, g.label) for g in GOALS)


def _progress(done: int, total: int, lang: str) -> str:
    label = t(MESSAGES, "progress", lang, done=done, total=total)
    return (
        f'<p class="calc-progress-text"><strong>{esc(label)}</strong></p>'
        f'<progress class="calc-progress" max="{total}" value="{done}" aria-hidden="true"></progress>'
    )


def calculate(values: dict[str, Any], lang: str) -> Result:
    """Progress, what is still missing, the chosen goals as one line, and a reminder about IDs."""
    missing = [item for item in ITEMS if not values.get(item.key)]
    goals = [g for g in GOALS if values.get(f"goal_{g.key}")]
    done = len(ITEMS) - len(missing)
    parts = [_progress(done, len(ITEMS), lang)]
    if missing:
        parts.append(heading(t(MESSAGES, "missing", lang)))
        parts.append(
            bullet_list(
                t(MESSAGES, "item", lang, label=pick(item.label, lang), hint=pick(item.hint, lang))
                for item in missing
            )
        )
    else:
        parts.append(paragraph(t(MESSAGES, "all_gathered", lang)))
    if goals:
        line = join_phrases([pick(g.short, lang) for g in goals], lang)
        parts.append(paragraph(t(MESSAGES, "your_goal", lang, goals=line, count=len(goals)), "calc-goal"))
    else:
        parts.append(paragraph(t(MESSAGES, "no_goal", lang)))
    if goals and not missing:
        parts.append(paragraph(t(MESSAGES, "ready", lang)))
    parts.append(paragraph(t(MESSAGES, "never_ids", lang), "calc-note"))
    data = {
        "gathered": done,
        "total": len(ITEMS),
        "missing": [item.key for item in missing],
        "goals": [g.key for g in goals],
    }
    return Result(html="".join(parts), data=data)


CALCULATOR = Calculator(
    name="prepare",
    title={"zh": "准备清单", "en": "Preparation checklist"},
    intro={
        "zh": "勾选已经准备好的材料和这次沟通的目标。进度只保存在这个浏览器里，可以随时删除。",
        "en": "Tick off what you have gathered and what you want to ask for. Your ticks stay in this browser "
        "only, and you can delete them at any time.",
    },
    fields=FIELDS,
    calculate=calculate,
    page="3-prepare",
    submit={"zh": "查看进度", "en": "Show progress"},
    features=frozenset({"persist"}),
)
