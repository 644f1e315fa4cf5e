// Dates for the report views: today in the browser, and a view's as_of from its hash (#/view?as_of=...).
export function today() {
  const now = new Date();
  return new Date(now.getTime() - now.getTimezoneOffset() * 60000).toISOString().slice(0, 10);
}

export function hashParam(name) {
  const query = location.hash.split("?")[1] || "";
  return new URLSearchParams(query).get(name);
}

export function isDate(text) {
  return /^\d{4}-\d{2}-\d{2}$/.test(text || "");
}
