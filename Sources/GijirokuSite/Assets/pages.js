// Gijiroku static site: the directive register's filters (status and issuer). Rows are
// hidden and shown by attribute; no markup is built from record text.
"use strict";
(function () {
  function apply() {
    var status = document.getElementById("filter-status").value;
    var issuer = document.getElementById("filter-issuer").value;
    var rows = document.querySelectorAll("#register > li");
    var shown = 0;
    for (var i = 0; i < rows.length; i++) {
      var row = rows[i];
      var ok = (!status || row.getAttribute("data-status") === status) && (!issuer || row.getAttribute("data-issuer") === issuer);
      row.hidden = !ok;
      if (ok) shown++;
    }
    var output = document.getElementById("register-count");
    // `{count|one|other}`: the count's noun, one or several.
    output.textContent = output.getAttribute("data-template").replace("{count}", String(shown))
      .replace(/\{count\|([^|}]*)\|([^}]*)\}/g, function (_, one, other) { return shown === 1 ? one : other; });
    var params = new URLSearchParams();
    if (status) params.set("status", status);
    if (issuer) params.set("issuer", issuer);
    var query = params.toString();
    try { history.replaceState(null, "", query ? "?" + query : location.pathname); } catch (e) { /* file:// may refuse */ }
  }
  document.addEventListener("DOMContentLoaded", function () {
    var form = document.getElementById("register-filters");
    if (!form) return;
    var params = new URLSearchParams(location.search);
    if (params.get("status")) document.getElementById("filter-status").value = params.get("status");
    if (params.get("issuer")) document.getElementById("filter-issuer").value = params.get("issuer");
    form.addEventListener("change", apply);
    form.addEventListener("submit", function (event) { event.preventDefault(); apply(); });
    apply();
  });
})();
