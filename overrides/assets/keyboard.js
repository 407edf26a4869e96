// Keyboard use of the theme's header on a narrow window (phones, or a desktop at 400% zoom).
// Material's menu and search buttons are <label for="…"> elements that toggle hidden checkboxes:
// a label takes no focus and ignores Enter and Space. Here they become buttons a keyboard can use:
// focusable, named, with aria-expanded; opening the menu moves the focus into it, Escape closes it
// and gives the focus back. A closed drawer or search takes no focus at all (CSS in calc.css hides
// them with visibility, which also works without this script).
(function () {
  "use strict";

  function focusFirst(container) {
    var target = container && container.querySelector("a[href], input:not([type=hidden]), button");
    if (target) target.focus();
  }

  function bindToggle(label, toggle, onOpen) {
    label.setAttribute("tabindex", "0");
    label.setAttribute("role", "button");
    if (!label.hasAttribute("aria-label")) {
      label.setAttribute("aria-label", label.getAttribute("title") || toggle.getAttribute("aria-label") || toggle.id);
    }
    var sync = function () {
      label.setAttribute("aria-expanded", toggle.checked ? "true" : "false");
    };
    sync();
    toggle.addEventListener("change", sync);
    label.addEventListener("keydown", function (event) {
      if (event.key !== "Enter" && event.key !== " ") return;
      event.preventDefault();
      event.stopPropagation(); // the theme clicks a focused label on Enter itself: not twice
      label.click(); // toggles the checkbox and lets the theme react to its change
      sync();
      if (toggle.checked && onOpen) requestAnimationFrame(onOpen);
    });
    return sync;
  }

  function init() {
    var drawer = document.getElementById("__drawer");
    var menu = document.querySelector('.md-header label[for="__drawer"]');
    var search = document.getElementById("__search");
    var searchButton = document.querySelector('.md-header label[for="__search"]');
    var sidebar = document.querySelector(".md-sidebar--primary");
    var menuName = document.documentElement.lang.indexOf("zh") === 0 ? "菜单" : "Menu";

    if (drawer && menu) {
      menu.setAttribute("aria-label", menuName);
      if (sidebar) {
        if (!sidebar.id) sidebar.id = "md-primary-navigation";
        menu.setAttribute("aria-controls", sidebar.id);
      }
      var syncMenu = bindToggle(menu, drawer, function () {
        focusFirst(sidebar);
      });
      document.addEventListener("keydown", function (event) {
        if (event.key !== "Escape" || !drawer.checked) return;
        drawer.checked = false;
        drawer.dispatchEvent(new Event("change"));
        syncMenu();
        menu.focus();
      });
    }
    if (search && searchButton) {
      var syncSearch = bindToggle(searchButton, search, function () {
        var input = document.querySelector(".md-search__input");
        if (input) input.focus();
      });
      search.addEventListener("change", syncSearch);
    }
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
