import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

type Catalogue = Record<string, { message: string; description?: string }>;

const ROOT = resolve(import.meta.dirname, '../..');
const read = (locale: string) => JSON.parse(readFileSync(join(ROOT, `public/_locales/${locale}/messages.json`), 'utf8')) as Catalogue;
const english = read('en');
const korean = read('ko');

/** The positional placeholders ($1 … $9) a message uses; Chrome lets a translation reorder them freely. */
const placeholders = (message: string) => [...new Set([...message.matchAll(/\$(\d)/g)].map((m) => m[0]))].sort();

/** Messages that are the same in every language: the product name, code-like examples and the survey acronyms
 * used as short column labels. Messages made only of
 * placeholders and punctuation (e.g. "$1 · $2") need no entry here. */
const SAME_AS_ENGLISH = new Set([
  'extName',
  'popupTitle',
  'optionsKindPathExample',
  'optionsKindGlobExample',
  'optionsKindRegexExample',
  'optionsKindSelectorExample',
  'dashboardMetricCsat',
  'dashboardMetricCes',
  'dashboardMetricSeq',
  'dashboardMetricNps',
]);

describe('Korean messages', () => {
  it('has every English key', () => {
    expect(Object.keys(english).filter((key) => !(key in korean))).toEqual([]);
  });

  it('has no key the English catalogue lacks', () => {
    expect(Object.keys(korean).filter((key) => !(key in english))).toEqual([]);
  });

  it('has a non-empty message for every key', () => {
    const empty = Object.entries(korean).filter(([, entry]) => typeof entry?.message !== 'string' || entry.message.trim() === '');
    expect(empty.map(([key]) => key)).toEqual([]);
  });

  it('uses the same $n placeholders as the English message', () => {
    const mismatched = Object.keys(english)
      .filter((key) => key in korean)
      .filter((key) => placeholders(korean[key]!.message).join() !== placeholders(english[key]!.message).join())
      .map((key) => ({ key, english: placeholders(english[key]!.message), korean: placeholders(korean[key]!.message) }));
    expect(mismatched).toEqual([]);
  });

  it('has no stray $ that Chrome would read as a placeholder', () => {
    const stray = Object.entries(korean).filter(([, { message }]) => /\$(?![1-9]|\$)/.test(message.replace(/\$\$/g, '')));
    expect(stray.map(([key]) => key)).toEqual([]);
  });

  it('has every key the manifest names', () => {
    const manifest = readFileSync(join(ROOT, 'manifest.json'), 'utf8');
    const keys = [...manifest.matchAll(/__MSG_(\w+)__/g)].map((m) => m[1]!);
    expect(keys.length).toBeGreaterThan(0);
    expect(keys.filter((key) => !korean[key]?.message.trim())).toEqual([]);
  });

  it('is translated: only names and code-like examples stay in English', () => {
    const untranslated = Object.keys(english)
      .filter((key) => key in korean && !SAME_AS_ENGLISH.has(key))
      .filter((key) => /[A-Za-z]/.test(english[key]!.message.replace(/\$\d/g, '')))
      .filter((key) => korean[key]!.message === english[key]!.message || !/[\uAC00-\uD7A3]/.test(korean[key]!.message));
    expect(untranslated).toEqual([]);
  });
});
