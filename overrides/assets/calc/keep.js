// Keeping inputs, never on a server: this browser's storage (persist), the URL fragment (share
// links: browsers never send what follows the #), and carrying values between calculators.

import { collect, fill, hasFeature } from "./fields.js";

export const storageKey = (form) => `calc:${form.dataset.calculator}`;
export const carryKey = (name) => `calc-carry:${name}`;

export function saveProgress(form, fields) {
  if (!hasFeature(form, "persist")) return;
  try {
    localStorage.setItem(storageKey(form), JSON.stringify(fields));
  } catch (error) {
    /* storage may be disabled; progress then lasts only for this visit */
  }
}

export function forgetProgress(form) {
  try {
    localStorage.removeItem(storageKey(form));
  } catch (error) {
    /* nothing stored */
  }
}

export function readStorage(storage, key) {
  try {
    const value = storage.getItem(key);
    return value ? JSON.parse(value) : null;
  } catch (error) {
    return null;
  }
}

export function takeCarried(name) {
  const carried = readStorage(sessionStorage, carryKey(name));
  if (carried) sessionStorage.removeItem(carryKey(name));
  return carried;
}

export function sendCarried(name, fields) {
  try {
    sessionStorage.setItem(carryKey(name), JSON.stringify(fields));
  } catch (error) {
    /* without storage the values can't travel; the reader can still type them */
  }
}

function encodeFields(fields) {
  const bytes = new TextEncoder().encode(JSON.stringify(fields));
  return btoa(String.fromCharCode(...bytes)).replaceAll("+", "-").replaceAll("/", "_").replace(/=+$/, "");
}

function decodeFields(text) {
  const base64 = text.replaceAll("-", "+").replaceAll("_", "/");
  const bytes = Uint8Array.from(atob(base64), (char) => char.charCodeAt(0));
  return JSON.parse(new TextDecoder().decode(bytes));
}

export function shareLink(form) {
  const url = new URL(location.href);
  url.hash = `${form.dataset.calculator}=${encodeFields(collect(form))}`;
  return url.href;
}

export function restoreFromFragment(form) {
  const prefix = `#${form.dataset.calculator}=`;
  if (!location.hash.startsWith(prefix)) return false;
  try {
    fill(form, decodeFields(location.hash.slice(prefix.length)));
    return true;
  } catch (error) {
    return false;
  }
}
