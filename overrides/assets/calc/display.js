// Showing what happened: the status line (with a retry after a failure), field errors beside
// their inputs (aria-invalid, aria-describedby), and the result.

import { prefixOf, ui } from "./fields.js";

export function setStatus(form, state, reason, onRetry) {
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
      retry.addEventListener("click", () => onRetry && onRetry());
      status.after(retry);
    }
  } else if (retry) {
    retry.remove();
  }
}

export function note(form, key) {
  form._notes = [...(form._notes || []), key];
  const status = form.querySelector(".calc-status");
  status.textContent = `${status.textContent} ${ui(form, key)}`;
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

export function resultBox(form) {
  return document.getElementById(`${prefixOf(form)}-result`);
}

export function showResult(form, answer) {
  clearErrors(form);
  resultBox(form).innerHTML = answer.html; // built by Python from escaped text only
  form._data = answer.data || {};
  for (const tool of form.querySelectorAll(".calc-tool[data-tool]")) {
    if (tool.dataset.tool !== "clear") tool.hidden = false;
  }
}

// Month-by-month schedules arrive apart (data.schedules: Python's escaped HTML, one table per
// option) and go into their closed <details> only when the reader opens one, or prints: building
// every table on every recalculation cost more than the rest of the result.
function buildSchedule(details) {
  const form = details.closest(".calc")?.querySelector("form.calc-form");
  const table = form?._data?.schedules?.[Number(details.dataset.schedule)];
  if (details.dataset.built !== undefined || !table) return;
  details.insertAdjacentHTML("beforeend", table);
  details.dataset.built = "";
}

export function buildSchedulesWhenOpened() {
  document.addEventListener(
    "toggle",
    (event) => event.target.matches?.("details[data-schedule]") && event.target.open && buildSchedule(event.target),
    true,
  );
  window.addEventListener("beforeprint", () => {
    for (const details of document.querySelectorAll(".calc-result details[data-schedule]")) buildSchedule(details);
  });
}
