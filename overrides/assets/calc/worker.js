// The calculators' Web Worker: runs Pyodide and our `calculators` package, off the main thread.
// Protocol (JSON in and out, requests matched by id):
//   page -> worker  {type: "boot", pyodide, lockInfo, stdlib, stdlibFull, site, calculators,
//                    wheel, wheelIntegrity, snapshotHint}
//   worker -> page  {type: "stage", stage: "starting"} | {type: "ready", timings, snapshot}
//                   | {type: "snapshot-kept", key} | {type: "boot-error", reason, detail}
//   page -> worker  {type: "run", id, calculator, lang, fields, parts?}
//   worker -> page  {type: "result", id, ms, ok, errors, html, data, later}
// A run answers with calculators.run_for_page: data without the parts a calculator builds only
// when asked for (their names in `later`: the plan's month-by-month tables, chart table and CSV).
// A run with `parts` (names) answers with calculators.run_parts: just those parts, in data.

// Loaded alongside Pyodide rather than before the worker runs (a static import would add a round
// trip in front of every download); without it the runtime just starts the long way.
// Asked for with this worker's own ?v= (a hash of both files' code), so that it is kept with it.
const snapshots = import(`./snapshot.js${self.location.search}`).catch(() => null);

// How a snapshot is made, in its name: one made another way (the wheel installed into site-packages,
// before "zip") is never looked up, and the next one kept deletes it.
const SNAPSHOT_FORM = "zip";

/** Where this build's snapshot lives (see snapshot.js), or null when there is no place for one. */
function snapshotPlace({ site, wheel, stdlib }) {
  if (!site || !wheel || !stdlib || typeof caches === "undefined") return null;
  const wheelURL = new URL(wheel, self.location.href); // in a folder named after the wheel's hash
  const name = `snapshot-${stdlib.split("/").pop().replace(/\.zip$/, "")}-${SNAPSHOT_FORM}.bin`;
  return { cache: `offline:${site}:runtime`, key: new URL(name, wheelURL).href };
}

/**
 * Whether a snapshot is kept: null if not, else {bytes}, a promise of its bytes (read and unpacked
 * while Pyodide loads; a snapshot that can't be read rejects it and is deleted).
 */
async function findSnapshot(place) {
  let response;
  try {
    response = await caches.match(place.key, { cacheName: place.cache });
  } catch {
    return null;
  }
  if (!response) return null;
  const bytes = Promise.all([response.arrayBuffer(), snapshots]).then(([buffer, snapshotting]) =>
    snapshotting.unpackSnapshot(new Uint8Array(buffer)),
  );
  bytes.catch(() => dropSnapshot(place));
  return { bytes }; // not the promise itself: an async function's caller would wait for it
}

/** Delete a snapshot that could not be restored. */
async function dropSnapshot(place) {
  try {
    const cache = await caches.open(place.cache);
    await cache.delete(place.key);
  } catch {
    /* nothing kept, nothing to delete */
  }
}

let runCalculator = null;
let storeSnapshot = () => {}; // keeps the snapshot made during the boot, once
const STORE_SNAPSHOT_AFTER_MS = 300; // unless the first answer comes sooner
let bootSettled = false;

function bootFailed(reason, detail) {
  if (bootSettled) return;
  bootSettled = true;
  postMessage({ type: "boot-error", reason, detail });
}

// A failed download is reported as soon as it happens: Pyodide does not always reject (a failed
// pyodide.asm.wasm only logs "wasm instantiation failed" and the boot waited for the page's bound;
// a failed stdlib download ended as a crash). "download": the request failed (network);
// "missing": the server answered with an error status, or with a file that is damaged.
// A fetch that rejects is asked once more without checks: still no answer is a failed download;
// an answer means the file is there but damaged (a sha256 mismatch also rejects the fetch).
const fetchDirect = self.fetch.bind(self);
let probing = Promise.resolve();
const urlOf = (resource) =>
  resource instanceof Request ? resource.url : new URL(String(resource), self.location.href).href;

async function fetchReported(url, request) {
  let response;
  try {
    response = await request();
  } catch (error) {
    if (!runCalculator) {
      probing = fetchDirect(url, { cache: "no-store" }).then(
        () => bootFailed("missing", String(error)),
        () => bootFailed("download", String(error)),
      );
    }
    throw error;
  }
  if (!response.ok && !runCalculator) bootFailed("missing", `${response.status} ${response.url}`);
  return response;
}

// The runtime's files Pyodide asks for (the standard library; the wasm where it can't be compiled
// as it arrives), requested all at once when the boot starts rather than one after another as
// Pyodide's loader comes to each (on a 4G link each step costs round trips). Pyodide's own request
// is answered with the response already under way; one with an integrity fetches itself.
const early = new Map(); // absolute URL -> Promise<Response>

function fetchEarly(urls) {
  for (const url of urls) {
    const absolute = urlOf(url);
    const response = fetchDirect(absolute);
    response.catch(() => {}); // reported when Pyodide asks for it
    early.set(absolute, response);
  }
}

