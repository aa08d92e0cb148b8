import { newId } from '../core/records/common';
import { answerRefusal } from '../core/surveys/instruments';
import type { PromptSpec } from '../core/messages';
import { UserError } from './errors';
import { promptFor, promptSpec } from './prompts';
import { sessionVisits } from './store/queries';
import type { Db } from './store/schema';
import { activeSession, openPromptOf, rememberOpenPrompt, saveResponse } from './store/records';
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

/**
 * The end-of-session survey the popup asks before it stops the session: the one it asked before and got no
 * answer to (the popup or panel was closed on it), else one due now, if the study has one.
 */
export async function endOfSessionPrompt(db: Db, tabId: number | undefined, deps: Pick<WorkerDeps, 'now' | 'translate' | 'describeTab'>): Promise<PromptSpec | null> {
  const visit = await stopVisit(db, tabId, deps);
  if (!visit) return null;
  const moment = { event: { kind: 'session_end' as const }, visit };
  const unanswered = await unansweredEndPrompt(db, visit.sessionId);
  if (!unanswered) return promptFor(db, [moment], deps.now(), deps.translate);
  await rememberOpenPrompt(db, visit.sessionId, { ...unanswered.open, at: deps.now() });
  return promptSpec(unanswered.rule, moment, deps.translate);
}

/** The end-of-session survey shown in this session with neither an answer nor a dismissal stored since. */
async function unansweredEndPrompt(db: Db, sessionId: string) {
  const open = await openPromptOf(db, sessionId);
  if (open?.trigger?.kind !== 'session_end') return null;
  const session = await db.get('sessions', sessionId);
  const rule = session && (await db.get('studies', session.studyId))?.surveys.find((s) => s.id === open.surveyId);
  if (!rule) return null;
  const responses = await db.getAllFromIndex('responses', 'bySession', sessionId);
  return responses.some((r) => r.surveyId === open.surveyId && r.at >= open.at) ? null : { open, rule };
}

/** A session stopped with its end-of-session survey still unanswered: the survey is recorded as dismissed, never lost. */
export async function dismissUnansweredEndPrompt(db: Db, visit: Visit | null, now: number): Promise<void> {
  const unanswered = visit && (await unansweredEndPrompt(db, visit.sessionId));
  if (unanswered) await storeEndOfSessionAnswer(db, { surveyId: unanswered.rule.id, value: null, text: null, dismissed: true }, visit, now);
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
