// The site's service worker (written to the site root as sw.js by overrides/hooks/offline_copy.py,
// which puts this build's file lists in place of the placeholder below).
//
// - The calculators' runtime (Pyodide, the compiled standard library, the wheel, the worker)
//   lives under versioned URLs: cache first, kept across builds while the URLs stay the same.
// - Pages and the search index: network first, checked with the server (a reader online always
//   gets the newest build), the cache when offline. Scripts and styles whose URL names their
//   content (the site's own under ?v=, asset_versions.py; Material's hashed bundles): cache first,
//   as the page that names them is always the server's newest, so page and scripts still belong
//   together (and a return visit on a phone network does not wait a round trip per import).
//   They are cached as they are visited, and all of them in the background after a page asks
//   ("fill", sent when the browser is idle and the reader has not asked to save data).
// - A new build is a new worker (the lists, hence this file, change): it takes over at once and
//   deletes the previous build's caches and the runtime files no longer listed. Offline, pages
//   and scripts come from this build's cache only, so they always belong together.
// Every cache name starts with this site's scope, so sites sharing an origin (GitHub Pages
// project sites) never touch each other's caches.
// Storage full (a QuotaExceededError from cache.put) or Cache Storage refused only means a file is
// not kept: the reader still gets the response from the network, and nothing is logged.

const MANIFEST = __OFFLINE_MANIFEST__;

const SCOPE = new URL(self.registration.scope);
const PREFIX = `offline:${SCOPE.pathname}:`;
const PAGES_CACHE = `${PREFIX}pages:${MANIFEST.build}`;
const RUNTIME_CACHE = `${PREFIX}runtime`;
const absolute = (relative) => new URL(relative, SCOPE).href;
const RUNTIME = new Set(MANIFEST.runtime.map(absolute));
const RUNTIME_PATHS = [`${SCOPE.pathname}pyodide/`, `${SCOPE.pathname}py/`];
// Every URL that names its content (the worker's scripts, the site's versioned scripts and styles,
// Material's hashed bundles): the sha256 its bytes must have to be kept (see matchesBuild).
const VERIFIED = new Map(Object.entries(MANIFEST.verified || {}).map(([relative, sha]) => [absolute(relative), sha]));
const FILL_CONCURRENCY = 3;
let stopped = false; // the reader deleted the offline copy: cache nothing more

self.addEventListener("install", () => self.skipWaiting());

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) {
        if (name.startsWith(PREFIX) && name !== PAGES_CACHE && name !== RUNTIME_CACHE) await caches.delete(name);
      }
      if (!(await caches.has(RUNTIME_CACHE))) return;
      const runtime = await caches.open(RUNTIME_CACHE);
      const listed = new Set([...RUNTIME, absolute(MANIFEST.fullStdlib)]);
      // The calculators' memory snapshot (assets/calc/snapshot.js) lives beside its wheel.
      const folder = (url) => url.slice(0, url.lastIndexOf("/") + 1);
      const wheelFolders = new Set([...listed].filter((url) => url.endsWith(".whl")).map(folder));
      const kept = (url) => listed.has(url) || (/\/snapshot-[^/]*\.bin$/.test(url) && wheelFolders.has(folder(url)));
      for (const request of await runtime.keys()) {
        if (!kept(request.url)) await runtime.delete(request);
      }
    })().catch(() => {
      /* Cache Storage refused: nothing was kept, nothing to delete */
    }),
  );
});

function isRuntime(url) {
  return RUNTIME.has(url.href) || RUNTIME_PATHS.some((path) => url.pathname.startsWith(path));
}

/** The cache, or null where Cache Storage refuses to open it. */
async function openCache(name) {
  try {
    return await caches.open(name);
  } catch {
    return null;
  }
}

/** Keep a copy of the response if there is room (storage may be full): true if kept. */
async function keep(cache, request, response) {
  if (!cache || stopped) return false;
  try {
    await cache.put(request, response);
    return true;
  } catch {
    return false; // QuotaExceededError, or the response failed while it was read
  }
}

async function lookUp(cache, request, options) {
  try {
    return cache ? await cache.match(request, options) : undefined;
  } catch {
    return undefined;
  }
}

