import { describe, expect, it } from 'vitest';
import { browserName, environmentOf, osName } from '../../../src/content/feedback-facts';

const UA = {
  chromiumLinux: 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36',
  chromeWindows: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36',
  edge: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36 Edg/126.0.2592.87',
  opera: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/125.0.0.0 Safari/537.36 OPR/111.0.0.0',
  firefoxMac: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 14.5; rv:128.0) Gecko/20100101 Firefox/128.0',
  firefoxLinux: 'Mozilla/5.0 (X11; Ubuntu; Linux x86_64; rv:129.0) Gecko/20100101 Firefox/129.0',
  safari: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15',
  iphone: 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1',
  chromeIos: 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/126.0.6478.54 Mobile/15E148 Safari/604.1',
  android: 'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.6478.71 Mobile Safari/537.36',
  samsung: 'Mozilla/5.0 (Linux; Android 14; SM-S918B) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/25.0 Chrome/121.0.0.0 Mobile Safari/537.36',
  chromebook: 'Mozilla/5.0 (X11; CrOS x86_64 14541.0.0) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36',
};

describe('browser and OS from the user agent', () => {
  it.each([
    ['chromiumLinux', 'Chrome 156', 'Linux'],
    ['chromeWindows', 'Chrome 126', 'Windows'],
    ['edge', 'Edge 126', 'Windows'],
    ['opera', 'Opera 111', 'macOS'],
    ['firefoxMac', 'Firefox 128', 'macOS'],
    ['firefoxLinux', 'Firefox 129', 'Linux'],
    ['safari', 'Safari 17', 'macOS'],
    ['iphone', 'Safari 17', 'iOS'],
    ['chromeIos', 'Chrome 126', 'iOS'],
    ['android', 'Chrome 126', 'Android'],
    ['samsung', 'Samsung Internet 25', 'Android'],
    ['chromebook', 'Chrome 126', 'ChromeOS'],
  ] as const)('%s → %s on %s', (name, browser, os) => {
    expect(browserName(UA[name])).toBe(browser);
    expect(osName(UA[name])).toBe(os);
  });

  it('says Unknown rather than guessing', () => {
    expect(browserName('curl/8.5.0')).toBe('Unknown');
    expect(osName('curl/8.5.0')).toBe('Unknown');
  });
});

describe('browser and OS from userAgentData (Chromium)', () => {
  const grease = { brand: 'Not.A/Brand', version: '99' };

  it('names Chromium by its brand, past the GREASE brand', () => {
    const data = { brands: [grease, { brand: 'Chromium', version: '156' }], platform: 'Linux' };
    expect(browserName(UA.chromiumLinux, data)).toBe('Chromium 156');
    expect(osName(UA.chromiumLinux, data)).toBe('Linux');
  });

  it('prefers the most specific brand: Edge and Chrome over Chromium', () => {
    expect(browserName('', { brands: [{ brand: 'Chromium', version: '126' }, { brand: 'Microsoft Edge', version: '126' }, grease] })).toBe('Edge 126');
    expect(browserName('', { brands: [grease, { brand: 'Chromium', version: '126' }, { brand: 'Google Chrome', version: '126' }] })).toBe('Chrome 126');
  });

  it('keeps the major version only', () => {
    expect(browserName('', { brands: [{ brand: 'Google Chrome', version: '126.0.6478.55' }] })).toBe('Chrome 126');
  });

  it('maps platforms to short names and falls back to the user agent when the platform is empty or unknown', () => {
    expect(osName('', { platform: 'macOS' })).toBe('macOS');
    expect(osName('', { platform: 'Chrome OS' })).toBe('ChromeOS');
    expect(osName(UA.chromeWindows, { platform: '' })).toBe('Windows');
    expect(browserName(UA.edge, { brands: [grease] })).toBe('Edge 126');
  });
});

describe('environmentOf', () => {
  it('reads the viewport and the device pixel ratio, and stays within the record’s bounds', () => {
    const win = {
      navigator: { userAgent: UA.firefoxLinux },
      innerWidth: 1280.4,
      innerHeight: 720,
      devicePixelRatio: 1.5,
    } as unknown as Window;
    expect(environmentOf(win)).toEqual({ browser: 'Firefox 129', os: 'Linux', viewport: { width: 1280, height: 720 }, devicePixelRatio: 1.5 });
    const odd = { ...win, devicePixelRatio: 0 } as unknown as Window;
    expect(environmentOf(odd).devicePixelRatio).toBe(1);
  });
});
