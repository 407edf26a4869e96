// The page script: binds every calculator form on the page to one Web Worker running Pyodide.
// The main thread never runs Python. Nothing the reader types leaves the browser: inputs live in
// the form, in the URL fragment (share links; never sent to a server) or in this browser's storage.
//
// One job per module: runtime.js (the worker), fields.js (reading and filling forms), rows.js
// (repeated rows, conditional fields), display.js (status, errors, results; chinese.js marks the
// Chinese in what it writes on a page in another language), keep.js (storage,
// share links, carrying values), actions.js (copy, download, print). This file binds them.

import { copyText, download, openDetailsForPrint } from "./actions.js";
import {
  buildPartsWhenOpened,
  clearErrors,
  clearResult,
  note,
  PAGE_PARTS,
  resultBox,
  setStatus,
  showErrors,
  showResult,
} from "./display.js";
import { collect, fill, hasFeature, putBack, typedFields, ui } from "./fields.js";
import {
  forgetProgress,
  readKept,
  restoreFromFragment,
  saveProgress,
  sendCarried,
  shareLink,
  takeCarried,
  withSources,
} from "./keep.js";
import { whenIdle } from "../idle.js";
import { addRow, applyShowWhen, removeRow, updateRowButtons } from "./rows.js";
import { pageRuntime, startUnlessSavingData } from "./runtime.js";
import { letSearchBuild } from "./search-channel.js";
import { bindTracker, forgetTicks, showTracker } from "./tracker.js";
import { bindLog, commitEntry, forgetLog, mayForgetLog } from "./contact-log.js";

const DEBOUNCE_MS = 250;

const forms = [...document.querySelectorAll("form.calc-form")];

const retry = () => {
  runtime.stop();
  runtime.start().then(() => forms.forEach((each) => calculate(each, { quiet: true })));
};

const runtime = pageRuntime(); // started by runtime.js itself while the page loaded, unless saving data
const buildSearchSoon = () => whenIdle(letSearchBuild, { timeout: 3000 });
const followRuntime = (state, reason) => {
  for (const form of forms) setStatus(form, state, reason, retry);
  if (state === "failed") buildSearchSoon();
  // Whatever the forms hold by now (typed while the runtime downloaded) is calculated at once.
  // (A calculation already waiting for the runtime is answered as soon as it is ready.)
  if (state !== "ready") return;
  for (const form of forms) {
    if ((form._touched?.size || form.dataset.sources) && !form._waiting) calculate(form, { quiet: true });
  }
  // The search index once the first answer is out of the way (when the page is next idle): its
  // worker would otherwise take a core from the first calculation and from putting it on the page.
  const asked = forms.filter((form) => form._waiting).map((form) => form._answered);
  if (asked.length) Promise.race(asked).then(buildSearchSoon);
  else buildSearchSoon();
};

async function calculate(form, { quiet = false, save = true, commit = false } = {}) {
  const request = (form._request = (form._request || 0) + 1);
  let answered;
  form._answered = new Promise((resolve) => (answered = resolve)); // this request's answer is shown (or not)
  const fields = collect(form);
  if (save) saveProgress(form, fields);
  const sent = withSources(form, fields); // the pack: the other calculators' kept inputs too
  let answer;
  form._waiting = true;
  try {
    answer = await runtime.run(form.dataset.calculator, form.dataset.lang, sent);
  } catch (error) {
    if (error.slow) setStatus(form, "slow", undefined, retry);
    return;
  } finally {
    if (request === form._request) form._waiting = false;
    setTimeout(answered, 0); // after what follows has put the answer on the page
  }
  if (request !== form._request) return; // a newer request is on its way
  form.dataset.pythonMs = answer.ms; // the worker's share of this answer, for the benchmark
  if (answer.ok) {
    form._focusError = false;
    showResult(form, answer);
    form._later = { fields: sent, names: answer.later || [], asked: {} };
    prefetchPageParts(form);
    showTracker(form, resultBox(form));
    if (commit) commitEntry(form, answer.data); // the contact log keeps a submitted entry
    if (form.querySelector(".calc-status").dataset.state !== "ready") setStatus(form, "ready", undefined, retry);
    return;
  }
  const shown = showErrors(form, answer.errors, { onlyTouched: quiet && !form._submitted });
  if (shown) clearResult(form);
  if (!quiet || form._submitted) {
    const status = form.querySelector(".calc-status");
    status.textContent = ui(form, "fix_errors", { count: Object.keys(answer.errors).length });
  }
  if (form._focusError) focusFirstError(form);
  form._focusError = false;
}