/** False for a response to a verified URL whose bytes are not this build's (never kept). */
async function matchesBuild(url, response) {
  const expected = VERIFIED.get(url);
  if (!expected) return true;
  try {
    const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", await response.clone().arrayBuffer()));
    return Array.from(digest, (byte) => byte.toString(16).padStart(2, "0")).join("") === expected;
  } catch {
    return false;
  }
}

async function cacheFirst(request, cacheName = RUNTIME_CACHE) {
  const cache = await openCache(cacheName);
  const cached = await lookUp(cache, request, { ignoreVary: true });
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok && response.type === "basic" && (await matchesBuild(request.url, response))) {
    await keep(cache, request, response.clone());
  }
  return response;
}

// Material's bundles carry a content hash in their names: the HTTP cache may answer for them.
// Everything else (pages, the site's own scripts and styles) is checked with the server, so a
// page and its scripts always come from the same build.
const HASHED = /\.[0-9a-f]{8}\.min\.(js|css)$/;

async function networkFirst(request) {
  const cache = await openCache(PAGES_CACHE);
  let response;
  try {
    response = await fetch(request, HASHED.test(new URL(request.url).pathname) ? {} : { cache: "no-cache" });
  } catch (error) {
    const cached =
      (await lookUp(cache, request, { ignoreVary: true })) ||
      (await lookUp(cache, request, { ignoreVary: true, ignoreSearch: true }));
    if (cached) return cached;
    throw error;
  }
  if (response.ok && response.type === "basic") await keep(cache, request, response.clone());
  return response;
}

self.addEventListener("fetch", (event) => {
  const { request } = event;
  const url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== SCOPE.origin || !url.pathname.startsWith(SCOPE.pathname)) return;
  if (url.pathname === `${SCOPE.pathname}sw.js`) return;
  if (isRuntime(url)) event.respondWith(cacheFirst(request));
  else if (VERIFIED.has(url.href)) event.respondWith(cacheFirst(request, PAGES_CACHE)); // names its content
  else event.respondWith(networkFirst(request));
});

// Fetch every listed URL not yet in the cache, a few at a time; return how many are cached.
// Storage full: the fill stops at the first file there is no room for (the copy stays partial).
async function fill(cacheName, relatives) {
  const cache = await openCache(cacheName);
  if (!cache) return 0;
  const queue = relatives.map(absolute);
  let cached = 0;
  let full = false;
  async function next() {
    while (queue.length && !stopped && !full) {
      const url = queue.shift();
      if (await lookUp(cache, url)) {
        cached += 1;
        continue;
      }
      let response;
      try {
        response = await fetch(url, { credentials: "same-origin" });
      } catch (error) {
        continue; // offline or gone: the next fill tries again
      }
      if (!response.ok || !(await matchesBuild(url, response))) continue;
      if (await keep(cache, url, response)) cached += 1;
      else full = !stopped;
    }
  }
  await Promise.all(Array.from({ length: FILL_CONCURRENCY }, next));
  return cached;
}

async function runtimeCached() {
  try {
    if (!(await caches.has(RUNTIME_CACHE))) return false;
    const cache = await caches.open(RUNTIME_CACHE);
    const found = await Promise.all(MANIFEST.runtime.map((relative) => cache.match(absolute(relative))));
    return found.every(Boolean);
  } catch {
    return false;
  }
}

self.addEventListener("message", (event) => {
  const message = event.data || {};
  const reply = (data) => event.source && event.source.postMessage({ build: MANIFEST.build, ...data });
  if (message.type === "stop") {
    stopped = true;
  } else if (message.type === "fill" && !stopped) {
    const saveData = self.navigator.connection && self.navigator.connection.saveData;
    event.waitUntil(
      (async () => {
        if (!saveData) {
          const files = [...MANIFEST.pages, ...MANIFEST.assets];
          const pages = await fill(PAGES_CACHE, files);
          if (message.runtime) await fill(RUNTIME_CACHE, MANIFEST.runtime);
          reply({ type: "filled", pages: pages === files.length, runtime: await runtimeCached() });
        } else {
          reply({ type: "filled", pages: false, runtime: await runtimeCached(), saveData: true });
        }
      })(),
    );
  } else if (message.type === "status") {
    event.waitUntil((async () => reply({ type: "status", runtime: await runtimeCached() }))());
  }
});
