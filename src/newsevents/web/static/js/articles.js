/* Article list with full-text search and cursor pagination. */
"use strict";

(() => {
  const { el, clear, api } = NE;
  const form = document.getElementById("article-search");
  let q = new URLSearchParams(location.search).get("q") || "";
  let stack = [], current = null, next = null;
  form.elements.q.value = q;

  const count = (a, key) => {
    const value = a[`n_${key}`] ?? (a.counts && a.counts[key]);
    return value === undefined || value === null ? "" : value;
  };
  const columns = [
    { label: "Published", class: "nowrap", cell: (a) => a.published || "" },
    { label: "Title", cell: (a) => el("a", { href: NE.articleHref(a.id) }, a.title || a.id) },
    { label: "Outlet", cell: (a) => a.outlet || "" },
    { label: "Events", cell: (a) => count(a, "events") },
    { label: "Quotes", cell: (a) => count(a, "quotes") },
    { label: "Places", cell: (a) => count(a, "places") },
  ];

  let loading = 0; // only the latest request may draw
  async function show(cursor) {
    const box = document.getElementById("articles-table");
    const ticket = ++loading;
    try {
      const page = await api("/articles", { q, cursor, limit: 50 });
      if (ticket !== loading) return;
      current = cursor; next = page.next_cursor;
      clear(box).appendChild(page.items.length ? NE.table(columns, page.items) : el("div", { class: "empty" }, "No articles."));
      document.getElementById("articles-total").textContent = page.total != null ? `${page.total} articles` : "";
      document.getElementById("page-no").textContent = `page ${stack.length + 1}`;
      document.getElementById("prev").disabled = !stack.length;
      document.getElementById("next").disabled = !next;
    } catch (e) { NE.errorBox(box, e); }
  }
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    q = form.elements.q.value;
    history.replaceState(null, "", `/articles${NE.query({ q })}`);
    stack = []; show(null);
  });
  document.getElementById("next").addEventListener("click", () => { stack.push(current); show(next); });
  document.getElementById("prev").addEventListener("click", () => show(stack.pop()));
  show(null);
})();
