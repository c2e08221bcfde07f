// Document page: selecting a marked piece of text opens every stance whose quote covers it
// (the innermost first) in the side panel, and marks all of those quotes. Without this script
// the marks are plain links to the innermost stance's details.
(function () {
  "use strict";
  const text = document.getElementById("doc-text");
  const status = document.getElementById("selected-status");
  if (!text) return;
  // The details the last selection opened: opening one of them is no new selection.
  let selected = [];

  function select(numbers, focusPanel) {
    const details = numbers.map(n => document.getElementById("stance-" + n)).filter(Boolean);
    if (!details.length) return;
    selected = details;
    for (const open of document.querySelectorAll("details.stance-detail[open]")) {
      if (!details.includes(open)) open.open = false;
    }
    for (const detail of details) detail.open = true;
    for (const mark of text.querySelectorAll("mark.evidence")) {
      const covered = mark.dataset.stances.split(" ");
      const selected = numbers.some(n => covered.includes(n));
      mark.classList.toggle("selected", selected);
      mark.firstElementChild.setAttribute("aria-current", selected ? "true" : "false");
    }
    details[0].scrollIntoView({ block: "nearest" });
    if (focusPanel) details[0].querySelector("summary").focus({ preventScroll: true });
    status.textContent = "Selected: " + details.map(d =>
      d.querySelector("summary").textContent.trim().replace(/\s+/g, " ")).join("; ");
    history.replaceState(null, "", "#stance-" + numbers[0]);
  }

  text.addEventListener("click", function (event) {
    const link = event.target.closest("mark.evidence a");
    if (!link) return;
    event.preventDefault();
    select(link.parentElement.dataset.stances.split(" "), false);
  });

  for (const detail of document.querySelectorAll("details.stance-detail")) {
    detail.addEventListener("toggle", function () {
      if (detail.open && !selected.includes(detail)) select([detail.dataset.stance], false);
    });
  }

  const wanted = /^#stance-(\d+)$/.exec(location.hash);
  if (wanted) select([wanted[1]], true);
})();
