// On every page (a module, deferred like the theme's scripts): registers the site's service worker
// (sw.js at the site root, see overrides/hooks/service_worker.js) and asks it, once the page has
// nothing better to do (../idle.js), to keep a copy of every page for offline reading; on a
// calculator page, once the calculators are ready, of their runtime too. With Save-Data on, nothing
// is fetched ahead. Also binds the About page's button that deletes this site's offline copy and
// everything the site keeps in this browser.
// The state is shown on <html data-offline="...">: "pages" (every page kept), "all" (the
// calculators' runtime too), "saving-data", "off" (no service worker: WeChat's and other in-app
// browsers on iOS, a private window, an old browser, file://). Without a service worker or Cache
// Storage, or with storage full, the page and its calculators work as before and nothing is said:
// only the offline copy is missing (and the calculators boot without a snapshot).
import { whenIdle } from "../idle.js";

const root = new URL("../../", import.meta.url); // assets/offline/offline.js -> the site root
const cachePrefix = "offline:" + root.pathname + ":";
const saveData = Boolean(navigator.connection && navigator.connection.saveData);
const isCalculatorPage = Boolean(document.querySelector('meta[name="calc-runtime"]'));

function setState(state) {
  document.documentElement.dataset.offline = state;
}

function whenCalculatorsReady(callback) {
  let seen = false;
  const observer = new PerformanceObserver((list) => {
    if (seen || !list.getEntriesByName("calc:ready").length) return;
    seen = true;
    observer.disconnect();
    callback();
  });
  observer.observe({ type: "mark", buffered: true });
}

/** navigator.serviceWorker, or null where there is none or it may not be used (it can throw). */
function serviceWorkers() {
  try {
    return "serviceWorker" in navigator && navigator.serviceWorker ? navigator.serviceWorker : null;
  } catch {
    return null; // a private window, or storage blocked for the site
  }
}

function register() {
  const workers = serviceWorkers();
  if (!workers) {
    setState("off");
    return;
  }
  workers.addEventListener("message", (event) => {
    const data = event.data || {};
    if (data.type !== "filled") return;
    if (data.saveData) setState("saving-data");
    else if (data.pages) setState(data.runtime ? "all" : "pages");
  });
  // register() rejects (it does not throw) when storage is off or the worker can't be installed.
  Promise.resolve()
    .then(() => workers.register(new URL("sw.js", root).href, { scope: root.pathname }))
    .then(() => workers.ready)
    .then((registration) => {
      if (saveData) {
        setState("saving-data");
        return;
      }
      const ask = (runtime) => {
        if (registration.active) registration.active.postMessage({ type: "fill", runtime });
      };
      // A calculator page first downloads its runtime; the other pages wait until it is ready.
      if (isCalculatorPage) whenCalculatorsReady(() => whenIdle(() => ask(true)));
      else whenIdle(() => ask(false));
    })
    .catch(() => setState("off"));
}

const ours = (key) => /^calc[:-]/.test(key) || key.indexOf(root.pathname + ".") === 0;

/** The storage, or null where it can't be used (reading `localStorage` itself may throw). */
function storageOf(name) {
  try {
    return window[name] || null;
  } catch {
    return null;
  }
}

// Each part below returns true once what it looks after is gone. A part of the browser that is
// missing or refused (no service worker, no Cache Storage, storage blocked) kept nothing: done.

async function unregisterWorkers() {
  const workers = serviceWorkers();
  if (!workers) return true;
  let registrations;
  try {
    registrations = await workers.getRegistrations();
  } catch {
    return true; // no service worker may be registered here, so none was
  }
  let done = true;
  for (const registration of registrations) {
    if (registration.scope !== root.href) continue;
    // Stop it first: a worker lives on until this page closes, and must not cache again.
    for (const worker of [registration.active, registration.waiting, registration.installing]) {
      if (worker) worker.postMessage({ type: "stop" });
    }
    try {
      await registration.unregister(); // false: already gone
    } catch {
      done = false;
    }
  }
  return done;
}

async function deleteCaches() {
  if (!("caches" in window)) return true;
  let names;
  try {
    names = await caches.keys();
  } catch {
    return true; // Cache Storage refused (a private window): nothing was kept in it
  }
  let done = true;
  for (const name of names) {
    if (name.indexOf(cachePrefix) !== 0) continue;
    try {
      await caches.delete(name);
    } catch {
      done = false;
    }
  }
  return done;
}

function clearStorage(name) {
  const storage = storageOf(name);
  if (!storage) return true;
  let keys;
  try {
    keys = Object.keys(storage).filter(ours);
  } catch {
    return true; // storage off: nothing kept there
  }
  let done = true;
  for (const key of keys) {
    try {
      storage.removeItem(key);
    } catch {
      done = false;
    }
  }
  return done;
}

/** Delete everything the site keeps in this browser; true if all of it is gone. */
async function clearEverything() {
  const parts = [await unregisterWorkers(), await deleteCaches()];
  parts.push(clearStorage("localStorage"), clearStorage("sessionStorage"));
  return parts.every(Boolean);
}

function bindClearButton() {
  const button = document.getElementById("offline-clear");
  const status = document.getElementById("offline-clear-status");
  if (!button || !status) return;
  button.hidden = false;
  button.addEventListener("click", () => {
    button.disabled = true;
    clearEverything()
      .catch(() => false)
      .then((done) => {
        status.textContent = done ? status.dataset.done : status.dataset.failed;
        if (done) setState("cleared");
      })
      .finally(() => {
        button.disabled = false;
      });
  });
}

bindClearButton();
register();
