import { expect, it } from 'vitest';
import { measureSentiment, sentimentTable, writeSentimentResults } from './sentiment';

/**
 * Part of `npm run validity` (and alone: `npm run validity:sentiment`): prints the table, writes results.json.
 * SENTIMENT_MISSES=dev lists the dev answers it gets wrong (tune on those only); =all lists the held-out ones too.
 */
it('sentiment: polarity accuracy ≥ 0.80 per language on the labelled answers', async () => {
  const all = measureSentiment();
  console.log(sentimentTable(all));
  if (process.env.SENTIMENT_MISSES) {
    for (const [language, f] of Object.entries(all)) {
      for (const m of f.misses.filter((x) => process.env.SENTIMENT_MISSES === 'all' || x.part === 'dev'))
        console.log(`${language}.${m.part}:${m.line} ${m.label} → ${m.got} (${m.score}) ${m.text}`);
    }
  }
  await writeSentimentResults(all);
  expect(all.en.accuracy).toBeGreaterThanOrEqual(0.8);
  expect(all.ko.accuracy).toBeGreaterThanOrEqual(0.8);
});
