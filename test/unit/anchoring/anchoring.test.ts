// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { editDistance } from '../../../src/core/anchoring/edit-distance';
import { fuzzBound } from '../../../src/core/anchoring/quote';
import { Anchor } from '../../../src/core/records/anchor';
import { buildAnchor } from '../../../src/content/anchoring/build-anchor';
import { pageText, rangeOf } from '../../../src/content/anchoring/page-text';
import { resolveAnchor } from '../../../src/content/anchoring/resolve-anchor';

const SHOP = `
  <header><nav aria-label="Main"><a href="/">Home</a> <a href="/pricing">Pricing</a></nav></header>
  <main id="content">
    <article class="post">
      <h1 class="title">Spring sale</h1>
      <p class="lead">Everything in the garden range is twenty percent off until the end of the month.</p>
      <p class="note">Delivery takes three to five working days for most addresses.</p>
    </article>
    <ul class="products">
      <li class="card"><h2>Watering can</h2> <span>12 EUR</span> <button class="btn">Add to cart</button></li>
      <li class="card"><h2>Garden gloves</h2> <span>8 EUR</span> <button class="btn">Add to cart</button></li>
    </ul>
    <aside class="promo"><p>Members get free delivery on every order this spring.</p></aside>
    <section data-testid="newsletter"><p class="pitch">Hear about new tools before anyone else.</p></section>
  </main>`;

const $ = (selector: string) => document.querySelector(selector)!;
const anchorOf = (element: Element) => Anchor.parse(buildAnchor(element, document));
const resolve = (anchor: Anchor) => resolveAnchor(anchor, document);
const html = (markup: string) => {
  const template = document.createElement('template');
  template.innerHTML = markup.trim();
  return template.content.firstElementChild!;
};

beforeEach(() => {
  document.body.innerHTML = SHOP;
});

describe('buildAnchor', () => {
  it('quotes the element text with its context and its place in the page text', () => {
    const lead = $('p.lead');
    const anchor = anchorOf(lead);
    expect(anchor.quote.exact).toBe('Everything in the garden range is twenty percent off until the end of the month.');
    expect(anchor.quote.prefix).toBe('Home Pricing Spring sale ');
    expect(anchor.quote.suffix).toBe(' Delivery takes three to five wo');
    expect(pageText(document).text.slice(anchor.position, anchor.position + anchor.quote.exact.length)).toBe(anchor.quote.exact);
  });

  it('builds selectors from stable attributes, never from classes, and checks they select only the element', () => {
    document.body.insertAdjacentHTML(
      'beforeend',
      `<div id="ember1234"><button id="buy-now" class="btn">Buy</button><button aria-label="Close dialog"><svg></svg></button>
       <span id="css-1x2y3z">x</span><a href="/help" class="link">Help</a><a href="/help">Help again</a>
       <div data-qa="faq"><p>One</p><p>Two</p></div></div>`,
    );
    const selector = (element: Element) => anchorOf(element).selector;
    expect(selector($('#buy-now'))).toBe('button#buy-now');
    expect(selector($('[aria-label="Close dialog"]'))).toBe('button[aria-label="Close dialog"]');
    expect(selector($('section p'))).toBe('section[data-testid="newsletter"] > p');
    expect(selector($('[data-qa="faq"] p:nth-of-type(2)'))).toBe('div[data-qa="faq"] > p:nth-of-type(2)');
    expect(selector($('main h1'))).toBe('h1'); // the only <h1>: the tag is enough, the quote checks the rest
    const generated = selector($('[id="css-1x2y3z"]'));
    expect(generated).not.toContain('css-1x2y3z');
    expect(generated).not.toContain('ember1234');
    for (const element of document.querySelectorAll('body *')) {
      const built = selector(element);
      expect(built).not.toMatch(/\.(btn|card|lead|note|post|products|promo|pitch|title|link)\b/);
      expect([...document.querySelectorAll(built)], built).toEqual([element]);
    }
  });

  it('is a valid Anchor for every element of the page', () => {
    for (const element of document.querySelectorAll('body *')) expect(() => anchorOf(element)).not.toThrow();
    const long = html(`<p>${'Lorem ipsum dolor sit amet. '.repeat(40)}</p>`);
    document.body.append(long);
    expect(anchorOf(long).quote.exact).toHaveLength(500);
  });
});

