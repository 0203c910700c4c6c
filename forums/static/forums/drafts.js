// Progressive enhancement for forum forms marked data-forum-draft: the text is saved
// as a server-side draft every 20 seconds while it changes, and leaving the page with
// unsaved text asks first. Without JavaScript the "Save draft" button does the same.
(function () {
  "use strict";
  var SAVE_EVERY_MS = 20000;

  document.querySelectorAll("form[data-forum-draft]").forEach(function (form) {
    var unsaved = false;
    var submitting = false;

    function save() {
      if (!unsaved) return;
      var data = new FormData(form);
      data.append("save_draft", "1");
      fetch(form.action, {
        method: "POST",
        body: data,
        credentials: "same-origin",
        headers: { "X-Forum-Draft": "1" },
      }).then(function (response) {
        if (response.status === 204) unsaved = false;
      });
    }

    form.addEventListener("input", function () { unsaved = true; });
    form.addEventListener("submit", function () { submitting = true; });
    window.setInterval(save, SAVE_EVERY_MS);
    window.addEventListener("beforeunload", function (event) {
      if (unsaved && !submitting) {
        event.preventDefault();
        event.returnValue = "";
      }
    });
  });
})();
