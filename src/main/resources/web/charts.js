// Charts drawn as inline SVG: no library, nothing fetched from elsewhere.
const SVG = "http://www.w3.org/2000/svg";

function s(tag, attributes = {}, ...children) {
  const element = document.createElementNS(SVG, tag);
  for (const [key, value] of Object.entries(attributes)) element.setAttribute(key, String(value));
  for (const child of children) element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  return element;
}

// Horizontal stacked bars: rows [{label, parts: [number...]}], colours per part, values as shares.
export function stackedBars(rows, { colours, partLabels, width = 720, rowHeight = 28, labelWidth = 170, format = (v) => v }) {
  const height = rows.length * (rowHeight + 10) + 24;
  const svg = s("svg", { viewBox: `0 0 ${width} ${height}`, role: "img", "aria-label": "stacked bar chart" });
  const usable = width - labelWidth - 10;
  rows.forEach((row, index) => {
    const y = 10 + index * (rowHeight + 10);
    const total = row.parts.reduce((sum, value) => sum + value, 0);
    svg.append(s("text", { x: 0, y: y + rowHeight * 0.65 }, row.label));
    let x = labelWidth;
    row.parts.forEach((value, part) => {
      const w = total > 0 ? (value / total) * usable : 0;
      if (w > 0) {
        const rect = s("rect", { x, y, width: Math.max(w, 1), height: rowHeight, fill: colours[part], rx: 2 });
        rect.append(s("title", {}, `${row.label} — ${partLabels[part]}: ${format(value)}`));
        svg.append(rect);
      }
      x += w;
    });
    if (total === 0) svg.append(s("text", { x: labelWidth, y: y + rowHeight * 0.65 }, "empty"));
  });
  return svg;
}

// Vertical bars with a value label each: points [{label, value}].
export function bars(points, { width = 720, height = 220, colour = "#1f5fa8", format = (v) => v, max } = {}) {
  const svg = s("svg", { viewBox: `0 0 ${width} ${height}`, role: "img", "aria-label": "bar chart" });
  const top = max ?? Math.max(1e-9, ...points.map((p) => p.value));
  const slot = (width - 20) / Math.max(points.length, 1);
  points.forEach((point, index) => {
    const h = ((height - 50) * point.value) / top;
    const x = 10 + index * slot + slot * 0.15;
    const w = slot * 0.7;
    svg.append(s("rect", { x, y: height - 30 - h, width: w, height: Math.max(h, 0.5), fill: colour, rx: 2 }));
    svg.append(s("text", { x: x + w / 2, y: height - 12, "text-anchor": "middle" }, point.label));
    svg.append(s("text", { x: x + w / 2, y: height - 34 - h, "text-anchor": "middle" }, format(point.value)));
  });
  return svg;
}

// A timeline of date ranges: items [{label, from, to, tone}] with ISO dates; gaps drawn in red.
export function timeline(items, { from, to, width = 720, rowHeight = 24, labelWidth = 150, gaps = [] }) {
  const start = Date.parse(from);
  const end = Date.parse(to);
  const span = Math.max(end - start, 1);
  const usable = width - labelWidth - 10;
  const xOf = (date) => labelWidth + ((Math.min(Math.max(Date.parse(date), start), end) - start) / span) * usable;
  const height = items.length * (rowHeight + 8) + 40;
  const svg = s("svg", { viewBox: `0 0 ${width} ${height}`, role: "img", "aria-label": "authorisation timeline" });
  const tones = { ok: "#1e7d4f", warn: "#b26a00", bad: "#b3261e", none: "#8a94a6" };
  gaps.forEach((gap) => {
    const x = xOf(gap.from);
    const w = Math.max(xOf(gap.to) - x, 2);
    const rect = s("rect", { x, y: 0, width: w, height: height - 20, fill: "#fbe3e1" });
    rect.append(s("title", {}, `gap ${gap.from} to ${gap.to}`));
    svg.append(rect);
  });
  items.forEach((item, index) => {
    const y = 8 + index * (rowHeight + 8);
    svg.append(s("text", { x: 0, y: y + rowHeight * 0.7 }, item.label));
    const x = xOf(item.from);
    const w = Math.max(xOf(item.to) - x, 2);
    const rect = s("rect", { x, y, width: w, height: rowHeight, fill: tones[item.tone] || tones.ok, rx: 3 });
    rect.append(s("title", {}, `${item.label}: ${item.from} to ${item.to}`));
    svg.append(rect);
  });
  svg.append(s("text", { x: labelWidth, y: height - 4 }, from));
  svg.append(s("text", { x: width - 10, y: height - 4, "text-anchor": "end" }, to));
  return svg;
}
