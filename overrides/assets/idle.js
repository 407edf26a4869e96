// Work that can wait until the page has nothing better to do (the offline copy, the search index).
// requestIdleCallback where the browser has it; WebKit (Safari, every iOS browser, WeChat on iOS)
// has none, so there the callback runs a short moment after the page's load event instead (not a
// fixed wait from the start: a page that loaded long ago runs it almost at once).

export const FALLBACK_DELAY_MS = 250; // after the load event, without requestIdleCallback

/**
 * Run `callback` once the page is idle, or after `timeout` ms at the latest (requestIdleCallback's
 * bound; without it, FALLBACK_DELAY_MS after the page's load event).
 */
export function whenIdle(callback, { timeout = 5000 } = {}) {
  if (typeof window.requestIdleCallback === "function") {
    window.requestIdleCallback(() => callback(), { timeout });
    return;
  }
  const later = () => setTimeout(callback, Math.min(FALLBACK_DELAY_MS, timeout));
  if (document.readyState === "complete") later();
  else window.addEventListener("load", later, { once: true });
}
