import { presetStages, type JourneyPreset } from '../../core/journey/presets';
import { newId } from '../../core/records/common';
import type { StageRule } from '../../core/records/stage-rule';
import type { Stage, Study } from '../../core/records/study';
import { t } from '../../shared/i18n';
import { DEFAULT_SETTINGS, frictionDraft, frictionInput, type FrictionDraft } from './friction-fields';
import { fromLines, toLines } from './lines';
import { surveyDraft, surveyInput, type SurveyDraft } from './survey-fields';

export type JourneyStart = JourneyPreset | 'custom';

/** The editor's working copy: the study's shape, with the scope as the text the user types. */
export interface StudyDraft {
  id: string;
  name: string;
  scopeText: string;
  stages: Stage[];
  rules: StageRule[];
  goalStageId: string | null;
  friction: FrictionDraft;
  surveys: SurveyDraft[];
  createdAt: number;
  /** The stored study being edited, null for a new one; keeps what this editor does not show (some settings). */
  saved: Study | null;
}

export function draftFromStudy(study: Study): StudyDraft {
  return {
    id: study.id,
    name: study.name,
    scopeText: fromLines(study.scope),
    stages: study.stages.map((stage) => ({ ...stage })),
    rules: study.rules.map((rule) => ({ ...rule })),
    goalStageId: study.goalStageId,
    friction: frictionDraft(study.settings),
    surveys: study.surveys.map(surveyDraft),
    createdAt: study.createdAt,
    saved: study,
  };
}

export function newDraft(now: number): StudyDraft {
  const friction = frictionDraft(DEFAULT_SETTINGS);
  return { id: newId(), name: '', scopeText: '', stages: stagesFor('classic', []), rules: [], goalStageId: null, friction, surveys: [], createdAt: now, saved: null };
}

export function blankStage(position: number): Stage {
  return { id: newId(), name: t('optionsStageDefaultName', position), customerGoal: '', desiredExperience: '' };
}

/** A preset's stages; ids are kept by position so rules already written still point at "the stage in that place". */
export function stagesFor(start: JourneyStart, current: readonly Stage[]): Stage[] {
  const fresh = start === 'custom' ? [blankStage(1)] : presetStages(start, (key) => t(key));
  return fresh.map((stage, i) => ({ ...stage, id: current[i]?.id ?? stage.id }));
}

/** What goes to `Study.safeParse`; issue paths refer to this object (scope lines without the blank ones). */
export function draftInput(draft: StudyDraft, now: number): Record<string, unknown> {
  return {
    id: draft.id,
    name: draft.name,
    scope: toLines(draft.scopeText),
    stages: draft.stages,
    rules: draft.rules,
    goalStageId: draft.goalStageId,
    settings: frictionInput(draft.friction, draft.saved?.settings),
    surveys: draft.surveys.map(surveyInput),
    createdAt: draft.createdAt,
    updatedAt: now,
  };
}

/** Whether leaving the editor would lose anything. */
export function sameDraft(a: StudyDraft, b: StudyDraft): boolean {
  const plain = ({ saved: _saved, ...rest }: StudyDraft) => JSON.stringify(rest);
  return plain(a) === plain(b);
}

export function stageLabel(stage: Stage, position: number): string {
  return stage.name.trim() || t('optionsStageUnnamed', position);
}
