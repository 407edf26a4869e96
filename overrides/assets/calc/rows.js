// Repeated rows (e.g. several debts): add, remove, renumber, and fields that apply only for some
// choices (data-show-when="kind=daily,monthly").

function renumberRow(row, group, index) {
  const name = group.dataset.group;
  const namePattern = new RegExp(`^${name}\\.\\d+\\.`);
  const idPattern = new RegExp(`-${name}-\\d+-`, "g");
  row.dataset.row = String(index);
  for (const element of row.querySelectorAll("[name]")) {
    element.name = element.name.replace(namePattern, `${name}.${index}.`);
  }
  for (const element of row.querySelectorAll("[id], [for], [aria-describedby]")) {
    for (const attribute of ["id", "for", "aria-describedby"]) {
      const value = element.getAttribute(attribute);
      if (value) element.setAttribute(attribute, value.replace(idPattern, `-${name}-${index}-`));
    }
  }
  // The row's title and its remove button's name ("Remove debt 2") follow the new number.
  const template = group.querySelector("template.calc-row-template").content;
  for (const selector of [".calc-row-title", ".calc-remove-row"]) {
    const element = row.querySelector(selector);
    const pattern = template.querySelector(selector)?.textContent;
    if (element && pattern) element.textContent = pattern.replace("__n__", String(index + 1));
  }
}

export function addRow(form, group) {
  const rows = group.querySelector(".calc-rows");
  const template = group.querySelector("template.calc-row-template");
  const index = rows.children.length;
  const html = template.innerHTML.replaceAll("__i__", String(index)).replaceAll("__n__", String(index + 1));
  rows.insertAdjacentHTML("beforeend", html);
  updateRowButtons(group);
  applyShowWhen(form);
  return rows.lastElementChild;
}

export function removeRow(form, group, row) {
  row.remove();
  [...group.querySelector(".calc-rows").children].forEach((each, index) => renumberRow(each, group, index));
  updateRowButtons(group);
}

export function setRowCount(form, group, count) {
  const rows = group.querySelector(".calc-rows");
  const wanted = Math.max(Number(group.dataset.minRows || 1), Math.min(count, Number(group.dataset.maxRows)));
  while (rows.children.length < wanted) addRow(form, group);
  while (rows.children.length > wanted) rows.lastElementChild.remove();
  updateRowButtons(group);
}

export function updateRowButtons(group) {
  const count = group.querySelector(".calc-rows").children.length;
  for (const button of group.querySelectorAll(".calc-remove-row")) {
    button.hidden = count <= Number(group.dataset.minRows || 1);
  }
  group.querySelector(".calc-add-row").hidden = count >= Number(group.dataset.maxRows);
}

// The field named ``other`` beside ``element``: in the same repeated row, else in the form.
function fieldBeside(element, form, other) {
  const scope = element.closest(".calc-row") || form;
  return scope.querySelector(`[name="${CSS.escape(other)}"], [name$=".${CSS.escape(other)}"]`);
}

export function applyShowWhen(form) {
  for (const box of form.querySelectorAll("[data-show-when]")) {
    const [other, allowed] = box.dataset.showWhen.split("=");
    const control = fieldBeside(box, form, other);
    box.hidden = !control || !allowed.split(",").includes(control.value);
  }
  applyUnits(form);
}

// Units that follow another field (data-unit-by="rate_kind"): "%/天" for a daily rate, "%/年" a year.
function applyUnits(form) {
  for (const unit of form.querySelectorAll("[data-unit-by]")) {
    const control = fieldBeside(unit, form, unit.dataset.unitBy);
    const units = JSON.parse(unit.dataset.units || "{}");
    const text = control && units[control.value];
    if (!text) continue;
    unit.textContent = text;
    const spoken = unit.closest(".calc-field")?.querySelector(".calc-unit-sr");
    if (spoken) spoken.textContent = ` (${text})`;
  }
}
