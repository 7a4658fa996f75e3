// Officer console: live updates over server-sent events (/console/events).
//
// Declarative: an element with data-live-src="URL" is refilled with the HTML fragment at URL when an
// event of one of its data-live-kinds (space separated, e.g. "message handover") arrives, and every
// data-live-interval seconds if given. Refreshes are throttled (one per data-live-min-gap seconds,
// default 2) and never reload the page.
//
// Scripted: ChatBotConsole.on("handover", e => ...) receives { kind, subject, officeId } for each
// event of that kind; document also receives a "console:event" CustomEvent with the same detail.
//
// Background requests carry X-Console-Background: the server answers 401 instead of a redirect and
// does not count them as the officer being active, so an idle session still ends; the page then goes
// to the sign-in page.
(function () {
    "use strict";

    const body = document.body;
    const eventsUrl = body.dataset.events;
    const sessionUrl = body.dataset.session;
    const background = { "X-Console-Background": "1" };
    const handlers = new Map();
    let source = null;
    let leaving = false;

    function setState(state, text) {
        body.dataset.liveState = state;
        const label = document.getElementById("live-state");
        if (label) {
            label.textContent = text;
        }
    }

    function toSignIn() {
        if (leaving) {
            return;
        }
        leaving = true;
        if (source) {
            source.close();
        }
        const back = location.pathname + location.search;
        location.assign("/console/masuk?ReturnUrl=" + encodeURIComponent(back));
    }

    function dispatch(kind, message) {
        let detail;
        try {
            const data = JSON.parse(message.data);
            detail = { kind: kind, subject: String(data.subject || ""), officeId: Number(data.officeId) };
        } catch (e) {
            return;
        }
        (handlers.get(kind) || []).forEach(function (handler) {
            try {
                handler(detail);
            } catch (err) {
                console.error(err);
            }
        });
        document.dispatchEvent(new CustomEvent("console:event", { detail: detail }));
    }

    function listen(kind) {
        if (source && !source["__" + kind]) {
            source["__" + kind] = true;
            source.addEventListener(kind, function (message) {
                dispatch(kind, message);
            });
        }
    }

    function on(kind, handler) {
        if (!handlers.has(kind)) {
            handlers.set(kind, []);
        }
        handlers.get(kind).push(handler);
        listen(kind);
    }

    // Fetches a fragment for a live region; at most one request at a time, and at most one per gap.
    function refresher(region) {
        const gap = 1000 * Math.max(0.2, parseFloat(region.dataset.liveMinGap || "2"));
        let busy = false;
        let again = false;
        let timer = 0;
        let last = 0;

        async function run() {
            if (busy) {
                again = true;
                return;
            }
            busy = true;
            last = Date.now();
            try {
                const response = await fetch(region.dataset.liveSrc, {
                    headers: background,
                    credentials: "same-origin",
                    cache: "no-store",
                    redirect: "manual",
                });
                if (response.status === 401 || response.type === "opaqueredirect") {
                    toSignIn();
                    return;
                }
                if (response.ok) {
                    region.innerHTML = await response.text();
                    region.dataset.liveUpdated = String(Date.now());
                    region.dispatchEvent(new CustomEvent("console:updated", { bubbles: true }));
                }
            } catch (e) {
                // A network blip: the next event or interval tries again.
            } finally {
                busy = false;
                if (again) {
                    again = false;
                    schedule();
                }
            }
        }

        function schedule() {
            if (timer) {
                return;
            }
            timer = setTimeout(function () {
                timer = 0;
                run();
            }, Math.max(0, last + gap - Date.now()));
        }

        return schedule;
    }

    async function checkSession() {
        if (!sessionUrl) {
            return true;
        }
        try {
            const response = await fetch(sessionUrl, { headers: background, credentials: "same-origin", cache: "no-store", redirect: "manual" });
            if (response.status === 401 || response.type === "opaqueredirect") {
                toSignIn();
                return false;
            }
        } catch (e) {
            // The service is unreachable; keep trying.
        }
        return true;
    }

    function connect() {
        if (leaving) {
            return;
        }
        setState("connecting", "Menghubungkan pembaruan langsung…");
        source = new EventSource(eventsUrl);
        handlers.forEach(function (_, kind) {
            listen(kind);
        });
        source.addEventListener("open", function () {
            setState("open", "Pembaruan langsung aktif");
        });
        source.addEventListener("error", async function () {
            if (source.readyState === EventSource.CLOSED) {
                // Refused (signed out, session over) rather than a dropped connection.
                setState("closed", "Pembaruan langsung terputus");
                if (await checkSession()) {
                    setTimeout(connect, 5000);
                }
            } else {
                setState("connecting", "Menghubungkan ulang…");
            }
        });
    }

    window.ChatBotConsole = { on: on };

    if (!eventsUrl) {
        return;
    }

    document.querySelectorAll("[data-live-src]").forEach(function (region) {
        const refresh = refresher(region);
        (region.dataset.liveKinds || "").split(/\s+/).filter(Boolean).forEach(function (kind) {
            on(kind, refresh);
        });
        const every = parseFloat(region.dataset.liveInterval || "0");
        if (every > 0) {
            setInterval(refresh, every * 1000);
        }
    });

    connect();
    window.addEventListener("pagehide", function () {
        leaving = true;
        if (source) {
            source.close();
        }
    });
    window.addEventListener("pageshow", function (e) {
        if (e.persisted) {
            leaving = false;
            connect();
        }
    });
})();
