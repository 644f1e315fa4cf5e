import { api } from "/api.js";
import { h, badge } from "/ui.js";
import { stepFor } from "/views/releases.js";

const DAY = 24 * 60 * 60 * 1000;

// How old a list version is on the server's business date: from its publication date when the list
// states one, else from its import.
function ageInDays(version, today) {
  const since = version.published_on ? Date.parse(`${version.published_on}T00:00:00Z`) : Date.parse(version.imported_at.slice(0, 10) + "T00:00:00Z");
  return Math.max(0, Math.floor((Date.parse(`${today}T00:00:00Z`) - since) / DAY));
}

// Which sanctions lists screening uses now, and how old each is; stale ones are flagged by /health.
async function listsCard(can, warnings) {
  if (!can("LISTS_READ")) return null;
  const lists = await api("/api/v1/screening/lists").catch(() => ({ active: [] }));
  // The server's clock, not the browser's, dates the channel (alerts are read by the same roles).
  const today = (await api("/api/v1/alerts").catch(() => ({}))).as_of || new Date().toISOString().slice(0, 10);
  const rows = lists.active.map((v) => {
    const stale = warnings.some((w) => w.includes(v.list));
    return h("li", { "data-list": v.list },
      h("strong", {}, v.list), ` ${v.version} · ${v.entity_count} entries · `,
      badge(`${ageInDays(v, today)} days old`, stale ? "bad" : "ok"),
      h("span", { class: "muted small" }, v.published_on ? ` published ${v.published_on}` : ` imported ${v.imported_at.slice(0, 10)}`));
  });
  return h("div", { class: "card", id: "overview-lists" }, h("h3", {}, "Active sanctions lists"),
    rows.length ? h("ul", {}, rows) : h("p", { class: "notice" }, "No list is active: screening refuses until one is imported."));
}

// What waits for this user: hits to review and approval steps to take, each one click away.
async function waitingCard(can, me) {
  const items = [];
  if (can("HIT_DISPOSE")) {
    const open = await api("/api/v1/hits?state=OPEN&limit=500").catch(() => []);
    items.push(h("li", {}, h("a", { href: "#/hits?state=OPEN", id: "overview-hits" },
      `${open.length} screening hit${open.length === 1 ? "" : "s"} to review`)));
  }
  if (can("RELEASE_APPROVE")) {
    const requests = (await api("/api/v1/releases?limit=500").catch(() => []))
      .map((r) => ({ release: r, step: stepFor(r, me) }))
      .filter((x) => x.step);
    items.push(h("li", { id: "overview-steps" }, `${requests.length} approval step${requests.length === 1 ? "" : "s"} to take`,
      requests.length ? h("ul", {}, requests.map(({ release, step }) => h("li", {},
        h("a", { href: `#/releases?state=${release.state}&open=${encodeURIComponent(release.reference)}`, "data-step": release.reference },
          `${step} on ${release.reference}`)))) : null));
  }
  if (items.length === 0) return null;
  return h("div", { class: "card", id: "overview-waiting" }, h("h3", {}, "Waiting for you"), h("ul", {}, items));
}

export const overview = {
  id: "overview",
  title: "Overview",
  async render(root, { me, can }) {
    const health = await fetch("/health").then((r) => r.json()).catch(() => ({ status: "DOWN", database: "DOWN" }));
    const warnings = health.warnings || [];
    root.append(
      h("div", { class: "grid" },
        h("div", { class: "card" }, h("h3", {}, "Signed in as"), h("div", { class: "figure" }, me.name), h("div", { class: "muted" }, me.roles.join(", ")),
          me.holders.length ? h("div", { class: "muted small" }, `for ${me.holders.join(", ")}`) : null),
        h("div", { class: "card" }, h("h3", {}, "Service"),
          h("div", {}, "API ", badge(health.status, health.status === "UP" ? "ok" : "bad")),
          h("div", {}, "Database ", badge(health.database, health.database === "UP" ? "ok" : "bad")))));
    for (const card of [await waitingCard(can, me), await listsCard(can, warnings)]) {
      if (card) root.append(card);
    }
    root.append(h("div", { class: "card" }, h("h3", {}, "What you may do"),
      h("p", { class: "muted small" }, me.permissions.join(" · "))));
  },
};
