import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from './support/axe';
import { openPopup, readStore } from './support/browser';
import { createDemoStudy, startSessionOnShop, useShop } from './support/journey';

/** Issue 24: the study editor keeps every click where the pointer is, and takes many rules at once. */
describe('the study editor in the first hour', () => {
  const env = useShop();
  let options: Page;

  beforeAll(async () => {
    options = await createDemoStudy(env.ext, env.site.url);
    await options.getByTestId('study-item').getByRole('button', { name: /^Edit/ }).click();
  });

  const rules = () => options.getByRole('group', { name: /^Rule \d+$/ });

  it('"Add rule" right after typing in a rule adds a rule on the first click, with that rule\'s stage', async () => {
    for (let round = 0; round < 3; round++) {
      const before = await rules().count();
      const last = rules().last();
      await last.getByLabel('Pattern').fill(`/first-hour-${round}`);
      await last.getByLabel('Stage').selectOption({ index: 2 });
      const stage = await last.getByLabel('Stage').inputValue();
      // Focus is inside the rule: a click is mousedown + mouseup at one point, and both must land on the button.
      await options.getByRole('button', { name: 'Add rule' }).click();
      await expect.poll(() => rules().count()).toBe(before + 1);
      expect(await rules().last().getByLabel('Stage').inputValue()).toBe(stage);
    }
  });

  it('takes rules pasted as lines, names the one bad line by its number and keeps the rest', async () => {
    const before = await rules().count();
    await options.getByText('Add many rules at once').click();
    const entry = options.getByTestId('rule-lines');
    const pasted = ['/deals → Awareness', '/compare -> consideration', '/gift-cards → Wishlist', '/returns\t4'].join('\n');
    await entry.getByLabel('Rules, one per line: pattern → stage').fill(pasted);
    await expect.poll(() => entry.getByTestId('rule-line-problems').innerText()).toBe('Line 3: this study has no stage named “Wishlist”.');
    expect(await axeViolations(options)).toEqual([]);
    await entry.getByRole('button', { name: 'Add 3 rules' }).click();
    await expect.poll(() => rules().count()).toBe(before + 3);
    const added = await rules().evaluateAll((groups) =>
      groups.slice(-3).map((group) => {
        const pattern = group.querySelector<HTMLInputElement>('input.mono')!.value;
        const stage = group.querySelector<HTMLSelectElement>('select[id$="-stage"]')!;
        return `${pattern} ${stage.selectedOptions[0]!.text}`;
      }),
    );
    expect(added).toEqual(['/deals Awareness', '/compare Consideration', '/returns Retention']);
    await entry.getByRole('status').filter({ hasText: '3 rules added at the end of the list.' }).waitFor();
    // The bad line stays, now line 1, for the person to fix, with the focus.
    await expect.poll(() => options.evaluate(() => document.activeElement?.id)).toBe('rule-lines');
    expect(await entry.getByLabel('Rules, one per line: pattern → stage').inputValue()).toBe('/gift-cards → Wishlist');
    await expect.poll(() => entry.getByTestId('rule-line-problems').innerText()).toBe('Line 1: this study has no stage named “Wishlist”.');
  });
});

