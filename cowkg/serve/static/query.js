// The query page: YASGUI (served from /static/yasgui/, no CDN) pointed at this server's
// /sparql, with the example queries one click away. Autocompletion uses only local data:
// the prefix list comes from /prefixes.json, and the LOV class/property lookups are off.
// URL parameters: ?query=TEXT fills the editor, ?example=NAME loads an example, &run=1 runs it.
(function () {
  "use strict";
  const root = document.getElementById("yasgui");
  const examples = JSON.parse(document.getElementById("example-queries").textContent);
  const params = new URLSearchParams(window.location.search);
  const endpoint = root.dataset.endpoint;
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
  const tab = yasgui.getTab();
  tab.setEndpoint(endpoint);

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
