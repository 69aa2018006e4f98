/* defgraph graph view: draws the pyvis Network written into #dg-data with vis-network. Tooltips
   are the nodes' and edges' plain-text titles, which vis-network shows as text (innerText);
   every other string from articles reaches the page through textContent, never as HTML. */
(function () {
  "use strict";
  var D = JSON.parse(document.getElementById("dg-data").textContent);
  var options = JSON.parse(D.options);     // pyvis's options: defgraph's, or the user's set_options
  var info = {}, classColour = {};
  D.nodes.forEach(function (n) {
    info[n.id] = n.defgraph || { aliases: [] };   // nodes a user added with add_node have none
    classColour[n.id] = n.color;
  });

  // show_buttons(): vis-network's option editor, in the template's panel; the physics runs
  // while it is shown, so that the user can tune it
  var configure = !!(options.configure && options.configure.enabled);
  if (configure) {
    options.configure.container = document.getElementById("dg-config");
    options.configure.container.hidden = false;
    options.physics = options.physics || {};
    options.physics.enabled = true;
  }

  // a large graph opens on its communities (D.aggregate), each shown in full when clicked;
  // edges to a community not shown are bundled into one per pair of communities
  var agg = D.aggregate || null, expanded = {};
  function communityNode(c) {
    return { id: "community:" + c.community, label: c.label, title: c.title, shape: "dot", size: c.size,
             x: c.x, y: c.y, color: "#8aa1b8", font: { size: 16, color: "#333" }, community: c.community };
  }
  function end(id) {
    var c = (info[id] || {}).community;
    return agg && c && !expanded[c] ? "community:" + c : id;
  }
  function shownNodes() {
    if (!agg) return D.nodes;
    return agg.map(function (c) { return expanded[c.community] ? [] : [communityNode(c)]; })
      .reduce(function (a, b) { return a.concat(b); }, [])
      .concat(D.nodes.filter(function (n) { return expanded[info[n.id].community]; }));
  }
  function shownEdges() {
    if (!agg) return D.edges;
    var out = [], bundles = {};
    D.edges.forEach(function (e) {
      var a = end(e.from), b = end(e.to);
      if (a === e.from && b === e.to) { out.push(e); return; }
      if (a === b) return;
      var key = a < b ? a + " " + b : b + " " + a;
      (bundles[key] = bundles[key] || { from: a, to: b, n: 0 }).n += 1;
    });
    Object.keys(bundles).forEach(function (key) {
      var b = bundles[key];
      out.push({ id: "bundle:" + key, from: b.from, to: b.to, title: b.n + " relations", arrows: "",
                 color: "#c4ccd6", width: Math.min(1 + Math.log(b.n) * 1.5, 12), smooth: false });
    });
    return out;
  }

  var nodes = new vis.DataSet(shownNodes());
  var edges = new vis.DataSet(shownEdges());
  var container = document.getElementById("dg-network");
  var network = new vis.Network(container, { nodes: nodes, edges: edges }, options);
  var view = window.defgraphView = { network: network, nodes: nodes, edges: edges, options: options,
                                     physics: !!(options.physics && options.physics.enabled), ready: false };

  // labels apart: each node's box (its shape and label, as vis-network draws them) is pushed
  // away from the boxes it overlaps, along the shorter way out, until none overlaps; where
  // pushing goes round in circles (a dense cluster), the layout is spread out a little first
  function separate(ids, gap) {
    var at = network.getPositions(ids), boxes = ids.map(function (id) {
      var b = network.getBoundingBox(id), p = at[id];
      return { id: id, x: p.x, y: p.y, l: b.left - p.x - gap, r: b.right - p.x + gap,
               t: b.top - p.y - gap, b: b.bottom - p.y + gap };
    });
    function pushApart() {
      boxes.sort(function (a, b) { return (a.x + a.l) - (b.x + b.l); });
      var moved = false;
      for (var i = 0; i < boxes.length; i++) {
        var A = boxes[i];
        for (var j = i + 1; j < boxes.length; j++) {
          var B = boxes[j];
          if (B.x + B.l >= A.x + A.r) break;       // sorted by left edge: no later box reaches A
          var ox = Math.min(A.x + A.r, B.x + B.r) - Math.max(A.x + A.l, B.x + B.l);
          var oy = Math.min(A.y + A.b, B.y + B.b) - Math.max(A.y + A.t, B.y + B.t);
          if (ox <= 0 || oy <= 0) continue;
          moved = true;
          if (ox < oy) { var dx = (ox / 2 + 0.5) * (A.x <= B.x ? 1 : -1); A.x -= dx; B.x += dx; }
          else { var dy = (oy / 2 + 0.5) * (A.y <= B.y ? 1 : -1); A.y -= dy; B.y += dy; }
        }
      }
      return moved;
    }
    var cx = 0, cy = 0;
    boxes.forEach(function (b) { cx += b.x / boxes.length; cy += b.y / boxes.length; });
    for (var round = 0; round < 20; round++) {
      var pass = 0;
      while (pass < 60 && pushApart()) pass++;
      if (pass < 60) break;
      boxes.forEach(function (b) { b.x = cx + (b.x - cx) * 1.15; b.y = cy + (b.y - cy) * 1.15; });
    }
    // one update for all (network.moveNode would redraw the whole graph once per node moved)
    nodes.update(boxes.map(function (b) { return { id: b.id, x: b.x, y: b.y }; }));
  }
  view.separate = separate;

  function markReady() {
    if (view.ready) return;
    network.once("afterDrawing", function () {
      view.ready = true;
      document.body.setAttribute("data-ready", "1");
    });
    network.redraw();
  }
  function placed() {
    // after the first drawing, when vis-network knows the size of every label
    if (!view.physics && nodes.length <= LABEL_SPACING_LIMIT) separate(nodes.getIds(), 2);
    network.fit();
    markReady();
  }
  var LABEL_SPACING_LIMIT = 2000;
  var st = options.physics && options.physics.stabilization;
  if (view.physics && D.nodes.length > 1 && st !== false && !(st && st.enabled === false)) {
    network.once("stabilizationIterationsDone", function () {
      // settled: stop moving, unless the user shows the option editor to tune the physics
      if (!configure) network.setOptions({ physics: { enabled: false } });
      network.fit();
      markReady();
    });
  } else {
    // drawn once with every node in view, so that vis-network has measured every label
    network.once("afterDrawing", placed);
    network.fit();
    network.redraw();
  }

  // showing a community's members in place of it, and back
  view.expand = function (c) {
    if (!agg || expanded[c]) return;
    expanded[c] = true;
    nodes.remove("community:" + c);
    var members = D.nodes.filter(function (n) { return info[n.id].community === c; });
    nodes.add(members);
    edges.clear();
    edges.add(shownEdges());
    network.once("afterDrawing", function () {
      separate(members.map(function (n) { return n.id; }), 2);
    });
    network.redraw();
  };
  view.collapse = function () {
    if (!agg) return;
    expanded = {};
    nodes.clear();
    nodes.add(shownNodes());
    edges.clear();
    edges.add(shownEdges());
  };
  view.communityOf = function (id) { return (info[id] || {}).community; };

  // opening a node's page
  function open(params) {
    if (!params.nodes || params.nodes.length !== 1) return;
    var community = (nodes.get(params.nodes[0]) || {}).community;
    if (community) { view.expand(community); return; }
    var href = (info[params.nodes[0]] || {}).href;
    if (!href) return;
    if (D.openOn === "click") window.location.assign(href);
    else window.open(href, "_blank", "noopener");
  }
  network.on(D.openOn === "click" ? "click" : "doubleClick", open);
  if (agg && D.openOn !== "click") network.on("click", function (params) {
    var community = params.nodes && params.nodes.length === 1 && (nodes.get(params.nodes[0]) || {}).community;
    if (community) view.expand(community);
  });

  // search by name or alias
  var byName = {};
  function norm(s) { return String(s).normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase().trim(); }
  var datalist = document.getElementById("dg-names");
  var names = [];
  D.nodes.forEach(function (n) {
    [n.label].concat(info[n.id].aliases || []).forEach(function (name) {
      var k = norm(name);
      (byName[k] = byName[k] || []).push(n.id);
      names.push(String(name));
    });
  });
  Array.from(new Set(names)).sort().forEach(function (name) {
    var o = document.createElement("option");
    o.value = name;
    datalist.appendChild(o);
  });
  var status = document.getElementById("dg-search-status");
  view.find = function (text) {
    var k = norm(text), ids = byName[k];
    if (!ids) {
      ids = [];
      Object.keys(byName).forEach(function (name) { if (k && name.indexOf(k) >= 0) ids = ids.concat(byName[name]); });
    }
    ids = Array.from(new Set(ids));
    ids.forEach(function (id) { if (!nodes.get(id)) view.expand(info[id].community); });
    ids = ids.filter(function (id) { return nodes.get(id) && !nodes.get(id).hidden; });
    status.textContent = ids.length ? (ids.length > 1 ? ids.length + " found" : "") : "not found";
    if (!ids.length) return [];
    network.selectNodes(ids);
    if (ids.length === 1) network.focus(ids[0], { scale: 1.2, animation: { duration: 400 } });
    else network.fit({ nodes: ids, animation: { duration: 400 } });
    return ids;
  };
  document.getElementById("dg-search").addEventListener("submit", function (ev) {
    ev.preventDefault();
    view.find(document.getElementById("dg-search-input").value);
  });
  document.getElementById("dg-reset").addEventListener("click", function () {
    document.getElementById("dg-search-input").value = "";
    status.textContent = "";
    network.unselectAll();
    view.collapse();
    network.fit({ animation: { duration: 300 } });
  });

  // legend: show or hide a class
  document.querySelectorAll("#dg-legend input[data-cls]").forEach(function (box) {
    box.addEventListener("change", function () {
      var cls = box.getAttribute("data-cls"), hide = !box.checked;
      D.nodes.forEach(function (n) { if (info[n.id].cls === cls) n.hidden = hide; });   // kept for later expansions
      nodes.update(D.nodes.filter(function (n) { return info[n.id].cls === cls && nodes.get(n.id); })
        .map(function (n) { return { id: n.id, hidden: hide }; }));
    });
  });

  // colour by class or by community
  var communityPalette = ["#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1",
                          "#ff9da7", "#9c755f", "#bab0ac", "#1f77b4", "#2ca02c", "#d62728", "#9467bd"];
  document.querySelectorAll("input[name=dg-colour]").forEach(function (radio) {
    radio.addEventListener("change", function () {
      var byCommunity = radio.value === "community" && radio.checked;
      D.nodes.forEach(function (n) {
        var c = info[n.id].community;
        if (c) n.color = byCommunity ? communityPalette[(c - 1) % communityPalette.length] : classColour[n.id];
      });
      nodes.update(D.nodes.filter(function (n) { return info[n.id].community && nodes.get(n.id); })
        .map(function (n) { return { id: n.id, color: n.color }; }));
    });
  });

  if (D.focus && info[D.focus]) network.selectNodes([D.focus]);
})();
