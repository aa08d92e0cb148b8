// Server-side page templates for the Northwind Phones demo site.
// renderRoute(pathname, ctx) -> { status, html } | null  (null = not a page; try static files)

const SITE = 'Northwind Phones';

export function esc(value) {
  return String(value)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

export function formatPrice(amount) {
  return '$' + Number(amount).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}

const CATEGORIES = {
  phones: {
    title: 'Phones',
    intro: 'Unlocked phones with five years of security updates, free delivery and a 2-year warranty.',
  },
  accessories: {
    title: 'Accessories',
    intro: 'Cases and chargers designed alongside our phones, so everything fits the first time.',
  },
};

const NAV = [
  { href: '/', label: 'Home', key: 'home' },
  { href: '/category/phones', label: 'Phones', key: 'phones' },
  { href: '/category/accessories', label: 'Accessories', key: 'accessories' },
  { href: '/search', label: 'Search', key: 'search' },
  { href: '/help', label: 'Help', key: 'help' },
  { href: '/account', label: 'Account', key: 'account' },
];

const LOGO = `<svg class="brand-mark" viewBox="0 0 32 32" width="32" height="32" aria-hidden="true" focusable="false"><rect width="32" height="32" rx="7" fill="#3b5bdb"/><rect x="10" y="5" width="12" height="22" rx="3" fill="#fff"/><rect x="12" y="8" width="8" height="15" rx="1" fill="#3b5bdb"/></svg>`;

function header(current) {
  const items = NAV.map(
    (n) => `<li><a href="${n.href}"${n.key === current ? ' aria-current="page"' : ''}>${n.label}</a></li>`,
  ).join('');
  const cartCurrent = current === 'cart' ? ' aria-current="page"' : '';
  return `<header class="site-header">
  <div class="wrap header-inner">
    <a class="brand" href="/">${LOGO}<span>Northwind Phones</span></a>
    <nav class="main-nav" aria-label="Main">
      <ul>${items}<li><a class="cart-link" href="/cart"${cartCurrent}>Cart (<span data-cart-count>0</span>)</a></li></ul>
    </nav>
  </div>
</header>`;
}

function footer() {
  return `<footer class="site-footer">
  <div class="wrap footer-inner">
    <div>
      <p class="footer-brand">Northwind Phones</p>
      <nav aria-label="Footer">
        <ul class="footer-links">
          <li><a href="/about">About</a></li>
          <li><a href="/refer">Refer a friend</a></li>
          <li><a href="/help">Help</a></li>
        </ul>
      </nav>
    </div>
    <form class="newsletter" id="newsletter-form" action="/newsletter/thanks" method="get" novalidate>
      <label for="newsletter-email">Get deals and new-phone news by email</label>
      <div class="inline-field">
        <input id="newsletter-email" name="email" type="email" autocomplete="email" placeholder="you@example.com">
        <button type="submit" class="btn btn-small">Subscribe</button>
      </div>
      <p class="form-msg" id="newsletter-msg" role="status"></p>
    </form>
  </div>
  <div class="wrap legal">© 2025 Northwind Phones Ltd. This is a demo shop: nothing is really sold, charged or shipped.</div>
</footer>`;
}

/**
 * Wrap a page body in the shared document shell.
 * chrome=false drops header, footer, skip link and scripts (used by the dead-end page).
 */
function layout({ title, page, current = '', body, chrome = true, description = '', extraHead = '' }) {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title>
<meta name="description" content="${esc(description || 'Northwind Phones: unlocked phones and accessories with free delivery and a 2-year warranty.')}">
<link rel="icon" href="/assets/favicon.svg" type="image/svg+xml">
<link rel="stylesheet" href="/assets/site.css">
${chrome ? '<script src="/assets/site.js" defer></script>\n' : ''}${extraHead}</head>
<body data-page="${esc(page)}">
${chrome ? '<a class="skip-link" href="#main">Skip to content</a>\n' + header(current) + '\n' : ''}<main id="main" class="wrap">
${body}
</main>
${chrome ? footer() + '\n' : ''}</body>
</html>
`;
}

function productsJson(products) {
  // Embedded for client-side rendering (search, cart, checkout). '<' is escaped so the
  // JSON can never close the script element.
  return `<script id="products-data" type="application/json">${JSON.stringify(products).replace(/</g, '\\u003c')}</script>\n`;
}

function productCard(p) {
  return `<li class="card product-card">
  <img class="card-img" src="/assets/img/product-${p.id}.svg" alt="" width="400" height="400">
  <div class="card-body">
    <h3 class="card-title"><a class="stretched" href="/product/${p.id}">${esc(p.name)}</a></h3>
    <p class="card-text">${esc(p.tagline)}</p>
    <p class="price">${formatPrice(p.price)}</p>
  </div>
</li>`;
}

// ---------------------------------------------------------------------------
// Pages

function home({ products }) {
  const featured = [1, 2, 3, 5].map((id) => products.find((p) => p.id === id)).filter(Boolean);
  return layout({
    title: `Home – ${SITE}`,
    page: 'home',
    current: 'home',
    description: 'Unlocked phones and accessories from Northwind Phones. Free delivery, 30-day returns, 2-year warranty.',
    body: `<section class="hero">
  <div class="hero-text">
    <p class="eyebrow">New: Aurora X is here</p>
    <h1>Phones that last. Prices that don't hurt.</h1>
    <p class="lede">Northwind makes unlocked phones with long battery life, honest cameras and five years of updates. Free delivery, 30-day returns and a 2-year warranty on everything.</p>
    <p class="hero-actions"><a class="btn" href="/category/phones">Shop phones</a> <a class="btn btn-ghost" href="/category/accessories">Browse accessories</a></p>
  </div>
  <img class="hero-img" src="/assets/img/hero.svg" alt="Three Northwind phones side by side" width="560" height="400">
</section>

<a class="deal-banner" href="/deals"><span><strong>Deals week:</strong> up to 30% off selected phones.</span> <span>See the deals →</span></a>

<section aria-labelledby="featured-heading">
  <h2 id="featured-heading">Popular right now</h2>
  <ul class="grid">${featured.map(productCard).join('\n')}</ul>
</section>

<section class="split" aria-labelledby="guide-heading">
  <div>
    <h2 id="guide-heading">Not sure which phone is right for you?</h2>
    <p>Screen size, battery, camera, storage: our plain-English guide walks you through what actually matters and what you can safely ignore.</p>
    <p><a href="/guides/choosing-a-phone">Read: How to choose a phone</a></p>
  </div>
  <div class="promo-teaser">
    <h2>Winter sale</h2>
    <p>Last season's colours at clearance prices, while stocks last.</p>
    <p><a href="/promo/winter-sale">Shop the winter sale</a></p>
  </div>
</section>

<section aria-labelledby="why-heading">
  <h2 id="why-heading">Why buy from Northwind?</h2>
  <ul class="features">
    <li><h3>Free, fast delivery</h3><p>Order by 3 pm for next-day delivery at no extra cost. <a href="/help#/article/shipping">Delivery details</a></p></li>
    <li><h3>30-day returns</h3><p>Changed your mind? Send it back within 30 days for a full refund. <a href="/help#/article/returns">How returns work</a></p></li>
    <li><h3>2-year warranty</h3><p>If something goes wrong, we repair or replace it. <a href="/help#/article/warranty">Warranty cover</a></p></li>
  </ul>
</section>`,
  });
}

function about() {
  return layout({
    title: `About us – ${SITE}`,
    page: 'about',
    description: 'Who we are: a small phone company that builds phones to last.',
    body: `<h1>About Northwind Phones</h1>
<div class="split">
  <div>
    <p class="lede">We started Northwind in 2016 in a rented workshop with one idea: a good phone should last at least five years.</p>
    <p>Most phones are replaced because the battery fades, the software stops getting updates, or a repair costs more than a new phone. We design around all three. Our batteries are rated for 1,000 full charge cycles, every phone gets five years of security updates, and screens and batteries can be replaced at any of our partner stores in under an hour.</p>
    <p>Today a team of 120 people designs, tests and supports our phones from offices in Leeds and Rotterdam. We still repair phones in that first workshop.</p>
  </div>
  <img src="/assets/img/workshop.svg" alt="The Northwind repair workshop" width="560" height="320">
</div>

<h2>What we believe</h2>
<ul class="features">
  <li><h3>Repair before replace</h3><p>Spare parts for every phone we sell are available for at least seven years.</p></li>
  <li><h3>Honest specs</h3><p>Battery life figures come from our own real-world tests, published in full.</p></li>
  <li><h3>No lock-in</h3><p>Every phone is sold unlocked and works with any network.</p></li>
</ul>

<h2>Work with us</h2>
<p>We're hiring engineers, repair technicians and support specialists. Take a look at our <a href="/careers">Careers</a> page for open roles.</p>

<h2>Contact</h2>
<p>Northwind Phones Ltd, 14 Mill Yard, Leeds LS1 4AB. For order questions, visit the <a href="/help">Help centre</a>.</p>`,
  });
}

function category(slug, { products }) {
  const cat = CATEGORIES[slug];
  const list = products.filter((p) => p.category === slug);
  return layout({
    title: `${cat.title} – ${SITE}`,
    page: 'category',
    current: slug,
    description: cat.intro,
    body: `<nav class="breadcrumb" aria-label="Breadcrumb"><ol><li><a href="/">Home</a></li><li aria-current="page">${cat.title}</li></ol></nav>
<h1>${cat.title}</h1>
<p class="lede">${esc(cat.intro)}</p>
<p class="muted">${list.length} products</p>
<ul class="grid">${list.map(productCard).join('\n')}</ul>`,
  });
}

function product(p, { products }) {
  const cat = CATEGORIES[p.category];
  const related = products.filter((o) => o.id !== p.id && o.category === p.category).slice(0, 3);
  return layout({
    title: `${p.shortName} – ${SITE}`,
    page: 'product',
    current: p.category,
    description: p.tagline,
    body: `<nav class="breadcrumb" aria-label="Breadcrumb"><ol><li><a href="/">Home</a></li><li><a href="/category/${p.category}">${cat.title}</a></li><li aria-current="page">${esc(p.shortName)}</li></ol></nav>
<article class="product" data-product-id="${p.id}">
  <figure class="product-figure">
    <img class="product-img" id="product-img" src="/assets/img/product-${p.id}.svg" alt="${esc(p.name)}" width="400" height="400">
    <figcaption><button type="button" class="btn btn-ghost" id="view-full-screen">View full screen</button></figcaption>
  </figure>
  <div class="product-info">
    <h1>${esc(p.name)}</h1>
    <p class="lede">${esc(p.tagline)}</p>
    <p class="price price-large">${formatPrice(p.price)}</p>
    <p>${esc(p.description)}</p>
    <h2>Highlights</h2>
    <ul class="ticks">${p.features.map((f) => `<li>${esc(f)}</li>`).join('')}</ul>
    <div class="buy-box">
      <button type="button" class="btn" id="add-to-cart" data-product-id="${p.id}">Add to cart</button>
      <a class="btn btn-ghost" href="/cart">View cart</a>
      <button type="button" class="btn btn-ghost" popovertarget="delivery-info">Delivery &amp; returns</button>
      <div popover id="delivery-info" class="info-popover"><p>Free next-day delivery when you order by 3 pm. Returns are free within 30 days.</p></div>
      <p class="form-msg" id="add-to-cart-msg" role="status"></p>
    </div>
    <div class="stock-box">
      <h2>Pick up in store</h2>
      <p class="muted">Check whether this item is in stock at a store near you.</p>
      <button type="button" class="btn btn-secondary" id="check-stock">Check store stock</button>
      <p class="form-msg" id="stock-status" role="status"></p>
    </div>
  </div>
</article>
${related.length ? `<section aria-labelledby="related-heading">
  <h2 id="related-heading">You might also like</h2>
  <ul class="grid">${related.map(productCard).join('\n')}</ul>
</section>` : ''}`,
  });
}

function search({ products, query }) {
  const q = query.get('q') ?? '';
  return layout({
    title: `Search – ${SITE}`,
    page: 'search',
    current: 'search',
    extraHead: productsJson(products),
    body: `<h1>Search</h1>
<form id="search-form" class="search-form" role="search" action="/search" method="get">
  <label for="search-q">Search products</label>
  <div class="inline-field">
    <input id="search-q" name="q" type="search" value="${esc(q)}" placeholder="Try “camera”, “case” or “fold”" autocomplete="off">
    <button type="submit" class="btn">Search</button>
  </div>
</form>
<p class="muted">Popular searches: <a href="/search?q=camera">camera</a>, <a href="/search?q=case">case</a>, <a href="/search?q=battery">battery</a></p>
<p id="search-summary" role="status" class="search-summary">Type a word above to search our ${products.length} products.</p>
<ul id="search-results" class="grid"></ul>`,
  });
}

function cart({ products }) {
  return layout({
    title: `Your cart – ${SITE}`,
    page: 'cart',
    current: 'cart',
    extraHead: productsJson(products),
    body: `<h1>Your cart</h1>
<div class="cart-layout">
  <section aria-labelledby="cart-items-heading">
    <h2 id="cart-items-heading" class="visually-hidden">Items</h2>
    <div id="cart-items"><p class="muted">Loading your cart…</p></div>
  </section>
  <aside class="summary" aria-labelledby="summary-heading">
    <h2 id="summary-heading">Order summary</h2>
    <dl class="totals">
      <dt>Subtotal</dt><dd id="cart-subtotal">$0.00</dd>
      <dt>Delivery</dt><dd>Free</dd>
      <dt class="total">Total</dt><dd class="total" id="cart-total">$0.00</dd>
    </dl>
    <div class="coupon">
      <label for="coupon-code">Coupon code</label>
      <div class="inline-field">
        <input id="coupon-code" name="coupon" type="text" autocomplete="off" placeholder="e.g. WINTER10">
        <button type="button" class="btn btn-secondary btn-small" id="apply-coupon">Apply coupon</button>
      </div>
    </div>
    <p><a class="btn btn-block" id="go-to-checkout" href="/checkout">Proceed to checkout</a></p>
    <p class="muted"><a href="/category/phones">Continue shopping</a></p>
  </aside>
</div>`,
  });
}

const CHECKOUT_STEP_TITLES = {
  '/checkout': 'Checkout',
  '/checkout/shipping': 'Shipping – Checkout',
  '/checkout/payment': 'Payment – Checkout',
  '/checkout/review': 'Review your order – Checkout',
  '/checkout/done': 'Order confirmed – Checkout',
};

function checkout(pathname, { products }) {
  const stepTitle = CHECKOUT_STEP_TITLES[pathname] ?? 'Checkout';
  return layout({
    title: `${stepTitle} – ${SITE}`,
    page: 'checkout',
    current: 'cart',
    extraHead: productsJson(products),
    body: `<h1>Checkout</h1>
<div id="checkout-app" class="checkout">
  <ol class="steps" id="checkout-steps" aria-label="Checkout progress"></ol>
  <form id="checkout" class="checkout-form" novalidate>
    <p class="muted">Loading checkout…</p>
  </form>
</div>`,
  });
}

function account() {
  return layout({
    title: `Your account – ${SITE}`,
    page: 'account',
    current: 'account',
    body: `<h1>Your account</h1>
<div class="split">
  <section class="panel" aria-labelledby="signin-heading">
    <h2 id="signin-heading">Sign in</h2>
    <form id="signin-form" novalidate>
      <div class="field"><label for="signin-email">Email address</label><input id="signin-email" name="email" type="email" autocomplete="email"></div>
      <div class="field"><label for="signin-password">Password</label><input id="signin-password" name="password" type="password" autocomplete="current-password"></div>
      <button type="submit" class="btn">Sign in</button>
      <p class="form-msg" id="signin-msg" role="status"></p>
    </form>
    <p>New to Northwind? <a href="/account/register">Create an account</a></p>
  </section>
  <section class="panel" aria-labelledby="orders-heading">
    <h2 id="orders-heading">Order history</h2>
    <ul class="orders">
      <li class="order">
        <div class="order-head"><strong>Order NW-10482</strong> <span class="badge badge-warn">In transit</span></div>
        <p>Northwind Pulse 12 · ordered 3 March 2025 · $649.00</p>
        <p class="order-actions">
          <button type="button" class="btn btn-secondary btn-small" id="track-order">Track order</button>
          <button type="button" class="btn btn-secondary btn-small" id="reorder">Reorder</button>
          <a href="/help#/article/shipping">Delivery questions</a>
        </p>
        <p class="form-msg" id="order-msg" role="status"></p>
      </li>
      <li class="order">
        <div class="order-head"><strong>Order NW-09731</strong> <span class="badge">Delivered</span></div>
        <p>Northwind ClearGuard Case ×2 · ordered 14 January 2025 · $58.00</p>
        <p class="order-actions"><a href="/help#/article/returns">Return an item</a></p>
      </li>
      <li class="order">
        <div class="order-head"><strong>Order NW-08815</strong> <span class="badge">Delivered</span></div>
        <p>Northwind Lite SE · ordered 2 November 2024 · $299.00</p>
        <p class="order-actions"><a href="/help#/article/warranty">Warranty and repairs</a> · <a href="/help">Help centre</a></p>
      </li>
    </ul>
  </section>
</div>`,
  });
}

function register() {
  const countries = ['United Kingdom', 'Ireland', 'Netherlands', 'Germany', 'France', 'United States', 'Canada'];
  return layout({
    title: `Create an account – ${SITE}`,
    page: 'register',
    current: 'account',
    body: `<nav class="breadcrumb" aria-label="Breadcrumb"><ol><li><a href="/account">Account</a></li><li aria-current="page">Create an account</li></ol></nav>
<h1>Create an account</h1>
<p class="lede">Track orders, save addresses and get early access to deals.</p>
<form id="register-form" class="panel form-grid" novalidate>
  <div class="field"><label for="reg-name">Full name</label><input id="reg-name" name="name" type="text" autocomplete="name"></div>
  <div class="field"><label for="reg-email">Email address</label><input id="reg-email" name="email" type="email" autocomplete="email"></div>
  <div class="field"><label for="reg-password">Password</label><input id="reg-password" name="password" type="password" autocomplete="new-password"></div>
  <div class="field"><label for="reg-phone">Phone number</label><input id="reg-phone" name="phone" type="tel" autocomplete="tel"></div>
  <div class="field"><label for="reg-age">Age</label><input id="reg-age" name="age" type="number" min="13" max="120" inputmode="numeric"></div>
  <div class="field"><label for="reg-country">Country</label><select id="reg-country" name="country" autocomplete="country-name">${countries
    .map((c) => `<option>${c}</option>`)
    .join('')}</select></div>
  <div class="field field-wide"><label for="reg-about">Tell us about yourself</label><textarea id="reg-about" name="about" rows="4"></textarea></div>
  <div class="field field-wide"><span class="label" id="reg-bio-label">Bio</span><div id="reg-bio" class="editable" contenteditable="true" role="textbox" aria-multiline="true" aria-labelledby="reg-bio-label"></div></div>
  <div class="field-wide">
    <button type="submit" class="btn" id="register-submit">Create account</button>
    <p class="form-msg" id="register-msg" role="status"></p>
  </div>
</form>`,
  });
}

function help() {
  return layout({
    title: `Help centre – ${SITE}`,
    page: 'help',
    current: 'help',
    body: `<h1>Help centre</h1>
<div id="help-view" class="help-view" aria-live="polite"><p class="muted">Loading help articles…</p></div>
<aside class="panel contact-box">
  <h2>Still need help?</h2>
  <p>Our support team answers email within one working day: support@northwind.example. Phone lines are open 9 am – 6 pm, Monday to Saturday.</p>
</aside>`,
  });
}

function refer({ origin }) {
  const link = `${origin}/?ref=NW-7F3K2`;
  return layout({
    title: `Refer a friend – ${SITE}`,
    page: 'refer',
    body: `<h1>Refer a friend</h1>
<p class="lede">Love your Northwind phone? Tell people about it. When a friend buys a phone with your link, you both get $25 off your next order.</p>
<div class="split">
  <section class="panel" aria-labelledby="ref-heading">
    <h2 id="ref-heading">Your referral link</h2>
    <label for="referral-link">Share this link with friends</label>
    <div class="inline-field">
      <input id="referral-link" name="referral-link" type="text" readonly value="${esc(link)}">
      <button type="button" class="btn" id="copy-referral">Copy referral link</button>
    </div>
    <p class="form-msg" id="copy-msg" role="status"></p>
  </section>
  <section class="panel" aria-labelledby="review-heading">
    <h2 id="review-heading">Write a review</h2>
    <form id="review-form" novalidate>
      <div class="field"><label for="review-rating">Your rating</label>
        <select id="review-rating" name="rating">
          <option value="5">★★★★★ 5 stars</option>
          <option value="4">★★★★☆ 4 stars</option>
          <option value="3">★★★☆☆ 3 stars</option>
          <option value="2">★★☆☆☆ 2 stars</option>
          <option value="1">★☆☆☆☆ 1 star</option>
        </select>
      </div>
      <div class="field"><label for="review-text">Your review</label><textarea id="review-text" name="review" rows="5" placeholder="What do you like about your phone?"></textarea></div>
      <button type="submit" class="btn">Post review</button>
      <p class="form-msg" id="review-msg" role="status"></p>
    </form>
  </section>
</div>
<section aria-labelledby="reviews-heading">
  <h2 id="reviews-heading">What customers say</h2>
  <ul class="reviews" id="reviews-list">
    <li><p class="stars" aria-label="5 stars">★★★★★</p><blockquote>“Two days of battery, every time. I forgot where I put my charger.”</blockquote><p class="muted">Priya, Aurora X owner</p></li>
    <li><p class="stars" aria-label="4 stars">★★★★☆</p><blockquote>“Small, fast and the camera is great for my dog who never sits still.”</blockquote><p class="muted">Tom, Pulse 12 owner</p></li>
  </ul>
</section>`,
  });
}

function deals({ products }) {
  const dealItems = [
    { id: 1, was: 899, now: 749 },
    { id: 2, was: 649, now: 519 },
    { id: 3, was: 299, now: 229 },
  ];
  const cards = dealItems
    .map(({ id, was, now }) => {
      const p = products.find((x) => x.id === id);
      return `<li class="card deal-card"><div class="card-body"><h3 class="card-title"><a href="/product/${id}">${esc(p.name)}</a></h3><p><s class="muted">${formatPrice(was)}</s> <span class="price">${formatPrice(now)}</span></p></div></li>`;
    })
    .join('\n');
  return layout({
    title: `Deals – ${SITE}`,
    page: 'deals',
    description: 'Deals week at Northwind Phones: up to 30% off selected phones.',
    body: `<h1 class="small-h1">Deals week</h1>
<img class="deals-hero" src="/assets/slow-hero.svg?v=2025" alt="Deals week: up to 30% off selected phones, ends Sunday" width="1200" height="520">
<p>Prices drop on three of our most popular phones until Sunday at midnight.</p>
<ul class="grid grid-small">${cards}</ul>`,
  });
}

function promoSoft404() {
  // Planted friction #3: a soft 404. HTTP 200, but the content says "not found".
  return layout({
    title: `Not found – ${SITE}`,
    page: 'promo',
    body: `<div class="error-page">
  <h1>Sorry, we couldn't find that page</h1>
  <p>The offer you're looking for may have ended or moved. Check out our current phones instead.</p>
  <p><a class="btn" href="/">Back to the home page</a></p>
</div>`,
  });
}

function newsletterThanks() {
  // Planted friction #4: a dead end. No header, no footer, no links, no buttons.
  return layout({
    title: `Thanks for subscribing – ${SITE}`,
    page: 'newsletter-thanks',
    chrome: false,
    body: `<div class="dead-end">
  <h1>Thanks for subscribing</h1>
  <p>You're on the list. Watch your inbox for our next newsletter with new phones, deals and tips.</p>
  <p class="muted">You can close this tab now.</p>
</div>`,
  });
}

const GUIDE_SECTIONS = [
  ['Start with how you actually use your phone', [
    'Before comparing spec sheets, spend a day noticing what you do with your current phone. Most people spend the bulk of their time on messaging, maps, music, a handful of social apps and the camera. Very few of us need a phone that can edit 4K video or run the latest console-quality games.',
    'Write down the three things that annoy you most about your current phone. For most people the list looks something like: the battery dies by evening, the camera is blurry indoors, and it is running out of storage. Those three answers will narrow your choice faster than any review.',
    'If your current phone is fine apart from one problem, the right upgrade is often a cheaper model that fixes that one problem very well, rather than the most expensive flagship.',
  ]],
  ['Screen size and one-handed use', [
    'Phones have grown steadily for a decade. A 6.1-inch screen is now considered compact, and 6.7 inches is common. A larger screen is easier on the eyes for reading and video, but harder to use with one hand and harder to fit in a pocket.',
    'If you can, hold the phone in a shop before you buy. Try reaching the top corner of the screen with your thumb. If you find yourself shuffling the phone in your hand, consider a smaller model such as the Pulse 12.',
    'OLED screens have deeper blacks and use less power with dark themes; LCD screens are cheaper and perfectly good for everyday use. A 90 Hz or 120 Hz refresh rate makes scrolling feel smoother, which you will notice every single day.',
  ]],
  ['Battery life: the spec that matters most', [
    'Battery capacity is measured in milliamp-hours (mAh). Around 4,000 mAh will get most people through a day; 5,000 mAh usually means a day and a half to two days. But capacity is only half the story: an efficient processor and screen matter just as much.',
    'Look for independent battery tests that measure a mix of web browsing, video and standby rather than a single figure from the manufacturer. We publish our own test method and results on every product page.',
    'Think about charging too. Fast wired charging (45 W and above) can top up a phone from empty to half in under twenty minutes. Wireless charging is slower but convenient if you use a stand on your desk or bedside table.',
    'Finally, check how many charge cycles the battery is rated for. A battery rated for 1,000 cycles will still hold around 80% of its original capacity after almost three years of daily charging.',
  ]],
  ['Cameras: ignore the megapixel count', [
    'Megapixels tell you how many dots make up an image, not how good it looks. A well-tuned 12-megapixel camera will beat a poor 108-megapixel one in almost every situation.',
    'What matters more is the size of the sensor, the quality of the lens and, above all, the image processing. Look at sample photos taken indoors and at night, because that is where cheap cameras struggle.',
    'Extra lenses can be useful. An ultra-wide lens is great for landscapes and group photos in small rooms; a telephoto lens lets you zoom in without losing detail. Macro and depth lenses on budget phones are usually there to pad out the spec sheet.',
  ]],
  ['Storage: buy more than you think you need', [
    'Photos, videos, messaging app media and offline maps fill storage faster than most people expect. 128 GB is a sensible minimum for a phone you plan to keep for several years; 256 GB if you shoot a lot of video.',
    'Some phones, such as the Lite SE, have a microSD slot so you can add cheap extra storage later. Cloud storage is another option, but it usually means a monthly subscription.',
  ]],
  ['Software updates and security', [
    'A phone that stops receiving security updates becomes riskier to use for banking, shopping and email. Before you buy, check how many years of updates the manufacturer promises, and whether that promise starts from the release date or your purchase date.',
    'Every Northwind phone receives five years of security updates from the day it goes on sale. Buying a model that has just launched gives you the longest possible support period.',
    'Major version updates bring new features, but security patches are the part that really matters. A phone with fewer feature updates but long security support is often the better long-term choice.',
  ]],
  ['Durability and repair', [
    'An IP68 rating means the phone survives dust and being dropped in water for a short time. It is worth having, but it does not make a phone waterproof, and the seals age over time.',
    'Ask how much a screen or battery replacement costs and how long it takes. Some phones are glued together so tightly that a battery swap costs almost as much as a new phone. We design ours so a battery can be replaced in under an hour.',
    'A good case and screen protector are the cheapest insurance you can buy. Our ClearGuard case is drop-tested to three metres and costs less than a single screen repair.',
  ]],
  ['Foldables: are they worth it?', [
    'Foldable phones like the Fold Pro open into a small tablet. They are brilliant for reading, multitasking and watching video on the move, and they turn heads.',
    'The trade-offs are price, weight and a visible crease on the inner screen. If you mostly message and browse, a standard phone is better value. If you regularly carry both a phone and a tablet, a foldable can replace both.',
  ]],
  ['Buying unlocked versus on contract', [
    'Buying an unlocked phone outright usually costs more upfront but less over two years, and you are free to switch to the cheapest SIM-only plan at any time.',
    'Contracts spread the cost but often bundle a phone price that is higher than buying it outright. Add up the total cost over the contract term before you decide.',
    'All Northwind phones are sold unlocked and work with every major network.',
  ]],
  ['Our quick recommendations', [
    'Want the best all-rounder with the longest battery life? Choose the Aurora X.',
    'Want flagship speed in a phone you can use with one hand? Choose the Pulse 12.',
    'Buying a first phone, a backup phone or a phone for a teenager? The Lite SE does everything that matters for under $300.',
    'Want a phone and a tablet in one pocket? The Fold Pro is the one.',
  ]],
];

function guide() {
  const sections = GUIDE_SECTIONS.map(
    ([heading, paras]) => `<section>
  <h2>${esc(heading)}</h2>
  ${paras.map((t) => `<p>${esc(t)}</p>`).join('\n  ')}
</section>`,
  ).join('\n');
  return layout({
    title: `How to choose a phone – ${SITE}`,
    page: 'guide',
    description: 'A plain-English guide to choosing your next phone.',
    body: `<article class="article">
<p class="eyebrow">Buying guide · 9 minute read</p>
<h1>How to choose a phone</h1>
<p class="lede">There are hundreds of phones on sale and every one of them claims to be the best. This guide explains which specs actually make a difference to everyday life, and which ones you can safely ignore.</p>
${sections}
<section>
  <h2>Compare our phones</h2>
  <table class="compare">
    <caption class="visually-hidden">Northwind phone comparison</caption>
    <thead><tr><th scope="col">Phone</th><th scope="col">Screen</th><th scope="col">Battery</th><th scope="col">Storage</th><th scope="col">Price</th></tr></thead>
    <tbody>
      <tr><th scope="row"><a href="/product/1">Aurora X</a></th><td>6.7″ OLED, 120 Hz</td><td>5,000 mAh</td><td>256 GB</td><td>$899</td></tr>
      <tr><th scope="row"><a href="/product/2">Pulse 12</a></th><td>6.1″ OLED, 90 Hz</td><td>4,200 mAh</td><td>128 GB</td><td>$649</td></tr>
      <tr><th scope="row"><a href="/product/3">Lite SE</a></th><td>6.5″ LCD</td><td>5,000 mAh</td><td>64 GB + microSD</td><td>$299</td></tr>
      <tr><th scope="row"><a href="/product/4">Fold Pro</a></th><td>7.8″ foldable</td><td>4,800 mAh</td><td>512 GB</td><td>$1,499</td></tr>
    </tbody>
  </table>
</section>
<p><a class="btn" href="/category/phones">Shop all phones</a></p>
<p><button type="button" class="btn btn-secondary" id="back-to-top">Back to top ↑</button>
  <button type="button" class="btn btn-ghost" id="notify-guides">Notify me of new guides</button></p>
</article>`,
  });
}

function notFound() {
  return layout({
    title: `Page not found – ${SITE}`,
    page: 'not-found',
    body: `<div class="error-page">
  <p class="error-code">404</p>
  <h1>Page not found</h1>
  <p>Sorry, the page you asked for doesn't exist. It may have been moved, or the link may be wrong.</p>
  <p><a class="btn" href="/">Go to the home page</a></p>
</div>`,
  });
}

/** For tests of what the extension does with hostile text: a title and heading made of markup (shown escaped). */
const HOSTILE_TITLE = `<img src=x onerror="__pwned('title')"><script>__pwned('title')</script>`;

function hostile() {
  return layout({
    title: HOSTILE_TITLE,
    page: 'hostile',
    body: `<h1>${esc(HOSTILE_TITLE)}</h1>
<p>This page's title is markup. A tool that shows it must show it as text.</p>
<p><button type="button" class="btn" id="hostile-button">Do nothing</button></p>`,
  });
}

/** For tests of feedback screenshots: fields of every kind, a masked area, big type so their text shows. */
function formLab() {
  return layout({
    title: `Your details – ${SITE}`,
    page: 'form-lab',
    chrome: false,
    extraHead: `<style>
  .lab { display: grid; grid-template-columns: 320px; gap: 14px; padding-top: 16px; }
  .lab input, .lab textarea, .lab .masked { font: 28px/1.2 monospace; padding: 6px; width: 300px; box-sizing: border-box; border: 1px solid #888; background: #fff; color: #000; }
  .lab .masked { background: #fffbe6; }
</style>\n`,
    body: `<h1 id="lab-title">Your details</h1>
<form class="lab" id="lab-form" onsubmit="return false">
  <label for="lab-name">Full name</label><input id="lab-name" name="fullname" type="text" autocomplete="name">
  <label for="lab-city">City</label><input id="lab-city" name="city" type="text">
  <label for="lab-about">About you</label><textarea id="lab-about" name="about" rows="1"></textarea>
  <label for="lab-password">Password</label><input id="lab-password" name="password" type="password" autocomplete="current-password">
  <label for="lab-card">Card number</label><input id="lab-card" name="cardnumber" type="text" autocomplete="cc-number" inputmode="numeric">
  <div class="masked" id="lab-masked" data-jl-mask>Member 4417</div>
</form>`,
  });
}

/** The option a privacy test chooses: its label must never be recorded, as no chosen value may be. */
const SECRET_OPTION = 'Plan CANARY-select-5d1e';
const SECRET_TOPIC = 'Topic CANARY-listbox-8c2b';

/**
 * For tests of what is never recorded: a checkout form with a field of every kind (text, email, a password with
 * a show toggle, number, textarea, contenteditable, card number, expiry and security code by autocomplete, fields
 * named card and cvv, a select and a listbox), each in a padded wrapper with a hint, so clicks around a filled
 * field land on elements that are not fields.
 */
function privacyLab() {
  const field = (id, label, control, hint) =>
    `<div class="pv-field" id="${id}-field"><label for="${id}">${label}</label>${control}<small class="pv-hint" id="${id}-hint">${hint}</small></div>`;
  return layout({
    title: `Checkout details – ${SITE}`,
    page: 'privacy-lab',
    extraHead: `<style>
  .pv { display: grid; grid-template-columns: repeat(2, minmax(0, 1fr)); gap: 12px; padding: 8px 0 24px; }
  .pv-field { display: flex; flex-direction: column; gap: 4px; padding: 14px; border: 1px dashed #bbb; }
  .pv-field input, .pv-field textarea, .pv-field select, .pv-field [contenteditable] { font: inherit; padding: 6px; border: 1px solid #888; }
  .pv-field [contenteditable] { min-height: 4em; }
</style>\n`,
    body: `<h1 id="pv-title">Checkout details</h1>
<form class="pv" id="pv-form" onsubmit="return false">
  ${field('pv-name', 'Full name', '<input id="pv-name" name="fullname" type="text" autocomplete="name">', 'As on your ID')}
  ${field('pv-email', 'Email', '<input id="pv-email" name="email" type="email" autocomplete="email">', 'For the receipt')}
  ${field(
    'pv-word',
    'Account key',
    '<input id="pv-word" name="word" type="password"><button type="button" id="pv-word-toggle" onclick="var f=document.getElementById(\'pv-word\');f.type=f.type===\'password\'?\'text\':\'password\'">Show</button>',
    'Shown only while you hold it',
  )}
  ${field('pv-qty', 'Quantity', '<input id="pv-qty" name="quantity" type="number" min="1">', 'Whole units')}
  ${field('pv-notes', 'Delivery notes', '<textarea id="pv-notes" name="notes" rows="2"></textarea>', 'Optional')}
  <div class="pv-field" id="pv-bio-field"><span id="pv-bio-label">Gift message</span><div id="pv-bio" contenteditable="true" role="textbox" aria-multiline="true" aria-labelledby="pv-bio-label"></div><small class="pv-hint" id="pv-bio-hint">Printed on the card</small></div>
  ${field('pv-cc', 'Card number', '<input id="pv-cc" name="number" type="text" autocomplete="cc-number" inputmode="numeric">', '16 digits')}
  ${field('pv-exp', 'Expiry', '<input id="pv-exp" name="expiry" type="text" autocomplete="cc-exp">', 'MM/YY')}
  ${field('pv-csc', 'Security code', '<input id="pv-csc" name="code" type="text" autocomplete="cc-csc">', 'On the back')}
  ${field('pv-holder', 'Name on card', '<input id="pv-holder" name="cardholder" type="text">', 'Exactly as printed')}
  ${field('pv-verify', 'Verification', '<input id="pv-verify" name="cvv" type="text">', 'Three digits')}
  ${field('pv-plan', 'Plan', `<select id="pv-plan" name="plan"><option>Basic</option><option>${SECRET_OPTION}</option></select>`, 'Change any time')}
  ${field(
    'pv-topics',
    'Topics',
    `<select id="pv-topics" name="topics" multiple size="3"><option>Phones</option><option>${SECRET_TOPIC}</option><option>Cases</option></select>`,
    'Pick any',
  )}
</form>`,
  });
}

/**
 * The least a page can be — a heading, a paragraph, a button, a link; no stylesheet, no script — so the bench
 * shows what the extension costs a page that costs nothing itself.
 */
function minimal() {
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Minimal – ${SITE}</title></head>
<body>
<h1>Minimal page</h1>
<p id="minimal-text">A heading, a paragraph, a button and a link, and nothing else.</p>
<button type="button" id="minimal-button">A button</button>
<a href="/">Home</a>
</body>
</html>
`;
}

// ---------------------------------------------------------------------------

const STATIC_ROUTES = {
  '/': home,
  '/about': about,
  '/search': search,
  '/cart': cart,
  '/account': account,
  '/account/register': register,
  '/help': help,
  '/refer': refer,
  '/deals': deals,
  '/promo/winter-sale': promoSoft404,
  '/newsletter/thanks': newsletterThanks,
  '/guides/choosing-a-phone': guide,
  '/lab/hostile': hostile,
  '/lab/form': formLab,
  '/lab/checkout': privacyLab,
  '/minimal': minimal,
};

/**
 * @param {string} pathname decoded, normalised path (no trailing slash except "/")
 * @param {{ products: any[], query: URLSearchParams, origin: string, forceNotFound?: boolean }} ctx
 * @returns {{ status: number, html: string } | null} null when the path is not a page
 *   (the server then tries static files, then falls back to a 404 page).
 */
export function renderRoute(pathname, ctx) {
  if (ctx.forceNotFound) return { status: 404, html: notFound() };

  const fixed = STATIC_ROUTES[pathname];
  if (fixed) return { status: 200, html: fixed(ctx) };

  let m = /^\/category\/([^/]+)$/.exec(pathname);
  if (m) {
    return CATEGORIES[m[1]] ? { status: 200, html: category(m[1], ctx) } : { status: 404, html: notFound() };
  }

  m = /^\/product\/([^/]+)$/.exec(pathname);
  if (m) {
    const p = /^[1-9]\d*$/.test(m[1]) ? ctx.products.find((x) => x.id === Number(m[1])) : undefined;
    return p ? { status: 200, html: product(p, ctx) } : { status: 404, html: notFound() };
  }

  if (pathname === '/checkout' || pathname.startsWith('/checkout/')) {
    return { status: 200, html: checkout(pathname, ctx) };
  }

  return null;
}