describe('resolveAnchor', () => {
  it('finds the element again after its classes are renamed (a)', () => {
    const elements = ['p.lead', 'p.pitch', 'li:nth-of-type(2) button', 'aside p'].map($);
    const anchors = elements.map(anchorOf);
    for (const element of document.querySelectorAll('[class]')) element.className = `x-${element.className}-2`;
    anchors.forEach((anchor, i) => expect(resolve(anchor)).toEqual({ element: elements[i], method: 'selector' }));
  });

  it('finds the element again after a sibling is inserted before it (b)', () => {
    const note = $('p.note');
    const gloves = $('li:nth-of-type(2) button');
    const pitch = $('p.pitch');
    const [noteAnchor, glovesAnchor, pitchAnchor] = [note, gloves, pitch].map(anchorOf);
    note.before(html('<p>Free returns within thirty days.</p>'));
    gloves.closest('li')!.before(html('<li><h2>Rake</h2> <span>15 EUR</span> <button>Add to cart</button></li>'));
    pitch.before(html('<h3>Newsletter</h3>'));
    // The positional selectors now select the new siblings; their text (or their context) gives them away.
    expect(resolve(noteAnchor!)).toEqual({ element: note, method: 'quote' });
    expect(resolve(glovesAnchor!)).toEqual({ element: gloves, method: 'quote' });
    expect(resolve(pitchAnchor!)).toEqual({ element: pitch, method: 'selector' });
  });

  it('finds the element again after a small edit of its text, at most a quarter of the quote (c)', () => {
    const lead = $('p.lead');
    const anchor = anchorOf(lead);
    lead.textContent = 'Everything in the garden range is thirty percent off until the end of June.';
    expect(resolve(anchor)).toEqual({ element: lead, method: 'selector' });
    // The same edit where the selector no longer helps: found by the quote, fuzzily.
    lead.before(html('<p>Free returns within thirty days.</p>'));
    expect(resolve(anchor)).toEqual({ element: lead, method: 'fuzzy' });
  });

  it('accepts an edit of exactly a quarter of the quote, and orphans one edit more', () => {
    const lead = $('p.lead');
    const anchor = anchorOf(lead);
    const original = anchor.quote.exact;
    const bound = fuzzBound(original);
    expect(bound).toBe(20);
    // Substitutions every third character, from the second on: none can be dodged by shifting the alignment.
    const edited = (edits: number) => [...original].map((ch, i) => (i % 3 === 1 && i < 3 * edits ? '#' : ch)).join('');
    expect(editDistance(edited(bound), original, 100)).toBe(bound);
    expect(editDistance(edited(bound + 1), original, 100)).toBe(bound + 1);
    lead.textContent = edited(bound);
    expect(resolve(anchor)).toEqual({ element: lead, method: 'selector' });
    lead.before(html('<p>Free returns within thirty days.</p>'));
    expect(resolve(anchor)).toEqual({ element: lead, method: 'fuzzy' });
    lead.textContent = edited(bound + 1);
    expect(resolve(anchor)).toEqual({ element: null, orphaned: true });
  });

  it('finds the element again after it moves to another container (d)', () => {
    const promo = $('aside p');
    const pitch = $('p.pitch');
    const [promoAnchor, pitchAnchor] = [promo, pitch].map(anchorOf);
    $('article').append(promo);
    $('header').append(pitch.closest('section')!);
    expect(resolve(promoAnchor!)).toEqual({ element: promo, method: 'quote' });
    expect(resolve(pitchAnchor!)).toEqual({ element: pitch, method: 'selector' });
  });

  it('orphans the anchor when the text is gone, rather than attaching it to another element', () => {
    const lead = $('p.lead');
    const anchor = anchorOf(lead);
    // Its selector (the first <p> of the article) now selects the note: the note's text must not pass for it.
    lead.remove();
    expect(resolve(anchor)).toEqual({ element: null, orphaned: true });
    // The element stays but says something else.
    document.body.innerHTML = SHOP;
    $('p.lead').textContent = 'Our garden range is back in stock next week, with new colours.';
    expect(resolve(anchor)).toEqual({ element: null, orphaned: true });
    // Rewritten by more than a quarter.
    $('p.lead').textContent = 'Everything in the tool range is half price until the end of summer.';
    expect(resolve(anchor)).toEqual({ element: null, orphaned: true });
  });

  it('tells twin buttons apart by their context', () => {
    const [can, gloves] = [...document.querySelectorAll('li button')];
    const [canAnchor, glovesAnchor] = [can!, gloves!].map(anchorOf);
    expect(canAnchor!.quote.exact).toBe('Add to cart');
    expect(canAnchor!.quote.prefix).toContain('Watering can 12 EUR');
    expect(glovesAnchor!.quote.prefix).toContain('Garden gloves 8 EUR');
    // The list becomes an <ol>: neither selector selects anything; of two identical quotes each anchor finds its own.
    const list = document.createElement('ol');
    list.append(...$('ul').children);
    $('ul').replaceWith(list);
    expect(resolve(canAnchor!)).toEqual({ element: can, method: 'quote' });
    expect(resolve(glovesAnchor!)).toEqual({ element: gloves, method: 'quote' });
  });

  it('keeps a positional selector to its twin only while the context agrees', () => {
    const [can, gloves] = [...document.querySelectorAll('li button')];
    const [canAnchor, glovesAnchor] = [can!, gloves!].map(anchorOf);
    // A new product between them: the gloves' selector (second card's button) now selects the rake's button, same
    // text, context wrong on both sides; the can's selector still selects the can, whose suffix the rake now has.
    can!.closest('li')!.after(html('<li><h2>Rake</h2> <span>15 EUR</span> <button>Add to cart</button></li>'));
    expect(resolve(glovesAnchor!)).toEqual({ element: gloves, method: 'quote' });
    expect(resolve(canAnchor!)).toEqual({ element: can, method: 'selector' });
  });

  it('finds text by its quote when the selector is gone or invalid', () => {
    const note = $('p.note');
    const anchor = anchorOf(note);
    expect(resolve({ ...anchor, selector: 'p#gone' })).toEqual({ element: note, method: 'quote' });
    expect(resolve({ ...anchor, selector: 'p[[' })).toEqual({ element: note, method: 'quote' });
  });
});

