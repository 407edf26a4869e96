self.onmessage = async ({ data: runtime }) => {
  const { loadPyodide } = await import(`${runtime.pyodide}pyodide.mjs`);
  const pyodide = await loadPyodide({
    indexURL: runtime.pyodide,
    lockFileURL: runtime.lock,
    packageBaseUrl: new URL(".", new URL(runtime.lock, self.location.href)).href,
  });
  postMessage(pyodide.runPython("'ready'"));
};
