import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { createDemoStudy, useShop } from './support/journey';

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
    // The bad line stays, now line 1, for the person to fix.
    expect(await entry.getByLabel('Rules, one per line: pattern → stage').inputValue()).toBe('/gift-cards → Wishlist');
    await expect.poll(() => entry.getByTestId('rule-line-problems').innerText()).toBe('Line 1: this study has no stage named “Wishlist”.');
  });
});
