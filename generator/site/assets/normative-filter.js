/* 规范性文件库: a two-select form that jumps to the static filter page of the chosen status and year.
   Without JavaScript the filter links above it do the same: every filter state is a real page.
   It navigates on submit only, never on change (WCAG 3.2.2: choosing an option must not move the user). */
(function () {
  "use strict";
  document.querySelectorAll("form.gov-filter-form").forEach(function (form) {
    var combos;
    try { combos = JSON.parse(form.getAttribute("data-combos") || "{}"); } catch (e) { return; }
    var root = form.getAttribute("data-root") || "./";
    var none = form.querySelector(".gov-filter-form__none");
    function go(event) {
      if (event) { event.preventDefault(); }
      var key = form.elements.status.value + "|" + form.elements.year.value;
      var target = combos[key];
      if (target === undefined) {
        if (none) { none.hidden = false; }
        return;
      }
      if (none) { none.hidden = true; }
      window.location.href = root + target;
    }
    form.addEventListener("submit", go);
    form.hidden = false;
  });
})();