// Parts of a result built only when asked for (the plan's schedules, chart table and CSV; see
// worker.js): asked once per result, from the same fields, when the reader needs them. A promise of
// the data.
function withParts(form, names) {
  const data = form._data;
  const later = form._later;
  const missing = (data && later ? later.names : []).filter((name) => names.includes(name) && !(name in data));
  if (!missing.length) return Promise.resolve(data);
  const key = missing.join(" ");
  later.asked[key] ||= runtime.run(form.dataset.calculator, form.dataset.lang, later.fields, missing).then(
    (answer) => {
      if (answer.ok && form._data === data) Object.assign(data, answer.data);
      return data;
    },
    () => {
      delete later.asked[key]; // stopped or slow: asked again next time
      return data;
    },
  );
  return later.asked[key];
}

// The parts of a result that go in the page (PAGE_PARTS) that it left out.
const pageParts = (form) => form._later.names.filter((name) => PAGE_PARTS.includes(name));

// Those parts of a result that stays, fetched while the page is idle: a print from the browser's
// menu can't wait for them. Only once the result has stayed a moment: while the reader is still
// typing, each prefetch (a whole calculation again, and the tables) would hold up the next answer.
const PREFETCH_AFTER_MS = 1500;

function prefetchPageParts(form) {
  const data = form._data;
  const names = pageParts(form);
  if (!names.length) return;
  const stays = () => form._data === data && !form._waiting;
  setTimeout(() => stays() && whenIdle(() => stays() && withParts(form, names), { timeout: 2000 }), PREFETCH_AFTER_MS);
}

/** After a submit that failed: the first field in error (in the form's order), else the form's message. */
function focusFirstError(form) {
  const fields = [...form.querySelectorAll('[aria-invalid="true"]')].filter((each) => each.getClientRects().length);
  const target = fields[0] || form.querySelector(".calc-form-error:not([hidden])");
  if (!target) return;
  if (!fields[0]) target.tabIndex = -1;
  target.focus();
}

function debounce(fn, wait) {
  let timer;
  const debounced = (...args) => {
    clearTimeout(timer);
    timer = setTimeout(() => fn(...args), wait);
  };
  debounced.cancel = () => clearTimeout(timer);
  return debounced;
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
  sendCarried(target, fields);
  location.href = new URL(`../${button.dataset.carryPage}/#calc-${target}`, location.href).href;
}

function clearSaved(form) {
  if (!mayForgetLog(form)) return; // the contact log asks before its entries go
  forgetProgress(form);
  forgetTicks(form);
  forgetLog(form);
  form.reset();
  form._touched.clear();
  form._submitted = false;
  form._notes = [];
  applyShowWhen(form);
  clearErrors(form);
  clearResult(form);
  setStatus(form, runtime.booted ? "ready" : "idle", undefined, retry);
  note(form, hasFeature(form, "persist") ? "persist_cleared" : "session_cleared");
  calculate(form, { quiet: true, save: false }); // deleted means deleted: not saved again, empty
}

function onFormClick(form, button, recalculate) {
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
  } else if (button.dataset.tool === "csv") {
    const name = `${form.dataset.calculator}.csv`;
    withParts(form, ["csv"]).then((data) => data?.csv && download(data.csv_name || name, data.csv));
  } else if (button.dataset.tool === "print") {
    withParts(form, pageParts(form)).then(() => window.print());
  } else if (button.dataset.tool === "clear") {
    recalculate.cancel(); // an edit still waiting would save the inputs again
    clearSaved(form);
  }
}

