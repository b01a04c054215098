// The check page of an upload: while the file is being checked, ask for the progress once a second and show it in the
// page's progress bar and its label (a polite live region); when the check has ended, load the page once to show the
// result. Without script the page reloads itself instead (a refresh inside <noscript>).
(() => {
    const region = document.querySelector('[data-kemajuan]');
    const bar = document.getElementById('kemajuan');
    const label = document.getElementById('kemajuan-label');
    if (!region || !bar || !label) {
        return;
    }

    const poll = async () => {
        try {
            const response = await fetch(region.dataset.kemajuan, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
            if (!response.ok) {
                window.location.reload();
                return;
            }

            const progress = await response.json();
            if (progress.selesai) {
                window.location.reload();
                return;
            }

            if (progress.jumlah > 0) {
                bar.max = progress.jumlah;
                bar.value = progress.diperiksa;
            }

            label.textContent = progress.keterangan;
        } catch {
            // A missed answer (a node restarting) is asked again at the next tick.
        }

        window.setTimeout(poll, 1000);
    };

    window.setTimeout(poll, 1000);
})();
