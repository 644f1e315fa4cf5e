import { api, download } from "/api.js";
import { h, table, badge, amount, when, clear, field } from "/ui.js";
import { hashParam, today, isDate } from "/views/dates.js";
import { refusal } from "/views/problems.js";

const STATUS_TONES = { RESTRICTED: "ok", BLOCKED: "bad" };

// The first day of the month before the given day: a sensible default range for a statement.
function monthBefore(day) {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCMonth(date.getUTCMonth() - 1, 1);
  return date.toISOString().slice(0, 10);
}

// One restricted account: its balance, and its camt.053 statements for a range of business days.
function detail(account) {
  const to = h("input", { type: "date", id: "statement-to", value: isDate(hashParam("to")) ? hashParam("to") : today() });
  const from = h("input", { type: "date", id: "statement-from", value: isDate(hashParam("from")) ? hashParam("from") : monthBefore(to.value) });
  const status = h("p", { class: "small", id: "statement-status" });
  const fetchStatement = async () => {
    status.textContent = "";
    try {
      const name = `${account.name.replace(/[^A-Za-z0-9_-]/g, "_")}-${from.value}-${to.value}.camt053.xml`;
      await download(`/api/v1/restricted-accounts/${encodeURIComponent(account.id)}/camt053?from=${from.value}&to=${to.value}`, name);
      status.textContent = `Downloaded ${name}.`;
    } catch (error) {
      clear(status);
      status.append(refusal(error));
    }
  };
  return h("div", { class: "card", id: "account-detail", "data-account": account.name },
    h("h2", {}, `${account.name} `, badge(account.status, STATUS_TONES[account.status])),
    h("p", {}, `${account.holder} · ${account.bank} (${account.country}) · balance ${amount(account.balance.amount, account.balance.currency)}`),
    h("h3", {}, "Bank statement (ISO 20022 camt.053)"),
    h("p", { class: "muted small" }, "One statement per business day, with the opening and closing booked balances of the ledger and one entry per movement."),
    h("div", { class: "toolbar" }, field("From", from), field("To", to),
      h("button", { id: "download-camt053", onclick: fetchStatement }, "Download camt.053")),
    status);
}

export const accounts = {
  id: "accounts",
  title: "Accounts",
  permission: "SETTLEMENT_READ",
  async render(root) {
    const list = await api("/api/v1/restricted-accounts");
    const panel = h("div", { id: "account-panel" });
    root.append(table([
      { label: "Account", value: (a) => a.name },
      { label: "Holder", value: (a) => a.holder },
      { label: "Bank", value: (a) => a.bank },
      { label: "Balance", value: (a) => amount(a.balance.amount, a.balance.currency), num: true },
      { label: "Status", value: (a) => badge(a.status, STATUS_TONES[a.status]) },
      { label: "Opened", value: (a) => when(a.created_at) },
    ], list, { empty: "No restricted accounts.", rowId: (a) => a.name,
      onRowClick: (a) => { location.hash = `#/accounts?open=${encodeURIComponent(a.name)}`; } }));
    root.append(panel);
    const selected = hashParam("open");
    const account = list.find((a) => a.name === selected);
    if (account) {
      panel.append(detail(account));
      for (const tr of root.querySelectorAll("tr[data-id]")) tr.classList.toggle("selected", tr.dataset.id === account.name);
    }
  },
};
