import { api } from "/api.js";
import { h, table, when, badge, field, notice } from "/ui.js";

const ROLES = ["ADMIN", "OPERATOR", "COMPLIANCE_ANALYST", "COMPLIANCE_REVIEWER", "APPROVER", "PAYER", "BENEFICIARY_AGENT", "AUDITOR"];

// What an ADMIN hands on: the part of the user's enrolment code this ADMIN holds, never a token.
function handedOn(view) {
  if (!view.enrolment_code_part) return notice(`${view.change.kind} ${view.change.subject}: ${view.change.state}. ${view.next}`, "ok");
  const which = view.change.state === "PENDING" ? "First" : "Second";
  return notice(`${which} part of ${view.change.subject}'s enrolment code (give it to them; they enrol with both parts, FIRST-SECOND): ${view.enrolment_code_part}`, "ok");
}

export const users = {
  id: "users",
  title: "Users",
  permission: "USER_MANAGE",
  async render(root, { me, refresh }) {
    const [list, pending] = await Promise.all([api("/api/v1/users"), api("/api/v1/identity-changes?state=PENDING")]);
    const name = h("input", { id: "user-name", placeholder: "name" });
    const role = h("select", { id: "user-role" }, ROLES.map((r) => h("option", { value: r }, r)));
    const holders = h("input", { id: "user-holders", placeholder: "NIGC, TAVANIR (agents only)" });
    const result = h("div", { id: "users-result" });
    const form = h("form", { class: "toolbar card" }, field("Name", name), field("Role", role), field("Holders", holders),
      h("button", { type: "submit" }, "Propose user"));
    form.addEventListener("submit", async (event) => {
      event.preventDefault();
      const body = { name: name.value.trim(), role: role.value };
      const bound = holders.value.split(",").map((x) => x.trim()).filter(Boolean);
      if (bound.length) body.holders = bound;
      try {
        result.replaceChildren(handedOn(await api("/api/v1/users", { method: "POST", body })));
      } catch (error) {
        result.replaceChildren(notice(error.message, "bad"));
      }
    });
    const decide = (change, path, body) => async () => {
      try {
        const answer = await api(`/api/v1/identity-changes/${change.id}/${path}`, { method: "POST", body });
        result.replaceChildren(answer.change ? handedOn(answer) : notice(`${answer.kind} ${answer.subject}: ${answer.state}`, "ok"));
      } catch (error) {
        result.replaceChildren(notice(error.message, "bad"));
      }
    };
    root.append(form, result,
      h("h3", {}, "Waiting for a second administrator"),
      table([
        { label: "Change", value: (c) => c.kind },
        { label: "User", value: (c) => c.subject },
        { label: "Details", value: (c) => JSON.stringify(c.details) },
        { label: "Proposed", value: (c) => `${c.proposed_by} ${when(c.proposed_at)}` },
        // Nobody confirms their own proposal, nor a change of their own identity.
        { label: "", value: (c) => h("span", { class: "actions" },
          c.proposed_by === me.name || c.subject === me.name ? null
            : h("button", { class: "secondary", "data-confirm": c.id, onclick: decide(c, "confirmations") }, "Confirm"),
          h("button", { class: "link", onclick: decide(c, "rejections", { reason: "rejected on the dashboard" }) }, "Reject")) },
      ], pending, { empty: "No change waits." }),
      h("h3", {}, "Users"),
      table([
        { label: "Name", value: (u) => u.name },
        { label: "Roles", value: (u) => u.roles.join(", ") },
        { label: "Holders", value: (u) => u.holders.join(", ") },
        { label: "State", value: (u) => (u.disabled ? badge("disabled", "bad") : badge("active", "ok")) },
        { label: "Created", value: (u) => when(u.created_at) },
        { label: "", value: (u) => (u.disabled || u.name === me.name ? "" : h("button", { class: "secondary", onclick: async () => {
          await api(`/api/v1/users/${encodeURIComponent(u.name)}/disable`, { method: "POST" });
          refresh();
        } }, "Disable")) },
      ], list));
  },
};
