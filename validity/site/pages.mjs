// Page templates of Fernhill Outfitters (the validity site). renderPage(path, { host }) -> { status, html }.

const SITE = 'Fernhill Outfitters';

export const PRODUCTS = [
  { slug: 'trail-jacket', name: 'Ridgeline Trail Jacket', price: 189, blurb: 'Three-layer waterproof shell that packs into its own pocket.' },
  { slug: 'camp-stove', name: 'Emberlite Camp Stove', price: 64, blurb: 'Boils a litre in three minutes; folds to the size of a fist.' },
  { slug: 'day-pack', name: 'Wayfarer 28 L Day Pack', price: 119, blurb: 'Ventilated back panel, rain cover and a hip belt that carries.' },
  { slug: 'trekking-poles', name: 'Fellwalker Trekking Poles', price: 79, blurb: 'Carbon, 290 g a pair, flick-locks you can use with gloves.' },
];

export const TRAILS = [
  { slug: 'ridge-loop', name: 'Ridge Loop', km: 14 },
  { slug: 'lakeside-path', name: 'Lakeside Path', km: 9 },
  { slug: 'pine-hollow', name: 'Pine Hollow Trail', km: 21 },
  { slug: 'summit-trail', name: 'Summit Trail', km: 17 },
];

export const STORIES = [
  { title: 'Two nights on the Lakeside Path', teaser: 'A slow walk, a borrowed canoe and far too much porridge.' },
  { title: 'What we learned repairing 1,000 jackets', teaser: 'Zips fail first. Seams almost never do.' },
  { title: 'Night hiking without fear', teaser: 'Head torches, pacing and why the moon matters.' },
  { title: 'A stove for every trip', teaser: 'Gas, meths or wood: a field test in the rain.' },
  { title: 'Winter layers, explained', teaser: 'Base, mid and shell — and when to take one off.' },
];

const ARTICLES = {
  'packing-light': { title: 'Packing light for your first overnight', image: 'packing' },
  'trail-etiquette': { title: 'Trail etiquette: the unwritten rules', image: 'etiquette' },
  'rain-ready': { title: 'Rain-ready: walking happily in bad weather', image: 'rain' },
};

export function esc(value) {
  return String(value).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
}

const money = (n) => `£${n.toFixed(2)}`;

const NAV = [
  ['/shop', 'Shop'],
  ['/journal', 'Journal'],
  ['/stories', 'Stories'],
  ['/app/trips', 'Trip planner'],
  ['/help', 'Help'],
  ['/about', 'About'],
];

function header(current) {
  return `<div class="topbar">Free UK delivery over £50 · 60-day returns · Repairs for life</div>
<header class="site-header"><div class="wrap header-inner">
  <a class="brand" href="/"><span class="brand-mark" aria-hidden="true">▲</span> Fernhill <span>Outfitters</span></a>
  <nav aria-label="Main"><ul class="nav">${NAV.map(([href, label]) => `<li><a href="${href}"${href === current ? ' aria-current="page"' : ''}>${label}</a></li>`).join('')}</ul></nav>
  <form class="search" role="search" action="/search" method="get" autocomplete="off">
    <label class="sr-only" for="site-search">Search the shop</label>
    <input id="site-search" name="q" type="search" placeholder="Search jackets, stoves, trails…" aria-controls="search-suggestions">
    <ul id="search-suggestions" class="suggestions" role="listbox" hidden></ul>
  </form>
  <a class="cart-link" href="/cart">Basket (<span data-cart-count>0</span>)</a>
</div></header>`;
}

function footer(host) {
  const partner = `http://${host.replace(/^127\.0\.0\.1/, 'localhost')}/partner`;
  return `<footer class="site-footer"><div class="wrap footer-grid">
  <div><p class="footer-brand">Fernhill Outfitters</p><p>Outdoor gear we'd carry ourselves, since 2009.</p></div>
  <ul><li><a href="/contact">Contact us</a></li><li><a href="/stores">Find a store</a></li><li><a href="/help">Delivery &amp; returns</a></li></ul>
  <ul><li><a href="/watch">Watch: campfire stories</a></li><li><a href="/lookbook">Spring lookbook</a></li><li><a href="/deals">Deals</a></li><li><a href="/tour">Take the trail tour</a></li><li><a href="/live">Live: Ridge Run 50K</a></li></ul>
  <ul><li><a href="${esc(partner)}">Our partner: Trailhead Maps</a></li><li><a href="/journal/rain-ready">Rain-ready guide</a></li></ul>
</div><p class="wrap legal">© 2026 Fernhill Outfitters Ltd — a demonstration shop; nothing is sold or shipped.</p></footer>`;
}

