// Fernhill Outfitters: the shop's page behaviour, written as small shops write it (no framework).
const $ = (selector, root = document) => root.querySelector(selector);
const $$ = (selector, root = document) => [...root.querySelectorAll(selector)];
const money = (n) => `£${n.toFixed(2)}`;

// Basket count, kept in localStorage and shown in the header on the next page.
const basket = () => Number(localStorage.getItem('basket') ?? '0');
$$('[data-cart-count]').forEach((el) => (el.textContent = String(basket())));

// Cookie banner: shown until a choice is made.
const banner = $('#cookie-banner');
if (banner && !localStorage.getItem('consent')) banner.hidden = false;
$$('[data-cookie]').forEach((button) =>
  button.addEventListener('click', () => {
    localStorage.setItem('consent', button.dataset.cookie);
    banner.remove();
  }),
);

// Live search: suggestions as you type.
const search = $('#site-search');
const suggestions = $('#search-suggestions');
let typing;
search?.addEventListener('input', () => {
  clearTimeout(typing);
  typing = setTimeout(async () => {
    const q = search.value.trim();
    const found = q.length < 2 ? [] : await (await fetch(`/api/suggest?q=${encodeURIComponent(q)}`)).json();
    suggestions.innerHTML = found.map((s) => `<li role="option"><a href="${s.href}">${s.label}</a></li>`).join('');
    suggestions.hidden = found.length === 0;
  }, 150);
});

// Carousels: arrows, dots, a sliding strip.
$$('.carousel').forEach((carousel) => {
  const strip = $('[data-slides]', carousel);
  const count = strip.children.length;
  const dots = $$('.dot', carousel);
  let index = 0;
  const show = (i) => {
    index = (i + count) % count;
    strip.style.transform = `translateX(${-100 * index}%)`;
    dots.forEach((dot, d) => dot.setAttribute('aria-current', String(d === index)));
  };
  $('.carousel-prev', carousel).addEventListener('click', () => show(index - 1));
  $('.carousel-next', carousel).addEventListener('click', () => show(index + 1));
  dots.forEach((dot, d) => dot.addEventListener('click', () => show(d)));
});

// Quantity steppers, the way Shopify's Dawn theme does it: step the number, announce a change.
$$('.stepper').forEach((stepper) => {
  const input = $('input', stepper);
  $$('.step', stepper).forEach((button) =>
    button.addEventListener('click', () => {
      if (button.name === 'plus') input.stepUp();
      else input.stepDown();
      input.dispatchEvent(new Event('change', { bubbles: true }));
    }),
  );
});

// Basket: line totals and subtotal follow the quantities; lines can be removed.
const subtotal = $('#subtotal');
const resum = () => {
  let sum = 0;
  $$('tr[data-price]').forEach((row) => {
    const line = Number(row.dataset.price) * Number($('input', row).value);
    $('.line-total', row).textContent = money(line);
    sum += line;
  });
  subtotal.textContent = money(sum);
};
if (subtotal) {
  document.addEventListener('change', resum);
  $$('.remove').forEach((button) => button.addEventListener('click', () => (button.closest('tr').remove(), resum())));
}
$('#redeem-gift-card')?.addEventListener('click', () => {
  // The gift-card service's client was never loaded on this page.
  window.giftCards.redeem($('#gift-card').value);
});
// "Apply" for discount codes is wired to nothing: a real bug this shop shipped.

// Tabs.
$$('[role="tablist"]').forEach((list) => {
  const tabs = $$('[role="tab"]', list);
  tabs.forEach((tab) =>
    tab.addEventListener('click', () => {
      for (const other of tabs) {
        other.setAttribute('aria-selected', String(other === tab));
        other.tabIndex = other === tab ? 0 : -1;
        document.getElementById(other.getAttribute('aria-controls')).hidden = other !== tab;
      }
    }),
  );
});

// FAQ accordion (JS, not <details>).
$$('.faq-q').forEach((button) =>
  button.addEventListener('click', () => {
    const open = button.getAttribute('aria-expanded') === 'true';
    button.setAttribute('aria-expanded', String(!open));
    document.getElementById(button.getAttribute('aria-controls')).hidden = open;
  }),
);

