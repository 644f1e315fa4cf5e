import { api } from "/api.js";
import { h, table, badge, amount } from "/ui.js";
import { timeline } from "/charts.js";
import { today } from "/views/dates.js";

function tone(authorisation, on) {
  if (authorisation.valid_to < on) return "none";
  if (authorisation.valid_from > on) return "none";
  const days = (Date.parse(authorisation.valid_to) - Date.parse(on)) / 86400000;
  return days <= 30 ? "warn" : "ok";
}

export const authorisations = {
  id: "authorisations",
  title: "Authorisations",
  permission: "AUTHORISATION_READ",
  async render(root) {
    const on = today();
    const [register, gaps, warnings] = await Promise.all([
      api("/api/v1/authorisations"),
      api(`/api/v1/authorisation-gaps?as_of=${on}`),
      api(`/api/v1/authorisation-warnings?on=${on}`),
    ]);
    if (!register.length) {
      root.append(h("div", { class: "notice bad" }, "The register holds no authorisation: every movement is held."));
      return;
    }
    const from = register.map((a) => a.valid_from).sort()[0];
    const to = [on, ...register.map((a) => a.valid_to)].sort().slice(-1)[0];
    root.append(h("div", { class: "card chart", id: "authorisation-timeline" }, h("h3", {}, "Validity and gaps"),
      timeline(register.map((a) => ({ label: a.reference, from: a.valid_from, to: a.valid_to, tone: tone(a, on) })),
        { from, to, gaps })));
    root.append(h("h2", {}, "Gaps"), table([
      { label: "Series", value: (g) => g.series },
      { label: "From", value: (g) => g.from },
      { label: "To", value: (g) => g.to },
      { label: "Days", value: (g) => g.days, num: true },
      { label: "After", value: (g) => g.preceding_reference },
      { label: "Closed by", value: (g) => g.following_reference || badge("open", "bad") },
    ], gaps, { empty: "No gaps.", rowId: (g) => `${g.series}-${g.from}` }));
    root.append(h("h2", {}, "Expiry warnings"), table([
      { label: "Authorisation", value: (w) => w.reference },
      { label: "Valid to", value: (w) => w.valid_to },
      { label: "Days left", value: (w) => w.days_remaining, num: true },
      { label: "Renewed by", value: (w) => w.renewed_by || badge("not renewed", "bad") },
      { label: "Pending items", value: (w) => w.affected_items.map((i) => `${i.reference}${i.amount ? " " + amount(i.amount.amount, i.amount.currency) : ""}`).join(", ") },
    ], warnings, { empty: "Nothing expires within 30 days." }));
    root.append(h("h2", {}, "Register"), table([
      { label: "Reference", value: (a) => a.reference },
      { label: "Type", value: (a) => a.type },
      { label: "Series", value: (a) => a.series },
      { label: "Valid from", value: (a) => a.valid_from },
      { label: "Valid to", value: (a) => a.valid_to },
      { label: "Today", value: (a) => badge(tone(a, on) === "none" ? (a.valid_to < on ? "expired" : "not yet valid") : "valid", tone(a, on) === "none" ? "" : tone(a, on)) },
    ], register, { rowId: (a) => a.reference }));
  },
};
