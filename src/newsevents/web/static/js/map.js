/* Map: the bundled Natural Earth outline (world-atlas TopoJSON) drawn as SVG, with event points
 * clustered on a screen grid, pan and zoom, and filters. A point or cluster lists its events;
 * each links to its event page, which links to the sentence in the article. */
"use strict";

(() => {
  const { el, svg, clear, api, color } = NE;
  const WORLD = 1000;          // the projected unit square, scaled
  const CELL = 46;             // cluster grid, in screen pixels
  const MAX_SPAN_DEG = 1.2;    // never zoom closer than this many degrees across

  const box = document.getElementById("map");
  const root = svg("svg", { role: "img", "aria-label": "World map with event points" });
  const land = svg("g", { class: "land" });
  const markers = svg("g", { class: "markers" });
  root.append(svg("rect", { x: -1e5, y: -1e5, width: 2e5, height: 2e5, fill: "#d9e6f2" }), land, markers);
  box.appendChild(root);

  let view = { k: 1, tx: 0, ty: 0 };
  let points = [];
  let countryPaths = [];
  let countryLabels = [];
  let selectedCell = null;

  const size = () => ({ w: box.clientWidth || 800, h: box.clientHeight || 600 });
  const toScreen = ([x, y]) => [x * WORLD * view.k + view.tx, y * WORLD * view.k + view.ty];

  function clampView() {
    const { w, h } = size();
    const kMin = Math.min(w, h) / WORLD * 0.9;
    const kMax = (w / (MAX_SPAN_DEG / 360)) / WORLD;
    view.k = Math.max(kMin, Math.min(kMax, view.k));
  }

  function applyView() {
    clampView();
    land.setAttribute("transform", `translate(${view.tx},${view.ty}) scale(${view.k})`);
    drawMarkers();
  }

  function zoomAt(factor, sx, sy) {
    const before = view.k;
    view.k *= factor;
    clampView();
    const f = view.k / before;
    view.tx = sx - (sx - view.tx) * f;
    view.ty = sy - (sy - view.ty) * f;
    applyView();
  }

  function fitTo(lonLats) {
    const { w, h } = size();
    if (!lonLats.length) {
      // the inhabited world: 170°W..190°E, 58°S..78°N
      lonLats = [[-170, -58], [180, 78]];
    }
    const projected = lonLats.map(([lon, lat]) => Topo.project(lon, lat));
    const xs = projected.map((p) => p[0] * WORLD), ys = projected.map((p) => p[1] * WORLD);
    const minX = Math.min(...xs), maxX = Math.max(...xs), minY = Math.min(...ys), maxY = Math.max(...ys);
    const spanX = Math.max(maxX - minX, (MAX_SPAN_DEG * 4 / 360) * WORLD);
    const spanY = Math.max(maxY - minY, (MAX_SPAN_DEG * 4 / 360) * WORLD);
    view.k = Math.min((w * 0.7) / spanX, (h * 0.7) / spanY);
    clampView();
    view.tx = w / 2 - ((minX + maxX) / 2) * view.k;
    view.ty = h / 2 - ((minY + maxY) / 2) * view.k;
    applyView();
  }

  /* ------------------------------------------------------------ world outline */
  async function drawWorld() {
    const response = await fetch("/static/vendor/world-atlas/countries-50m.json");
    const topo = await response.json();
    const features = Topo.features(topo, "countries").filter((f) => f.name !== "Antarctica");
    countryLabels = features.map(labelAnchor).filter(Boolean);
    countryPaths = features.map((feature) => {
      const path = svg("path", { class: "country", d: Topo.pathData(feature, WORLD), dataset: { name: feature.name } },
        svg("title", null, feature.name));
      land.appendChild(path);
      return path;
    });
    markCountry();
  }

  /* Where to write a country's name: the centre of its largest ring, with that ring's projected width. */
  function labelAnchor(feature) {
    let best = null;
    for (const polygon of feature.polygons) {
      const ring = polygon[0].map(([lon, lat]) => Topo.project(lon, lat));
      const xs = ring.map((p) => p[0]), ys = ring.map((p) => p[1]);
      const w = Math.max(...xs) - Math.min(...xs), h = Math.max(...ys) - Math.min(...ys);
      if (!best || w * h > best.area) {
        best = { area: w * h, width: w, xy: [(Math.max(...xs) + Math.min(...xs)) / 2, (Math.max(...ys) + Math.min(...ys)) / 2] };
      }
    }
    return best && { name: feature.name, xy: best.xy, width: best.width };
  }

  function drawCountryLabels(cells) {
    const { w, h } = size();
    for (const label of countryLabels) {
      const width = label.width * WORLD * view.k;
      if (width < 70) continue;
      const [sx, sy] = toScreen(label.xy);
      if (sx < 0 || sy < 0 || sx > w || sy > h) continue;
      // a country's name gives way to the events' points and their place names
      if (cells.some((c) => Math.abs(c.sy - sy) < 28 && sx - c.sx > -70 && sx - c.sx < 150)) continue;
      markers.appendChild(svg("text", { class: "country-label", x: sx, y: sy }, label.name));
    }
  }

  function markCountry() {
    const code = new URLSearchParams(location.search).get("country");
    const name = code ? NE.countryName(code) : null;
    for (const path of countryPaths) {
      path.style.fill = name && path.dataset.name === name ? "#efe3c8" : "";
    }
  }

  /* ------------------------------------------------------------ clustering and markers */
  const radius = (n) => (n === 1 ? 6 : Math.min(24, 9 + 3 * Math.log2(n)));

  /* Points on a screen grid, then neighbouring cells whose circles would overlap merged (biggest first). */
  function clusters() {
    const { w, h } = size();
    const cells = new Map();
    for (const point of points) {
      const [sx, sy] = toScreen(point.xy);
      if (sx < -CELL || sy < -CELL || sx > w + CELL || sy > h + CELL) continue;
      const id = `${Math.floor(sx / CELL)}:${Math.floor(sy / CELL)}`;
      let cell = cells.get(id);
      if (!cell) { cell = { id, x: 0, y: 0, items: [] }; cells.set(id, cell); }
      cell.x += sx; cell.y += sy;
      cell.items.push(point);
    }
    const merged = [];
    for (const cell of [...cells.values()].sort((a, b) => b.items.length - a.items.length)) {
      const cx = cell.x / cell.items.length, cy = cell.y / cell.items.length;
      const host = merged.find((m) => Math.hypot(m.sx - cx, m.sy - cy) < radius(m.items.length) + radius(cell.items.length) + 6);
      if (host) {
        host.items.push(...cell.items);
      } else {
        merged.push({ id: cell.id, sx: cx, sy: cy, items: cell.items.slice() });
      }
    }
    for (const cluster of merged) {
      cluster.types = {};
      cluster.places = new Set();
      cluster.spots = new Set();
      for (const point of cluster.items) {
        cluster.types[point.type] = (cluster.types[point.type] || 0) + 1;
        if (point.place) cluster.places.add(point.place);
        cluster.spots.add(`${point.lat.toFixed(3)},${point.lon.toFixed(3)}`);
      }
    }
    return merged;
  }

  function drawMarkers() {
    clear(markers);
    const cells = clusters().sort((a, b) => a.items.length - b.items.length);
    drawCountryLabels(cells);
    const showLabels = view.k * WORLD > 15000; // about 30 degrees across the screen
    for (const cell of cells) {
      const n = cell.items.length;
      const [dominant, most] = Object.entries(cell.types).sort((a, b) => b[1] - a[1])[0];
      const fill = most * 2 > n ? color(dominant) : "#3d4a5c"; // no majority type: neutral, the ring shows the mix
      const r = radius(n);
      const places = [...cell.places].slice(0, 3).join(", ") || "unnamed place";
      const label = `${places}: ${n} event${n === 1 ? "" : "s"}`;
      const marker = svg("circle", {
        class: `marker${selectedCell === cell.id ? " selected" : ""}`, cx: cell.sx, cy: cell.sy, r, fill,
        role: "button", tabindex: 0, "aria-label": label, dataset: { places: [...cell.places].join("|"), count: n },
      }, svg("title", null, label));
      marker.addEventListener("click", (e) => { e.stopPropagation(); select(cell); });
      marker.addEventListener("keydown", (e) => { if (e.key === "Enter") select(cell); });
      markers.appendChild(marker);
      if (n > 1 && Object.keys(cell.types).length > 1) markers.appendChild(typeRing(cell, r));
      if (n > 1) markers.appendChild(svg("text", { class: "cluster-label", x: cell.sx, y: cell.sy }, n));
      if (showLabels && cell.places.size) {
        markers.appendChild(svg("text", { class: "place-label", x: cell.sx + r + 4, y: cell.sy + 4 }, places));
      }
    }
  }

  /* A ring around a cluster, one arc per event type, proportional to its count. */
  function typeRing(cell, r) {
    const group = svg("g", { class: "type-ring" });
    const total = cell.items.length;
    let angle = -Math.PI / 2;
    for (const type of NE.TYPES.filter((t) => cell.types[t])) {
      const sweep = (2 * Math.PI * cell.types[type]) / total;
      const end = angle + sweep;
      const R = r + 3;
      const [x1, y1, x2, y2] = [cell.sx + R * Math.cos(angle), cell.sy + R * Math.sin(angle), cell.sx + R * Math.cos(end), cell.sy + R * Math.sin(end)];
      group.appendChild(svg("path", { d: `M${x1},${y1}A${R},${R} 0 ${sweep > Math.PI ? 1 : 0} 1 ${x2},${y2}`, stroke: color(type), "stroke-width": 4, fill: "none" }));
      angle = end;
    }
    return group;
  }

  /* ------------------------------------------------------------ selection panel */
  function select(cell) {
    selectedCell = cell.id;
    const list = document.getElementById("selection");
    const title = document.getElementById("selection-title");
    title.textContent = `${[...cell.places].slice(0, 3).map(NE.iso).join(", ") || "Selection"} · ${cell.items.length} event${cell.items.length === 1 ? "" : "s"}`;
    clear(list);
    const items = cell.items.slice().sort((a, b) => (a.date || "").localeCompare(b.date || ""));
    for (const point of items.slice(0, 200)) {
      list.appendChild(el("a", { class: "event-item", href: NE.eventHref(point.key), dataset: { key: point.key, type: point.type } },
        el("div", null, NE.typeChip(point.type), " ", point.label),
        el("div", { class: "meta" }, [point.place, point.date].filter(Boolean).map(NE.iso).join(" · ")),
        point.evidence ? el("div", { class: "ev" }, `“${point.evidence}”`) : null));
    }
    if (items.length > 200) list.appendChild(el("p", { class: "muted" }, `… and ${items.length - 200} more: zoom in or filter.`));
    if (cell.spots.size > 1) zoomAt(2.5, cell.sx, cell.sy); else drawMarkers();
  }

  /* ------------------------------------------------------------ data */
  let loading = 0; // only the latest request may draw (filters can change faster than answers come)
  async function load(params) {
    NE.downloads(document.getElementById("downloads"), "events", params, ["csv", "geojson", "parquet"]);
    const status = document.getElementById("map-status");
    const ticket = ++loading;
    status.textContent = "Loading…";
    markCountry();
    try {
      const data = await api("/points", { ...params, limit: 20000 });
      if (ticket !== loading) return;
      points = data.items.map((p) => ({ ...p, xy: Topo.project(p.lon, p.lat) }));
      selectedCell = null;
      const extra = [];
      if (data.without_coordinates) extra.push(`${data.without_coordinates} without a place`);
      if (data.truncated) extra.push("more matched: narrow the filters");
      status.textContent = `${points.length.toLocaleString("en")} event${points.length === 1 ? "" : "s"} on the map${extra.length ? ` · ${extra.join(" · ")}` : ""}`;
      NE.legend(document.getElementById("map-legend"), NE.TYPES.filter((t) => points.some((p) => p.type === t)));
      fitTo(points.map((p) => [p.lon, p.lat]));
      clear(document.getElementById("selection")).appendChild(el("p", { class: "muted" }, "Click a point or a cluster to list its events."));
      document.getElementById("selection-title").textContent = "Selection";
      box.dataset.loaded = NE.query(params); // for tests and bookmarks: which filters are drawn
    } catch (e) {
      status.textContent = e.message;
    }
  }

  /* ------------------------------------------------------------ interaction */
  let drag = null;
  box.addEventListener("pointerdown", (e) => {
    if (e.target.classList && e.target.classList.contains("marker")) return;
    drag = { x: e.clientX, y: e.clientY, tx: view.tx, ty: view.ty };
    box.setPointerCapture(e.pointerId);
    box.classList.add("dragging");
  });
  box.addEventListener("pointermove", (e) => {
    if (!drag) return;
    view.tx = drag.tx + (e.clientX - drag.x);
    view.ty = drag.ty + (e.clientY - drag.y);
    land.setAttribute("transform", `translate(${view.tx},${view.ty}) scale(${view.k})`);
    drawMarkers();
  });
  const endDrag = () => { drag = null; box.classList.remove("dragging"); };
  box.addEventListener("pointerup", endDrag);
  box.addEventListener("pointercancel", endDrag);
  box.addEventListener("wheel", (e) => {
    e.preventDefault();
    const rect = box.getBoundingClientRect();
    zoomAt(Math.exp(-e.deltaY * 0.0015), e.clientX - rect.left, e.clientY - rect.top);
  }, { passive: false });
  const center = () => { const { w, h } = size(); return [w / 2, h / 2]; };
  document.getElementById("zoom-in").addEventListener("click", () => zoomAt(2, ...center()));
  document.getElementById("zoom-out").addEventListener("click", () => zoomAt(0.5, ...center()));
  document.getElementById("zoom-fit").addEventListener("click", () => fitTo(points.map((p) => [p.lon, p.lat])));
  window.addEventListener("resize", () => applyView());

  fitTo([]);
  drawWorld().then(() => NE.filterForm(document.getElementById("filters"),
    ["q", "type", "country", "actor_country", "place", "actor", "sector", "date_from", "date_to", "disputed", "story_events"], load))
    .catch((e) => { document.getElementById("map-status").textContent = `Cannot draw the map: ${e.message}`; });
})();
