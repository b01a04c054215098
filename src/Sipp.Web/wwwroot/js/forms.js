// Forms that ask only what applies (issue 16, item 10).
// - [data-show-when="name=value"]: a field shown, and sent, only while the control `name` has that value (Nomor Paspor
//   for WNA, Tanggal Akhir Kontrak for PKWT); while nothing is chosen yet, it is shown.
// - [data-submit-on-change]: a question answered by one click (Sudah memiliki KPJ? Ya/Tidak) moves on at once; its
//   button stays for a browser without scripts ([data-without-script]).
(() => {
    for (const wrapper of document.querySelectorAll('[data-show-when]')) {
        const [name, value] = wrapper.dataset.showWhen.split('=');
        const control = wrapper.closest('form')?.querySelector(`[name="${CSS.escape(name)}"]`);
        if (!control) {
            continue;
        }

        const fields = wrapper.querySelectorAll('input, select, textarea');
        const update = () => {
            const applies = control.value === '' || control.value === value;
            const column = wrapper.parentElement.children.length === 1 ? wrapper.parentElement : wrapper;
            column.hidden = !applies;
            fields.forEach((field) => { field.disabled = !applies; });
        };
        control.addEventListener('change', update);
        update();
    }

    for (const form of document.querySelectorAll('[data-submit-on-change]')) {
        form.querySelectorAll('[data-without-script]').forEach((element) => { element.hidden = true; });
        form.addEventListener('change', () => form.requestSubmit());
    }
})();
