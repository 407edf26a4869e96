// The reader's flows in Firefox: Debian's firefox-esr driven over WebDriver BiDi by puppeteer-core
// (no browser download: executablePath, a fresh profile per run, headless).
//
//   node tests/engines/firefox_flows.mjs PLAN.json
//
// PLAN.json is written by tests/test_engines.py (see flow_plan() there): the base URL, every page
// of the build, the worked cases to type and the share links of every calculator with the text
// its answer must show. The script writes one JSON object per line on stdout: {"event":
// "stop-server"} when the pages are to be opened offline (the test stops the server and writes a
// line on stdin), then {"event": "result", ...} with what it saw; the test asserts on it. Any
// step that never happens fails the script with a clear message (exit status 1, on stderr).

import { readFileSync } from "node:fs";
import { createInterface } from "node:readline";
import puppeteer from "puppeteer-core";

const plan = JSON.parse(readFileSync(process.argv[2], "utf-8"));
const executablePath = process.env.FIREFOX || "/usr/bin/firefox-esr";
const READY_MS = plan.ready_timeout_ms;
const lines = createInterface({ input: process.stdin })[Symbol.asyncIterator]();
const say = (object) => process.stdout.write(`${JSON.stringify(object)}\n`);

// Errors by phase: "leave" is the pass that leaves pages as soon as they load (see below).
const seen = { errors: [], requests: [], phase: "flows" };
const record = (text) => seen.errors.push({ phase: seen.phase, text });
const step = async (name, action) => {
  try {
    return await action();
  } catch (error) {
    throw new Error(`${name}: ${error.message}`);
  }
};

