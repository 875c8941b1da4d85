/* Dashboard: totals, a stacked timeline by PLOVER type, top types/countries/places, latest events. */
"use strict";

(() => {
  const { el, svg, clear, api, color } = NE;

  const CARDS = [
    ["articles", "Articles", "/articles"], ["events", "Events", "/events"], ["quotes", "Quotes", "/quotes"],
    ["places", "Places", "/map"], ["casualties", "Casualty reports", null], ["entities", "Entities", null],
    ["stories", "Stories", "/stories"], ["errors", "Ingest errors", null],
  ];

  async function cards() {
    const box = document.getElementById("stat-cards");
    try {
      const stats = await api("/stats");
      clear(box);
      for (const [key, label, href] of CARDS) {
        if (!(key in stats)) continue;
        const value = el("div", { class: "value" }, Number(stats[key]).toLocaleString("en"));
        const card = el("div", { class: "card", dataset: { stat: key } }, value, el("div", { class: "label" }, label));
        box.appendChild(href ? el("a", { href, class: "card-link" }, card) : card);
      }
    } catch (e) { NE.errorBox(box, e); }
  }

  /* Days between first and last, bucketed by day, week or month so bars stay readable. */
  function buckets(rows) {
    if (!rows.length) return { unit: "day", keys: [], map: new Map() };
    const first = new Date(`${rows[0].day}T00:00:00Z`);
    const last = new Date(`${rows[rows.length - 1].day}T00:00:00Z`);
    const spanDays = Math.round((last - first) / 86400000) + 1;
    const unit = spanDays <= 92 ? "day" : spanDays <= 730 ? "week" : "month";
    const keyOf = (day) => {
      if (unit === "day") return day;
      if (unit === "month") return day.slice(0, 7);
      const d = new Date(`${day}T00:00:00Z`);
      d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7)); // Monday of that week
      return d.toISOString().slice(0, 10);
    };
    const keys = [];
    const cursor = new Date(first);
    const lastKey = keyOf(rows[rows.length - 1].day);
    for (let guard = 0; guard < 5000; guard++) {
      const key = keyOf(cursor.toISOString().slice(0, 10));
      if (!keys.length || keys[keys.length - 1] !== key) keys.push(key);
      if (key === lastKey) break;
      cursor.setUTCDate(cursor.getUTCDate() + 1);
    }
    const map = new Map(keys.map((k) => [k, {}]));
    for (const row of rows) {
      const bucket = map.get(keyOf(row.day));
      if (!bucket) continue;
      for (const [type, n] of Object.entries(row.counts)) bucket[type] = (bucket[type] || 0) + n;
    }
    return { unit, keys, map };
  }

  /* A round axis maximum and its step (1, 2 or 5 times a power of ten; at most 5 ticks). */
  function niceScale(value) {
    const raw = Math.max(1, value) / 5;
    const power = 10 ** Math.floor(Math.log10(raw));
    const step = Math.max(1, [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw));
    return { max: Math.ceil(Math.max(1, value) / step) * step, step };
  }

  async function timeline() {
    const box = document.getElementById("timeline");
    try {
      const data = await api("/timeline");
      const types = NE.TYPES.filter((t) => data.types.includes(t));
      NE.legend(document.getElementById("timeline-legend"), types);
      clear(box);
      if (!data.items.length) {
        box.appendChild(el("div", { class: "empty" }, "No dated events yet. Ingest articles with `newsevents ingest`."));
        return;
      }
      const bucketed = buckets(data.items);
      const { unit, map } = bucketed;
      let { keys } = bucketed;
      // A sparse collection (a few busy months years apart) would be a flat line: leave the empty
      // periods out and mark each jump with a dashed line.
      const gapBefore = new Set();
      const filled = keys.filter((k) => Object.keys(map.get(k)).length);
      if (keys.length > 24 && filled.length < keys.length * 0.4) {
        filled.forEach((k, i) => { if (i && keys.indexOf(k) - keys.indexOf(filled[i - 1]) > 1) gapBefore.add(i); });
        keys = filled;
      }
      document.getElementById("timeline-note").textContent =
        `per ${unit}${gapBefore.size ? " · periods without events left out (dashed lines)" : ""}`;
      const W = Math.max(600, box.clientWidth || 900), H = 240, m = { l: 36, r: 10, t: 10, b: 28 };
      const totals = keys.map((k) => Object.values(map.get(k)).reduce((a, b) => a + b, 0));
      const { max: yMax, step } = niceScale(Math.max(...totals));
      const bw = (W - m.l - m.r) / keys.length;
      const y = (v) => H - m.b - (v / yMax) * (H - m.t - m.b);
      const chart = svg("svg", { viewBox: `0 0 ${W} ${H}`, preserveAspectRatio: "none" });
      const grid = svg("g", { class: "grid" });
      const axis = svg("g", { class: "axis" });
      for (let v = 0; v <= yMax; v += step) {
        grid.appendChild(svg("line", { x1: m.l, x2: W - m.r, y1: y(v), y2: y(v) }));
        axis.appendChild(svg("text", { x: m.l - 6, y: y(v) + 4, "text-anchor": "end" }, Math.round(v)));
      }
      chart.append(grid, axis);
      const labelEvery = Math.max(1, Math.ceil(keys.length / Math.floor((W - m.l) / 70)));
      keys.forEach((key, i) => {
        let base = 0;
        const width = Math.max(1, Math.min(48, bw - Math.min(4, bw * 0.2)));
        const x = m.l + i * bw + (bw - width) / 2;
        if (gapBefore.has(i)) {
          chart.appendChild(svg("line", { x1: m.l + i * bw, x2: m.l + i * bw, y1: m.t, y2: H - m.b, stroke: "#9aa3b5", "stroke-dasharray": "3 3" }));
        }
        for (const type of types) {
          const n = map.get(key)[type] || 0;
          if (!n) continue;
          const rect = svg("rect", { class: "bar", x, width, y: y(base + n), height: y(base) - y(base + n), fill: color(type) },
            svg("title", null, `${key}: ${n} ${type}`));
          const link = svg("a", { href: `/events?type=${type}&date_from=${key}&date_to=${key}` }, rect);
          if (unit !== "day") link.removeAttribute("href");
          chart.appendChild(link);
          base += n;
        }
        if (i % labelEvery === 0) {
          axis.appendChild(svg("text", { x: x + width / 2, y: H - 8, "text-anchor": "middle" }, unit === "month" ? key : key.slice(5)));
        }
      });
      chart.appendChild(svg("line", { x1: m.l, x2: W - m.r, y1: H - m.b, y2: H - m.b, stroke: "#c8ced9" }));
      box.appendChild(chart);
    } catch (e) { NE.errorBox(box, e); }
  }

  async function barlist(id, by, label, href) {
    const box = document.getElementById(id);
    try {
      const data = await api("/counts", { by });
      const rows = data.items.filter((r) => r.key).slice(0, 10);
      clear(box);
      if (!rows.length) { box.appendChild(el("div", { class: "muted" }, "Nothing yet.")); return; }
      const max = Math.max(...rows.map((r) => r.count));
      for (const row of rows) {
        const fill = el("div", { class: "fill", style: { width: `${(100 * row.count) / max}%` } });
        if (by === "type") fill.style.background = color(row.key);
        box.appendChild(el("div", { class: "row" },
          el("a", { class: "name", href: href(row.key), title: label(row.key) }, label(row.key)),
          el("div", { class: "track" }, fill), el("span", { class: "num" }, row.count)));
      }
    } catch (e) { NE.errorBox(box, e); }
  }

  async function recent() {
    const box = document.getElementById("recent");
    try {
      const page = await api("/events", { limit: 8 });
      clear(box);
      if (!page.items.length) { box.appendChild(el("div", { class: "empty" }, "No events stored yet.")); return; }
      box.appendChild(NE.table([
        { label: "Date", class: "nowrap", cell: (e) => NE.eventDate(e) },
        { label: "Type", cell: (e) => NE.typeChip(e.type) },
        { label: "Who → whom", cell: (e) => el("a", { href: NE.eventHref(e.key) }, `${NE.names(e.actor) || "?"} → ${NE.names(e.recipient) || "—"}`) },
        { label: "Where", cell: (e) => NE.placeName(e) },
        { label: "Evidence", class: "evidence", cell: (e) => NE.snippet(e.evidence && e.evidence.text, 140) },
      ], page.items));
    } catch (e) { NE.errorBox(box, e); }
  }

  async function stories() {
    const box = document.getElementById("top-stories");
    try {
      const page = await api("/stories", { limit: 6 });
      clear(box);
      if (!page.available || !page.items.length) { box.appendChild(el("div", { class: "empty" }, "No stories yet.")); return; }
      box.appendChild(NE.table([
        { label: "Story", cell: (s) => el("a", { href: `/stories/${encodeURIComponent(s.id)}`, class: "story-link" }, s.title || s.id) },
        { label: "Articles", cell: (s) => s.n_articles },
        { label: "Sources", cell: (s) => s.n_sources },
        { label: "First report", class: "nowrap", cell: (s) => s.first_report || "" },
        { label: "", cell: (s) => (s.disputed ? el("span", { class: "tag warn" }, "disputed") : "") },
      ], page.items));
    } catch (e) { NE.errorBox(box, e); }
  }

  cards();
  timeline();
  stories();
  barlist("by-type", "type", (k) => k, (k) => `/events?type=${encodeURIComponent(k)}`);
  barlist("by-country", "country", (k) => `${NE.countryName(k)} (${k})`, (k) => `/map?country=${encodeURIComponent(k)}`);
  barlist("by-place", "place", (k) => k, (k) => `/events?place=${encodeURIComponent(k)}`);
  recent();
})();
