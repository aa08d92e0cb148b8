import type { DBSchema, IDBPDatabase } from 'idb';
import type { Annotation } from '../../core/records/annotation';
import type { FeedbackReport } from '../../core/records/feedback';
import type { OffsiteTouchpoint } from '../../core/records/offsite';
import type { Persona } from '../../core/records/persona';
import type { SurveyResponse } from '../../core/records/response';
import type { Session } from '../../core/records/session';
import type { Signal } from '../../core/records/signal';
import type { Study } from '../../core/records/study';
import type { Visit } from '../../core/records/visit';
import type { JournalEntry } from '../../core/records/journal';
import type { SessionRollup } from '../../core/health/session-rollup';
import type { StudySummary } from '../../core/health/merged-rollups';

export const DB_NAME = 'journey-lens';

export interface JourneyDb extends DBSchema {
  studies: { key: string; value: Study };
  personas: { key: string; value: Persona };
  sessions: { key: string; value: Session; indexes: { byStudy: string; byEnded: number } };
  visits: { key: string; value: Visit; indexes: { bySession: [string, number]; byTab: [string, number]; byStudy: string } };
  signals: { key: string; value: Signal; indexes: { bySession: string; byVisit: string; byStudy: string } };
  responses: { key: string; value: SurveyResponse; indexes: { bySession: string; byStudy: string } };
  annotations: { key: string; value: Annotation; indexes: { byStudy: string; byPage: [string, string] } };
  feedback: { key: string; value: FeedbackReport; indexes: { byStudy: string } };
  screenshots: { key: string; value: Blob };
  offsite: { key: string; value: OffsiteTouchpoint; indexes: { byStudy: string } };
  /**
   * Per session: what its records add to a journey map (core/health/session-rollup.ts); per study, those added up
   * (core/health/merged-rollups.ts, `study|<id>|<revision>`). Kept by rollups.ts.
   */
  rollups: { key: string; value: SessionRollup | StudySummary; indexes: { byStudy: string } };
  /** Acknowledged batches of page events not yet applied into visits, signals and rollups (journal.ts). */
  journal: { key: number; value: JournalEntry; indexes: { byTab: number } };
  /** Small named values: the running session's id. */
  meta: { key: string; value: unknown };
}

export type Db = IDBPDatabase<JourneyDb>;
