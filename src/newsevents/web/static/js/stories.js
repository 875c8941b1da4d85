/* Stories (when the store builds them): the same event across articles, outlets, and the versions
 * that disagree shown side by side. Items are rendered generically from their fields. */
"use strict";

(() => {
  const { el, clear, api } = NE;
  const main = document.getElementById("main");

  function mentionsOf(story) {
    return story.mentions || story.events || story.items || [];
  }

  async function list() {
    const box = document.getElementById("stories");
    try {
      const page = await api("/stories", { limit: 100 });
      clear(box);
      if (!page.available) {
        document.getElementById("stories-note").textContent = "not built by this store yet";
        box.appendChild(el("div", { class: "empty" }, "This store has no stories yet: stories appear here once articles are grouped into stories."));
        return;
      }
      if (!page.items.length) { box.appendChild(el("div", { class: "empty" }, "No stories yet.")); return; }
      box.appendChild(NE.table([
        { label: "Story", cell: (s) => el("a", { href: `/stories/${encodeURIComponent(s.id)}` }, s.title || s.label || s.id) },
        { label: "Type", cell: (s) => (s.type ? NE.typeChip(s.type) : "") },
        { label: "Mentions", cell: (s) => s.n_mentions ?? mentionsOf(s).length },
        { label: "Outlets", cell: (s) => (s.outlets || []).join(", ") },
        { label: "Disputed", cell: (s) => (s.disputed ? el("span", { class: "tag warn" }, "disputed") : "") },
      ], page.items));
    } catch (e) { NE.errorBox(box, e); }
  }

  function version(mention) {
    const art = mention.article || {};
    const disputed = mention.disputed || (mention.disputes && mention.disputes.length);
    return el("div", { class: `version${disputed ? " disputed" : ""}` },
      el("div", { class: "event-head" }, mention.type ? NE.typeChip(mention.type) : null, el("strong", null, art.outlet || art.id || "")),
      el("div", { class: "muted" }, art.published || ""),
      el("p", null, (mention.evidence && mention.evidence.text) || mention.text || ""),
      mention.magnitude ? el("div", null, `magnitude: ${JSON.stringify(mention.magnitude)}`) : null,
      (mention.casualties || []).map((c) => el("div", null, `${c.count ?? "?"} ${c.kind}${c.who ? ` (${c.who})` : ""}`)),
      mention.key ? el("a", { href: NE.eventHref(mention.key) }, "event →") : null);
  }

  async function one(id) {
    const box = document.getElementById("story");
    try {
      const story = await api(`/stories/${encodeURIComponent(id)}`);
      const mentions = mentionsOf(story);
      clear(box).append(
        el("section", { class: "panel" }, el("h1", null, story.title || story.label || story.id),
          el("p", { class: "muted" }, `${mentions.length} mentions · outlets: ${(story.outlets || []).join(", ") || "—"}`)),
        el("section", { class: "panel" }, el("div", { class: "panel-head" }, el("h2", null, "Versions side by side")),
          el("div", { class: "versions" }, mentions.map(version))));
      if (story.disputed && Array.isArray(story.disputed)) {
        box.appendChild(el("section", { class: "panel" }, el("div", { class: "panel-head" }, el("h2", null, "Disputed facts")),
          story.disputed.map((d) => el("div", null, typeof d === "string" ? d : JSON.stringify(d)))));
      }
    } catch (e) { NE.errorBox(box, e); }
  }

  if (main.dataset.story) one(main.dataset.story); else list();
})();
