// The benchmark's floor: boot the same Pyodide, the same way (a module worker, the same lock
// file), and nothing else. The page says "ready" when Python runs.
const runtime = JSON.parse(document.querySelector('meta[name="calc-runtime"]').content);
const worker = new Worker(new URL("worker.js", import.meta.url), { type: "module" });
worker.onmessage = ({ data }) => {
  document.getElementById("status").textContent = data;
};
worker.postMessage(runtime);