function takeEarly(url, init) {
  const found = early.get(url);
  if (!found || (init && init.integrity)) return null;
  early.delete(url);
  return found;
}

// pyodide.asm.wasm is compiled as it arrives, from the boot's start: Pyodide itself compiles it
// only once its 1.2 MB script has loaded and run, with the whole file waiting by then. Pyodide's
// own request for it gets an empty stand-in, and its instantiation the module compiled here.
let compiled = null; // {url, module: Promise<WebAssembly.Module>, standIn: Response}

function compileEarly(url) {
  const absolute = urlOf(url);
  const module = WebAssembly.compileStreaming(fetchReported(absolute, () => fetchDirect(absolute)));
  module.catch(async (error) => {
    await probing; // a failed download is said as such; a file that is not WebAssembly is damaged
    bootFailed("missing", String(error && error.message));
  });
  compiled = { url: absolute, module, standIn: new Response(new Uint8Array(0)) };
  const instantiateStreaming = WebAssembly.instantiateStreaming;
  WebAssembly.instantiateStreaming = async (source, imports) => {
    const response = await source;
    if (response !== compiled.standIn) return instantiateStreaming(response, imports);
    const ready = await module;
    const instance = await WebAssembly.instantiate(ready, imports);
    stage("wasm_ready");
    return { module: ready, instance };
  };
}

self.fetch = (...args) => {
  const url = urlOf(args[0]);
  if (compiled && url === compiled.url) return Promise.resolve(compiled.standIn);
  return fetchReported(url, () => takeEarly(url, args[1]) || fetchDirect(...args));
};
const timings = {}; // milliseconds since the worker started, per boot stage (for the benchmark)
const stage = (name) => (timings[name] = Math.round(performance.now()));

// Only when the trimmed standard library lacks a module: the full one, fetched synchronously
// (an import can't wait for a promise; a worker may block), then imported from.
function fetchSync(url) {
  const request = new XMLHttpRequest();
  request.open("GET", url, false);
  request.responseType = "arraybuffer";
  request.send();
  if (request.status !== 200) throw new Error(`${url}: ${request.status}`);
  return new Uint8Array(request.response);
}

// Our wheel is imported from where it lies, as a zip on sys.path (zipimport: it holds compiled
// modules only, no data files, nothing to install), rather than installed by Pyodide's package
// loader, which unpacks it file by file with Python's zipfile, shutil and importlib.metadata: 50-100
// ms of the first boot, and again after every snapshot restore. Its sha256 is checked by the
// download itself (the fetch's integrity, the same sha256 as in the lock file).
const WHEEL_DIR = "/lib/wheels/";

// Run once in a fresh runtime (and kept in its snapshot): the wheel on sys.path, the entry point
// the page calls, and the page's calculators imported ahead of the first calculation.
const PREPARE = (wheelPath) => `
import sys
sys.path.insert(0, ${JSON.stringify(wheelPath)})
import json
import calculators
from calculators.registry import CALCULATORS
def _run_json(calculator, fields, lang, parts=""):
    fields = json.loads(fields)
    if parts:
        answer = calculators.run_parts(calculator, fields, lang, json.loads(parts))
    else:
        answer = calculators.run_for_page(calculator, fields, lang)
    return json.dumps(answer, ensure_ascii=False)
`;

