// Optional: submit the filter form as soon as a filter changes. Off unless the user turns it
// on (WCAG 3.2.2); the choice is remembered in this browser.
(function () {
  var form = document.getElementById("filter-form");
  var toggle = document.getElementById("auto-submit");
  if (!form || !toggle) return;
  var key = "malnordic-auto-submit";
  toggle.closest(".auto-submit").hidden = false;
  toggle.checked = localStorage.getItem(key) === "on";
  toggle.addEventListener("change", function () {
    localStorage.setItem(key, toggle.checked ? "on" : "off");
  });
  form.addEventListener("change", function (event) {
    if (toggle.checked && event.target !== toggle && event.target.type === "checkbox") {
      form.requestSubmit();
    }
  });
})();
