// The runtime: one module Worker running Pyodide, requests matched by id. The main thread never
// runs Python; a runaway calculation is stopped by terminating the worker (no SharedArrayBuffer on
// GitHub Pages), and the next request boots a fresh one.

export const BOOT_TIMEOUT_MS = 120000; // a slow phone on a slow network may need this long for ~12 MB
export const RUN_TIMEOUT_MS = 10000;

export class Runtime {
  constructor(config, onStatus) {
    this.config = config;
    this.onStatus = onStatus; // (state, reason) => void
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
      const version = this.config.version ? `?v=${encodeURIComponent(this.config.version)}` : "";
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
          performance.mark("calc:ready", { detail: data.timings });
          this.booted = true;
          this.onStatus("ready");
          resolve();
        } else if (data.type === "boot-error") fail(data.reason);
        else if (data.type === "result") this.settle(data);
      };
      this.worker.postMessage({ type: "boot", ...this.config });
    });
    this.ready.catch(() => {});
    return this.ready;
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

// Start the runtime when the browser is idle, so it is ready by the time the reader has typed;
// with Save-Data on, only on the first focus of a field (the caller's focus handler) instead.
export function startWhenIdle(runtime) {
  if (navigator.connection && navigator.connection.saveData) return;
  const start = () => runtime.start();
  if ("requestIdleCallback" in window) requestIdleCallback(start, { timeout: 4000 });
  else setTimeout(start, 2000);
}
