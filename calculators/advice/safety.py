"""The regulators' warning about paid "debt negotiation" agents, and the field that asks for it.

Facts stated here come from ``domain-facts.md``: regulators (Beijing 2022; a joint warning by NFRA,
CAC, the Ministry of Public Security, PBOC and CSRC) warn against paid agents selling
债务优化 / 债务协商 / 停息挂账 / 反催收; they harvest ID and card data and charge high fees;
negotiating with the lender directly costs nothing.

>>> "债务优化" in scam_warning_html("en") and scam_warning_html("en").startswith('<div class="calc-warning"')
True
"""

from __future__ import annotations

from ..core.i18n import Text, t
from ..page.fields import Field
from ..page.markup import esc

__all__ = ["MESSAGES", "agent_field", "scam_warning_html"]

MESSAGES: dict[str, Text] = {
    "agent_label": {
        "zh": "我在考虑付费请人代为协商（或有人主动提出收费帮我“协商”）",
        "en": "I'm thinking of paying someone to negotiate for me (or someone offered to, for a fee)",
    },
    "agent_hint": {
        "zh": "勾选后，结果会先显示监管部门的风险提示。",
        "en": "If you tick this, the result starts with the regulators' warning.",
    },
    "warning_title": {
        "zh": "请先停一下：警惕收费“协商”代理",
        "en": "Before you pay anyone: read this",
    },
    "warning_body": {
        "zh": "监管部门提醒：不要相信兜售“债务优化”“债务协商”“停息挂账”“反催收”的收费代理。"
        "这类中介会收集你的身份证和银行卡信息，并收取高额费用。直接与贷款机构协商不需要花任何钱，"
        "你可以自己沟通，这个网站的清单和模板就是为此准备的。不要把身份证号、银行卡号、密码或验证码告诉任何人。",
        "en": "Regulators warn against paid “negotiation” agents who charge for “debt optimization,” “debt "
        "negotiation,” “stopping interest and putting the debt on hold,” or “anti-collection” "
        "(债务优化 / 债务协商 / 停息挂账 / 反催收; “anti-collection” agents claim they can keep debt "
        "collectors away from you). These agents collect your ID and bank card details and charge high "
        "fees. Negotiating directly with the lender costs nothing, and you can do it yourself: this "
        "site's checklist and templates are here for that. Never give anyone your ID number, bank card "
        "number, passwords, or verification codes.",
    },
    "warning_source": {
        "zh": "来源：北京监管部门风险提示（2022 年）；国家金融监督管理总局、国家网信办、公安部、"
        "中国人民银行、中国证监会联合风险提示。",
        "en": "Source: risk warnings by regulators in Beijing (2022), and a joint warning by the National "
        "Financial Regulatory Administration (NFRA), the Cyberspace Administration of China, the Ministry "
        "of Public Security, the People's Bank of China, and the China Securities Regulatory Commission.",
    },
}


def agent_field(name: str = "agent") -> Field:
    """The check box "I'm considering a paid agent"; ticking it puts the warning first."""
    return Field(
        name,
        "check",
        MESSAGES["agent_label"],
        hint=MESSAGES["agent_hint"],
        required=False,
    )


def scam_warning_html(lang: str) -> str:
    """The warning as a note box, in the site's language."""
    return (
        '<div class="calc-warning" role="note">'
        f"<p><strong>{esc(t(MESSAGES, 'warning_title', lang))}</strong></p>"
        f"<p>{esc(t(MESSAGES, 'warning_body', lang))}</p>"
        f'<p class="calc-note">{esc(t(MESSAGES, "warning_source", lang))}</p>'
        "</div>"
    )
