// Step 1 of "Daftar" and "Tambah Perusahaan": once NPP (8 digits) and Divisi (3 digits) are typed, show the company
// name and branch office read-only. The server checks again on submit; without JavaScript the form works the same.
(() => {
    const npp = document.getElementById('Npp');
    const divisi = document.getElementById('Divisi');
    if (!npp || !divisi) {
        return;
    }

    const targets = document.querySelectorAll('[data-lookup]');
    const fill = (data) => targets.forEach((input) => { input.value = data ? data[input.dataset.lookup] : ''; });

    const lookup = async () => {
        if (!/^\d{8}$/.test(npp.value.trim()) || !/^\d{3}$/.test(divisi.value.trim())) {
            fill(null);
            return;
        }

        const query = new URLSearchParams({ npp: npp.value.trim(), divisi: divisi.value.trim() });
        const response = await fetch(`/api/v1/perusahaan/cari?${query}`, { credentials: 'same-origin' });
        fill(response.ok ? await response.json() : null);
    };

    npp.addEventListener('change', lookup);
    divisi.addEventListener('change', lookup);
    divisi.addEventListener('input', lookup);
    lookup();
})();
