// The contact log (calculator "contact-log"): the form is one entry, checked by Python
// (calculators/tools/contact_log.py, data.entry); this module keeps the entries in this browser's
// localStorage ("calc-log:contact-log", a JSON array of entries with an id, oldest first), shows
// them newest first below the form, edits, deletes and exports them as CSV. Nothing is sent
// anywhere. Every text the reader typed is written with textContent (never as HTML). The labels
// come from the form itself (field labels, the channel's options) and from its data-ui texts
// (log_*), so the list shows in the page's language, whichever page the marker is on.

import { download } from "./actions.js";
import { appendMarked, isChinese } from "./chinese.js";
import { clearErrors, clearResult } from "./display.js";
import { prefixOf, ui } from "./fields.js";
import { saveProgress } from "./keep.js";

export const LOG_NAME = "contact-log";
export const logKey = (form) => `calc-log:${form.dataset.calculator}`;
// Which entry the form is editing, for this tab (a reload or a language switch keeps editing it).
const editingKey = (form) => `calc-log-editing:${form.dataset.calculator}`;
const isLog = (form) => form.dataset.calculator === LOG_NAME;

// The CSV's columns, in order: the form's fields, headed by their labels.
const COLUMNS = ["date", "time", "channel", "agent", "said", "agreed", "next_step", "next_date"];
const NOTES = ["agent", "said", "agreed", "next_step"];
const EN_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

function readStored(form) {
  try {
    const entries = JSON.parse(localStorage.getItem(logKey(form)) || "[]");
    return Array.isArray(entries) ? entries.filter((entry) => entry && typeof entry === "object") : [];
  } catch (error) {
    return [];
  }
}

/** The entries, oldest first: as stored, or as kept in the page when storage is off. */
export function readLog(form) {
  form._logEntries ??= readStored(form);
  return [...form._logEntries];
}

function saveLog(form, entries) {
  form._logEntries = entries;
  try {
    if (entries.length) localStorage.setItem(logKey(form), JSON.stringify(entries));
    else localStorage.removeItem(logKey(form));
    return true;
  } catch (error) {
    return false; // storage disabled or full: the entries last while the page is open, and the page says so
  }
}

const text = (value) => (typeof value === "string" ? value : "");
const label = (form, name) => form.querySelector(`label[for="${prefixOf(form)}-${name}"]`)?.textContent.trim() || name;
const channelLabel = (form, value) =>
  [...(form.elements.channel?.options || [])].find((option) => option.value === value)?.textContent || text(value);

/** An ISO date as the page's language writes it: 2026年12月3日, December 3, 2026. */
export function showDate(iso, lang) {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text(iso));
  if (!match) return text(iso);
  const [year, month, day] = match.slice(1).map(Number);
  return isChinese(lang) ? `${year}年${month}月${day}日` : `${EN_MONTHS[month - 1]} ${day}, ${year}`;
}

const showWhen = (entry, lang) => [showDate(entry.date, lang), text(entry.time)].filter(Boolean).join(" ");

/** Newest first: by date and time, then the later one added. */
function newestFirst(entries) {
  return entries
    .map((entry, index) => ({ entry, index, at: `${text(entry.date)}T${text(entry.time) || "00:00"}` }))
    .sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : b.index - a.index))
    .map((each) => each.entry);
}

