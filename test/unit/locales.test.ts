import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const english = JSON.parse(readFileSync(join(ROOT, 'public/_locales/en/messages.json'), 'utf8')) as Record<string, { message: string }>;

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : /\.(ts|tsx)$/.test(e.name) ? [readFileSync(join(dir, e.name), 'utf8')] : [],
  );
}
const code = sources(join(ROOT, 'src')).join('\n');

describe('English messages', () => {
  it('has every key the code asks for with t(…)', () => {
    const used = [...code.matchAll(/\bt\(\s*'([A-Za-z0-9_]+)'/g)].map((m) => m[1]!);
    expect(used.length).toBeGreaterThan(20);
    expect(used.filter((key) => !english[key])).toEqual([]);
  });

  it('has every key the manifest names', () => {
    const manifest = readFileSync(join(ROOT, 'manifest.json'), 'utf8');
    const keys = [...manifest.matchAll(/__MSG_(\w+)__/g)].map((m) => m[1]!);
    expect(keys.filter((key) => !english[key])).toEqual([]);
  });

  it('has no message the code never uses (stale strings mislead translators)', () => {
    const manifest = readFileSync(join(ROOT, 'manifest.json'), 'utf8');
    // A singular twin (`<key>One`) is read by tCount whenever its key is.
    const used = (key: string) => code.includes(`'${key}'`) || (key.endsWith('One') && code.includes(`tCount('${key.slice(0, -3)}'`));
    const unused = Object.keys(english).filter((key) => !used(key) && !manifest.includes(`__MSG_${key}__`));
    expect(unused).toEqual([]);
  });

  it('uses only numbered placeholders that Chrome fills', () => {
    for (const [key, { message }] of Object.entries(english)) {
      expect(message.trim(), key).not.toBe('');
      for (const [, n] of message.matchAll(/\$(\d)/g)) expect(Number(n), key).toBeGreaterThan(0);
    }
  });
});
