import { api } from "/api.js";
import { h, table, badge, amount } from "/ui.js";
import { today, hashParam, isDate } from "/views/dates.js";

export const alerts = {
  id: "alerts",
  title: "Alerts",
  permission: "REPORT_READ",
  async render(root) {
    const asOf = isDate(hashParam("as_of")) ? hashParam("as_of") : today();
    const input = h("input", { type: "date", id: "alerts-as-of", value: asOf });
    root.append(h("div", { class: "toolbar" },
      h("div", {}, h("label", { for: "alerts-as-of" }, "As of"), input),
      h("button", { onclick: () => { location.hash = `#/alerts?as_of=${input.value}`; } }, "Show")));
    const list = await api(`/api/v1/alerts?as_of=${encodeURIComponent(asOf)}`);
    root.append(table([
      { label: "", value: (a) => badge(a.severity === "bad" ? "urgent" : "attention", a.severity) },
      { label: "Kind", value: (a) => a.kind },
      { label: "Subject", value: (a) => a.subject },
      { label: "What", value: (a) => a.message },
      { label: "Amount", value: (a) => (a.amount ? amount(a.amount.amount, a.amount.currency) : ""), num: true },
    ], list.alerts, { empty: `No alerts on ${asOf}.`, rowId: (a) => `${a.kind}:${a.subject}` }));
  },
};
