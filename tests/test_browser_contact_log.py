"""The contact log on the built site (sections 5 and 6): entries added, edited and deleted, kept
over reload, language switch and Back, the CSV downloaded and read back, markup shown as text,
every delete button, the keyboard alone, a 360 px phone and axe in zh, en and zh-Hant.
Every test fails on a request to another origin or a console error (``page_and_watch``)."""

from __future__ import annotations

import csv
import io
from datetime import datetime

import pytest

from calculators.core.i18n import pick
from calculators.page.ui import UI
from calculators.tools.contact_log import CHANNELS, LABELS
from tests.browser_helpers import ANSWER_TIMEOUT, pdf_text, wait_for_state
from tests.test_browser_a11y import violations
from tests.test_browser_phone import OVERFLOW

pytestmark = pytest.mark.browser
NAME = "contact-log"
KEY = "calc-log:contact-log"
STORED = f"() => localStorage.getItem('{KEY}')"
LANGS = [("zh", ""), ("en", "en/"), ("zh-Hant", "zh-Hant/")]
XSS_IMG = '<img src=x onerror="window.__xss = 1">'
XSS_SCRIPT = "<script>window.__xss = 2</script>"
COLUMNS = ["date", "time", "channel", "agent", "said", "agreed", "next_step", "next_date"]


def url(base_url: str, root: str, page: str = "5-communicate") -> str:
    return f"{base_url}{root}guide/{page}/"


def open_log(page, address: str) -> None:
    page.goto(address)
    wait_for_state(page, NAME, "ready")


def entries(page) -> list[str]:
    """The entries as shown, newest first: each one's text."""
    return page.eval_on_selector_all(
        f"#calc-{NAME}-log .calc-log-entry", "items => items.map((i) => i.innerText)"
    )


def wait_for_count(page, count: int) -> None:
    page.wait_for_function(
        "([id, count]) => document.querySelectorAll(`#${id} .calc-log-entry`).length === count",
        arg=[f"calc-{NAME}-log", count],
        timeout=ANSWER_TIMEOUT,
    )


def add(page, **fields: str) -> None:
    """Fill the entry form (keeping the date and time it shows unless given) and press Add."""
    before = len(entries(page))
    for name, value in fields.items():
        selector = f"#calc-{NAME}-{name}"
        if name == "channel":
            page.select_option(selector, value)
        else:
            page.fill(selector, value)
    page.click(f'#calc-{NAME} .calc-actions [type="submit"]')
    wait_for_count(page, before + 1)


