import { api } from "/api.js";
import { h, table, badge, when, notice, clear } from "/ui.js";
import { hashParam } from "/views/dates.js";
import { refusal } from "/views/problems.js";

const STATES = ["OPEN", "ESCALATED", "FALSE_POSITIVE", "TRUE_MATCH", "SUPERSEDED"];
const DECISIONS = ["FALSE_POSITIVE", "TRUE_MATCH", "ESCALATED"];

// Where a hit stands for the four-eyes rule: a first FALSE_POSITIVE is only a proposal until a
// second, different COMPLIANCE_REVIEWER confirms it.
function standing(hit) {
  if (hit.superseded) {
    return h("div", {}, badge("SUPERSEDED", ""),
      h("div", { class: "small" }, `party replaced; was ${hit.state}`));
  }
  if (hit.state === "OPEN" && hit.proposed) {
    return h("div", {}, badge(`${hit.proposed} proposed`, "warn"),
      h("div", { class: "small" }, `by ${hit.first_by}: ${hit.first_rationale || ""}`),
      h("div", { class: "small muted" }, "awaits a second reviewer"));
  }
  const tone = hit.state === "FALSE_POSITIVE" ? "ok" : hit.state === "OPEN" ? "" : "bad";
  return h("div", {}, badge(hit.state, tone),
    hit.first_by ? h("div", { class: "small" }, `first: ${hit.first_by}: ${hit.first_rationale || ""}`) : null,
    hit.second_by ? h("div", { class: "small" }, `second: ${hit.second_by}: ${hit.second_rationale || ""}`) : null);
}

// The decisions this person may take on this hit (Releases.dispose): anyone of HIT_DISPOSE decides
// first; the second decision, on a proposal or an escalation, is a COMPLIANCE_REVIEWER's who was
// not the first, and is final (no second escalation).
function decisionsFor(hit, me) {
  if (hit.superseded || (hit.state !== "OPEN" && hit.state !== "ESCALATED")) return [];
  const first = hit.state === "OPEN" && !hit.proposed;
  if (first) return DECISIONS;
  if (me.role !== "COMPLIANCE_REVIEWER" || hit.first_by === me.name) return [];
  return DECISIONS.filter((decision) => decision !== "ESCALATED");
}

function actions(hit, me, refresh) {
  const id = hit.id;
  const decisions = decisionsFor(hit, me);
  if (!decisions.length) {
    return hit.state === "OPEN" || hit.state === "ESCALATED"
      ? h("p", { class: "small muted", id: `no-decision-${id}` }, "Awaits a second COMPLIANCE_REVIEWER who is not the first.")
      : "";
  }
  const rationale = h("textarea", { id: `rationale-${id}`, rows: 2, placeholder: "Rationale (required)" });
  const message = h("div", { class: "hit-message" });
  const act = async (decision) => {
    clear(message);
    if (!rationale.value.trim()) {
      message.append(notice("A rationale is required.", "bad"));
      return;
    }
    try {
      await api(`/api/v1/hits/${id}/dispositions`, { method: "POST", body: { decision, rationale: rationale.value.trim() } });
      await refresh();
    } catch (error) {
      message.append(refusal(error));
    }
  };
  const confirming = hit.proposed === "FALSE_POSITIVE";
  return h("div", { class: "hit-actions" },
    h("label", { for: `rationale-${id}` }, "Rationale"), rationale,
    h("div", { class: "actions" }, decisions.map((decision) =>
      h("button", { class: decision === "TRUE_MATCH" ? "danger" : decision === "ESCALATED" ? "secondary" : "",
        id: `${decision.toLowerCase().replace("_", "-")}-${id}`, onclick: () => act(decision) },
        decision === "FALSE_POSITIVE" && confirming ? "Confirm FALSE_POSITIVE" : decision))),
    message);
}

export const hits = {
  id: "hits",
  title: "Hit review",
  permission: "HIT_READ",
  async render(root, { me, can, refresh }) {
    const state = STATES.includes(hashParam("state")) ? hashParam("state") : "OPEN";
    const select = h("select", { id: "hits-state" }, STATES.map((s) => h("option", { value: s, selected: s === state }, s)));
    select.addEventListener("change", () => { location.hash = `#/hits?state=${select.value}`; });
    root.append(h("div", { class: "toolbar" }, h("div", {}, h("label", { for: "hits-state" }, "State"), select)));
    const list = await api(`/api/v1/hits?state=${encodeURIComponent(state)}&limit=500`);
    const dispose = can("HIT_DISPOSE");
    const columns = [
      { label: "Request", value: (x) => x.request_reference },
      { label: "Party", value: (x) => h("div", {}, h("strong", {}, x.party_name), h("div", { class: "small muted" }, x.party_role)) },
      { label: "Source", value: (x) => badge(x.source) },
      { label: "Listed", value: (x) => h("div", {}, x.entity_name, h("div", { class: "small muted" }, (x.programmes || []).join(", "))) },
      { label: "Score", value: (x) => x.score, num: true },
      { label: "Why", value: (x) => h("ul", { class: "why" }, (x.why || []).map((line) => h("li", {}, line))) },
      { label: "Standing", value: (x) => h("div", { class: "hit-standing" }, standing(x), h("div", { class: "small muted" }, `opened ${when(x.opened_at)}`)) },
    ];
    if (dispose) columns.push({ label: "Decide", value: (x) => actions(x, me, refresh) });
    root.append(table(columns, list, { empty: `No ${state} hits.`, rowId: (x) => x.id }));
  },
};
