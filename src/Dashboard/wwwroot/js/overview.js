// Draws the topic trend with Chart.js (served from /lib, restored from npm at build). Without
// JavaScript the page shows the same numbers as a table.
(function () {
    var canvas = document.getElementById('topic-trend');
    var source = document.getElementById('topic-trend-data');
    if (!canvas || !source || !window.Chart) return;
    var data = JSON.parse(source.textContent);
    var colours = ['#b42318', '#b54708', '#a16207', '#067647', '#175cd3', '#6941c6', '#c11574', '#475467'];
    new Chart(canvas, {
        type: 'line',
        data: {
            labels: data.labels,
            datasets: data.series.map(function (s, i) {
                return { label: s.label, data: s.data, borderColor: colours[i % colours.length], backgroundColor: colours[i % colours.length], tension: 0.25, pointRadius: 2 };
            })
        },
        options: { animation: false, responsive: true, plugins: { legend: { position: 'bottom', labels: { boxWidth: 12 } } }, scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } }
    });
})();
