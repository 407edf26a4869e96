// Keeping inputs, never on a server. Where each kind of kept input lives (the About page's
// "delete everything" finds them by these key prefixes; forgetEverything() below removes them all):
//   localStorage   "calc:<calculator>"          progress of a calculator with the "persist" feature
//                                                (the preparation checklist), until deleted
//   localStorage   "calc-log:<calculator>"      the contact log's entries (contact-log.js), until deleted
//   sessionStorage "calc-log-editing:<calculator>"  the log entry this tab is editing
//   sessionStorage "calc-session:<calculator>"  what the reader typed, for this tab's session only:
//                                                restored on language switch, Back and reload
//   sessionStorage "calc-carry:<calculator>"    values carried to the next calculator, read once
//   URL fragment   "#<calculator>=<base64 JSON>" share links (browsers never send what follows #)
// The repayment pack (data-sources="capacity plan ...") keeps only its own choices, like any form;
// its content is made each time from the other calculators' keys above (withSources), never copied.
// Every calculator's delete button removes its own keys from both storages and its fragment.

import { collect, fill, hasFeature } from "./fields.js";

export const KEY_PREFIXES = ["calc:", "calc-session:", "calc-carry:", "calc-log:", "calc-log-editing:"];
export const storageKey = (form) => `calc:${form.dataset.calculator}`;
export const sessionKey = (form) => `calc-session:${form.dataset.calculator}`;
export const carryKey = (name) => `calc-carry:${name}`;

function store(storage, key, fields) {
  try {
    storage.setItem(key, JSON.stringify(fields));
  } catch (error) {
    /* storage may be disabled or full; the inputs then last only while the page is open */
  }
}

function remove(storage, key) {
  try {
    storage.removeItem(key);
  } catch (error) {
    /* nothing stored */
  }
}

export function saveProgress(form, fields = collect(form)) {
  store(sessionStorage, sessionKey(form), fields);
  if (hasFeature(form, "persist")) store(localStorage, storageKey(form), fields);
}

export function forgetProgress(form) {
  remove(localStorage, storageKey(form));
  remove(sessionStorage, sessionKey(form));
  remove(sessionStorage, carryKey(form.dataset.calculator));
  if (location.hash.startsWith(`#${form.dataset.calculator}=`)) {
    history.replaceState(history.state, "", location.pathname + location.search);
  }
}

/** Every calculator's kept inputs in this browser, for a "delete everything" button. */
export function forgetEverything() {
  for (const storage of [localStorage, sessionStorage]) {
    try {
      const keys = Array.from({ length: storage.length }, (_, index) => storage.key(index));
      for (const key of keys) if (KEY_PREFIXES.some((prefix) => key.startsWith(prefix))) storage.removeItem(key);
    } catch (error) {
      /* storage disabled: nothing kept */
    }
  }
}

export function readStorage(storage, key) {
  try {
    const value = storage.getItem(key);
    const parsed = value ? JSON.parse(value) : null;
    return parsed && typeof parsed === "object" && !Array.isArray(parsed) ? parsed : null;
  } catch (error) {
    return null;
  }
}

/** What this tab kept for the form: its session inputs, else (persist) its saved progress. */
export function readKept(form) {
  const session = readStorage(sessionStorage, sessionKey(form));
  if (session) return session;
  return hasFeature(form, "persist") ? readStorage(localStorage, storageKey(form)) : null;
}

/** A form's fields plus, for a form built from other calculators' inputs (data-sources: the
 * repayment pack), each one's kept inputs as JSON text in "<name>_fields" ("" when nothing is kept).
 * Read from this browser's storage at each calculation; never saved again or put in a share link. */
export function withSources(form, fields) {
  const names = (form.dataset.sources || "").split(" ").filter(Boolean);
  if (!names.length) return fields;
  const sent = { ...fields };
  for (const name of names) {
    const kept = readStorage(sessionStorage, `calc-session:${name}`) || readStorage(localStorage, `calc:${name}`);
    sent[`${name}_fields`] = kept ? JSON.stringify(kept) : "";
  }
  return sent;
}

export function takeCarried(name) {
  const carried = readStorage(sessionStorage, carryKey(name));
  if (carried) remove(sessionStorage, carryKey(name));
  return carried;
}

export function sendCarried(name, fields) {
  store(sessionStorage, carryKey(name), fields);
}

function encodeFields(fields) {
  const bytes = new TextEncoder().encode(JSON.stringify(fields));
  return btoa(String.fromCharCode(...bytes)).replaceAll("+", "-").replaceAll("/", "_").replace(/=+$/, "");
}

function decodeFields(text) {
  const base64 = text.replaceAll("-", "+").replaceAll("_", "/");
  const bytes = Uint8Array.from(atob(base64), (char) => char.charCodeAt(0));
  const fields = JSON.parse(new TextDecoder().decode(bytes));
  if (!fields || typeof fields !== "object" || Array.isArray(fields)) throw new Error("not a form's fields");
  return fields;
}

export function shareLink(form) {
  const url = new URL(location.href);
  url.hash = `${form.dataset.calculator}=${encodeFields(collect(form))}`;
  return url.href;
}

/** Fill the form from a share link in the URL: "restored", "unreadable", or null (no link for it). */
export function restoreFromFragment(form) {
  const prefix = `#${form.dataset.calculator}=`;
  if (!location.hash.startsWith(prefix)) return null;
  let fields;
  try {
    fields = decodeFields(location.hash.slice(prefix.length));
  } catch (error) {
    return "unreadable";
  }
  fill(form, fields);
  return "restored";
}
