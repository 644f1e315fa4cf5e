import { api, download } from "/api.js";
import { h, table, badge, amount, when, notice, clear, field } from "/ui.js";
import { hashParam, today } from "/views/dates.js";
import { refusal } from "/views/problems.js";

const STATES = ["ALL", "SUBMITTED", "IN_REVIEW", "APPROVED", "SCHEDULED", "HELD", "EXECUTED", "SENT", "SETTLED", "RETURNED", "REJECTED", "SPLIT"];
// Who takes each step of the chain (ApprovalStep): a control is shown only to a role that may take it.
const STEP_ROLES = { MAKER: ["OPERATOR"], COMPLIANCE: ["APPROVER"], SENIOR_COMPLIANCE: ["APPROVER"], AUTHORITY: ["OPERATOR", "APPROVER"] };
// Held for a reason the approval chain cannot cure (Releases.retriable): no approve control then.
const NOT_RESUMABLE = ["PARTY_REPLACEMENT_REQUIRED", "PARTY_BLOCKED", "SPECIFIC_LICENCE_REQUIRED", "LINE_ESCALATED"];
const FINAL = ["EXECUTED", "SENT", "SETTLED", "REJECTED", "SPLIT"];

function tone(state) {
  if (["EXECUTED", "SENT", "SETTLED", "APPROVED", "SCHEDULED"].includes(state)) return "ok";
  if (state === "HELD" || state === "RETURNED") return "warn";
  if (state === "REJECTED") return "bad";
  return "";
}

function nextStep(release) {
  const taken = release.approvals.map((a) => a.step);
  return release.required_steps.find((step) => !taken.includes(step));
}

// The approval step `me` may take on this request now, or null: the next step of its chain, a role
// that takes it, not the submitter nor someone who took a step already, and no hit in the way. The
// server decides again; this only chooses what to offer (here and on the overview).
function approvalState(release, me) {
  return {
    step: nextStep(release),
    approvable: release.state === "IN_REVIEW" || (release.state === "HELD" && !NOT_RESUMABLE.includes(release.reason)),
    ownRequest: release.submitted_by === me.name,
    alreadyApproved: release.approvals.some((a) => a.actor === me.name),
    blocking: release.hits.filter((x) => !x.superseded && ["OPEN", "ESCALATED", "TRUE_MATCH"].includes(x.state)).length,
  };
}

export function stepFor(release, me) {
  const { step, approvable, ownRequest, alreadyApproved, blocking } = approvalState(release, me);
  const mayTake = step && (STEP_ROLES[step] || []).some((role) => me.roles.includes(role));
  return me.permissions.includes("RELEASE_APPROVE") && approvable && mayTake && !ownRequest && !alreadyApproved && !blocking
    ? step : null;
}

function openHits(release) {
  return release.hits.filter((x) => !x.superseded && (x.state === "OPEN" || x.state === "ESCALATED")).length;
}

function stepsCell(release) {
  return h("div", { class: "steps" }, release.required_steps.map((step) => {
    const approval = release.approvals.find((a) => a.step === step);
    return badge(approval ? `${step} ✓ ${approval.actor}` : step, approval ? "ok" : "");
  }));
}

