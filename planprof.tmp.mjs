import path from "node:path";
import { loadPyodide } from "pyodide";
const [dir, stdlib] = process.argv.slice(2);
const py = await loadPyodide({ lockFileURL: path.join(dir, "pyodide-lock.json"), packageBaseUrl: dir + path.sep, stdLibURL: path.resolve(stdlib), stdout: (l) => console.log(l), packages: ["negotiate-calculators"] });
try {
py.runPython(`
import time, cProfile, pstats, io, calculators
debts = [{"name": "Huabei", "amount": "12000", "rate_kind": "annual", "rate": "18", "fee_periods": "", "overdue_days": ""}, {"name": "Jiebei", "amount": "30000", "rate_kind": "daily", "rate": "0.05", "fee_periods": "", "overdue_days": ""}, {"name": "Card", "amount": "8000", "rate_kind": "monthly", "rate": "1.5", "fee_periods": "", "overdue_days": ""}]
fields = {"debts": debts, "budget": "2000", "method": "equal_installment", "current_months": "12", "longer_term": "60", "reduction": "50", "pause_months": "3", "pause_then_term": "60", "first_due": ""}
ans = calculators.run_for_page("plan", fields, "en")
print(ans["ok"], ans["errors"])
for i in range(40): calculators.run_for_page("plan", {**fields, "budget": str(2000 + i)}, "en")
t = time.perf_counter()
for i in range(40): calculators.run_for_page("plan", {**fields, "budget": str(2000 + i)}, "en")
print("ms per run", (time.perf_counter() - t) / 40 * 1000)
pr = cProfile.Profile(); pr.enable()
for i in range(40): calculators.run_for_page("plan", {**fields, "budget": str(2000 + i)}, "en")
pr.disable()
s = io.StringIO(); pstats.Stats(pr, stream=s).sort_stats("tottime").print_stats(28); print(s.getvalue()[:6000])
`);
} catch (e) { console.log(String(e.message).slice(-2000)); }
