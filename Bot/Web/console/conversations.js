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
