// Names and roles the admin's third-party widgets leave out.
"use strict";
window.addEventListener("DOMContentLoaded", function () {
  function labelText(select) {
    const label = select.id && document.querySelector('label[for="' + select.id + '"]');
    return label ? label.textContent.replace(/:\s*$/, "").trim() : "";
  }

  function fix() {
    // Select2 (autocomplete fields): its search box has no label, and its list of chosen
    // items holds a <span>, so the list is no list: name the box after the field, and
    // present the chosen items as the combobox's content.
    document.querySelectorAll(".select2-container").forEach(function (container) {
      const select = container.previousElementSibling;
      const name = select && select.tagName === "SELECT" ? labelText(select) : "";
      container.querySelectorAll(".select2-search__field").forEach(function (field) {
        if (name && !field.hasAttribute("aria-label")) field.setAttribute("aria-label", name);
      });
      container.querySelectorAll("ul.select2-selection__rendered").forEach(function (list) {
        list.setAttribute("role", "none");
        list.querySelectorAll(":scope > li").forEach(function (item) {
          item.setAttribute("role", "none");
        });
      });
    });
    // SelectFilter (filter_horizontal): the search icon is a bare <span> with an
    // aria-label, which a span without a role may not have. It is an image of a
    // magnifier whose name is the help text.
    document.querySelectorAll("span.help-tooltip[aria-label]").forEach(function (icon) {
      if (!icon.hasAttribute("role")) icon.setAttribute("role", "img");
    });
  }

  fix();
  // Select2 redraws its search box and chosen items on every change, and a new inline
  // form brings new widgets: fix again whenever elements are added. Setting attributes
  // adds none, so this does not feed itself.
  new MutationObserver(fix).observe(document.body, { childList: true, subtree: true });
});
