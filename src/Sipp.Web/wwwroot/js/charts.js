// Draws each <canvas class="chart"> from the table it names (data-table): the first column labels the bars, every
// other column is a series read from its cells' data-value. The table stays on the page as the accessible version.
(() => {
    const palette = ['#0b6e4f', '#2f80c1', '#e0a526', '#8e44ad', '#c0392b'];
    // Axes and tooltips in the page's language, like the table under the chart: "Rp 120.000.000" or "IDR 120,000,000".
    const english = document.documentElement.lang === 'en';
    const number = new Intl.NumberFormat(english ? 'en-US' : 'id-ID', { maximumFractionDigits: 0 });
    const money = value => (english ? 'IDR ' : 'Rp ') + number.format(value);

    for (const canvas of document.querySelectorAll('canvas.chart')) {
        const table = document.getElementById(canvas.dataset.table);
        if (!table || typeof Chart === 'undefined') {
            continue;
        }

        const headers = [...table.tHead.rows[0].cells].slice(1).map(cell => cell.textContent.trim());
        const rows = [...table.tBodies[0].rows];
        const labels = rows.map(row => row.cells[0].textContent.trim());
        const valueCells = rows.map(row => [...row.cells].filter(cell => cell.hasAttribute('data-value')));
        const seriesCount = valueCells.length ? valueCells[0].length : 0;
        const seriesNames = headers.slice(headers.length - seriesCount);
        const datasets = seriesNames.map((name, i) => ({
            label: name,
            data: valueCells.map(cells => cells[i].dataset.value === '' ? null : Number(cells[i].dataset.value)),
            backgroundColor: palette[i % palette.length],
        }));
        const stacked = canvas.dataset.chart === 'stacked';
        new Chart(canvas, {
            type: 'bar',
            data: { labels, datasets },
            options: {
                responsive: true,
                animation: false,
                scales: { x: { stacked }, y: { stacked, beginAtZero: true, ticks: { callback: value => stacked ? money(value) : number.format(value) } } },
                plugins: {
                    legend: { display: datasets.length > 1 },
                    tooltip: stacked ? { callbacks: { label: item => `${item.dataset.label}: ${money(item.parsed.y)}` } } : {},
                },
            },
        });
    }
})();
