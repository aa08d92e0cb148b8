import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { openJourneyDb } from '../../../src/background/store/open-db';
import { promptFor } from '../../../src/background/prompts';
import { sessionSummary } from '../../../src/background/store/queries';
import * as store from '../../../src/background/store/records';
import { newId } from '../../../src/core/records/common';
import type { SurveyRule } from '../../../src/core/records/survey';
import type { Visit } from '../../../src/core/records/visit';
import { SKIPS_KEPT, skipOf, withSkip } from '../../../src/core/surveys/prompt-skip';
import { testStudy, visitStart } from '../fixtures/records';

const rule = (over: Partial<SurveyRule>): SurveyRule => ({ id: newId(), instrument: 'csat', trigger: { kind: 'on_demand' }, question: null, schedule: 'once_per_session', enabled: true, ...over });

describe('skipped prompts', () => {
  it('are kept for refusals of a rule that would have asked, never for "no rule"', () => {
    const where = { pageKey: '/cart', stageId: 's' };
    expect(skipOf('no_rule', { kind: 'exit_intent' }, where, 1)).toBeNull();
    expect(skipOf('disabled', { kind: 'exit_intent' }, where, 1)).toBeNull();
    expect(skipOf('same_touchpoint', { kind: 'signal', signalKind: 'rage_click', signalId: 'x' }, where, 5)).toEqual({ at: 5, reason: 'same_touchpoint', trigger: 'signal', signalKind: 'rage_click', pageKey: '/cart', stageId: 's' });
    const many = Array.from({ length: SKIPS_KEPT + 3 }, (_, i) => skipOf('gap', { kind: 'exit_intent' }, where, i)!).reduce(withSkip, []);
    expect(many.map((s) => s.at)).toEqual(Array.from({ length: SKIPS_KEPT }, (_, i) => i + 3));
  });

  it('say why a CES after a rage click was not asked on a touchpoint already surveyed, and reach the session summary', async () => {
    const db = await openJourneyDb(`skips-${newId()}`);
    const base = testStudy();
    const cart = base.stages[2]!.id;
    const onEnter = rule({ instrument: 'emotion', trigger: { kind: 'stage_enter', stageId: cart } });
    const onRage = rule({ instrument: 'ces', trigger: { kind: 'signal', signalKind: 'rage_click' } });
    const study = await store.saveStudy(db, { ...base, surveys: [onEnter, onRage], settings: { ...base.settings, surveyGapMs: 0 } });
    const session = await store.startSession(db, { studyId: study.id, personaId: null, goal: '', role: 'researcher' }, 1);
    const visit: Visit = { ...visitStart(study, session.id, '/cart', 10).visit, stageId: cart, pageKey: '/cart', tabId: 1, leftAt: null, endedBy: null, maxScrollDepth: 0 };
    await db.put('visits', visit);
    const shown = await promptFor(db, [{ event: { kind: 'stage_enter', stageId: cart }, visit }], 20, (key) => key);
    expect(shown?.surveyId).toBe(onEnter.id);
    // The emotion card is answered; then a rage click on the same page.
    await db.put('responses', { id: newId(), studyId: study.id, sessionId: session.id, visitId: visit.id, pageKey: '/cart', stageId: cart, surveyId: onEnter.id, instrument: 'emotion', trigger: 'stage_enter', signalId: null, value: 1, text: null, dismissed: false, at: 30 });
    expect(await promptFor(db, [{ event: { kind: 'signal', signalKind: 'rage_click', signalId: newId() }, visit }], 40, (key) => key)).toBeNull();
    const skips = await store.promptSkipsOf(db, session.id);
    expect(skips).toEqual([{ at: 40, reason: 'same_touchpoint', trigger: 'signal', signalKind: 'rage_click', pageKey: '/cart', stageId: cart }]);
    expect((await sessionSummary(db, session)).promptSkips).toEqual(skips);
    db.close();
  });
});
