import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openPopup, readStore } from './support/browser';
import { panelFor } from './support/compose';
import { addSurvey, createDemoStudy, startSessionOnShop, useShop } from './support/journey';

interface StoredResponse {
  sessionId: string;
  trigger: string;
  value: number | null;
  dismissed: boolean;
}
interface StoredSession {
  id: string;
  endedAt: number | null;
}

/**
 * Issue 17, acceptance 3: the end-of-session survey lives in the popup (and the side panel). Closing either while
 * it is asked, then pressing Stop again, asks it again (or, stopped without an answer, stores a dismissal): never
 * nothing, however soon after the first ask.
 */
describe('the end-of-session survey survives a closed popup or panel', () => {
  const env = useShop();
  let shop: Page;

  beforeAll(async () => {
    const options = await createDemoStudy(env.ext, env.site.url);
    await options.getByTestId('study-item').getByRole('button', { name: /^Edit/ }).click();
    await addSurvey(options, 'NPS — recommend 0–10', 'End of the session', undefined, true);
    await options.getByRole('button', { name: 'Save study' }).click();
    await options.getByTestId('options-status').filter({ hasText: /saved/ }).waitFor();
    await options.close();
  });

  const endAnswers = async (sessionId: string) => (await readStore<StoredResponse>(env.ext, 'responses')).filter((r) => r.sessionId === sessionId && r.trigger === 'session_end');
  const running = async () => (await readStore<StoredSession>(env.ext, 'sessions')).find((s) => s.endedAt === null) ?? null;

  /** Stop in `console` (popup or panel): the survey card comes up instead of the session ending. */
  async function stopTo(console: Page) {
    await console.getByRole('button', { name: 'Stop: goal reached' }).click();
    await console.getByRole('dialog', { name: /recommend/ }).waitFor();
  }

  it('asks again after the popup was closed on it, and files the answer', async () => {
    shop = await startSessionOnShop(env);
    const session = (await running())!;
    const first = await openPopup(env.ext, shop);
    await stopTo(first);
    await first.close();
    expect(await running()).not.toBeNull();

    const again = await openPopup(env.ext, shop);
    await stopTo(again);
    await again.keyboard.press('9');
    await again.keyboard.press('Enter');
    await expect.poll(() => endAnswers(session.id)).toMatchObject([{ value: 9, dismissed: false }]);
    await expect.poll(running).toBeNull();
    await shop.close();
  });

  it('asks again after the panel was closed on it; dismissed there, the dismissal is stored', async () => {
    shop = await startSessionOnShop(env);
    const session = (await running())!;
    const panel = await panelFor(env.ext, shop);
    await stopTo(panel);
    await panel.close();
    expect(await running()).not.toBeNull();

    const popup = await openPopup(env.ext, shop);
    await stopTo(popup);
    await popup.keyboard.press('Escape');
    await expect.poll(() => endAnswers(session.id)).toMatchObject([{ value: null, dismissed: true }]);
    await expect.poll(running).toBeNull();
  });
});
