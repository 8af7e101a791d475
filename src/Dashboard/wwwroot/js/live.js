// Live updates over Server-Sent Events (GET /live, the user's unit only): on any of the named events,
// fetch the page's fresh rows and swap them in. Without JavaScript the pages simply reload on action.
function d58Live(events, targetId, rowsUrl) {
    if (!window.EventSource) return;
    var status = document.getElementById('live-status');
    var source = new EventSource('/live');
    var pending = null;
    var refresh = function () {
        // Several events in a burst cause one refresh.
        if (pending) return;
        pending = setTimeout(function () {
            pending = null;
            fetch(rowsUrl, { credentials: 'same-origin' })
                .then(function (r) { return r.ok ? r.text() : Promise.reject(r.status); })
                .then(function (html) { var body = document.getElementById(targetId); body.innerHTML = html; body.classList.remove('flash'); void body.offsetWidth; body.classList.add('flash'); });
        }, 150);
    };
    source.onopen = function () { if (status) status.textContent = '● trực tiếp / live'; };
    source.onerror = function () { if (status) status.textContent = '○ mất kết nối / reconnecting'; };
    events.forEach(function (name) { source.addEventListener(name, refresh); });
}
