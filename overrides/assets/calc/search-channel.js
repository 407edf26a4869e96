// The page's side of search-later.js (Material's search worker on a calculator page): the word that
// lets it build the search index, said once the calculators have answered or failed (when the page
// is next idle), or when the reader goes to the search box. The channel is closed once the worker
// has built the index (it says "built"), or after a while: a page with an open BroadcastChannel is
// not kept in the back/forward cache.
const CHANNEL_MS = 20000; // search-later.js builds after 15 s whatever happens

let channel =
  typeof BroadcastChannel === "function"
    ? new BroadcastChannel(`search-build:${new URL("../../", import.meta.url).pathname}`)
    : null;
let mayBuild = false;

function close() {
  channel?.close();
  channel = null;
}

/** Let the search index be built (once; the worker may ask again if it started later). */
export function letSearchBuild() {
  if (mayBuild || !channel) return;
  mayBuild = true;
  channel.postMessage("build");
}

if (channel) {
  channel.onmessage = ({ data }) => {
    if (data === "built") close();
    else if (data === "ask" && mayBuild) channel.postMessage("build");
  };
  setTimeout(close, CHANNEL_MS);
}
document.addEventListener("focusin", (event) => event.target.closest?.(".md-search") && letSearchBuild());
