// Build step: the wheel the browser loads, compiled to .pyc by the pinned Pyodide's own CPython.
// usage: node overrides/hooks/compile_wheel.mjs SOURCE_WHEEL OUT_WHEEL
// Every module of the pure-Python wheel becomes a sourceless .pyc beside where its .py was
// (docstrings and asserts left out, as "python -OO" does; the calculators use neither), so the
// browser imports them without compiling source. The RECORD is written anew, the WHEEL file
// names the one Python it is for, and METADATA keeps its headers without the README (nobody reads
// it in the browser). Prints {python, magic, modules} as JSON.
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { loadPyodide } from "pyodide";

const [source, out] = process.argv.slice(2).map((file) => path.resolve(file));
const pyodide = await loadPyodide({ stdout: () => {}, stderr: () => {} });

const COMPILE = `
import base64, hashlib, importlib.util, io, json, sys, zipfile
from importlib._bootstrap_external import _code_to_timestamp_pyc

TAG = "py%d%d-none-any" % sys.version_info[:2]  # the tag pyodide-lock accepts for one Python

def _record_line(name, data):
    digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
    return f"{name},sha256={digest},{len(data)}"

def _entry(name):
    info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))  # the same bytes every build
    info.compress_type, info.external_attr = zipfile.ZIP_DEFLATED, 0o644 << 16
    return info

def _compile_wheel(wheel_bytes):
    source = zipfile.ZipFile(io.BytesIO(bytes(wheel_bytes)))
    names = source.namelist()
    record = next(n for n in names if n.endswith(".dist-info/RECORD"))
    out, lines, modules = io.BytesIO(), [], 0
    with zipfile.ZipFile(out, "w") as wheel:
        for name in names:
            if name == record:
                continue
            data = source.read(name)
            if name.endswith(".py"):
                code = compile(data, name, "exec", dont_inherit=True, optimize=2)
                name, data, modules = name + "c", bytes(_code_to_timestamp_pyc(code, 0, 0)), modules + 1
            elif name.endswith(".dist-info/WHEEL"):
                data = data.replace(b"Tag: py3-none-any", b"Tag: " + TAG.encode())
            elif name.endswith(".dist-info/METADATA"):
                data = data.split(b"\\n\\n", 1)[0] + b"\\n"  # the headers; not the README after them
            wheel.writestr(_entry(name), data, compresslevel=9)
            lines.append(_record_line(name, data))
        wheel.writestr(_entry(record), "\\n".join(lines + [f"{record},,"]) + "\\n", compresslevel=9)
    report = {"python": sys.version.split()[0], "magic": importlib.util.MAGIC_NUMBER.hex(), "modules": modules}
    return out.getvalue(), json.dumps(report)
_compile_wheel
`;

const [wheel, report] = pyodide.runPython(COMPILE)(new Uint8Array(readFileSync(source))).toJs();
writeFileSync(out, wheel);
process.stdout.write(report);
