// What the reader's buttons do outside the calculation: copy, download, print.

import { ui } from "./fields.js";

export async function copyText(button, text) {
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

// A file made in the browser, never fetched: a CSV for spreadsheets (with exactly one byte-order
// mark, so spreadsheet apps read UTF-8; the calculator's CSV may carry it) or, for another type
// such as "text/calendar", the text exactly as the calculator made it (an .ics must have no BOM).
export function download(name, text, type = "text/csv") {
  const csv = type === "text/csv";
  const body = csv && !text.startsWith("\ufeff") ? `\ufeff${text}` : text;
  const url = URL.createObjectURL(new Blob([body], { type: `${type};charset=utf-8` }));
  const link = document.createElement("a");
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

// Printing shows every result in full: collapsed parts (month-by-month schedules) open for the
// print, whether it starts from the Print button or the browser's menu, and close again after.
export function openDetailsForPrint() {
  let opened = [];
  window.addEventListener("beforeprint", () => {
    opened = [...document.querySelectorAll(".calc-result details:not([open])")];
    for (const details of opened) details.open = true;
  });
  window.addEventListener("afterprint", () => {
    for (const details of opened) details.open = false;
    opened = [];
  });
}
