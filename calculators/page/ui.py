"""Texts of the page-side machinery (status, buttons), sent to the page inside each form."""

from __future__ import annotations

from ..core.i18n import Text

__all__ = ["UI"]

UI: dict[str, Text] = {
    "nojs": {
        "zh": "这个计算器需要浏览器启用 JavaScript 才能运行。指南正文不受影响，可以照常阅读。",
        "en": "This calculator needs JavaScript turned on in your browser. You can still read the whole guide.",
    },
    "idle": {
        "zh": "填写后自动计算。计算在你的浏览器里完成，你填写的内容不会发送到任何地方。",
        "en": "Results appear as you type. Everything is calculated in your browser; nothing you type is sent anywhere.",
    },
    "downloading": {
        "zh": "正在下载计算器（第 1 步，共 3 步）……",
        "en": "Downloading the calculator (step 1 of 3)…",
    },
    "starting": {
        "zh": "正在启动 Python（第 2 步，共 3 步）……",
        "en": "Starting Python (step 2 of 3)…",
    },
    "ready": {
        "zh": "计算器已就绪（第 3 步，共 3 步）。计算只在你的浏览器里进行。",
        "en": "The calculator is ready (step 3 of 3). It runs only in your browser.",
    },
    "calculating": {"zh": "正在计算……", "en": "Calculating…"},
    "failed": {
        "zh": "计算器无法在这个浏览器里启动（{reason}）。指南正文不受影响；你可以重试，或换用较新的浏览器。",
        "en": "The calculator could not start in this browser ({reason}). You can still read the whole guide; try "
        "again, or use a newer browser.",
    },
    "failed_offline": {
        "zh": "你现在处于离线状态，这个浏览器里还没有保存计算器。联网后点“重试”。指南正文不受影响，可以照常阅读。",
        "en": "You are offline, and the calculator is not yet saved in this browser. Connect to the internet and "
        "press Retry. You can still read the whole guide.",
    },
    "failed_download": {
        "zh": "计算器下载失败：网络连接中断或被拦截。请检查网络后点“重试”。指南正文不受影响，可以照常阅读。",
        "en": "The calculator could not be downloaded: the connection dropped or was blocked. Check your connection "
        "and press Retry. You can still read the whole guide.",
    },
    "reason_missing": {"zh": "计算器文件缺失或已损坏", "en": "a calculator file is missing or damaged"},
    "reason_wasm": {"zh": "浏览器不支持 WebAssembly", "en": "this browser has no WebAssembly"},
    "reason_crash": {"zh": "计算器意外停止", "en": "the calculator stopped unexpectedly"},
    "reason_timeout": {"zh": "等待太久没有响应", "en": "it took too long to answer"},
    "reason_worker": {"zh": "浏览器不支持后台计算", "en": "this browser can't run background workers"},
    "slow": {
        "zh": "这次计算时间太长，已经停止。请检查输入后重试。",
        "en": "This calculation took too long and was stopped. Please check your input and try again.",
    },
    "retry": {"zh": "重试", "en": "Retry"},
    "fix_errors": {
        "zh": "有 {count} 项需要修改，请看标红的提示。",
        "en": "Fields to change: {count}. See the note next to each one.",
    },
    "add_row": {"zh": "添加一行", "en": "Add a row"},
    "remove_row": {"zh": "删除{row}", "en": "Remove {row}"},
    "share": {"zh": "复制分享链接", "en": "Copy share link"},
    "share_note": {
        "zh": "链接把你填写的内容放在“#”后面，浏览器不会把这一部分发送给任何服务器。",
        "en": "The link keeps your inputs after the “#”, a part browsers never send to any server.",
    },
    "csv": {"zh": "下载明细（CSV）", "en": "Download schedule (CSV)"},
    "print": {"zh": "打印", "en": "Print"},
    "copy": {"zh": "复制", "en": "Copy"},
    "copied": {"zh": "已复制", "en": "Copied"},
    "copy_failed": {
        "zh": "无法自动复制，请手动选择文字复制。",
        "en": "Could not copy automatically; please select the text and copy it.",
    },
    "persist_note": {
        "zh": "勾选进度只保存在这个浏览器里，不会上传。",
        "en": "Your ticks are kept only in this browser and are never uploaded.",
    },
    "persist_clear": {"zh": "删除保存的进度", "en": "Delete saved progress"},
    "persist_cleared": {"zh": "已删除保存的进度。", "en": "Saved progress deleted."},
    "session_note": {
        "zh": "你填写的内容只保存在这个浏览器标签页里，切换语言、返回或刷新时不会丢失，关闭标签页后自动删除，不会上传。",
        "en": "What you type is kept only in this browser tab, so it stays when you switch language, go back or "
        "reload; it is deleted when you close the tab and is never uploaded.",
    },
    "session_clear": {"zh": "删除我填写的内容", "en": "Delete what I typed"},
    "session_cleared": {"zh": "已删除你填写的内容。", "en": "What you typed has been deleted."},
    "share_unreadable": {
        "zh": "分享链接无法读取（可能没有复制完整），没有填入任何内容。",
        "en": "The share link could not be read (it may not have been copied in full); nothing was filled in.",
    },
    "skip_to": {"zh": "跳到计算器：{title}", "en": "Skip to the calculator: {title}"},
    "steps": {"zh": "协商准备的步骤", "en": "Steps to a repayment agreement"},
    "step_current": {"zh": "（你在这一步）", "en": " (you are here)"},
    "carried": {
        "zh": "已根据你在上一步的结果填好，可以修改。",
        "en": "Filled in from your previous step; you can change it.",
    },
    "pack_link": {"zh": "查看我的还款材料包", "en": "Open my repayment pack"},
    "restored": {
        "zh": "已从分享链接恢复你的输入。",
        "en": "Your inputs were restored from the share link.",
    },
    # The contact log's list (contact-log.js): kept in localStorage until deleted.
    "log_title": {"zh": "你的沟通记录（共 {count} 条）", "en": "Your contact log (entries: {count})"},
    "log_empty": {"zh": "你的沟通记录：还没有记录", "en": "Your contact log: no entries yet"},
    "log_note": {
        "zh": "记录只保存在这个浏览器的本地存储（localStorage）里，不会上传；直到你删除之前，刷新、切换语言或下次打开都还在。",
        "en": "The log is kept only in this browser's storage (localStorage) and never uploaded. It stays through reloads, language switches and later visits until you delete it.",
    },
    "log_edit": {"zh": "修改", "en": "Edit"},
    "log_edit_named": {"zh": "修改 {when} 的记录", "en": "Edit the entry of {when}"},
    "log_delete": {"zh": "删除", "en": "Delete"},
    "log_delete_named": {"zh": "删除 {when} 的记录", "en": "Delete the entry of {when}"},
    "log_save": {"zh": "保存修改", "en": "Save changes"},
    "log_cancel": {"zh": "取消修改", "en": "Cancel editing"},
    "log_csv": {"zh": "下载为表格（CSV）", "en": "Download as a spreadsheet (CSV)"},
    "log_clear": {"zh": "删除全部记录", "en": "Delete the whole log"},
    "log_confirm_clear": {
        "zh": "删除这个浏览器里的全部 {count} 条沟通记录？删除后无法恢复。",
        "en": "Delete all {count} entries of your contact log from this browser? This can't be undone.",
    },
    "log_added": {"zh": "已添加 {when} 的记录。", "en": "Added the entry of {when}."},
    "log_saved": {"zh": "已保存对 {when} 的记录的修改。", "en": "Saved your changes to the entry of {when}."},
    "log_not_kept": {
        "zh": "这个浏览器不允许保存（可能关闭了本地存储或空间已满），记录只在本页打开期间有效，请先下载为表格。",
        "en": "This browser won't let the site keep the log (storage may be off or full), so download it as a spreadsheet before you leave the page.",
    },
    "log_editing": {
        "zh": "正在修改 {when} 的记录。改好后按“保存修改”。",
        "en": "Editing the entry of {when}. Press “Save changes” when you're done.",
    },
    "log_cancelled": {"zh": "已取消修改。", "en": "Editing canceled."},
    "log_deleted": {"zh": "已删除 {when} 的记录。", "en": "Deleted the entry of {when}."},
    "log_cleared": {"zh": "已删除全部沟通记录。", "en": "Your whole contact log has been deleted."},
}
