import type { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { newId } from '../../../src/core/records/common';
import { SurveyRule } from '../../../src/core/records/survey';
import { decidePrompt, gapEndsAt, type PromptQuestion } from '../../../src/core/surveys/prompt-decision';
import { openPrompt, type PromptRecord } from '../../../src/core/surveys/prompt-history';
import type { TriggerEvent } from '../../../src/core/surveys/triggers';

const MIN = 60_000;
const GAP = 5 * MIN;
const T0 = 1_700_000_000_000;
const PURCHASE = newId();
const RETENTION = newId();

const rule = (input: Omit<z.input<typeof SurveyRule>, 'id'>): SurveyRule => SurveyRule.parse({ id: newId(), ...input });
const enterPurchase: TriggerEvent = { kind: 'stage_enter', stageId: PURCHASE };
const rageClick: TriggerEvent = { kind: 'signal', signalKind: 'rage_click', signalId: newId() };
const csatOnPurchase = rule({ instrument: 'csat', trigger: { kind: 'stage_enter', stageId: PURCHASE } });

/** A prompt `rule` gave on `pageKey`, `minutesAgo` before T0. */
const asked = (by: SurveyRule, pageKey: string, minutesAgo: number, outcome: PromptRecord['outcome'] = 'answered'): PromptRecord => ({
  surveyId: by.id,
  trigger: by.trigger,
  pageKey,
  at: T0 - minutesAgo * MIN,
  outcome,
});

const decide = (question: Partial<PromptQuestion> & Pick<PromptQuestion, 'event'>) =>
  decidePrompt({ rules: [csatOnPurchase], settings: { surveyGapMs: GAP }, pageKey: '/checkout', now: T0, history: [], ...question });

describe('which rule answers a trigger', () => {
  it('shows the rule of the stage entered', () => {
    expect(decide({ event: enterPurchase })).toEqual({ rule: csatOnPurchase, reason: null });
  });

  it('shows nothing for a stage, signal or moment no rule names', () => {
    expect(decide({ event: { kind: 'stage_enter', stageId: RETENTION } })).toEqual({ rule: null, reason: 'no_rule' });
    expect(decide({ event: rageClick })).toEqual({ rule: null, reason: 'no_rule' });
    expect(decide({ event: { kind: 'exit_intent' } })).toEqual({ rule: null, reason: 'no_rule' });
    expect(decide({ rules: [], event: enterPurchase })).toEqual({ rule: null, reason: 'no_rule' });
  });

  it('matches a signal rule by the signal’s kind, whichever signal it is', () => {
    const afterRage = rule({ instrument: 'emotion', trigger: { kind: 'signal', signalKind: 'rage_click' } });
    const rules = [afterRage];
    expect(decide({ rules, event: rageClick }).rule).toBe(afterRage);
    expect(decide({ rules, event: { kind: 'signal', signalKind: 'rage_click', signalId: newId() } }).rule).toBe(afterRage);
    expect(decide({ rules, event: { kind: 'signal', signalKind: 'dead_click', signalId: newId() } }).reason).toBe('no_rule');
  });

  it('matches the moments without detail by kind', () => {
    const onExit = rule({ instrument: 'open_text', trigger: { kind: 'exit_intent' } });
    const atEnd = rule({ instrument: 'seq', trigger: { kind: 'session_end' } });
    const rules = [onExit, atEnd];
    expect(decide({ rules, event: { kind: 'exit_intent' } }).rule).toBe(onExit);
    expect(decide({ rules, event: { kind: 'session_end' } }).rule).toBe(atEnd);
    expect(decide({ rules, event: { kind: 'on_demand' } }).reason).toBe('no_rule');
  });

  it('never shows a disabled rule', () => {
    const off = rule({ instrument: 'csat', trigger: { kind: 'stage_enter', stageId: PURCHASE }, enabled: false });
    expect(decide({ rules: [off], event: enterPurchase })).toEqual({ rule: null, reason: 'disabled' });
  });

  it('picks the first matching enabled rule, in rule order', () => {
    const off = rule({ instrument: 'nps', trigger: { kind: 'stage_enter', stageId: PURCHASE }, enabled: false });
    const ces = rule({ instrument: 'ces', trigger: { kind: 'stage_enter', stageId: PURCHASE } });
    const retention = rule({ instrument: 'nps', trigger: { kind: 'stage_enter', stageId: RETENTION } });
    expect(decide({ rules: [retention, off, ces, csatOnPurchase], event: enterPurchase }).rule).toBe(ces);
    expect(decide({ rules: [retention, off, csatOnPurchase, ces], event: enterPurchase }).rule).toBe(csatOnPurchase);
  });
});

describe('throttling', () => {
  it('refuses a second entry into Purchase within the gap', () => {
    const history = [asked(csatOnPurchase, '/checkout', 2)];
    expect(decide({ event: enterPurchase, history })).toEqual({ rule: null, reason: 'gap' });
  });

  it('keeps the gap across surveys and triggers, and counts dismissals', () => {
    const afterRage = rule({ instrument: 'emotion', trigger: { kind: 'signal', signalKind: 'rage_click' } });
    const history = [asked(afterRage, '/product/:id', 4.9, 'dismissed')];
    expect(decide({ event: enterPurchase, history }).reason).toBe('gap');
    // Exactly the gap later, the pause is over.
    expect(decide({ event: enterPurchase, history: [asked(afterRage, '/product/:id', 5)] }).rule).toBe(csatOnPurchase);
  });

  it('reads the gap from the settings', () => {
    const history = [asked(csatOnPurchase, '/cart', 2)];
    const event: TriggerEvent = { kind: 'stage_enter', stageId: RETENTION };
    const rules = [rule({ instrument: 'nps', trigger: { kind: 'stage_enter', stageId: RETENTION } })];
    expect(decide({ rules, event, history, pageKey: '/account' }).reason).toBe('gap');
    expect(decide({ rules, event, history, pageKey: '/account', settings: { surveyGapMs: MIN } }).rule).toBe(rules[0]);
  });

  it('asks a touchpoint once a session: after the gap, the same touchpoint is still refused', () => {
    const afterRage = rule({ instrument: 'emotion', trigger: { kind: 'signal', signalKind: 'rage_click' } });
    const history = [asked(csatOnPurchase, '/checkout', 20)];
    expect(decide({ rules: [afterRage], event: rageClick, history })).toEqual({ rule: null, reason: 'same_touchpoint' });
    expect(decide({ rules: [afterRage], event: rageClick, history, pageKey: '/cart' }).rule).toBe(afterRage);
  });

  it('never asks twice for the same trigger in a session, even through another rule or an every-time schedule', () => {
    const ces = rule({ instrument: 'ces', trigger: { kind: 'stage_enter', stageId: PURCHASE }, schedule: 'every_time' });
    const history = [asked(csatOnPurchase, '/cart', 20)];
    expect(decide({ rules: [csatOnPurchase, ces], event: enterPurchase, history })).toEqual({ rule: null, reason: 'already_asked' });
    // Another stage is another trigger.
    const retention = rule({ instrument: 'csat', trigger: { kind: 'stage_enter', stageId: RETENTION } });
    expect(decide({ rules: [retention], event: { kind: 'stage_enter', stageId: RETENTION }, history }).rule).toBe(retention);
  });

  it('asks a once-per-session survey once per session', () => {
    const nps = rule({ instrument: 'nps', trigger: { kind: 'on_demand' } });
    const history = [asked(nps, '/cart', 20)];
    expect(decide({ rules: [nps], event: { kind: 'on_demand' }, history })).toEqual({ rule: null, reason: 'already_asked' });
  });

  it('moves on to the next rule when the first was already asked this session', () => {
    const nps = rule({ instrument: 'nps', trigger: { kind: 'on_demand' } });
    const emotion = rule({ instrument: 'emotion', trigger: { kind: 'on_demand' } });
    expect(decide({ rules: [nps, emotion], event: { kind: 'on_demand' }, history: [asked(nps, '/cart', 20)] }).rule).toBe(emotion);
  });

  it('lets the person ask on demand within the gap and on the same touchpoint', () => {
    const onDemand = rule({ instrument: 'emotion', trigger: { kind: 'on_demand' }, schedule: 'every_time' });
    const history = [asked(csatOnPurchase, '/checkout', 1), asked(onDemand, '/checkout', 0.5, 'dismissed')];
    expect(decide({ rules: [onDemand], event: { kind: 'on_demand' }, history })).toEqual({ rule: onDemand, reason: null });
  });

  it('shows one prompt at a time, even on demand', () => {
    const onDemand = rule({ instrument: 'emotion', trigger: { kind: 'on_demand' }, schedule: 'every_time' });
    const history = [openPrompt(csatOnPurchase, '/checkout', T0 - 20 * MIN)];
    expect(decide({ rules: [onDemand], event: { kind: 'on_demand' }, history })).toEqual({ rule: null, reason: 'prompt_open' });
  });

  it('asks at the end of a session on a touchpoint already asked, but not within the gap', () => {
    const atEnd = rule({ instrument: 'seq', trigger: { kind: 'session_end' } });
    expect(decide({ rules: [atEnd], event: { kind: 'session_end' }, history: [asked(csatOnPurchase, '/checkout', 20)] }).rule).toBe(atEnd);
    expect(decide({ rules: [atEnd], event: { kind: 'session_end' }, history: [asked(csatOnPurchase, '/checkout', 1)] }).reason).toBe('gap');
  });

  it('applies the touchpoint throttle to exit intent', () => {
    const onExit = rule({ instrument: 'open_text', trigger: { kind: 'exit_intent' } });
    expect(decide({ rules: [onExit], event: { kind: 'exit_intent' }, history: [asked(csatOnPurchase, '/checkout', 20)] }).reason).toBe('same_touchpoint');
  });

  it('checks in a fixed order: disabled, open, gap, touchpoint, trigger', () => {
    const history = [asked(csatOnPurchase, '/checkout', 1), openPrompt(csatOnPurchase, '/checkout', T0)];
    const off = { ...csatOnPurchase, enabled: false };
    expect(decide({ rules: [off], event: enterPurchase, history }).reason).toBe('disabled');
    expect(decide({ event: enterPurchase, history }).reason).toBe('prompt_open');
    expect(decide({ event: enterPurchase, history: history.slice(0, 1) }).reason).toBe('gap');
  });
});

describe('when the next prompt may come (the console counts down to it)', () => {
  it('is the gap after the latest prompt, answered, dismissed or open; unknown before any', () => {
    expect(gapEndsAt([], 300_000)).toBeNull();
    expect(gapEndsAt([10_000, 70_000, 40_000], 300_000)).toBe(370_000);
  });
});
