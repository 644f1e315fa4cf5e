import { api } from "/api.js";
import { h, table, badge, amount, notice } from "/ui.js";
import { stackedBars, bars } from "/charts.js";
import { today, hashParam, isDate } from "/views/dates.js";

const BUCKET_COLOURS = ["#1e7d4f", "#6b9f3a", "#b26a00", "#b3261e"];
const BUCKET_LABELS = ["0-30 days", "31-90 days", "91-365 days", "> 365 days"];
const STATUS_TONES = { ACTIVE: "ok", APPROACHING_IDLE: "warn", IDLE: "bad", EMPTY: "" };

const money = (value) => (value ? amount(value.amount, value.currency) : "");
const percent = (value, digits) => (value === null || value === undefined ? "n/a" : `${Number(value).toFixed(digits)}%`);

// Ageing parts of an account in EUR (for the chart only; the table shows exact amounts).
function eurParts(account) {
  const balance = Number(account.balance.amount);
  const ratio = account.balance_eur && balance > 0 ? Number(account.balance_eur.amount) / balance : 1;
  return [account.days0_to30, account.days31_to90, account.days91_to365, account.over365_days].map((part) => Number(part.amount) * ratio);
}

// Colours are set through the DOM, not a style attribute, which the content security policy refuses.
function legend() {
  return h("div", { class: "legend" }, BUCKET_LABELS.map((label, i) => {
    const span = h("span", {}, label);
    span.style.color = BUCKET_COLOURS[i];
    return span;
  }));
}

function figure(id, label, value, tone = "") {
  return h("div", { class: "card" }, h("h3", {}, label), h("div", { class: `figure ${tone}`, id }, value));
}

export const idleFunds = {
  id: "idle-funds",
  title: "Idle funds",
  permission: "REPORT_READ",
  async render(root) {
    const asOf = isDate(hashParam("as_of")) ? hashParam("as_of") : today();
    const input = h("input", { type: "date", id: "idle-as-of", value: asOf });
    root.append(h("div", { class: "toolbar" },
      h("div", {}, h("label", { for: "idle-as-of" }, "As of"), input),
      h("button", { id: "idle-show", onclick: () => { location.hash = `#/idle-funds?as_of=${input.value}`; } }, "Show")));
    const view = await api(`/api/v1/idle-funds?as_of=${encodeURIComponent(asOf)}`);
    root.append(h("div", { class: "grid" },
      figure("idle-total", "All channel funds (EUR)", money(view.total_eur)),
      figure("idle-older", "Older than 90 days", `${money(view.older_than90_days_eur)} (${percent(view.older_than90_days_percent, 1)})`,
        Number(view.older_than90_days_eur.amount) > 0 ? "bad" : ""),
      figure("idle-utilisation", `Utilisation ${view.period_from} to ${view.period_to}`, percent(view.utilisation_percent, 2),
        view.note ? "bad" : ""),
      figure("idle-gap-days", "Authorisation gap days", String(view.gap_days), view.gap_days > 0 ? "bad" : "")));
    if (view.note) root.append(notice(view.note, "bad"));
    root.append(h("div", { class: "card chart" }, h("h3", {}, "Ageing per account (EUR equivalent)"),
      legend(),
      stackedBars(view.accounts.map((a) => ({ label: a.account, parts: eurParts(a) })),
        { colours: BUCKET_COLOURS, partLabels: BUCKET_LABELS, format: (v) => `EUR ${Math.round(v).toLocaleString("en")}` })));
    root.append(h("h2", {}, "Balances"), table([
      { label: "Account", value: (a) => a.account },
      { label: "Holder", value: (a) => a.holder },
      { label: "Balance", value: (a) => money(a.balance), num: true },
      { label: "EUR", value: (a) => money(a.balance_eur), num: true },
      { label: "0-30 d", value: (a) => amount(a.days0_to30.amount), num: true },
      { label: "31-90 d", value: (a) => amount(a.days31_to90.amount), num: true },
      { label: "91-365 d", value: (a) => amount(a.days91_to365.amount), num: true },
      { label: "> 365 d", value: (a) => amount(a.over365_days.amount), num: true },
      { label: "Oldest", value: (a) => (a.oldest_value_date ? `${a.oldest_days} days` : "") , num: true },
      { label: "Status", value: (a) => badge(a.status, STATUS_TONES[a.status]) },
    ], view.accounts, { empty: "No restricted accounts.", rowId: (a) => a.account }));
    root.append(h("div", { class: "card chart" }, h("h3", {}, "Utilisation per month (disbursed ÷ deposited)"),
      bars(view.utilisation.map((u) => ({ label: u.period, value: Number(u.utilisation_percent || 0) })),
        { format: (v) => `${v.toFixed(2)}%`, max: Math.max(1, ...view.utilisation.map((u) => Number(u.utilisation_percent || 0))) })));
    root.append(h("h2", {}, "Held by reason"), table([
      { label: "Reason", value: (t) => t.reason },
      { label: "EUR", value: (t) => money(t.amount_eur), num: true },
      { label: "Items", value: (t) => t.items, num: true },
    ], view.held_by_reason, { empty: "Nothing held." }));
    if (view.held.length) {
      root.append(table([
        { label: "Reference", value: (l) => l.reference },
        { label: "Reason", value: (l) => l.reason },
        { label: "Amount", value: (l) => money(l.amount), num: true },
        { label: "Since", value: (l) => l.since },
        { label: "Days", value: (l) => l.days, num: true },
      ], view.held));
    }
    root.append(h("p", { class: "muted small" }, "EUR equivalents at ",
      view.rates.map((r) => `1 EUR = ${r.per_eur} ${r.currency} (${r.source}, ${r.date})`).join("; ") || "no recorded rate", "."));
  },
};
