import { api, download } from "/api.js";
import { h, table, notice } from "/ui.js";
import { today } from "/views/dates.js";

function lastMonth() {
  const [year, month] = today().split("-").map(Number);
  const first = new Date(Date.UTC(month === 1 ? year - 1 : year, month === 1 ? 11 : month - 2, 1));
  const last = new Date(Date.UTC(year, month - 1, 0));
  return [first.toISOString().slice(0, 10), last.toISOString().slice(0, 10)];
}

export const reports = {
  id: "reports",
  title: "Reports",
  permission: "REPORT_READ",
  async render(root) {
    const [defaultFrom, defaultTo] = lastMonth();
    const from = h("input", { type: "date", id: "report-from", value: defaultFrom });
    const to = h("input", { type: "date", id: "report-to", value: defaultTo });
    const status = h("div", { id: "report-status" });
    root.append(h("div", { class: "toolbar" },
      h("div", {}, h("label", { for: "report-from" }, "From"), from),
      h("div", {}, h("label", { for: "report-to" }, "To"), to)), status);
    const list = await api("/api/v1/reports");
    const fetchReport = async (report, format) => {
      const file = `${report.id}-${from.value}-${to.value}.${format}`;
      status.replaceChildren(notice(`Preparing ${file}…`));
      try {
        await download(`/api/v1/reports/${report.id}?from=${from.value}&to=${to.value}&format=${format}`, file);
        status.replaceChildren(notice(`Downloaded ${file}`, "ok"));
      } catch (error) {
        status.replaceChildren(notice(error.message, "bad"));
      }
    };
    root.append(table([
      { label: "Report", value: (r) => r.code },
      { label: "Title", value: (r) => r.title },
      { label: "Download", value: (r) => h("span", { class: "actions" },
        r.formats.map((format) => h("button", { class: "link", id: `download-${r.id}-${format}`, onclick: () => fetchReport(r, format) }, format.toUpperCase()))) },
    ], list, { rowId: (r) => r.id }));
  },
};
