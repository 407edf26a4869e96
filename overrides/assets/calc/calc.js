// The page script: binds every calculator form on the page to one Web Worker running Pyodide.
// The main thread never runs Python. Nothing the reader types leaves the browser: inputs live in
// the form, in the URL fragment (share links; never sent to a server) or in this browser's storage.

const BOOT_TIMEOUT_MS = 120000; // a slow phone on a slow network may need this long for ~12 MB
const RUN_TIMEOUT_MS = 10000; // a runaway calculation is stopped by restarting the worker
const DEBOUNCE_MS = 250;

const forms = [...document.querySelectorAll("form.calc-form")];
const runtimeMeta = document.querySelector('meta[name="calc-runtime"]');

// ---------------------------------------------------------------------------------------------
// The runtime: one worker, requests matched by id.

class Runtime {
  constructor(config, onStatus) {
    this.config = config;
    this.onStatus = onStatus; // (state, reason) => void
    this.worker = null;
    this.ready = null;
    this.pending = new Map();
    this.nextId = 1;
  }

  start() {
    if (this.ready) return this.ready;
    this.ready = new Promise((resolve, reject) => {
      let timer; // declared before fail() can run: the checks below fail before it is set
      const fail = (reason) => {
        clearTimeout(timer);
        this.stop();
        this.onStatus("failed", reason);
        reject(new Error(reason));
      };
      if (typeof Worker !== "function") return fail("worker");
      if (typeof WebAssembly !== "object") return fail("wasm");
      timer = setTimeout(() => fail("timeout"), this.config.bootTimeoutMs || BOOT_TIMEOUT_MS);
      performance.mark("calc:worker-start"); // for the benchmark: the boot runs from here to calc:ready
      this.onStatus("downloading");
      try {
        this.worker = new Worker(new URL(`worker.js${new URL(import.meta.url).search}`, import.meta.url), {
          type: "module",
        });
      } catch (error) {
        return fail("worker");
      }
      this.worker.onerror = (event) => {
        event.preventDefault();
        // A worker script that could not load reports no message; one that threw reports its error.
        fail(event.message ? "crash" : "missing");
      };
      this.worker.onmessage = ({ data }) => {
        if (data.type === "stage") this.onStatus(data.stage);
        else if (data.type === "ready") {
          clearTimeout(timer);
          performance.mark("calc:ready", { detail: data.timings });
          this.booted = true;
          this.onStatus("ready");
          resolve();
        } else if (data.type === "boot-error") fail(data.reason);
        else if (data.type === "result") this.settle(data);
      };
      this.worker.postMessage({ type: "boot", ...this.config });
    });
    this.ready.catch(() => {});
    return this.ready;
  }

  stop() {
    if (this.worker) this.worker.terminate();
    this.worker = null;
    this.booted = false;
    this.ready = null;
    for (const { reject, timer } of this.pending.values()) {
      clearTimeout(timer);
      reject(new Error("stopped"));
    }
    this.pending.clear();
  }

  settle(answer) {
    const waiting = this.pending.get(answer.id);
    if (!waiting) return;
    clearTimeout(waiting.timer);
    this.pending.delete(answer.id);
    waiting.resolve(answer);
  }

  async run(calculator, lang, fields) {
    await this.start();
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        this.stop(); // terminate the runaway worker; the next request boots a fresh one
        reject(Object.assign(new Error("slow"), { slow: true }));
      }, RUN_TIMEOUT_MS);
      this.pending.set(id, { resolve, reject, timer });
      this.worker.postMessage({ type: "run", id, calculator, lang, fields });
    });
  }
}

// ---------------------------------------------------------------------------------------------
// Reading and filling forms.

function ui(form, key, params = {}) {
  form._ui ??= JSON.parse(form.dataset.ui || "{}");
  return (form._ui[key] || key).replace(/\{(\w+)\}/g, (_, name) => params[name] ?? "");
}

function prefixOf(form) {
  return `calc-${form.dataset.calculator}`;
}

