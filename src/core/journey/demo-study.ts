import { newId } from '../records/common';
import { Study, type Stage } from '../records/study';
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