// RFC 4180: a field with a comma, a quote or a line break is quoted, its quotes doubled; CRLF
// between records. download() adds the one byte-order mark spreadsheet apps need for UTF-8.
const csvCell = (value) => (/[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value);

export function logCsv(form, entries = readLog(form)) {
  const rows = [COLUMNS.map((name) => label(form, name))];
  for (const entry of newestFirst(entries)) {
    rows.push(COLUMNS.map((name) => (name === "channel" ? channelLabel(form, entry.channel) : text(entry[name]))));
  }
  return rows.map((row) => row.map(csvCell).join(",")).join("\r\n") + "\r\n";
}

function element(tag, className, content) {
  const made = document.createElement(tag);
  if (className) made.className = className;
  if (content !== undefined) made.textContent = content;
  return made;
}

function button(className, content, name) {
  const made = element("button", `md-button ${className}`, content);
  made.type = "button";
  if (name) made.setAttribute("aria-label", name);
  return made;
}

function entryItem(form, entry, lang) {
  const item = element("li", "calc-log-entry");
  item.dataset.id = text(entry.id);
  const when = showWhen(entry, lang);
  const title = element("p", "calc-log-when");
  const strong = element("strong");
  appendMarked(strong, when, lang);
  title.append(strong, ` · `);
  appendMarked(title, channelLabel(form, entry.channel), lang);
  const list = element("dl", "calc-log-fields");
  const pairs = NOTES.filter((name) => text(entry[name])).map((name) => [label(form, name), text(entry[name])]);
  if (text(entry.next_date)) pairs.push([label(form, "next_date"), showDate(entry.next_date, lang)]);
  for (const [name, value] of pairs) {
    const pair = element("div");
    const term = element("dt");
    appendMarked(term, name, lang);
    const detail = element("dd");
    appendMarked(detail, value, lang);
    pair.append(term, detail);
    list.append(pair);
  }
  const buttons = element("div", "calc-log-buttons");
  buttons.append(
    button("calc-log-edit", ui(form, "log_edit"), ui(form, "log_edit_named", { when })),
    button("calc-log-delete", ui(form, "log_delete"), ui(form, "log_delete_named", { when })),
  );
  item.append(title, list, buttons);
  return item;
}

/** The list below the form, made once and filled from storage. */
function logBox(form) {
  if (form._logBox) return form._logBox;
  const id = `${prefixOf(form)}-log`;
  const box = element("section", "calc-log");
  box.id = id;
  box.setAttribute("aria-labelledby", `${id}-title`);
  const title = element("h3", "calc-log-title");
  title.id = `${id}-title`;
  title.tabIndex = -1;
  const status = element("p", "calc-log-status");
  status.setAttribute("role", "status");
  const tools = element("div", "calc-log-tools");
  tools.append(button("calc-log-csv", ui(form, "log_csv")), button("calc-log-clear", ui(form, "log_clear")));
  box.append(title, element("p", "calc-hint", ui(form, "log_note")), element("ol", "calc-log-entries"), tools, status);
  (form.closest(".calc") || form).append(box);
  form._logBox = box;
  return box;
}

function render(form) {
  const box = logBox(form);
  const entries = readLog(form);
  const lang = form.dataset.lang;
  box.querySelector(".calc-log-title").textContent = entries.length
    ? ui(form, "log_title", { count: entries.length })
    : ui(form, "log_empty");
  const list = box.querySelector(".calc-log-entries");
  list.replaceChildren(...newestFirst(entries).map((entry) => entryItem(form, entry, lang)));
  list.hidden = !entries.length;
  for (const tool of box.querySelectorAll(".calc-log-tools button")) tool.hidden = !entries.length;
}

function say(form, key, params) {
  logBox(form).querySelector(".calc-log-status").textContent = ui(form, key, params);
}

const pad = (number) => String(number).padStart(2, "0");

/** Today's date and the time now, in the reader's own time zone, unless the draft holds a note. */
function setNow(form, { force = false } = {}) {
  const drafted = NOTES.some((name) => form.elements[name]?.value.trim()) || form.elements.next_date?.value;
  if (drafted && !force) return;
  const now = new Date();
  form.elements.date.value = `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
  form.elements.time.value = `${pad(now.getHours())}:${pad(now.getMinutes())}`;
}

function setEditing(form, id) {
  form._logEditing = id || null;
  try {
    if (id) sessionStorage.setItem(editingKey(form), id);
    else sessionStorage.removeItem(editingKey(form));
  } catch (error) {
    /* storage off: editing lasts while the page is open */
  }
  const submit = form.querySelector('.calc-actions [type="submit"]');
  submit.dataset.label ??= submit.textContent;
  submit.textContent = id ? ui(form, "log_save") : submit.dataset.label;
  let cancel = form.querySelector(".calc-log-cancel");
  if (id && !cancel) {
    cancel = button("calc-log-cancel", ui(form, "log_cancel"));
    cancel.addEventListener("click", () => {
      resetDraft(form);
      say(form, "log_cancelled");
      form.elements.date.focus();
    });
    submit.after(cancel);
  } else if (!id && cancel) cancel.remove();
}

function resetDraft(form) {
  form.reset();
  form._touched?.clear();
  form._submitted = false;
  clearErrors(form);
  clearResult(form);
  setEditing(form, null);
  setNow(form, { force: true });
  saveProgress(form);
}

function newId() {
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}

/** After a submitted entry that Python accepted: add it (or replace the one being edited). */
export function commitEntry(form, data) {
  if (!isLog(form) || !data?.entry) return;
  const entries = readLog(form);
  const editing = form._logEditing;
  const at = editing ? entries.findIndex((entry) => entry.id === editing) : -1;
  if (at >= 0) entries[at] = { ...data.entry, id: editing };
  else entries.push({ ...data.entry, id: newId() });
  const kept = saveLog(form, entries);
  resetDraft(form);
  render(form);
  const when = showWhen(data.entry, form.dataset.lang);
  say(form, kept ? (at >= 0 ? "log_saved" : "log_added") : "log_not_kept", { when });
}

function edit(form, id) {
  const entry = readLog(form).find((each) => each.id === id);
  if (!entry) return;
  clearErrors(form); // every field is filled from the entry (no reset: it would put the time at now)
  for (const name of COLUMNS) {
    const control = form.elements[name];
    if (control) control.value = text(entry[name]);
    form._touched?.add(name);
  }
  setEditing(form, id);
  saveProgress(form);
  say(form, "log_editing", { when: showWhen(entry, form.dataset.lang) });
  form.scrollIntoView({ block: "start" });
  form.elements.date.focus({ preventScroll: true });
}

function remove(form, id) {
  const entries = readLog(form);
  const entry = entries.find((each) => each.id === id);
  if (!entry) return;
  saveLog(form, entries.filter((each) => each.id !== id));
  if (form._logEditing === id) resetDraft(form);
  render(form);
  say(form, "log_deleted", { when: showWhen(entry, form.dataset.lang) });
  logBox(form).querySelector(".calc-log-title").focus();
}

/** Before the form's delete button or the log's own: ask when there are entries to lose. */
export function mayForgetLog(form) {
  if (!isLog(form) || !readLog(form).length) return true;
  return window.confirm(ui(form, "log_confirm_clear", { count: readLog(form).length }));
}

export function forgetLog(form) {
  if (!isLog(form)) return;
  saveLog(form, []);
  if (!form._logBox) return;
  setEditing(form, null);
  render(form);
}

function csvName() {
  const now = new Date();
  return `contact-log-${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}.csv`;
}

/** Once per form: the list, its buttons, and the time of a new entry. */
export function bindLog(form) {
  if (!isLog(form)) return;
  const box = logBox(form);
  setNow(form);
  render(form);
  let editing = null;
  try {
    editing = sessionStorage.getItem(editingKey(form));
  } catch (error) {
    /* storage off */
  }
  if (editing && readLog(form).some((entry) => entry.id === editing)) setEditing(form, editing);
  else if (editing) setEditing(form, null);
  // Any reset (the form's delete button included) leaves a new entry at now, not at no date.
  form.addEventListener("reset", () => setTimeout(() => form._logEditing || setNow(form, { force: true })));
  box.addEventListener("click", (event) => {
    const pressed = event.target.closest("button");
    if (!pressed) return;
    const id = pressed.closest(".calc-log-entry")?.dataset.id;
    if (pressed.classList.contains("calc-log-edit")) edit(form, id);
    else if (pressed.classList.contains("calc-log-delete")) remove(form, id);
    else if (pressed.classList.contains("calc-log-csv")) download(csvName(), logCsv(form));
    else if (pressed.classList.contains("calc-log-clear") && mayForgetLog(form)) {
      forgetLog(form);
      if (form._logEditing) resetDraft(form);
      say(form, "log_cleared");
      box.querySelector(".calc-log-title").focus();
    }
  });
  // Another tab or page of this site changed the log: show it as it is now.
  window.addEventListener("storage", (event) => {
    if (event.key !== null && event.key !== logKey(form)) return;
    form._logEntries = readStored(form);
    render(form);
  });
}
