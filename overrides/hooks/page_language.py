"""Build step: language marks that one theme setting can't give per language.

- The ¶ permalinks are titled in the page's language (the toc extension's ``permalink_title``
  is one setting for every language): "永久链接" (永久鏈接) on Chinese pages, not "Permanent link".
- On a page that is not in Chinese, Chinese words in the text (花呗, 借呗, 12378...) are marked
  ``<span lang="zh">`` so screen readers read them in Chinese and browsers pick a Chinese font.
  Text inside ``option``, ``textarea``, ``script``, ``style``, ``title`` and ``svg`` is left
  alone (no markup is allowed there).
- Calculator forms are left out of the search index (``data-search-exclude``, which Material's
  search plugin honours and then removes): their labels, units and choices made garbled snippets
  ("已逾期天数 (天)天"). It goes on the ``<form>``: the plugin ends an exclusion at the first
  closing tag of the same name, and forms are never nested (the box's ``<div>`` would end early).
"""

from __future__ import annotations

import re

PERMALINK_TITLES = {"zh": "永久链接", "zh-Hant": "永久鏈接"}
PERMALINK = re.compile(r'(<a class="headerlink" href="[^"]*") title="Permanent link"')
# Han characters with the CJK punctuation and full-width forms around and between them.
CHINESE_RUN = re.compile(
    r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff][\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]*"
)
TOKEN = re.compile(r"(<[^>]*>)|([^<]+)")
UNMARKABLE = ("option", "textarea", "script", "style", "title", "svg")


def mark_chinese(html: str) -> str:
    """Wrap each run of Chinese in the text of ``html`` in ``<span lang="zh">``.

    >>> mark_chinese('<p>Open 花呗 (Huabei) in <b>支付宝</b>.</p><option>简体中文</option>')
    '<p>Open <span lang="zh">花呗</span> (Huabei) in <b><span lang="zh">支付宝</span></b>.</p><option>简体中文</option>'
    """
    out: list[str] = []
    skipping: list[str] = []
    for match in TOKEN.finditer(html):
        tag, text = match.groups()
        if tag is not None:
            name = re.match(r"</?\s*([a-zA-Z0-9-]+)", tag)
            if name and name.group(1).lower() in UNMARKABLE and not tag.endswith("/>"):
                if tag.startswith("</"):
                    if skipping:
                        skipping.pop()
                else:
                    skipping.append(name.group(1).lower())
            out.append(tag)
        elif skipping:
            out.append(text)
        else:
            out.append(CHINESE_RUN.sub(lambda run: f'<span lang="zh">{run.group(0)}</span>', text))
    return "".join(out)


CALCULATOR_FORM = re.compile(r'<form class="calc-form" ')


def on_page_content(html, page, config, files):
    lang = config["theme"]["language"]
    html = CALCULATOR_FORM.sub('<form class="calc-form" data-search-exclude="calculator" ', html)
    if lang in PERMALINK_TITLES:
        return PERMALINK.sub(rf'\1 title="{PERMALINK_TITLES[lang]}"', html)
    if not lang.startswith("zh"):
        return mark_chinese(html)
    return html
