// Showing what happened: the status line (with a retry after a failure), field errors beside
// their inputs (aria-invalid, aria-describedby), and the result. The result region is not
// aria-live (a plan's result is thousands of characters): a short summary is announced instead,
// and replacing the result never loses the reader's focus.

import { appendMarked, sentenceGap } from "./chinese.js";
import { prefixOf, ui } from "./fields.js";

export function setStatus(form, state, reason, onRetry) {
  const status = form.querySelector(".calc-status");
  status.dataset.state = state;
  const text = state === "failed" ? failureText(form, reason) : ui(form, state);
  // Notes ("restored from the share link") outlive the start-up states, which follow them at once.
  status.textContent = [text, ...(form._notes || []).map((key) => ui(form, key))].join(sentenceGap(form.dataset.lang));
  let retry = form.querySelector(".calc-retry");
  if (state === "failed") {
    if (!retry) {
      retry = document.createElement("button");
      retry.type = "button";
      retry.className = "calc-retry md-button";
      retry.textContent = ui(form, "retry");
      retry.addEventListener("click", () => onRetry && onRetry());
      status.after(retry);
    }
  } else if (retry) {
    retry.remove();
  }
}

// A failure that is not the browser's fault (offline, a download that failed) has its own advice;
// the others say what is missing and suggest a retry or a newer browser.
function failureText(form, reason) {
  const own = ui(form, `failed_${reason}`);
  return own !== `failed_${reason}` ? own : ui(form, "failed", { reason: ui(form, `reason_${reason}`) });
}

export function note(form, key) {
  form._notes = [...(form._notes || []), key];
  const status = form.querySelector(".calc-status");
  status.textContent = `${status.textContent}${sentenceGap(form.dataset.lang)}${ui(form, key)}`;
}

function errorBox(form, key) {
  return document.getElementById(`${prefixOf(form)}-${key.replaceAll(".", "-")}-error`);
}

