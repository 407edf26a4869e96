"""Build step: a short, calm crisis box at the end of every guide and help page.

The box says three things only, each with its source on the About page: talk to someone you
trust; the national psychological assistance hotline 12356 (at least 18 hours a day, anonymous);
110 in an emergency. (The facts files hold no source for 120, so it is left out.)

- The text is kept here once per written language (``zh``, ``en``); the ``zh-Hant`` box is the
  Simplified one through :func:`traditional_text.to_traditional`, the project's one converter.
- It is plain Markdown in an ``<aside>`` (readable with JavaScript off), labelled by its title for
  screen readers, styled by Material's admonition classes.
- It is left out of the search index (``data-search-exclude``, which Material's search plugin
  honours and then removes), so a search for 110 or 心理 does not list every page.
- Pages get it in ``on_page_markdown`` after the Traditional pages are checked (the priority of
  ``traditional_pages.py`` is 100), so the generated ``*.zh-Hant.md`` files on disk stay exactly
  their Simplified source converted.
"""

from __future__ import annotations

from traditional_text import to_traditional

SECTIONS = ("guide/", "help/")
TITLE = {"zh": "你不必一个人扛", "en": "You don't have to face this alone"}
BODY = {
    "zh": (
        "欠债的压力可能很大。找一个你信任的人说说，会好受一些。\n\n"
        "- 全国心理援助热线 **12356**：每天至少 18 小时有人接听，可以不说自己的名字。"
        "来源：[心理援助热线 12356](../about.md#src-12356)。\n"
        "- 你或身边的人有危险时，马上打 **110**。来源：[报警电话 110](../about.md#src-110)。"
    ),
    "en": (
        "Money worries can weigh heavily. Talking to someone you trust can help.\n\n"
        "- The national psychological assistance hotline, **12356**, is answered at least 18 hours a day, "
        "and you don't have to give your name. "
        "Source: [psychological assistance hotline 12356](../about.md#src-12356).\n"
        "- If you or someone near you is in danger, call **110** (police) now. "
        "Source: [police 110](../about.md#src-110)."
    ),
}
BOX_ID = "crisis-box"


def box(lang: str) -> str:
    """The box's Markdown for a page in ``lang`` (``zh``, ``en`` or ``zh-Hant``).

    >>> "12356" in box("en") and "src-110" in box("zh-Hant") and "壓力" in box("zh-Hant")
    True
    """
    written = "en" if lang == "en" else "zh"
    title, body = TITLE[written], BODY[written]
    if lang == "zh-Hant":
        title, body = to_traditional(title), to_traditional(body)
    return (
        f'<aside class="admonition info {BOX_ID}" aria-labelledby="{BOX_ID}-title" '
        f'data-search-exclude="crisis" markdown="1">\n'
        f'<p class="admonition-title" id="{BOX_ID}-title">{title}</p>\n\n'
        f"{body}\n\n</aside>\n"
    )


def on_page_markdown(markdown, page, config, files):
    if not page.file.src_uri.startswith(SECTIONS):
        return markdown
    return f"{markdown.rstrip()}\n\n{box(config['theme']['language'])}"
