import { describe, expect, it } from 'vitest';
import { newId } from '../../../src/core/records/common';
import type { SurveyResponse } from '../../../src/core/records/response';
import type { SurveyRule } from '../../../src/core/records/survey';
import { openPrompt, promptHistory } from '../../../src/core/surveys/prompt-history';

const PURCHASE = newId();
const csat: SurveyRule = { id: newId(), instrument: 'csat', trigger: { kind: 'stage_enter', stageId: PURCHASE }, question: null, schedule: 'once_per_session', enabled: true };
const emotion: SurveyRule = { id: newId(), instrument: 'emotion', trigger: { kind: 'signal', signalKind: 'rage_click' }, question: null, schedule: 'every_time', enabled: true };

function response(rule: SurveyRule, at: number, facts: Partial<SurveyResponse> = {}): SurveyResponse {
  return {
    id: newId(),
    studyId: newId(),
    sessionId: newId(),
    visitId: newId(),
    pageKey: '/checkout',
    stageId: PURCHASE,
    surveyId: rule.id,
    instrument: rule.instrument,
    trigger: rule.trigger.kind,
    signalId: null,
    value: 4,
    text: null,
    dismissed: false,
    at,
    ...facts,
  };
}

describe('promptHistory', () => {
  it('turns responses into prompts, oldest first, dismissals included', () => {
    const history = promptHistory([response(emotion, 2000, { dismissed: true, value: null, pageKey: '/cart' }), response(csat, 1000)], [csat, emotion]);
    expect(history).toEqual([
      { surveyId: csat.id, trigger: csat.trigger, pageKey: '/checkout', at: 1000, outcome: 'answered' },
      { surveyId: emotion.id, trigger: emotion.trigger, pageKey: '/cart', at: 2000, outcome: 'dismissed' },
    ]);
  });

  it('takes a stage entry’s stage from the response, so a deleted rule still blocks its trigger', () => {
    expect(promptHistory([response(csat, 1000)], [])[0]!.trigger).toEqual({ kind: 'stage_enter', stageId: PURCHASE });
  });

  it('takes a signal’s kind from the signal when known, else from the rule, else leaves it unknown', () => {
    const signalId = newId();
    const answered = response(emotion, 1000, { signalId, value: 1 });
    expect(promptHistory([answered], [emotion], new Map([[signalId, 'dead_click']]))[0]!.trigger).toEqual({ kind: 'signal', signalKind: 'dead_click' });
    expect(promptHistory([answered], [emotion])[0]!.trigger).toEqual(emotion.trigger);
    expect(promptHistory([answered], [])[0]!.trigger).toBeNull();
  });

  it('ignores a rule whose trigger kind has changed since', () => {
    const edited: SurveyRule = { ...emotion, trigger: { kind: 'exit_intent' } };
    expect(promptHistory([response(emotion, 1000)], [edited])[0]!.trigger).toBeNull();
  });

  it('keeps kinds without detail as they are', () => {
    const atEnd: SurveyRule = { ...csat, id: newId(), trigger: { kind: 'session_end' } };
    expect(promptHistory([response(atEnd, 1000)], [])[0]!.trigger).toEqual({ kind: 'session_end' });
  });
});

describe('openPrompt', () => {
  it('records a prompt on screen', () => {
    expect(openPrompt(csat, '/checkout', 5)).toEqual({ surveyId: csat.id, trigger: csat.trigger, pageKey: '/checkout', at: 5, outcome: 'open' });
  });
});
