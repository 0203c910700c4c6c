// A <details data-open-wide="60rem"> is a closed, collapsible section on a phone and an
// open one (a sidebar) on a screen at least that wide. Without this script it stays a
// section that opens with a tap.
(function () {
    document.querySelectorAll("details[data-open-wide]").forEach(function (details) {
        if (window.matchMedia("(min-width: " + details.dataset.openWide + ")").matches) {
            details.open = true;
        }
    });
})();
