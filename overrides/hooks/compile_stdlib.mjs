// Build step: the trimmed, compiled standard library, written by the pinned Pyodide's own CPython.
// usage: node overrides/hooks/compile_stdlib.mjs < job.json
//   job: {wheelDir, out, fallback: "<source of _stdlib_fallback>", cases: [{calculator, fields, lang}]}
// 1. Boot Pyodide with its full standard library as the page's worker does (pyodide_boot.mjs), run
//    every sample case, and read sys.modules: the modules the boot and the calculators import.
// 2. Compile those modules inside that same Pyodide (its magic number, its bytecode; without
//    docstrings and asserts, like "python -OO", except Pyodide's own packages) into a zip of
//    unchecked hash-based .pyc files, plus the import fallback for everything left out.
// 3. Boot a second Pyodide with that zip alone (stdLibURL), run the same cases, and check that the
//    answers are identical and that every .pyc carries this runtime's magic number.
// Prints {python, magic, modules, left_out, bytes} as JSON; exits non-zero on any mismatch.
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { bootWithWheel } from "./pyodide_boot.mjs";

const job = JSON.parse(readFileSync(0, "utf8"));
const wheelDir = path.resolve(job.wheelDir);
const boot = (options = {}) => bootWithWheel(wheelDir, options); // as the page's worker boots

const RUN_CASES = `
import json, calculators
def _run_cases(cases):
    return json.dumps([calculators.run(c["calculator"], c["fields"], c["lang"]) for c in json.loads(cases)], ensure_ascii=False)
_run_cases
`;

const COMPILE = `
import importlib.util, io, json, sys, zipfile
from importlib._bootstrap_external import _code_to_hash_pyc

STDLIB = "/lib/python%d%d.zip" % sys.version_info[:2]

def _module_name(member):
    name = member[: -len(".py")].replace("/", ".")
    return name[: -len(".__init__")] if name.endswith(".__init__") else name

# Docstrings and asserts are left out (optimize=2, as "python -OO" does): 15% fewer bytes to
# download. Not for Pyodide's own packages, which read docstrings while booting.
KEEP_DOCSTRINGS = ("_pyodide/", "pyodide/")

def _compile(member, source):
    optimize = 0 if member.startswith(KEEP_DOCSTRINGS) else 2
    code = compile(source, f"{STDLIB}/{member}", "exec", dont_inherit=True, optimize=optimize)
    return _code_to_hash_pyc(code, importlib.util.source_hash(source), checked=False)

def _build(fallback_source):
    exec(compile(fallback_source, "_stdlib_fallback.py", "exec"), {"__name__": "_stdlib_fallback_probe"})
    used = set()
    for module in list(sys.modules.values()):
        origin = getattr(getattr(module, "__spec__", None), "origin", None) or ""
        if origin.startswith(STDLIB + "/") and origin.endswith(".py"):
            used.add(origin[len(STDLIB) + 1 :])
    out = io.BytesIO()
    with zipfile.ZipFile(STDLIB) as full:
        every = sorted(n for n in full.namelist() if n.endswith(".py"))
        left_out = sorted(_module_name(n) for n in every if n not in used)
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as trimmed:
            for member in sorted(used):
                info = zipfile.ZipInfo(member + "c", date_time=(1980, 1, 1, 0, 0, 0))
                info.compress_type = zipfile.ZIP_DEFLATED
                trimmed.writestr(info, _compile(member, full.read(member)))
            source = fallback_source.replace(
                "LEFT_OUT: frozenset[str] = frozenset()", f"LEFT_OUT: frozenset[str] = frozenset({left_out!r})", 1
            ).encode()
            info = zipfile.ZipInfo("_stdlib_fallback.pyc", date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            trimmed.writestr(info, _compile("_stdlib_fallback.py", source))
    return out.getvalue(), json.dumps({"modules": sorted(used), "left_out": len(left_out)})
_build
`;

// In the trimmed runtime: its Python and magic number, and where its modules were loaded from.
const LOADED = `
import importlib.util, json, sys
def _loaded():
    stdlib = "/lib/python%d%d.zip" % sys.version_info[:2]
    loaded_from = sorted({(getattr(m.__spec__, "origin", "") or "").rsplit(".", 1)[-1] for m in list(sys.modules.values()) if getattr(m, "__spec__", None) and (m.__spec__.origin or "").startswith(stdlib)})
    return json.dumps({"python": sys.version.split()[0], "magic": importlib.util.MAGIC_NUMBER.hex(), "suffixes": loaded_from})
_loaded
`;

// In the reference runtime (the trimmed one may lack what zipfile needs, e.g. the cp437 codec):
// the entries of the zip that do not start with `magic`.
const WRONG_MAGIC = `
import io, json, zipfile
def _wrong_magic(zip_bytes, magic):
    with zipfile.ZipFile(io.BytesIO(bytes(zip_bytes))) as archive:
        return json.dumps([n for n in archive.namelist() if archive.read(n)[:4] != bytes.fromhex(magic)])
_wrong_magic
`;

const reference = await boot();
const expected = reference.runPython(RUN_CASES)(JSON.stringify(job.cases));
const [zipBytes, report] = reference.runPython(COMPILE)(job.fallback).toJs();
writeFileSync(job.out, zipBytes);

const trimmed = await boot({ stdLibURL: path.resolve(job.out) });
const got = trimmed.runPython(RUN_CASES)(JSON.stringify(job.cases));
const verified = JSON.parse(trimmed.runPython(LOADED)());
verified.wrong_magic = JSON.parse(reference.runPython(WRONG_MAGIC)(zipBytes, verified.magic));
const problems = [];
if (got !== expected) problems.push("the calculators answer differently with the trimmed standard library");
if (verified.wrong_magic.length) problems.push(`wrong magic number in ${verified.wrong_magic.join(", ")}`);
if (verified.suffixes.some((suffix) => suffix !== "pyc")) problems.push(`loaded from source: ${verified.suffixes}`);
if (problems.length) {
  process.stderr.write(problems.join("\n") + "\n");
  process.exit(1);
}
const modules = JSON.parse(report);
process.stdout.write(
  JSON.stringify({
    python: verified.python,
    magic: verified.magic,
    modules: modules.modules,
    left_out: modules.left_out,
    bytes: zipBytes.length,
  }),
);
