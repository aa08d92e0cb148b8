import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { axeViolations } from './support/axe';
import { DIST_TEST, openPopup, readStore, waitUntil } from './support/browser';
import { createDemoStudy, startSessionOnShop, useShop } from './support/journey';

/**
 * Issue 16, acceptance 2, on the demo shop with the built extension: an abandoned walk shows its exit at its last
 * stage even after a glance at a page of a later stage (Help); a 404 shows in the Untagged column with its dead end;
 * tagging it moves the dead end too; compare mode shows both sides' stage health.
 */
interface StoredSignal {
  kind: string;
  pageKey: string;
  stageId: string | null;
  detail: Record<string, unknown>;
}

describe('a journey map that tells the truth', () => {
  const env = useShop({ dist: DIST_TEST });
  let options: Page;
  let stages: { id: string; name: string }[];

  beforeAll(async () => {
    options = await createDemoStudy(env.ext, env.site.url);
    const shop = await startSessionOnShop(env);
    // Help is a Retention page, a stage after the goal (Purchase): it must not count as reaching the goal.
    await shop.goto(`${env.site.url}/help`);
    await waitUntil(async () => (await readStore<{ pageKey: string }>(env.ext, 'visits')).some((v) => v.pageKey === '/help'));
    await shop.goto(`${env.site.url}/nope`);
    await waitUntil(async () => (await readStore<StoredSignal>(env.ext, 'signals')).some((s) => s.kind === 'dead_end'));
    await shop.goto(`${env.site.url}/product/2`);
    await waitUntil(async () => (await readStore<{ pageKey: string }>(env.ext, 'visits')).some((v) => v.pageKey === '/product/:id'));
    const end = await openPopup(env.ext, shop);
    await end.getByRole('button', { name: 'Stop: abandoned' }).click();
    await end.getByTestId('last-session').waitFor();
    await end.close();
    stages = (await readStore<{ stages: { id: string; name: string }[] }>(env.ext, 'studies'))[0]!.stages;
  });

  it('puts the exit of an abandoned walk at its last stage', async () => {
    const exits = (await readStore<StoredSignal>(env.ext, 'signals')).filter((s) => s.kind === 'exit');
    expect(exits).toMatchObject([{ pageKey: '/product/:id', stageId: stages[1]!.id, detail: { reason: 'abandoned' } }]);

    await options.getByRole('tab', { name: 'Journey map' }).click();
    await options.getByTestId('journey-map').waitFor();
    const metrics = options.locator('tr.lane-metrics td');
    await expect.poll(() => metrics.nth(1).innerText()).toMatch(/Exits\D*1/);
    for (const i of [0, 2, 3]) expect(await metrics.nth(i).innerText()).not.toMatch(/Exits\D*[1-9]/);
  });

  it('shows the 404 in the Untagged column with its dead end, and tagging it moves the dead end too', async () => {
    await options.getByRole('tab', { name: 'Journey map' }).click();
    const untagged = options.getByTestId('map-untagged-column');
    await untagged.waitFor();
    const last = stages.length; // the Untagged column comes after the stages
    const pain = options.locator('tr.lane-painPoints td').nth(last);
    await expect.poll(() => pain.innerText()).toMatch(/Dead end/);
    expect(await options.locator('tr.lane-touchpoints td').nth(last).innerText()).toContain('/nope');
    expect(await axeViolations(options)).toEqual([]);
    if (process.env.JL_MAP_SHOT) await options.screenshot({ path: `${process.env.JL_MAP_SHOT}-untagged.png`, fullPage: true });

    await options.getByTestId('tag-untagged').selectOption({ label: stages[3]!.name });
    await untagged.waitFor({ state: 'detached' });
    const deadEnd = (await readStore<StoredSignal>(env.ext, 'signals')).find((s) => s.kind === 'dead_end');
    expect(deadEnd).toMatchObject({ pageKey: '/nope', stageId: stages[3]!.id });
    await expect.poll(() => options.locator('tr.lane-painPoints td').nth(3).innerText()).toMatch(/Dead end/);
  });

  it('shows both sides’ stage health when comparing', async () => {
    await options.getByRole('tab', { name: 'Journey map' }).click();
    await options.getByTestId('compare-toggle').click();
    const heads = options.getByTestId('map-stage-column');
    await expect.poll(() => heads.count()).toBe(stages.length);
    await expect.poll(() => heads.first().getByTestId('stage-health').count()).toBe(2);
    for (let i = 0; i < stages.length; i++) {
      const sides = await heads.nth(i).getByTestId('stage-health').allInnerTexts();
      expect(sides.map((text) => text.trim().slice(0, 1))).toEqual(['A', 'B']);
    }
    expect(await axeViolations(options)).toEqual([]);
    if (process.env.JL_MAP_SHOT) await options.screenshot({ path: `${process.env.JL_MAP_SHOT}-compare.png`, fullPage: true });
  });
});
