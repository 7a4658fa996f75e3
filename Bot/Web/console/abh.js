// Officer console: the ABH alarm in every page's layout (#abh-alarm, refreshed by console.js on the
// "abh" and "abh-alert" events). A request code the officer has not heard of in this browser session
// sounds a short double beep (WebAudio, no file), and counts in body[data-abh-sounded].
(function () {
    "use strict";

    const region = document.getElementById("abh-alarm");
    if (!region) {
        return;
    }

    const key = "abh-alarm-heard";
    let audio = null;

    function heard() {
        try {
            return new Set(JSON.parse(sessionStorage.getItem(key) || "[]"));
        } catch (e) {
            return new Set();
        }
    }

    function remember(codes) {
        try {
            sessionStorage.setItem(key, JSON.stringify(Array.from(codes)));
        } catch (e) {
            // Private mode: the beep may repeat on the next page; nothing else is lost.
        }
    }

    function tone(start, frequency) {
        const oscillator = audio.createOscillator();
        const gain = audio.createGain();
        oscillator.type = "sine";
        oscillator.frequency.value = frequency;
        gain.gain.setValueAtTime(0.0001, start);
        gain.gain.exponentialRampToValueAtTime(0.35, start + 0.02);
        gain.gain.exponentialRampToValueAtTime(0.0001, start + 0.25);
        oscillator.connect(gain).connect(audio.destination);
        oscillator.start(start);
        oscillator.stop(start + 0.3);
    }

    function beep() {
        document.body.dataset.abhSounded = String(Number(document.body.dataset.abhSounded || "0") + 1);
        try {
            const Context = window.AudioContext || window.webkitAudioContext;
            if (!Context) {
                return;
            }
            audio = audio || new Context();
            if (audio.state === "suspended") {
                audio.resume();
            }
            const now = audio.currentTime;
            tone(now, 880);
            tone(now + 0.35, 1175);
        } catch (e) {
            // No sound on this device: the alarm is still on the page.
        }
    }

    function check() {
        const known = heard();
        const fresh = Array.from(region.querySelectorAll("[data-abh-code]"))
            .map(function (link) { return link.dataset.abhCode; })
            .filter(function (code) { return !known.has(code); });
        if (fresh.length > 0) {
            fresh.forEach(function (code) { known.add(code); });
            remember(known);
            beep();
        }
    }

    // Browsers keep sound off until the officer has touched the page once.
    document.addEventListener("pointerdown", function () {
        if (audio && audio.state === "suspended") {
            audio.resume();
        }
    }, { passive: true });
    region.addEventListener("console:updated", check);
    check();
})();
