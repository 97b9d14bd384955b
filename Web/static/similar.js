// The similar-entry warning while a new entry is typed.
//
// As the title, summary (or description), country and themes change, the form asks (after a pause)
// GET /innovations/similar or /needs/similar for the entries of the same country and theme that look like this one,
// and shows the list the server renders above the form. Without JavaScript the same list is shown when the form is
// submitted, with a box to tick to save anyway.
(function () {
  "use strict";

  var DELAY = 600;
  var FIELDS = ["field-title", "field-summary", "field-description", "field-origin_country", "field-country", "field-themes"];
  var NAMES = ["title", "summary", "description", "origin_country", "country"];

  function start() {
    var box = document.getElementById("similar-entries");
    var form = document.querySelector("form.entry-form");
    if (!box || !form || !window.fetch || !window.URLSearchParams) return;
    var url = box.getAttribute("data-similar-url");
    if (!url) return;
    var timer = null;
    var sequence = 0;

    function query() {
      var params = new URLSearchParams();
      NAMES.forEach(function (name) {
        var field = form.elements[name];
        if (field && field.value) params.append(name, field.value);
      });
      var themes = form.elements["themes"];
      if (themes && themes.options) {
        Array.prototype.forEach.call(themes.options, function (option) {
          if (option.selected) params.append("themes", option.value);
        });
      }
      return params;
    }

    function ask() {
      var params = query();
      if (!params.get("title")) return;
      var mine = ++sequence;
      fetch(url + "?" + params.toString(), { credentials: "same-origin", headers: { "Accept": "text/html" } })
        .then(function (response) { return response.ok ? response.text() : null; })
        .then(function (html) {
          // The server escapes every value in the fragment; an older answer never replaces a newer one.
          if (html === null || mine !== sequence) return;
          box.innerHTML = html;
        })
        .catch(function () { /* the warning is a help, never a blocker: the server checks again on submit */ });
    }

    function later() {
      if (timer) clearTimeout(timer);
      timer = setTimeout(ask, DELAY);
    }

    FIELDS.forEach(function (id) {
      var field = document.getElementById(id);
      if (!field) return;
      field.addEventListener("input", later);
      field.addEventListener("change", later);
    });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
