// Material's search worker, quiet when the reader leaves the page while it loads.
//
// Material's worker loads its lunr files with importScripts() when the page hands it the index.
// When the reader leaves the page during those downloads, Firefox aborts them: importScripts throws
// NS_BINDING_ABORTED inside Material's (async) message handler, the rejection is never handled, and
// Firefox reports "NS_BINDING_ABORTED" as an error of the page the reader left. This file is the
// search worker of every page (build step: overrides/hooks/search_per_language.py points the
// page's __config at it, or at search-later.js on a calculator page, which loads it; the build
// writes Material's worker's name into it; it sits beside that worker, so that the lunr files
// Material's worker imports from "../lunr" are found). It loads Material's worker unchanged and
// handles the promise of its message handler: a download aborted because the page went away is
// dropped (so is an aborted download of Material's worker itself), and any other failure is left
// unhandled, reported exactly as before.
"use strict";

{
  // In a block: search-later.js, a classic script in the same worker, has names of its own.
  // An aborted load: Firefox's NS_BINDING_ABORTED; "AbortError" where an engine names it so.
  // (Also in search-later.js, which loads this file and can be left while doing so.)
  const aborted = (error) => Boolean(error) && (error.name === "NS_BINDING_ABORTED" || error.name === "AbortError");

  const listen = self.addEventListener.bind(self);
  self.addEventListener = (type, listener, options) => {
    if (type !== "message" || typeof listener !== "function") return listen(type, listener, options);
    return listen(
      type,
      (event) => {
        const done = listener.call(self, event);
        if (done && typeof done.then === "function") {
          done.then(undefined, (error) => (aborted(error) ? undefined : Promise.reject(error)));
        }
        return done;
      },
      options,
    );
  };

  // Material's worker itself, loaded from here: the page can be left while it downloads too.
  try {
    importScripts(new URL("__MATERIAL_SEARCH_WORKER__", self.location.href).href);
  } catch (error) {
    if (!aborted(error)) throw error;
  }
}
