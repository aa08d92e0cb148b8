import { describe, expect, it } from 'vitest';
import { touchpointKey } from '../../../src/core/health/session-rollup';
import { offsiteKey } from '../../../src/core/health/touchpoint-rollups';
import { healthBand } from '../../../src/core/journey-map/health-band';
import { journeyMapView, laneHasContent, MAP_LANES } from '../../../src/core/journey-map/map-view';
import { METRIC_ROWS, metricText, shownMetricRows } from '../../../src/core/journey-map/metric-rows';
import { newId } from '../../../src/core/records/common';
import { addAnnotation, addSession, addVisit, mapOf, sampleRecords } from './fixture';

describe('the map view', () => {
  it('has one column per stage, in journey order, with goal and desired experience', () => {
    const r = sampleRecords();
    r.study = { ...r.study, stages: r.study.stages.map((s, i) => ({ ...s, customerGoal: `goal ${i}`, desiredExperience: `calm ${i}` })) };
    const view = journeyMapView(mapOf(r));
    expect(view.columns.map((c) => c.stage.id)).toEqual(r.study.stages.map((s) => s.id));
    expect(view.columns[2]!.stage).toMatchObject({ customerGoal: 'goal 2', desiredExperience: 'calm 2' });
  });

  it('puts on- and off-site touchpoints in their stage, with health and confidence', () => {
    const r = sampleRecords();
    const stageId = r.study.stages[1]!.id;
    r.offsite.push({ id: newId(), studyId: r.study.id, stageId, channel: 'email', name: 'Price alert', note: 'weekly', personaId: null, sessionId: null, at: null, createdAt: 1 });
    const view = journeyMapView(mapOf(r));
    const chips = view.columns[1]!.touchpoints;
    expect(chips.map((c) => c.key)).toEqual([touchpointKey(stageId, '/product/:id'), touchpointKey(stageId, '/search'), offsiteKey(r.offsite[0]!.id)]);
    expect(chips[0]).toMatchObject({ kind: 'page', label: '/product/:id', visits: 2, lowConfidence: true, reason: 'few_visits' });
    expect(chips[0]!.band).toBe(healthBand(chips[0]!.score));
    expect(chips[2]).toMatchObject({ kind: 'offsite', label: 'Price alert', channel: 'email', note: 'weekly', score: null, band: 'none', reason: 'not_measured' });
  });

  it('fills the lanes from the map data', () => {
    const view = journeyMapView(mapOf(sampleRecords()));
    const [aware, consider, purchase, retention] = view.columns;
    expect(consider!.actions.map((a) => a.pageKey)).toEqual(['/product/:id', '/search']);
    expect(consider!.verbatims.map((v) => v.text)).toEqual(['The compare button does nothing', 'The compare button does nothing']);
    expect(aware!.emotion).toEqual({ mean: 1, answers: 2 });
    expect(retention!.emotion.mean).toBeNull();
    expect(consider!.painPoints.map((g) => [g.kind, g.element, g.count])).toEqual([
      ['rage_click', 'Add to cart', 2],
      ['dead_click', 'Compare', 2],
      ['exit', null, 1],
    ]);
    expect(consider!.painNotes.map((a) => a.text)).toEqual(['Compare is broken', 'Compare is broken']);
    expect(purchase!.opportunities.map((a) => a.text)).toEqual(['Offer express checkout']);
    expect(consider!.metrics).toMatchObject({ visits: 3, csat: 0, exits: 1, sessionsReached: 2, dropOff: 0.5 });
  });

  it('names each step of the path as its touchpoint card is named, and keeps only the metrics some stage has', () => {
    const r = sampleRecords();
    const consider = r.study.stages[1]!.id;
    r.study = { ...r.study, rules: [...r.study.rules, { id: newId(), stageId: consider, kind: 'path', pattern: '/product/:id', keepQuery: false, label: 'Product page' }] };
    const view = journeyMapView(mapOf(r));
    const column = view.columns[1]!;
    expect(column.actions.map((a) => [a.label, a.pageKey])).toEqual([
      ['Product page', '/product/:id'],
      ['/search', '/search'],
    ]);
    expect(column.touchpoints.find((c) => c.pageKey === '/product/:id')!.label).toBe('Product page');
    const shown = shownMetricRows(view.columns);
    expect(shown).toEqual(expect.arrayContaining(['csat', 'exits', 'dropOff']));
    for (const row of METRIC_ROWS.filter((m) => !shown.includes(m))) for (const c of view.columns) expect(metricText(c.metrics, row)).toBeNull();
    expect(shown.length).toBeLessThan(METRIC_ROWS.length); // the sample has no CES, SEQ or NPS answers
  });

  it('lists open notes before resolved ones', () => {
    const r = sampleRecords();
    const s = addSession(r);
    const v = addVisit(r, s, 2, '/cart', s.startedAt + 5);
    addAnnotation(r, v, 'opportunity', 'done already', 'resolved');
    addAnnotation(r, v, 'opportunity', 'still open');
    const texts = journeyMapView(mapOf(r)).columns[2]!.opportunities.map((a) => a.text);
    expect(texts.at(-1)).toBe('done already');
  });

  it('says which cells have something to show', () => {
    const view = journeyMapView(mapOf(sampleRecords()));
    const advocacy = view.columns[4]!;
    expect(MAP_LANES.filter((lane) => laneHasContent(advocacy, lane))).toEqual([]);
    expect(MAP_LANES.filter((lane) => laneHasContent(view.columns[1]!, lane))).toEqual(['touchpoints', 'actions', 'thoughts', 'emotion', 'painPoints', 'metrics']);
  });

  it('carries the journey figures', () => {
    const view = journeyMapView(mapOf(sampleRecords()));
    expect(view.sessions).toBe(2);
    expect(view.goalCompletion).toMatchObject({ rate: 0.5, reached: 1, ended: 2 });
    expect(view.happiness).toMatchObject({ positiveStages: 2, stagesWithEmotion: 3 });
  });
});