// Product page.
$('#add-to-basket')?.addEventListener('click', (event) => {
  localStorage.setItem('basket', String(basket() + Number($('#qty').value)));
  alert(`${event.currentTarget.dataset.name} was added to your basket.`);
});
$('#wishlist')?.addEventListener('click', () => {
  if (confirm('Save this item to your wishlist?')) localStorage.setItem('wishlist', location.pathname);
});
$('#size-guide')?.addEventListener('click', () => $('#size-dialog').showModal());
$('#store-stock')?.addEventListener('click', () => {
  // The stock check is computed from a slow in-page inventory table, not fetched.
  setTimeout(() => ($('#stock-result').textContent = 'In stock at Kendal and Keswick.'), 4000);
});
$('#check-delivery')?.addEventListener('click', async () => {
  const answer = await (await fetch(`/api/delivery?zip=${encodeURIComponent($('#postcode').value)}`)).json();
  $('#delivery-result').textContent = `Free delivery in ${answer.days} working days.`;
});
$('#write-review')?.addEventListener('click', () => {
  $('#review-form').innerHTML = '<p><label for="review">Your review</label><textarea id="review" rows="4"></textarea></p>';
  // The analytics snippet this shop pasted in has not loaded: the tracking call throws after the form appears.
  window.analytics.track('review_started');
});

// Filter chips on the shop page.
$$('.chip').forEach((chip) =>
  chip.addEventListener('click', () => {
    $$('.chip').forEach((other) => other.setAttribute('aria-pressed', String(other === chip)));
    $('.result-count').textContent = chip.textContent === 'All' ? '4 products' : `Showing ${chip.textContent.toLowerCase()}`;
  }),
);

// About page: copy the e-mail address, silently.
$('#copy-email')?.addEventListener('click', (event) => navigator.clipboard.writeText(event.currentTarget.dataset.copy));

// Articles: back to top.
$('#back-to-top')?.addEventListener('click', () => window.scrollTo({ top: 0, behavior: 'smooth' }));

// Video: one big play button over the poster.
$('#play')?.addEventListener('click', () => {
  const film = $('#film');
  if (film.paused) film.play();
  else film.pause();
});

// Stories: infinite scroll.
const feed = $('#feed');
if (feed) {
  let next = 1;
  let loading = false;
  const end = $('#feed-end');
  const more = async () => {
    if (loading || next === null) return;
    loading = true;
    const page = await (await fetch(`/api/stories?page=${next}`)).json();
    feed.insertAdjacentHTML('beforeend', page.items.map((s) => `<li class="story"><h2>${s.title}</h2><p>${s.teaser}</p><p>${'The path climbs gently through birch and oak before the long, open ridge. '.repeat(4)}</p></li>`).join(''));
    next = page.next;
    if (next === null) end.textContent = 'You have reached the end.';
    loading = false;
  };
  new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && more(), { rootMargin: '200px' }).observe(end);
}

// Search results page: echo the query.
const summary = $('#search-summary');
const query = new URLSearchParams(location.search).get('q');
if (summary && query) summary.textContent = `Results for “${query}”`;

// Colour swatches as a design-system web component (Lit, Shoelace and Fluent render this way): the choice changes
// only inside the component's shadow root, which a document-wide MutationObserver does not see.
customElements.define(
  'fh-swatches',
  class extends HTMLElement {
    connectedCallback() {
      const root = this.attachShadow({ mode: 'open' });
      const colours = (this.getAttribute('colours') ?? '').split(',');
      root.innerHTML = `<style>button{margin:0 4px 0 0;padding:4px 10px;cursor:pointer}[aria-checked=true]{outline:2px solid #222}</style>
        <span id="label">Colour: ${colours[0]}</span><div role="radiogroup" aria-labelledby="label">${colours
          .map((c, i) => `<button type="button" role="radio" aria-checked="${i === 0}" aria-label="${c}">${c}</button>`)
          .join('')}</div>`;
      root.addEventListener('click', (event) => {
        const chosen = event.target.closest('[role=radio]');
        if (!chosen) return;
        root.querySelectorAll('[role=radio]').forEach((b) => b.setAttribute('aria-checked', String(b === chosen)));
        root.getElementById('label').textContent = `Colour: ${chosen.getAttribute('aria-label')}`;
      });
    }
  },
);

// A back-in-stock alert from the same design system, shipped broken: its button answers nothing.
customElements.define(
  'fh-stock-alert',
  class extends HTMLElement {
    connectedCallback() {
      this.attachShadow({ mode: 'open' }).innerHTML = `<p>Size L sold out. <button type="button">Notify me</button></p>`;
    }
  },
);

// A styled upload button opening a hidden file input, as most sites do: only the browser's file chooser answers it.
const repairFile = $('#repair-file');
$('#repair-photo')?.addEventListener('click', () => repairFile.click());
repairFile?.addEventListener('change', () => ($('#repair-file-name').textContent = repairFile.files[0]?.name ?? ''));

// Sign-in as apps write it: the button's click handler posts and moves on; the form never submits.
$('#signin')?.addEventListener('click', async () => {
  await fetch('/api/signin');
  location.href = '/shop';
});
