// eventwire web UI: highlight toggles in the article view and the actor graph.
// Written for this project. Every string from the data goes in through textContent or
// setAttribute on SVG geometry; nothing is ever parsed as HTML (no innerHTML anywhere).
"use strict";

(function () {
  const SVG = "http://www.w3.org/2000/svg";

  function el(tag, attrs, text) {
    const node = document.createElement(tag);
    Object.entries(attrs || {}).forEach(([k, v]) => node.setAttribute(k, v));
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function svgEl(tag, attrs) {
    const node = document.createElementNS(SVG, tag);
    Object.entries(attrs || {}).forEach(([k, v]) => node.setAttribute(k, String(v)));
    return node;
  }

  // --- article view ------------------------------------------------------------------------
  function setupArticle() {
    const text = document.getElementById("article-text");
    if (!text) return;
    document.querySelectorAll("input[data-toggle]").forEach((box) => {
      box.addEventListener("change", () => {
        text.classList.toggle("off-" + box.dataset.toggle, !box.checked);
      });
    });
    document.querySelectorAll("a[data-focus]").forEach((link) => {
      link.addEventListener("click", (ev) => {
        ev.preventDefault();
        focusEvent(text, link.dataset.focus, link.closest(".event"));
      });
    });
    const hash = decodeURIComponent(window.location.hash || "");
    if (hash.startsWith("#ev-")) {
      const card = document.querySelector('.panel .event[data-event="' + CSS.escape(hash.slice(4)) + '"]');
      focusEvent(text, hash.slice(4), card);
    }
  }

  function focusEvent(text, id, card) {
    document.querySelectorAll(".focus").forEach((n) => n.classList.remove("focus"));
    const spans = Array.from(text.querySelectorAll("span[data-event]")).filter((s) =>
      s.dataset.event.split(/\s+/).includes(id));
    spans.forEach((s) => s.classList.add("focus"));
    if (card) card.classList.add("focus");
    if (spans.length) spans[0].scrollIntoView({ block: "center" });
  }

  // --- actor graph -------------------------------------------------------------------------
  const TYPE_COLOURS = { state: "#2456a6", person: "#7a4fb5", organization: "#1f7a8c",
                         group: "#d99a1e", location: "#667085" };

  function edgeColour(mean) {
    if (mean === null || mean === undefined) return "#98a2b3";
    const t = Math.max(-1, Math.min(1, mean / 10));
    const grey = [152, 162, 179], end = t >= 0 ? [63, 143, 58] : [192, 57, 43];
    const k = Math.abs(t) * 0.85 + 0.15;
    const c = grey.map((g, i) => Math.round(g + (end[i] - g) * k));
    return "rgb(" + c.join(",") + ")";
  }

  function layout(nodes, edges, width, height) {
    const n = nodes.length, cx = width / 2, cy = height / 2;
    const index = new Map(nodes.map((d, i) => [d.id, i]));
    nodes.forEach((d, i) => {
      const a = (2 * Math.PI * i) / Math.max(1, n);
      d.x = cx + Math.cos(a) * width * 0.35;
      d.y = cy + Math.sin(a) * height * 0.35;
    });
    const links = edges.map((e) => [index.get(e.source), index.get(e.target)])
      .filter(([s, t]) => s !== undefined && t !== undefined);
    const ideal = Math.min(width, height) / Math.max(3, Math.sqrt(n) * 1.6);
    for (let step = 0; step < 300; step++) {
      const cool = 1 - step / 300;
      const fx = new Float64Array(n), fy = new Float64Array(n);
      for (let i = 0; i < n; i++) {
        for (let j = i + 1; j < n; j++) {
          let dx = nodes[i].x - nodes[j].x, dy = nodes[i].y - nodes[j].y;
          const d2 = Math.max(dx * dx + dy * dy, 1), f = (ideal * ideal) / d2;
          fx[i] += dx * f; fy[i] += dy * f; fx[j] -= dx * f; fy[j] -= dy * f;
        }
      }
      links.forEach(([s, t]) => {
        const dx = nodes[t].x - nodes[s].x, dy = nodes[t].y - nodes[s].y;
        const d = Math.max(Math.sqrt(dx * dx + dy * dy), 1), f = (d - ideal) / d * 0.5;
        fx[s] += dx * f; fy[s] += dy * f; fx[t] -= dx * f; fy[t] -= dy * f;
      });
      for (let i = 0; i < n; i++) {
        fx[i] += (cx - nodes[i].x) * 0.06; fy[i] += (cy - nodes[i].y) * 0.06;
        const len = Math.sqrt(fx[i] * fx[i] + fy[i] * fy[i]) || 1, cap = 20 * cool + 1;
        nodes[i].x += (fx[i] / len) * Math.min(len, cap);
        nodes[i].y += (fy[i] / len) * Math.min(len, cap);
      }
    }
    fit(nodes, width, height, 50, 120);
  }

  // Scale into the box; the right margin leaves room for labels, which run rightwards.
  function fit(nodes, width, height, margin, labelRoom) {
    if (!nodes.length) return;
    const xs = nodes.map((d) => d.x), ys = nodes.map((d) => d.y);
    const x0 = Math.min(...xs), x1 = Math.max(...xs), y0 = Math.min(...ys), y1 = Math.max(...ys);
    const sx = (width - 2 * margin - labelRoom) / Math.max(x1 - x0, 1);
    const sy = (height - 2 * margin) / Math.max(y1 - y0, 1);
    const s = Math.min(sx, sy, 3);
    const ox = (width - labelRoom - (x1 - x0) * s) / 2, oy = (height - (y1 - y0) * s) / 2;
    nodes.forEach((d) => { d.x = ox + (d.x - x0) * s; d.y = oy + (d.y - y0) * s; });
  }

  function radius(d) { return 6 + Math.sqrt(d.events) * 3; }

  function drawGraph(svg, data) {
    svg.querySelectorAll(".loading, g.layer").forEach((n) => n.remove());
    const [width, height] = [900, 600];
    if (!data.nodes.length) {
      const t = svgEl("text", { class: "loading", x: width / 2, y: height / 2 });
      t.textContent = "No events match.";
      svg.appendChild(t);
      return;
    }
    layout(data.nodes, data.edges, width, height);
    const byId = new Map(data.nodes.map((d) => [d.id, d]));
    const pairs = new Set(data.edges.map((e) => e.source + "\u0000" + e.target));
    const edgeLayer = svgEl("g", { class: "layer edges" });
    const nodeLayer = svgEl("g", { class: "layer nodes" });
    const maxEvents = Math.max(...data.edges.map((e) => e.events), 1);
    const edgeEls = data.edges.map((e) => {
      const s = byId.get(e.source), t = byId.get(e.target);
      const dx = t.x - s.x, dy = t.y - s.y, d = Math.max(Math.hypot(dx, dy), 1);
      const ex = t.x - (dx / d) * (radius(t) + 2), ey = t.y - (dy / d) * (radius(t) + 2);
      const bend = pairs.has(e.target + "\u0000" + e.source) ? 0.15 : 0;
      const mx = (s.x + ex) / 2 - dy * bend, my = (s.y + ey) / 2 + dx * bend;
      const path = svgEl("path", {
        class: "edge", d: `M${s.x},${s.y} Q${mx},${my} ${ex},${ey}`,
        stroke: edgeColour(e.mean_intensity), "stroke-width": 1 + 5 * (e.events / maxEvents),
        "marker-end": "url(#arrow)" });
      const title = svgEl("title");
      title.textContent = `${s.name} → ${t.name}: ${e.events} events, mean intensity ` +
        (e.mean_intensity === null ? "unscored" : e.mean_intensity);
      path.appendChild(title);
      edgeLayer.appendChild(path);
      return { edge: e, el: path };
    });
    const nodeEls = data.nodes.map((d) => {
      const g = svgEl("g", { class: "node", transform: `translate(${d.x},${d.y})`, tabindex: 0 });
      g.dataset.id = d.id;
      const circle = svgEl("circle", { r: radius(d), fill: TYPE_COLOURS[d.type] || "#667085" });
      const title = svgEl("title");
      title.textContent = `${d.name} (${d.type}${d.country ? ", " + d.country : ""}): ${d.events} events`;
      circle.appendChild(title);
      const label = svgEl("text", { x: radius(d) + 3, y: 4 });
      label.textContent = d.name;
      g.append(circle, label);
      g.addEventListener("click", () => select(d));
      g.addEventListener("keydown", (ev) => { if (ev.key === "Enter") select(d); });
      nodeLayer.appendChild(g);
      return { node: d, el: g };
    });
    svg.append(edgeLayer, nodeLayer);

    function select(d) {
      const near = new Set([d.id]);
      edgeEls.forEach(({ edge, el: p }) => {
        const on = edge.source === d.id || edge.target === d.id;
        p.classList.toggle("dim", !on);
        if (on) { near.add(edge.source); near.add(edge.target); }
      });
      nodeEls.forEach(({ node, el: g }) => {
        g.classList.toggle("dim", !near.has(node.id));
        g.classList.toggle("selected", node.id === d.id);
      });
      showInfo(d, data.edges, byId);
    }
  }

  function showInfo(d, edges, byId) {
    const box = document.getElementById("graph-info");
    if (!box) return;
    box.replaceChildren();
    box.appendChild(el("h2", {}, d.name));
    box.appendChild(el("p", { class: "muted" },
      [d.type, d.country, d.kb_id || "guessed (not in the KB)"].filter(Boolean).join(" · ")));
    box.appendChild(el("p", {}, d.events + " events in this selection"));
    const list = el("ul");
    edges.filter((e) => e.source === d.id || e.target === d.id).forEach((e) => {
      const out = e.source === d.id, other = byId.get(out ? e.target : e.source);
      list.appendChild(el("li", {}, (out ? "→ " : "← ") + other.name + ": " + e.events));
    });
    box.appendChild(list);
    const params = new URLSearchParams({ actor: d.kb_id || d.name });
    box.appendChild(el("a", { href: "/?" + params.toString() }, "Timeline of " + d.name));
  }

  function setupGraph() {
    const svg = document.getElementById("graph");
    if (!svg) return;
    const src = svg.dataset.src || "";
    if (!src.startsWith("/api/graph")) return;
    fetch(src, { headers: { Accept: "application/json" }, credentials: "same-origin" })
      .then((r) => r.json().then((body) => ({ ok: r.ok, body })))
      .then(({ ok, body }) => {
        if (!ok) throw new Error(body.message || "the graph could not be loaded");
        drawGraph(svg, body);
        svg.dataset.ready = "true";
      })
      .catch((err) => {
        const t = svg.querySelector(".loading") || svg.appendChild(svgEl("text", { class: "loading", x: 450, y: 300 }));
        t.textContent = String(err.message || err);
        svg.dataset.ready = "error";
      });
  }

  document.addEventListener("DOMContentLoaded", () => {
    setupArticle();
    setupGraph();
  });
})();
