// The query page: YASGUI (served from /static/yasgui/, no CDN) pointed at this server's
// /sparql, with the example queries one click away. Autocompletion uses only local data:
// the prefix list comes from /prefixes.json, and the LOV class/property lookups are off.
// URL parameters: ?query=TEXT fills the editor, ?example=NAME loads an example, &run=1 runs it.
//
// Result tables link every IRI under the dataset's base to this server's page for it (not to
// w3id.org) and show its English label beside it (one SPARQL query per result for the labels);
// an error answer (JSON, docs/endpoint.md) is shown as its message, with line and column for a
// syntax error and the offending line marked in the editor.
(function () {
  "use strict";
  const root = document.getElementById("yasgui");
  const examples = JSON.parse(document.getElementById("example-queries").textContent);
  const params = new URLSearchParams(window.location.search);
  const endpoint = root.dataset.endpoint;
  const base = root.dataset.base;
  const labels = new Map();
  const MAX_LABELLED = 2000;

  function escapeHtml(text) {
    return String(text).replace(/[&<>"']/g, (c) => ({
      "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;",
    })[c]);
  }

  function shortForm(iri, prefixes) {
    for (const prefix in prefixes || {}) {
      if (iri.indexOf(prefixes[prefix]) === 0) { return prefix + ":" + iri.slice(prefixes[prefix].length); }
    }
    return "<" + iri + ">";
  }

  // IRIs under the base link to the local page; every IRI gets a slot for its label.
  const Table = Yasgui.Yasr.plugins.table;
  const original = Table.prototype.getUriLinkFromBinding;
  Table.prototype.getUriLinkFromBinding = function (binding, prefixes) {
    const iri = binding.value;
    const label = "<span class='iri-label' data-iri='" + escapeHtml(iri) + "'>" +
      escapeHtml(labels.get(iri) || "") + "</span>";
    if (!base || iri.indexOf(base) !== 0) { return original.call(this, binding, prefixes) + label; }
    const href = "/" + iri.slice(base.length);
    return "<a class='iri local' href='" + escapeHtml(href) + "' title='" + escapeHtml(iri) + "'>" +
      escapeHtml(shortForm(iri, prefixes)) + "</a>" + label;
  };

  function iriOf(binding) { return binding && binding.type === "uri" ? binding.value : null; }

  async function fetchLabels(iris) {
    const wanted = iris.filter((iri) => !labels.has(iri)).slice(0, MAX_LABELLED);
    if (!wanted.length) { return; }
    wanted.forEach((iri) => labels.set(iri, ""));
    const values = wanted.map((iri) => "<" + iri.replace(/[<>"{}|^`\\\s]/g, "") + ">").join(" ");
    const query = "SELECT ?x (SAMPLE(?l) AS ?label) WHERE { VALUES ?x { " + values + " } " +
      "?x <http://www.w3.org/2000/01/rdf-schema#label> ?l FILTER(lang(?l) = 'en' || lang(?l) = '') } GROUP BY ?x";
    const response = await fetch(endpoint, {
      method: "POST",
      headers: { "Content-Type": "application/sparql-query", Accept: "application/sparql-results+json" },
      body: query,
    });
    if (!response.ok) { return; }
    const data = await response.json();
    data.results.bindings.forEach((b) => labels.set(b.x.value, b.label.value));
  }

  function showLabels(container) {
    container.querySelectorAll(".iri-label").forEach((span) => {
      const label = labels.get(span.dataset.iri) || "";
      span.textContent = label ? label : "";
    });
  }

  // A readable error: the server's JSON error body ({"error": "..."}) as its message; a syntax
  // error ("error at 3:14: expected ...") with its line and column, that line shown and marked.
  function errorBody(error, yasr) {
    const candidates = [error && error.text, yasr.results && yasr.results.res && yasr.results.res.text];
    if (yasr.results && typeof yasr.results.getOriginalResponseAsString === "function") {
      try { candidates.push(yasr.results.getOriginalResponseAsString()); } catch (e) { /* none */ }
    }
    for (const text of candidates) {
      if (typeof text !== "string") { continue; }
      try {
        const body = JSON.parse(text);
        if (body && typeof body.error === "string") { return body; }
      } catch (e) { /* not JSON */ }
    }
    return null;
  }

  function renderError(error, yasr, yasqe) {
    const body = errorBody(error, yasr);
    if (!body) { return undefined; }
    const box = document.createElement("div");
    box.className = "query-error";
    const title = document.createElement("strong");
    const where = /error at (\d+):(\d+): ?([\s\S]*)$/.exec(body.error);
    if (where) {
      const line = Number(where[1]), column = Number(where[2]);
      title.textContent = "Syntax error at line " + line + ", column " + column;
      box.appendChild(title);
      const message = document.createElement("div");
      message.textContent = where[3];
      box.appendChild(message);
      const text = (yasqe.getValue().split("\n")[line - 1] || "");
      const pointer = document.createElement("pre");
      pointer.className = "where";
      pointer.textContent = text + "\n" + " ".repeat(Math.max(column - 1, 0)) + "^";
      box.appendChild(pointer);
      yasqe.addLineClass(line - 1, "background", "query-error-line");
      yasqe.setCursor({ line: line - 1, ch: Math.max(column - 1, 0) });
    } else {
      title.textContent = "Error " + (body.status || "") + ": ";
      box.appendChild(title);
      box.appendChild(document.createTextNode(body.error));
    }
    return box;
  }

  let tab;
  Yasgui.Yasr.defaults.errorRenderers = [
    async (error) => renderError(error, tab.getYasr(), tab.getYasqe()),
  ];
  const yasgui = new Yasgui(root, {
    requestConfig: { endpoint: endpoint, method: "POST" },
    copyEndpointOnNewTab: false,
    persistenceId: null,
    endpointCatalogueOptions: { getData: () => [{ endpoint: endpoint }] },
    yasqe: {
      autocompleters: ["prefixes", "variables"],
      prefixCcApi: "/prefixes.json",
      resizeable: true,
    },
    yasr: { prefixes: {} },
  });
  tab = yasgui.getTab();
  tab.setEndpoint(endpoint);

  const yasr = tab.getYasr();
  yasr.on("drawn", async function () {
    const bindings = (yasr.results && yasr.results.getBindings && yasr.results.getBindings()) || [];
    const iris = [];
    bindings.forEach((row) => Object.values(row).forEach((b) => { const iri = iriOf(b); if (iri) { iris.push(iri); } }));
    await fetchLabels(Array.from(new Set(iris)));
    showLabels(yasr.resultsEl);
  });
  tab.getYasqe().on("change", function (yasqe) {
    for (let i = 0; i < yasqe.lineCount(); i++) { yasqe.removeLineClass(i, "background", "query-error-line"); }
  });

  function load(text, run) {
    tab.setQuery(text);
    if (run) { tab.query(); }
  }

  document.querySelectorAll("[data-example]").forEach(function (link) {
    link.addEventListener("click", function (event) {
      event.preventDefault();
      load(examples[link.dataset.example], false);
      document.querySelectorAll("[data-example].active").forEach((a) => a.classList.remove("active"));
      link.classList.add("active");
    });
  });

  const run = params.get("run") === "1";
  if (params.get("query")) {
    load(params.get("query"), run);
  } else if (params.get("example") && examples[params.get("example")]) {
    load(examples[params.get("example")], run);
  }
})();