function controls(release, { me, can }, done) {
  const message = h("div", { class: "release-message" });
  const parts = [];
  const run = async (path, body) => {
    clear(message);
    try {
      await api(`/api/v1/releases/${release.id}/${path}`, { method: "POST", body });
      await done();
    } catch (error) {
      message.append(refusal(error));
    }
  };
  // Four eyes along the chain: not the submitter, nor someone who already took a step.
  const { step: next, approvable, ownRequest, blocking } = approvalState(release, me);
  const step = stepFor(release, me);
  if (step) {
    const reference = h("input", { id: "approve-reference", placeholder: "Authority reference" });
    const note = h("input", { id: "approve-note", placeholder: "Note (optional)" });
    parts.push(h("div", { class: "card" }, h("h3", {}, `Approve ${step}`),
      step === "AUTHORITY" ? field("Authority's approval reference (required)", reference) : null,
      field("Note", note),
      h("div", { class: "actions" }, h("button", { id: "approve-step", onclick: () => {
        const body = { step };
        if (step === "AUTHORITY") body.reference = reference.value.trim();
        if (note.value.trim()) body.note = note.value.trim();
        run("approvals", body);
      } }, `Approve ${step}`))));
  }
  if (approvable && next && blocking) {
    parts.push(h("p", { class: "notice", id: "approval-waits" }, `${next} waits for ${blocking} unresolved screening hit(s).`));
  }
  // Whoever took the maker step does not pay what they made (the server refuses it anyway).
  const maker = release.approvals.some((a) => a.step === "MAKER" && a.actor === me.name);
  if (can("RELEASE_EXECUTE") && (release.state === "APPROVED" || release.state === "SCHEDULED") && !maker && !ownRequest) {
    const date = h("input", { type: "date", id: "execute-date", value: release.scheduled_on || today() });
    parts.push(h("div", { class: "card" }, h("h3", {}, "Execute"), field("Value date", date),
      h("p", { class: "muted" }, "Today's date pays now; a later date schedules the payment, which runs on that day under the rules in force then."),
      h("div", { class: "actions" }, h("button", { id: "execute", onclick: () => run("execute", { value_date: date.value }) }, "Execute"))));
  }
  if (can("RELEASE_APPROVE") && me.roles.includes("APPROVER") && !FINAL.includes(release.state) && !ownRequest) {
    const reason = h("textarea", { id: "reject-reason", rows: 2, placeholder: "Why the request is rejected (required)" });
    parts.push(h("div", { class: "card" }, h("h3", {}, "Reject"), field("Rationale", reason),
      h("div", { class: "actions" }, h("button", { class: "danger", id: "reject", onclick: () => {
        if (!reason.value.trim()) {
          clear(message).append(notice("A rationale is required to reject.", "bad"));
          return;
        }
        run("rejections", { reason_text: reason.value.trim() });
      } }, "Reject request"))));
  }
  return h("div", {}, parts.length ? h("div", { class: "grid" }, parts) : null, message);
}

function detail(release, context, done) {
  const execution = release.execution;
  return h("div", { class: "card", id: "release-detail", "data-reference": release.reference },
    h("h2", {}, `${release.reference} `, badge(release.state, tone(release.state)), release.reason ? ` ${release.reason}` : ""),
    h("p", {}, `${release.holder} · ${amount(release.amount.amount, release.amount.currency)} · submitted by ${release.submitted_by} ${when(release.submitted_at)}`),
    release.compliance_review ? h("p", { class: "notice", id: "compliance-review" }, `This request is ${release.compliance_review}.`) : null,
    h("p", { class: "small" }, "Vendor: ", release.request.vendor.name,
      release.hold_id ? ` · hold under ${release.hold_authorisation || "?"}` : " · no hold"),
    controls(release, context, done),
    h("h3", {}, "Lines"), table([
      { label: "Line", value: (l) => l.line },
      { label: "Description", value: (l) => l.description },
      { label: "HS", value: (l) => l.hs_code },
      { label: "Quantity", value: (l) => `${l.quantity} ${l.unit}`, num: true },
      { label: "Amount", value: (l) => amount(l.amount, release.amount.currency), num: true },
    ], release.lines, { empty: "No lines." }),
    h("h3", {}, "Approvals"), table([
      { label: "Step", value: (a) => a.step },
      { label: "By", value: (a) => `${a.actor} (${a.role})` },
      { label: "Reference", value: (a) => a.reference || "" },
      { label: "Note", value: (a) => a.note },
      { label: "At", value: (a) => when(a.at) },
    ], release.approvals, { empty: "No step taken yet." }),
    h("h3", {}, "Transitions"), table([
      { label: "At", value: (t) => when(t.at) },
      { label: "From", value: (t) => t.from || "" },
      { label: "To", value: (t) => badge(t.to, tone(t.to)) },
      { label: "Reason", value: (t) => t.reason || "" },
      { label: "Detail", value: (t) => t.detail },
      { label: "By", value: (t) => `${t.actor} (${t.role})` },
    ], release.transitions, { empty: "No transitions." }),
    h("h3", {}, "Execution"), execution
      ? h("div", {}, h("p", {}, `Executed on ${execution.value_date || ""} ${execution.message_id ? "· " + execution.message_id : ""}`),
        h("button", { class: "secondary", id: "download-pacs008", onclick: () =>
          download(`/api/v1/releases/${release.id}/pacs008`, `${release.reference}-pacs008.xml`) }, "Download pacs.008"))
      : h("p", { class: "muted" }, "Not executed."));
}

