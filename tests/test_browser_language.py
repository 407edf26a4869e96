"""On an English page, the Chinese in a result (a Chinese message, a scam warning's quoted terms) and
in a field's message (the "2亿" a reader typed, quoted back) is marked lang="zh"."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

# Every text node with a Chinese character in ``root``, with the language it is read in.
CHINESE_TEXTS = """
root => {
  const found = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const node = walker.currentNode;
    if (/[\\u3000-\\u303f\\u3400-\\u9fff\\uff00-\\uffef]/.test(node.data)) {
      found.push([node.data.slice(0, 30), node.parentElement.closest("[lang]").lang]);
    }
  }
  return found;
}
"""


def test_chinese_in_an_english_result_and_message_is_marked(page_and_watch, base_url: str) -> None:
    page, _ = page_and_watch
    page.goto(f"{base_url}en/guide/5-communicate/")
    page.wait_for_selector('form.calc-form[data-calculator="message"].is-bound')
    page.check("#calc-message-agent")
    page.click('#calc-message button[type="submit"]')
    page.wait_for_selector("#calc-message-result .calc-copy-block", timeout=120_000)
    texts = page.eval_on_selector("#calc-message-result", CHINESE_TEXTS)
    assert {lang for _, lang in texts} == {"zh"}, texts
    assert any(text.startswith("您好") for text, _ in texts)  # the Chinese message itself
    assert page.locator("#calc-message-result .calc-warning span[lang=zh]").count()  # quoted terms

    page.fill("#calc-message-amount_owed", "2亿")
    page.click('#calc-message button[type="submit"]')
    page.locator("#calc-message-amount_owed-error").wait_for(state="visible")
    assert page.eval_on_selector("#calc-message-amount_owed-error", CHINESE_TEXTS) == [["亿", "zh"]]
    assert page.inner_text("#calc-message-amount_owed-error").startswith("“2亿” is not a number.")


# The page's own display module (the instance calc.js imported) shows a result as the worker's
# answer would: Python's markup, whose lead names a channel in Chinese.
SHOW_ANSWER = """
async (html) => {
  const script = document.querySelector('script[type="module"][src*="assets/calc/calc.js"]');
  const { showResult } = await import(new URL("display.js", script.src).href);
  showResult(document.querySelector('form.calc-form[data-calculator="message"]'), { html, data: {} });
}
"""


def test_the_spoken_summary_marks_its_chinese(page_and_watch, base_url: str) -> None:
    """The summary announced for a result is plain text taken from it: its Chinese, punctuation
    alone included, is marked lang="zh" again, as in the result."""
    from calculators.page.markup import mark_chinese, paragraph

    page, _ = page_and_watch
    page.goto(f"{base_url}en/guide/5-communicate/")
    page.wait_for_selector('form.calc-form[data-calculator="message"].is-bound')
    page.click('#calc-message button[type="submit"]')
    page.wait_for_selector("#calc-message-result .calc-copy-block", timeout=120_000)
    region = "#calc-message .calc-announce"
    assert page.text_content(region)  # the real result's summary, in English

    lead = mark_chinese(paragraph("Start here: 在线客服 in the app 【支付宝】", "calc-lead"), "en")
    page.evaluate(SHOW_ANSWER, lead)
    page.wait_for_function(f"() => document.querySelector('{region}').textContent.startsWith('Start here')")
    assert page.text_content(region) == "Start here: 在线客服 in the app 【支付宝】"
    assert page.eval_on_selector(region, CHINESE_TEXTS) == [["在线客服", "zh"], ["【支付宝】", "zh"]]
    assert page.eval_on_selector_all(f'{region} span[lang="zh"]', "spans => spans.length") == 2
