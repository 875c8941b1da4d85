/* Event table: filters in the query string, stable cursor pagination (Previous keeps a stack). */
"use strict";

(() => {
  const { el, clear, api } = NE;
  const PAGE = 50;
  let params = {};
  let stack = [];      // cursors of the pages before the current one
  let current = null;  // cursor of the current page
  let next = null;

  const actors = (list) => (list && list.length ? list.map((a) => el("div", null, NE.actorText(a))) : el("span", { class: "muted" }, "—"));
  const columns = [
    { label: "Date", class: "nowrap", cell: (e) => NE.eventDate(e) },
    { label: "Type", cell: (e) => [NE.typeChip(e.type), e.mode ? el("div", { class: "muted" }, e.mode) : null] },
    { label: "Actor", cell: (e) => actors(e.actor) },
    { label: "Recipient", cell: (e) => actors(e.recipient) },
    { label: "Place", cell: (e) => [NE.placeName(e), (e.place && e.place.country) ? el("span", { class: "muted" }, ` ${e.place.country}`) : null] },
    { label: "Evidence", class: "evidence", cell: (e) => el("a", { href: NE.eventHref(e.key) }, NE.snippet(e.evidence && e.evidence.text, 180)) },
    { label: "Source", cell: (e) => [e.article && (e.article.outlet || e.article.id),
      e.negated ? el("span", { class: "tag warn" }, "negated") : null,
      e.modality && e.modality !== "asserted" ? el("span", { class: "tag" }, e.modality) : null,
      e.disputed ? el("span", { class: "tag warn" }, "disputed") : null,
      e.story_event ? el("div", null, el("a", { href: `/stories/${encodeURIComponent(e.story_event.split("/")[0])}` }, "story →")) : null] },
  ];

  let loading = 0; // only the latest request may draw
  async function show(cursor) {
    const box = document.getElementById("events-table");
    const ticket = ++loading;
    try {
      const page = await api("/events", { ...params, cursor, limit: PAGE, total: !cursor });
      if (ticket !== loading) return;
      current = cursor;
      next = page.next_cursor;
      clear(box);
      box.appendChild(page.items.length ? NE.table(columns, page.items) : el("div", { class: "empty" }, "No events match these filters."));
      if (!cursor) {
        document.getElementById("events-total").textContent = page.total != null ? `${page.total.toLocaleString("en")} matching` : "";
      }
      document.getElementById("page-no").textContent = `page ${stack.length + 1}`;
      document.getElementById("prev").disabled = !stack.length;
      document.getElementById("next").disabled = !next;
    } catch (e) { NE.errorBox(box, e); }
  }

  document.getElementById("next").addEventListener("click", () => { stack.push(current); show(next); });
  document.getElementById("prev").addEventListener("click", () => show(stack.pop()));

  NE.filterForm(document.getElementById("filters"),
    ["q", "type", "country", "actor_country", "place", "actor", "sector", "mode", "date_from", "date_to", "disputed", "story_events", "story"],
    (values) => {
      params = values; stack = []; show(null);
      NE.downloads(document.getElementById("downloads"), "events", params, ["csv", "geojson", "parquet"]);
    });
})();
