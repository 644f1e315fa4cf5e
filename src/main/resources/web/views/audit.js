import { api } from "/api.js";
import { h, table, when } from "/ui.js";

export const audit = {
  id: "audit",
  title: "Audit trail",
  permission: "AUDIT_READ",
  async render(root) {
    const verification = await api("/api/v1/audit/verify");
    root.append(h("div", { class: `notice ${verification.intact ? "ok" : "bad"}`, id: "audit-verification" },
      verification.intact
        ? `Hash chain intact: ${verification.entries_checked} entries`
        : verification.broken_at != null
          ? `Hash chain broken at entry ${verification.broken_at} (${verification.reason})`
          : `Audit trail contradicts its signed checkpoints: ${verification.findings
              .map((f) => `${f.code}: ${f.detail}`).join("; ")}`));
    const page = await api("/api/v1/audit?limit=200");
    const entries = page.entries.slice().reverse();
    root.append(table([
      { label: "#", value: (e) => e.seq, num: true },
      { label: "When", value: (e) => when(e.recorded_at) },
      { label: "Who", value: (e) => `${e.actor} (${e.actor_role})` },
      { label: "Action", value: (e) => e.action },
      { label: "Subject", value: (e) => e.subject },
      { label: "Hash", value: (e) => h("code", {}, e.hash.slice(0, 12)) },
    ], entries, { empty: "No entries yet." }));
  },
};
