// Runs calculators.run() inside the real Pyodide runtime under Node, from the built wheel, booted
// as the page's worker boots it (overrides/hooks/pyodide_boot.mjs: the wheel's sha256 checked
// against its lock file, then the wheel on sys.path).
// usage: node tests/pyodide_run.mjs <dir with pyodide-lock.json and the wheel> [options] < cases.json
//   --stdlib ZIP       boot with this standard library (stdLibURL) instead of Pyodide's own
//   --fallback ZIP     install the site's import fallback, serving this zip as the full stdlib
//   --python CODE      also run CODE after the cases; its last expression is returned as "python_result"
// cases.json: [{"calculator": ..., "fields": {...}, "lang": ...}, ...]; prints the answers as JSON,
// with the runtime's magic number and how many times the fallback fetched the full stdlib.
import { readFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { bootWithWheel } from "../overrides/hooks/pyodide_boot.mjs";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { stdlib: { type: "string" }, fallback: { type: "string" }, python: { type: "string" } },
});
const wheelDir = path.resolve(positionals[0]);
const cases = JSON.parse(readFileSync(0, "utf8"));
const pyodide = await bootWithWheel(wheelDir, {
  ...(values.stdlib ? { stdLibURL: path.resolve(values.stdlib) } : {}),
  stderr: (line) => process.stderr.write(line + "\n"),
});
let fetches = 0;
if (values.fallback) {
  pyodide.registerJsModule("_calc_host", {
    fetch_full_stdlib: () => {
      fetches += 1;
      return new Uint8Array(readFileSync(values.fallback));
    },
  });
  pyodide.runPython("import _calc_host, _stdlib_fallback\n_stdlib_fallback.install(_calc_host.fetch_full_stdlib)");
}
const run = pyodide.runPython(
  "import importlib.util, json, sys, calculators\n" +
    "def _run(cases):\n" +
    "    return json.dumps({'python': sys.version.split()[0], 'magic': importlib.util.MAGIC_NUMBER.hex(), 'answers': [calculators.run(c['calculator'], c['fields'], c['lang']) for c in json.loads(cases)]}, ensure_ascii=False)\n" +
    "_run",
);
const result = JSON.parse(run(JSON.stringify(cases)));
if (values.python) {
  try {
    const value = pyodide.runPython(values.python);
    result.python_result = value && value.toJs ? value.toJs() : value;
  } catch (error) {
    result.python_error = String(error.message);
  }
}
result.fallback_fetches = fetches;
process.stdout.write(JSON.stringify(result));
