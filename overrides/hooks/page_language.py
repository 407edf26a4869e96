"""Build step: language marks that one theme setting can't give per language.

- The ¶ permalinks are titled in the page's language (the toc extension's ``permalink_title``
  is one setting for every language): "永久链接" (永久鏈接) on Chinese pages, not "Permanent link".
- On a page that is not in Chinese, Chinese words in the text (花呗, 借呗, 12378...) are marked
  ``<span lang="zh">`` so screen readers read them in Chinese and browsers pick a Chinese font,
  by the function that marks the calculators' results (``calculators.page.markup.mark_chinese``):
  punctuation-only runs (【】) too; text inside ``option``, ``textarea``, ``script``, ``style``,
  ``title`` and ``svg`` is left alone (no markup is allowed there).
- Calculator forms are left out of the search index (``data-search-exclude``, which Material's
  search plugin honours and then removes): their labels, units and choices made garbled snippets
  ("已逾期天数 (天)天"). It goes on the ``<form>``: the plugin ends an exclusion at the first
  closing tag of the same name, and forms are never nested (the box's ``<div>`` would end early).
"""

from __future__ import annotations

import importlib
import re
import sys
from pathlib import Path

PERMALINK_TITLES = {"zh": "永久链接", "zh-Hant": "永久鏈接"}
PERMALINK = re.compile(r'(<a class="headerlink" href="[^"]*") title="Permanent link"')
ROOT = Path(__file__).resolve().parents[2]


def _markup():  # noqa: ANN202 - the module imported from this checkout
    """``calculators.page.markup``: results and pages are marked by one function."""
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    return importlib.import_module("calculators.page.markup")


def mark_chinese(html: str, lang: str = "en") -> str:
    """Wrap each run of Chinese in the text of ``html`` in ``<span lang="zh">``, as results are
    (:func:`calculators.page.markup.mark_chinese`): punctuation-only runs (【】) too, nothing inside
    an element already in Chinese, nor in ``option``, ``textarea``, ``script``, ``style``,
    ``title`` and ``svg``.

    >>> mark_chinese('<p>Open 花呗 (Huabei) in <b>支付宝</b>.</p><option>简体中文</option>')
    '<p>Open <span lang="zh">花呗</span> (Huabei) in <b><span lang="zh">支付宝</span></b>.</p><option>简体中文</option>'
    >>> mark_chinese('<p>Type 【】 or <span lang="zh">《征信业管理条例》</span></p>')
    '<p>Type <span lang="zh">【】</span> or <span lang="zh">《征信业管理条例》</span></p>'
    """
    return _markup().mark_chinese(html, lang)


CALCULATOR_FORM = re.compile(r'<form class="calc-form" ')


def on_page_content(html, page, config, files):
    lang = config["theme"]["language"]
    html = CALCULATOR_FORM.sub('<form class="calc-form" data-search-exclude="calculator" ', html)
    if lang in PERMALINK_TITLES:
        return PERMALINK.sub(rf'\1 title="{PERMALINK_TITLES[lang]}"', html)
    if not lang.startswith("zh"):
        return mark_chinese(html, lang)
    return html
