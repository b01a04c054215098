// Portofolio Klien: "Hitung Iuran divisi terpilih" computes the chosen divisions one at a time, posting each to the
// page's ComputeOne handler, and shows the progress bar and each division's result as it comes (a polite live region);
// the table itself is as loaded until the page is opened again (the label says so).
// Without script the form posts all of them at once and the page shows the results when all are done.
(() => {
    const form = document.getElementById('hitung-portofolio');
    const region = document.getElementById('kemajuan-hitung');
    const bar = document.getElementById('kemajuan');
    const label = document.getElementById('kemajuan-label');
    const list = document.getElementById('hasil-per-divisi');
    if (!form || !region || !bar || !label || !list) {
        return;
    }

    form.addEventListener('submit', async (event) => {
        const chosen = [...form.querySelectorAll('input[name="divisi"]:checked')].map((box) => box.value);
        if (chosen.length === 0) {
            return; // the server says what to do
        }

        event.preventDefault();
        const button = document.getElementById('hitung-terpilih');
        button.disabled = true;
        region.classList.remove('d-none');
        list.replaceChildren();
        bar.max = chosen.length;
        bar.value = 0;
        const token = form.querySelector('input[name="__RequestVerificationToken"]').value;
        const period = form.querySelector('input[name="periode"]').value;
        for (const [index, division] of chosen.entries()) {
            label.textContent = `${index + 1} / ${chosen.length}`;
            const body = new FormData();
            body.append('__RequestVerificationToken', token);
            body.append('periode', period);
            body.append('divisi', division);
            const item = document.createElement('li');
            try {
                const response = await fetch(form.dataset.satu, { method: 'POST', body, credentials: 'same-origin', headers: { Accept: 'application/json' } });
                const result = await response.json();
                item.dataset.selesai = result.selesai ? 'ya' : 'tidak';
                item.textContent = `${result.kode} — ${result.nama}: ${result.pesan}`;
            } catch {
                item.dataset.selesai = 'tidak';
                item.textContent = `${division}: ${form.dataset.gagal}`;
            }

            list.append(item);
            bar.value = index + 1;
        }

        label.textContent = `${chosen.length} / ${chosen.length} — ${form.dataset.selesai}`;
        button.disabled = false;
    });
})();