function collect(form) {
  const fields = {};
  for (const element of form.elements) {
    if (!element.name) continue;
    const value = element.type === "checkbox" ? (element.checked ? "on" : "") : element.value;
    const parts = element.name.split(".");
    if (parts.length === 3) {
      const [group, index, name] = parts;
      fields[group] ??= [];
      fields[group][Number(index)] ??= {};
      fields[group][Number(index)][name] = value;
    } else {
      fields[element.name] = value;
    }
  }
  for (const [key, value] of Object.entries(fields)) {
    if (Array.isArray(value)) fields[key] = value.filter(Boolean);
  }
  return fields;
}

function setValue(element, value) {
  if (!element) return;
  if (element.type === "checkbox") element.checked = ["on", "1", "true", true].includes(value);
  else if (element.tagName === "SELECT") {
    if ([...element.options].some((option) => option.value === String(value))) element.value = String(value);
  } else element.value = String(value ?? "");
}

function fill(form, fields) {
  for (const [name, value] of Object.entries(fields || {})) {
    if (Array.isArray(value)) {
      const group = form.querySelector(`fieldset[data-group="${CSS.escape(name)}"]`);
      if (!group) continue;
      setRowCount(form, group, value.length);
      value.forEach((row, index) => {
        for (const [field, fieldValue] of Object.entries(row || {})) {
          setValue(form.elements[`${name}.${index}.${field}`], fieldValue);
        }
      });
    } else {
      setValue(form.elements[name], value);
    }
  }
  applyShowWhen(form);
}

// ---------------------------------------------------------------------------------------------
// Repeated rows (e.g. several debts).

function renumberRow(row, group, index) {
  const name = group.dataset.group;
  const namePattern = new RegExp(`^${name}\\.\\d+\\.`);
  const idPattern = new RegExp(`-${name}-\\d+-`, "g");
  row.dataset.row = String(index);
  for (const element of row.querySelectorAll("[name]")) {
    element.name = element.name.replace(namePattern, `${name}.${index}.`);
  }
  for (const element of row.querySelectorAll("[id], [for], [aria-describedby]")) {
    for (const attribute of ["id", "for", "aria-describedby"]) {
      const value = element.getAttribute(attribute);
      if (value) element.setAttribute(attribute, value.replace(idPattern, `-${name}-${index}-`));
    }
  }
  const title = row.querySelector(".calc-row-title");
  const template = group.querySelector("template.calc-row-template");
  const pattern = template.content.querySelector(".calc-row-title").textContent;
  if (title) title.textContent = pattern.replace("__n__", String(index + 1));
}

function addRow(form, group) {
  const rows = group.querySelector(".calc-rows");
  const template = group.querySelector("template.calc-row-template");
  const index = rows.children.length;
  const html = template.innerHTML.replaceAll("__i__", String(index)).replaceAll("__n__", String(index + 1));
  rows.insertAdjacentHTML("beforeend", html);
  updateRowButtons(group);
  applyShowWhen(form);
  return rows.lastElementChild;
}

function removeRow(form, group, row) {
  row.remove();
  [...group.querySelector(".calc-rows").children].forEach((each, index) => renumberRow(each, group, index));
  updateRowButtons(group);
}

function setRowCount(form, group, count) {
  const rows = group.querySelector(".calc-rows");
  const wanted = Math.max(Number(group.dataset.minRows || 1), Math.min(count, Number(group.dataset.maxRows)));
  while (rows.children.length < wanted) addRow(form, group);
  while (rows.children.length > wanted) rows.lastElementChild.remove();
  updateRowButtons(group);
}

function updateRowButtons(group) {
  const count = group.querySelector(".calc-rows").children.length;
  for (const button of group.querySelectorAll(".calc-remove-row")) {
    button.hidden = count <= Number(group.dataset.minRows || 1);
  }
  group.querySelector(".calc-add-row").hidden = count >= Number(group.dataset.maxRows);
}

// ---------------------------------------------------------------------------------------------
// Fields that apply only for some choices (data-show-when="kind=daily,monthly").

function applyShowWhen(form) {
  for (const box of form.querySelectorAll("[data-show-when]")) {
    const [other, allowed] = box.dataset.showWhen.split("=");
    const scope = box.closest(".calc-row") || form;
    const control = scope.querySelector(`[name="${CSS.escape(other)}"], [name$=".${CSS.escape(other)}"]`);
    box.hidden = !control || !allowed.split(",").includes(control.value);
  }
}

