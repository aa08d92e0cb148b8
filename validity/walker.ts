import type { Locator, Page, Request } from 'playwright-core';

/** Rage clicks come at most 1 s apart (docs/signals.md): a burst planned this fast must reach the page within 800 ms gaps. */
const RAGE_GAP_MS = 200;
const MAX_BURST_GAP_MS = 800;

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/** Runs in the page: its own record of the clicks and wheel turns of one burst (capture listeners, once per document). */
function startInputClock(): void {
  const page = window as unknown as { __validityClicks: number[]; __validityWheel: Array<[number, number]>; __validityClock?: true };
  page.__validityClicks = [];
  page.__validityWheel = [];
  if (page.__validityClock) return;
  page.__validityClock = true;
  addEventListener('click', (event) => page.__validityClicks.push(event.timeStamp), { capture: true });
  addEventListener('wheel', (event) => page.__validityWheel.push([event.timeStamp, event.deltaY]), { capture: true, passive: true });
}

/** Runs in the page: where the link is, what the page shows at its middle, and whether the page has loaded. */
function lookAround(link: Element): string {
  const box = link.getBoundingClientRect();
  const top = document.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2);
  const name = (el: Element | null) => (el ? `<${el.localName}${el.id ? `#${el.id}` : ''}${el.getAttribute('class') ? `.${el.getAttribute('class')!.trim().split(/\s+/).join('.')}` : ''}>` : 'nothing');
  return `at ${Math.round(box.x)},${Math.round(box.y)} ${Math.round(box.width)}×${Math.round(box.height)} the page shows ${top === link || link.contains(top) ? 'the link' : name(top)}; ${document.readyState}`;
}

/**
 * One tab walked as a person walks it: trusted mouse and keyboard input only (Playwright's input is trusted), pauses
 * to read, text selected by dragging, scrolling by wheel. Counts its clicks for the report.
 */
export class Walker {
  clicks = 0;
  /** The tab's requests not yet answered (a page's resource timing lists a request only once it has ended). */
  readonly #open = new Set<Request>();

