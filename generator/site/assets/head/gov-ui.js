/* 适老化与无障碍 and the document toolbar. Loaded in <head> (not deferred), so a reader's 字号 and
   高对比度 choice is on the page before it is first drawn, on every page (localStorage).
   Without JavaScript nothing here is needed: the page renders at the default size and colours, the
   browser prints and its address bar copies, and the controls stay hidden. */
(function () {
  "use strict";
  var root = document.documentElement;
  var SIZES = ["", "large", "xlarge"];
  function load(key) { try { return window.localStorage.getItem(key) || ""; } catch (e) { return ""; } }
  function save(key, value) {
    try { if (value) { window.localStorage.setItem(key, value); } else { window.localStorage.removeItem(key); } } catch (e) { /* private mode */ }
  }
  function apply(size, contrast) {
    if (SIZES.indexOf(size) > 0) { root.setAttribute("data-gov-size", size); } else { root.removeAttribute("data-gov-size"); }
    if (contrast === "high") { root.setAttribute("data-gov-contrast", "high"); } else { root.removeAttribute("data-gov-contrast"); }
  }
  apply(load("gov-size"), load("gov-contrast"));

  // A table wider than its frame scrolls: make the frame reachable by keyboard and say it scrolls.
  function markScrolling() {
    document.querySelectorAll(".gov-table-wrap, .md-typeset__scrollwrap").forEach(function (wrap, n) {
      if (wrap.scrollWidth > wrap.clientWidth + 1) {
        var caption = wrap.querySelector("caption");
        var name = caption ? caption.textContent.trim() : "表格" + (n + 1);  // each region named apart
        wrap.setAttribute("tabindex", "0");
        wrap.setAttribute("role", "region");
        wrap.setAttribute("aria-label", name + "（可左右滚动）");
        wrap.setAttribute("data-gov-scrolls", "");
      } else if (wrap.hasAttribute("data-gov-scrolls")) {
        ["tabindex", "role", "aria-label", "data-gov-scrolls"].forEach(function (a) { wrap.removeAttribute(a); });
      }
    });
  }

  function pressed() {
    var size = root.getAttribute("data-gov-size") || "";
    var high = root.getAttribute("data-gov-contrast") === "high";
    document.querySelectorAll("[data-gov-size-step]").forEach(function (b) {
      b.setAttribute("aria-pressed", String(b.getAttribute("data-gov-size-step") === size));
    });
    document.querySelectorAll("[data-gov-contrast-toggle]").forEach(function (b) {
      b.setAttribute("aria-pressed", String(high));
    });
  }

  function copy(text, done) {
    function fallback() {
      var field = document.createElement("textarea");
      field.value = text;
      field.setAttribute("readonly", "");
      field.className = "gov-sr-only";
      document.body.appendChild(field);
      field.select();
      var ok = false;
      try { ok = document.execCommand("copy"); } catch (e) { ok = false; }
      document.body.removeChild(field);
      done(ok);
    }
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(function () { done(true); }, fallback);
    } else {
      fallback();
    }
  }

  function ready() {
    document.querySelectorAll("[data-gov-js]").forEach(function (el) { el.hidden = false; });
    document.querySelectorAll("[data-gov-size-step]").forEach(function (b) {
      b.addEventListener("click", function () {
        var size = b.getAttribute("data-gov-size-step") || "";
        save("gov-size", size);
        apply(size, root.getAttribute("data-gov-contrast"));
        pressed();
        markScrolling();
      });
    });
    document.querySelectorAll("[data-gov-contrast-toggle]").forEach(function (b) {
      b.addEventListener("click", function () {
        var contrast = root.getAttribute("data-gov-contrast") === "high" ? "" : "high";
        save("gov-contrast", contrast);
        apply(root.getAttribute("data-gov-size") || "", contrast);
        pressed();
      });
    });
    document.querySelectorAll("[data-gov-print]").forEach(function (b) {
      b.addEventListener("click", function () { window.print(); });
    });
    document.querySelectorAll("[data-gov-copy]").forEach(function (b) {
      b.addEventListener("click", function () {
        var status = b.parentNode.querySelector("[role=status]");
        copy(b.getAttribute("data-gov-copy"), function (ok) {
          if (status) { status.textContent = ok ? "链接已复制" : "复制失败，请从地址栏复制"; }
        });
      });
    });
    pressed();
    markScrolling();
    window.addEventListener("resize", markScrolling);
    // The theme wraps Markdown tables in its own scrolling frame after loading: look again then.
    window.addEventListener("load", function () { window.setTimeout(markScrolling, 0); });
    if (window.MutationObserver) {
      new MutationObserver(function (changes) {
        if (changes.some(function (c) { return c.addedNodes.length; })) { markScrolling(); }
      }).observe(document.querySelector(".md-content") || document.body, {childList: true, subtree: true});
    }
  }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", ready); } else { ready(); }
})();
