// The query page: run SPARQL against /sparql, show results as a table with links to entity pages.
"use strict";
(function () {
  const config = JSON.parse(document.getElementById("config").textContent);
  const $ = (id) => document.getElementById(id);
  const editor = $("query"), results = $("results"), statusLine = $("status"), errorBox = $("error");
  const endpoint = new URL("sparql", document.baseURI).toString();
  const base = config.base;

  function localHref(iri) {
    // IRIs minted by defgraph have pages on this server, whatever host they were minted for
    if (iri.startsWith(base + "id/")) return new URL(iri.slice(base.length), document.baseURI).toString();
    return null;
  }

  function cell(term) {
    const td = document.createElement("td");
    if (!term) return td;
    if (term.type === "uri") {
      const href = localHref(term.value);
      const a = document.createElement(href ? "a" : "span");
      if (href) a.href = href;
      a.textContent = term.value;
      a.title = term.value;
      td.appendChild(a);
    } else if (term.type === "bnode") {
      td.textContent = "_:" + term.value;
    } else {
      td.textContent = term.value;
      const note = term["xml:lang"] || "";
      if (note) {
        const small = document.createElement("small");
        small.className = "note";
        small.textContent = " @" + note;
        td.appendChild(small);
      }
    }
    return td;
  }

  function renderTable(data) {
    const table = document.createElement("table");
    table.id = "result-table";
    const head = table.createTHead().insertRow();
    for (const v of data.head.vars) {
      const th = document.createElement("th");
      th.textContent = v;
      head.appendChild(th);
    }
    const body = table.createTBody();
    for (const row of data.results.bindings) {
      const tr = body.insertRow();
      for (const v of data.head.vars) tr.appendChild(cell(row[v]));
    }
    results.replaceChildren(table);
    return data.results.bindings.length;
  }

  function setLinks(query) {
    const enc = encodeURIComponent(query);
    const csv = $("download-csv"), json = $("download-json"), graph = $("show-graph");
    csv.href = endpoint + "?format=csv&query=" + enc;
    csv.setAttribute("download", "results.csv");
    json.href = endpoint + "?format=json&query=" + enc;
    json.setAttribute("download", "results.json");
    graph.href = new URL("graph", document.baseURI).toString() + "?query=" + enc;
    for (const a of [csv, json, graph]) a.hidden = false;
  }

  async function run() {
    const query = editor.value;
    errorBox.hidden = true;
    statusLine.textContent = "Running…";
    const started = performance.now();
    let resp;
    try {
      resp = await fetch(endpoint, {
        method: "POST",
        headers: { "Content-Type": "application/sparql-query",
                   "Accept": "application/sparql-results+json, text/turtle;q=0.9" },
        body: query,
      });
    } catch (err) {
      statusLine.textContent = "";
      errorBox.textContent = "The server could not be reached: " + err;
      errorBox.hidden = false;
      return;
    }
    const text = await resp.text();
    const ms = Math.round(performance.now() - started);
    if (!resp.ok) {
      statusLine.textContent = `Error ${resp.status} after ${ms} ms`;
      errorBox.textContent = text;
      errorBox.hidden = false;
      results.replaceChildren();
      return;
    }
    setLinks(query);
    const type = (resp.headers.get("Content-Type") || "").split(";")[0];
    const cut = resp.headers.get("X-Defgraph-Truncated");
    if (type === "application/sparql-results+json") {
      const data = JSON.parse(text);
      if ("boolean" in data) {
        results.replaceChildren(Object.assign(document.createElement("p"),
          { id: "boolean-result", textContent: "Answer: " + data.boolean }));
        statusLine.textContent = `Answered in ${ms} ms`;
      } else {
        const n = renderTable(data);
        statusLine.textContent = `${n} row${n === 1 ? "" : "s"} in ${ms} ms` + (cut ? ` (${cut})` : "");
      }
    } else {
      const pre = document.createElement("pre");
      pre.className = "graph";
      pre.textContent = text;
      results.replaceChildren(pre);
      statusLine.textContent = `Graph in ${ms} ms` + (cut ? ` (${cut})` : "");
    }
  }

  $("query-form").addEventListener("submit", (ev) => { ev.preventDefault(); run(); });
  editor.addEventListener("keydown", (ev) => {
    if (ev.key === "Enter" && (ev.ctrlKey || ev.metaKey)) { ev.preventDefault(); run(); }
  });
  for (const button of document.querySelectorAll("button.example")) {
    button.addEventListener("click", () => {
      const ex = config.examples.find((e) => e.name === button.dataset.name);
      editor.value = ex.query;
      $("question").textContent = ex.question;
      run();
    });
  }
})();
