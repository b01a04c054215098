// The error summary of a refused form (issue 16, item 7): its items in the order of their fields on the page, each a
// link that moves the focus to its field, and the focus on the summary itself so that a screen reader reads it first.
(() => {
    const summary = document.querySelector('[data-error-summary]');
    if (!summary) {
        return;
    }

    const list = summary.querySelector('ul');
    if (!list) {
        summary.focus(); // one message about the whole form
        return;
    }

    const items = [...list.children].map((item) => {
        const name = item.dataset.field;
        const field = name ? document.querySelector(`[name="${CSS.escape(name)}"]`) : null;
        const link = item.querySelector('a');
        if (field && link) {
            if (field.id) {
                link.href = `#${field.id}`;
            }

            link.addEventListener('click', (event) => {
                event.preventDefault();
                field.focus();
                field.scrollIntoView({ block: 'center' });
            });
        }

        return { item, field };
    });

    // Whole-form messages first, then the fields as they come on the page.
    items.sort((a, b) => {
        if (!a.field || !b.field) {
            return (a.field ? 1 : 0) - (b.field ? 1 : 0);
        }

        return a.field.compareDocumentPosition(b.field) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;
    });
    items.forEach(({ item }) => list.appendChild(item));
    summary.focus();
})();
