// A link to a confirmation page (data-confirm: withdrawing, a new calendar address,
// hiding or deleting a post) opens that page's content in a modal <dialog> over the
// current page: the server's own text, form and CSRF token, fetched. Without this
// script, in a browser without <dialog>, or when the fetch fails, the link opens the
// confirmation page itself. In the dialog, focus goes to its first field, else to
// "Cancel" (never to the action itself); Escape or "Cancel" closes it and the browser
// gives the focus back to the link.
(function () {
    if (typeof HTMLDialogElement !== "function") return;

    document.addEventListener("click", function (event) {
        var link = event.target.closest("a[data-confirm]");
        if (!link || event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey) return;
        event.preventDefault();
        fetch(link.href, { credentials: "same-origin" })
            .then(function (response) {
                if (!response.ok) throw new Error(response.statusText);
                return response.text();
            })
            .then(function (html) {
                var page = new DOMParser().parseFromString(html, "text/html");
                var content = page.querySelector("[data-confirm-content]");
                if (!content) throw new Error("no confirmation");
                open(link, document.adoptNode(content));
            })
            .catch(function () {
                window.location.href = link.href;
            });
    });

    function open(link, content) {
        var dialog = document.createElement("dialog");
        dialog.className = "confirm-dialog";
        dialog.append(content);
        var heading = dialog.querySelector("h1");
        heading.id = "confirm-dialog-title";
        dialog.setAttribute("aria-labelledby", heading.id);
        // The page's forms post to their own address, which is the link's.
        dialog.querySelectorAll("form:not([action])").forEach(function (form) {
            form.setAttribute("action", link.href);
        });
        var cancel = dialog.querySelector("[data-confirm-cancel]");
        cancel.addEventListener("click", function (event) {
            event.preventDefault();
            dialog.close();
        });
        if (!dialog.querySelector("textarea, select, input:not([type=hidden])")) {
            cancel.autofocus = true;
        }
        dialog.addEventListener("close", function () {
            dialog.remove();
        });
        document.body.append(dialog);
        dialog.showModal();
    }
})();