// ---------------------------------------------------------------------------------------------
// Showing status, errors and results.

function setStatus(form, state, reason) {
  const status = form.querySelector(".calc-status");
  status.dataset.state = state;
  const text = state === "failed" ? ui(form, "failed", { reason: ui(form, `reason_${reason}`) }) : ui(form, state);
  // Notes ("restored from the share link") outlive the start-up states, which follow them at once.
  status.textContent = [text, ...(form._notes || []).map((key) => ui(form, key))].join(" ");
  let retry = form.querySelector(".calc-retry");
  if (state === "failed") {
    if (!retry) {
      retry = document.createElement("button");
      retry.type = "button";
      retry.className = "calc-retry md-button";
      retry.textContent = ui(form, "retry");
      retry.addEventListener("click", () => {
        runtime.stop();
        runtime.start().then(() => forms.forEach((each) => calculate(each, { quiet: true })));
      });
      status.after(retry);
    }
  } else if (retry) {
    retry.remove();
  }
}

function errorBox(form, key) {
  return document.getElementById(`${prefixOf(form)}-${key.replaceAll(".", "-")}-error`);
}

function clearErrors(form) {
  for (const box of form.querySelectorAll(".calc-error")) {
    box.hidden = true;
    box.textContent = "";
  }
  for (const element of form.querySelectorAll("[aria-invalid]")) {
    element.removeAttribute("aria-invalid");
    const described = (element.getAttribute("aria-describedby") || "").split(" ").filter((id) => !id.endsWith("-error"));
    element.setAttribute("aria-describedby", described.join(" "));
  }
}

function showErrors(form, errors, { onlyTouched }) {
  clearErrors(form);
  let shown = 0;
  for (const [key, message] of Object.entries(errors)) {
    const element = form.elements[key];
    if (onlyTouched && key !== "_form" && element && !form._touched.has(key)) continue;
    const box = errorBox(form, key) || errorBox(form, "_form");
    if (!box) continue;
    box.textContent = box.textContent ? `${box.textContent} ${message}` : message;
    box.hidden = false;
    shown += 1;
    if (element && element.setAttribute) {
      element.setAttribute("aria-invalid", "true");
      const described = (element.getAttribute("aria-describedby") || "").split(" ").filter(Boolean);
      if (!described.includes(box.id)) described.push(box.id);
      element.setAttribute("aria-describedby", described.join(" "));
    }
  }
  return shown;
}

function resultBox(form) {
  return document.getElementById(`${prefixOf(form)}-result`);
}

function showResult(form, answer) {
  clearErrors(form);
  resultBox(form).innerHTML = answer.html; // built by Python from escaped text only
  form._data = answer.data || {};
  for (const tool of form.querySelectorAll(".calc-tool[data-tool]")) {
    if (tool.dataset.tool !== "clear") tool.hidden = false;
  }
}

// ---------------------------------------------------------------------------------------------
// Calculating.

async function calculate(form, { quiet = false, save = true } = {}) {
  const request = (form._request = (form._request || 0) + 1);
  const fields = collect(form);
  if (save) saveProgress(form, fields);
  let answer;
  try {
    answer = await runtime.run(form.dataset.calculator, form.dataset.lang, fields);
  } catch (error) {
    if (error.slow) setStatus(form, "slow");
    return;
  }
  if (request !== form._request) return; // a newer request is on its way
  form.dataset.pythonMs = answer.ms; // the worker's share of this answer, for the benchmark
  if (answer.ok) {
    showResult(form, answer);
    if (form.querySelector(".calc-status").dataset.state !== "ready") setStatus(form, "ready");
    return;
  }
  const shown = showErrors(form, answer.errors, { onlyTouched: quiet && !form._submitted });
  if (shown) resultBox(form).innerHTML = "";
  if (!quiet || form._submitted) {
    const status = form.querySelector(".calc-status");
    status.textContent = ui(form, "fix_errors", { count: Object.keys(answer.errors).length });
  }
}

