/* One event: what, who, whom, where, when, who says so; its evidence in context; link to the article. */
"use strict";

(() => {
  const { el, clear, api } = NE;
  const key = document.getElementById("main").dataset.key;

  function actorList(actors) {
    if (!actors || !actors.length) return el("span", { class: "muted" }, "—");
    return actors.map((a) => el("div", null, a.name,
      a.sector ? el("span", { class: "tag" }, a.sector) : null,
      a.country ? el("span", { class: "tag" }, a.country) : null,
      a.role ? el("span", { class: "muted" }, ` ${a.role}`) : null));
  }

  function describe(obj) {
    if (!obj) return el("span", { class: "muted" }, "—");
    if (typeof obj !== "object") return String(obj);
    const main = obj.name || obj.value || obj.text || "";
    const rest = Object.entries(obj)
      .filter(([k, v]) => !["name", "value", "text", "evidence", "mentions", "start", "end"].includes(k) && v !== null && v !== "" && typeof v !== "object")
      .map(([k, v]) => `${k}: ${NE.iso(v)}`);
    return [main, rest.length ? el("span", { class: "muted" }, ` (${rest.join(", ")})`) : null];
  }

  /* The evidence inside its sentence(s), from the stored article text, with the evidence marked. */
  function context(text, span) {
    let start = span.start, end = span.end;
    while (start > 0 && !/[.!?\n]/.test(text[start - 1])) start--;
    while (end < text.length && !/[.!?\n]/.test(text[end])) end++;
    if (end < text.length && text[end] !== "\n") end++;
    return el("div", { class: "quote-block" }, text.slice(start, span.start).trimStart(),
      el("mark", null, text.slice(span.start, span.end)), text.slice(span.end, end));
  }

  async function show() {
    const box = document.getElementById("event");
    try {
      const event = await api(`/events/${NE.encodeKey(key)}`);
      const articleId = event.article && event.article.id;
      let doc = null;
      try { doc = articleId ? await api(`/articles/${encodeURIComponent(articleId)}`) : null; } catch (e) { doc = null; }
      document.title = `${event.type} · ${NE.names(event.actor) || "?"} → ${NE.names(event.recipient) || "—"} · newsevents`;
      clear(box);
      const art = event.article || {};
      const head = el("section", { class: "panel" },
        el("div", { class: "event-head" }, NE.typeChip(event.type), event.mode ? el("span", { class: "tag" }, event.mode) : null,
          event.negated ? el("span", { class: "tag warn" }, "negated") : null,
          event.modality && event.modality !== "asserted" ? el("span", { class: "tag" }, event.modality) : null,
          event.disputed ? el("span", { class: "tag warn" }, "disputed") : null,
          el("span", { class: "muted mono" }, event.key)),
        el("h1", null, `${NE.names(event.actor) || "Unknown actor"} → ${NE.names(event.recipient) || "no recipient"}`),
        doc ? context(doc.text, event.evidence) : el("div", { class: "quote-block" }, event.evidence.text),
        el("p", null, el("a", { class: "button-link", id: "read-in-article", href: NE.articleHref(articleId, event.id) }, "Read in the article →"),
          " ", el("span", { class: "muted" }, [art.title, art.outlet, art.published].filter(Boolean).map(NE.iso).join(" · "))));
      const facts = el("dl", { class: "kv" },
        el("dt", null, "Actor"), el("dd", null, actorList(event.actor)),
        el("dt", null, "Recipient"), el("dd", null, actorList(event.recipient)),
        el("dt", null, "Trigger"), el("dd", null, event.trigger ? event.trigger.text : "—"),
        el("dt", null, "Where"), el("dd", null, describe(event.place)),
        el("dt", null, "When"), el("dd", null, describe(event.date)),
        el("dt", null, "Reported by"), el("dd", null, describe(event.reported_by)),
        el("dt", null, "Magnitude"), el("dd", null, describe(event.magnitude)),
        el("dt", null, "Context"), el("dd", null, (event.context || []).join(", ") || "—"));
      box.append(head, el("section", { class: "panel" }, el("div", { class: "panel-head" }, el("h2", null, "Facts")), facts));
      if (event.casualties && event.casualties.length) {
        box.appendChild(el("section", { class: "panel" }, el("div", { class: "panel-head" }, el("h2", null, "Casualties")),
          NE.table([
            { label: "Kind", cell: (c) => c.kind },
            { label: "Count", cell: (c) => (c.count === null || c.count === undefined ? "?" : `${c.approximate ? "≈" : ""}${c.count}`) },
            { label: "Who", cell: (c) => c.who || "" },
            { label: "Evidence", class: "evidence", cell: (c) => el("a", { href: NE.articleHref(articleId, c.id) }, c.evidence ? c.evidence.text : "") },
          ], event.casualties)));
      }
      if (event.mentions && event.mentions.length) {
        box.appendChild(el("section", { class: "panel" }, el("div", { class: "panel-head" }, el("h2", null, "Other reports of this event")),
          NE.table([
            { label: "Outlet", cell: (m) => (m.article && (m.article.outlet || m.article.id)) || m.outlet || "" },
            { label: "Type", cell: (m) => (m.type ? NE.typeChip(m.type) : "") },
            { label: "Evidence", class: "evidence", cell: (m) => (m.key ? el("a", { href: NE.eventHref(m.key) }, (m.evidence && m.evidence.text) || m.key) : ((m.evidence && m.evidence.text) || "")) },
          ], event.mentions)));
      }
      const siblings = await api("/events", { article: articleId, limit: 200 });
      const others = siblings.items.filter((e) => e.key !== event.key);
      if (others.length) {
        box.appendChild(el("section", { class: "panel" }, el("div", { class: "panel-head" }, el("h2", null, "Other events in this article")),
          NE.table([
            { label: "Type", cell: (e) => NE.typeChip(e.type) },
            { label: "Who → whom", cell: (e) => el("a", { href: NE.eventHref(e.key) }, `${NE.names(e.actor) || "?"} → ${NE.names(e.recipient) || "—"}`) },
            { label: "Where", cell: (e) => NE.placeName(e) },
            { label: "Evidence", class: "evidence", cell: (e) => NE.snippet(e.evidence && e.evidence.text, 140) },
          ], others)));
      }
    } catch (e) { NE.errorBox(box, e); }
  }
  show();
})();
