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

  // show_buttons(): vis-network's option editor, in the template's panel
  var configure = !!(options.configure && options.configure.enabled);
  if (configure) {
    options.configure.container = document.getElementById("dg-config");
    options.configure.container.hidden = false;
  }

  var nodes = new vis.DataSet(D.nodes);
  var edges = new vis.DataSet(D.edges);
  var container = document.getElementById("dg-network");
  var network = new vis.Network(container, { nodes: nodes, edges: edges }, options);
  var view = window.defgraphView = { network: network, nodes: nodes, edges: edges, options: options,
                                     physics: D.physics, ready: false };

  function markReady() {
    if (view.ready) return;
    network.once("afterDrawing", function () {
      view.ready = true;
      document.body.setAttribute("data-ready", "1");
    });
    network.redraw();
  }
  var st = options.physics && options.physics.stabilization;
  if (D.physics && D.nodes.length > 1 && st !== false && !(st && st.enabled === false)) {
    network.once("stabilizationIterationsDone", function () {
      // settled: stop moving, unless the user shows the option editor to tune the physics
      if (!configure) network.setOptions({ physics: { enabled: false } });
      network.fit();
      markReady();
    });
  } else {
    network.fit();
    markReady();
  }

  // opening a node's page
  function open(params) {
    if (!params.nodes || params.nodes.length !== 1) return;
    var href = (info[params.nodes[0]] || {}).href;
    if (!href) return;
    if (D.openOn === "click") window.location.assign(href);
    else window.open(href, "_blank", "noopener");
  }
  network.on(D.openOn === "click" ? "click" : "doubleClick", open);

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
    ids = Array.from(new Set(ids)).filter(function (id) { return !nodes.get(id).hidden; });
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
    network.fit({ animation: { duration: 300 } });
  });

  // legend: show or hide a class
  document.querySelectorAll("#dg-legend input[data-cls]").forEach(function (box) {
    box.addEventListener("change", function () {
      var cls = box.getAttribute("data-cls"), hide = !box.checked;
      nodes.update(D.nodes.filter(function (n) { return info[n.id].cls === cls; })
        .map(function (n) { return { id: n.id, hidden: hide }; }));
    });
  });

  // colour by class or by community
  var communityPalette = ["#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1",
                          "#ff9da7", "#9c755f", "#bab0ac", "#1f77b4", "#2ca02c", "#d62728", "#9467bd"];
  document.querySelectorAll("input[name=dg-colour]").forEach(function (radio) {
    radio.addEventListener("change", function () {
      var byCommunity = radio.value === "community" && radio.checked;
      nodes.update(D.nodes.filter(function (n) { return info[n.id].community; }).map(function (n) {
        var c = info[n.id].community;
        return { id: n.id, color: byCommunity ? communityPalette[(c - 1) % communityPalette.length] : classColour[n.id] };
      }));
    });
  });

  if (D.focus && info[D.focus]) network.selectNodes([D.focus]);
})();
