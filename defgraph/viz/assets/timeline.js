/* defgraph timeline: the items in #dg-data on a vis-timeline (at most data.limit at once, the most
   recent), filtered by the header's selects,
   whose values are kept in the page's address (?supplier=…&status=…) so that a filtered view can
   be bookmarked and shared; a selected item shows its sentences, with links to its page and its
   articles. Every text is set as text, never as HTML. */
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("dg-data").textContent);
  var all = data.items.map(function (it) {
    var cls = "dg-" + it.category + (it.status === "delivered" ? " dg-delivered" : "");
    var item = { id: it.id, content: it.content, start: it.start, className: cls, title: it.content };
    if (it.end) { item.end = it.end; item.type = "range"; } else { item.type = "point"; }
    return item;
  });
  var byId = {};
  data.items.forEach(function (it) { byId[it.id] = it; });
  var shown = new vis.DataSet([]);   // filled by refresh(), below
  var timeline = new vis.Timeline(document.getElementById("dg-timeline"), shown, {
    stack: true, zoomable: true, horizontalScroll: true, zoomKey: "ctrlKey", xss: { disabled: false }
  });
  var selects = Array.prototype.slice.call(document.querySelectorAll("select[data-filter]"));
  var count = document.getElementById("dg-count");

  function matches(it) {
    return selects.every(function (s) {
      var v = s.value, f = s.getAttribute("data-filter");
      if (!v) return true;
      if (f === "country") return it.countries.indexOf(v) >= 0;
      if (f === "supplier") return it.suppliers.indexOf(v) >= 0;
      if (f === "recipient") return it.recipients.indexOf(v) >= 0;
      if (f === "equipment") return it.systems.indexOf(v) >= 0;
      if (f === "category") return it.category === v;
      if (f === "status") return it.status === v;
      return true;
    });
  }
  // above the limit the most recent items are drawn, and the count says how many of how many
  var limit = data.limit || all.length;
  function refresh() {
    var keep = all.filter(function (item) { return matches(byId[item.id]); });
    var total = keep.length;
    if (total > limit) {
      keep = keep.slice().sort(function (a, b) { return a.start < b.start ? 1 : a.start > b.start ? -1 : 0; }).slice(0, limit);
    }
    shown.clear();
    shown.add(keep);
    count.textContent = total > keep.length ?
      "showing " + keep.length + " of " + total + " items (the most recent; a filter narrows them)" : keep.length + " items";
    if (keep.length) timeline.fit({ animation: false });
  }
  // the filters in the address: read once, written back on every change (a value that is not
  // among a select's options is ignored)
  function fromAddress() {
    var params = new URLSearchParams(window.location.search);
    selects.forEach(function (s) {
      var v = params.get(s.getAttribute("data-filter"));
      if (v !== null && Array.prototype.some.call(s.options, function (o) { return o.value === v; })) s.value = v;
    });
  }
  function toAddress() {
    var params = new URLSearchParams(window.location.search);
    selects.forEach(function (s) {
      if (s.value) params.set(s.getAttribute("data-filter"), s.value);
      else params.delete(s.getAttribute("data-filter"));
    });
    var query = params.toString();
    try {
      window.history.replaceState(null, "", window.location.pathname + (query ? "?" + query : "") + window.location.hash);
    } catch (e) { /* a page opened from a file may not rewrite its address */ }
  }
  selects.forEach(function (s) { s.addEventListener("change", function () { refresh(); toAddress(); }); });
  fromAddress();
  refresh();

  function link(text, href) {
    if (!href || !/^(https?:)?\//.test(href)) { var span = document.createElement("span"); span.textContent = text; return span; }
    var a = document.createElement("a");
    a.textContent = text;
    a.href = href;
    return a;
  }
  timeline.on("select", function (props) {
    var box = document.getElementById("dg-details");
    box.textContent = "";
    var it = byId[props.items[0]];
    if (!it) return;
    var h = document.createElement("h2");
    h.appendChild(link(it.content, it.href));
    box.appendChild(h);
    var p = document.createElement("p");
    p.textContent = [it.category, it.status, it.start + (it.end ? " – " + it.end : ""), it.actors.join(", "),
                     it.systems.join(", ")].filter(Boolean).join(" · ");
    box.appendChild(p);
    it.sentences.forEach(function (s) {
      var q = document.createElement("blockquote");
      q.textContent = s.text + " ";
      q.appendChild(link("(" + s.title + ")", s.href));
      box.appendChild(q);
    });
  });
  window.defgraphTimeline = { timeline: timeline, shown: shown };
  document.body.setAttribute("data-items", String(all.length));
  document.body.setAttribute("data-ready", "1");
})();
