// The query page: YASGUI (vendored) configured for this server's /sparql endpoint, with defgraph's
// examples, prefixes and terms, a query history, permalinks (/?query=…), and result views that
// show /graph and /map (and any other view the server lists) for the current query.
"use strict";
(function () {
  const config = JSON.parse(document.getElementById("config").textContent);
  const $ = (id) => document.getElementById(id);
  const here = (path) => new URL("./" + path.replace(/^\//, ""), document.baseURI).toString();
  const endpoint = here("sparql");
  const base = config.base;
  const HISTORY_KEY = "defgraph.history";
  const HISTORY_SIZE = 50;
  const Yasqe = Yasgui.Yasqe, Yasr = Yasgui.Yasr;

  function localHref(iri) {
    // IRIs minted by defgraph have pages on this server, whatever host they were minted for
    return iri.startsWith(base + "id/") ? here(iri.slice(base.length)) : null;
  }

  // --- autocompletion from defgraph's own prefixes and ontology: nothing is asked of any other
  // host (YASQE's own class and property completers ask Linked Open Vocabularies)
  const prefixLines = Object.entries(config.prefixes).map(([p, iri]) => `${p}: <${iri}>`).sort();
  Yasqe.registerAutocompleter({ ...Yasqe.Autocompleters.prefixes, persistenceId: null,
                                get: () => Promise.resolve(prefixLines) }, true);
  for (const [name, terms] of [["class", config.terms.classes], ["property", config.terms.properties]]) {
    Yasqe.registerAutocompleter({ ...Yasqe.Autocompleters[name], bulk: true, autoShow: true,
                                  persistenceId: null, get: terms }, true);
  }

  // --- the table: entity IRIs open their page on this server, in this window (others a new one)
  const BaseTable = Yasr.plugins.table;
  class DefgraphTable extends BaseTable {
    getUriLinkFromBinding(binding, prefixes) {
      const html = super.getUriLinkFromBinding(binding, prefixes);
      const href = localHref(binding.value);
      if (!href) return html;
      const tpl = document.createElement("template");
      tpl.innerHTML = html;          // already sanitised by YASR
      const a = tpl.content.querySelector("a");
      a.href = href;
      a.title = binding.value;
      a.target = "_self";
      return tpl.innerHTML;
    }
  }
  Yasr.registerPlugin("table", DefgraphTable);

  // --- the other views: the server's page for the tab's query, in a frame
  const lastRun = new WeakMap();      // a tab's results view → the query whose results it shows
  function tabQuery(yasr) {
    if (lastRun.has(yasr)) return lastRun.get(yasr);
    const tab = Object.values(yasgui._tabs).find((t) => t.getYasr && t.getYasr() === yasr);
    return tab ? tab.getQuery() : "";
  }
  function viewPlugin(view) {
    return class {
      constructor(yasr) {
        this.yasr = yasr;
        this.label = view.label;
        this.priority = 5;
      }
      canHandleResults() {
        const r = this.yasr.results;
        const vars = (r && r.getVariables()) || [];
        if (!vars.length) return false;
        return !view.needs.length || view.needs.some((cols) => cols.every((c) => vars.includes(c)));
      }
      getIcon() {
        const span = document.createElement("span");     // the button shows the label beside it
        span.className = "dg-view-icon";
        return span;
      }
      draw() {
        const frame = document.createElement("iframe");
        frame.className = "dg-view";
        frame.id = "view-" + view.name;
        frame.title = view.label + " of the query";
        frame.src = here(view.path) + "?query=" + encodeURIComponent(tabQuery(this.yasr));
        this.yasr.resultsEl.appendChild(frame);
      }
    };
  }
  for (const view of config.views) Yasr.registerPlugin(view.name, viewPlugin(view));

  // --- a permalink may name a competency query (/?query=transfers): it opens with its text
  const asked = new URLSearchParams(location.search).get("query");
  const askedInHash = /[#&]query=/.test(location.hash);     // YASGUI empties the hash as it reads it
  const named = asked && config.examples.find((e) => e.name === asked.trim());
  if (named) {
    history.replaceState(null, "", here("") + "?query=" + encodeURIComponent(named.query));
    $("question").textContent = named.question;
  }

  // --- the editor
  const yasgui = new Yasgui(document.getElementById("yasgui"), {
    persistenceId: "defgraph",
    copyEndpointOnNewTab: true,
    requestConfig: { endpoint, method: "POST", acceptHeaderGraph: "text/turtle,*/*;q=0.9" },
    endpointCatalogueOptions: { getData: () => [{ endpoint }] },
    // a permalink sets the query (and view), never where it is sent or what else goes with it
    populateFromUrl: (tab) => {
      tab.requestConfig.endpoint = endpoint;
      tab.requestConfig.args = [];
      tab.requestConfig.headers = {};
      return tab;
    },
    yasqe: { value: config.defaultQuery, prefixCcApi: null, editorHeight: "260px",
             autocompleters: ["prefixes", "variables", "class", "property"] },
    yasr: { prefixes: config.prefixes, pluginOrder: ["table", "response", ...config.views.map((v) => v.name)],
            defaultPlugin: "table" },
  });
  window.defgraphYasgui = yasgui;     // for the console and the tests

  // --- links that carry the current query: downloads, the other pages, the permalink
  function setLinks(query) {
    if (!query.trim()) return;
    const enc = encodeURIComponent(query);
    $("download-csv").href = endpoint + "?format=csv&query=" + enc;
    $("download-json").href = endpoint + "?format=json&query=" + enc;
    for (const view of config.views) $("open-" + view.name).href = here(view.path) + "?query=" + enc;
    const permalink = here("") + "?query=" + enc;
    $("permalink").href = permalink;
    $("result-links").hidden = false;
    history.replaceState(null, "", permalink);
  }

  // --- history of the queries run in this browser
  function loadHistory() {
    try { return JSON.parse(localStorage.getItem(HISTORY_KEY) || "[]"); } catch (e) { return []; }
  }
  function drawHistory() {
    const select = $("history");
    select.replaceChildren(new Option("—", ""));
    for (const item of loadHistory()) {
      const first = item.query.split("\n").find((l) => l.trim() && !/^\s*(PREFIX|BASE|#)/i.test(l)) || item.query;
      select.add(new Option(`${new Date(item.at).toLocaleString()} · ${first.trim().slice(0, 80)}`, item.query));
    }
  }
  function remember(query) {
    const items = loadHistory().filter((item) => item.query !== query);
    items.unshift({ query, at: Date.now() });
    try { localStorage.setItem(HISTORY_KEY, JSON.stringify(items.slice(0, HISTORY_SIZE))); } catch (e) { /* full */ }
    drawHistory();
  }
  $("history").addEventListener("change", (ev) => {
    if (!ev.target.value) return;
    const tab = yasgui.getTab();
    tab.setQuery(ev.target.value);
    tab.query().catch(() => {});
  });
  drawHistory();

  function ran(tab) {
    const query = tab.getQuery();
    lastRun.set(tab.getYasr(), query);
    remember(query);
    setLinks(query);
  }
  yasgui.on("query", (instance, tab) => ran(tab));
  // a permalink's query was run while YASGUI was being built, before the listener above
  if (asked || askedInHash) ran(yasgui.getTab());
  yasgui.on("tabSelect", () => setTimeout(() => setLinks(yasgui.getTab().getQuery()), 0));

  // --- the competency queries as one-click examples
  for (const button of document.querySelectorAll("button.example")) {
    button.addEventListener("click", () => {
      const ex = config.examples.find((e) => e.name === button.dataset.name);
      const tab = yasgui.getTab();
      tab.setQuery(ex.query);
      $("question").textContent = ex.question;
      tab.query().catch(() => {});
    });
  }
})();