const browser = await puppeteer.launch({
  browser: "firefox",
  executablePath,
  headless: true,
  extraPrefsFirefox: {
    "intl.accept_languages": "zh-CN,en",
    "app.update.enabled": false,
    "browser.safebrowsing.malware.enabled": false,
    "browser.safebrowsing.phishing.enabled": false,
  },
});
const result = { engine: "firefox", version: await browser.version(), pages: [], answers: [], worked: {} };
try {
  const page = await browser.newPage();
  await page.setViewport({ width: 390, height: 844 });
  page.on("console", (message) => {
    if (message.type() === "error") record(`console (${page.url()}): ${message.text()}`);
  });
  page.on("pageerror", (error) => record(`pageerror (${page.url()}): ${error.message || error}`));
  page.on("request", (request) => seen.requests.push(request.url()));
  page.setDefaultTimeout(READY_MS);

  const boot = () =>
    page.waitForFunction(
      () => (performance.getEntriesByName("calc:ready")[0] || {}).detail || null,
      { polling: 100 },
    ).then((handle) => handle.jsonValue());

  // A worked case, typed like a reader: choices made, numbers typed, the form submitted (once
  // the calculators are ready), and the known figure waited for.
  const worked = async (name, extra) =>
    step(`the ${name} page`, async () => {
      const spec = plan.worked[name];
      await page.goto(plan.base + spec.path, { waitUntil: "load" });
      for (const [id, value] of spec.select) await page.select(`#${id}`, value);
      for (const [id, value] of spec.type) await page.type(`#${id}`, value);
      if (spec.submit) {
        await page.waitForSelector(`${spec.submit}:not([disabled])`);
        await page.click(spec.submit);
      }
      await page.waitForFunction(
        ([id, text]) => document.getElementById(id).textContent.includes(text),
        { polling: 100 },
        [spec.result, spec.shows],
      );
      result.worked[name] = {
        shows: await page.$eval(`#${spec.result}`, (element) => element.textContent),
        boot: await boot(),
        ...(extra ? await page.$eval(`#${spec.result}`, extra) : {}),
      };
    });

  // 1. A first visit to a calculator page: the true cost of a fee; then the offline copy.
  const started = Date.now();
  await worked("true-cost");
  await step("the offline copy (html[data-offline=all])", () =>
    page.waitForSelector('html[data-offline="all"]'),
  );

  // 2. The next calculator page restores the snapshot; the plan's one debt and its chart.
  await worked("plan", (element) => {
    const svg = element.querySelector("svg.calc-chart");
    if (!svg) return { chart: null };
    const box = svg.getBoundingClientRect();
    return {
      chart: { series: svg.querySelectorAll("path.calc-series").length, width: box.width, height: box.height },
    };
  });
  result.first_visit_ms = Date.now() - started;

  // A page is left once it has settled, as a reader who reads it: loaded, the calculators ready
  // on a calculator page, and no request for a moment (the search worker's files, the runtime).
  const settle = async (path) => {
    if (plan.calculator_pages.includes(path)) await boot();
    await page.waitForNetworkIdle({ idleTime: 300, timeout: READY_MS });
  };

  // 3. Every page of every language renders: its title, its language, its heading and text.
  const pagesStarted = Date.now();
  for (const path of plan.pages) {
    await step(`page ${path}`, async () => {
      const response = await page.goto(plan.base + path, { waitUntil: "load" });
      result.pages.push(
        await page.evaluate(
          (path, status) => ({
            path,
            status,
            title: document.title,
            lang: document.documentElement.lang,
            h1: (document.querySelector("article h1") || {}).textContent || "",
            text: ((document.querySelector("article") || {}).textContent || "").length,
          }),
          path,
          response ? response.status() : 0,
        ),
      );
      await settle(path);
    });
  }
  result.pages_ms = Date.now() - pagesStarted;

  // 3b. Pages left as soon as they load, while the search worker downloads its files: Firefox
  // reported NS_BINDING_ABORTED for such a page (overrides/assets/javascripts/workers/search-guard.js).
  seen.phase = "leave";
  for (const path of plan.leave_pages) {
    await step(`leaving ${path} at once`, () => page.goto(plan.base + path, { waitUntil: "load" }));
  }
  await step("settling after leaving pages", async () => {
    await page.goto(plan.base + plan.leave_pages[0], { waitUntil: "load" });
    await settle(plan.leave_pages[0]);
  });
  seen.phase = "flows";

  // 4. Offline: the server is stopped; pages open and every calculator answers its share link.
  say({ event: "stop-server" });
  await lines.next();
  const offlineStarted = Date.now();
  for (const path of plan.offline_pages) {
    await step(`offline page ${path}`, async () => {
      await page.goto(plan.base + path, { waitUntil: "load" });
      const h1 = await page.$eval("article h1", (element) => element.textContent);
      result.pages.push({ path, offline: true, h1 });
      await settle(path);
    });
  }
  for (const answer of plan.answers) {
    await step(`offline ${answer.name} on ${answer.path}`, async () => {
      await page.goto("about:blank");
      await page.goto(plan.base + answer.path + answer.fragment, { waitUntil: "load" });
      await page.waitForFunction(
        ([id, html]) => {
          const parsed = document.createElement("template");
          parsed.innerHTML = html;
          const wanted = parsed.content.firstElementChild.textContent.replace(/\s+/g, " ").trim();
          const shown = document.getElementById(id).textContent.replace(/\s+/g, " ");
          return wanted && shown.includes(wanted);
        },
        { polling: 100 },
        [`calc-${answer.name}-result`, answer.html],
      );
      result.answers.push({
        name: answer.name,
        path: answer.path,
        state: await page.$eval(`#calc-${answer.name} .calc-status`, (element) => element.dataset.state),
        boot: await boot(),
      });
      await page.waitForNetworkIdle({ idleTime: 300, timeout: READY_MS });
    });
  }
  result.offline_ms = Date.now() - offlineStarted;
  await page.close();
} finally {
  await browser.close();
}
result.errors = seen.errors.filter((error) => error.phase === "flows").map((error) => error.text);
result.leave_errors = seen.errors.filter((error) => error.phase === "leave").map((error) => error.text);
const origin = new URL(plan.base).origin;
result.foreign = seen.requests.filter((url) => !url.startsWith(origin) && !/^(data|blob|about):/.test(url));
say({ event: "result", ...result });
process.exit(0);
