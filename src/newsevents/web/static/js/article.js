/* Article reader: the stored text with every extracted span highlighted by kind (actor, recipient,
 * trigger, place, quote with its speaker, casualty) and a side list of what was extracted.
 * ?focus=evtN (or quoN, casN, plcN, datN) marks that item's evidence and its sentence and scrolls to it.
 *
 * The text is untrusted: it is cut into segments at span boundaries and every segment is a text node. */
"use strict";

(() => {
  const { el, clear, api } = NE;
  const articleId = document.getElementById("main").dataset.article;
  const focusId = new URLSearchParams(location.search).get("focus");

  const KINDS = [
    ["actor", "Actor", "var(--k-actor)"], ["recipient", "Recipient", "var(--k-recipient)"],
    ["trigger", "Trigger", "var(--k-trigger)"], ["place", "Place", "var(--k-place)"],
    ["quote", "Quote", "#bcd3ee"], ["speaker", "Speaker", "#555"], ["casualty", "Casualty", "#f0a39e"],
  ];

  const isSpan = (s) => s && Number.isInteger(s.start) && Number.isInteger(s.end) && s.end > s.start;

  /* Every highlighted span: {start, end, kind, ref, note}. */
  function collectSpans(doc) {
    const spans = [];
    const add = (span, kind, ref, note) => { if (isSpan(span)) spans.push({ start: span.start, end: span.end, kind, ref, note }); };
    const entities = new Map((doc.entities || []).map((e) => [e.id, e]));
    for (const event of doc.events || []) {
      for (const actor of event.actor || []) add(actor.evidence, "actor", event.id, `actor of ${event.type} (${event.id})`);
      for (const actor of event.recipient || []) add(actor.evidence, "recipient", event.id, `recipient of ${event.type} (${event.id})`);
      add(event.trigger, "trigger", event.id, `${event.type} trigger (${event.id})`);
    }
    for (const place of doc.places || []) {
      // an associative place ("Kosovo" in "Kosovo police", "Russian") lies inside words that name something
      // else (an organisation, a speaker, a group): listed at the side, not marked over those words
      if (place.role === "associative") continue;
      const mentions = place.mentions && place.mentions.length ? place.mentions : [place.evidence];
      for (const mention of mentions) add(mention, "place", place.id, `place: ${NE.iso(place.name)}${place.country ? ` (${place.country})` : ""}`);
    }
    for (const quote of doc.quotes || []) {
      const sp = quote.speaker || {};
      const speaker = sp.name || "unknown speaker";
      const what = quote.class && quote.class !== "speech" ? `${quote.class} attribution` : `${quote.kind} quote`;
      add({ start: quote.start, end: quote.end }, "quote", quote.id, `${what} by ${NE.iso(speaker)} (${quote.id})`);
      const about = [sp.kind && sp.kind !== "person" && sp.kind, sp.anonymous && sp.kind !== "anonymous" && "anonymous",
        sp.resolved_from && `from “${NE.iso(sp.resolved_from)}”`].filter(Boolean).map(NE.iso).join(", ");
      const note = `speaker of ${quote.id}: ${NE.iso(speaker)}${about ? ` (${about})` : ""}`;
      if (isSpan(sp.mention)) {
        // the speaker's words at this quote: a person, an organisation, an anonymous source, a document, a pronoun
        add(sp.mention, "speaker", quote.id, note);
        continue;
      }
      const entity = sp.entity && entities.get(sp.entity);
      if (entity && entity.mentions && entity.mentions.length) {
        // no mention at this quote: the speaker's mention nearest to it
        const nearest = entity.mentions.slice().sort((a, b) => distance(a, quote) - distance(b, quote))[0];
        add(nearest, "speaker", quote.id, note);
      }
    }
    for (const casualty of doc.casualties || []) {
      add(casualty.evidence, "casualty", casualty.id, `${casualty.count ?? "?"} ${casualty.kind}${casualty.who ? ` (${casualty.who})` : ""}`);
    }
    return spans;
  }
  const distance = (span, quote) => (span.end <= quote.start ? quote.start - span.end : span.start >= quote.end ? span.start - quote.end : 0);

  /* The focused item's evidence and the sentence around it. */
  function focusSpans(doc) {
    if (!focusId) return [];
    const lists = ["events", "quotes", "casualties", "places", "dates", "entities"];
    for (const name of lists) {
      const item = (doc[name] || []).find((x) => x.id === focusId);
      if (!item) continue;
      const span = name === "quotes" ? { start: item.start, end: item.end } : (item.evidence || (item.mentions && item.mentions[0]));
      if (!isSpan(span)) return [];
      const text = doc.text;
      let s = span.start, e = span.end;
      while (s > 0 && !/[.!?\n]/.test(text[s - 1])) s--;
      while (s < span.start && /\s/.test(text[s])) s++;
      while (e < text.length && !/[.!?\n]/.test(text[e])) e++;
      if (e < text.length && text[e] !== "\n") e++;
      while (e < text.length && /[”"’)]/.test(text[e])) e++;
      return [{ start: s, end: e, kind: "sentence", ref: focusId, note: "sentence of the selected item" },
        { start: span.start, end: span.end, kind: "focus", ref: focusId, note: "evidence of the selected item" }];
    }
    return [];
  }

  function render(text, spans) {
    const box = clear(document.getElementById("article-text"));
    const cuts = new Set([0, text.length]);
    for (const s of spans) { cuts.add(Math.max(0, s.start)); cuts.add(Math.min(text.length, s.end)); }
    const points = [...cuts].sort((a, b) => a - b);
    for (let i = 0; i < points.length - 1; i++) {
      const a = points[i], b = points[i + 1];
      const piece = text.slice(a, b);
      const active = spans.filter((s) => s.start <= a && s.end >= b);
      if (!active.length) { box.appendChild(document.createTextNode(piece)); continue; }
      const kinds = [...new Set(active.map((s) => s.kind))];
      const refs = [...new Set(active.map((s) => s.ref))];
      const node = el("span", {
        class: kinds.map((k) => `hl-${k}`).join(" "), title: [...new Set(active.map((s) => s.note))].join("\n"),
        dataset: { refs: refs.join(" "), start: a, end: b },
      }, piece);
      node.addEventListener("click", () => activate(refs.filter((r) => r !== "sentence")[0], false));
      box.appendChild(node);
    }
  }

  function activate(ref, scroll) {
    if (!ref) return;
    document.querySelectorAll(".x-item.active").forEach((n) => n.classList.remove("active"));
    const item = document.querySelector(`.x-item[data-ref="${CSS.escape(ref)}"]`);
    if (item) { item.classList.add("active"); if (!scroll) item.scrollIntoView({ block: "nearest" }); }
    if (scroll) {
      const target = [...document.querySelectorAll("#article-text [data-refs]")].find((n) => n.dataset.refs.split(" ").includes(ref));
      if (target) {
        target.scrollIntoView({ block: "center", behavior: "smooth" });
        target.classList.remove("flash"); void target.offsetWidth; target.classList.add("flash");
      }
    }
  }

  function group(title, items, row) {
    if (!items || !items.length) return null;
    const box = el("section", { class: "group" }, el("h2", null, title, el("span", { class: "muted" }, items.length)));
    for (const item of items) {
      const button = el("div", { role: "button", tabindex: 0, class: "x-item", dataset: { ref: item.id } }, row(item));
      button.addEventListener("click", (e) => { if (!e.target.closest("a")) activate(item.id, true); });
      button.addEventListener("keydown", (e) => { if (e.key === "Enter") activate(item.id, true); });
      box.appendChild(button);
    }
    return box;
  }

  function sideList(doc) {
    const box = clear(document.getElementById("extracted"));
    const dot = (kind) => el("span", { class: "kind-dot", style: { background: (KINDS.find((k) => k[0] === kind) || [0, 0, "#999"])[2] } });
    box.append(...[
      group("Events", doc.events, (e) => [NE.typeChip(e.type), " ", `${NE.names(e.actor) || "?"} → ${NE.names(e.recipient) || "—"}`,
        el("span", { class: "sub" }, [e.trigger && `“${NE.iso(e.trigger.text)}”`, e.place && e.place.name, e.date && e.date.value,
          e.negated && "negated", e.modality && e.modality !== "asserted" && e.modality].filter(Boolean).map(NE.iso).join(" · ")),
        el("a", { class: "sub", href: NE.eventHref(`${doc.article.id}/${e.id}`) }, "event page →")]),
      group("Quotes", doc.quotes, (q) => [dot("quote"), el("strong", null, (q.speaker && q.speaker.name) || "unknown"), " ",
        el("q", null, NE.snippet(q.text, 140)), el("span", { class: "sub" }, [q.kind, q.class && q.class !== "speech" && q.class, q.cue && `cue: ${NE.iso(q.cue.text)}`,
          (q.via || []).map((v) => `via ${NE.iso(v.name)}`).join(", ")].filter(Boolean).map(NE.iso).join(" · "))]),
      group("Places", doc.places, (p) => [dot("place"), p.name, el("span", { class: "sub" },
        [p.country && `${NE.countryName(p.country)} (${p.country})`, p.feature, p.lat != null && `${p.lat.toFixed(2)}, ${p.lon.toFixed(2)}`].filter(Boolean).map(NE.iso).join(" · "))]),
      group("Casualties", doc.casualties, (c) => [dot("casualty"), `${c.count ?? "?"} ${c.kind}`, c.who ? ` — ${NE.iso(c.who)}` : "",
        el("span", { class: "sub" }, c.evidence ? `“${NE.snippet(c.evidence.text, 100)}”` : "")]),
      group("Dates", doc.dates, (d) => [d.value || "?", el("span", { class: "sub" }, [d.precision, d.evidence && `“${d.evidence.text}”`].filter(Boolean).map(NE.iso).join(" · "))]),
      group("Entities", doc.entities, (e) => [e.name, el("span", { class: "sub" }, `${e.label} · ${e.mentions.length} mention${e.mentions.length === 1 ? "" : "s"}`)]),
    ].filter(Boolean));
    if (!box.children.length) box.appendChild(el("section", { class: "group muted" }, "Nothing was extracted from this article."));
  }

  function toggles() {
    const box = clear(document.getElementById("kind-toggles"));
    const text = document.getElementById("article-text");
    for (const [kind, label, swatch] of KINDS) {
      const input = el("input", { type: "checkbox", dataset: { kind } });
      input.checked = true;
      input.addEventListener("change", () => text.classList.toggle(`hide-${kind}`, !input.checked));
      box.appendChild(el("label", { class: "item" }, input, el("span", { class: "swatch", style: { background: swatch } }), label));
    }
  }

  function header(doc) {
    const art = doc.article;
    document.title = `${NE.iso(art.title || art.id)} · newsevents`;
    const url = NE.safeUrl(art.url);
    const via = (art.via || []).map((v) => v.url && NE.safeUrl(v.url) ? el("a", { href: v.url, rel: "noopener noreferrer" }, v.name) : v.name);
    clear(document.getElementById("article-head")).append(
      el("h1", null, art.title || art.id),
      el("div", { class: "byline" }, [art.outlet, art.author, art.published].filter(Boolean).map(NE.iso).join(" · "),
        url ? [" · ", el("a", { href: url, rel: "noopener noreferrer" }, "original")] : null,
        via.length ? [" · via ", ...via.flatMap((v, i) => (i ? [", ", v] : [v]))] : null));
    const foot = clear(document.getElementById("article-foot"));
    foot.append(`id ${art.id} · sha256 ${art.text_sha256 ? art.text_sha256.slice(0, 12) : "?"}…`);
    for (const w of doc.warnings || []) foot.append(el("div", null, el("span", { class: "tag warn" }, w.code), " ", w.message));
  }

  async function show() {
    try {
      const doc = await api(`/articles/${encodeURIComponent(articleId)}`);
      header(doc);
      toggles();
      render(doc.text, [...collectSpans(doc), ...focusSpans(doc)]);
      sideList(doc);
      if (focusId) {
        activate(focusId, false);
        const target = document.querySelector("#article-text .hl-focus");
        if (target) target.scrollIntoView({ block: "center" });
      }
    } catch (e) {
      NE.errorBox(document.getElementById("article-head"), e);
    }
  }
  show();
})();
