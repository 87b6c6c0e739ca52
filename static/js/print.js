// The report's "Print or save as PDF" button: it needs JavaScript to work, so it stays
// hidden unless this script runs. Without it, the browser's own print command does the same.
(function () {
  var button = document.getElementById("print-button");
  if (!button || typeof window.print !== "function") return;
  button.hidden = false;
  button.addEventListener("click", function () {
    window.print();
  });
})();