// What the form starts with, latest first: a share link in the URL, values carried from the previous
// calculator, what the reader typed before this script ran, what this tab kept (language switch,
// Back, reload), saved progress. Filled oldest first so that the latest wins.
function prefill(form) {
  let prefilled = false;
  const typedEarly = typedFields(form); // before anything is filled in
  const kept = readKept(form);
  if (kept) {
    fill(form, kept);
    for (const [name, value] of Object.entries(kept)) if (value !== "") form._touched.add(name);
    prefilled = true;
  }
  if (Object.keys(typedEarly).length) {
    putBack(form, typedEarly);
    for (const name of Object.keys(typedEarly)) form._touched.add(name);
    prefilled = true;
  }
  const carried = takeCarried(form.dataset.calculator);
  if (carried) {
    fill(form, carried);
    for (const name of Object.keys(carried)) form._touched.add(name);
    note(form, "carried");
    prefilled = true;
  }
  const fromLink = restoreFromFragment(form);
  if (fromLink === "restored") {
    note(form, "restored");
    form._submitted = true;
    prefilled = true;
    form.scrollIntoView({ block: "start" });
  } else if (fromLink === "unreadable") {
    note(form, "share_unreadable");
    form.scrollIntoView({ block: "start" });
  }
  return prefilled;
}

function bind(form) {
  form._touched = new Set();
  setStatus(form, "idle", undefined, retry);
  form.classList.add("is-bound");
  for (const button of form.querySelectorAll('[type="submit"]')) button.disabled = false;
  const recalculate = debounce(() => calculate(form, { quiet: true }), DEBOUNCE_MS);
  const edited = (event) => {
    if (event.target.name) form._touched.add(event.target.name);
    form._notes = []; // the reader's own edits: the inputs no longer just came from elsewhere
    form._focusError = false; // typing again: the focus stays where the reader put it
    applyShowWhen(form);
    saveProgress(form); // at once: a language switch right after typing keeps the last keystroke
    recalculate();
  };

  form.addEventListener("focusin", () => runtime.start(), { once: true });
  form.addEventListener("input", edited);
  form.addEventListener("change", edited);
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    form._submitted = true;
    form._focusError = true; // answered by this request or a newer one
    recalculate.cancel();
    calculate(form, { commit: true });
  });
  form.addEventListener("click", (event) => {
    const button = event.target.closest("button");
    if (button) onFormClick(form, button, recalculate);
  });
  resultBox(form).addEventListener("click", (event) => {
    const button = event.target.closest("button");
    if (!button) return;
    if (button.classList.contains("calc-carry")) carry(button);
    else if (button.classList.contains("calc-print")) window.print();
    else if (button.classList.contains("calc-copy")) {
      copyText(button, document.getElementById(button.dataset.copy)?.textContent || "");
    } else if (button.dataset.download === "ics" && form._data?.ics) {
      download(form._data.ics_name || `${form.dataset.calculator}.ics`, form._data.ics, "text/calendar");
    }
  });
  bindTracker(form, resultBox(form));

  for (const group of form.querySelectorAll("fieldset[data-group]")) updateRowButtons(group);
  const prefilled = prefill(form);
  bindLog(form); // the contact log's list, and the time of a new entry (after what was kept)
  applyShowWhen(form);
  // The pack is made from what the other calculators kept: at once (with Save-Data, like any other
  // calculator, once the reader focuses or submits the form), and again on coming Back.
  const fromSources = Boolean(form.dataset.sources);
  const savingData = Boolean(navigator.connection && navigator.connection.saveData);
  if (prefilled || (fromSources && !savingData)) calculate(form, { quiet: true });
  if (fromSources) window.addEventListener("pageshow", (event) => event.persisted && calculate(form, { quiet: true }));
}

openDetailsForPrint();
buildPartsWhenOpened((form, part) => withParts(form, [part]));

if (forms.length && runtime) {
  forms.forEach(bind);
  runtime.listen(followRuntime);
  startUnlessSavingData(runtime); // already started by runtime.js, unless saving data
}
