import { api } from "/api.js";
import { h, table, when, badge, field, notice } from "/ui.js";

const ROLES = ["ADMIN", "OPERATOR", "COMPLIANCE_ANALYST", "COMPLIANCE_REVIEWER", "APPROVER", "PAYER", "BENEFICIARY_AGENT", "AUDITOR"];

export const users = {
  id: "users",
  title: "Users",
  permission: "USER_MANAGE",
  async render(root, { refresh }) {
    const list = await api("/api/v1/users");
    const name = h("input", { placeholder: "name" });
    const role = h("select", {}, ROLES.map((r) => h("option", { value: r }, r)));
    const result = h("div");
    const form = h("form", { class: "toolbar card" }, field("Name", name), field("Role", role),
      h("button", { type: "submit" }, "Create user"));
    form.addEventListener("submit", async (event) => {
      event.preventDefault();
      try {
        const created = await api("/api/v1/users", { method: "POST", body: { name: name.value, role: role.value } });
        result.replaceChildren(notice(`Token for ${created.name} (shown once): ${created.token}`, "ok"));
      } catch (error) {
        result.replaceChildren(notice(error.message, "bad"));
      }
    });
    root.append(form, result, table([
      { label: "Name", value: (u) => u.name },
      { label: "Role", value: (u) => u.role },
      { label: "State", value: (u) => (u.disabled ? badge("disabled", "bad") : badge("active", "ok")) },
      { label: "Created", value: (u) => when(u.created_at) },
      { label: "", value: (u) => (u.disabled ? "" : h("button", { class: "secondary", onclick: async () => {
        await api(`/api/v1/users/${encodeURIComponent(u.name)}/disable`, { method: "POST" });
        refresh();
      } }, "Disable")) },
    ], list));
  },
};
