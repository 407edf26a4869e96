// Material's search worker, on a calculator page: its index is built once the calculators have
// started, not while they start. Material's worker builds the index as soon as the page loads, and
// on a phone's few cores that is time the calculators' runtime needs for its first answer.
//
// This stand-in is the worker Material starts (build step: overrides/hooks/search_per_language.py
// points the page's __config at it; it sits beside Material's worker, so that the lunr files
// Material's worker imports from "../lunr" are found). It answers Material's setup at once and loads
// Material's worker through search-guard.js (quiet when the reader leaves the page while it
// loads), which builds the index, when the page
// says the calculators are ready or failed, or the reader goes to the search box (on the
// BroadcastChannel below, from assets/calc/search-channel.js), when the first search comes, or
// after LATEST_MS whatever happens.
// The search itself is Material's own: the same index, the same answers.
"use strict";

const SETUP = 0; // Material's message types (SearchMessageType)
const READY = 1;
const QUERY = 2;
const RESULT = 3;
const LATEST_MS = 15000;
// Material's worker, through the guard beside this one (which names Material's hashed worker).
const guarded = new URL("search-guard.js", self.location.href).href;
// A load aborted because the reader left the page (Firefox: NS_BINDING_ABORTED), as in search-guard.js.
const leftPage = (error) => Boolean(error) && (error.name === "NS_BINDING_ABORTED" || error.name === "AbortError");
const channel = typeof BroadcastChannel === "function"
  ? new BroadcastChannel(`search-build:${new URL("../../../", self.location.href).pathname}`)
  : null;
const answer = self.postMessage.bind(self);
let setup = null;
let built = false;
const queries = []; // searches that came before the index: answered once it is built

function build() {
  if (built || !setup) return;
  built = true;
  self.removeEventListener("message", onMessage);
  if (channel) {
    channel.postMessage("built"); // the page closes its end (assets/calc/search-channel.js)
    channel.close();
  }
  // Material's worker answers the setup it is given with READY, which Material already had: kept
  // back, and the searches that were waiting are handed on instead.
  self.postMessage = (message) => {
    if (!message || message.type !== READY) return answer(message);
    self.postMessage = answer;
    for (const data of queries.splice(0)) self.dispatchEvent(new MessageEvent("message", { data }));
  };
  try {
    importScripts(guarded);
  } catch (error) {
    if (leftPage(error)) return; // the page is gone: nothing to answer
    throw error;
  }
  self.dispatchEvent(new MessageEvent("message", { data: setup }));
}

function onMessage(event) {
  const message = event.data;
  if (message && message.type === SETUP) {
    setup = message;
    answer({ type: READY }); // the search box works from now on; a search builds the index
    setTimeout(build, LATEST_MS);
    if (channel) channel.postMessage("ask"); // the calculators may be ready already
    return;
  }
  if (message && message.type === QUERY && !String(message.data).trim()) {
    answer({ type: RESULT, data: { items: [] } }); // the empty box Material sends at first
    return;
  }
  queries.push(message);
  build();
}

self.addEventListener("message", onMessage);
if (channel) channel.onmessage = (event) => event.data === "build" && build();
