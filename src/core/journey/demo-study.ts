import { newId } from '../records/common';
import { Persona } from '../records/persona';
import { Study, type Stage } from '../records/study';
import type { SurveyRule } from '../records/survey';
import type { RuleKind } from '../records/stage-rule';
import { presetStages, type StageNameKey } from './presets';

export const DEMO_SITE_PORT = 4310;
export const DEMO_SITE_SCOPE = [`http://127.0.0.1:${DEMO_SITE_PORT}/*`, `http://localhost:${DEMO_SITE_PORT}/*`];

/** Stage index (classic preset) → rules of the bundled demo shop, most specific first. */
const DEMO_RULES: ReadonlyArray<[number, RuleKind, string]> = [
  [2, 'selector', 'form#checkout'],
  [2, 'path', '/cart'],
  [2, 'path', '/checkout/*'],
  [0, 'path', '/'],
  [0, 'path', '/about'],
  [0, 'path', '/deals'],
  [0, 'glob', '/guides/**'],
  [0, 'glob', '/promo/**'],
  [1, 'path', '/category/:slug'],
  [1, 'path', '/product/:id'],
  [1, 'path', '/search'],
  [3, 'path', '/account/*'],
  [3, 'path', '/help#/article/:slug'],
  [3, 'path', '/help'],
  [4, 'path', '/refer'],
];

export interface DemoStudyText {
  name: string;
  stageName: (key: StageNameKey) => string;
  goals: readonly string[];
}

/** The study the first run offers for the bundled demo shop, so a newcomer sees a map within minutes. */
export function demoStudy(text: DemoStudyText, now: number): Study {
  const stages: Stage[] = presetStages('classic', text.stageName).map((stage, i) => ({ ...stage, customerGoal: text.goals[i] ?? '' }));
  const stageId = (index: number) => stages[index]!.id;
  return Study.parse({
    id: newId(),
    name: text.name,
    scope: DEMO_SITE_SCOPE,
    stages,
    rules: DEMO_RULES.map(([stage, kind, pattern]) => ({ id: newId(), stageId: stageId(stage), kind, pattern, keepQuery: false })),
    goalStageId: stageId(2),
    createdAt: now,
    updatedAt: now,
  });
}

/**
 * The demo study's surveys, so a newcomer's first walk asks something: effort on entering Consideration,
 * satisfaction on entering Purchase, and the task's ease at the end of the session.
 */
export function demoSurveys(study: Pick<Study, 'stages'>): SurveyRule[] {
  const rule = (instrument: SurveyRule['instrument'], trigger: SurveyRule['trigger']): SurveyRule => ({ id: newId(), instrument, trigger, question: null, schedule: 'once_per_session', enabled: true });
  return [
    rule('ces', { kind: 'stage_enter', stageId: study.stages[1]!.id }),
    rule('csat', { kind: 'stage_enter', stageId: study.stages[2]!.id }),
    rule('seq', { kind: 'session_end' }),
  ];
}

export interface DemoPersonaText {
  name: string;
  job: string;
  description: string;
  goal: string;
}

/** The persona the demo study is walked as (seed 002: name, age, job, goals). */
export function demoPersona(text: DemoPersonaText, now: number): Persona {
  return Persona.parse({ id: newId(), name: text.name, age: 34, job: text.job, description: text.description, goals: [text.goal], createdAt: now, updatedAt: now });
}
