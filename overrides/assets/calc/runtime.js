// The runtime: one module Worker running Pyodide, requests matched by id. The main thread never
// runs Python; a runaway calculation is stopped by terminating the worker (no SharedArrayBuffer on
// GitHub Pages), and the next request boots a fresh one.

export const BOOT_TIMEOUT_MS = 120000; // a slow phone on a slow network may need this long for ~12 MB
export const RUN_TIMEOUT_MS = 10000;

export class Runtime {
  constructor(config, onStatus = null) {
    this.config = config;
    this.listener = onStatus; // (state, reason) => void
    this.status = null; // the last [state, reason], for a listener that comes later
    this.worker = null;
    this.ready = null;
    this.pending = new Map();
    this.nextId = 1;
  }

  start() {
    if (this.ready) return this.ready;
    this.ready = new Promise((resolve, reject) => {
      let timer; // declared before fail() can run: the checks below fail before it is set
      const fail = (cause) => {
        // Offline, a runtime this browser has not kept can't arrive: say so, not "file missing".
        const offline = navigator.onLine === false && ["download", "missing", "timeout"].includes(cause);
        const reason = offline ? "offline" : cause;
        clearTimeout(timer);
        if (!this.worker && reason !== "worker" && reason !== "wasm") return; // already failed
        this.stop();
        this.onStatus("failed", reason);
        reject(new Error(reason));
      };
      if (typeof Worker !== "function") return fail("worker");
      if (typeof WebAssembly !== "object") return fail("wasm");
      timer = setTimeout(() => fail("timeout"), this.config.bootTimeoutMs || BOOT_TIMEOUT_MS);
      performance.mark("calc:worker-start"); // for the benchmark: the boot runs from here to calc:ready
      this.onStatus("downloading");
      // Its ?v= is a hash of the worker's code (and of the module it imports): kept like the
      // runtime, so a return visit starts it without asking the server first.
      const version = this.config.worker ? `?v=${encodeURIComponent(this.config.worker)}` : "";
      const script = new URL(`worker.js${version}`, import.meta.url);
      try {
        this.worker = new Worker(script, { type: "module" });
      } catch (error) {
        return fail("worker");
      }
      this.worker.onerror = (event) => {
        event.preventDefault();
        // A worker script that threw reports its error; one that could not load reports nothing:
        // ask the server once whether the file is missing or the download itself failed.
        if (event.message) return fail("crash");
        fetch(script, { cache: "no-store" }).then(
          (response) => fail(response.ok ? "crash" : "missing"),
          () => fail("download"),
        );
      };
      this.worker.onmessage = ({ data }) => {
        if (data.type === "stage") this.onStatus(data.stage);
        else if (data.type === "ready") {
          clearTimeout(timer);
          performance.mark("calc:ready", { detail: { ...data.timings, snapshot: data.snapshot } });
          this.booted = true;
          this.onStatus("ready");
          resolve();
        } else if (data.type === "snapshot-kept") writeSnapshotHint(data.key);
        else if (data.type === "boot-error") fail(data.reason);
        else if (data.type === "result") this.settle(data);
      };
      this.worker.postMessage({ type: "boot", ...this.config });
    });
    this.ready.catch(() => {});
    return this.ready;
  }

  onStatus(state, reason) {
    this.status = [state, reason];
    if (this.listener) this.listener(state, reason);
  }

  /** Follow the runtime's state from now on, starting with the state it is in. */
  listen(onStatus) {
    this.listener = onStatus;
    if (this.status) onStatus(...this.status);
  }

  stop() {
    if (this.worker) this.worker.terminate();
    this.worker = null;
    this.booted = false;
    this.ready = null;
    for (const { reject, timer } of this.pending.values()) {
      clearTimeout(timer);
      reject(new Error("stopped"));
    }
    this.pending.clear();
  }

  settle(answer) {
    const waiting = this.pending.get(answer.id);
    if (!waiting) return;
    clearTimeout(waiting.timer);
    this.pending.delete(answer.id);
    waiting.resolve(answer);
  }

  // `parts`: only these deferred parts of the result (see worker.js), instead of the result.
  async run(calculator, lang, fields, parts) {
    await this.start();
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        this.stop(); // terminate the runaway worker; the next request boots a fresh one
        reject(Object.assign(new Error("slow"), { slow: true }));
      }, RUN_TIMEOUT_MS);
      this.pending.set(id, { resolve, reject, timer });
      this.worker.postMessage({ type: "run", id, calculator, lang, fields, ...(parts ? { parts } : {}) });
    });
  }
}

const SNAPSHOT_HINT = "calc-snapshot"; // removed with the site's other keys by the About page

function readSnapshotHint() {
  try {
    return localStorage.getItem(SNAPSHOT_HINT);
  } catch {
    return null; // storage off: the worker then boots without looking for a snapshot
  }
}

function writeSnapshotHint(key) {
  try {
    localStorage.setItem(SNAPSHOT_HINT, key);
  } catch {
    /* storage off: the next page boots the long way */
  }
}

// The page's one runtime: this module starts it (below) and calc.js, which binds the forms, imports
// this module under the same URL, so both have the same instance.
let pageRuntimeInstance = null;

export function pageRuntime() {
  if (pageRuntimeInstance) return pageRuntimeInstance;
  const meta = (name) => document.querySelector(`meta[name="${name}"]`);
  const config = meta("calc-runtime") ? JSON.parse(meta("calc-runtime").content) : null;
  if (!config) return null;
  // The page's calculators are imported during the boot (and kept in the snapshot).
  config.calculators = (meta("calc-page")?.content || "").split(" ").filter(Boolean);
  // Which snapshot the worker kept last (snapshot.js): without it, none is looked for, which
  // spares a first visit the wait for Cache Storage.
  config.snapshotHint = readSnapshotHint();
  pageRuntimeInstance = new Runtime(config);
  return pageRuntimeInstance;
}

// Start at once, so the runtime boots while the page loads and the reader reads; with Save-Data
// on, only on the first focus of a field (calc.js's focus handler) instead.
export function startUnlessSavingData(runtime) {
  if (!runtime || (navigator.connection && navigator.connection.saveData)) return;
  runtime.start();
}

// Loaded async from the page's <head> (main.html), so the runtime boots while the page itself still
// loads and the reader reads (one request: this module is the page's first script, nothing to
// import first). With Save-Data on, nothing starts before the first focus of a calculator's field.
if (typeof document !== "undefined") startUnlessSavingData(pageRuntime());
