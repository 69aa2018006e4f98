/* defgraph graph view: builds vis-network from window.DEFGRAPH. Every string from articles is
   put into the page as text (textContent / DOM properties), never parsed as HTML. */
(function () {
  "use strict";
  var D = window.DEFGRAPH;
  var details = D.details, edgeDetails = D.edgeDetails;

  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) e.textContent = String(text);
    if (cls) e.className = cls;
    return e;
  }
  function field(dl, name, values) {
    if (!values || !values.length) return;
    dl.appendChild(el("dt", name));
    values.forEach(function (v) { dl.appendChild(v instanceof Node ? v : el("dd", v)); });
  }
  function articleItems(list, more) {
    var out = list.map(function (a) { return el("dd", (a.date ? a.date + " · " : "") + a.title); });
    if (more) out.push(el("dd", "… and " + more + " more"));
    return out;
  }
  function nodeTip(id, label) {
    var d = details[id], box = el("div", null, "dg-tip");
    box.appendChild(el("h3", label));
    var cls = d.cls + (d.kind === "entity" ? " · community " + d.community + " · degree " + d.degree : "");
    box.appendChild(el("div", cls, "dg-cls"));
    var dl = el("dl");
    field(dl, "Role", d.roles);
    field(dl, "Also known as", d.aliases.length ? [d.aliases.join(", ")] : []);
    field(dl, "Status", d.status ? [d.status] : []);
    field(dl, "Date", d.date ? [d.date] : []);
    field(dl, "Articles", articleItems(d.articles, d.moreArticles));
    var sentences = d.sentences.map(function (s) { var dd = el("dd"); dd.appendChild(el("q", s)); return dd; });
    if (d.moreSentences) sentences.push(el("dd", "… and " + d.moreSentences + " more"));
    field(dl, "Evidence", sentences);
    box.appendChild(dl);
    return box;
  }
  function edgeTip(i) {
    var d = edgeDetails[i], box = el("div", null, "dg-tip");
    box.appendChild(el("h3", d.from + " — " + d.relation + " → " + d.to));
    var dl = el("dl");
    field(dl, "Date", d.date ? [d.date] : []);
    field(dl, "Evidence", d.evidence ? [(function () { var dd = el("dd"); dd.appendChild(el("q", d.evidence)); return dd; })()] : []);
    field(dl, "Articles", articleItems(d.articles, 0));
    box.appendChild(dl);
    return box;
  }

  var classColour = {};
  D.nodes.forEach(function (n) {
    n.title = nodeTip(n.id, n.label);
    classColour[n.id] = n.color;
  });
  D.edges.forEach(function (e) { e.title = edgeTip(e.id); });

  var nodes = new vis.DataSet(D.nodes);
  var edges = new vis.DataSet(D.edges);
  var container = document.getElementById("dg-network");
  var network = new vis.Network(container, { nodes: nodes, edges: edges }, D.options);
  var view = window.defgraphView = { network: network, nodes: nodes, edges: edges, ready: false };

  function markReady() {
    if (view.ready) return;
    network.once("afterDrawing", function () {
      view.ready = true;
      document.body.setAttribute("data-ready", "1");
    });
    network.redraw();
  }
  if (D.physics && D.nodes.length > 1) {
    network.once("stabilizationIterationsDone", function () {
      network.setOptions({ physics: { enabled: false } });   // settled: stop moving
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
    var href = details[params.nodes[0]].href;
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
    [n.label].concat(details[n.id].aliases).forEach(function (name) {
      var k = norm(name);
      (byName[k] = byName[k] || []).push(n.id);
      names.push(name);
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
      nodes.update(D.nodes.filter(function (n) { return details[n.id].clsName === cls; })
        .map(function (n) { return { id: n.id, hidden: hide }; }));
    });
  });

  // colour by class or by community
  var communityPalette = ["#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1",
                          "#ff9da7", "#9c755f", "#bab0ac", "#1f77b4", "#2ca02c", "#d62728", "#9467bd"];
  document.querySelectorAll("input[name=dg-colour]").forEach(function (radio) {
    radio.addEventListener("change", function () {
      var byCommunity = radio.value === "community" && radio.checked;
      nodes.update(D.nodes.map(function (n) {
        var c = details[n.id].community;
        return { id: n.id, color: byCommunity ? communityPalette[(c - 1) % communityPalette.length] : classColour[n.id] };
      }));
    });
  });

  if (D.focus && details[D.focus]) network.selectNodes([D.focus]);
})();