function debounce(fn, wait) {
  let timer;
  return (...args) => {
    clearTimeout(timer);
    timer = setTimeout(() => fn(...args), wait);
  };
}

// ---------------------------------------------------------------------------------------------
// Keeping inputs: this browser's storage (persist), the URL fragment (share), carrying between forms.

const storageKey = (form) => `calc:${form.dataset.calculator}`;
const carryKey = (name) => `calc-carry:${name}`;

function saveProgress(form, fields) {
  if (!form.dataset.features.split(" ").includes("persist")) return;
  try {
    localStorage.setItem(storageKey(form), JSON.stringify(fields));
  } catch (error) {
    /* storage may be disabled; progress then lasts only for this visit */
  }
}

function readStorage(storage, key) {
  try {
    const value = storage.getItem(key);
    return value ? JSON.parse(value) : null;
  } catch (error) {
    return null;
  }
}

function encodeFields(fields) {
  const bytes = new TextEncoder().encode(JSON.stringify(fields));
  return btoa(String.fromCharCode(...bytes)).replaceAll("+", "-").replaceAll("/", "_").replace(/=+$/, "");
}

function decodeFields(text) {
  const base64 = text.replaceAll("-", "+").replaceAll("_", "/");
  const bytes = Uint8Array.from(atob(base64), (char) => char.charCodeAt(0));
  return JSON.parse(new TextDecoder().decode(bytes));
}

function shareLink(form) {
  const url = new URL(location.href);
  url.hash = `${form.dataset.calculator}=${encodeFields(collect(form))}`;
  return url.href;
}

function restoreFromFragment(form) {
  const prefix = `#${form.dataset.calculator}=`;
  if (!location.hash.startsWith(prefix)) return false;
  try {
    fill(form, decodeFields(location.hash.slice(prefix.length)));
    return true;
  } catch (error) {
    return false;
  }
}

function note(form, key) {
  form._notes = [...(form._notes || []), key];
  const status = form.querySelector(".calc-status");
  status.textContent = `${status.textContent} ${ui(form, key)}`;
}

async function copyText(button, text) {
  const form = button.closest("form.calc-form") || button.closest(".calc").querySelector("form.calc-form");
  const original = button.dataset.label || button.textContent;
  button.dataset.label = original;
  try {
    await navigator.clipboard.writeText(text);
    button.textContent = ui(form, "copied");
  } catch (error) {
    button.textContent = ui(form, "copy_failed");
  }
  setTimeout(() => (button.textContent = original), 2500);
}

