import { rollupsFor } from '../../../src/core/health/raw-rollups';
import { buildJourneyMap, type JourneyMapData } from '../../../src/core/journey-map/map-data';
import type { Annotation, AnnotationType } from '../../../src/core/records/annotation';
import { newId } from '../../../src/core/records/common';
import type { OffsiteTouchpoint } from '../../../src/core/records/offsite';
import type { Persona } from '../../../src/core/records/persona';
import type { SurveyResponse } from '../../../src/core/records/response';
import type { Session } from '../../../src/core/records/session';
import type { Signal, SignalKind } from '../../../src/core/records/signal';
import type { Study } from '../../../src/core/records/study';
import type { Instrument } from '../../../src/core/records/survey';
import type { Visit } from '../../../src/core/records/visit';
import { testPersona, testStudy } from '../fixtures/records';

/** A small study with records, built by hand: what the map, table, evidence and SVG tests read. */
export const T0 = Date.UTC(2025, 0, 6, 9);

export interface Records {
  study: Study;
  personas: Persona[];
  sessions: Session[];
  visits: Visit[];
  signals: Signal[];
  responses: SurveyResponse[];
  annotations: Annotation[];
  offsite: OffsiteTouchpoint[];
  feedback: [];
}

export function emptyRecords(study: Study = testStudy()): Records {
  return { study, personas: [], sessions: [], visits: [], signals: [], responses: [], annotations: [], offsite: [], feedback: [] };
}

export function addSession(r: Records, over: Partial<Session> = {}): Session {
  const s: Session = { id: newId(), studyId: r.study.id, personaId: null, goal: 'Buy a phone', role: 'researcher', startedAt: T0, endedAt: T0 + 600_000, outcome: 'goal_reached', ...over };
  r.sessions.push(s);
  return s;
}

export function addVisit(r: Records, s: Session, stageIndex: number | null, pageKey: string, enteredAt: number): Visit {
  const v: Visit = {
    id: newId(),
    studyId: r.study.id,
    sessionId: s.id,
    tabId: 1,
    url: `http://127.0.0.1:4310${pageKey.replace(':id', '1')}`,
    title: pageKey,
    pageKey,
    stageId: stageIndex === null ? null : r.study.stages[stageIndex]!.id,
    ruleId: null,
    arrival: 'navigate',
    enteredAt,
    leftAt: enteredAt + 1000,
    maxScrollDepth: 0.5,
    endedBy: 'link',
  };
  r.visits.push(v);
  return v;
}

export function addSignal(r: Records, v: Visit, kind: SignalKind, element: string | null = null): Signal {
  const s: Signal = {
    id: newId(),
    studyId: r.study.id,
    sessionId: v.sessionId,
    visitId: v.id,
    pageKey: v.pageKey,
    stageId: v.stageId,
    kind,
    at: v.enteredAt + 10,
    element: element === null ? null : { tag: 'button', id: null, classes: [], role: null, name: element, selector: 'button' },
    detail: {},
  };
  r.signals.push(s);
  return s;
}

export function addResponse(r: Records, v: Visit, instrument: Instrument, value: number | null, text: string | null = null, dismissed = false): SurveyResponse {
  const res: SurveyResponse = {
    id: newId(),
    studyId: r.study.id,
    sessionId: v.sessionId,
    visitId: v.id,
    pageKey: v.pageKey,
    stageId: v.stageId,
    surveyId: newId(),
    instrument,
    trigger: 'on_demand',
    signalId: null,
    value,
    text,
    dismissed,
    at: v.enteredAt + 20,
  };
  r.responses.push(res);
  return res;
}

export function addAnnotation(
  r: Records,
  v: Pick<Visit, 'id' | 'pageKey' | 'stageId' | 'enteredAt'> & { sessionId: string | null },
  type: AnnotationType,
  text: string,
  status: 'open' | 'resolved' = 'open',
): Annotation {
  const a: Annotation = {
    id: newId(),
    studyId: r.study.id,
    sessionId: v.sessionId,
    visitId: v.id,
    pageKey: v.pageKey,
    stageId: v.stageId,
    type,
    text,
    emotion: null,
    role: 'pm',
    anchor: { selector: 'main', quote: { exact: '', prefix: '', suffix: '' }, position: 0 },
    status,
    orphaned: false,
    createdAt: v.enteredAt + 30,
    updatedAt: v.enteredAt + 30,
  };
  r.annotations.push(a);
  return a;
}

/** Two walks as two personas: friction in Consideration and Purchase, emotion in three of five stages. */
export function sampleRecords(): Records {
  const r = emptyRecords();
  const minji = testPersona();
  const joon = { ...testPersona(), id: newId(), name: 'Joon' };
  r.personas.push(minji, joon);
  const a = addSession(r, { personaId: minji.id });
  const b = addSession(r, { personaId: joon.id, startedAt: T0 + 86_400_000, endedAt: T0 + 86_400_000 + 300_000, outcome: 'abandoned' });
  for (const [s, t] of [[a, T0], [b, T0 + 86_400_000]] as const) {
    const home = addVisit(r, s, 0, '/', t + 1000);
    addResponse(r, home, 'emotion', 1);
    const product = addVisit(r, s, 1, '/product/:id', t + 20_000);
    addSignal(r, product, 'rage_click', 'Add to cart');
    addSignal(r, product, 'dead_click', 'Compare');
    addResponse(r, product, 'emotion', -1);
    addResponse(r, product, 'open_text', null, 'The compare button does nothing');
    addResponse(r, product, 'csat', 2);
    addAnnotation(r, product, 'pain_point', 'Compare is broken');
    if (s === a) {
      const cart = addVisit(r, s, 2, '/cart', t + 60_000);
      addResponse(r, cart, 'emotion', 2);
      addAnnotation(r, cart, 'opportunity', 'Offer express checkout');
    } else {
      const search = addVisit(r, s, 1, '/search', t + 40_000);
      addSignal(r, search, 'exit');
    }
  }
  return r;
}

export function mapOf(r: Records, filter = {}): JourneyMapData {
  return buildJourneyMap({ ...r, rollups: rollupsFor(r, filter) }, filter);
}
