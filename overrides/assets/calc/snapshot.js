// A memory snapshot of the started runtime, kept in this browser only: the next calculator page
// restores it instead of starting Python again (about a quarter of the time).
//
// - It is made right after the boot, before the first calculation, so it never holds anything the
//   reader typed (a worker that has calculated never makes one).
// - It is kept in the offline copy's runtime cache (`offline:<site>:runtime`), so the About page's
//   delete button removes it with everything else, under a key naming the wheel and the compiled
//   standard library it was made with: a new build with other ones makes a new snapshot and this
//   module deletes the old one. Pyodide itself refuses a snapshot made by another Pyodide build.
// - Whatever fails here (no Cache Storage, storage full, a damaged or foreign snapshot) only means
//   the runtime starts the long way.
// - worker.js looks a kept snapshot up itself, at once (this module loads meanwhile), and deletes
//   one that can't be restored; this module packs, unpacks, makes and keeps.

const SNAPSHOT_NAME = /\/snapshot-[^/]*\.bin$/;

// Over half of the memory is zero pages: they are left out when kept, and put back when read.
const PAGE = 65536;
const PACKED = 0x50414e53; // the packed form's first word

function isZero(bytes) {
  const whole = bytes.byteOffset % 4 === 0 ? bytes.length >> 2 : 0;
  const words = new Uint32Array(bytes.buffer, bytes.byteOffset, whole);
  for (let i = 0; i < words.length; i++) if (words[i] !== 0) return false;
  for (let i = whole * 4; i < bytes.length; i++) if (bytes[i] !== 0) return false;
  return true;
}

/** The snapshot without its zero pages: [PACKED, length, page count, page numbers...] then the pages. */
export function packSnapshot(bytes) {
  const kept = [];
  for (let number = 0; number * PAGE < bytes.length; number++) {
    if (!isZero(bytes.subarray(number * PAGE, (number + 1) * PAGE))) kept.push(number);
  }
  const header = new Uint32Array([PACKED, bytes.length, kept.length, ...kept]);
  const parts = [header, ...kept.map((number) => bytes.subarray(number * PAGE, (number + 1) * PAGE))];
  return new Blob(parts);
}

/** The snapshot as Pyodide made it, from its packed form. */
export function unpackSnapshot(packed) {
  const words = new Uint32Array(packed.buffer, packed.byteOffset, Math.min(3, packed.length >> 2));
  if (words.length < 3 || words[0] !== PACKED) throw new Error("not a packed snapshot");
  const [, length, count] = words;
  const numbers = new Uint32Array(packed.buffer, packed.byteOffset + 12, count);
  const bytes = new Uint8Array(length);
  let offset = 12 + 4 * count;
  for (const number of numbers) {
    const size = Math.min(PAGE, length - number * PAGE);
    bytes.set(packed.subarray(offset, offset + size), number * PAGE);
    offset += size;
  }
  if (offset !== packed.length) throw new Error("a damaged snapshot");
  return bytes;
}

/** Make a snapshot of a runtime started with `_makeSnapshot` that has not calculated yet. */
export function makeSnapshot(pyodide) {
  // Pyodide checks that its record of loaded packages is as it was at start (empty). The restored
  // runtime loads the wheel again itself (`packages:`, sha256 checked), so the snapshot is made
  // with the record emptied for a moment.
  const loaded = { ...pyodide.loadedPackages };
  for (const name of Object.keys(loaded)) delete pyodide.loadedPackages[name];
  try {
    return pyodide.makeMemorySnapshot();
  } finally {
    Object.assign(pyodide.loadedPackages, loaded);
  }
}

/** Keep `bytes` as this build's snapshot and delete any other build's. */
export async function keepSnapshot(place, bytes) {
  try {
    const cache = await caches.open(place.cache);
    for (const request of await cache.keys()) {
      if (SNAPSHOT_NAME.test(new URL(request.url).pathname) && request.url !== place.key) await cache.delete(request);
    }
    const packed = packSnapshot(bytes);
    const headers = { "content-type": "application/octet-stream", "content-length": String(packed.size) };
    await cache.put(place.key, new Response(packed, { headers }));
    return true;
  } catch {
    return false; // storage full or refused: the next page starts the long way
  }
}