describe('fields and opted-out areas', () => {
  const FORM = `
    <form>
      <label>Email <input name="email" type="email"></label>
      <label for="card">Card number</label><input id="card" name="cc-number">
      <label for="pw">Password</label><input id="pw" type="password" name="pw">
      <textarea name="notes" aria-label="Delivery notes"></textarea>
      <div contenteditable="true" aria-label="Message"></div>
      <input type="submit" value="Place order">
      <button type="button" aria-label="Close"><svg></svg></button>
    </form>
    <div data-jl-ignore><p>Account of Jane Canary-Doe</p><button>Edit</button></div>`;

  beforeEach(() => {
    document.body.insertAdjacentHTML('beforeend', FORM);
    ($('[name=email]') as HTMLInputElement).value = 'canary-7431@example.com';
    ($('#card') as HTMLInputElement).value = '4111 1111 1111 1111 canary';
    ($('#pw') as HTMLInputElement).value = 'canary-secret';
    ($('textarea') as HTMLTextAreaElement).value = 'canary: leave at the door';
    $('textarea').textContent = 'canary default text';
    $('[contenteditable]').textContent = 'canary typed message';
  });

  it('never puts a typed value in an anchor: a field is quoted by its label, a sensitive one by nothing', () => {
    const anchors = [...document.querySelectorAll('form *, [data-jl-ignore], [data-jl-ignore] *')].map(anchorOf);
    for (const anchor of anchors) expect(JSON.stringify(anchor).toLowerCase()).not.toContain('canary');
    expect(anchorOf($('[name=email]')).quote.exact).toBe('Email');
    expect(anchorOf($('[name=notes]')).quote.exact).toBe('Delivery notes');
    expect(anchorOf($('[contenteditable]')).quote.exact).toBe('Message');
    expect(anchorOf($('#card')).quote.exact).toBe('');
    expect(anchorOf($('#pw')).quote.exact).toBe('');
    expect(anchorOf($('[type=submit]')).quote.exact).toBe('Place order');
    expect(anchorOf($('[aria-label=Close]')).quote.exact).toBe('Close');
    expect(anchorOf($('[data-jl-ignore] button')).quote.exact).toBe('');
    expect(pageText(document).text).not.toContain('canary');
  });

  it('finds fields and textless buttons again by their selector, checked against their name', () => {
    const targets = ['[name=email]', '#card', '#pw', 'textarea', '[contenteditable]', '[type=submit]', '[aria-label=Close]'].map($);
    const anchors = targets.map(anchorOf);
    for (const element of document.querySelectorAll('[class]')) element.removeAttribute('class');
    anchors.forEach((anchor, i) => expect(resolve(anchor), anchor.selector).toEqual({ element: targets[i], method: 'selector' }));
  });

  it('finds a field by its label when its selector no longer works', () => {
    const email = $('[name=email]');
    const anchor = anchorOf(email);
    email.setAttribute('name', 'user-email');
    expect(resolve(anchor)).toEqual({ element: email, method: 'quote' });
  });

  it('finds a field or icon button whose selector broke at its recorded position, checked against its name', () => {
    const notes = $('textarea');
    const close = $('[aria-label=Close]');
    const [notesAnchor, closeAnchor] = [notes, close].map(anchorOf);
    notes.setAttribute('name', 'delivery-notes');
    close.setAttribute('type', 'submit');
    close.before(html('<svg aria-label="Decoration"></svg>'));
    const broken = (anchor: Anchor) => ({ ...anchor, selector: anchor.selector.replace(/^\w+/, '$&.gone') });
    expect(resolve(broken(notesAnchor!))).toEqual({ element: notes, method: 'position' });
    expect(resolve(broken(closeAnchor!))).toEqual({ element: close, method: 'position' });
    // Nothing at that position carries the name any more.
    close.setAttribute('aria-label', 'Dismiss');
    expect(resolve(broken(closeAnchor!))).toEqual({ element: null, orphaned: true });
    // A sensitive field has nothing to check against: its selector alone finds it.
    expect(resolve(broken(anchorOf($('#pw'))))).toEqual({ element: null, orphaned: true });
  });

  it('keeps a note on an element its id alone finds when its label changes a little, not when it is another label', () => {
    // ("Add to cart" is the issue's example; the shop here has twins of that label, so another unique one.)
    document.body.append(html('<p>Aurora X <button type="button" id="reserve">Reserve one</button></p>'));
    const button = $('#reserve');
    const anchor = anchorOf(button);
    expect(anchor.selector).toContain('#reserve');
    button.textContent = 'Reserve one now';
    expect(resolve(anchor)).toEqual({ element: button, method: 'selector' });
    button.textContent = 'Checkout';
    expect(resolve(anchor)).toEqual({ element: null, orphaned: true });
  });

  it('does not accept a relabelled icon button', () => {
    const close = $('[aria-label=Close]');
    const anchor = anchorOf(close);
    close.setAttribute('aria-label', 'Open menu');
    expect(resolve(anchor)).toEqual({ element: null, orphaned: true });
  });
});