async function boot(config) {
  const { pyodide: indexURL, lockInfo, stdlib, stdlibFull } = config;
  if (typeof WebAssembly !== "object") {
    throw Object.assign(new Error("WebAssembly is not available"), { reason: "wasm" });
  }
  let loadPyodide;
  stage("boot");
  // Whether a snapshot is kept is looked up at once, where the page says it was kept; its bytes
  // are read (and snapshot.js, which unpacks them, loaded) while Pyodide's script loads.
  const place = snapshotPlace(config);
  const keeping = place && config.snapshotHint === place.key ? findSnapshot(place) : Promise.resolve(null);
  // Pyodide's two scripts first (on HTTP/1.1 a browser opens six connections at most), then the
  // rest: each script is needed before the file after it.
  const loader = import(`${indexURL}pyodide.mjs`);
  loader.catch(() => {});
  import(`${indexURL}pyodide.asm.mjs`).catch(() => {}); // the module Pyodide imports next
  const wasm = `${indexURL}pyodide.asm.wasm`;
  if (typeof WebAssembly.compileStreaming === "function") compileEarly(wasm);
  fetchEarly([...(compiled ? [] : [wasm]), stdlib || `${indexURL}python_stdlib.zip`]);
  // The wheel is needed only once Python has started: downloaded after the wasm, so that on a slow
  // link it does not take bandwidth from the wasm, which everything else waits for. Through
  // self.fetch, so that a failed download is reported as such (fetchReported).
  const wheelURL = urlOf(config.wheel);
  const afterWasm = compiled ? compiled.module.catch(() => {}) : Promise.resolve();
  const wheel = afterWasm
    .then(() => self.fetch(wheelURL, { integrity: config.wheelIntegrity }))
    .then((response) => (response.ok ? response.arrayBuffer() : Promise.reject(new Error(`${response.status} ${wheelURL}`))));
  wheel.catch(() => {}); // awaited below; a failed download is reported as it happens
  try {
    ({ loadPyodide } = await loader);
  } catch (error) {
    // An import that failed says neither why nor how: ask once whether the file is there.
    const found = await fetchDirect(`${indexURL}pyodide.mjs`, { cache: "no-store" }).then((r) => r.ok, () => null);
    throw Object.assign(error, { reason: found === null ? "download" : "missing" });
  }
  stage("pyodide_module");
  const loadErrors = []; // Pyodide reports a failed or tampered download on stderr instead of throwing
  const options = {
    indexURL,
    // Pyodide's lock file lists the packages it could install; the calculators need none of them
    // (our wheel goes on sys.path, below): only the header it checks, no 120 KB download.
    lockFileContents: JSON.stringify({ info: lockInfo, packages: {} }),
    // The compiled, trimmed standard library (content-hashed URL); Pyodide's own zip otherwise.
    ...(stdlib ? { stdLibURL: stdlib } : {}),
    stdout: () => {},
    stderr: (line) => {
      loadErrors.push(line);
      console.debug(line);
    },
  };
  const kept = await keeping;
  stage("snapshot_read");
  let pyodide = null;
  let snapshot = "none";
  if (kept) {
    try {
      pyodide = await loadPyodide({ ...options, _loadSnapshot: kept.bytes });
      snapshot = "restored";
    } catch (error) {
      if (bootSettled) throw error; // a failed download, already reported: not the snapshot's fault
      console.debug("calculators: the kept snapshot could not be restored", error);
      await dropSnapshot(place);
      loadErrors.length = 0;
    }
  }
  if (!pyodide) pyodide = await loadPyodide({ ...options, ...(place ? { _makeSnapshot: true } : {}) });
  stage("python_started");
  postMessage({ type: "stage", stage: "starting" });
  // The same path in a fresh runtime and a restored one: a snapshot holds sys.path and the zip's
  // directory, not the file (Pyodide's file system is not in it), so the file is written each time.
  const wheelPath = WHEEL_DIR + wheelURL.split("/").pop();
  let wheelBytes;
  try {
    wheelBytes = new Uint8Array(await wheel);
  } catch (error) {
    throw Object.assign(new Error(loadErrors.join(" ") || String(error && error.message)), { reason: "missing" });
  }
  pyodide.FS.mkdirTree(WHEEL_DIR);
  pyodide.FS.writeFile(wheelPath, wheelBytes);
  stage("package_loaded");
  if (snapshot !== "restored") pyodide.runPython(PREPARE(wheelPath));
  const names = (config.calculators || []).filter((name) => /^[a-z0-9-]+$/.test(name));
  if (names.length) pyodide.runPython(`for _name in ${JSON.stringify(names)}: CALCULATORS[_name]`);
  stage("calculators_imported");
  const snapshotting = place && snapshot !== "restored" ? await snapshots : null;
  if (snapshotting) {
    // Before any calculation: the snapshot never holds what a reader typed.
    try {
      const bytes = snapshotting.makeSnapshot(pyodide);
      // Stored once the first answer is out (or after a moment): packing and writing 30 MB must
      // not hold the first answer back. The bytes were taken above, before any calculation.
      let stored = false;
      storeSnapshot = () => {
        if (!stored) {
          snapshotting.keepSnapshot(place, bytes).then((kept) => {
            if (kept) postMessage({ type: "snapshot-kept", key: place.key });
          });
        }
        stored = true;
      };
      setTimeout(storeSnapshot, STORE_SNAPSHOT_AFTER_MS);
      snapshot = "made";
      stage("snapshot_made");
    } catch (error) {
      console.debug("calculators: no snapshot this time", error);
    }
  }
  if (stdlib && stdlibFull) {
    pyodide.registerJsModule("_calc_host", { fetch_full_stdlib: () => fetchSync(stdlibFull) });
    pyodide.runPython("import _calc_host, _stdlib_fallback\n_stdlib_fallback.install(_calc_host.fetch_full_stdlib)");
  }
  runCalculator = pyodide.globals.get("_run_json");
  stage("package_imported");
  return snapshot;
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
      const snapshot = await boot(message);
      if (!bootSettled) postMessage({ type: "ready", timings, snapshot });
      bootSettled = true;
    } catch (error) {
      await probing; // a failed download's own reason first
      bootFailed(reasonOf(error), String(error && error.message));
    }
    return;
  }
  if (message.type === "run") {
    const started = performance.now();
    let answer;
    try {
      const parts = message.parts ? JSON.stringify(message.parts) : "";
      answer = JSON.parse(runCalculator(message.calculator, JSON.stringify(message.fields), message.lang, parts));
    } catch (error) {
      answer = { ok: false, errors: { _form: String(error && error.message) }, html: "", data: {} };
    }
    const ms = Math.round((performance.now() - started) * 10) / 10; // Python's share, for the benchmark
    postMessage({ type: "result", id: message.id, ms, ...answer });
    setTimeout(storeSnapshot, 0);
  }
};
