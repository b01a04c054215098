// Idle logout, announced one minute before: "Sesi Anda akan berakhir" with "Tetap Masuk".
// The server enforces the timeout; this only warns, asks the server before acting (another tab may have been used)
// and leads to the login page once the session is over.
// The person's activity counts, not only requests: typing, clicking, scrolling or touching the page keeps the session
// (at most one keep-alive per throttle period), so a long form is not lost while it is being filled in. In the
// warning, Esc means "Tetap Masuk" — it never closes the warning silently while the clock runs on.
(() => {
    const idleMeta = document.querySelector('meta[name="sipp-idle-seconds"]');
    if (!idleMeta) {
        return;
    }

    const warnSeconds = Number(document.querySelector('meta[name="sipp-warning-seconds"]').content);
    const token = document.querySelector('meta[name="sipp-csrf"]').content;
    const modalElement = document.getElementById('sesi-modal');
    const modal = bootstrap.Modal.getOrCreateInstance(modalElement);
    const remainingText = document.getElementById('sesi-sisa');
    let warnTimer;
    let endTimer;
    let tickTimer;
    let deadline;
    let lastKeepAlive = Date.now();
    let keepingAlive = false;
    let warning = false;
    // Often enough that activity always renews before the warning, rarely enough to cost nothing (60 s on the 5-minute rule).
    const throttleMs = Math.min(60, Math.max(1, (Number(idleMeta.content) - warnSeconds) / 2)) * 1000;

    const clearTimers = () => {
        clearTimeout(warnTimer);
        clearTimeout(endTimer);
        clearInterval(tickTimer);
    };

    const schedule = (seconds) => {
        clearTimers();
        deadline = Date.now() + seconds * 1000;
        warnTimer = setTimeout(warn, Math.max(0, seconds - warnSeconds) * 1000);
        endTimer = setTimeout(end, seconds * 1000);
    };

    // Bootstrap ignores a hide() while the warning is still fading in (an answer within its first 300 ms): hide it
    // again once it has shown, unless a new warning is up by then.
    const hideWarning = () => {
        warning = false;
        modal.hide();
        modalElement.addEventListener('shown.bs.modal', () => {
            if (!warning) {
                modal.hide();
            }
        }, { once: true });
    };

    const status = async () => {
        const response = await fetch('/akun/sesi', { credentials: 'same-origin', cache: 'no-store' });
        return response.ok ? response.json() : { aktif: false, sisaDetik: 0 };
    };

    const showRemaining = () => {
        const seconds = Math.max(0, Math.round((deadline - Date.now()) / 1000));
        remainingText.textContent = `Sisa waktu: ${seconds} detik.`;
    };

    async function warn() {
        const s = await status().catch(() => ({ aktif: true, sisaDetik: warnSeconds }));
        if (!s.aktif) {
            return end();
        }

        if (s.sisaDetik > warnSeconds + 2) {
            return schedule(s.sisaDetik);
        }

        schedule(s.sisaDetik);
        clearTimeout(warnTimer);
        showRemaining();
        tickTimer = setInterval(showRemaining, 1000);
        warning = true;
        modal.show();
    }

    async function end() {
        const s = await status().catch(() => ({ aktif: false, sisaDetik: 0 }));
        if (s.aktif) {
            // Not over yet (another tab, or a rounding second): leaving now would load a page and renew the session.
            if (s.sisaDetik > warnSeconds) {
                hideWarning();
            }

            return schedule(Math.max(1, s.sisaDetik));
        }

        window.location.assign('/masuk?Status=habis');
    }

    const stayIn = async () => {
        keepingAlive = true;
        lastKeepAlive = Date.now();
        try {
            const response = await fetch('/akun/tetap-masuk', {
                method: 'POST',
                credentials: 'same-origin',
                headers: { RequestVerificationToken: token },
            });
            if (!response.ok) {
                return end();
            }

            const s = await response.json();
            hideWarning();
            schedule(s.sisaDetik);
        } finally {
            keepingAlive = false;
        }
    };

    document.getElementById('tetap-masuk').addEventListener('click', stayIn);

    // Activity on the page keeps the session; while the warning shows, only a deliberate answer does — its button, or
    // Esc (wherever the focus is: the warning may have appeared under a typing hand).
    const activity = (event) => {
        if (warning) {
            if (event.type === 'keydown' && event.key === 'Escape' && !keepingAlive) {
                stayIn();
            }

            return;
        }

        if (keepingAlive || Date.now() - lastKeepAlive < throttleMs) {
            return;
        }

        stayIn();
    };
    for (const type of ['keydown', 'input', 'pointerdown', 'wheel', 'scroll', 'touchstart']) {
        document.addEventListener(type, activity, { capture: true, passive: true });
    }

    schedule(Number(idleMeta.content));
})();
