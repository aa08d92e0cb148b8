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
});