describe('page text', () => {
  it('collapses whitespace, skips scripts, styles and fields, and gives each element its range', () => {
    document.body.innerHTML = '<p>  Hello\n   <b>big</b>\tworld </p><script>var x = 1;</script><style>p{}</style><p>Next <input value="typed"> one</p>';
    const page = pageText(document);
    expect(page.text).toBe('Hello big world Next one');
    const [first, second] = [...document.querySelectorAll('p')];
    const range = rangeOf(page, first!);
    expect(page.text.slice(range.start, range.end)).toBe('Hello big world');
    const next = rangeOf(page, second!);
    expect(page.text.slice(next.start, next.end)).toBe('Next one');
    const input = rangeOf(page, $('input'));
    expect(input.start).toBe(input.end);
  });

  it('resolves on a long page (200 KB of text) without stalling', () => {
    const words = ['garden', 'delivery', 'order', 'spring', 'members', 'sale', 'tools', 'price', 'return', 'week', 'rake', 'gloves'];
    let seed = 5;
    const next = () => {
      seed = (seed + 0x6d2b79f5) | 0; // mulberry32
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
    const sentence = () => Array.from({ length: 14 }, () => words[Math.floor(next() * words.length)]).join(' ');
    const paragraphs: string[] = [];
    for (let length = 0; length < 200_000; length += paragraphs.at(-1)!.length) paragraphs.push(`${sentence()}. `);
    document.body.innerHTML = `<main>${paragraphs.map((text) => `<p>${text}</p>`).join('')}</main>`;
    expect(pageText(document).text.length).toBeGreaterThan(199_000);
    const target = document.querySelectorAll('p')[1200]!;
    const anchor = anchorOf(target);
    $('main').prepend(html('<p>A new first paragraph pushes everything along.</p>'));
    expect(resolve(anchor)).toEqual({ element: target, method: 'quote' });
    target.textContent = target.textContent!.replace(/^\w+ \w+/, 'an edited start');
    expect(resolve(anchor)).toEqual({ element: target, method: 'fuzzy' });
    target.remove();
    expect(resolve({ ...anchor, quote: { ...anchor.quote, exact: 'Nothing on this page says anything like this sentence at all.' } })).toEqual({
      element: null,
      orphaned: true,
    });
  });
});
