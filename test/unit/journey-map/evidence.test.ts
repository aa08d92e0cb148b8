import { describe, expect, it } from 'vitest';
import { evidenceIndex, selectEvidence } from '../../../src/core/journey-map/evidence';
import { addAnnotation, addResponse, mapOf, sampleRecords } from './fixture';

describe('evidence behind a map cell', () => {
  const r = sampleRecords();
  const [, consider, purchase] = r.study.stages.map((s) => s.id);

  it('finds a touchpoint’s visits, signals, answers and notes, oldest first', () => {
    const index = evidenceIndex(r, {});
    const e = selectEvidence(index, { stageId: consider!, pageKey: '/product/:id', visits: true, signals: true, responses: true, annotations: true });
    expect(e.visits).toHaveLength(2);
    expect(e.visits[0]!.enteredAt).toBeLessThan(e.visits[1]!.enteredAt);
    expect(e.signals.map((s) => s.kind).sort()).toEqual(['dead_click', 'dead_click', 'rage_click', 'rage_click']);
    expect(e.responses.map((x) => x.instrument).sort()).toEqual(['csat', 'csat', 'emotion', 'emotion', 'open_text', 'open_text']);
    expect(e.annotations).toHaveLength(2);
  });

  it('narrows by kind: verbatims only, pain-point notes only, emotion answers only', () => {
    const index = evidenceIndex(r, {});
    expect(selectEvidence(index, { stageId: consider!, responses: ['open_text'] }).responses.every((x) => x.text)).toBe(true);
    expect(selectEvidence(index, { stageId: consider!, responses: ['emotion'] }).responses.map((x) => x.value)).toEqual([-1, -1]);
    expect(selectEvidence(index, { stageId: purchase!, annotations: ['pain_point'] }).annotations).toEqual([]);
    expect(selectEvidence(index, { stageId: purchase!, annotations: ['opportunity'] }).annotations.map((a) => a.text)).toEqual(['Offer express checkout']);
    expect(selectEvidence(index, { stageId: consider!, signals: ['exit'] }).signals).toHaveLength(1);
  });

  it('keeps to the filter as the map does, and leaves dismissed prompts and empty answers out', () => {
    const copy = sampleRecords();
    const minji = copy.sessions[0]!;
    const visit = copy.visits.find((v) => v.sessionId === minji.id && v.pageKey === '/')!;
    addResponse(copy, visit, 'emotion', null, null, true);
    addResponse(copy, visit, 'open_text', null, '   ');
    addAnnotation(copy, { ...visit, sessionId: null }, 'idea', 'outside any walk');
    const all = evidenceIndex(copy, {});
    const mine = evidenceIndex(copy, { personaIds: [minji.personaId!] });
    const aware = copy.study.stages[0]!.id;
    expect(selectEvidence(all, { stageId: aware, visits: true }).visits).toHaveLength(2);
    expect(selectEvidence(mine, { stageId: aware, visits: true }).visits).toHaveLength(1);
    expect(selectEvidence(all, { stageId: aware, responses: true }).responses.map((x) => x.value)).toEqual([1, 1]);
    expect(selectEvidence(all, { stageId: aware, annotations: true }).annotations.map((a) => a.text)).toEqual(['outside any walk']);
    expect(selectEvidence(mine, { stageId: aware, annotations: true }).annotations).toEqual([]);
    // The map agrees on what is in.
    expect(mapOf(copy, { personaIds: [minji.personaId!] }).aggregate.counts.visits).toBe(
      [...mine.byStage.values()].reduce((n, s) => n + s.visits.length, 0),
    );
  });

  it('shows an off-site touchpoint itself', () => {
    const copy = sampleRecords();
    copy.offsite.push({ id: crypto.randomUUID(), studyId: copy.study.id, stageId: consider!, channel: 'chat', name: 'Live chat', note: 'asked about stock', personaId: null, sessionId: null, at: null, createdAt: 5 });
    const e = selectEvidence(evidenceIndex(copy, {}), { stageId: consider!, offsiteId: copy.offsite[0]!.id, visits: true });
    expect(e.offsite?.name).toBe('Live chat');
    expect(e.visits).toEqual([]);
  });
});
