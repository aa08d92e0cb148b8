/**
 * Pages written to attack the extension (issue 19), served by test/e2e/support/hostile-site.ts. Each is named
 * after what it tries; the canaries are what must never reach a record, a message or an export.
 */

export const CANARY = {
  query: 'CANARY-query-51a7',
  token: 'CANARY-token-62b8',
  head: 'CANARY-head-73c9',
  typed: 'CanaryTyped84da',
  card: '4929073055186601',
  shadowPassword: 'CANARY-pass-95eb',
  frame: 'CANARY-frame-a6fc',
} as const;

const page = (title: string, body: string, head = '') =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title>${head}</head><body>${body}</body></html>`;

export const HOSTILE_PAGES: Record<string, string> = {
  '/': page('Hostile home', '<h1>Hostile home</h1><a href="/errors">errors</a>'),

  /** An inline handler's error: its source is the page's URL, query included. */
  '/errors': page('Errors', '<h1>Errors</h1><button id="throw" onclick="null.crash()">Throw</button>'),

  /** Forges the page-error hand-over event as often as it likes, across route changes. */
  '/forge': page(
    'Forge',
    `<h1>Forge</h1><button id="forge">Forge</button>
    <script>
      const pause = () => new Promise((done) => setTimeout(done, 400));
      document.getElementById('forge').onclick = async () => {
        for (let route = 0; route < 5; route++) {
          for (let i = 0; i < 30; i++) document.dispatchEvent(new CustomEvent('journeylens:error', { detail: JSON.stringify({ message: 'forged ' + i, source: null }) }));
          await pause();
          history.pushState(null, '', '/forge/' + route);
          await pause();
        }
        window.forged = true;
      };
    </script>`,
  ),

  /** A hash route carrying a token in its own query. */
  '/app': page('App', '<h1>App</h1><p id="route">route</p>'),

  /** State in <head> (a CSRF token, an e-mail) and a click that lands on <html> itself. */
  '/head-state': page(
    'Head state',
    '<div style="height:40px">top</div>',
    `<script>window.__state = { csrf: '${CANARY.head}' };</script><style>html{min-height:100vh} body{margin:0;height:40px}</style>`,
  ),

  /** A search box whose suggestions, error message and title echo what was typed, in other letter cases. */
  '/echo': page(
    'Echo',
    `<h1>Echo</h1><form id="f" onsubmit="return false"><label>Search <input id="q" name="q" autocomplete="off"></label></form>
    <div id="suggest"></div><p id="err" role="alert"></p>
    <script>
      const q = document.getElementById('q');
      q.addEventListener('input', () => {
        const v = q.value;
        document.getElementById('suggest').innerHTML = '';
        const b = document.createElement('button');
        b.id = 'suggestion';
        b.textContent = 'Results for ' + v.toLowerCase();
        document.getElementById('suggest').append(b);
        const e = document.getElementById('err');
        e.textContent = 'Invalid email: ' + v.toUpperCase();
        document.title = 'Search ' + v.toLowerCase();
      });
    </script>`,
  ),

  /** Payment fields the masking missed: in a closed shadow root, named `number` under a "Card number" label, a frame. */
  '/pay': page(
    'Pay',
    `<h1 id="pay-title"><svg width="16" height="16" aria-hidden="true"><circle cx="8" cy="8" r="6"/></svg> Pay</h1><div id="widget"></div>
    <p><label>Card number <input id="by-label" name="number" value="${CANARY.card}" style="font:20px monospace;width:260px"></label></p>
    <iframe id="frame" srcdoc="<p style='font:32px sans-serif;margin:4px'>${CANARY.frame}</p>" style="width:420px;height:80px;border:0"></iframe>
    <script>
      const root = document.getElementById('widget').attachShadow({ mode: 'closed' });
      root.innerHTML = '<input autocomplete="cc-number" value="${CANARY.card}" style="font:20px monospace;width:260px;display:block">'
        + '<input type="password" value="${CANARY.shadowPassword}" style="font:20px monospace;width:260px;display:block">';
      window.closedFieldBoxes = () => [...root.querySelectorAll('input')].map((input) => input.getBoundingClientRect().toJSON());
    </script>`,
  ),

  /** A title that becomes a formula in a spreadsheet splitting cells at `;`, and reversed-text spoofing. */
  '/spoof': page('Deals;=1+2 \u202Efdp.exe', '<h1>Spoof</h1><button id="rlo" aria-label="Pay \u202Eexe.gpj\u200B">Pay</button>'),

  /** Page-derived strings longer than any schema allows, beside an ordinary button. */
  '/long': page(
    'Long',
    `<h1>Long</h1><div id="long" role="${'x'.repeat(60)}" aria-label="${'L'.repeat(400)}" tabindex="0">long one</div>
    <${'a'.repeat(50)}-el id="tag">long tag</${'a'.repeat(50)}-el>
    <form id="lf" onsubmit="return false"><label>${'L'.repeat(400)} <input id="longfield"></label></form>
    <button id="plain">Plain</button><a id="next" href="/">home</a>`,
  ),
};
