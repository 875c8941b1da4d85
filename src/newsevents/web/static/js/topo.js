/* A small TopoJSON decoder and a Web Mercator projection (enough to draw the bundled world outline).
 *
 * TopoJSON stores shared borders once as delta-encoded, quantized "arcs"; a polygon ring lists arc
 * indexes (a negative index ~i means arc i reversed). See https://github.com/topojson/topojson-specification
 */
"use strict";

const Topo = (() => {
  function decodeArcs(topo) {
    const [sx, sy] = topo.transform ? topo.transform.scale : [1, 1];
    const [tx, ty] = topo.transform ? topo.transform.translate : [0, 0];
    return topo.arcs.map((arc) => {
      let x = 0, y = 0;
      return arc.map(([dx, dy]) => {
        if (topo.transform) { x += dx; y += dy; } else { x = dx; y = dy; }
        return [x * sx + tx, y * sy + ty];
      });
    });
  }

  function ringFrom(indexes, arcs) {
    const ring = [];
    indexes.forEach((index, k) => {
      const points = index >= 0 ? arcs[index] : arcs[~index].slice().reverse();
      ring.push(...(k ? points.slice(1) : points));
    });
    return unwrap(ring);
  }

  /* Rings that cross the antimeridian (Russia's far east, Fiji) jump from +180 to -180; shifting the
     far side by 360° keeps them whole (drawn just past the map's east edge) instead of a stripe
     across the world. */
  function unwrap(ring) {
    let shift = 0;
    return ring.map(([lon, lat], i) => {
      if (i) {
        const previous = ring[i - 1][0];
        if (lon - previous > 180) shift -= 360;
        else if (previous - lon > 180) shift += 360;
      }
      return [lon + shift, lat];
    });
  }

  /** Features of a GeometryCollection: {id, name, polygons: [[ring of [lon, lat]], ...]}. */
  function features(topo, objectName) {
    const arcs = decodeArcs(topo);
    return topo.objects[objectName].geometries.map((geometry) => {
      const polygons = geometry.type === "Polygon" ? [geometry.arcs]
        : geometry.type === "MultiPolygon" ? geometry.arcs : [];
      return {
        id: geometry.id,
        name: (geometry.properties && geometry.properties.name) || "",
        polygons: polygons.map((polygon) => polygon.map((ring) => ringFrom(ring, arcs))),
      };
    });
  }

  /* Web Mercator on a unit square: x, y in [0, 1], y grows southwards. Latitudes are clamped. */
  const MAX_LAT = 85;
  function project(lon, lat) {
    const phi = (Math.max(-MAX_LAT, Math.min(MAX_LAT, lat)) * Math.PI) / 180;
    return [lon / 360 + 0.5, 0.5 - Math.log(Math.tan(Math.PI / 4 + phi / 2)) / (2 * Math.PI)];
  }
  function unproject(x, y) {
    const lon = (x - 0.5) * 360;
    const lat = (Math.atan(Math.sinh((0.5 - y) * 2 * Math.PI)) * 180) / Math.PI;
    return [lon, lat];
  }

  /** An SVG path "d" for a feature, in projected units times `scale` (rounded to keep it small). */
  function pathData(feature, scale) {
    const parts = [];
    for (const polygon of feature.polygons) {
      for (const ring of polygon) {
        let d = "";
        ring.forEach(([lon, lat], i) => {
          const [x, y] = project(lon, lat);
          d += `${i ? "L" : "M"}${(x * scale).toFixed(2)},${(y * scale).toFixed(2)}`;
        });
        parts.push(`${d}Z`);
      }
    }
    return parts.join("");
  }

  return { features, project, unproject, pathData };
})();