def test_add_edit_delete_and_keep_over_reload_language_and_back(page_and_watch, base_url: str) -> None:
    page, _ = page_and_watch
    open_log(page, url(base_url, ""))
    # a new entry starts at the reader's now (the browser's own clock and time zone)
    shown_date = page.input_value(f"#calc-{NAME}-date")
    now = datetime.fromisoformat(
        page.evaluate(
            "() => { const d = new Date(); return new Date(d - d.getTimezoneOffset() * 60000).toISOString().slice(0, 16); }"
        )
    )
    assert shown_date == now.date().isoformat()
    assert page.input_value(f"#calc-{NAME}-time")[:2] in {f"{now.hour:02d}", f"{(now.hour + 1) % 24:02d}"}
    assert page.evaluate(STORED) is None

    add(
        page, date="2026-12-01", time="10:00", channel="hotline", agent="工号 8023", said="我说明了收入减少。"
    )
    add(
        page,
        date="2026-12-03",
        time="9:05",
        agreed="同意分 12 期，每期 916.80 元",
        next_step="等短信确认",
        next_date="2026-12-10",
    )
    shown = entries(page)
    assert shown[0].startswith("2026年12月3日 09:05 · App 里的在线客服")  # newest first
    assert "同意分 12 期，每期 916.80 元" in shown[0] and "2026年12月10日" in shown[0]
    assert shown[1].startswith("2026年12月1日 10:00 · 客服电话") and "工号 8023" in shown[1]
    # the form is empty again, at now, and the result region holds no preview
    assert (
        page.input_value(f"#calc-{NAME}-said") == "" and page.input_value(f"#calc-{NAME}-date") == shown_date
    )
    assert page.inner_html(f"#calc-{NAME}-result") == ""

    # edit the older one: the form takes its values, "Save changes" replaces it
    page.click(f"#calc-{NAME}-log .calc-log-entry:nth-child(2) .calc-log-edit")
    assert page.input_value(f"#calc-{NAME}-agent") == "工号 8023"
    assert page.input_value(f"#calc-{NAME}-channel") == "hotline"
    save = page.locator(f'#calc-{NAME} .calc-actions [type="submit"]')
    assert save.inner_text() == pick(UI["log_save"], "zh")
    page.fill(f"#calc-{NAME}-agreed", "下周再谈")
    save.click()
    page.wait_for_function(
        "() => document.querySelector('.calc-log-entry:nth-child(2)')?.innerText.includes('下周再谈')",
        timeout=ANSWER_TIMEOUT,
    )
    assert len(entries(page)) == 2 and save.inner_text() == "添加到记录"

    # a third, then delete it again
    add(page, date="2026-12-02", said="第三条")
    assert "第三条" in entries(page)[1]
    page.click(f"#calc-{NAME}-log .calc-log-entry:nth-child(2) .calc-log-delete")
    wait_for_count(page, 2)
    assert not any("第三条" in entry for entry in entries(page))
    kept = entries(page)

    page.reload()
    wait_for_count(page, 2)
    assert entries(page) == kept
    # the same log in section 6, and in English, with English labels around the reader's words
    page.goto(url(base_url, "en/", "6-follow-up"))
    wait_for_count(page, 2)
    english = entries(page)
    assert english[0].startswith("December 3, 2026 09:05 · In-app chat")
    assert "What was agreed\n同意分 12 期，每期 916.80 元" in english[0]
    assert (
        english[1].startswith("December 1, 2026 10:00 · Customer service hotline")
        and "下周再谈" in english[1]
    )
    page.go_back()
    wait_for_count(page, 2)
    assert entries(page) == kept
    # in Traditional Chinese, the labels converted, the reader's words as typed
    page.goto(url(base_url, "zh-Hant/"))
    wait_for_count(page, 2)
    assert entries(page)[0].startswith("2026年12月3日 09:05 · App 裡的在線客服")


def test_empty_too_long_and_markup(page_and_watch, base_url: str) -> None:
    page, _ = page_and_watch
    open_log(page, url(base_url, "en/"))
    submit = f'#calc-{NAME} .calc-actions [type="submit"]'
    # nothing but the date: a message next to "What was said", nothing added
    page.click(submit)
    error = page.locator(f"#calc-{NAME}-said-error")
    error.wait_for(state="visible", timeout=ANSWER_TIMEOUT)
    assert error.inner_text().startswith("Please write at least one of these")
    assert page.get_attribute(f"#calc-{NAME}-said", "aria-invalid") == "true"
    assert entries(page) == [] and page.evaluate(STORED) is None
    # 10,000 characters (pasted past the box's own limit): refused with the cap, the text kept
    page.eval_on_selector(
        f"#calc-{NAME}-said",
        "box => { box.value = 'x'.repeat(10000); box.dispatchEvent(new Event('input', { bubbles: true })); }",
    )
    page.click(submit)
    page.wait_for_function(
        "() => document.getElementById('calc-contact-log-said-error').innerText.includes('2000')",
        timeout=ANSWER_TIMEOUT,
    )
    assert (
        page.locator(f"#calc-{NAME}-said-error").inner_text() == "This is too long (at most 2000 characters)."
    )
    assert len(page.input_value(f"#calc-{NAME}-said")) == 10000 and entries(page) == []
    # markup is shown as text, never run, and no element is injected
    add(page, agent=XSS_IMG, said=XSS_SCRIPT, agreed='a, b "c"\nd')
    shown = page.locator(f"#calc-{NAME}-log .calc-log-entry").first
    assert XSS_IMG in shown.inner_text() and XSS_SCRIPT in shown.inner_text()
    assert page.eval_on_selector(f"#calc-{NAME}", "box => box.querySelectorAll('img, script').length") == 0
    page.reload()
    wait_for_count(page, 1)
    assert page.evaluate("() => window.__xss") is None
    assert page.eval_on_selector(f"#calc-{NAME}", "box => box.querySelectorAll('img, script').length") == 0


