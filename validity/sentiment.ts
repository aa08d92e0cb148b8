import { readFileSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { sentimentOf, type Polarity, type TextLanguage } from '../src/core/text/sentiment';

/**
 * The sentiment figures of PRODUCT.md §8: polarity accuracy and macro-F1 per language on the labelled answers in
 * validity/sentiment/, beside the majority-class baseline. The lexicons were tuned on the dev files only; the
 * held-out files were written before any tuning and are reported apart (validity/sentiment/README.md).
 */
export const SENTIMENT_DIR = resolve(import.meta.dirname, 'sentiment');
const POLARITIES: Polarity[] = ['negative', 'neutral', 'positive'];

export type Part = 'dev' | 'heldout';

export interface Labelled {
  part: Part;
  line: number;
  label: Polarity;
  text: string;
}

export interface Figures {
  n: number;
  accuracy: number;
  macroF1: number;
  /** Accuracy of always answering the most frequent label. */
  baseline: number;
}

export interface LanguageFigures extends Figures {
  dev: Figures;
  heldOut: Figures;
  misses: Array<Labelled & { got: Polarity; score: number }>;
}

export function readLabelled(language: TextLanguage, part: Part): Labelled[] {
  const file = `${language}.${part}.tsv`;
  return readFileSync(resolve(SENTIMENT_DIR, file), 'utf8')
    .split('\n')
    .filter((row) => row.trim())
    .map((row, i) => {
      const [label, text] = row.split('\t');
      if (!POLARITIES.includes(label as Polarity) || !text) throw new Error(`${file} line ${i + 1}: expected "label<TAB>text"`);
      return { part, line: i + 1, label: label as Polarity, text };
    });
}

const round = (x: number) => Math.round(x * 1000) / 1000;

export function figures(pairs: Array<{ label: Polarity; got: Polarity }>): Figures {
  const n = pairs.length;
  const correct = pairs.filter((p) => p.label === p.got).length;
  const f1s = POLARITIES.map((c) => {
    const tp = pairs.filter((p) => p.label === c && p.got === c).length;
    const predicted = pairs.filter((p) => p.got === c).length;
    const actual = pairs.filter((p) => p.label === c).length;
    return tp === 0 ? 0 : (2 * tp) / (predicted + actual);
  });
  const majority = Math.max(...POLARITIES.map((c) => pairs.filter((p) => p.label === c).length));
  return { n, accuracy: round(correct / n), macroF1: round(f1s.reduce((a, b) => a + b, 0) / f1s.length), baseline: round(majority / n) };
}

export function measure(language: TextLanguage): LanguageFigures {
  const scored = [...readLabelled(language, 'dev'), ...readLabelled(language, 'heldout')].map((item) => {
    const s = sentimentOf(item.text);
    return { ...item, got: s.polarity, score: s.score };
  });
  return {
    ...figures(scored),
    dev: figures(scored.filter((s) => s.part === 'dev')),
    heldOut: figures(scored.filter((s) => s.part === 'heldout')),
    misses: scored.filter((s) => s.got !== s.label),
  };
}

export function measureSentiment(): Record<TextLanguage, LanguageFigures> {
  return { en: measure('en'), ko: measure('ko') };
}

export function sentimentTable(all: Record<TextLanguage, LanguageFigures>): string {
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`.padStart(7);
  const rows = (Object.entries(all) as Array<[TextLanguage, LanguageFigures]>).flatMap(([language, f]) =>
    (
      [
        ['all', f],
        ['dev', f.dev],
        ['held-out', f.heldOut],
      ] as const
    ).map(([part, x]) => `${language}  ${part.padEnd(9)}${String(x.n).padStart(5)} ${pct(x.accuracy)} ${x.macroF1.toFixed(3).padStart(8)} ${pct(x.baseline)}`),
  );
  return ['lang part         n  accuracy macro-F1 baseline', ...rows].join('\n');
}

/** Writes `"sentiment"` into validity/results.json, keeping what the other validity runs wrote there. */
export async function writeSentimentResults(all: Record<TextLanguage, LanguageFigures>, file = resolve(import.meta.dirname, 'results.json')): Promise<void> {
  let results: Record<string, unknown> = {};
  try {
    results = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const entry = ({ n, accuracy, macroF1, baseline, dev, heldOut }: LanguageFigures) => ({
    n,
    accuracy,
    macroF1,
    baseline,
    heldOut: { n: heldOut.n, accuracy: heldOut.accuracy, macroF1: heldOut.macroF1 },
    dev: { n: dev.n, accuracy: dev.accuracy, macroF1: dev.macroF1 },
  });
  results.sentiment = { en: entry(all.en), ko: entry(all.ko) };
  await writeFile(file, `${JSON.stringify(results, null, 2)}\n`);
}
