// The benchmark's Firefox side: one measurement in Debian's firefox-esr, driven over WebDriver
// BiDi by puppeteer-core, with a fresh profile (puppeteer makes a temporary one and deletes it).
// Run by bench/run.py, one process per measurement:
//   node bench/firefox.mjs '{"measure": "control" | "first" | "second" | "return",
//                            "base": "http://127.0.0.1:PORT/negotiate-guide/",
//                            "page": "control" (for "control": bench-<page>/), "prefs": {...},
//                            "end": the script that notes the end of (b) in the page}'
// and prints one line of JSON: {result, ready, workerStart, loaded, stages} (ms since navigation,
// the page's own clock; stages on the worker's clock from its creation, as in run.py).
// The end events are taken in the page itself (see END in run.py), not by polling from here.
import puppeteer from "puppeteer-core";

const FIREFOX = process.env.FIREFOX || "/usr/bin/firefox-esr";
const TIMEOUT = 180_000;
const options = JSON.parse(process.argv[2]);
const { measure, base } = options;

// The end of (b), noted by the page itself (run.py's END, passed in): the first correct answer.
const END = options.end;
const MARKS = () => performance.getEntriesByType("mark").map((m) => [m.name, m.startTime, m.detail]);

// Fill the true-cost form as Playwright's fill() does: set the value, then input and change.
function fill(values) {
  for (const [id, value] of Object.entries(values)) {
    const input = document.getElementById(id);
    input.focus();
    input.value = value;
    input.dispatchEvent(new Event("input", { bubbles: true }));
    input.dispatchEvent(new Event("change", { bubbles: true }));
  }
}
const FIELDS = { "calc-true-cost-amount": "10000", "calc-true-cost-fee": "8.8", "calc-true-cost-periods": "12" };

async function firstResult(browser) {
  const page = await browser.newPage();
  await page.setViewport({ width: 390, height: 844 });
  await page.evaluateOnNewDocument(END);
  await page.goto(`${base}en/guide/1-repayment-mechanism/`, { waitUntil: "domcontentloaded", timeout: TIMEOUT });
  await page.evaluate(fill, FIELDS);
  await page.waitForFunction(() => document.documentElement.dataset.correctAt, { timeout: TIMEOUT, polling: 50 });
  const result = Number(await page.evaluate(() => document.documentElement.dataset.correctAt));
  const marks = Object.fromEntries((await page.evaluate(MARKS)).map(([name, start, detail]) => [name, [start, detail]]));
  const loaded = await page.evaluate(() => performance.getEntriesByType("navigation")[0].loadEventEnd);
  return {
    result,
    workerStart: marks["calc:worker-start"][0],
    ready: marks["calc:ready"][0],
    stages: marks["calc:ready"][1] || {},
    loaded,
    page,
  };
}

async function control(browser) {
  const page = await browser.newPage();
  await page.goto(`${base}bench-${options.page || "control"}/`, { waitUntil: "domcontentloaded", timeout: TIMEOUT });
  await page.waitForFunction(() => document.documentElement.dataset.readyAt, { timeout: TIMEOUT, polling: 50 });
  const state = await page.evaluate(() => document.getElementById("status").textContent);
  if (state !== "ready") throw new Error(`control page: ${state}`);
  return { result: Number(await page.evaluate(() => document.documentElement.dataset.readyAt)) };
}

/** A first visit to the plan page, until its one-off work is done (see run.py's first_visit_done). */
async function visitPlanPage(browser) {
  const page = await browser.newPage();
  await page.goto(`${base}en/guide/2-repayment-capacity/`, { timeout: TIMEOUT });
  await page.focus("#calc-plan-debts-0-amount");
  await page.waitForSelector('html[data-offline="all"]', { timeout: TIMEOUT });
  await page.waitForFunction(() => localStorage.getItem("calc-snapshot"), { timeout: TIMEOUT, polling: 100 });
  await new Promise((done) => setTimeout(done, 1000));
  await page.close();
}

const browser = await puppeteer.launch({
  browser: "firefox",
  executablePath: FIREFOX,
  headless: true,
  extraPrefsFirefox: options.prefs || {},
  protocolTimeout: TIMEOUT,
});
try {
  let answer;
  if (measure === "control") answer = await control(browser);
  else if (measure === "first") answer = await firstResult(browser);
  else if (measure === "second") {
    // The HTTP cache warm, the service worker kept out (prefs: dom.serviceWorkers.enabled false).
    await (await firstResult(browser)).page.close();
    answer = await firstResult(browser);
  } else if (measure === "return") {
    await visitPlanPage(browser);
    answer = await firstResult(browser);
  } else throw new Error(`unknown measure ${measure}`);
  delete answer.page;
  process.stdout.write(`${JSON.stringify(answer)}\n`);
} finally {
  await browser.close();
}
