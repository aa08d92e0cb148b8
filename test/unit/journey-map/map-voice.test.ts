import { describe, expect, it } from 'vitest';
import { markdownReport } from '../../../src/core/exchange/markdown-report';
import { aggregateJourney } from '../../../src/core/health/raw-rollups';
import { journeyHealth } from '../../../src/core/health/journey-health';
import { journeyMapView, laneHasContent } from '../../../src/core/journey-map/map-view';
import { QUOTES_SHOWN } from '../../../src/core/journey-map/map-columns';
import { addAnnotation, addResponse, addSession, addVisit, emptyRecords, mapOf, T0 } from './fixture';

/** What people wrote, per stage: sentiment of each answer and note, themes and the mix (issue #21). */
function walk() {
  const r = emptyRecords();
  const s = addSession(r);
  const cart = addVisit(r, s, 2, '/cart', T0 + 1000);
  const checkout = addVisit(r, s, 2, '/checkout', T0 + 9000);
  const slow = addResponse(r, cart, 'open_text', null, '배송이 너무 느렸어요');
  const fine = addResponse(r, checkout, 'open_text', null, '배송은 빨라서 좋았어요');
  const note = addAnnotation(r, checkout, 'pain_point', '배송 조회가 안 돼요');
  return { r, slow, fine, note };
}

describe('sentiment and themes on the journey map', () => {
  it('gives each answer and note of a stage its sentiment, and the stage its themes and mix, added up with the map', () => {
    const { r, slow, fine, note } = walk();
    const map = mapOf(r);
    const column = journeyMapView(map).columns[2]!;
    expect(column.voice.sentiments[slow.id]?.polarity).toBe('negative');
    expect(column.voice.sentiments[fine.id]?.polarity).toBe('positive');
    expect(column.voice.sentiments[note.id]?.polarity).toBe('negative');
    expect(column.voice.mix).toEqual({ negative: 2, neutral: 0, positive: 1 });
    expect(column.voice.themes[0]).toEqual({ key: '배송', label: '배송', count: 3 });
    expect(column.voice).toBe(map.voices[column.stage.id]);
    expect(laneHasContent(column, 'thoughts')).toBe(true);
  });

  it('sends the sentiment of the quotes a column shows, not of every answer, and no theme’s answers: they grow with the study', () => {
    const { r, slow, note } = walk();
    const cart = r.visits.find((v) => v.pageKey === '/cart')!;
    [1, 2, 3].forEach((i) => addResponse(r, cart, 'open_text', null, `배송이 또 늦었어요 ${i}`));
    const column = journeyMapView(mapOf(r)).columns[2]!;
    const quoted = column.verbatims.map((v) => v.responseId);
    expect(quoted).toHaveLength(5);
    expect(Object.keys(column.voice.sentiments).sort()).toEqual([...quoted.slice(0, QUOTES_SHOWN), note.id].sort());
    expect(column.voice.mix.negative).toBe(5);
    expect(JSON.stringify(column.voice.themes)).not.toContain(slow.id);
  });

  it('leaves a stage nobody wrote about without a summary', () => {
    const { r } = walk();
    const column = journeyMapView(mapOf(r)).columns[0]!;
    expect(column.voice).toMatchObject({ mean: null, themes: [] });
    expect(laneHasContent(column, 'thoughts')).toBe(false);
  });

  it('puts the themes, the mix and each answer’s sentiment in the Markdown report, per stage and per touchpoint', () => {
    const { r } = walk();
    const aggregate = aggregateJourney({ ...r });
    const report = markdownReport({ study: r.study, aggregate, health: journeyHealth(aggregate), generatedAt: T0 });
    const verbatims = report.slice(report.indexOf('## Verbatims'), report.indexOf('## Pain points'));
    expect(verbatims).toContain('*Themes: 배송 ×3');
    expect(verbatims).toContain('negative 2 · neutral 0 · positive 1*');
    expect(verbatims).toContain('- /cart: *Themes: 배송 ×1');
    expect(verbatims).toContain('- 배송이 너무 느렸어요 — /cart (negative)');
    expect(report).toContain('배송 조회가 안 돼요 (negative)');
  });
});
