// Fernhill trip planner: a small single-page app on the history API.
const view = document.getElementById('view');
const TRAILS = { 'ridge-loop': ['Ridge Loop', 14], 'lakeside-path': ['Lakeside Path', 9], 'pine-hollow': ['Pine Hollow Trail', 21], 'summit-trail': ['Summit Trail', 17] };
// Old bookmarks and the bare app address go to the trip list.
const REDIRECTS = { '/app': '/app/trips', '/app/old-plans': '/app/trips' };

const go = (path) => {
  history.pushState({}, '', path);
  render();
};

const views = {
  async '/app/trips'() {
    view.innerHTML = `<h1>My trips</h1><p><button type="button" class="btn btn-small" id="refresh">Refresh</button></p><div id="trip-list"></div>`;
    const list = async () => {
      const { trips } = await (await fetch('/api/trips')).json();
      document.getElementById('trip-list').innerHTML = `<ul class="trips">${trips.map((t) => `<li><a href="/app/trails/${t.slug}" data-route>${t.name}</a> <span>${t.date} · ${t.km} km</span></li>`).join('')}</ul>
<p class="updated">Updated ${new Date().toLocaleTimeString()}</p>`;
    };
    document.getElementById('refresh').addEventListener('click', list);
    await list();
  },
  '/app/trips/new'() {
    view.innerHTML = `<h1>New trip</h1><form class="form" id="new-trip"><p><label for="trip-name">Trip name</label><input id="trip-name" required></p>
<p><label for="trip-date">Date</label><input id="trip-date" type="date"></p><p><button class="btn" type="submit">Save trip</button></p></form>`;
    document.getElementById('new-trip').addEventListener('submit', (event) => {
      event.preventDefault();
      go('/app/trips');
    });
  },
  '/app/trails'() {
    view.innerHTML = `<h1>Find a trail</h1><label for="trail-filter">Trail name</label> <input id="trail-filter" placeholder="e.g. ridge" autocomplete="off">
<ul class="plain" id="trail-results"></ul>`;
    const input = document.getElementById('trail-filter');
    let typing;
    input.addEventListener('input', () => {
      clearTimeout(typing);
      typing = setTimeout(async () => {
        const found = await (await fetch(`/api/suggest?q=${encodeURIComponent(input.value)}`)).json();
        document.getElementById('trail-results').innerHTML = found.filter((s) => s.href.startsWith('/app/')).map((s) => `<li><a href="${s.href}" data-route>${s.label}</a></li>`).join('');
      }, 150);
    });
  },
  '/app/settings'() {
    view.innerHTML = `<h1>Settings</h1><p><button type="button" role="switch" aria-checked="false" class="switch" id="metric">Use miles</button></p>
<p><button type="button" role="switch" aria-checked="true" class="switch" id="reminders">Trip reminders</button></p>`;
    view.querySelectorAll('[role="switch"]').forEach((s) => s.addEventListener('click', () => s.setAttribute('aria-checked', String(s.getAttribute('aria-checked') !== 'true'))));
  },
};

function render() {
  const redirect = REDIRECTS[location.pathname];
  if (redirect) history.replaceState({}, '', redirect);
  const trail = /^\/app\/trails\/([a-z-]+)$/.exec(location.pathname);
  if (trail && TRAILS[trail[1]]) {
    const [name, km] = TRAILS[trail[1]];
    view.innerHTML = `<h1>${name}</h1><p>${km} km, waymarked, with a café at the halfway point.</p><p><button type="button" class="btn" id="add-trail">Add to a trip</button></p>`;
    const add = document.getElementById('add-trail');
    add.addEventListener('click', () => (add.textContent = 'Added to “Spring weekend”'));
    return;
  }
  (views[location.pathname] ?? (() => (view.innerHTML = '<h1>Not in the planner</h1><p><a href="/app/trips" data-route>Back to my trips</a></p>')))();
}

document.addEventListener('click', (event) => {
  const link = event.target.closest('a[data-route]');
  if (!link || event.metaKey || event.ctrlKey) return;
  event.preventDefault();
  go(link.getAttribute('href'));
});
addEventListener('popstate', render);
render();
