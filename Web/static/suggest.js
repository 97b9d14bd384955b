// Suggested themes and SDG targets on the entry forms.
//
// As the title, summary, description or tags are typed, the text is sent (after a pause) to
// GET /api/v1/suggestions, and the suggested themes and SDG targets are listed under their lists; one click on a
// suggestion chooses it in the list. Without JavaScript the server lists the same suggestions, with checkboxes,
// whenever the form is shown again (after a validation error, or when editing).
(function () {
  "use strict";

  var DELAY = 400;
  var SOURCES = ["field-title", "field-summary", "field-description", "field-tags"];
  var KEYS = { "field-themes": "themes", "field-sdg_targets": "sdg_targets" };

  function start() {
    var form = document.querySelector("form.entry-form");
    if (!form || !window.fetch) return;
    var boxes = Array.prototype.slice.call(form.querySelectorAll("[data-suggest-for]"));
    var sources = SOURCES.map(function (id) { return document.getElementById(id); }).filter(Boolean);
    if (!boxes.length || !sources.length) return;

    var latest = { themes: [], sdg_targets: [] };
    var timer = null;
    var sequence = 0;
    var controller = null;

    function selectFor(box) { return document.getElementById(box.getAttribute("data-suggest-for")); }

    function optionFor(select, value) {
      for (var i = 0; i < select.options.length; i++) {
        if (select.options[i].value === value) return select.options[i];
      }
      return null;
    }

    // Labels in the page's language (<html lang>), else English.
    var language = document.documentElement.lang || "en";

    function labelOf(item) {
      var text = item.label && (item.label[language] || item.label.en) ? (item.label[language] || item.label.en) : (item.slug || item.id);
      return item.id ? item.id + " " + text : text;
    }

    // Lists the suggestions of one box: a chosen value as a mark, the others as buttons that choose them.
    function render(box) {
      var select = selectFor(box);
      var items = latest[KEYS[box.getAttribute("data-suggest-for")]] || [];
      while (box.firstChild) box.removeChild(box.firstChild);
      if (!select || !items.length) return;
      var title = document.createElement("p");
      title.className = "help";
      // The page writes the title and the button label in its language.
      title.textContent = box.getAttribute("data-suggest-title") + " " + box.getAttribute("data-suggest-hint");
      var list = document.createElement("ul");
      list.className = "inline-list";
      items.forEach(function (item) {
        var value = item.slug || item.id;
        var option = optionFor(select, value);
        if (!option) return;
        var entry = document.createElement("li");
        if (option.selected) {
          var mark = document.createElement("span");
          mark.className = "chip";
          mark.textContent = "\u2713 " + labelOf(item);
          entry.appendChild(mark);
        } else {
          var button = document.createElement("button");
          button.type = "button";
          button.className = "button secondary";
          button.textContent = "+ " + labelOf(item);
          button.setAttribute("aria-label", box.getAttribute("data-suggest-add") + " " + labelOf(item));
          button.addEventListener("click", function () {
            option.selected = true;
            select.dispatchEvent(new Event("change", { bubbles: true }));
            render(box);
          });
          entry.appendChild(button);
        }
        list.appendChild(entry);
      });
      if (!list.childNodes.length) return;
      box.appendChild(title);
      box.appendChild(list);
    }

    function renderAll() { boxes.forEach(render); }

    function request() {
      var texts = sources.map(function (field) { return field.value.trim(); }).filter(function (text) { return text; });
      if (texts.join("").length < 3) {
        latest = { themes: [], sdg_targets: [] };
        renderAll();
        return;
      }
      var query = texts.map(function (text) { return "text=" + encodeURIComponent(text.slice(0, 20000)); }).join("&");
      var mine = ++sequence;
      if (controller) controller.abort();
      controller = window.AbortController ? new AbortController() : null;
      fetch("/api/v1/suggestions?" + query, { headers: { Accept: "application/json" }, signal: controller ? controller.signal : undefined })
        .then(function (response) { return response.ok ? response.json() : null; })
        .then(function (answer) {
          if (!answer || mine !== sequence) return;
          latest = { themes: answer.themes || [], sdg_targets: answer.sdg_targets || [] };
          renderAll();
        })
        .catch(function () { /* keep what is shown */ });
    }

    function schedule() {
      if (timer) clearTimeout(timer);
      timer = setTimeout(request, DELAY);
    }

    // Checkboxes written by the server choose their value in the list too, so that the list shows the choice.
    boxes.forEach(function (box) {
      var select = selectFor(box);
      Array.prototype.forEach.call(box.querySelectorAll("input[type=checkbox]"), function (checkbox) {
        checkbox.addEventListener("change", function () {
          var option = select && optionFor(select, checkbox.value);
          if (option) option.selected = checkbox.checked;
        });
      });
      if (select) select.addEventListener("change", function () { if (latest.themes.length || latest.sdg_targets.length) render(box); });
    });
    sources.forEach(function (field) { field.addEventListener("input", schedule); });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
