/* Stories: the same real-world event across articles. The list (largest first, "Disputed only"),
 * and one story: its reports in time order, its story events with their counts and mentions, and
 * every disputed fact with its values side by side, each with the reports behind it. */
"use strict";

(() => {
  const { el, clear, api } = NE;
  const main = document.getElementById("main");
  const FACT_LABEL = { killed: "killed", injured: "injured", arrested: "arrested", missing: "missing",
    place: "place", date: "date", actor: "actors (sectors)" };

  function showValue(fact, value) {
    if (fact === "place") return `${value.name || "?"}${value.country ? ` (${value.country})` : ""}`;
    if (Array.isArray(value)) return value.join(", ");
    return String(value);
  }

  async function list() {
    const box = document.getElementById("stories");
    const form = document.getElementById("stories-filters");
    const search = new URLSearchParams(location.search);
    const disputed = el("input", { type: "checkbox", id: "f-disputed", name: "disputed" });
    disputed.checked = search.get("disputed") === "true";
    clear(form).appendChild(el("label", { class: "check", for: "f-disputed" }, disputed, "Disputed only"));
    const draw = async () => {
      const params = disputed.checked ? { disputed: "true" } : {};
      history.replaceState(null, "", `/stories${NE.query(params)}`);
      try {
        const page = await api("/stories", { ...params, limit: 200 });
        clear(box);
        if (!page.available) {
          document.getElementById("stories-note").textContent = "not built by this store";
          box.appendChild(el("div", { class: "empty" }, "This store does not group articles into stories."));
          return;
        }
        document.getElementById("stories-note").textContent = page.total != null ? `${page.total.toLocaleString("en")} stories` : "";
        if (!page.items.length) { box.appendChild(el("div", { class: "empty" }, "No stories match.")); return; }
        box.appendChild(NE.table([
          { label: "Story", cell: (s) => el("a", { href: `/stories/${encodeURIComponent(s.id)}`, class: "story-link" }, s.title || s.id) },
          { label: "Type", cell: (s) => (s.type ? NE.typeChip(s.type) : "") },
          { label: "Articles", cell: (s) => s.n_articles },
          { label: "Sources", cell: (s) => s.n_sources },
          { label: "Story events", cell: (s) => s.n_events },
          { label: "First report", class: "nowrap", cell: (s) => s.first_report || "" },
          { label: "Disputed", cell: (s) => (s.disputed ? el("span", { class: "tag warn" }, "disputed") : "") },
        ], page.items));
      } catch (e) { NE.errorBox(box, e); }
    };
    disputed.addEventListener("change", draw);
    draw();
  }

  function reporter(who) {
    return el("li", { class: "reporter" },
      el("a", { href: NE.articleHref(who.article), class: "report-link" }, who.outlet || who.article),
      who.published ? el("span", { class: "muted" }, ` ${who.published}`) : null,
      who.speaker ? el("span", null, ` quoting ${who.speaker}`) : null,
      who.evidence && who.evidence.text ? el("div", { class: "muted evidence" }, NE.snippet(who.evidence.text, 160)) : null);
  }

  function disputePanel(story) {
    const disputes = story.disputes || [];
    if (!disputes.length) return null;
    const events = Object.fromEntries((story.events || []).map((e) => [e.id, e]));
    return el("section", { class: "panel", id: "disputed-facts" },
      el("div", { class: "panel-head" }, el("h2", null, "Disputed facts"),
        el("span", { class: "muted" }, "each value with the reports that give it")),
      disputes.map((d) => {
        const owner = d.event ? events[d.event] : null;
        const facts = owner ? owner.facts : story.facts;
        return el("div", { class: "dispute", dataset: { fact: d.fact } },
          el("h3", null, `${FACT_LABEL[d.fact] || d.fact}`, owner ? el("span", { class: "muted" }, ` · ${owner.type} story event ${owner.id.split("/").pop()}`)
            : el("span", { class: "muted" }, " · the story as a whole")),
          el("div", { class: "versions" }, ((facts || {})[d.fact] || []).map((v) =>
            el("div", { class: "version disputed" },
              el("div", { class: "value" }, showValue(d.fact, v.value)),
              el("div", { class: "muted" }, `${v.reports.length} report${v.reports.length === 1 ? "" : "s"}`),
              el("ul", { class: "reporters" }, v.reports.map(reporter))))));
      }));
  }

  function timeline(story) {
    return el("section", { class: "panel", id: "timeline-of-reports" },
      el("div", { class: "panel-head" }, el("h2", null, "Reports, in time order")),
      el("ol", { class: "timeline" }, (story.reports || []).map((r) =>
        el("li", null,
          el("span", { class: "nowrap muted" }, r.published || "undated"), " ",
          el("strong", null, r.outlet || r.source || ""), " ",
          el("a", { href: NE.articleHref(r.article) }, r.title || r.headline || r.article),
          (r.via || []).length ? el("div", { class: "muted" }, "republished by ",
            r.via.map((v, i) => [i ? ", " : "", el("a", { href: NE.articleHref(v.article) }, v.name)])) : null))));
  }

  function storyEvents(story) {
    const rows = story.events || [];
    return el("section", { class: "panel", id: "story-events" },
      el("div", { class: "panel-head" }, el("h2", null, "Story events"),
        el("span", { class: "muted" }, "event mentions of the same incident, merged; counts as GDELT counts them")),
      rows.length ? NE.table([
        { label: "Type", cell: (e) => [NE.typeChip(e.type), e.mode ? el("div", { class: "muted" }, e.mode) : null] },
        { label: "Mentions", cell: (e) => e.n_mentions },
        { label: "Articles", cell: (e) => e.n_articles },
        { label: "Sources", cell: (e) => e.n_sources },
        { label: "First report", class: "nowrap", cell: (e) => e.first_report || "" },
        { label: "Every mention", class: "evidence", cell: (e) => el("ul", { class: "mentions" }, e.mentions.map((m) =>
          el("li", null, el("a", { href: NE.eventHref(`${m.article}/${m.event}`) }, m.outlet || m.article), ": ",
            NE.snippet(m.evidence && m.evidence.text, 140)))) },
        { label: "Disputed", cell: (e) => (e.disputed || []).map((f) => el("span", { class: "tag warn" }, f)) },
      ], rows) : el("div", { class: "empty" }, "No events were coded in these articles."));
  }

  async function one(id) {
    const box = document.getElementById("story");
    try {
      const story = await api(`/stories/${encodeURIComponent(id)}`);
      clear(box).append(
        el("section", { class: "panel" }, el("h1", null, story.title || story.id),
          el("p", { class: "muted", id: "story-counts" },
            `${story.n_articles} articles · ${story.n_sources} sources · ${story.n_events} story events · first report ${story.first_report || "—"}`),
          story.outlets && story.outlets.length ? el("p", null, `Outlets: ${story.outlets.join(", ")}`) : null,
          story.disputed ? el("span", { class: "tag warn" }, "disputed") : null,
          el("p", null, el("a", { href: `/events${NE.query({ story: story.id })}` }, "Its events in the event table →")),
          el("div", { class: "downloads", id: "downloads" })),
        disputePanel(story), timeline(story), storyEvents(story));
      // the story's events (every report's mentions), as the event table lists them for this story
      NE.downloads(document.getElementById("downloads"), "events", { story: story.id }, ["csv", "geojson", "parquet"]);
    } catch (e) { NE.errorBox(box, e); }
  }

  if (main.dataset.story) one(main.dataset.story); else list();
})();
