// The benchmark's floor: Pyodide as its npm package ships it (bench-control/pyodide/, a copy of
// node_modules/pyodide), booted the default way in a module worker: loadPyodide({indexURL})
// and nothing else (its own lock file, its own source standard library). The page says "ready"
// when Python has answered, and notes the time of that message on its own clock (data-ready-at).
const worker = new Worker(new URL("worker.js", import.meta.url), { type: "module" });
worker.onmessage = ({ data }) => {
  document.documentElement.dataset.readyAt = String(performance.now());
  document.getElementById("status").textContent = data;
};
worker.postMessage(null);
