// Material for MkDocs' inline content helper (partials/javascripts/content.html), as a file for the CSP.
(function () {
  var target = document.getElementById(location.hash.slice(1));
  if (target && target.name) target.checked = target.name.startsWith("__tabbed_");
})();
