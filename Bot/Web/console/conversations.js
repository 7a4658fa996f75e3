// Conversation page: a chosen canned reply is inserted into the reply box (the officer can edit it).
(function () {
    "use strict";
    document.addEventListener("change", function (event) {
        const select = event.target;
        if (!(select instanceof HTMLSelectElement) || !select.dataset.insertInto || !select.value) {
            return;
        }
        const box = document.getElementById(select.dataset.insertInto);
        if (box) {
            box.value = box.value ? box.value + "\n" + select.value : select.value;
            box.focus();
        }
        select.value = "";
    });
})();

// The transcript opens at the newest message, and stays there when a live update adds one
// (unless the officer has scrolled up to read).
(function () {
    "use strict";
    function toNewest(force) {
        const lines = document.getElementById("transcript-lines");
        const region = document.getElementById("transcript");
        if (lines && (force || region.dataset.following !== "false")) {
            lines.scrollTop = lines.scrollHeight;
        }
    }
    document.addEventListener("DOMContentLoaded", function () { toNewest(true); });
    document.addEventListener("console:updated", function (event) {
        if (event.target instanceof Element && event.target.id === "transcript") {
            toNewest(false);
        }
    });
    document.addEventListener("scroll", function (event) {
        const lines = event.target;
        if (lines instanceof Element && lines.id === "transcript-lines") {
            document.getElementById("transcript").dataset.following = String(lines.scrollHeight - lines.scrollTop - lines.clientHeight < 40);
        }
    }, true);
})();
