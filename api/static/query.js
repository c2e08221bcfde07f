// Query page: CodeMirror over the query's textarea (SPARQL highlighting, line numbers).
// Tab leaves the editor, as in any form field; Ctrl+Enter (Cmd+Enter) runs the query.
(function () {
  "use strict";
  const textarea = document.getElementById("query-text");
  if (!textarea || !window.CodeMirror) return;
  const form = textarea.form;
  const run = function () { form.requestSubmit(); };
  const editor = window.CodeMirror.fromTextArea(textarea, {
    mode: "application/sparql-query",
    lineNumbers: true,
    indentUnit: 2,
    screenReaderLabel: "SPARQL query",
    extraKeys: { "Ctrl-Enter": run, "Cmd-Enter": run, "Tab": false, "Shift-Tab": false },
  });
  form.addEventListener("submit", function () { editor.save(); });
})();