function download(name, text) {
  // Exactly one byte-order mark, so spreadsheet apps read UTF-8; the calculator's CSV may carry it.
  const body = text.startsWith("\ufeff") ? text : `\ufeff${text}`;
  const url = URL.createObjectURL(new Blob([body], { type: "text/csv;charset=utf-8" }));
  const link = document.createElement("a");
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

function carry(button) {
  const target = button.dataset.carryTarget;
  const fields = JSON.parse(button.dataset.carryFields || "{}");
  const form = forms.find((each) => each.dataset.calculator === target);
  if (form) {
    fill(form, fields);
    for (const name of Object.keys(fields)) form._touched.add(name);
    note(form, "carried");
    form.scrollIntoView({ behavior: "smooth", block: "start" });
    (form.querySelector("input, select, textarea") || form).focus({ preventScroll: true });
    calculate(form, { quiet: true });
    return;
  }
  try {
    sessionStorage.setItem(carryKey(target), JSON.stringify(fields));
  } catch (error) {
    /* without storage the values can't travel; the reader can still type them */
  }
  location.href = new URL(`../${button.dataset.carryPage}/#calc-${target}`, location.href).href;
}

// ---------------------------------------------------------------------------------------------
// Binding.

const runtime = new Runtime(runtimeMeta ? JSON.parse(runtimeMeta.content) : {}, (state, reason) => {
  for (const form of forms) setStatus(form, state, reason);
});

function bind(form) {
  form._touched = new Set();
  setStatus(form, "idle");
  form.classList.add("is-bound");
  for (const button of form.querySelectorAll('[type="submit"]')) button.disabled = false;
  const recalculate = debounce(() => calculate(form, { quiet: true }), DEBOUNCE_MS);

  form.addEventListener("focusin", () => runtime.start(), { once: true });
  form.addEventListener("input", (event) => {
    if (event.target.name) form._touched.add(event.target.name);
    form._notes = []; // the reader's own edits: the inputs no longer just came from elsewhere
    applyShowWhen(form);
    recalculate();
  });
  form.addEventListener("change", (event) => {
    if (event.target.name) form._touched.add(event.target.name);
    form._notes = []; // the reader's own edits: the inputs no longer just came from elsewhere
    applyShowWhen(form);
    recalculate();
  });
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    form._submitted = true;
    calculate(form);
  });
  form.addEventListener("click", (event) => {
    const button = event.target.closest("button");
    if (!button) return;
    if (button.classList.contains("calc-add-row")) {
      const row = addRow(form, button.closest("fieldset"));
      row.querySelector("input, select")?.focus();
    } else if (button.classList.contains("calc-remove-row")) {
      const group = button.closest("fieldset");
      removeRow(form, group, button.closest(".calc-row"));
      group.querySelector(".calc-add-row").focus();
      recalculate();
    } else if (button.dataset.tool === "share") {
      const link = shareLink(form);
      history.replaceState(null, "", link);
      form.querySelector(".calc-share-note").hidden = false;
      copyText(button, link);
    } else if (button.dataset.tool === "csv" && form._data?.csv) {
      download(form._data.csv_name || `${form.dataset.calculator}.csv`, form._data.csv);
    } else if (button.dataset.tool === "print") {
      window.print();
    } else if (button.dataset.tool === "clear") {
      try {
        localStorage.removeItem(storageKey(form));
      } catch (error) {
        /* nothing stored */
      }
      form.reset();
      form._touched.clear();
      form._submitted = false;
      form._notes = [];
      applyShowWhen(form);
      resultBox(form).innerHTML = "";
      setStatus(form, runtime.booted ? "ready" : "idle");
      note(form, "persist_cleared");
      calculate(form, { quiet: true, save: false }); // deleted means deleted: not saved again, empty
    }
  });
  resultBox(form).addEventListener("click", (event) => {
    const button = event.target.closest("button");
    if (!button) return;
    if (button.classList.contains("calc-carry")) carry(button);
    else if (button.classList.contains("calc-copy")) {
      copyText(button, document.getElementById(button.dataset.copy)?.textContent || "");
    }
  });

  for (const group of form.querySelectorAll("fieldset[data-group]")) updateRowButtons(group);
  let prefilled = false;
  const saved = form.dataset.features.split(" ").includes("persist") && readStorage(localStorage, storageKey(form));
  if (saved) {
    fill(form, saved);
    prefilled = true;
  }
  const carried = readStorage(sessionStorage, carryKey(form.dataset.calculator));
  if (carried) {
    sessionStorage.removeItem(carryKey(form.dataset.calculator));
    fill(form, carried);
    for (const name of Object.keys(carried)) form._touched.add(name);
    note(form, "carried");
    prefilled = true;
  }
  if (restoreFromFragment(form)) {
    note(form, "restored");
    form._submitted = true;
    prefilled = true;
    form.scrollIntoView({ block: "start" });
  }
  applyShowWhen(form);
  if (prefilled) calculate(form, { quiet: true });
}

// Printing shows every result in full: collapsed parts (month-by-month schedules) open for the
// print, whether it starts from the Print button or the browser's menu, and close again after.
let openedForPrint = [];
window.addEventListener("beforeprint", () => {
  openedForPrint = [...document.querySelectorAll(".calc-result details:not([open])")];
  for (const details of openedForPrint) details.open = true;
});
window.addEventListener("afterprint", () => {
  for (const details of openedForPrint) details.open = false;
  openedForPrint = [];
});

if (forms.length && runtimeMeta) {
  forms.forEach(bind);
  const startWhenIdle = () => runtime.start();
  if ("requestIdleCallback" in window) requestIdleCallback(startWhenIdle, { timeout: 4000 });
  else setTimeout(startWhenIdle, 2000);
}
