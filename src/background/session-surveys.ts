import { newId } from '../core/records/common';
import { answerRefusal } from '../core/surveys/instruments';
import type { PromptSpec } from '../core/messages';
import { UserError } from './errors';
import { promptFor } from './prompts';
import { sessionVisits } from './store/queries';
import type { Db } from './store/schema';
import { activeSession, saveResponse } from './store/records';
import type { WorkerDeps } from './deps';
import { visitWhereStopped } from '../core/journey/goal';
import type { Visit } from '../core/records/visit';

/** The running session's visit where it stops: the page in the popup's tab, if it is the session's (goal.ts). */
export async function stopVisit(db: Db, tabId: number | undefined, deps: Pick<WorkerDeps, 'describeTab'>) {
  const session = await activeSession(db);
  if (!session) throw new UserError('errorNoSession');
  const page = tabId === undefined ? null : await deps.describeTab(tabId).catch(() => null);
  return visitWhereStopped(await sessionVisits(db, session.id), page?.visitId ?? null) ?? null;
}

/** The person asked (keyboard command or the popup): the study's on-demand survey, on the page in the tab. */
export async function askNow(db: Db, tabId: number, deps: Pick<WorkerDeps, 'describeTab' | 'now' | 'translate' | 'showPrompt'>): Promise<{ shown: boolean }> {
  const page = await deps.describeTab(tabId);
  const visit = page?.visitId ? await db.get('visits', page.visitId) : undefined;
  if (!visit) return { shown: false };
  const prompt = await promptFor(db, [{ event: { kind: 'on_demand' }, visit }], deps.now(), deps.translate);
  return { shown: prompt !== null && (await deps.showPrompt(tabId, prompt)) };
}

/** The end-of-session survey the popup asks before it stops the session, if the study has one due. */
export async function endOfSessionPrompt(db: Db, tabId: number | undefined, deps: Pick<WorkerDeps, 'now' | 'translate' | 'describeTab'>): Promise<PromptSpec | null> {
  const visit = await stopVisit(db, tabId, deps);
  return visit ? promptFor(db, [{ event: { kind: 'session_end' }, visit }], deps.now(), deps.translate) : null;
}

export interface EndAnswer {
  surveyId: string;
  value: number | null;
  text: string | null;
  dismissed: boolean;
}

/** Stores the end-of-session answer with the visit where the session stops (its page and stage), before it stops. */
export async function storeEndOfSessionAnswer(db: Db, answer: EndAnswer, visit: Visit | null, now: number): Promise<void> {
  const study = visit && (await db.get('studies', visit.studyId));
  const rule = study?.surveys.find((s) => s.id === answer.surveyId);
  if (!visit || !rule) throw new UserError('errorSurveyNotInStudy');
  const refusal = answerRefusal(rule, { ...answer, instrument: rule.instrument });
  if (refusal) throw new UserError(refusal);
  await saveResponse(db, {
    id: newId(),
    studyId: visit.studyId,
    sessionId: visit.sessionId,
    visitId: visit.id,
    pageKey: visit.pageKey,
    stageId: visit.stageId,
    surveyId: rule.id,
    instrument: rule.instrument,
    trigger: 'session_end',
    signalId: null,
    value: answer.dismissed ? null : answer.value,
    text: answer.dismissed ? null : answer.text,
    dismissed: answer.dismissed,
    at: now,
  });
}