@pytest.mark.parametrize(("lang", "root"), LANGS)
def test_the_csv_has_a_bom_crlf_quoting_and_the_page_language_headers(
    page_and_watch, base_url: str, lang: str, root: str
) -> None:
    page, _ = page_and_watch
    open_log(page, url(base_url, root))
    add(page, date="2026-12-01", time="10:00", channel="written", agent="王, 8023", said='他说"不行"\n再问')
    add(page, date="2026-12-03", agreed="分 12 期")
    with page.expect_download() as waiting:
        page.click(f"#calc-{NAME}-log .calc-log-csv")
    download = waiting.value
    assert download.suggested_filename == f"contact-log-{datetime.now().date().isoformat()}.csv"
    raw = open(download.path(), "rb").read()
    assert raw.startswith(b"\xef\xbb\xbf") and raw.count(b"\xef\xbb\xbf") == 1
    body = raw[3:].decode("utf-8")
    assert (
        body.endswith("\r\n") and body.count("\r\n") == 3
    )  # header, two entries (the "\n" in a note is quoted)
    assert '"王, 8023"' in body and '"他说""不行""\n再问"' in body
    rows = list(csv.reader(io.StringIO(body, newline="")))
    assert rows[0] == [pick(LABELS[name], lang) for name in COLUMNS]
    channel = pick(next(c.label for c in CHANNELS if c.value == "written"), lang)
    assert rows[1][0] == "2026-12-03" and len(rows[1][1]) == 5  # the time it was added at
    assert rows[1][2:] == [pick(CHANNELS[0].label, lang), "", "", "分 12 期", "", ""]
    assert rows[2] == ["2026-12-01", "10:00", channel, "王, 8023", '他说"不行"\n再问', "", "", ""]


def test_every_delete_button_removes_the_log(page_and_watch, base_url: str) -> None:
    page, _ = page_and_watch
    open_log(page, url(base_url, ""))
    add(page, said="一")
    # the log's own button asks first: dismissed, nothing goes
    page.once("dialog", lambda dialog: dialog.dismiss())
    page.click(f"#calc-{NAME}-log .calc-log-clear")
    assert len(entries(page)) == 1 and page.evaluate(STORED) is not None
    page.once("dialog", lambda dialog: dialog.accept())
    page.click(f"#calc-{NAME}-log .calc-log-clear")
    wait_for_count(page, 0)
    assert page.evaluate(STORED) is None
    # the calculator's delete button, after a confirm
    add(page, said="二")
    page.once("dialog", lambda dialog: dialog.accept())
    page.click(f'#calc-{NAME} [data-tool="clear"]')
    wait_for_count(page, 0)
    assert page.evaluate(STORED) is None
    # the About page's button
    add(page, said="三")
    page.goto(f"{base_url}about/")
    page.click("#offline-clear")
    page.wait_for_function("() => document.getElementById('offline-clear-status').textContent !== ''")
    assert page.evaluate("() => Object.keys(localStorage).filter((key) => key.startsWith('calc'))") == []
    open_log(page, url(base_url, ""))
    assert entries(page) == []


