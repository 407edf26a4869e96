// The payment tracker (agreement calculator): a tick per payment made, kept only in this browser's
// localStorage, with a visible delete. The result (built by Python) holds one
// <div class="calc-tracker" data-tracker-key data-texts> with a tick box per payment
// (data-index, data-amount "916.80", data-date as shown) and a status line; this module ticks the
// saved payments again after every new result and says what is paid, what is left and what is next.
// Ticks belong to one agreement (data-tracker-key): another agreement starts with none.

import { sentenceGap } from "./chinese.js";
import { ui } from "./fields.js";

const pageLang = (element) => element.closest("[lang]")?.lang || "";
const storageKey = (form) => `calc-tracker:${form.dataset.calculator}`;

function readTicks(form) {
  try {
    return JSON.parse(localStorage.getItem(storageKey(form)) || "null");
  } catch (error) {
    return null;
  }
}

function saveTicks(form, key, paid) {
  try {
    localStorage.setItem(storageKey(form), JSON.stringify({ key, paid }));
  } catch (error) {
    /* storage may be disabled: the ticks then last only while the page is open */
  }
}

export function forgetTicks(form) {
  try {
    localStorage.removeItem(storageKey(form));
  } catch (error) {
    /* nothing stored */
  }
}

// Amounts are added in fen, as whole numbers, never as floating-point yuan.
const toFen = (text) => {
  const [yuan, fen = "0"] = String(text).split(".");
  return Number(yuan) * 100 + Number(fen.padEnd(2, "0").slice(0, 2));
};
const showFen = (fen) => `${Math.floor(fen / 100).toLocaleString("en-US")}.${String(fen % 100).padStart(2, "0")}`;
const fillIn = (pattern, params) => pattern.replace(/\{(\w+)\}/g, (_, name) => params[name] ?? "");

function update(tracker) {
  const texts = JSON.parse(tracker.dataset.texts || "{}");
  const ticks = [...tracker.querySelectorAll("input.calc-tick")];
  const done = ticks.filter((tick) => tick.checked);
  const open = ticks.filter((tick) => !tick.checked);
  const sum = (list) => list.reduce((total, tick) => total + toFen(tick.dataset.amount), 0);
  const lines = [
    fillIn(texts.tracker_summary || "", {
      paid_count: done.length,
      count: ticks.length,
      paid: showFen(sum(done)),
      left_count: open.length,
      left: showFen(sum(open)),
    }),
  ];
  if (open.length) {
    lines.push(fillIn(texts.tracker_next || "", { date: open[0].dataset.date, amount: showFen(toFen(open[0].dataset.amount)) }));
  } else {
    lines.push(texts.tracker_done || "");
  }
  tracker.querySelector(".calc-tracker-status").textContent = lines.join(sentenceGap(pageLang(tracker)));
}

// After each result: tick the payments saved for this agreement, and show the progress.
export function showTracker(form, box) {
  const saved = readTicks(form);
  for (const tracker of box.querySelectorAll(".calc-tracker")) {
    if (saved && saved.key === tracker.dataset.trackerKey) {
      for (const tick of tracker.querySelectorAll("input.calc-tick")) {
        tick.checked = saved.paid.includes(Number(tick.dataset.index));
      }
    }
    update(tracker);
  }
}

// Once per form: ticking saves, and the delete button forgets every tick in this browser.
export function bindTracker(form, box) {
  box.addEventListener("change", (event) => {
    const tick = event.target.closest("input.calc-tick");
    if (!tick) return;
    const tracker = tick.closest(".calc-tracker");
    const paid = [...tracker.querySelectorAll("input.calc-tick")]
      .filter((each) => each.checked)
      .map((each) => Number(each.dataset.index));
    saveTicks(form, tracker.dataset.trackerKey, paid);
    update(tracker);
  });
  box.addEventListener("click", (event) => {
    const button = event.target.closest("button.calc-tracker-clear");
    if (!button) return;
    forgetTicks(form);
    const tracker = button.closest(".calc-tracker");
    for (const tick of tracker.querySelectorAll("input.calc-tick")) tick.checked = false;
    update(tracker);
    const status = tracker.querySelector(".calc-tracker-status");
    status.textContent = `${ui(form, "persist_cleared")}${sentenceGap(form.dataset.lang)}${status.textContent}`;
  });
}
