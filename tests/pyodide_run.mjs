// Runs calculators.run() inside the real Pyodide runtime under Node, from the built wheel and
// its lock file (the same files the browser loads, integrity-checked by sha256).
// usage: node tests/pyodide_run.mjs <dir with pyodide-lock.json and the wheel> < cases.json
// cases.json: [{"calculator": ..., "fields": {...}, "lang": ...}, ...]; prints the answers as JSON.
import { readFileSync } from "node:fs";
import path from "node:path";
import { loadPyodide } from "pyodide";

const wheelDir = path.resolve(process.argv[2]);
const cases = JSON.parse(readFileSync(0, "utf8"));
const pyodide = await loadPyodide({
  lockFileURL: path.join(wheelDir, "pyodide-lock.json"),
  packageBaseUrl: wheelDir + path.sep,
  stdout: () => {},
});
await pyodide.loadPackage("negotiate-calculators", { checkIntegrity: true, messageCallback: () => {} });
const run = pyodide.runPython(
  "import json, sys, calculators\n" +
    "def _run(cases):\n" +
    "    return json.dumps({'python': sys.version.split()[0], 'answers': [calculators.run(c['calculator'], c['fields'], c['lang']) for c in json.loads(cases)]}, ensure_ascii=False)\n" +
    "_run",
);
process.stdout.write(run(JSON.stringify(cases)));