export function clearErrors(form) {
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

export function showErrors(form, errors, { onlyTouched }) {
  clearErrors(form);
  let shown = 0;
  for (const [key, message] of Object.entries(errors)) {
    const element = form.elements[key];
    if (onlyTouched && key !== "_form" && element && !form._touched.has(key)) continue;
    const box = errorBox(form, key) || errorBox(form, "_form");
    if (!box) continue;
    if (box.textContent) box.append(" ");
    appendMarked(box, message, form.dataset.lang);
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

export function resultBox(form) {
  return document.getElementById(`${prefixOf(form)}-result`);
}

// How to find "the same" element in a new result: its id, else the attributes that tie a button
// to what it acts on, else its position among elements of its kind.
const SAME_ELEMENT_ATTRIBUTES = ["data-copy", "data-carry-target", "data-tool", "data-channel"];

function sameElementIn(box, element) {
  if (element.id) return () => document.getElementById(element.id);
  for (const attribute of SAME_ELEMENT_ATTRIBUTES) {
    const value = element.getAttribute(attribute);
    if (value !== null) {
      const selector = `${element.tagName}[${attribute}="${CSS.escape(value)}"]`;
      return () => box.querySelector(selector);
    }
  }
  const kind = element.tagName + [...element.classList].map((name) => `.${CSS.escape(name)}`).join("");
  const index = [...box.querySelectorAll(kind)].indexOf(element);
  return () => box.querySelectorAll(kind)[index];
}

// The new content replaces the old one node by node: a node equal to the one shown stays as it is,
// and an element that differs only inside (same tag and attributes, as many children) is patched
// the same way, so the browser lays out and paints only what changed (after a change of budget: a
// few figures and sentences, not the chart, the tables or the cards around them). With other
// blocks, or none that differ (the same answer again), everything is replaced at once, as new.
function patchChildren(parent, fresh) {
  const shown = [...parent.childNodes];
  if (fresh.length !== shown.length) return parent.replaceChildren(...fresh);
  fresh.forEach((node, index) => {
    const old = shown[index];
    if (old.isEqualNode(node)) return;
    const sameElement = old.nodeType === Node.ELEMENT_NODE && old.cloneNode(false).isEqualNode(node.cloneNode(false));
    if (sameElement) patchChildren(old, [...node.childNodes]);
    else parent.replaceChild(node, old);
  });
}

function putContent(box, html) {
  // Parsed in this document (a <template>'s own document would make every node adopted again).
  const parsed = document.createElement("div");
  parsed.innerHTML = html; // built by Python from escaped text only, as the result box itself was
  const fresh = [...parsed.childNodes];
  const shown = [...box.childNodes];
  const same = fresh.length === shown.length && fresh.every((node, index) => shown[index].isEqualNode(node));
  if (same || fresh.length !== shown.length || !shown.length) box.replaceChildren(...fresh);
  else patchChildren(box, fresh);
}

/** Replace the result's content; focus inside it moves to the same element in the new content. */
export function replaceResult(form, html) {
  const box = resultBox(form);
  const focused = document.activeElement;
  const find = focused && focused !== box && box.contains(focused) ? sameElementIn(box, focused) : null;
  putContent(box, html);
  if (focused && focused.isConnected && box.contains(focused)) return; // it was kept: nothing to move
  if (!find && focused !== box) return;
  const again = find && find();
  if (again && again.getClientRects().length) {
    again.focus({ preventScroll: true });
  } else {
    box.tabIndex = -1; // the region itself keeps the focus rather than <body>
    box.focus({ preventScroll: true });
  }
}

/** A short summary of the result: the calculator's own (data.summary), else its first lead and figure. */
export function summaryOf(box, data) {
  if (data && typeof data.summary === "string" && data.summary) return data.summary;
  const clean = (text) => (text || "").replace(/\s+/g, " ").trim();
  const lead = box.querySelector(".calc-lead, h3, h4, .calc-progress-text, .calc-copy-title");
  const term = box.querySelector(".calc-figures dt");
  const figure = term ? `${clean(term.textContent)}: ${clean(term.nextElementSibling?.textContent)}` : "";
  return [clean(lead?.textContent), figure].filter(Boolean).join(". ").slice(0, 200);
}

// The summary is spoken in the page's language, its Chinese (a name quoted in an English result)
// marked lang="zh" as the result itself is.
function announce(form, text) {
  const region = form.closest(".calc")?.querySelector(".calc-announce");
  if (!region || region.textContent === text) return;
  region.textContent = "";
  appendMarked(region, text, form.dataset.lang);
}

export function showResult(form, answer) {
  clearErrors(form);
  replaceResult(form, answer.html);
  form._data = answer.data || {};
  announce(form, summaryOf(resultBox(form), form._data));
  for (const tool of form.querySelectorAll(".calc-tool[data-tool]")) {
    if (tool.dataset.tool !== "clear") tool.hidden = false;
  }
}

// Parts of a result that are not in it (see calculators.api.run_for_page): the plan's month-by-month
// schedules (data.schedules, one table per option) and its chart's data table (data.chart_tables),
// Python's escaped HTML. Each waits in a closed <details data-part="schedules" data-index="0">: it
// is asked for (`withPart(form, part)`, a promise of the data with it) when the reader opens one,
// or after the result while the page is idle, and goes in only when the reader opens it, or prints:
// building and moving every table on every recalculation cost more than the rest of the result.
// A print from the browser's menu can't wait: it shows the tables already there.
export const PAGE_PARTS = ["schedules", "chart_tables"];

function buildPart(details, data) {
  const html = data?.[details.dataset.part]?.[Number(details.dataset.index)];
  if (details.dataset.built !== undefined || !html || !details.isConnected) return;
  details.insertAdjacentHTML("beforeend", html);
  details.dataset.built = "";
}

const formOf = (details) => details.closest(".calc")?.querySelector("form.calc-form");

export function buildPartsWhenOpened(withPart) {
  const opened = (details) => {
    const form = formOf(details);
    if (!form?._data) return;
    if (form._data[details.dataset.part]) buildPart(details, form._data);
    else withPart(form, details.dataset.part).then((data) => details.open && buildPart(details, data));
  };
  document.addEventListener(
    "toggle",
    (event) => event.target.matches?.(".calc-result details[data-part]") && event.target.open && opened(event.target),
    true,
  );
  window.addEventListener("beforeprint", () => {
    for (const details of document.querySelectorAll(".calc-result details[data-part]")) {
      buildPart(details, formOf(details)?._data);
    }
  });
}

/** Empty the result (errors or a deletion), keeping the focus if it was inside. */
export function clearResult(form) {
  replaceResult(form, "");
  announce(form, "");
}
