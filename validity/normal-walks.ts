import type { Walker } from './walker';

/**
 * Normal use, the way people use shops and apps: every pattern of the validity site and a walk through the demo
 * shop. No signal may come of them. They never return to the page they just came from within 10 s (that is a
 * quick back by definition) and never leave the scope or close their tab (an exit): those are planted episodes.
 */
export interface NormalWalk {
  name: string;
  site: 'validity' | 'demo';
  start: string;
  run: (w: Walker) => Promise<void>;
  /** Runs after the other walks: it reaches the study's goal, after which no exit is expected. */
  reachesGoal?: boolean;
}

export const NORMAL_WALKS: NormalWalk[] = [
  {
    name: 'product page: carousel, photos, tooltip, colour swatches in a web component, text read for 8 s and selected, steppers, alert add-to-basket, confirm wishlist, tabs, a popover, accordions, modal, download, delivery check',
    site: 'validity',
    start: '/',
    async run(w) {
      await w.read(800);
      await w.clickTimes(w.button('Next slide'), 3, 400);
      await w.click(w.button('Go to slide 2'));
      await w.read(1500);
      await w.click(w.button('Previous slide'));
      await w.read(1000);
      await w.wheel(400, 2, 500);
      await w.follow(w.link('Ridgeline Trail Jacket'), '/product/trail-jacket');
      await w.read(1200);
      await w.clickTimes(w.button('Next photo'), 2, 500);
      await w.click(w.button('Previous photo'));
      await w.hover('.tip', 1000);
      await w.click(w.page.getByRole('radio', { name: 'Slate' }));
      await w.read(1200);
      await w.click(w.page.getByRole('radio', { name: 'Ember' }));
      await w.read(1200);
      // A click on the description, then reading it for 8 s (longer than the dead-click timeout).
      await w.click(w.page.locator('#panel-desc p').first());
      await w.read(8000);
      await w.dragSelect(w.page.locator('#panel-desc p').nth(1));
      await w.read(1500);
      await w.clickTimes(w.button('Increase quantity'), 3, 250);
      await w.click(w.button('Decrease quantity'));
      await w.read(600);
      await w.click(w.button('Add to basket'));
      await w.read(1500);
      await w.click(w.button('♡ Save to wishlist'));
      await w.read(1500);
      await w.click(w.page.getByRole('tab', { name: 'Specifications' }));
      await w.read(1500);
      await w.click(w.page.getByRole('tab', { name: /Reviews/ }));
      await w.read(2000);
      await w.click(w.page.getByRole('tab', { name: 'Description' }));
      // A popover opens with no change to the DOM; read past the time an unanswered click is given up on.
      await w.click(w.button('Fit notes'));
      await w.read(3000);
      await w.click(w.page.locator('summary', { hasText: 'Delivery' }));
      await w.read(1500);
      await w.click(w.page.locator('summary', { hasText: 'Returns' }));
      await w.read(1500);
      await w.click(w.button('Size guide'));
      await w.read(1500);
      const download = w.page.waitForEvent('download');
      await w.click(w.link('Download the size guide (PDF)'));
      await download;
      await w.read(800);
      await w.click(w.button('Close'));
      await w.type('#postcode', 'LA9 4QE');
      await w.click(w.button('Check'));
      await w.page.getByText(/Free delivery in/).waitFor();
      await w.read(1500);
      await w.wheel(500, 2, 400);
      await w.follow(w.link('Emberlite Camp Stove'), '/product/camp-stove');
      await w.read(1500);
      await w.follow(w.nav('Journal'), '/journal');
    },
  },
  {
    name: 'basket: add to basket, steppers that update totals, remove a line, shop filters, another product',
    site: 'validity',
    start: '/product/camp-stove',
    async run(w) {
      await w.read(1500);
      await w.clickTimes(w.button('Next photo'), 3, 600);
      await w.click(w.button('Add to basket'));
      await w.read(1200);
      await w.follow(w.page.locator('.cart-link'), '/cart');
      await w.read(1000);
      await w.clickTimes(w.button(/^Increase quantity of Ridgeline/), 2, 300);
      await w.click(w.button(/^Decrease quantity of Ridgeline/));
      await w.read(800);
      await w.clickTimes(w.button(/^Increase quantity of Emberlite/), 3, 200);
      await w.read(800);
      await w.click(w.page.getByRole('button', { name: 'Remove' }).nth(1));
      await w.read(2000);
      await w.follow(w.link('Continue shopping'), '/shop');
      for (const chip of ['Clothing', 'Cooking', 'Packs', 'All', 'Clothing', 'All']) {
        await w.click(w.button(chip));
        await w.read(700);
      }
      await w.follow(w.link('Wayfarer 28 L Day Pack'), '/product/day-pack');
      await w.read(1500);
      await w.clickTimes(w.button('Increase quantity'), 2, 300);
      await w.click(w.button('Add to basket'));
      await w.read(1500);
      for (const tab of ['Specifications', 'Reviews (24)', 'Description', 'Reviews (24)']) {
        await w.click(w.page.getByRole('tab', { name: tab }));
        await w.read(1200);
      }
      await w.follow(w.nav('Journal'), '/journal');
    },
  },
  {
    name: 'reader: articles read by wheel, text clicked and selected, back to top, an e-mail address selected and copied',
    site: 'validity',
    start: '/journal',
    async run(w) {
      await w.read(1000);
      await w.follow(w.link('Packing light for your first overnight'), '/journal/packing-light');
      await w.wheel(350, 6, 700);
      await w.click(w.page.locator('article p').nth(4));
      await w.read(4000);
      await w.dragSelect(w.page.locator('article p').nth(5));
      await w.read(1500);
      await w.wheel(400, 6, 600);
      await w.click(w.button('Back to top ↑'));
      await w.read(1500);
      await w.follow(w.link('Trail etiquette: the unwritten rules'), '/journal/trail-etiquette');
      await w.wheel(300, 5, 800);
      await w.click(w.page.locator('article h2').first());
      await w.read(2500);
      await w.wheel(300, 3, 700);
      await w.click(w.page.locator('article h2').nth(1));
      await w.read(2500);
      await w.follow(w.nav('About'), '/about');
      await w.read(1500);
      // Copying the address: drag over it, then the button for it.
      await w.dragSelect('.email');
      await w.read(1000);
      await w.click(w.button('Copy address'));
      await w.read(3000);
      await w.wheel(300, 2, 600);
      await w.follow(w.link('Rain-ready guide', 'footer'), '/journal/rain-ready');
      await w.read(2000);
    },
  },
  {
    name: 'sign-in sent by a button that fetches (no submit event), then shopping',
    site: 'validity',
    start: '/signin',
    async run(w) {
      await w.read(800);
      await w.type('#s-email', 'robin@example.com');
      await w.type('#s-password', 'correct horse');
      await w.click(w.button('Sign in'));
      await w.page.waitForURL('**/shop');
      await w.read(1500);
      await w.follow(w.nav('Journal'), '/journal');
    },
  },
  {
    name: 'support: infinite scroll, FAQ accordion, tabs, a photo upload through a file chooser, details, a contact form sent',
    site: 'validity',
    start: '/stories',
    async run(w) {
      await w.page.locator('.story').first().waitFor();
      await w.wheel(700, 10, 600);
      await w.click(w.page.locator('.story p').nth(3));
      await w.read(3000);
      await w.follow(w.nav('Help'), '/help');
      for (const question of ['When will my order arrive?', 'How do I return something?', 'Do you repair gear bought elsewhere?']) {
        await w.click(w.button(question));
        await w.read(1200);
      }
      await w.click(w.button('When will my order arrive?'));
      await w.read(800);
      await w.click(w.button('How do I return something?'));
      await w.read(800);
      await w.click(w.button('Do you repair gear bought elsewhere?'));
      await w.read(800);
      await w.click(w.button('When will my order arrive?'));
      await w.click(w.page.getByRole('tab', { name: 'Repairs' }));
      await w.read(1500);
      // The file chooser stays open while folders are browsed, longer than the dead-click timeout.
      const chooser = w.page.waitForEvent('filechooser');
      await w.click(w.button('Send a photo of the fault'));
      await w.read(8000);
      await (await chooser).setFiles({ name: 'torn-seam.jpg', mimeType: 'image/jpeg', buffer: Buffer.from('jpeg') });
      await w.read(1000);
      await w.click(w.page.getByRole('tab', { name: 'Orders' }));
      await w.click(w.page.locator('summary', { hasText: 'About cookies' }));
      await w.read(1500);
      await w.click(w.page.locator('summary', { hasText: 'About cookies' }));
      await w.follow(w.link('Contact us', 'main'), '/contact');
      await w.type('#c-name', 'Robin Walker');
      await w.type('#c-email', 'robin@example.com');
      await w.page.getByLabel('Topic').selectOption('A repair');
      await w.type('#c-message', 'My pole lock slips. Can you fix it?');
      await w.read(1000);
      await w.follow(w.button('Send message'), /\/contact\/thanks/);
      await w.read(2000);
      await w.follow(w.link('read the journal'), '/journal');
    },
  },
  {
    name: 'planner: SPA routes, a redirecting route, fetch-and-update buttons, a form, live suggestions, switches',
    site: 'validity',
    start: '/app',
    async run(w) {
      await w.page.waitForURL('**/app/trips');
      await w.button('Refresh').waitFor();
      await w.read(1500);
      await w.click(w.button('Refresh'));
      await w.read(2000);
      await w.follow(w.link('New trip'), '/app/trips/new');
      await w.type('#trip-name', 'Spring weekend on the Ridge Loop');
      await w.click('#trip-date');
      await w.page.keyboard.type('04122027');
      // Filling a form takes a person longer than the 10 s a quick back allows; the save returns to the list.
      await w.read(10_000);
      await w.follow(w.button('Save trip'), '/app/trips');
      await w.read(1500);
      await w.follow(w.link('Find a trail'), '/app/trails');
      await w.type('#trail-filter', 'ri');
      await w.link('Ridge Loop').waitFor();
      await w.read(800);
      await w.follow(w.link('Ridge Loop'), '/app/trails/ridge-loop');
      await w.read(2000);
      await w.click(w.button('Add to a trip'));
      await w.read(1500);
      await w.follow(w.link('Settings'), '/app/settings');
      await w.click(w.page.getByRole('switch', { name: 'Use miles' }));
      await w.read(800);
      await w.click(w.page.getByRole('switch', { name: 'Trip reminders' }));
      await w.read(1500);
      await w.click(w.page.getByRole('switch', { name: 'Use miles' }));
      await w.read(1000);
      // An old bookmark: the app redirects it to the trip list.
      await w.open('/app/old-plans');
      await w.page.waitForURL('**/app/trips');
      await w.link('Pine Hollow Trail').waitFor();
      await w.read(2000);
      await w.follow(w.link('Pine Hollow Trail'), '/app/trails/pine-hollow');
      await w.read(2000);
      await w.follow(w.link('Find a trail'), '/app/trails');
      await w.type('#trail-filter', 'lake');
      await w.link('Lakeside Path').waitFor();
      await w.follow(w.link('Lakeside Path'), '/app/trails/lakeside-path');
      await w.read(1500);
      await w.follow(w.nav('Shop'), '/shop');
    },
  },
  {
    name: 'browser: video, search with suggestions submitted, delivery check, wishlist, filters',
    site: 'validity',
    start: '/watch',
    async run(w) {
      await w.read(1500);
      await w.click(w.button('Play video'));
      await w.read(2500);
      await w.click(w.button('Play video'));
      await w.read(1500);
      await w.click(w.page.locator('main p').first());
      await w.read(3000);
      await w.type('#site-search', 'stove');
      await w.page.locator('#search-suggestions a').first().waitFor();
      await w.read(800);
      await w.page.keyboard.press('Enter');
      await w.page.waitForURL('**/search?q=stove');
      await w.read(1500);
      await w.follow(w.link('Emberlite Camp Stove'), '/product/camp-stove');
      await w.read(1500);
      await w.clickTimes(w.button('Next photo'), 2, 700);
      await w.type('#postcode', 'CA12 5DQ');
      await w.click(w.button('Check'));
      await w.page.getByText(/Free delivery in/).waitFor();
      await w.read(1000);
      await w.click(w.button('♡ Save to wishlist'));
      await w.read(1500);
      await w.click(w.page.getByRole('tab', { name: 'Specifications' }));
      await w.read(2000);
      await w.follow(w.nav('Shop'), '/shop');
      // Comparing the filters for a while: back on a product page within 10 s would be a quick back.
      for (const chip of ['Cooking', 'Packs', 'All']) {
        await w.click(w.button(chip));
        await w.read(3500);
      }
      await w.follow(w.link('Fellwalker Trekking Poles'), '/product/trekking-poles');
      await w.clickTimes(w.button('Increase quantity'), 4, 200);
      await w.read(1000);
      await w.click(w.button('Add to basket'));
      await w.read(1500);
      await w.follow(w.nav('Stories'), '/stories');
      await w.page.locator('.story').first().waitFor();
      await w.wheel(600, 6, 700);
      await w.follow(w.nav('About'), '/about');
      await w.wheel(300, 3, 800);
      await w.follow(w.nav('Trip planner'), '/app/trips');
      await w.button('Refresh').waitFor();
      await w.read(2000);
      await w.click(w.button('Refresh'));
      await w.read(2000);
      await w.click(w.button('Refresh'));
      await w.read(1500);
    },
  },
  {
    name: 'demo shop: browse, add to cart, checkout steps, help articles, refer a friend',
    site: 'demo',
    start: '/',
    async run(w) {
      await w.wheel(600, 1, 600);
      await w.follow(w.nav('Phones'), '/category/phones');
      await w.read(1500);
      await w.follow(w.link('Northwind Pulse 12'), '/product/2');
      await w.read(2000);
      await w.click(w.button('Add to cart'));
      await w.read(1500);
      await w.follow(w.link(/^Cart/), '/cart');
      await w.read(1500);
      await w.follow(w.link('Proceed to checkout'), /\/checkout/);
      await w.read(1500);
      await w.follow(w.button('Continue to shipping'), '/checkout/shipping');
      await w.read(1500);
      await w.follow(w.nav('Help'), '/help');
      await w.read(1500);
      await w.follow(w.link(/returns/i), '/help#/article/returns');
      await w.read(2500);
      await w.follow(w.link('Refer a friend'), '/refer');
      await w.click(w.button('Copy referral link'));
      await w.read(2000);
      await w.follow(w.nav('Search'), '/search');
      await w.type('#search-q', 'case');
      await w.click(w.button('Search'));
      await w.page.waitForURL('**/search?q=case');
      await w.read(1500);
      await w.follow(w.nav('Accessories'), '/category/accessories');
      await w.read(1500);
      await w.follow(w.link('Northwind ClearGuard Case'), /\/product\/\d+/);
      await w.read(1500);
      await w.click(w.button('Add to cart'));
      await w.read(1500);
      await w.follow(w.nav('Home'), /\/$/);
      await w.read(1500);
    },
  },
  {
    name: 'checkout to the goal: basket, checkout form filled and submitted, order placed',
    site: 'validity',
    start: '/cart',
    reachesGoal: true,
    async run(w) {
      await w.read(1000);
      await w.click(w.button(/^Increase quantity of Emberlite/));
      await w.read(1000);
      await w.follow(w.link('Go to checkout'), '/checkout');
      await w.type('#full-name', 'Robin Walker');
      await w.type('#email', 'robin@example.com');
      await w.type('#address', '3 Beck Lane');
      await w.type('#town', 'Kendal');
      await w.type('#postcode-co', 'LA9 4QE');
      await w.click(w.page.getByLabel('Send me the monthly trail newsletter'));
      await w.read(1000);
      await w.follow(w.button('Place order'), /\/order\/confirmed/);
      await w.read(2000);
      await w.follow(w.link('carry on shopping'), '/shop');
      await w.read(1000);
    },
  },
];
