/* Shared helpers for the newsevents pages.
 *
 * Article text and every extracted value are untrusted: data only ever reaches the page through
 * NE.el()/NE.svg(), which set textContent and attributes, never innerHTML. Links built from data
 * go through NE.safeUrl() so that a "javascript:" URL in an article's metadata stays inert.
 */
"use strict";

const NE = (() => {
  // PLOVER 1.0 types, grouped: cooperation (blues/greens), verbal conflict (yellows/oranges),
  // material conflict (reds/purples).
  const TYPE_GROUPS = [
    ["Cooperation", ["AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT"]],
    ["Verbal conflict", ["REQUEST", "ACCUSE", "REJECT", "THREATEN"]],
    ["Material conflict", ["PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"]],
  ];
  const TYPES = TYPE_GROUPS.flatMap(([, types]) => types);
  const COLORS = {
    AGREE: "#2f6db5", CONSULT: "#5b9bd5", SUPPORT: "#3a9d5d", CONCEDE: "#8cc7a1", COOPERATE: "#1b8a8f",
    AID: "#6cc3c8", RETREAT: "#9aa7b8",
    REQUEST: "#e0b000", ACCUSE: "#f28e2b", REJECT: "#d9730d", THREATEN: "#e15759",
    PROTEST: "#a463b5", SANCTION: "#8c564b", MOBILIZE: "#5e3c99", COERCE: "#d6336c", ASSAULT: "#b10026",
  };
  const color = (type) => COLORS[type] || "#7a8396";

  const SVG_NS = "http://www.w3.org/2000/svg";

  // Right-to-left letters and explicit direction controls: text holding any of them is isolated, so
  // that an unterminated U+202E in an outlet's name cannot reverse the date shown after it (#17.6).
  const BIDI = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFC\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]|[\u{10800}-\u{10FFF}\u{1E800}-\u{1EFFF}]/u;

  /** The text with its isolates balanced: a stray U+2069 (which would close an isolate around it)
   * is dropped, an isolate it opens is closed at its end. */
  function balance(text) {
    let depth = 0, out = "";
    for (const ch of text) {
      if (ch === "\u2066" || ch === "\u2067" || ch === "\u2068") depth += 1;
      else if (ch === "\u2069") { if (!depth) continue; depth -= 1; }
      out += ch;
    }
    return out + "\u2069".repeat(depth);
  }

  /** Untrusted text for a string context (a tooltip, the window title, a template string):
   * between FIRST STRONG ISOLATE and POP DIRECTIONAL ISOLATE when it has any direction at stake. */
  function iso(value) {
    const text = String(value ?? "");
    return BIDI.test(text) ? `\u2068${balance(text)}\u2069` : text;
  }

  /** A text node; in HTML, text with direction at stake goes in its own <bdi> (in SVG, between isolates). */
  function textNode(parent, value) {
    const text = String(value);
    if (!BIDI.test(text)) return document.createTextNode(text);
    if (parent.namespaceURI === SVG_NS) return document.createTextNode(iso(text));
    const bdi = document.createElement("bdi");
    bdi.textContent = balance(text);
    return bdi;
  }

  function append(node, children) {
    for (const child of children.flat(Infinity)) {
      if (child === null || child === undefined || child === false) continue;
      node.appendChild(child instanceof Node ? child : textNode(node, child));
    }
    return node;
  }

  function setAttrs(node, attrs) {
    for (const [key, value] of Object.entries(attrs || {})) {
      if (value === null || value === undefined || value === false) continue;
      if (key.startsWith("on")) throw new Error("event handlers are attached with addEventListener");
      if (key === "text") { node.textContent = ""; append(node, [value]); }
      else if (key === "title" || key === "aria-label" || key === "placeholder") node.setAttribute(key, iso(value));
      else if (key === "style") Object.assign(node.style, value);
      else if (key === "dataset") Object.assign(node.dataset, value);
      else if (key === "href" && node.namespaceURI !== SVG_NS) {
        const href = safeUrl(value);
        if (href) node.setAttribute("href", href);
      } else node.setAttribute(key, value === true ? "" : String(value));
    }
  }

  /** el("a", {href, class}, "text", child, ...) — a DOM element whose text is always literal. */
  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    setAttrs(node, attrs);
    return append(node, children);
  }

  function svg(tag, attrs, ...children) {
    const node = document.createElementNS(SVG_NS, tag);
    setAttrs(node, attrs);
    return append(node, children);
  }

  /** Only same-site paths and absolute http(s) URLs become links. A relative value is resolved the
   * way the browser will resolve it (it reads "\\" as "/", so "/\\evil.invalid/x" is another site). */
  function safeUrl(value) {
    if (value === null || value === undefined) return null;
    const text = String(value).trim();
    if (!text) return null;
    let url;
    try {
      url = new URL(text, window.location.href);
    } catch (e) {
      return null;
    }
    if (url.protocol !== "http:" && url.protocol !== "https:") return null;
    if (url.origin === window.location.origin && /^[/?#]/.test(text)) return url.pathname + url.search + url.hash;
    return /^https?:\/\//i.test(text) ? url.href : null;
  }

  function clear(node) {
    while (node.firstChild) node.removeChild(node.firstChild);
    return node;
  }

  function query(params) {
    const search = new URLSearchParams();
    for (const [key, value] of Object.entries(params || {})) {
      if (value === null || value === undefined || value === "" || value === false) continue;
      search.set(key, value === true ? "true" : String(value));
    }
    const text = search.toString();
    return text ? `?${text}` : "";
  }

  class ApiError extends Error {
    constructor(status, code, message) {
      super(message);
      this.status = status;
      this.code = code;
    }
  }

  async function api(path, params) {
    const response = await fetch(`/api${path}${query(params)}`, { headers: { Accept: "application/json" } });
    let body = null;
    try { body = await response.json(); } catch (e) { body = null; }
    if (!response.ok) {
      throw new ApiError(response.status, body && body.code, (body && body.message) || `HTTP ${response.status}`);
    }
    return body;
  }

  /** Every page of a listing, up to `max` items. */
  async function apiAll(path, params, max) {
    const items = [];
    let cursor = null;
    do {
      const page = await api(path, { ...params, cursor, limit: Math.min(1000, max - items.length) });
      items.push(...page.items);
      cursor = page.next_cursor;
    } while (cursor && items.length < max);
    return { items, truncated: Boolean(cursor) };
  }

  function errorBox(container, error) {
    clear(container).appendChild(el("div", { class: "error-box", role: "alert" }, error.message || String(error)));
  }

  /** An event key ARTICLE_ID/evtN as a URL path: both parts encoded (an id's "/", "?", "#" or "%"
   * never becomes part of the URL's structure). */
  const encodeKey = (key) => {
    const text = String(key), cut = text.lastIndexOf("/");
    return cut < 0 ? encodeURIComponent(text) : `${encodeURIComponent(text.slice(0, cut))}/${encodeURIComponent(text.slice(cut + 1))}`;
  };
  const eventHref = (key) => `/events/${encodeKey(key)}`;
  const articleHref = (id, focus) => `/articles/${encodeURIComponent(id)}${focus ? query({ focus }) : ""}`;

  function typeChip(type) {
    return el("span", { class: "chip", style: { background: color(type) }, title: type }, type);
  }

  function names(actors) {
    return (actors || []).map((a) => a.name).filter(Boolean).map(iso).join(", ");
  }

  function actorText(actor) {
    const bits = [actor.sector, actor.country].filter(Boolean).join(" · ");
    return bits ? `${iso(actor.name)} (${iso(bits)})` : actor.name;
  }

  let regionNames = null;
  function countryName(code) {
    if (!code) return "";
    try {
      regionNames = regionNames || new Intl.DisplayNames(["en"], { type: "region" });
      const name = code.length === 2 ? regionNames.of(code.toUpperCase()) : null;
      return name && name !== code ? name : code;
    } catch (e) {
      return code;
    }
  }

  function eventDate(event) {
    if (event.date && event.date.value) return event.date.value;
    if (event.resolved && event.resolved.date_start) return event.resolved.date_start;
    return (event.article && event.article.published) || "";
  }

  function placeName(event) {
    const place = event.place || {};
    return place.name || event.place_name || "";
  }

  function legend(container, types) {
    clear(container);
    for (const type of types) {
      container.appendChild(el("span", { class: "item" }, el("span", { class: "swatch", style: { background: color(type) } }), type));
    }
  }

  /* A filter form whose values live in the page's query string (so filtered views can be linked). */
  const FILTER_FIELDS = {
    q: { label: "Search", type: "search", placeholder: "words in evidence, actors, place" },
    type: { label: "Event type", type: "select", options: () => [["", "Any type"], ...TYPE_GROUPS.flatMap(([, t]) => t.map((x) => [x, x]))] },
    country: { label: "Country (where)", type: "select", options: "country", any: "Any country" },
    actor_country: { label: "Actor country (who)", type: "select", options: "actor_country", any: "Any actor country" },
    place: { label: "Place", type: "text", placeholder: "e.g. Mitrovica" },
    actor: { label: "Actor or recipient", type: "text", placeholder: "e.g. police" },
    sector: { label: "Sector", type: "select", options: "sector" },
    mode: { label: "Mode", type: "text", placeholder: "e.g. firearms" },
    date_from: { label: "From", type: "date" },
    date_to: { label: "To", type: "date" },
    disputed: { label: "Disputed only", type: "checkbox" },
    story_events: { label: "One per story event", type: "checkbox" },
    story: { label: "Story", type: "text", placeholder: "st-…" },
  };

  function currentParams(names) {
    const search = new URLSearchParams(location.search);
    const out = {};
    for (const name of names) if (search.get(name)) out[name] = search.get(name);
    return out;
  }

  async function filterForm(form, names, onChange) {
    const values = currentParams(names);
    clear(form);
    const controls = {};
    for (const name of names) {
      const spec = FILTER_FIELDS[name];
      let control;
      if (spec.type === "select") {
        control = el("select", { name, id: `f-${name}` });
        let options = [["", spec.any || "Any"]];
        if (typeof spec.options === "function") options = spec.options();
        control.append(...options.map(([value, label]) => el("option", { value }, label)));
      } else if (spec.type === "checkbox") {
        control = el("input", { type: "checkbox", name, id: `f-${name}`, value: "true" });
        control.checked = values[name] === "true";
      } else {
        control = el("input", { type: spec.type, name, id: `f-${name}`, placeholder: spec.placeholder || null });
        control.value = values[name] || "";
      }
      controls[name] = control;
      form.appendChild(spec.type === "checkbox"
        ? el("label", { class: "check", for: `f-${name}` }, control, spec.label)
        : el("label", { for: `f-${name}` }, spec.label, control));
    }
    form.appendChild(el("div", { class: "buttons" },
      el("button", { type: "submit" }, "Apply"), el("button", { type: "button", id: "f-reset" }, "Reset")));

    // Listeners first: the options below load asynchronously, and a change may come before them.
    const read = () => {
      const out = {};
      for (const [name, control] of Object.entries(controls)) {
        if (control.type === "checkbox") { if (control.checked) out[name] = "true"; }
        else if (control.value) out[name] = control.value;
      }
      return out;
    };
    const apply = () => {
      const params = read();
      history.replaceState(null, "", `${location.pathname}${query(params)}`);
      onChange(params);
    };
    form.addEventListener("submit", (e) => { e.preventDefault(); apply(); });
    for (const name of ["type", "country", "actor_country", "sector", "disputed", "story_events", "date_from", "date_to"]) {
      if (controls[name]) controls[name].addEventListener("change", apply);
    }
    form.querySelector("#f-reset").addEventListener("click", () => {
      for (const control of Object.values(controls)) {
        if (control.type === "checkbox") control.checked = false; else control.value = "";
      }
      apply();
    });
    // Options that come from the data: countries and sectors present in the store, each with the
    // number of events its filter lists (the API counts exactly what the filter selects).
    for (const [name, by] of [["country", "country"], ["actor_country", "actor_country"], ["sector", "sector"]]) {
      if (!controls[name]) continue;
      try {
        const counts = await api("/counts", { by });
        for (const row of counts.items) {
          if (!row.key) continue;
          const shown = by === "sector" ? row.key : countryName(row.key);
          const label = shown === row.key ? `${row.key} · ${row.count}` : `${shown} (${row.key}) · ${row.count}`;
          controls[name].appendChild(el("option", { value: row.key }, label));
        }
      } catch (e) { /* the form still works with free values */ }
    }
    for (const name of ["type", "country", "actor_country", "sector"]) {
      if (controls[name] && values[name]) {
        if (![...controls[name].options].some((o) => o.value === values[name])) {
          controls[name].appendChild(el("option", { value: values[name] }, values[name]));
        }
        controls[name].value = values[name];
      }
    }

    onChange(read());
    form.dataset.ready = "true";
    return { read, apply, controls };
  }

  /* Download buttons for what the page shows: each links to the streaming export of `table` with
   * the page's current filters (GET /api/export/TABLE/FORMAT?filters). Call again when they change. */
  const DOWNLOADS = { csv: "CSV", geojson: "GeoJSON", parquet: "Parquet", jsonl: "JSONL" };
  function downloads(container, table, params, formats) {
    if (!container) return;
    clear(container);
    container.appendChild(el("span", { class: "muted" }, "Download"));
    for (const format of formats) {
      container.appendChild(el("a", { class: "button download", href: `/api/export/${table}/${format}${query(params)}`,
        download: "", dataset: { format } }, DOWNLOADS[format] || format));
    }
  }

  function table(columns, rows) {
    const head = el("tr", null, columns.map((c) => el("th", null, c.label)));
    const body = rows.map((row) => el("tr", null, columns.map((c) => el("td", { class: c.class || null }, c.cell(row)))));
    return el("table", { class: "data" }, el("thead", null, head), el("tbody", null, body));
  }

  function snippet(text, max) {
    if (!text) return "";
    return text.length > max ? `${text.slice(0, max - 1)}…` : text;
  }

  async function storeNote() {
    const note = document.getElementById("store-note");
    if (!note) return;
    try {
      const health = await api("/health");
      note.textContent = `store: ${health.store} · v${health.version}`;
    } catch (e) { /* not essential */ }
  }
  document.addEventListener("DOMContentLoaded", storeNote);

  return {
    TYPES, TYPE_GROUPS, COLORS, color, el, svg, clear, safeUrl, iso, query, api, apiAll, ApiError, errorBox,
    eventHref, encodeKey, articleHref, typeChip, names, actorText, countryName, eventDate, placeName, legend,
    filterForm, currentParams, table, snippet, downloads,
  };
})();
