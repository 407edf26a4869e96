self.onmessage = async () => {
  const { loadPyodide } = await import("./pyodide/pyodide.mjs");
  const pyodide = await loadPyodide({ indexURL: new URL("./pyodide/", self.location.href).href });
  postMessage(pyodide.runPython("'ready'"));
};
