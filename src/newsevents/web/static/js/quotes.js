/* Quote explorer: who said what, grouped by speaker (a surname alone joins the full name it ends). */
"use strict";

(() => {
  const { el, clear, apiAll } = NE;
  const form = document.getElementById("quote-search");
  const MAX = 5000;
  const start = NE.currentParams(["speaker", "q"]);
  form.elements.speaker.value = start.speaker || "";
  form.elements.q.value = start.q || "";

  const slug = (name) => `speaker-${name.toLowerCase().replace(/[^a-z0-9]+/g, "-")}`;

  function groupBySpeaker(quotes) {
    const groups = new Map();
    for (const quote of quotes) {
      const name = ((quote.speaker && quote.speaker.name) || "").trim() || "Unknown speaker";
      const key = name.toLowerCase();
      if (!groups.has(key)) groups.set(key, { name, roles: new Set(), quotes: [] });
      const group = groups.get(key);
      if (quote.speaker && quote.speaker.role) group.roles.add(quote.speaker.role);
      group.quotes.push(quote);
    }
    // "Brnabic" joins "Ana Brnabic" when exactly one longer name ends with that surname
    for (const [key, group] of [...groups]) {
      if (key.includes(" ") || key === "unknown speaker") continue;
      const fuller = [...groups.keys()].filter((k) => k !== key && k.split(/\s+/).pop() === key);
      if (fuller.length === 1) {
        const target = groups.get(fuller[0]);
        target.quotes.push(...group.quotes);
        group.roles.forEach((r) => target.roles.add(r));
        groups.delete(key);
      }
    }
    return [...groups.values()].sort((a, b) => b.quotes.length - a.quotes.length || a.name.localeCompare(b.name));
  }

  function quoteRow(quote) {
    const art = quote.article || {};
    const text = quote.kind === "direct" ? `“${quote.text}”` : quote.text;
    return el("div", { class: `quote-row ${quote.kind}`, dataset: { key: quote.key } },
      el("div", null, el("div", { class: "qt" }, text),
        el("div", { class: "muted" }, [quote.kind, quote.cue && `cue “${quote.cue.text}”`,
          ...(quote.via || []).map((v) => `via ${v.name}`)].filter(Boolean).map(NE.iso).join(" · "))),
      el("div", { class: "qmeta" }, el("a", { href: NE.articleHref(art.id, quote.id) }, art.outlet || art.id || "article"),
        el("div", null, art.published || "")));
  }

  let loading = 0; // only the latest search may draw
  async function show(params) {
    const box = document.getElementById("quote-groups");
    const list = document.getElementById("speakers");
    const ticket = ++loading;
    NE.downloads(document.getElementById("downloads"), "quotes", params, ["csv", "parquet", "jsonl"]);
    try {
      const { items, truncated } = await apiAll("/quotes", params, MAX);
      if (ticket !== loading) return;
      const groups = groupBySpeaker(items);
      clear(box); clear(list);
      document.getElementById("quote-count").textContent = `${items.length}${truncated ? "+" : ""} quotes`;
      document.getElementById("speaker-count").textContent = `${groups.length}`;
      if (!groups.length) { box.appendChild(el("div", { class: "empty" }, "No quotes match.")); return; }
      for (const group of groups) {
        const id = slug(group.name);
        list.appendChild(el("li", null, el("a", { href: `#${id}` }, el("span", null, group.name), el("span", { class: "muted" }, group.quotes.length))));
        box.appendChild(el("section", { class: "speaker-group", id, dataset: { speaker: group.name } },
          el("h3", null, group.name, el("span", { class: "role" }, [...group.roles].join("; ")),
            el("span", { class: "muted" }, `${group.quotes.length} quote${group.quotes.length === 1 ? "" : "s"}`)),
          group.quotes.map(quoteRow)));
      }
    } catch (e) { NE.errorBox(box, e); }
  }

  form.addEventListener("submit", (e) => {
    e.preventDefault();
    const params = { speaker: form.elements.speaker.value, q: form.elements.q.value };
    history.replaceState(null, "", `/quotes${NE.query(params)}`);
    show(params);
  });
  show(start);
})();
