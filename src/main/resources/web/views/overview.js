import { h, badge } from "/ui.js";

export const overview = {
  id: "overview",
  title: "Overview",
  async render(root, { me }) {
    const health = await fetch("/health").then((r) => r.json()).catch(() => ({ status: "DOWN", database: "DOWN" }));
    root.append(
      h("div", { class: "grid" },
        h("div", { class: "card" }, h("h3", {}, "Signed in as"), h("div", { class: "figure" }, me.name), h("div", { class: "muted" }, me.roles.join(", ")),
          me.holders.length ? h("div", { class: "muted small" }, `for ${me.holders.join(", ")}`) : null),
        h("div", { class: "card" }, h("h3", {}, "Service"),
          h("div", {}, "API ", badge(health.status, health.status === "UP" ? "ok" : "bad")),
          h("div", {}, "Database ", badge(health.database, health.database === "UP" ? "ok" : "bad")))),
      h("div", { class: "card" }, h("h3", {}, "What you may do"),
        h("p", { class: "muted small" }, me.permissions.join(" · "))));
  },
};