  constructor(
    readonly page: Page,
    readonly tabId: number,
    readonly base: string,
  ) {
    page.setDefaultTimeout(15_000);
    page.on('request', (request) => this.#open.add(request));
    page.on('requestfinished', (request) => this.#open.delete(request));
    page.on('requestfailed', (request) => this.#open.delete(request));
    // A person reads an alert or a confirm before answering it (and says yes).
    page.on('dialog', (dialog) => void setTimeout(() => void dialog.accept().catch(() => undefined), 400));
  }

  async open(path: string): Promise<void> {
    await this.page.goto(`${this.base}${path}`);
  }

  async click(target: Locator | string, options: { delay?: number } = {}): Promise<void> {
    await this.locate(target).click({ delay: options.delay ?? 30 });
    this.clicks++;
  }

  /**
   * Several quick clicks on one spot (a stepper stepped, a slide advanced, a rage burst), `gapMs` apart. Bursts as
   * fast as rage (gaps of `RAGE_GAP_MS` or less) are sent as a hand makes them: each press and release goes to the
   * browser on time, not after the page has handled the one before (Playwright's mouse waits for that, and a page
   * busy on a loaded machine then stretches a 150 ms burst past the 1 s a rage click allows). The page's own clock
   * checks the gaps: a burst that still was none stops the walk as the harness's failure, not the detector's.
   */
  async clickTimes(target: Locator | string, times: number, gapMs = 150): Promise<void> {
    const element = this.locate(target);
    await element.scrollIntoViewIfNeeded();
    const box = (await element.boundingBox())!;
    const [x, y] = [box.x + box.width / 2, box.y + box.height / 2];
    if (gapMs > RAGE_GAP_MS) {
      for (let i = 0; i < times; i++) {
        await this.page.mouse.click(x, y, { delay: 30 });
        this.clicks++;
        if (i < times - 1) await this.page.waitForTimeout(gapMs);
      }
      return;
    }
    await this.page.evaluate(startInputClock);
    await this.page.mouse.move(x, y);
    const cdp = await this.page.context().newCDPSession(this.page);
    const sent: Array<Promise<unknown>> = [];
    for (let i = 0; i < times; i++) {
      // The count a browser gives clicks in quick succession (a double, a triple click …).
      const press = { x, y, button: 'left' as const, clickCount: i + 1 };
      sent.push(cdp.send('Input.dispatchMouseEvent', { type: 'mousePressed', ...press }));
      await sleep(30);
      sent.push(cdp.send('Input.dispatchMouseEvent', { type: 'mouseReleased', ...press }));
      this.clicks++;
      if (i < times - 1) await sleep(gapMs);
    }
    await Promise.all(sent);
    await cdp.detach();
    // The browser may answer a click before the page has handled it: give the page a moment to count them all.
    const read = () => this.page.evaluate(() => (window as unknown as { __validityClicks: number[] }).__validityClicks);
    let stamps = await read();
    for (let tries = 0; stamps.length < times && tries < 20; tries++) {
      await this.page.waitForTimeout(100);
      stamps = await read();
    }
    const gaps = stamps.slice(1).map((at, i) => Math.round(at - stamps[i]!));
    if (stamps.length !== times || gaps.some((gap) => gap > MAX_BURST_GAP_MS)) {
      throw new Error(`a burst of ${times} clicks reached the page as ${stamps.length}, ${gaps.join(', ')} ms apart (the machine was too busy)`);
    }
  }

  link(name: string | RegExp, within = 'body'): Locator {
    return this.page.locator(within).getByRole('link', { name, exact: typeof name === 'string' }).first();
  }

  button(name: string | RegExp): Locator {
    return this.page.getByRole('button', { name, exact: typeof name === 'string' }).first();
  }

  nav(name: string): Locator {
    return this.link(name, 'nav[aria-label="Main"]');
  }

  /**
   * Follows a link and waits for the page it leads to. A link that leads nowhere stops the walk with what the page
   * showed at the spot clicked and what it was still loading: enough to tell a click that missed from a page that
   * never finished loading (Playwright's click itself waits for a navigation it started to be answered).
   */
  async follow(target: Locator | string, path: string | RegExp): Promise<void> {
    const element = this.locate(target);
    await this.click(element);
    try {
      await this.page.waitForURL(typeof path === 'string' ? `**${path}` : path);
    } catch (error) {
      const seen = await element.evaluate(lookAround, undefined, { timeout: 2000 }).catch(() => 'the link is gone');
      const open = [...this.#open].map((request) => `${request.method()} ${request.url()}`).join(' ') || 'none';
      const [first, ...log] = (error as Error).message.split('\n');
      throw new Error([first, `[${seen}; requests open: ${open}]`, ...log].join('\n'));
    }
  }

  async read(ms: number): Promise<void> {
    await this.page.waitForTimeout(ms);
  }

  /** Scrolls by wheel in `steps` turns of `dy` pixels, `pauseMs` apart: reading down a page. */
  async wheel(dy: number, steps = 1, pauseMs = 300): Promise<void> {
    const box = this.page.viewportSize() ?? { width: 1280, height: 720 };
    await this.page.mouse.move(box.width / 2, box.height / 2);
    for (let i = 0; i < steps; i++) {
      await this.page.mouse.wheel(0, dy);
      await this.page.waitForTimeout(pauseMs);
    }
  }

  /**
   * Turns the wheel by each of `deltas` (down and up, say), `gapMs` apart. A page busy on a loaded machine merges
   * wheel turns that queue up (a turn down and one up become one small turn), so the page's own record of them must
   * still hold `reversals` changes of direction within `windowMs`, or the walk stops as the harness's failure.
   */
  async wheelToAndFro(deltas: readonly number[], gapMs: number, reversals: number, windowMs: number): Promise<void> {
    await this.page.evaluate(startInputClock);
    await this.wheel(deltas[0]!, 1, gapMs);
    for (const deltaY of deltas.slice(1)) {
      await this.page.mouse.wheel(0, deltaY);
      await this.page.waitForTimeout(gapMs);
    }
    const turns = await this.page.evaluate(() => (window as unknown as { __validityWheel: Array<[number, number]> }).__validityWheel);
    const changes = turns.slice(1).flatMap(([at, delta], i) => (Math.sign(delta) !== Math.sign(turns[i]![1]) ? [at] : []));
    if (!changes.some((at, i) => i + reversals - 1 < changes.length && changes[i + reversals - 1]! - at <= windowMs)) {
      throw new Error(`the page saw ${turns.length} wheel turns with ${changes.length} reversals, not ${reversals} within ${windowMs} ms (the machine was too busy)`);
    }
  }

  /** Drag-selects text inside `target` from 10 % to 90 % of its width on its first line, as a person copies words. */
  async dragSelect(target: Locator | string): Promise<void> {
    const element = this.locate(target);
    await element.scrollIntoViewIfNeeded();
    const box = (await element.boundingBox())!;
    const y = box.y + Math.min(10, box.height / 2);
    await this.page.mouse.move(box.x + 2, y);
    await this.page.mouse.down();
    await this.page.mouse.move(box.x + box.width - 2, y, { steps: 8 });
    await this.page.mouse.up();
  }

  /** Clicks into a field and types, key by key. */
  async type(target: Locator | string, text: string): Promise<void> {
    await this.click(target);
    await this.page.keyboard.type(text, { delay: 25 });
  }

  async hover(target: Locator | string, ms = 800): Promise<void> {
    await this.locate(target).hover();
    await this.read(ms);
  }

  private locate(target: Locator | string): Locator {
    return typeof target === 'string' ? this.page.locator(target).first() : target;
  }
}
