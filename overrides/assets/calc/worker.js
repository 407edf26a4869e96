// The calculators' Web Worker: runs Pyodide and our `calculators` package, off the main thread.
// Protocol (JSON in and out, requests matched by id):
//   page -> worker  {type: "boot", pyodide, lock, package}
//   worker -> page  {type: "stage", stage: "starting"} | {type: "ready"} | {type: "boot-error", reason, detail}
//   page -> worker  {type: "run", id, calculator, lang, fields}
//   worker -> page  {type: "result", id, ok, errors, html, data}

let runCalculator = null;
let bootSettled = false;

function bootFailed(reason, detail) {
  if (bootSettled) return;
  bootSettled = true;
  postMessage({ type: "boot-error", reason, detail });
}

// A failed download is reported as soon as it happens: Pyodide does not always reject (a failed
// pyodide.asm.wasm only logs "wasm instantiation failed" and the boot waited for the page's bound;
// a failed stdlib download ended as a crash). "download": the request failed (network);
// "missing": the server answered with an error status.
const fetchDirect = self.fetch.bind(self);
self.fetch = async (...args) => {
  let response;
  try {
    response = await fetchDirect(...args);
  } catch (error) {
    if (!runCalculator) bootFailed("download", String(error));
    throw error;
  }
  if (!response.ok && !runCalculator) bootFailed("missing", `${response.status} ${response.url}`);
  return response;
};
const timings = {}; // milliseconds since the worker started, per boot stage (for the benchmark)
const stage = (name) => (timings[name] = Math.round(performance.now()));

async function boot({ pyodide: indexURL, lock: lockFileURL, package: packageName }) {
  if (typeof WebAssembly !== "object") {
    throw Object.assign(new Error("WebAssembly is not available"), { reason: "wasm" });
  }
  let loadPyodide;
  stage("boot");
  try {
    ({ loadPyodide } = await import(`${indexURL}pyodide.mjs`));
  } catch (error) {
    // An import that failed says neither why nor how: ask once whether the file is there.
    const found = await fetchDirect(`${indexURL}pyodide.mjs`, { cache: "no-store" }).then((r) => r.ok, () => null);
    throw Object.assign(error, { reason: found === null ? "download" : "missing" });
  }
  stage("pyodide_module");
  const pyodide = await loadPyodide({
    indexURL,
    lockFileURL,
    packageBaseUrl: new URL(".", new URL(lockFileURL, self.location.href)).href,
    stdout: () => {},
    stderr: (line) => console.debug(line),
  });
  stage("python_started");
  postMessage({ type: "stage", stage: "starting" });
  const loadErrors = []; // Pyodide reports a failed or tampered download here instead of throwing
  await pyodide.loadPackage(packageName, {
    checkIntegrity: true,
    messageCallback: () => {},
    errorCallback: (text) => loadErrors.push(text),
  });
  if (loadErrors.length) throw Object.assign(new Error(loadErrors.join(" ")), { reason: "missing" });
  stage("package_loaded");
  runCalculator = pyodide.runPython(
    [
      "import json",
      "import calculators",
      "def _run_json(calculator, fields, lang):",
      "    return json.dumps(calculators.run(calculator, json.loads(fields), lang), ensure_ascii=False)",
      "_run_json",
    ].join("\n"),
  );
  stage("package_imported");
}

function reasonOf(error) {
  if (error && error.reason) return error.reason;
  const text = String(error && (error.message || error));
  if (/fetch|404|NetworkError|Failed to load|not found|integrity|sha256/i.test(text)) return "missing";
  return "crash";
}

self.onmessage = async (event) => {
  const message = event.data || {};
  if (message.type === "boot") {
    try {
      await boot(message);
      if (!bootSettled) postMessage({ type: "ready", timings });
      bootSettled = true;
    } catch (error) {
      bootFailed(reasonOf(error), String(error && error.message));
    }
    return;
  }
  if (message.type === "run") {
    const started = performance.now();
    let answer;
    try {
      answer = JSON.parse(runCalculator(message.calculator, JSON.stringify(message.fields), message.lang));
    } catch (error) {
      answer = { ok: false, errors: { _form: String(error && error.message) }, html: "", data: {} };
    }
    const ms = Math.round((performance.now() - started) * 10) / 10; // Python's share, for the benchmark
    postMessage({ type: "result", id: message.id, ms, ...answer });
  }
};
