// Document page: selecting a marked quote opens its stance in the side panel and marks every
// piece of that quote. Without this script the marks are plain links to the same details.
(function () {
  "use strict";
  const text = document.getElementById("doc-text");
  const status = document.getElementById("selected-status");
  if (!text) return;

  function select(number, focusPanel) {
    const detail = document.getElementById("stance-" + number);
    if (!detail) return;
    for (const open of document.querySelectorAll("details.stance-detail[open]")) {
      if (open !== detail) open.open = false;
    }
    detail.open = true;
    for (const mark of text.querySelectorAll("mark.evidence")) {
      const selected = mark.dataset.stances.split(" ").includes(number);
      mark.classList.toggle("selected", selected);
      mark.firstElementChild.setAttribute("aria-current", selected ? "true" : "false");
    }
    detail.scrollIntoView({ block: "nearest" });
    if (focusPanel) detail.querySelector("summary").focus({ preventScroll: true });
    status.textContent = "Selected: " + detail.querySelector("summary").textContent.trim();
    history.replaceState(null, "", "#stance-" + number);
  }

  text.addEventListener("click", function (event) {
    const link = event.target.closest("mark.evidence a");
    if (!link) return;
    event.preventDefault();
    select(link.parentElement.dataset.stances.split(" ")[0], false);
  });

  for (const detail of document.querySelectorAll("details.stance-detail")) {
    detail.addEventListener("toggle", function () {
      if (detail.open) select(detail.dataset.stance, false);
    });
  }

  const wanted = /^#stance-(\d+)$/.exec(location.hash);
  if (wanted) select(wanted[1], true);
})();
