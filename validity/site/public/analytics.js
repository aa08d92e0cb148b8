// An analytics and session-replay tag as real shops carry one (GTM, Clarity, Hotjar): it uploads a batch every few
// seconds and sends a beacon for each click, to its own origin. None of it is the page answering a person.
(() => {
  const collector = `${location.protocol}//${location.hostname === 'localhost' ? '127.0.0.1' : 'localhost'}:${location.port}/collect`;
  setInterval(() => fetch(collector, { method: 'POST', body: 'batch', mode: 'no-cors', keepalive: true }).catch(() => {}), 3000);
  addEventListener('click', () => navigator.sendBeacon(collector, 'click'), true);
})();