const COOKIE_BANNER = `<div class="cookie-banner" id="cookie-banner" role="region" aria-label="Cookie consent" hidden>
  <p>We use cookies to remember your basket and to understand how the shop is used. <a href="/help#cookies">Learn more</a></p>
  <div class="cookie-actions"><button type="button" class="btn btn-ghost" data-cookie="essential">Essential only</button><button type="button" class="btn" data-cookie="all">Accept all</button></div>
</div>`;

function layout({ title, current = '', body, host, scripts = ['shop.js'], extraHead = '' }) {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title><link rel="stylesheet" href="/static/fernhill.css">${extraHead}
<script src="/static/analytics.js"></script>
${scripts.map((s) => `<script src="/static/${s}" defer></script>`).join('')}
</head><body>
${header(current)}
<main id="main" class="wrap">
${body}
</main>
${footer(host)}
${COOKIE_BANNER}
</body></html>`;
}

const card = (p) => `<li class="card"><img src="/img/${p.slug}.svg" alt="" width="400" height="250"><div class="card-body">
<h3><a class="stretched" href="/product/${p.slug}">${esc(p.name)}</a></h3><p>${esc(p.blurb)}</p><p class="price">${money(p.price)}</p></div></li>`;

const LOREM = [
  'The first hour of any walk is the honest one. Your pack settles, your boots find their rhythm and you discover which of the things you packed you will regret carrying. We have walked these hills for fifteen years and we still get it wrong: one spare fleece too many, a flask that leaks, a map left on the kitchen table.',
  'Good kit does not make a good day on its own, but bad kit can ruin one. A jacket that wets out in the first shower, a stove that will not light in the wind, a pack that rubs on the hip bone — each is small, and each is the thing you remember afterwards. That is why we test everything we sell on our own trips, in the weather we actually get.',
  'Most of our customers walk at weekends, within two hours of home, on paths they know. They want gear that lasts, that can be repaired, and that does not need a manual. So we write short guides, keep spare parts for ten years and answer the phone ourselves.',
  'When something breaks, send it back. Our workshop in Kendal repairs zips, seams, buckles and poles, and most repairs are free for the first five years. If we cannot fix it, we will tell you why, and what we learned goes into the next design.',
];

const paragraphs = (n, from = 0) => Array.from({ length: n }, (_, i) => `<p>${LOREM[(i + from) % LOREM.length]}</p>`).join('\n');

function home(ctx) {
  const slides = [
    ['spring-collection', 'The spring collection', 'Lighter layers for longer days.', '/shop'],
    ['repairs', 'Repairs for life', 'Send it back; we fix it.', '/help'],
    ['sale', 'Spring sale: up to 40% off', 'Last season’s colours, while stocks last.', '/sale/spring'],
  ];
  return layout({
    ...ctx,
    title: `${SITE} — outdoor gear for walkers`,
    body: `<section class="carousel" aria-roledescription="carousel" aria-label="Highlights">
  <div class="slides" data-slides>${slides.map(([img, title, text, href], i) => `<div class="slide" role="group" aria-roledescription="slide" aria-label="${i + 1} of ${slides.length}"><img src="/img/${img}.svg" alt="" width="800" height="500"><div class="slide-text"><h2>${title}</h2><p>${text}</p><a class="btn" href="${href}">${i === 2 ? 'Shop the sale' : 'Find out more'}</a></div></div>`).join('')}</div>
  <button type="button" class="carousel-prev" aria-label="Previous slide">‹</button><button type="button" class="carousel-next" aria-label="Next slide">›</button>
  <div class="dots">${slides.map((_, i) => `<button type="button" class="dot" aria-label="Go to slide ${i + 1}"${i === 0 ? ' aria-current="true"' : ''}></button>`).join('')}</div>
</section>
<h1 class="home-title">Gear for the walks you actually do</h1>
<p class="lede">Waterproofs, stoves, packs and poles — tested in the Lake District rain and repaired in our own workshop.</p>
<ul class="grid">${PRODUCTS.map(card).join('')}</ul>
<section class="split"><div><h2>From the journal</h2><ul class="plain">${Object.entries(ARTICLES).map(([slug, a]) => `<li><a href="/journal/${slug}">${esc(a.title)}</a></li>`).join('')}</ul></div>
<div class="promo"><h2>Plan your next trip</h2><p>Save routes, dates and packing lists in the free Fernhill trip planner.</p><a class="btn" href="/app">Open the trip planner</a></div></section>`,
  });
}

function shop(ctx) {
  const tags = ['All', 'Clothing', 'Cooking', 'Packs'];
  return layout({
    ...ctx,
    current: '/shop',
    title: `Shop — ${SITE}`,
    body: `<h1>Shop all gear</h1><div class="filters" role="group" aria-label="Filter">${tags.map((t, i) => `<button type="button" class="chip" aria-pressed="${i === 0}">${t}</button>`).join('')}</div>
<p class="result-count" aria-live="polite">${PRODUCTS.length} products</p><ul class="grid">${PRODUCTS.map(card).join('')}</ul>`,
  });
}

function product(ctx, p) {
  const others = PRODUCTS.filter((o) => o !== p).slice(0, 3);
  return layout({
    ...ctx,
    current: '/shop',
    title: `${p.name} — ${SITE}`,
    body: `<nav class="crumbs" aria-label="Breadcrumb"><a href="/">Home</a> › <a href="/shop">Shop</a> › ${esc(p.name)}</nav>
<div class="product">
  <section class="carousel gallery" aria-label="Photos"><div class="slides" data-slides>${[1, 2, 3].map((n) => `<div class="slide"><img src="/img/${p.slug}-${n}.svg" alt="${esc(p.name)}, photo ${n}" width="800" height="500"></div>`).join('')}</div>
    <button type="button" class="carousel-prev" aria-label="Previous photo">‹</button><button type="button" class="carousel-next" aria-label="Next photo">›</button></section>
  <div class="buy">
    <h1>${esc(p.name)}</h1>
    <p class="price">${money(p.price)} <span class="tip" tabindex="0" aria-describedby="tip-returns" aria-label="About returns"><span class="tip-icon" aria-hidden="true">i</span><span class="tooltip" role="tooltip" id="tip-returns">Free returns within 60 days, even if you have worn it on a walk.</span></span></p>
    <p class="blurb">${esc(p.blurb)}</p>
    <fh-swatches colours="Moss,Slate,Ember"></fh-swatches>
    <fh-stock-alert></fh-stock-alert>
    <div class="qty"><span id="qty-label">Quantity</span>
      <div class="stepper"><button type="button" class="step" name="minus" aria-label="Decrease quantity">−</button><input type="number" id="qty" value="1" min="1" max="9" aria-labelledby="qty-label"><button type="button" class="step" name="plus" aria-label="Increase quantity">+</button></div></div>
    <p class="actions"><button type="button" class="btn btn-big" id="add-to-basket" data-name="${esc(p.name)}">Add to basket</button>
      <button type="button" class="btn btn-ghost" id="wishlist">♡ Save to wishlist</button></p>
    <p class="actions"><button type="button" class="btn btn-ghost" id="size-guide">Size guide</button>
      <button type="button" class="btn btn-ghost" id="compare">Compare</button>
      <button type="button" class="btn btn-ghost" id="store-stock">Check store availability</button>
      <button type="button" class="btn btn-ghost" popovertarget="fit-notes">Fit notes</button></p>
    <div popover id="fit-notes" class="fit-notes"><p>Cut to fit over a fleece: take your usual size. Sleeves run long.</p></div>
    <p id="stock-result" class="note" aria-live="polite"></p>
    <div class="delivery"><label for="postcode">Delivery to</label> <input id="postcode" autocomplete="postal-code" placeholder="Postcode"> <button type="button" class="btn btn-small" id="check-delivery">Check</button><p id="delivery-result" aria-live="polite"></p></div>
  </div>
</div>
<div class="tabs"><div role="tablist" aria-label="Product information">
  <button role="tab" id="tab-desc" aria-selected="true" aria-controls="panel-desc">Description</button><button role="tab" id="tab-specs" aria-selected="false" aria-controls="panel-specs" tabindex="-1">Specifications</button><button role="tab" id="tab-reviews" aria-selected="false" aria-controls="panel-reviews" tabindex="-1">Reviews (24)</button></div>
  <div role="tabpanel" id="panel-desc" aria-labelledby="tab-desc"><div class="long-text">${paragraphs(3, 1)}</div></div>
  <div role="tabpanel" id="panel-specs" aria-labelledby="tab-specs" hidden><table class="specs"><tr><th>Weight</th><td>380 g</td></tr><tr><th>Material</th><td>Recycled nylon, PFC-free finish</td></tr><tr><th>Warranty</th><td>Repairs for life</td></tr></table></div>
  <div role="tabpanel" id="panel-reviews" aria-labelledby="tab-reviews" hidden><blockquote>“Kept me dry on a wet Helvellyn day.” — Sam</blockquote><blockquote>“Light, packs small, pockets reachable with a hip belt on.” — Priya</blockquote>
    <button type="button" class="btn btn-small" id="write-review">Write a review</button><div id="review-form"></div></div>
</div>
<details class="accordion"><summary>Delivery</summary><p>Free standard delivery over £50, usually in 2–3 working days. Next-day delivery £6.</p></details>
<details class="accordion"><summary>Returns</summary><p>Return anything within 60 days. Print the label from your account or drop it at any store.</p></details>
<h2>You may also like</h2><ul class="grid">${others.map(card).join('')}</ul>
<dialog id="size-dialog" aria-labelledby="size-title"><h2 id="size-title">Size guide</h2>
  <table class="specs"><tr><th>S</th><td>chest 88–96 cm</td></tr><tr><th>M</th><td>chest 96–104 cm</td></tr><tr><th>L</th><td>chest 104–112 cm</td></tr></table>
  <p><a href="/files/trail-jacket-size-guide.pdf" download>Download the size guide (PDF)</a></p>
  <form method="dialog"><button class="btn" value="close">Close</button></form></dialog>`,
  });
}

function cart(ctx) {
  const lines = PRODUCTS.slice(0, 2);
  return layout({
    ...ctx,
    title: `Your basket — ${SITE}`,
    body: `<h1>Your basket</h1>
<table class="basket"><thead><tr><th>Item</th><th>Quantity</th><th>Price</th><th></th></tr></thead><tbody>
${lines.map((p) => `<tr data-price="${p.price}"><td><a href="/product/${p.slug}">${esc(p.name)}</a></td><td><div class="stepper"><button type="button" class="step" name="minus"><span class="sr-only">Decrease quantity of ${esc(p.name)}</span><span aria-hidden="true">−</span></button><input type="number" value="1" min="1" max="9" aria-label="Quantity of ${esc(p.name)}"><button type="button" class="step" name="plus"><span class="sr-only">Increase quantity of ${esc(p.name)}</span><span aria-hidden="true">+</span></button></div></td><td class="line-total">${money(p.price)}</td><td><button type="button" class="link-button remove">Remove</button></td></tr>`).join('')}
</tbody></table>
<p class="subtotal">Subtotal: <strong id="subtotal">${money(lines.reduce((s, p) => s + p.price, 0))}</strong></p>
<div class="coupon"><label for="coupon">Discount code</label> <input id="coupon" autocomplete="off"> <button type="button" class="btn btn-small" id="apply-coupon">Apply</button></div>
<div class="coupon"><label for="gift-card">Gift card</label> <input id="gift-card" autocomplete="off"> <button type="button" class="btn btn-small" id="redeem-gift-card">Redeem</button></div>
<p><a class="btn btn-big" href="/checkout">Go to checkout</a> <a href="/shop">Continue shopping</a></p>`,
  });
}

function checkout(ctx) {
  const field = (id, label, extra = '') => `<p><label for="${id}">${label}</label><input id="${id}" name="${id}" ${extra}></p>`;
  return layout({
    ...ctx,
    title: `Checkout — ${SITE}`,
    body: `<h1>Checkout</h1><form class="form" id="checkout-form" action="/order/confirmed" method="get">
${field('full-name', 'Full name', 'autocomplete="name"')}${field('email', 'Email', 'type="email" autocomplete="email"')}${field('address', 'Address', 'autocomplete="street-address"')}${field('town', 'Town', 'autocomplete="address-level2"')}${field('postcode-co', 'Postcode', 'autocomplete="postal-code"')}
<p><label><input type="checkbox" name="news"> Send me the monthly trail newsletter</label></p>
<p><button class="btn btn-big" type="submit">Place order</button></p></form><p><a href="/cart">Back to basket</a></p>`,
  });
}

function about(ctx) {
  return layout({
    ...ctx,
    current: '/about',
    title: `About us — ${SITE}`,
    body: `<article class="article"><h1>About Fernhill Outfitters</h1>${paragraphs(4)}
<h2>Get in touch</h2><p>Questions about an order, a repair or a trip? Write to us at <span class="email">hello@fernhill-outfitters.example</span> and a real person will answer within a working day. <button type="button" class="link-button" id="copy-email" data-copy="hello@fernhill-outfitters.example">Copy address</button></p>
<p>Fernhill Outfitters Ltd, 3 Tannery Yard, Kendal LA9 4QE.</p>${paragraphs(2, 2)}</article>`,
  });
}

function journal(ctx) {
  return layout({
    ...ctx,
    current: '/journal',
    title: `Journal — ${SITE}`,
    body: `<h1>The Fernhill journal</h1><ul class="grid">${Object.entries(ARTICLES).map(([slug, a]) => `<li class="card"><img src="/img/${a.image}.svg" alt="" width="400" height="250"><div class="card-body"><h3><a class="stretched" href="/journal/${slug}">${esc(a.title)}</a></h3></div></li>`).join('')}</ul>
<h2>From the archive</h2><ul class="plain"><li><a href="/journal/winter-kit-list-2019">Our 2019 winter kit list</a></li><li><a href="/journal/old-catalogue">The 2018 catalogue</a></li><li><a href="/ko/journal/autumn-camp" hreflang="ko" lang="ko">가을 캠핑 이벤트 안내</a></li></ul>`,
  });
}

function article(ctx, slug, a) {
  return layout({
    ...ctx,
    current: '/journal',
    title: `${a.title} — ${SITE}`,
    body: `<article class="article"><h1>${esc(a.title)}</h1><p class="byline">By Ellie Marsh · 7 min read</p><img src="/img/${a.image}.svg" alt="" width="800" height="500">
${paragraphs(4)}<h2>What to take</h2>${paragraphs(4, 1)}<h2>On the day</h2>${paragraphs(4, 2)}<h2>Afterwards</h2>${paragraphs(4, 3)}
<p><button type="button" class="btn btn-ghost" id="back-to-top">Back to top ↑</button></p></article>
<p>More reading: ${Object.entries(ARTICLES).filter(([s]) => s !== slug).map(([s, o]) => `<a href="/journal/${s}">${esc(o.title)}</a>`).join(' · ')}</p>`,
  });
}

function stories(ctx) {
  return layout({
    ...ctx,
    current: '/stories',
    title: `Stories — ${SITE}`,
    body: `<h1>Stories from the trail</h1><p class="lede">Trip reports from customers and staff. Keep scrolling for more.</p>
<ol class="feed" id="feed"></ol><p class="loading" id="feed-end" aria-live="polite">Loading more stories…</p>`,
  });
}

function help(ctx) {
  const faqs = [
    ['When will my order arrive?', 'Standard delivery takes 2–3 working days. Orders placed before 2 pm ship the same day.'],
    ['How do I return something?', 'Use the returns label in your parcel, or drop the item at any Fernhill store within 60 days.'],
    ['Do you repair gear bought elsewhere?', 'Yes, for a small fee. Send us a photo first and we will quote.'],
  ];
  return layout({
    ...ctx,
    current: '/help',
    title: `Help — ${SITE}`,
    body: `<h1>Help &amp; support</h1><div class="tabs"><div role="tablist" aria-label="Help topics"><button role="tab" id="tab-orders" aria-selected="true" aria-controls="panel-orders">Orders</button><button role="tab" id="tab-repairs" aria-selected="false" aria-controls="panel-repairs" tabindex="-1">Repairs</button></div>
<div role="tabpanel" id="panel-orders" aria-labelledby="tab-orders"><div class="faq">${faqs.map(([q, a], i) => `<h3><button type="button" class="faq-q" aria-expanded="false" aria-controls="faq-${i}">${q}</button></h3><div class="faq-a" id="faq-${i}" hidden><p>${a}</p></div>`).join('')}</div></div>
<div role="tabpanel" id="panel-repairs" aria-labelledby="tab-repairs" hidden><p>Our Kendal workshop repairs zips, seams and poles. Most repairs take ten working days.</p>
  <p><button type="button" class="btn btn-small" id="repair-photo">Send a photo of the fault</button><input type="file" id="repair-file" accept="image/*" hidden> <span id="repair-file-name" aria-live="polite"></span></p></div></div>
<details class="accordion" id="cookies"><summary>About cookies</summary><p>We keep your basket and consent choice in your browser. Nothing else.</p></details>
<p>Still stuck? <a href="/contact">Contact us</a> or <a href="/stores">visit a store</a>.</p>`,
  });
}

function contact(ctx) {
  return layout({
    ...ctx,
    title: `Contact us — ${SITE}`,
    body: `<h1>Contact us</h1><form class="form" action="/contact/thanks" method="get"><p><label for="c-name">Your name</label><input id="c-name" name="name" autocomplete="name"></p>
<p><label for="c-email">Email</label><input id="c-email" name="email" type="email" autocomplete="email"></p>
<p><label for="c-topic">Topic</label><select id="c-topic" name="topic"><option>An order</option><option>A repair</option><option>Something else</option></select></p>
<p><label for="c-message">Message</label><textarea id="c-message" name="message" rows="5"></textarea></p><p><button class="btn" type="submit">Send message</button></p></form>`,
  });
}

const simple = (title, body, extra = {}) => (ctx) => layout({ ...ctx, ...extra, title: `${title} — ${SITE}`, body });

function notFound(ctx) {
  return layout({
    ...ctx,
    title: `Page not found — ${SITE}`,
    body: `<div class="empty"><h1>Page not found</h1><p>Sorry, we couldn’t find that page. It may have moved, or the link may be out of date.</p><p><a class="btn" href="/shop">Shop all gear</a> <a href="/">Go to the home page</a></p></div>`,
  });
}

const PAGES = {
  '/': home,
  '/shop': shop,
  '/cart': cart,
  '/checkout': checkout,
  '/about': about,
  '/journal': journal,
  '/stories': stories,
  '/help': help,
  '/contact': contact,
  '/search': (ctx) =>
    layout({ ...ctx, title: `Search — ${SITE}`, body: `<h1>Search results</h1><p class="lede" id="search-summary">Showing everything we stock.</p><ul class="grid">${PRODUCTS.map(card).join('')}</ul>` }),
  // An app's sign-in: its button sends by fetch from a click handler, so the form fires no submit event.
  '/signin': simple(
    'Sign in',
    `<h1>Sign in</h1><form class="form" id="signin-form"><p><label for="s-email">E-mail</label><input id="s-email" type="email" autocomplete="email"></p>
<p><label for="s-password">Password</label><input id="s-password" type="password" autocomplete="current-password"></p><p><button class="btn" type="button" id="signin">Sign in</button></p></form>`,
  ),
  '/contact/thanks': simple('Message sent', `<h1>Thanks — we’ve got your message</h1><p>We reply within one working day. Meanwhile, <a href="/journal">read the journal</a> or <a href="/shop">keep shopping</a>.</p>`),
  '/order/confirmed': simple('Order placed', `<h1>Thank you — your order is placed</h1><p>We’ve emailed your receipt. Track it from <a href="/help">Help</a>, or <a href="/shop">carry on shopping</a>.</p>`),
  '/watch': simple(
    'Campfire stories',
    `<h1>Campfire stories: episode 4</h1><div class="player"><video id="film" src="/media/campfire.wav" poster="/img/campfire.svg" preload="metadata" width="800" height="450"></video><button type="button" class="play" id="play" aria-label="Play video">▶</button></div>
<p>Ellie and Tom spend a wet night at Pine Hollow and talk about the first tent they ever owned.</p><h2>Transcript</h2>${paragraphs(2)}`,
  ),
  '/lookbook': simple('Spring lookbook', `<h1>The spring lookbook</h1><img class="hero-img" src="/img/lookbook-hero.svg" alt="Walkers on a ridge in spring colours" width="1200" height="750"><p class="lede">Lighter layers, brighter colours, the same repairs for life.</p>`),
  '/stores': simple(
    'Find a store',
    `<h1>Find a store</h1><div id="store-map" class="map">Loading map…</div><ul class="plain"><li>Kendal — 3 Tannery Yard</li><li>Keswick — 12 Lake Road</li><li>Ambleside — 1 Market Place</li></ul>
<script>window.FernhillMaps.mount('#store-map', { zoom: 9 });</script>`,
  ),
  '/deals': simple('Deals', `<h1>This week’s deals</h1><ul class="grid">${PRODUCTS.slice(1, 3).map(card).join('')}</ul><h2>Recommended for you</h2><ul class="grid" id="recommendations"></ul>`, { scripts: ['shop.js', 'recommendations.js'] }),
  // A soft 404: the campaign ended, the page says so, and the server still answers 200.
  '/sale/spring': notFound,
  // A Korean soft 404: the event ended; its heading says the page does not exist, with the copula glued on (입니다).
  '/ko/journal/autumn-camp': (ctx) =>
    layout({
      ...ctx,
      title: `가을 캠핑 이벤트 — ${SITE}`,
      body: `<div class="empty" lang="ko"><h1>존재하지 않는 페이지입니다</h1><p>이벤트가 끝났거나 주소가 바뀌었어요.</p><p><a class="btn" href="/shop">전체 상품 보기</a></p></div>`,
    }),
  '/tour': simple('Trail tour', `<h1>Take the trail tour</h1><p class="lede">Sit back: the page scrolls itself through a day on the Ridge Loop.</p>${paragraphs(12)}`, { scripts: ['shop.js', 'tour.js'] }),
  '/partner': (ctx) =>
    layout({ ...ctx, scripts: [], title: 'Trailhead Maps — partner of Fernhill', body: `<h1>Trailhead Maps</h1><p>Printed maps for every Fernhill route.</p><p><button type="button" class="btn" id="open-map">Open the map</button></p><p><a href="http://${esc(ctx.host.replace(/^localhost/, '127.0.0.1'))}/shop">Back to Fernhill Outfitters</a></p>` }),
};

export function renderPage(route, { host }) {
  const ctx = { host };
  const productMatch = /^\/product\/([a-z-]+)$/.exec(route);
  const articleMatch = /^\/journal\/([a-z0-9-]+)$/.exec(route);
  if (PAGES[route]) return { status: 200, html: PAGES[route](ctx) };
  if (productMatch) {
    const p = PRODUCTS.find((x) => x.slug === productMatch[1]);
    if (p) return { status: 200, html: product(ctx, p) };
  }
  if (articleMatch && ARTICLES[articleMatch[1]]) return { status: 200, html: article(ctx, articleMatch[1], ARTICLES[articleMatch[1]]) };
  if (route === '/app' || route.startsWith('/app/')) return { status: 200, html: appShell(ctx) };
  if (route === '/live' || route.startsWith('/live/')) return { status: 200, html: live(ctx) };
  return { status: 404, html: notFound(ctx) };
}

function appShell(ctx) {
  return layout({
    ...ctx,
    current: '/app/trips',
    scripts: ['shop.js', 'trips.js'],
    title: `Trip planner — ${SITE}`,
    body: `<div class="app"><nav class="app-nav" aria-label="Trip planner"><a href="/app/trips" data-route>My trips</a><a href="/app/trips/new" data-route>New trip</a><a href="/app/trails" data-route>Find a trail</a><a href="/app/settings" data-route>Settings</a></nav>
<section class="app-view" id="view" aria-live="polite"><p>Loading…</p></section></div>`,
  });
}

function live(ctx) {
  return layout({
    ...ctx,
    scripts: ['shop.js', 'live.js'],
    title: `Live: Ridge Run 50K — ${SITE}`,
    body: `<h1>Live: Ridge Run 50K</h1><p class="lede">Replay of this morning’s race, kilometre by kilometre. Share any moment: the address follows the leader.</p>
<div class="ticker"><p>Leader at <strong id="km">0</strong> km</p><div class="bar"><div class="bar-fill" id="bar"></div></div></div>${paragraphs(2)}`,
  });
}