def test_keyboard_only(page_and_watch, base_url: str) -> None:
    page, _ = page_and_watch
    open_log(page, url(base_url, "en/"))
    page.focus(f"#calc-{NAME}-date")
    order = []
    for _ in range(20):  # a date box takes a Tab per part (day, month, year)
        focused = page.evaluate("() => document.activeElement.id || document.activeElement.type")
        if not order or order[-1] != focused:
            order.append(focused)
        if focused == "submit":
            break
        page.keyboard.press("Tab")
    assert order == [f"calc-{NAME}-{name}" for name in COLUMNS] + ["submit"]
    assert page.evaluate("() => document.activeElement.type") == "submit"
    page.focus(f"#calc-{NAME}-said")
    page.keyboard.type("Called about the bill")
    page.focus(f'#calc-{NAME} .calc-actions [type="submit"]')
    page.keyboard.press("Enter")  # Add, by Enter
    wait_for_count(page, 1)
    # from the form on, Tab reaches every button of the log, in order
    page.focus(f'#calc-{NAME} .calc-actions [type="submit"]')
    reached = []
    for _ in range(10):
        page.keyboard.press("Tab")
        reached.append(
            page.evaluate(
                "() => [...document.activeElement.classList].find((c) => c.startsWith('calc-log-')) || ''"
            )
        )
    reached = [name for name in reached if name]
    assert reached[:4] == ["calc-log-edit", "calc-log-delete", "calc-log-csv", "calc-log-clear"]
    edit = page.locator(f"#calc-{NAME}-log .calc-log-edit")
    edit.focus()
    page.keyboard.press(" ")  # Edit, by Space: the focus goes to the form's first field
    assert page.evaluate("() => document.activeElement.id") == f"calc-{NAME}-date"
    assert page.input_value(f"#calc-{NAME}-said") == "Called about the bill"
    page.locator(f"#calc-{NAME} .calc-log-cancel").focus()
    page.keyboard.press("Enter")
    assert page.input_value(f"#calc-{NAME}-said") == ""
    delete = page.locator(f"#calc-{NAME}-log .calc-log-delete")
    delete.focus()
    page.keyboard.press("Enter")
    wait_for_count(page, 0)
    assert page.evaluate("() => document.activeElement.classList.contains('calc-log-title')")


@pytest.mark.parametrize(("lang", "root"), LANGS)
def test_360_px_and_axe_with_entries(browser, base_url: str, lang: str, root: str) -> None:
    context = browser.new_context(viewport={"width": 360, "height": 740}, device_scale_factor=1)
    page = context.new_page()
    open_log(page, url(base_url, root))
    add(page, agent="x" * 100, said="很长的一段话" * 300, agreed="https://example.invalid/" + "a" * 300)
    add(page, said="Short", next_step="Call back", next_date="2026-12-10")
    page.fill(f"#calc-{NAME}-said", "draft")  # a preview in the result region too
    page.locator(f"#calc-{NAME}-result > *").first.wait_for(timeout=ANSWER_TIMEOUT)
    overflow = OVERFLOW.replace("`calc-${name}-result`", "`calc-${name}`")
    assert page.evaluate(overflow, NAME) == []
    found = violations(page, f"#calc-{NAME}")
    page.set_viewport_size({"width": 1280, "height": 800})
    found += violations(page, f"#calc-{NAME}")
    context.close()
    assert found == [], found


def test_an_edit_survives_a_reload_and_replaces_the_entry(page_and_watch, base_url: str) -> None:
    page, _ = page_and_watch
    open_log(page, url(base_url, "en/"))
    add(page, date="2026-12-01", said="First version")
    page.click(f"#calc-{NAME}-log .calc-log-edit")
    page.fill(f"#calc-{NAME}-said", "Second version")
    page.reload()
    wait_for_state(page, NAME, "ready")
    save = page.locator(f'#calc-{NAME} .calc-actions [type="submit"]')
    assert save.inner_text() == pick(UI["log_save"], "en")
    assert page.input_value(f"#calc-{NAME}-said") == "Second version"
    save.click()
    page.wait_for_function(
        "() => document.querySelector('.calc-log-entry')?.innerText.includes('Second version')",
        timeout=ANSWER_TIMEOUT,
    )
    assert len(entries(page)) == 1 and save.inner_text() == "Add to the log"
    assert page.evaluate("() => sessionStorage.getItem('calc-log-editing:contact-log')") is None


def test_the_log_prints_without_its_buttons(page_and_watch, base_url: str, tmp_path) -> None:
    page, _ = page_and_watch
    open_log(page, url(base_url, "en/"))
    add(page, date="2026-12-01", agent="Agent 8023", said="Asked for 12 payments", agreed="Call back Friday")
    text = pdf_text(page.pdf(format="A4"), tmp_path, layout=True)
    assert "December 1, 2026" in text and "Agent 8023" in text and "Call back Friday" in text
    for label in ("log_csv", "log_clear", "log_save"):  # the buttons' words appear nowhere else
        assert pick(UI[label], "en") not in text
