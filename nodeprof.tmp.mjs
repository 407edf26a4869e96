import path from "node:path";
import { loadPyodide } from "pyodide";
const [dir, stdlib, mode] = process.argv.slice(2);
const t0 = performance.now();
const pyodide = await loadPyodide({
  lockFileURL: path.join(dir, "pyodide-lock.json"), packageBaseUrl: dir + path.sep,
  stdLibURL: path.resolve(stdlib), stdout: (l) => console.log(l),
});
const t1 = performance.now();
await pyodide.loadPackage("negotiate-calculators", { checkIntegrity: true, messageCallback: () => {} });
const t2 = performance.now();
if (mode === "prof") {
  pyodide.runPython(`
import cProfile, pstats, io
pr = cProfile.Profile(); pr.enable()
import calculators
from calculators.registry import CALCULATORS
CALCULATORS["true-cost"]
pr.disable()
s = io.StringIO(); pstats.Stats(pr, stream=s).sort_stats("tottime").print_stats(25); print(s.getvalue()[:6000])
`);
} else {
  pyodide.runPython(`import calculators\nfrom calculators.registry import CALCULATORS\nCALCULATORS["true-cost"]`);
}
const t3 = performance.now();
console.log(JSON.stringify({ boot: Math.round(t1 - t0), wheel: Math.round(t2 - t1), imports: Math.round(t3 - t2) }));
