"""The snapshot's packed form (overrides/assets/calc/snapshot.js) under Node: zero pages left out
when kept, every byte back when read, and a damaged one refused rather than restored."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SNAPSHOT_JS = ROOT / "overrides" / "assets" / "calc" / "snapshot.js"

SCRIPT = """
import { packSnapshot, unpackSnapshot } from %s;
const PAGE = 65536;
const results = [];
function sample(length, filled) {
  const bytes = new Uint8Array(length);
  for (const page of filled) for (let i = page * PAGE; i < Math.min(length, page * PAGE + PAGE); i += 97) bytes[i] = (i %% 251) + 1;
  return bytes;
}
const cases = [
  [5 * PAGE, [0, 2]],            // whole pages, zero pages between
  [3 * PAGE + 128, [0, 3]],      // a last, partial page holding data
  [3 * PAGE + 128, [1]],         // a last, partial page of zeros
  [PAGE, []],                    // nothing but zeros
];
for (const [length, filled] of cases) {
  const bytes = sample(length, filled);
  bytes[length - 1] = filled.includes(Math.floor((length - 1) / PAGE)) ? 9 : 0;
  const packed = new Uint8Array(await packSnapshot(bytes).arrayBuffer());
  const back = unpackSnapshot(packed);
  results.push({ same: back.length === bytes.length && back.every((b, i) => b === bytes[i]), packed: packed.length, length });
}
const refused = [];
const good = new Uint8Array(await packSnapshot(sample(2 * PAGE, [0])).arrayBuffer());
for (const damaged of [good.subarray(0, good.length - 1), new Uint8Array(4096).fill(7), new Uint8Array(2)]) {
  try { unpackSnapshot(damaged); refused.push(false); } catch { refused.push(true); }
}
console.log(JSON.stringify({ results, refused }));
"""


@pytest.fixture(scope="module")
def outcome() -> dict:
    if not shutil.which("node"):
        pytest.fail("node is missing: `./dev test` needs Node.js 20")
    script = SCRIPT % json.dumps(SNAPSHOT_JS.as_uri())
    done = subprocess.run(
        ["node", "--input-type=module", "-e", script], capture_output=True, text=True, timeout=60, check=True
    )
    return json.loads(done.stdout)


def test_every_byte_comes_back(outcome: dict) -> None:
    assert [result["same"] for result in outcome["results"]] == [True] * 4


def test_zero_pages_are_left_out(outcome: dict) -> None:
    two_of_five, _, one_of_four, only_zeros = outcome["results"]
    assert two_of_five["packed"] == 12 + 4 * 2 + 2 * 65536
    assert one_of_four["packed"] == 12 + 4 + 65536
    assert only_zeros["packed"] == 12


def test_a_damaged_snapshot_is_refused(outcome: dict) -> None:
    assert outcome["refused"] == [True, True, True]