// The payment after the pacs.008: each status report and return the banks sent, and what it did.
function payment(view) {
  const money = (value) => (value ? amount(value.amount, value.currency) : "");
  return h("div", { class: "card", id: "release-payment" },
    h("h3", {}, "Payment messages ", badge(view.state, tone(view.state)), view.reason ? ` ${view.reason}` : ""),
    h("p", { class: "small" }, `pacs.008 ${view.message_id || ""} · paid ${money(view.paid)}`,
      view.returned ? ` · returned ${money(view.returned)}${view.wholly ? " (wholly)" : " (partly)"}` : ""),
    table([
      { label: "At", value: (e) => when(e.recorded_at) },
      { label: "Message", value: (e) => `${e.message_kind} ${e.message_id}` },
      { label: "Item", value: (e) => e.item },
      { label: "Status", value: (e) => badge(e.status, e.status === "RJCT" || e.status === "RETURN" ? "bad" : "") },
      { label: "Reason", value: (e) => e.reason || "" },
      { label: "Returned", value: (e) => money(e.returned), num: true },
      { label: "Charges", value: (e) => money(e.charges), num: true },
      { label: "State", value: (e) => `${e.state_before} → ${e.state_after}` },
      { label: "By", value: (e) => e.recorded_by },
    ], view.events, { empty: "No status report or return received yet." }));
}

export const releases = {
  id: "releases",
  title: "Requests",
  permission: "RELEASE_READ",
  async render(root, context) {
    const state = STATES.includes(hashParam("state")) ? hashParam("state") : "ALL";
    const select = h("select", { id: "releases-state" }, STATES.map((s) => h("option", { value: s, selected: s === state }, s)));
    select.addEventListener("change", () => { location.hash = `#/releases?state=${select.value}`; });
    root.append(h("div", { class: "toolbar" }, h("div", {}, h("label", { for: "releases-state" }, "State"), select)));
    const query = state === "ALL" ? "" : `state=${state}&`;
    const list = await api(`/api/v1/releases?${query}limit=500`);
    const counts = {};
    for (const r of list) counts[r.state] = (counts[r.state] || 0) + 1;
    root.append(h("div", { class: "steps", id: "releases-counts" },
      Object.entries(counts).map(([s, n]) => h("a", { href: `#/releases?state=${s}` }, badge(`${s} ${n}`, tone(s))))));
    const panel = h("div", { id: "release-panel" });
    const open = async (id) => {
      clear(panel);
      try {
        const release = await api(`/api/v1/releases/${id}`);
        panel.append(detail(release, context, async () => {
          await context.refresh();
        }));
        if (release.execution) panel.append(payment(await api(`/api/v1/releases/${release.id}/payment`)));
        for (const tr of root.querySelectorAll("tr[data-id]")) tr.classList.toggle("selected", tr.dataset.id === release.reference);
      } catch (error) {
        panel.append(refusal(error));
      }
    };
    root.append(table([
      { label: "Reference", value: (r) => r.reference },
      { label: "Amount", value: (r) => amount(r.amount.amount, r.amount.currency), num: true },
      { label: "State", value: (r) => h("div", {}, badge(r.state, tone(r.state)), r.reason ? h("div", { class: "small" }, r.reason) : null) },
      { label: "Steps", value: stepsCell },
      { label: "Hold", value: (r) => (r.hold_id ? r.hold_authorisation || "placed" : "") },
      // An agent sees no hits, only that compliance is reviewing the request (no tipping off).
      context.can("HIT_READ")
        ? { label: "Hits", value: (r) => (openHits(r) ? badge(`${openHits(r)} open / ${r.hits.length}`, "bad") : String(r.hits.length)), num: true }
        : { label: "Compliance", value: (r) => r.compliance_review || "" },
    ], list, { empty: state === "ALL" ? "No requests." : `No ${state} requests.`, rowId: (r) => r.reference,
      onRowClick: (r) => { location.hash = `#/releases?state=${state}&open=${encodeURIComponent(r.reference)}`; } }));
    root.append(panel);
    const selected = hashParam("open");
    if (selected) await open(selected);
  },
};
