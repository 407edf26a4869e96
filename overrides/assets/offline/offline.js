// On every page: registers the site's service worker (sw.js at the site root, see
// overrides/hooks/service_worker.js) and asks it, once the page has nothing better to do, to keep
// a copy of every page for offline reading; on a calculator page, once the calculators are ready,
// of their runtime too. With Save-Data on, nothing is fetched ahead. Also binds the About page's
// button that deletes this site's offline copy and everything the site keeps in this browser.
// The state is shown on <html data-offline="...">: "pages" (every page kept), "all" (the
// calculators' runtime too), "saving-data", "off" (no service worker: an old browser, or file://).
(function () {
  "use strict";
  var script = document.currentScript;
  var root = new URL("../../", script.src); // assets/offline/offline.js -> the site root
  var cachePrefix = "offline:" + root.pathname + ":";
  var saveData = Boolean(navigator.connection && navigator.connection.saveData);
  var isCalculatorPage = Boolean(document.querySelector('meta[name="calc-runtime"]'));

  function setState(state) {
    document.documentElement.dataset.offline = state;
  }

  function whenIdle(callback) {
    if ("requestIdleCallback" in window) requestIdleCallback(callback, { timeout: 5000 });
    else setTimeout(callback, 2000);
  }

  function whenCalculatorsReady(callback) {
    var seen = false;
    var observer = new PerformanceObserver(function (list) {
      if (seen || !list.getEntriesByName("calc:ready").length) return;
      seen = true;
      observer.disconnect();
      callback();
    });
    observer.observe({ type: "mark", buffered: true });
  }

  function register() {
    if (!("serviceWorker" in navigator)) {
      setState("off");
      return;
    }
    navigator.serviceWorker.addEventListener("message", function (event) {
      var data = event.data || {};
      if (data.type !== "filled") return;
      if (data.saveData) setState("saving-data");
      else if (data.pages) setState(data.runtime ? "all" : "pages");
    });
    navigator.serviceWorker
      .register(new URL("sw.js", root).href, { scope: root.pathname })
      .then(function () {
        return navigator.serviceWorker.ready;
      })
      .then(function (registration) {
        if (saveData) {
          setState("saving-data");
          return;
        }
        var ask = function (runtime) {
          if (registration.active) registration.active.postMessage({ type: "fill", runtime: runtime });
        };
        // A calculator page first downloads its runtime; the other pages wait until it is ready.
        if (isCalculatorPage) whenCalculatorsReady(function () { whenIdle(function () { ask(true); }); });
        else whenIdle(function () { ask(false); });
      })
      .catch(function () {
        setState("off");
      });
  }

  function ours(key) {
    return /^calc[:-]/.test(key) || key.indexOf(root.pathname + ".") === 0;
  }

  function clearStorage(storage) {
    try {
      Object.keys(storage).filter(ours).forEach(function (key) { storage.removeItem(key); });
    } catch (error) {
      /* storage is off: nothing kept there */
    }
  }

  async function clearEverything() {
    if ("serviceWorker" in navigator) {
      var registrations = await navigator.serviceWorker.getRegistrations();
      for (var registration of registrations) {
        if (registration.scope !== root.href) continue;
        // Stop it first: a worker lives on until this page closes, and must not cache again.
        for (var worker of [registration.active, registration.waiting, registration.installing]) {
          if (worker) worker.postMessage({ type: "stop" });
        }
        await registration.unregister();
      }
    }
    if ("caches" in window) {
      for (var name of await caches.keys()) {
        if (name.indexOf(cachePrefix) === 0) await caches.delete(name);
      }
    }
    clearStorage(localStorage);
    clearStorage(sessionStorage);
  }

  function bindClearButton() {
    var button = document.getElementById("offline-clear");
    var status = document.getElementById("offline-clear-status");
    if (!button || !status) return;
    button.hidden = false;
    button.addEventListener("click", function () {
      button.disabled = true;
      clearEverything()
        .then(function () {
          status.textContent = status.dataset.done;
          setState("cleared");
        })
        .catch(function () {
          status.textContent = status.dataset.failed;
        })
        .finally(function () {
          button.disabled = false;
        });
    });
  }

  bindClearButton();
  register();
})();