/** Issue 24: the popup starts on the study of the page it is opened over, else the one used last. */
describe('the popup\'s start form', () => {
  const env = useShop();
  const DEMO = 'Northwind Phones (demo shop)';

  beforeAll(async () => {
    const options = await createDemoStudy(env.ext, env.site.url);
    // A second study, first by name and last by creation, whose scope holds no page of this test.
    await options.getByRole('button', { name: 'New study' }).click();
    await options.getByLabel('Study name').fill('Aardvark walk');
    await options.getByLabel('Pages in scope (one match pattern per line)').fill('http://localhost:9/*');
    await options.getByRole('button', { name: 'Save study' }).click();
    await options.getByTestId('study-item').filter({ hasText: 'Aardvark walk' }).waitFor();
    await options.close();
  });

  /** The popup over `url`, once the page's study is known (the study choice follows it for a moment). */
  async function popupOver(url: string) {
    const page = await env.ext.context.newPage();
    await page.goto(url);
    const popup = await openPopup(env.ext, page);
    await popup.getByLabel('Study', { exact: true }).waitFor();
    await popup.getByRole('heading', { name: /This page/ }).waitFor();
    return { page, popup };
  }
  const chosen = (page: Page, label: string) =>
    page.getByLabel(label, { exact: true }).evaluate((select: HTMLSelectElement) => select.selectedOptions[0]!.text);

  it('preselects the study whose scope holds the page, and lists studies by name', async () => {
    const { page, popup } = await popupOver(`${env.site.url}/`);
    await expect.poll(() => chosen(popup, 'Study')).toBe(DEMO);
    expect(await popup.getByLabel('Study', { exact: true }).locator('option').allTextContents()).toEqual(['Aardvark walk', DEMO]);
    await popup.close();
    await page.close();
    // localhost is not 127.0.0.1: no study's scope holds this page. No walk yet either: the first study by name.
    const off = await popupOver(env.site.url.replace('127.0.0.1', 'localhost') + '/');
    expect(await chosen(off.popup, 'Study')).toBe('Aardvark walk');
    await off.popup.close();
    await off.page.close();
  });

  it('starts with a persona created inline, and preselects the last study and persona off scope', async () => {
    const { page, popup } = await popupOver(`${env.site.url}/`);
    await popup.getByLabel('Persona', { exact: true }).selectOption({ label: 'New persona…' });
    await popup.getByLabel("New persona's name").fill('Mina, first-time buyer');
    expect(await axeViolations(popup)).toEqual([]);
    await popup.getByRole('button', { name: 'Start session' }).click();
    await popup.getByRole('button', { name: 'Stop: goal reached' }).click();
    await popup.getByTestId('last-session').waitFor();
    await popup.close();
    expect((await readStore<{ name: string }>(env.ext, 'personas')).map((p) => p.name)).toEqual(['Mina, first-time buyer']);
    await page.close();

    // Off scope again: the last walk's study and persona.
    const off = await popupOver(env.site.url.replace('127.0.0.1', 'localhost') + '/');
    await expect.poll(() => chosen(off.popup, 'Study')).toBe(DEMO);
    expect(await chosen(off.popup, 'Persona')).toBe('Mina, first-time buyer');
    await off.popup.close();
    await off.page.close();
  });

  it('proposes rules for the pages a recorded walk left untagged, each with a stage to confirm', async () => {
    const shop = await startSessionOnShop(env);
    const visits = async () => (await readStore(env.ext, 'visits')).length;
    for (const path of ['/lab/form', '/lab/hostile', '/newsletter/thanks', '/cart']) {
      const before = await visits();
      await shop.goto(`${env.site.url}${path}`);
      await expect.poll(visits, { timeout: 15_000 }).toBeGreaterThan(before);
    }
    const stop = await openPopup(env.ext, shop);
    await stop.getByRole('button', { name: 'Stop: goal reached' }).click();
    await stop.getByTestId('last-session').waitFor();
    await stop.close();

    const options = await env.ext.context.newPage();
    await options.goto(env.ext.url('src/ui/options/index.html'));
    await options.getByRole('tab', { name: 'Studies' }).click();
    await options.getByTestId('study-item').filter({ hasText: DEMO }).getByRole('button', { name: /^Edit/ }).click();
    const rules = options.getByRole('group', { name: /^Rule \d+$/ });
    const before = await rules.count();
    await options.getByText('Add many rules at once').click();
    // The newest walk is chosen first.
    await expect.poll(() => chosen(options, 'Propose rules from this session')).toMatch(/^Mina, first-time buyer · /);
    await options.getByRole('button', { name: 'Propose rules', exact: true }).click();
    const box = options.getByLabel('Rules, one per line: pattern → stage');
    await expect.poll(() => box.inputValue()).toBe('/lab/* → Awareness\n/newsletter/thanks → Awareness');
    expect(await axeViolations(options)).toEqual([]);
    await box.fill('/lab/* → Awareness\n/newsletter/thanks → Retention');
    await options.getByRole('button', { name: 'Add 2 rules' }).click();
    await expect.poll(() => rules.count()).toBe(before + 2);
    await options.getByRole('button', { name: 'Propose rules', exact: true }).click();
    await expect.poll(() => options.getByRole('status').filter({ hasText: 'nothing to propose' }).count()).toBe(1);
    await options.close();
    await shop.close();
  });
});
