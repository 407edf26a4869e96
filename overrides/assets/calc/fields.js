// Reading and filling a form: the fields sent to the worker are the text as typed, by name
// (``debts.0.amount`` inside a group becomes {debts: [{amount}]}).

import { applyShowWhen, setRowCount } from "./rows.js";

export function ui(form, key, params = {}) {
  form._ui ??= JSON.parse(form.dataset.ui || "{}");
  return (form._ui[key] || key).replace(/\{(\w+)\}/g, (_, name) => params[name] ?? "");
}

export function prefixOf(form) {
  return `calc-${form.dataset.calculator}`;
}

export function hasFeature(form, feature) {
  return (form.dataset.features || "").split(" ").includes(feature);
}

export function collect(form) {
  const fields = {};
  for (const element of form.elements) {
    if (!element.name) continue;
    const value = element.type === "checkbox" ? (element.checked ? "on" : "") : element.value;
    const parts = element.name.split(".");
    if (parts.length === 3) {
      const [group, index, name] = parts;
      fields[group] ??= [];
      fields[group][Number(index)] ??= {};
      fields[group][Number(index)][name] = value;
    } else {
      fields[element.name] = value;
    }
  }
  for (const [key, value] of Object.entries(fields)) {
    if (Array.isArray(value)) fields[key] = value.filter(Boolean);
  }
  return fields;
}

function setValue(element, value) {
  if (!element) return;
  if (element.type === "checkbox") element.checked = ["on", "1", "true", true].includes(value);
  else if (element.tagName === "SELECT") {
    if ([...element.options].some((option) => option.value === String(value))) element.value = String(value);
  } else element.value = String(value ?? "");
}

export function fill(form, fields) {
  for (const [name, value] of Object.entries(fields || {})) {
    if (Array.isArray(value)) {
      const group = form.querySelector(`fieldset[data-group="${CSS.escape(name)}"]`);
      if (!group) continue;
      setRowCount(form, group, value.length);
      value.forEach((row, index) => {
        for (const [field, fieldValue] of Object.entries(row || {})) {
          setValue(form.elements[`${name}.${index}.${field}`], fieldValue);
        }
      });
    } else {
      setValue(form.elements[name], value);
    }
  }
  applyShowWhen(form);
}

/** Controls whose value differs from the page's default: typed (or restored by the browser) before binding. */
export function typedFields(form) {
  const typed = {};
  for (const element of form.elements) {
    if (!element.name) continue;
    if (element.type === "checkbox") {
      if (element.checked !== element.defaultChecked) typed[element.name] = element.checked ? "on" : "";
    } else if (element.tagName === "SELECT") {
      const initial = Math.max(0, [...element.options].findIndex((option) => option.defaultSelected));
      if (element.selectedIndex !== initial) typed[element.name] = element.value;
    } else if (element.value !== element.defaultValue) typed[element.name] = element.value;
  }
  return typed;
}

/** Put values back by control name (as typedFields returned them). */
export function putBack(form, typed) {
  for (const [name, value] of Object.entries(typed)) setValue(form.elements[name], value);
  applyShowWhen(form);
}
