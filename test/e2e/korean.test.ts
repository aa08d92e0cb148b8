import { describe, expect, it } from 'vitest';
import { launchExtension, openPopup } from './support/browser';
import { axeViolations } from './support/axe';

/** Issue 9: with the browser in Korean, the popup and the options page speak Korean. */
describe('Korean', () => {
  it('renders the popup and the options page in Korean under --lang=ko', async () => {
    const ext = await launchExtension({ lang: 'ko' });
    try {
      const page = await ext.context.newPage();
      await page.goto('about:blank');
      const popup = await openPopup(ext, page);
      await popup.locator('main').waitFor();
      expect(await popup.evaluate(() => chrome.i18n.getUILanguage())).toMatch(/^ko/);
      expect(await popup.evaluate(() => document.documentElement.lang)).toMatch(/^ko/);
      const text = await popup.locator('body').innerText();
      expect(text).toMatch(/[\uAC00-\uD7A3]/);
      expect(text).not.toMatch(/\bpopup[A-Z]\w+/);
      // The side panel (issue 17) speaks Korean and passes axe-core.
      const panel = await ext.context.newPage();
      await panel.goto(ext.url('src/ui/panel/index.html'));
      await panel.locator('main').waitFor();
      await expect.poll(() => panel.locator('body').innerText()).toMatch(/[\uAC00-\uD7A3]/);
      expect(await panel.evaluate(() => document.documentElement.lang)).toMatch(/^ko/);
      expect(await axeViolations(panel)).toEqual([]);
      const options = await ext.context.newPage();
      await options.goto(ext.url('src/ui/options/index.html'));
      await options.getByRole('button', { name: '데모 연구 만들기' }).waitFor();
      await options.getByRole('tab', { name: '데이터' }).click();
      await options.getByRole('heading', { name: '데이터 보관 기간' }).waitFor();
      // The fields follow the heading once the worker has said what is kept (ui.retention.get).
      await expect.poll(() => options.getByLabel('연구별 최근 세션 보관(개수)').count()).toBe(1);
    } finally {
      await ext.close();
    }
  });
});
