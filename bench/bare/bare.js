// The calculators' own runtime on a bare page: the guide's worker (assets/calc/worker.js), booted
// with the guide's settings, answering the same true-cost question as (b), with no guide page
// around it (no theme, none of the page's own requests). (b) minus this is what the page adds.
// The page says "ready" when the correct answer is back, and notes the time (data-ready-at).
const runtime = JSON.parse(document.querySelector('meta[name="calc-runtime"]').content);
const script = new URL(`../assets/calc/worker.js?v=${encodeURIComponent(runtime.worker)}`, import.meta.url);
const worker = new Worker(script, { type: "module" });
const fields = { amount: "10000", kind: "fee", fee: "8.8", periods: "12" };
worker.onmessage = ({ data }) => {
  if (data.type === "ready") worker.postMessage({ type: "run", id: 1, calculator: "true-cost", lang: "en", fields });
  else if (data.type === "result") {
    document.documentElement.dataset.readyAt = String(performance.now());
    document.getElementById("status").textContent = data.ok && data.html.includes("15.86%") ? "ready" : "wrong";
  } else if (data.type === "boot-error") document.getElementById("status").textContent = "failed";
};
worker.postMessage({ type: "boot", ...runtime, calculators: ["true-cost"] });
