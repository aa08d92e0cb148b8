import type { UiRequest } from '../../core/messages';
import type { UiReplies } from '../../core/replies';
import { inScope } from '../../core/journey/scope';
import { ruleProblem } from '../../core/journey/rule-problem';
import { ruleForPage } from '../../core/journey/stage-match';
import { newId } from '../../core/records/common';
import { Study } from '../../core/records/study';
import { UserError } from '../errors';
import type { HandlerContext, HandlerTable } from '../handler';
import { applyImport, previewImport } from '../store/import';
import { cachedJourneyMap } from '../map-cache';
import { studyRecords } from '../store/queries';
import type { Db } from '../store/schema';
import { deleteOffsite, deletePersona, deleteStudy, saveOffsite, savePersona, saveStudy } from '../store/records';
import { retagStudy } from '../store/retag';

type StudyRequests = Extract<
  UiRequest,
  {
    type:
      | 'ui.study.save'
      | 'ui.study.delete'
      | 'ui.study.export'
      | 'ui.map'
      | 'ui.offsite.save'
      | 'ui.offsite.delete'
      | 'ui.import.preview'
      | 'ui.import.apply'
      | 'ui.persona.save'
      | 'ui.persona.delete'
      | 'ui.page.tag'
      | 'ui.touchpoint.tag';
  }
>;

/** Studies and personas, their maps, exports and imports: what the options page edits. */
export const STUDY_HANDLERS: HandlerTable<StudyRequests, UiReplies> = {
  'ui.study.save': {
    effect: 'adds',
    async run(request, { db: open, deps }) {
      const db = await open();
      const saved = await saveStudy(db, { ...request.study, updatedAt: deps.now() });
      // Rules added in the editor tag past pages too: untagged visits they match move with what was recorded on them.
      await retagStudy(db, saved.id);
      await deps.studiesChanged(await db.getAll('studies'));
      return saved;
    },
  },
  'ui.study.delete': {
    effect: 'changes',
    async run(request, { db: open, deps }) {
      const db = await open();
      await deleteStudy(db, request.studyId);
      await deps.studiesChanged(await db.getAll('studies'));
      return null;
    },
  },
  'ui.study.export': {
    effect: 'reads',
    async run(request, { db, deps }) {
      const file = await studyRecords(await db(), request.studyId, deps.now());
      if (!file) throw new UserError('errorStudyGone');
      return file;
    },
  },
  'ui.map': {
    effect: 'reads',
    async run(request, { db }) {
      const map = await cachedJourneyMap(await db(), request.studyId, request.filter);
      if (!map) throw new UserError('errorStudyGone');
      return map;
    },
  },
  'ui.offsite.save': {
    effect: 'adds',
    run: async (request, { db }) => saveOffsite(await db(), request.touchpoint),
  },
  'ui.offsite.delete': {
    effect: 'changes',
    async run(request, { db }) {
      await deleteOffsite(await db(), request.id);
      return null;
    },
  },
  'ui.import.preview': { effect: 'reads', run: async (request, { db }) => previewImport(await db(), request.text) },
  'ui.import.apply': {
    effect: 'changes',
    async run(request, { db: open, deps }) {
      const db = await open();
      const result = await applyImport(db, request.text);
      if (result.ok) await deps.studiesChanged(await db.getAll('studies'));
      return result;
    },
  },
  'ui.persona.save': { effect: 'adds', run: async (request, { db, deps }) => savePersona(await db(), { ...request.persona, updatedAt: deps.now() }) },
  'ui.persona.delete': {
    effect: 'changes',
    async run(request, { db }) {
      await deletePersona(await db(), request.personaId);
      return null;
    },
  },
  'ui.page.tag': { effect: 'adds', run: async (request, context) => tagPage(await context.db(), request, context) },
  'ui.touchpoint.tag': { effect: 'adds', run: async (request, context) => tagTouchpoint(await context.db(), request, context) },
};

/** "Tag this page as …": a path rule for exactly this page, added last so existing rules keep their say. */
async function tagPage(db: Db, request: { tabId: number; studyId: string; stageId: string }, context: HandlerContext): Promise<Study> {
  const [study, url] = await Promise.all([db.get('studies', request.studyId), context.deps.tabUrl(request.tabId)]);
  if (!study) throw new UserError('errorStudyGone');
  if (!url || !inScope(url, study.scope)) throw new UserError('errorPageOutOfScope');
  return addRule(db, study, { stageId: request.stageId, ...ruleForPage(url) }, context);
}

/** The map's Untagged column: a path rule for the touchpoint's page key (itself a path pattern, `/order/:id`). */
async function tagTouchpoint(db: Db, request: { studyId: string; pageKey: string; stageId: string }, context: HandlerContext): Promise<Study> {
  const study = await db.get('studies', request.studyId);
  if (!study) throw new UserError('errorStudyGone');
  const rule = { kind: 'path' as const, pattern: request.pageKey };
  if (ruleProblem(rule)) throw new UserError('errorNotAPagePattern');
  return addRule(db, study, { stageId: request.stageId, ...rule }, context);
}

/** Adds a rule last, then moves the untagged visits it tags with everything recorded on them (store/retag.ts). */
async function addRule(db: Db, study: Study, rule: { stageId: string; kind: 'path'; pattern: string }, { deps }: HandlerContext): Promise<Study> {
  if (!study.stages.some((stage) => stage.id === rule.stageId)) throw new UserError('errorStageGone');
  const updated = Study.parse({ ...study, rules: [...study.rules, { id: newId(), ...rule, keepQuery: false }], updatedAt: deps.now() });
  await saveStudy(db, updated);
  await retagStudy(db, updated.id);
  await deps.studiesChanged(await db.getAll('studies'));
  return updated;
}
