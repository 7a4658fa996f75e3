// Visit queue: the call timer of each visit in a call counts down to the end of its slot and
// shows how far over it is once time is up. Works on rows the live region refills.
(function () {
    "use strict";

    function pad(n) {
        return (n < 10 ? "0" : "") + n;
    }

    function tick() {
        document.querySelectorAll(".visit-timer[data-ends-at]").forEach(function (timer) {
            const left = Math.round((Date.parse(timer.dataset.endsAt) - Date.now()) / 1000);
            const seconds = Math.abs(left);
            const text = pad(Math.floor(seconds / 60)) + ":" + pad(seconds % 60);
            timer.textContent = left >= 0 ? text : "Waktu habis +" + text;
            timer.classList.toggle("overdue", left < 0);
        });
    }

    tick();
    setInterval(tick, 1000);
})();
