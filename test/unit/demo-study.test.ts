import { describe, expect, it } from 'vitest';
import { demoPersona, demoStudy, demoSurveys } from '../../src/core/journey/demo-study';
import { Study } from '../../src/core/records/study';

describe('the demo study a newcomer creates', () => {
  const study = demoStudy({ name: 'Demo', stageName: (key) => key, goals: [] }, 1);

  it('asks on entering two stages and at the end of the session, so the first walk sees a survey', () => {
    const surveys = demoSurveys(study);
    expect(Study.parse({ ...study, surveys }).surveys).toHaveLength(3);
    const entered = surveys.flatMap((s) => (s.trigger.kind === 'stage_enter' ? [s.trigger.stageId] : []));
    expect(new Set(entered).size).toBe(2);
    expect(entered.every((id) => study.stages.some((stage) => stage.id === id))).toBe(true);
    expect(surveys.filter((s) => s.trigger.kind === 'session_end')).toHaveLength(1);
  });

  it('is walked as a persona with a goal', () => {
    expect(demoPersona({ name: 'Minji', job: 'Nurse', description: 'Busy', goal: 'Buy a phone' }, 1)).toMatchObject({ name: 'Minji', age: 34, goals: ['Buy a phone'] });
  });
});
