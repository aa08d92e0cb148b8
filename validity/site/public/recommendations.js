// Deals page: "Recommended for you" from a service that is down; the error is not handled.
(async () => {
  const response = await fetch('/api/recommendations');
  const items = await response.json();
  document.getElementById('recommendations').innerHTML = items.map((i) => `<li>${i.name}</li>`).join('');
})();
