// Pyodide under Node, booted as the page's worker (assets/calc/worker.js) boots it: the lock file's
// header only (no package is installed through it), and our wheel put on sys.path as the zip it is
// (zipimport), after its sha256 is checked against the lock file, as the browser's download checks
// it. Used by the build (compile_stdlib.mjs, which reads the modules a boot imports) and the tests
// (tests/pyodide_run.mjs), so both see the modules and answers the browser sees.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { loadPyodide } from "pyodide";

export const PACKAGE = "negotiate-calculators";
export const WHEEL_DIR = "/lib/wheels/"; // the worker's WHEEL_DIR

/** Boot Pyodide (`options` passed on, e.g. stdLibURL) with the wheel of `wheelDir` on sys.path. */
export async function bootWithWheel(wheelDir, options = {}) {
  const lock = JSON.parse(readFileSync(path.join(wheelDir, "pyodide-lock.json"), "utf8"));
  const entry = lock.packages[PACKAGE];
  const bytes = readFileSync(path.join(wheelDir, entry.file_name));
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  if (sha256 !== entry.sha256) throw new Error(`${entry.file_name}: sha256 ${sha256}, the lock file says ${entry.sha256}`);
  const pyodide = await loadPyodide({
    lockFileContents: JSON.stringify({ info: lock.info, packages: {} }),
    stdout: () => {},
    stderr: () => {},
    ...options,
  });
  const wheelPath = WHEEL_DIR + entry.file_name;
  pyodide.FS.mkdirTree(WHEEL_DIR);
  pyodide.FS.writeFile(wheelPath, bytes);
  pyodide.runPython(`import sys\nsys.path.insert(0, ${JSON.stringify(wheelPath)})`);
  return pyodide;
}
