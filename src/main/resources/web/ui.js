// Small DOM helpers. Text is always set as text, never parsed as HTML, so data cannot inject markup.
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [key, value] of Object.entries(attributes || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith("on") && typeof value === "function") {
      element.addEventListener(key.slice(2).toLowerCase(), value);
    } else if (key === "class") {
      element.className = value;
    } else if (value === true) {
      element.setAttribute(key, "");
    } else {
      element.setAttribute(key, String(value));
    }
  }
  append(element, children);
  return element;
}

function append(element, children) {
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) continue;
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

export function clear(element) {
  while (element.firstChild) element.firstChild.remove();
  return element;
}

// A table from rows and column specs {label, value: row => any, num?: bool}.
export function table(columns, rows, { empty = "Nothing to show.", onRowClick, rowId } = {}) {
  if (!rows.length) return h("p", { class: "muted" }, empty);
  const head = h("tr", {}, columns.map((column) => h("th", { class: column.num ? "num" : "" }, column.label)));
  const body = rows.map((row) => {
    const tr = h("tr", { "data-id": rowId ? rowId(row) : undefined },
      columns.map((column) => h("td", { class: column.num ? "num" : "" }, column.value(row))));
    if (onRowClick) {
      tr.addEventListener("click", () => onRowClick(row, tr));
      tr.style.cursor = "pointer";
    }
    return tr;
  });
  return h("div", { class: "table-wrap" }, h("table", {}, h("thead", {}, head), h("tbody", {}, body)));
}

export function badge(text, tone = "") {
  return h("span", { class: `badge ${tone}` }, text);
}

// Formats a decimal string with thousands separators, keeping every decimal it has.
export function amount(decimal, currency) {
  if (decimal === undefined || decimal === null) return "";
  const [whole, fraction] = String(decimal).split(".");
  const negative = whole.startsWith("-");
  const digits = negative ? whole.slice(1) : whole;
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return `${negative ? "-" : ""}${currency ? currency + " " : ""}${grouped}${fraction !== undefined ? "." + fraction : ""}`;
}

export function when(instant) {
  if (!instant) return "";
  return String(instant).replace("T", " ").replace(/\.\d+Z$/, "Z");
}

export function notice(text, tone = "") {
  return h("div", { class: `notice ${tone}`, role: "status" }, text);
}

export function field(labelText, input) {
  const id = input.id || `f-${Math.random().toString(36).slice(2)}`;
  input.id = id;
  return h("div", {}, h("label", { for: id }, labelText), input);
}
