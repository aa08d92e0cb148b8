/* Northwind Phones: shared site script (no framework, no dependencies).
 * Loaded with `defer` on every page that has the site header; page-specific
 * behaviour is selected by <body data-page="…">. */
(function () {
  'use strict';

  var SITE = 'Northwind Phones';
  var CART_KEY = 'nw-cart';
  var CHECKOUT_KEY = 'nw-checkout';
  var page = document.body ? document.body.getAttribute('data-page') : '';

  // ---------------------------------------------------------------- helpers

  function $(sel, root) { return (root || document).querySelector(sel); }

  function esc(value) {
    return String(value)
      .replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;').replace(/'/g, '&#39;');
  }

  function money(amount) {
    return '$' + Number(amount).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  }

  var productsCache = null;
  function products() {
    if (productsCache) return productsCache;
    var el = document.getElementById('products-data');
    try { productsCache = el ? JSON.parse(el.textContent) : []; } catch (e) { productsCache = []; }
    return productsCache;
  }
  function productById(id) {
    var list = products();
    for (var i = 0; i < list.length; i++) if (list[i].id === Number(id)) return list[i];
    return null;
  }

  function readJson(storage, key, fallback) {
    try {
      var raw = storage.getItem(key);
      return raw ? JSON.parse(raw) : fallback;
    } catch (e) { return fallback; }
  }
  function writeJson(storage, key, value) {
    try { storage.setItem(key, JSON.stringify(value)); } catch (e) { /* storage full or blocked */ }
  }

  // ------------------------------------------------------------------- cart

  function getCart() {
    var cart = readJson(localStorage, CART_KEY, []);
    if (!Array.isArray(cart)) return [];
    return cart.filter(function (line) { return line && Number(line.id) > 0 && Number(line.qty) > 0; });
  }
  function saveCart(cart) {
    writeJson(localStorage, CART_KEY, cart);
    updateCartCount();
  }
  function cartCount(cart) {
    return (cart || getCart()).reduce(function (n, line) { return n + Number(line.qty); }, 0);
  }
  function addToCart(id, qty) {
    var cart = getCart();
    var line = cart.filter(function (l) { return Number(l.id) === Number(id); })[0];
    if (line) line.qty = Number(line.qty) + qty;
    else cart.push({ id: Number(id), qty: qty });
    saveCart(cart);
    return cart;
  }
  function updateCartCount() {
    var n = cartCount();
    var els = document.querySelectorAll('[data-cart-count]');
    for (var i = 0; i < els.length; i++) {
      if (els[i].textContent !== String(n)) els[i].textContent = String(n);
    }
  }

  // ----------------------------------------------------------------- common

  function initCommon() {
    updateCartCount();
    window.addEventListener('storage', function (e) { if (e.key === CART_KEY) updateCartCount(); });

    var newsletter = document.getElementById('newsletter-form');
    if (newsletter) {
      newsletter.addEventListener('submit', function (e) {
        e.preventDefault();
        var input = document.getElementById('newsletter-email');
        var msg = document.getElementById('newsletter-msg');
        var value = input.value.trim();
        if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value)) {
          input.setAttribute('aria-invalid', 'true');
          msg.textContent = 'Please enter a valid email address, like you@example.com.';
          msg.className = 'form-msg is-error';
          input.focus();
          return;
        }
        input.removeAttribute('aria-invalid');
        msg.textContent = 'Subscribing…';
        msg.className = 'form-msg';
        // Keep the address out of the URL.
        window.location.assign('/newsletter/thanks');
      });
    }
  }

  // ---------------------------------------------------------------- product

  function initProduct() {
    // Answered by the browser going full screen alone: nothing in the page changes.
    var fullScreen = document.getElementById('view-full-screen');
    if (fullScreen) {
      fullScreen.addEventListener('click', function () {
        document.getElementById('product-img').requestFullscreen().catch(function () {});
      });
    }
    var addBtn = document.getElementById('add-to-cart');
    var addMsg = document.getElementById('add-to-cart-msg');
    if (addBtn) {
      addBtn.addEventListener('click', function () {
        var id = Number(addBtn.getAttribute('data-product-id'));
        var cart = addToCart(id, 1);
        var name = ($('.product h1') || {}).textContent || 'Item';
        var n = cartCount(cart);
        addMsg.className = 'form-msg is-success';
        addMsg.innerHTML = 'Added ' + esc(name) + ' to your cart. You have ' + n + (n === 1 ? ' item' : ' items') +
          ' in your cart. <a href="/cart">Go to cart</a>';
      });
    }

    // Planted friction #5: the answer only appears after 4 s, with no spinner.
    var stockBtn = document.getElementById('check-stock');
    var stockStatus = document.getElementById('stock-status');
    if (stockBtn && stockStatus) {
      stockBtn.addEventListener('click', function () {
        setTimeout(function () {
          stockStatus.textContent = 'In stock at 3 stores';
        }, 4000);
      });
    }
  }

  // ----------------------------------------------------------------- search

  function cardHtml(p) {
    return '<li class="card product-card">' +
      '<img class="card-img" src="/assets/img/product-' + p.id + '.svg" alt="" width="400" height="400">' +
      '<div class="card-body"><h3 class="card-title"><a class="stretched" href="/product/' + p.id + '">' + esc(p.name) + '</a></h3>' +
      '<p class="card-text">' + esc(p.tagline) + '</p><p class="price">' + money(p.price) + '</p></div></li>';
  }

  function initSearch() {
    var form = document.getElementById('search-form');
    var input = document.getElementById('search-q');
    var summary = document.getElementById('search-summary');
    var results = document.getElementById('search-results');
    if (!form || !input) return;

    function run(query, updateUrl) {
      var q = query.trim();
      var terms = q.toLowerCase().split(/\s+/).filter(Boolean);
      var list = products().filter(function (p) {
        var hay = [p.name, p.tagline, p.description, p.category, (p.features || []).join(' ')].join(' ').toLowerCase();
        return terms.every(function (t) { return hay.indexOf(t) !== -1; });
      });
      results.innerHTML = list.map(cardHtml).join('');
      if (!q) {
        summary.textContent = 'Showing all ' + list.length + ' products.';
      } else if (list.length) {
        summary.textContent = list.length + (list.length === 1 ? ' result' : ' results') + ' for “' + q + '”.';
      } else {
        summary.innerHTML = 'No products match “' + esc(q) + '”. Try a shorter word, or browse <a href="/category/phones">all phones</a>.';
      }
      document.title = (q ? 'Search results for “' + q + '”' : 'Search') + ' – ' + SITE;
      if (updateUrl) {
        history.replaceState(history.state, '', q ? '/search?q=' + encodeURIComponent(q) : '/search');
      }
    }

    form.addEventListener('submit', function (e) {
      e.preventDefault();
      run(input.value, true);
    });

    var initial = new URLSearchParams(location.search).get('q');
    if (initial !== null) {
      input.value = initial;
      run(initial, false);
    }
  }

  // ------------------------------------------------------------------- cart

  function initCart() {
    var itemsEl = document.getElementById('cart-items');
    var subtotalEl = document.getElementById('cart-subtotal');
    var totalEl = document.getElementById('cart-total');
    if (!itemsEl) return;

    function render() {
      var cart = getCart();
      var subtotal = 0;
      var rows = cart.map(function (line) {
        var p = productById(line.id);
        if (!p) return '';
        subtotal += p.price * line.qty;
        return '<li class="cart-line" data-id="' + p.id + '">' +
          '<img src="/assets/img/product-' + p.id + '.svg" alt="" width="80" height="80">' +
          '<div class="cart-line-info"><a href="/product/' + p.id + '">' + esc(p.name) + '</a>' +
          '<span class="muted">' + money(p.price) + ' each</span></div>' +
          '<div class="qty" role="group" aria-label="Quantity of ' + esc(p.name) + '">' +
          '<button type="button" class="btn btn-secondary btn-small" data-action="dec" aria-label="Decrease quantity of ' + esc(p.name) + '">−</button>' +
          '<span class="qty-value">' + line.qty + '</span>' +
          '<button type="button" class="btn btn-secondary btn-small" data-action="inc" aria-label="Increase quantity of ' + esc(p.name) + '">+</button>' +
          '</div>' +
          '<span class="cart-line-total">' + money(p.price * line.qty) + '</span>' +
          '<button type="button" class="link-button" data-action="remove">Remove</button>' +
          '</li>';
      }).join('');
      if (!rows) {
        itemsEl.innerHTML = '<div class="empty"><p>Your cart is empty.</p><p><a class="btn" href="/category/phones">Browse phones</a></p></div>';
      } else {
        itemsEl.innerHTML = '<ul class="cart-list">' + rows + '</ul>';
      }
      subtotalEl.textContent = money(subtotal);
      totalEl.textContent = money(subtotal);
    }

    itemsEl.addEventListener('click', function (e) {
      var btn = e.target.closest('button[data-action]');
      if (!btn) return;
      var id = Number(btn.closest('[data-id]').getAttribute('data-id'));
      var action = btn.getAttribute('data-action');
      var cart = getCart();
      cart = cart.map(function (l) {
        if (Number(l.id) !== id) return l;
        if (action === 'inc') return { id: l.id, qty: Number(l.qty) + 1 };
        if (action === 'dec') return { id: l.id, qty: Number(l.qty) - 1 };
        return { id: l.id, qty: 0 };
      }).filter(function (l) { return l.qty > 0; });
      saveCart(cart);
      render();
    });

    window.addEventListener('storage', function (e) { if (e.key === CART_KEY) render(); });
    render();

    // Planted friction #1: #apply-coupon deliberately has no handler at all.
  }

  // --------------------------------------------------------------- checkout

  var STEPS = [
    { path: '/checkout', id: 'summary', label: 'Your order', title: 'Checkout' },
    { path: '/checkout/shipping', id: 'shipping', label: 'Shipping', title: 'Shipping – Checkout' },
    { path: '/checkout/payment', id: 'payment', label: 'Payment', title: 'Payment – Checkout' },
    { path: '/checkout/review', id: 'review', label: 'Review', title: 'Review your order – Checkout' },
    { path: '/checkout/done', id: 'done', label: 'Confirmation', title: 'Order confirmed – Checkout' },
  ];

  function initCheckout() {
    var form = document.getElementById('checkout');
    var stepsEl = document.getElementById('checkout-steps');
    if (!form) return;

    function state() { return readJson(sessionStorage, CHECKOUT_KEY, {}) || {}; }
    function setState(patch) {
      var s = state();
      for (var k in patch) if (Object.prototype.hasOwnProperty.call(patch, k)) s[k] = patch[k];
      writeJson(sessionStorage, CHECKOUT_KEY, s);
      return s;
    }

    function currentStep() {
      var path = location.pathname.replace(/\/+$/, '') || '/checkout';
      for (var i = 0; i < STEPS.length; i++) if (STEPS[i].path === path) return STEPS[i];
      return null;
    }

    function cartLines() {
      return getCart().map(function (l) {
        var p = productById(l.id);
        return p ? { product: p, qty: l.qty, total: p.price * l.qty } : null;
      }).filter(Boolean);
    }

    function linesTable(lines) {
      var total = lines.reduce(function (n, l) { return n + l.total; }, 0);
      return '<table class="order-table"><caption class="visually-hidden">Items in your order</caption>' +
        '<thead><tr><th scope="col">Item</th><th scope="col">Qty</th><th scope="col">Price</th></tr></thead><tbody>' +
        lines.map(function (l) {
          return '<tr><td>' + esc(l.product.name) + '</td><td>' + l.qty + '</td><td>' + money(l.total) + '</td></tr>';
        }).join('') +
        '</tbody><tfoot><tr><th scope="row" colspan="2">Total (free delivery)</th><td>' + money(total) + '</td></tr></tfoot></table>';
    }

    function field(id, label, name, attrs, value) {
      return '<div class="field"><label for="' + id + '">' + label + '</label>' +
        '<input id="' + id + '" name="' + name + '" ' + attrs + ' value="' + esc(value || '') + '"></div>';
    }

    var errorBox = '<div class="form-error" id="checkout-error" role="alert"></div>';

    var templates = {
      summary: function () {
        var lines = cartLines();
        if (!lines.length) {
          return '<h2 tabindex="-1">Your order</h2>' +
            '<div class="empty"><p>Your cart is empty, so there is nothing to check out yet.</p>' +
            '<p><a class="btn" href="/category/phones">Browse phones</a></p></div>';
        }
        return '<h2 tabindex="-1">Your order</h2>' + linesTable(lines) +
          '<div class="form-actions"><a href="/cart">Edit cart</a>' +
          '<button type="submit" class="btn">Continue to shipping</button></div>';
      },
      shipping: function () {
        var s = state().shipping || {};
        var countries = ['United Kingdom', 'Ireland', 'Netherlands', 'Germany', 'France', 'United States', 'Canada'];
        return '<h2 tabindex="-1">Shipping details</h2>' + errorBox +
          '<div class="form-grid">' +
          field('ship-name', 'Full name', 'name', 'type="text" autocomplete="shipping name"', s.name) +
          field('ship-email', 'Email address', 'email', 'type="email" autocomplete="email"', s.email) +
          '<div class="field field-wide"><label for="ship-address">Street address</label>' +
          '<input id="ship-address" name="address" type="text" autocomplete="shipping address-line1" value="' + esc(s.address || '') + '"></div>' +
          field('ship-city', 'Town or city', 'city', 'type="text" autocomplete="shipping address-level2"', s.city) +
          field('ship-postcode', 'Postcode', 'postcode', 'type="text" autocomplete="shipping postal-code"', s.postcode) +
          '<div class="field"><label for="ship-country">Country</label><select id="ship-country" name="country" autocomplete="shipping country-name">' +
          countries.map(function (c) { return '<option' + (c === s.country ? ' selected' : '') + '>' + c + '</option>'; }).join('') +
          '</select></div></div>' +
          '<div class="form-actions"><a href="/checkout" data-step-link>← Back to your order</a>' +
          '<button type="submit" class="btn">Continue to payment</button></div>';
      },
      payment: function () {
        var p = state().payment || {};
        return '<h2 tabindex="-1">Payment</h2>' + errorBox +
          '<p class="muted">This is a demo shop: no card is charged. Try 4242 4242 4242 4242.</p>' +
          '<div class="form-grid">' +
          '<div class="field field-wide"><label for="card-name">Name on card</label>' +
          '<input id="card-name" name="cc-name" type="text" autocomplete="cc-name" value="' + esc(p.cardName || '') + '"></div>' +
          '<div class="field field-wide"><label for="card-number">Card number</label>' +
          '<input id="card-number" name="cc-number" type="text" inputmode="numeric" autocomplete="cc-number" placeholder="1234 5678 9012 3456"></div>' +
          field('card-exp', 'Expiry date (MM/YY)', 'cc-exp', 'type="text" inputmode="numeric" autocomplete="cc-exp" placeholder="MM/YY"', p.exp) +
          field('card-cvc', 'Security code (CVC)', 'cc-csc', 'type="text" inputmode="numeric" autocomplete="cc-csc" placeholder="123"', '') +
          '</div>' +
          '<div class="form-actions"><a href="/checkout/shipping" data-step-link>← Back to shipping</a>' +
          '<button type="submit" class="btn">Review order</button></div>';
      },
      review: function () {
        var s = state();
        var lines = cartLines();
        var ship = s.shipping;
        var pay = s.payment;
        return '<h2 tabindex="-1">Review your order</h2>' + errorBox +
          (lines.length ? linesTable(lines) : '<p class="empty">Your cart is empty. <a href="/category/phones">Browse phones</a></p>') +
          '<div class="review-grid">' +
          '<section><h3>Delivering to</h3>' + (ship
            ? '<p>' + esc(ship.name) + '<br>' + esc(ship.address) + '<br>' + esc(ship.city) + ' ' + esc(ship.postcode) + '<br>' + esc(ship.country) + '</p><p class="muted">Confirmation to ' + esc(ship.email) + '</p>'
            : '<p>No address yet.</p>') +
          '<p><a href="/checkout/shipping" data-step-link>Edit shipping</a></p></section>' +
          '<section><h3>Paying with</h3>' + (pay
            ? '<p>Card ending ' + esc(pay.last4) + '<br>Expires ' + esc(pay.exp) + '</p>'
            : '<p>No payment details yet.</p>') +
          '<p><a href="/checkout/payment" data-step-link>Edit payment</a></p></section>' +
          '</div>' +
          '<div class="form-actions"><a href="/checkout/payment" data-step-link>← Back to payment</a>' +
          '<button type="submit" class="btn">Place order</button></div>';
      },
      done: function () {
        var order = state().order;
        if (!order) {
          return '<h2 tabindex="-1">No recent order</h2><p>We couldn\u2019t find an order placed in this browser session.</p>' +
            '<p><a class="btn" href="/">Back to the home page</a></p>';
        }
        return '<h2 tabindex="-1">Thank you! Your order is confirmed.</h2>' +
          '<p class="order-number">Order number <strong>' + esc(order.number) + '</strong></p>' +
          '<p>We\u2019ve sent a confirmation to ' + esc(order.email) + '. Your order total was ' + money(order.total) + '.</p>' +
          '<p>Delivery is free and usually takes 1–2 working days.</p>' +
          '<p class="form-actions"><a class="btn" href="/">Continue shopping</a> <a href="/account">View your account</a></p>';
      },
    };

    function showError(messages, fieldIds) {
      var box = document.getElementById('checkout-error');
      var inputs = form.querySelectorAll('input');
      for (var i = 0; i < inputs.length; i++) inputs[i].removeAttribute('aria-invalid');
      (fieldIds || []).forEach(function (id) {
        var el = document.getElementById(id);
        if (el) el.setAttribute('aria-invalid', 'true');
      });
      if (box) {
        box.innerHTML = '<p><strong>Please check the following:</strong></p><ul>' +
          messages.map(function (m) { return '<li>' + m + '</li>'; }).join('') + '</ul>';
        box.classList.add('is-visible');
      }
      var first = fieldIds && fieldIds[0] && document.getElementById(fieldIds[0]);
      if (first) first.focus();
    }

    function render(moveFocus) {
      var step = currentStep();
      if (!step) {
        // Unknown /checkout/... sub-path: fall back to the first step.
        history.replaceState({ checkoutStep: '/checkout' }, '', '/checkout');
        step = STEPS[0];
      }
      form.setAttribute('data-step', step.id);
      form.innerHTML = templates[step.id]();
      document.title = step.title + ' – ' + SITE;
      if (stepsEl) {
        var idx = STEPS.indexOf(step);
        stepsEl.innerHTML = STEPS.map(function (s, i) {
          var cls = i < idx ? 'is-done' : i === idx ? 'is-current' : '';
          return '<li class="' + cls + '"' + (i === idx ? ' aria-current="step"' : '') + '>' + s.label + '</li>';
        }).join('');
      }
      if (moveFocus) {
        window.scrollTo(0, 0);
        var h = form.querySelector('h2');
        if (h) h.focus();
      }
    }

    function go(path) {
      if (location.pathname !== path) history.pushState({ checkoutStep: path }, '', path);
      render(true);
    }

    form.addEventListener('click', function (e) {
      var a = e.target.closest('a[data-step-link]');
      if (!a || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
      e.preventDefault();
      go(a.getAttribute('href'));
    });

    form.addEventListener('submit', function (e) {
      e.preventDefault();
      var step = form.getAttribute('data-step');
      var val = function (id) { var el = document.getElementById(id); return el ? el.value.trim() : ''; };

      if (step === 'summary') {
        if (!cartLines().length) return render(true);
        return go('/checkout/shipping');
      }

      if (step === 'shipping') {
        var ship = {
          name: val('ship-name'), email: val('ship-email'), address: val('ship-address'),
          city: val('ship-city'), postcode: val('ship-postcode'), country: val('ship-country'),
        };
        var errs = [], bad = [];
        if (!ship.name) { errs.push('Enter your full name.'); bad.push('ship-name'); }
        if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(ship.email)) { errs.push('Enter a valid email address.'); bad.push('ship-email'); }
        if (!ship.address) { errs.push('Enter your street address.'); bad.push('ship-address'); }
        if (!ship.city) { errs.push('Enter your town or city.'); bad.push('ship-city'); }
        if (!ship.postcode) { errs.push('Enter your postcode.'); bad.push('ship-postcode'); }
        setState({ shipping: ship });
        if (errs.length) return showError(errs, bad);
        return go('/checkout/payment');
      }

      if (step === 'payment') {
        var number = val('card-number').replace(/[\s-]/g, '');
        var exp = val('card-exp').replace(/\s/g, '');
        var cvc = val('card-cvc');
        var errs2 = [], bad2 = [];
        if (!/^\d{12,19}$/.test(number)) { errs2.push('Enter a card number (12 to 19 digits).'); bad2.push('card-number'); }
        if (!/^(0[1-9]|1[0-2])\/\d{2}$/.test(exp)) { errs2.push('Enter the expiry date as MM/YY.'); bad2.push('card-exp'); }
        if (!/^\d{3,4}$/.test(cvc)) { errs2.push('Enter the 3 or 4 digit security code.'); bad2.push('card-cvc'); }
        if (errs2.length) return showError(errs2, bad2);
        // Only the last four digits are kept; the full number and CVC are never stored.
        setState({ payment: { cardName: val('card-name'), last4: number.slice(-4), exp: exp } });
        return go('/checkout/review');
      }

      if (step === 'review') {
        var s = state();
        var lines = cartLines();
        if (!lines.length) return showError(['Your cart is empty. <a href="/category/phones">Add something</a> before placing an order.']);
        if (!s.shipping || !s.shipping.name) return showError(['Add your <a href="/checkout/shipping" data-step-link>shipping details</a>.']);
        if (!s.payment) return showError(['Add your <a href="/checkout/payment" data-step-link>payment details</a>.']);
        var total = lines.reduce(function (n, l) { return n + l.total; }, 0);
        var number2 = 'NW-' + String(10483 + Math.floor(Math.random() * 9000));
        setState({ order: { number: number2, total: total, email: s.shipping.email }, payment: null });
        saveCart([]);
        return go('/checkout/done');
      }
    });

    window.addEventListener('popstate', function () {
      if (currentStep() || location.pathname.indexOf('/checkout') === 0) render(true);
    });

    render(false);
  }

  // ---------------------------------------------------------------- account

  function initAccount() {
    var form = document.getElementById('signin-form');
    if (form) {
      form.addEventListener('submit', function (e) {
        e.preventDefault();
        var email = document.getElementById('signin-email');
        var pw = document.getElementById('signin-password');
        var msg = document.getElementById('signin-msg');
        email.removeAttribute('aria-invalid');
        pw.removeAttribute('aria-invalid');
        if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email.value.trim())) {
          email.setAttribute('aria-invalid', 'true');
          msg.className = 'form-msg is-error';
          msg.textContent = 'Please enter the email address you registered with.';
          email.focus();
          return;
        }
        if (!pw.value) {
          pw.setAttribute('aria-invalid', 'true');
          msg.className = 'form-msg is-error';
          msg.textContent = 'Please enter your password.';
          pw.focus();
          return;
        }
        msg.className = 'form-msg is-success';
        msg.textContent = 'Signed in as ' + email.value.trim() + '. (Demo shop: any password works.)';
        pw.value = '';
      });
    }

    // Planted friction #7a: the click handler throws (uncaught error).
    var track = document.getElementById('track-order');
    if (track) {
      track.addEventListener('click', function () {
        throw new Error('Order tracking service unavailable');
      });
    }

    // Planted friction #7b: the click starts a promise that rejects with no handler.
    var reorder = document.getElementById('reorder');
    if (reorder) {
      reorder.addEventListener('click', function () {
        requestReorder('NW-10482');
      });
    }
  }

  function requestReorder(orderNumber) {
    return new Promise(function (resolve, reject) {
      setTimeout(function () {
        reject(new Error('Reorder failed: basket service timed out for ' + orderNumber));
      }, 0);
    });
  }

  // --------------------------------------------------------------- register

  function initRegister() {
    var form = document.getElementById('register-form');
    if (!form) return;
    form.addEventListener('submit', function (e) {
      e.preventDefault();
      var name = document.getElementById('reg-name').value.trim();
      var msg = document.getElementById('register-msg');
      msg.className = 'form-msg is-success';
      msg.textContent = 'Welcome to Northwind' + (name ? ', ' + name : '') + '! Your account has been created.';
    });
  }

  // ------------------------------------------------------------------- help

  var ARTICLES = {
    returns: {
      title: 'Returns and refunds',
      summary: 'Send anything back within 30 days for a full refund.',
      body: [
        'You can return any item within 30 days of delivery for a full refund, even if you have opened it. Phones must be reset to factory settings and signed out of any accounts before you send them back.',
        'To start a return, sign in to your account, choose the order and select the items you want to send back. We\u2019ll email you a prepaid returns label. Pack the item securely (the original box is ideal) and drop it at any post office.',
        'Refunds are made to your original payment method within 5 working days of the item reaching our warehouse. You\u2019ll get an email as soon as it\u2019s on its way.',
      ],
    },
    shipping: {
      title: 'Delivery and shipping',
      summary: 'Free next-day delivery on orders placed before 3 pm.',
      body: [
        'Delivery is free on every order. Orders placed before 3 pm on a working day are dispatched the same day and usually arrive the next working day.',
        'You\u2019ll receive a tracking link by email once your order has been dispatched. Someone may need to sign for phones, so choose an address where someone will be in, or pick a parcel locker at checkout.',
        'We currently deliver to the UK, Ireland, the Netherlands, Germany, France, the United States and Canada. International orders take 2\u20135 working days.',
      ],
    },
    warranty: {
      title: 'Warranty and repairs',
      summary: 'Every product has a 2-year warranty covering faults.',
      body: [
        'Every Northwind product comes with a 2-year warranty that covers manufacturing faults, including batteries that drop below 80% of their original capacity.',
        'Accidental damage, such as a cracked screen, isn\u2019t covered by the warranty, but our partner stores can replace screens and batteries at a fixed price, usually in under an hour.',
        'To make a warranty claim, contact support with your order number and a short description of the problem. We\u2019ll arrange a free collection and return your repaired or replacement phone within 5 working days.',
      ],
    },
  };

  function initHelp() {
    var view = document.getElementById('help-view');
    if (!view) return;

    function render(moveFocus) {
      var hash = location.hash;
      // Only "#/..." hashes are routes; anything else (e.g. the skip link's #main) is ignored.
      if (hash && hash.indexOf('#/') !== 0 && view.getAttribute('data-route')) return;
      var route = hash.indexOf('#/') === 0 ? hash.slice(1) : '/';
      var m = /^\/article\/([\w-]+)$/.exec(route);
      var html, title;
      if (route === '/' || route === '') {
        title = 'Help centre';
        html = '<h2 tabindex="-1">Popular articles</h2><ul class="article-list">' +
          Object.keys(ARTICLES).map(function (key) {
            var a = ARTICLES[key];
            return '<li><a href="#/article/' + key + '">' + esc(a.title) + '</a><p class="muted">' + esc(a.summary) + '</p></li>';
          }).join('') + '</ul>';
      } else if (m && ARTICLES[m[1]]) {
        var art = ARTICLES[m[1]];
        title = art.title + ' – Help centre';
        html = '<p><a href="#/">← All help articles</a></p>' +
          '<article class="article"><h2 tabindex="-1">' + esc(art.title) + '</h2>' +
          art.body.map(function (p) { return '<p>' + esc(p) + '</p>'; }).join('') + '</article>';
      } else {
        title = 'Article not found – Help centre';
        html = '<h2 tabindex="-1">We couldn\u2019t find that article</h2><p><a href="#/">See all help articles</a></p>';
      }
      view.setAttribute('data-route', route);
      view.innerHTML = html;
      document.title = title + ' – ' + SITE;
      if (moveFocus) {
        var h = view.querySelector('h2');
        if (h) h.focus();
      }
    }

    window.addEventListener('hashchange', function () { render(true); });
    render(false);
  }

  // ------------------------------------------------------------------ refer

  function initRefer() {
    var btn = document.getElementById('copy-referral');
    var input = document.getElementById('referral-link');
    var msg = document.getElementById('copy-msg');
    if (btn && input && msg) {
      var resetTimer = null;
      btn.addEventListener('click', function () {
        input.focus();
        input.select();
        var copied = false;
        try { copied = document.execCommand('copy'); } catch (e) { copied = false; }
        function done(ok) {
          msg.className = 'form-msg ' + (ok ? 'is-success' : '');
          msg.textContent = ok
            ? 'Referral link copied to your clipboard. Paste it anywhere to share.'
            : 'Link selected. Press Ctrl+C (or \u2318C) to copy it.';
          btn.textContent = ok ? 'Copied!' : 'Copy referral link';
          clearTimeout(resetTimer);
          resetTimer = setTimeout(function () { btn.textContent = 'Copy referral link'; }, 2500);
        }
        done(copied);
        if (!copied && navigator.clipboard && navigator.clipboard.writeText) {
          navigator.clipboard.writeText(input.value).then(function () { done(true); }, function () { /* keep the manual-copy hint */ });
        }
      });
    }

    var form = document.getElementById('review-form');
    if (form) {
      form.addEventListener('submit', function (e) {
        e.preventDefault();
        var rating = Number(document.getElementById('review-rating').value) || 5;
        var textEl = document.getElementById('review-text');
        var text = textEl.value.trim();
        var rmsg = document.getElementById('review-msg');
        if (!text) {
          textEl.setAttribute('aria-invalid', 'true');
          rmsg.className = 'form-msg is-error';
          rmsg.textContent = 'Please write a few words about your phone before posting.';
          textEl.focus();
          return;
        }
        textEl.removeAttribute('aria-invalid');
        var stars = '★★★★★'.slice(0, rating) + '☆☆☆☆☆'.slice(0, 5 - rating);
        var li = document.createElement('li');
        li.innerHTML = '<p class="stars" aria-label="' + rating + ' stars">' + stars + '</p><blockquote>“' + esc(text) + '”</blockquote><p class="muted">You, just now</p>';
        var list = document.getElementById('reviews-list');
        if (list) list.insertBefore(li, list.firstChild);
        rmsg.className = 'form-msg is-success';
        rmsg.textContent = 'Thanks! Your ' + rating + '-star review has been posted.';
        textEl.value = '';
      });
    }
  }

  // ----------------------------------------------------------------- guide

  function initGuide() {
    // Answered by the browser's own notification prompt alone: nothing in the page changes.
    var notify = document.getElementById('notify-guides');
    if (notify && window.Notification) {
      notify.addEventListener('click', function () { Notification.requestPermission(); });
    }
    // Answered by scrolling alone, and late: the jump waits for the page's own work, as a busy page's scroll does.
    var top = document.getElementById('back-to-top');
    if (top) {
      top.addEventListener('click', function () {
        setTimeout(function () { window.scrollTo(0, 0); }, 400);
      });
    }
  }

  // ------------------------------------------------------------------ boot

  initCommon();
  switch (page) {
    case 'product': initProduct(); break;
    case 'search': initSearch(); break;
    case 'cart': initCart(); break;
    case 'checkout': initCheckout(); break;
    case 'account': initAccount(); break;
    case 'register': initRegister(); break;
    case 'help': initHelp(); break;
    case 'refer': initRefer(); break;
    case 'guide': initGuide(); break;
    default: break;
  }
})();
