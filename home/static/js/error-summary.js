// The error summary of a failed form (templates/includes/error_summary.html) takes the
// focus, so that a reader on a phone hears and sees what went wrong first; each of its
// links focuses its field and scrolls its label or legend into view. Without this
// script the summary and its links still work as plain anchors.
(function () {
    var summary = document.querySelector("[data-error-summary]");
    if (!summary) return;
    summary.focus();
    summary.addEventListener("click", function (event) {
        var link = event.target.closest("a[href^='#']");
        var field = link && document.getElementById(link.getAttribute("href").slice(1));
        if (!field) return;
        event.preventDefault();
        var legend = field.closest("fieldset") && field.closest("fieldset").querySelector("legend");
        var label = legend || document.querySelector("label[for='" + field.id + "']") || field;
        label.scrollIntoView();
        field.focus({ preventScroll: true });
    });
})();
