"""Compose the chat message, the written request, the call script and the record template.

Everything is plain text in the message's language (``draft.lang``), which the reader picks
independently of the site's language. The reader's own words (``detail``, ``extra``) are kept
as typed; the page shows the texts through :func:`calculators.page.markup.copy_block`, which escapes.

>>> d = Draft(lang="en", goal="longer_term", reason="job_loss", offer=Decimal("800"), months=18)
>>> chat_text(d).splitlines()[0]
"Hello, I'd like to agree on a way to repay what I owe. Account: [account name]. Loan reference: [loan reference]."
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from ..advice.goals import goal
from ..core.i18n import pick, t, written_lang
from ..core.money import display_money
from .texts import METHOD_WORDS, PLACEHOLDERS, PRODUCT_WORDS, REASONS, TEXT

__all__ = ["Draft", "chat_text", "letter_text", "record_text", "script_text"]

_REASON_CLAUSE = {reason.key: reason.clause for reason in REASONS}


@dataclass(frozen=True)
class Draft:
    """What goes into the texts. Empty strings and ``None`` mean "not given"."""

    lang: str
    goal: str = ""
    reason: str = ""
    detail: str = ""
    product: str = ""
    amount: Decimal | None = None
    offer: Decimal | None = None
    months: int | None = None
    method: str = ""
    has_proof: bool = False
    pay_meanwhile: bool = False
    extra: str = ""

    @property
    def dispute_only(self) -> bool:
        """A dispute of a charge with no hardship and no plan given: the texts then neither claim
        difficulty nor ask for a repayment plan."""
        return (
            self.goal == "dispute"
            and not self.reason
            and not self.detail.strip()
            and self.offer is None
            and self.months is None
            and not self.method
        )


def _t(draft: Draft, key: str, **params: object) -> str:
    return t(TEXT, key, draft.lang, **params)


def _ph(draft: Draft, key: str) -> str:
    return pick(PLACEHOLDERS[key], draft.lang)


def _join(draft: Draft, sentences: list[str]) -> str:
    """Sentences run on in Chinese and are spaced in English."""
    kept = [s for s in sentences if s]
    return "".join(kept) if written_lang(draft.lang) == "zh" else " ".join(kept)


def _product(draft: Draft) -> str:
    return pick(PRODUCT_WORDS.get(draft.product, PRODUCT_WORDS[""]), draft.lang)


def reason_sentences(draft: Draft) -> str:
    """Why the reader can't pay as planned, plus their own words if given (for a dispute only,
    what was found on the bill instead)."""
    if draft.dispute_only:
        return _t(draft, "situation_dispute")
    clause = _REASON_CLAUSE.get(draft.reason)
    first = _t(draft, "reason", clause=pick(clause, draft.lang)) if clause else _t(draft, "reason_generic")
    detail = draft.detail.strip().rstrip("。.!！ ")
    return _join(draft, [first, _t(draft, "detail", detail=detail) if detail else ""])


def ask_sentence(draft: Draft) -> str:
    """What the reader asks for (the goal), or a generic request for an affordable plan."""
    if draft.goal:
        return _t(draft, "ask", ask=pick(goal(draft.goal).ask, draft.lang))
    return _t(draft, "ask_generic")


def plan_sentences(draft: Draft) -> str:
    """The amount owed, the monthly offer, the months and the method, as far as they are given
    (nothing for a dispute only: it asks for a check, not for a plan)."""
    if draft.dispute_only:
        return ""
    amount = _t(draft, "amount", amount=display_money(draft.amount)) if draft.amount is not None else ""
    method = _t(draft, "method", method=pick(METHOD_WORDS[draft.method], draft.lang)) if draft.method else ""
    if draft.offer is not None and draft.offer > 0:
        months = _t(draft, "months_offer", months=draft.months) if draft.months else ""
        offer = _t(draft, "offer", offer=display_money(draft.offer), months=months, method=method)
        budget = _t(draft, "budget")
    else:
        months = _t(draft, "months_plan", months=draft.months) if draft.months else ""
        if draft.offer is not None:
            offer = _join(draft, [_t(draft, "offer_zero"), months])
        elif draft.goal or months:  # without a goal, the generic ask already says this
            offer = _join(draft, [_t(draft, "offer_none"), months])
        else:
            offer = ""
        budget = _t(draft, "budget_show")
    return _join(draft, [amount, offer, budget])


def meanwhile_sentence(draft: Draft) -> str:
    """ "I'll start paying what I offered while you consider it", when there is an offer."""
    if draft.pay_meanwhile and draft.offer is not None and draft.offer > 0:
        return _t(draft, "meanwhile", offer=display_money(draft.offer))
    return ""


def _ids(draft: Draft) -> str:
    return _t(draft, "ids", account=_ph(draft, "account"), loan=_ph(draft, "loan"))


def _hello(draft: Draft) -> str:
    return _t(draft, "hello_dispute" if draft.dispute_only else "hello", product=_product(draft))


def _freeze(draft: Draft) -> str:
    return _t(draft, "freeze_dispute" if draft.dispute_only else "freeze")


def _harassment(draft: Draft) -> str:
    return _t(draft, "harassment") if draft.goal == "stop_harassment" else ""


def chat_text(draft: Draft) -> str:
    """A short, polite message for the in-app chat."""
    head = _join(draft, [_hello(draft), _ids(draft)])
    body = _join(
        draft,
        [
            reason_sentences(draft),
            ask_sentence(draft),
            _harassment(draft),
            plan_sentences(draft),
            meanwhile_sentence(draft),
            _t(draft, "confirm_dispute" if draft.dispute_only else "confirm"),
            _t(draft, "thanks"),
        ],
    )
    return f"{head}\n{body}"


def letter_text(draft: Draft) -> str:
    """The longer written request, in four short parts."""
    name = _ph(draft, "name")
    proof = _t(draft, "proof", documents=_ph(draft, "documents")) if draft.has_proof else ""
    extra = draft.extra.strip()
    blocks = [
        _t(draft, "subject_dispute" if draft.dispute_only else "subject", product=_product(draft)),
        _t(draft, "dear"),
        _t(draft, "i_am", name=name, account=_ph(draft, "account"), loan=_ph(draft, "loan")),
        _t(draft, "part_situation") + "\n" + _join(draft, [reason_sentences(draft), proof]),
        _t(draft, "part_request")
        + "\n"
        + _join(
            draft, [ask_sentence(draft), _harassment(draft), plan_sentences(draft), meanwhile_sentence(draft)]
        ),
        _t(draft, "part_interest") + "\n" + _freeze(draft),
        _t(draft, "part_written")
        + "\n"
        + _t(draft, "written_dispute" if draft.dispute_only else "written_terms"),
        _t(draft, "extra", extra=extra) if extra else "",
        _t(draft, "sign_off", name=name, date=_ph(draft, "date")),
    ]
    return "\n\n".join(block for block in blocks if block)


def _say(text: str) -> str:
    """One line of the script to say aloud ('' when there is nothing to say)."""
    return f"- “{text}”" if text else ""


def script_text(draft: Draft) -> str:
    """A call script: what to say, in order, and what not to say or do."""
    sections = [
        [_t(draft, "script_title")],
        [
            _t(draft, "say_open"),
            _say(_join(draft, [_hello(draft), _t(draft, "line_name")])),
        ],
        [_t(draft, "say_situation"), _say(reason_sentences(draft))],
        [
            _t(draft, "say_offer"),
            _say(ask_sentence(draft)),
            _say(_harassment(draft)),
            _say(plan_sentences(draft)),
            _say(meanwhile_sentence(draft)),
        ],
        [_t(draft, "say_ask"), _say(_freeze(draft)), _say(_t(draft, "line_who"))],
        [
            _t(draft, "say_close"),
            _say(_t(draft, "line_repeat")),
            _say(_t(draft, "line_written")),
            "- " + _t(draft, "line_think"),
        ],
        [_t(draft, "avoid_title")]
        + [
            "- " + _t(draft, key)
            for key in (
                "avoid_over",
                "avoid_codes",
                "avoid_invent",
                "avoid_anger",
                "avoid_oral",
                "avoid_agents",
            )
        ],
    ]
    return "\n\n".join("\n".join(line for line in lines if line) for lines in sections)


def record_text(draft: Draft) -> str:
    """A template to fill in after each call or chat."""
    return _t(draft, "record_title") + "\n" + _t(draft, "record_fields")
