import type { Annotation } from '../records/annotation';
import type { FeedbackReport } from '../records/feedback';
import type { OffsiteTouchpoint } from '../records/offsite';
import type { Persona } from '../records/persona';
import type { Session } from '../records/session';
import type { SurveyResponse } from '../records/response';
import type { Signal } from '../records/signal';
import type { Study } from '../records/study';
import type { Visit } from '../records/visit';
import { exportFileName, screenshotFileName } from './file-names';

import { inertText } from '../inert-text';

/**
 * CSV files, one per kind of record (PRODUCT.md §7), as RFC 4180 says: a header row, CRLF after every record,
 * every field in double quotes (OWASP: a spreadsheet whose list separator is `;` or a tab would otherwise split an
 * unquoted cell into new ones, each free to start a formula), a double quote inside doubled.
 *
 * Departures from the bare RFC:
 * - A UTF-8 byte-order mark first. Excel opens a double-clicked .csv in the system's legacy code page (cp949 on a
 *   Korean Windows, cp1252 elsewhere) unless the file starts with a BOM, which turns 한국어 into mojibake; with the
 *   BOM it reads UTF-8. Tools that follow the RFC strictly may see it as part of the first header: `bom: false`.
 * - Formula injection (OWASP "CSV Injection"): a text cell that begins with `=`, `+`, `-`, `@`, tab or CR is run as a
 *   formula by spreadsheet programs, and page titles, element names and answers are text from the outside. Such a
 *   cell gets a leading `'`, which spreadsheets take as "this is text" — also after leading spaces, and for the
 *   full-width signs some spreadsheets read as the ASCII ones. Numbers we write ourselves (an emotion of −2) are
 *   left as they are; only strings are neutralised. https://owasp.org/www-community/attacks/CSV_Injection
 * - Bidi and zero-width controls in text become U+FFFD (core/inert-text.ts): no reversed-text spoofing.
 */

export type CsvValue = string | number | boolean | null | undefined;

export interface CsvContext {
  /** Stage id → name, for a readable `stage` column next to `stageId`. */
  stageNames: ReadonlyMap<string, string>;
  /** Persona id → name, for a readable `persona` column next to `personaId`. */
  personaNames?: ReadonlyMap<string, string>;
}

export interface CsvColumn<T> {
  header: string;
  value: (row: T, context: CsvContext) => CsvValue;
}

export interface CsvOptions {
  /** Start with a UTF-8 byte-order mark so Excel reads non-ASCII text right. Default true. */
  bom?: boolean;
}

export const UTF8_BOM = '\uFEFF';
const CRLF = '\r\n';
const FORMULA_START = /^(?:[\t\r\n]|\s*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20])/;

/** A text cell a spreadsheet would run as a formula, made inert with a leading `'` (OWASP). */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** One field, quoted: null/undefined and non-finite numbers are empty; text is made inert and neutralised first. */
export function csvField(value: CsvValue): string {
  if (value === null || value === undefined) return '""';
  if (typeof value === 'number') return Number.isFinite(value) ? `"${value}"` : '""';
  if (typeof value === 'boolean') return value ? '"true"' : '"false"';
  return `"${neutraliseFormula(inertText(value)).replaceAll('"', '""')}"`;
}

/** A whole file: optional BOM, the header row, then one row per record, every line ending in CRLF. */
export function toCsv<T>(rows: readonly T[], columns: ReadonlyArray<CsvColumn<T>>, options: CsvOptions = {}, context: CsvContext = { stageNames: new Map() }): string {
  const lines = [columns.map((c) => csvField(c.header)).join(',')];
  for (const row of rows) lines.push(columns.map((c) => csvField(c.value(row, context))).join(','));
  return (options.bom === false ? '' : UTF8_BOM) + lines.join(CRLF) + CRLF;
}

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
const json = (value: unknown) => JSON.stringify(value);

type Context = Pick<Visit, 'studyId' | 'pageKey' | 'stageId'> & { sessionId: string | null };
function contextColumns<T extends Context>(): CsvColumn<T>[] {
  return [
    { header: 'studyId', value: (r) => r.studyId },
    { header: 'sessionId', value: (r) => r.sessionId },
    { header: 'pageKey', value: (r) => r.pageKey },
    { header: 'stageId', value: (r) => r.stageId },
    { header: 'stage', value: (r, c) => (r.stageId === null ? null : (c.stageNames.get(r.stageId) ?? null)) },
  ];
}

function anchorColumns<T extends { anchor: Annotation['anchor'] | null }>(): CsvColumn<T>[] {
  return [
    { header: 'anchor.selector', value: (r) => r.anchor?.selector },
    { header: 'anchor.quote.exact', value: (r) => r.anchor?.quote.exact },
    { header: 'anchor.quote.prefix', value: (r) => r.anchor?.quote.prefix },
    { header: 'anchor.quote.suffix', value: (r) => r.anchor?.quote.suffix },
    { header: 'anchor.position', value: (r) => r.anchor?.position },
  ];
}

/** Times are ISO 8601 in UTC (what spreadsheets and pandas parse); the JSON export keeps epoch milliseconds. */
export const VISIT_COLUMNS: ReadonlyArray<CsvColumn<Visit>> = [
  { header: 'id', value: (v) => v.id },
  ...contextColumns<Visit>(),
  { header: 'tabId', value: (v) => v.tabId },
  { header: 'url', value: (v) => v.url },
  { header: 'title', value: (v) => v.title },
  { header: 'ruleId', value: (v) => v.ruleId },
  { header: 'arrival', value: (v) => v.arrival },
  { header: 'enteredAt', value: (v) => iso(v.enteredAt) },
  { header: 'leftAt', value: (v) => iso(v.leftAt) },
  { header: 'dwellMs', value: (v) => (v.leftAt === null ? null : v.leftAt - v.enteredAt) },
  { header: 'maxScrollDepth', value: (v) => v.maxScrollDepth },
  { header: 'endedBy', value: (v) => v.endedBy },
  { header: 'routesFolded', value: (v) => v.routesFolded ?? 0 },
];

export const SIGNAL_COLUMNS: ReadonlyArray<CsvColumn<Signal>> = [
  { header: 'id', value: (s) => s.id },
  ...contextColumns<Signal>(),
  { header: 'visitId', value: (s) => s.visitId },
  { header: 'kind', value: (s) => s.kind },
  { header: 'at', value: (s) => iso(s.at) },
  { header: 'element.tag', value: (s) => s.element?.tag },
  { header: 'element.id', value: (s) => s.element?.id },
  { header: 'element.classes', value: (s) => s.element?.classes.join(' ') },
  { header: 'element.role', value: (s) => s.element?.role },
  { header: 'element.name', value: (s) => s.element?.name },
  { header: 'element.selector', value: (s) => s.element?.selector },
  { header: 'detail', value: (s) => json(s.detail) },
];

export const RESPONSE_COLUMNS: ReadonlyArray<CsvColumn<SurveyResponse>> = [
  { header: 'id', value: (r) => r.id },
  ...contextColumns<SurveyResponse>(),
  { header: 'visitId', value: (r) => r.visitId },
  { header: 'surveyId', value: (r) => r.surveyId },
  { header: 'instrument', value: (r) => r.instrument },
  { header: 'trigger', value: (r) => r.trigger },
  { header: 'signalId', value: (r) => r.signalId },
  { header: 'value', value: (r) => r.value },
  { header: 'text', value: (r) => r.text },
  { header: 'dismissed', value: (r) => r.dismissed },
  { header: 'at', value: (r) => iso(r.at) },
];

export const ANNOTATION_COLUMNS: ReadonlyArray<CsvColumn<Annotation>> = [
  { header: 'id', value: (a) => a.id },
  ...contextColumns<Annotation>(),
  { header: 'visitId', value: (a) => a.visitId },
  { header: 'type', value: (a) => a.type },
  { header: 'text', value: (a) => a.text },
  { header: 'emotion', value: (a) => a.emotion },
  { header: 'role', value: (a) => a.role },
  { header: 'status', value: (a) => a.status },
  { header: 'orphaned', value: (a) => a.orphaned },
  { header: 'scope', value: (a) => a.scope ?? 'touchpoint' },
  { header: 'url', value: (a) => a.url },
  ...anchorColumns<Annotation>(),
  { header: 'createdAt', value: (a) => iso(a.createdAt) },
  { header: 'updatedAt', value: (a) => iso(a.updatedAt) },
];

export const FEEDBACK_COLUMNS: ReadonlyArray<CsvColumn<FeedbackReport>> = [
  { header: 'id', value: (f) => f.id },
  ...contextColumns<FeedbackReport>(),
  { header: 'visitId', value: (f) => f.visitId },
  { header: 'text', value: (f) => f.text },
  { header: 'severity', value: (f) => f.severity },
  { header: 'status', value: (f) => f.status },
  { header: 'screenshotId', value: (f) => f.screenshotId },
  // The PNG's name in a report bundle (and what a screenshot is saved as), so a row leads to its image.
  { header: 'screenshotFile', value: (f) => f.screenshotId && screenshotFileName(f.screenshotId) },
  { header: 'url', value: (f) => f.url },
  ...anchorColumns<FeedbackReport>(),
  { header: 'consoleErrors.count', value: (f) => f.consoleErrors.length },
  { header: 'consoleErrors', value: (f) => json(f.consoleErrors) },
  { header: 'environment.browser', value: (f) => f.environment.browser },
  { header: 'environment.os', value: (f) => f.environment.os },
  { header: 'environment.viewport.width', value: (f) => f.environment.viewport.width },
  { header: 'environment.viewport.height', value: (f) => f.environment.viewport.height },
  { header: 'environment.devicePixelRatio', value: (f) => f.environment.devicePixelRatio },
  { header: 'createdAt', value: (f) => iso(f.createdAt) },
  { header: 'updatedAt', value: (f) => iso(f.updatedAt ?? null) },
];

const list = (items: readonly string[]) => items.join('; ');
const personaName = (id: string | null, c: CsvContext) => (id === null ? null : (c.personaNames?.get(id) ?? null));

export const SESSION_COLUMNS: ReadonlyArray<CsvColumn<Session>> = [
  { header: 'id', value: (s) => s.id },
  { header: 'studyId', value: (s) => s.studyId },
  { header: 'personaId', value: (s) => s.personaId },
  { header: 'persona', value: (s, c) => personaName(s.personaId, c) },
  { header: 'goal', value: (s) => s.goal },
  { header: 'role', value: (s) => s.role },
  { header: 'startedAt', value: (s) => iso(s.startedAt) },
  { header: 'endedAt', value: (s) => iso(s.endedAt) },
  { header: 'durationMs', value: (s) => (s.endedAt === null ? null : s.endedAt - s.startedAt) },
  { header: 'outcome', value: (s) => s.outcome },
];

export const PERSONA_COLUMNS: ReadonlyArray<CsvColumn<Persona>> = [
  { header: 'id', value: (p) => p.id },
  { header: 'name', value: (p) => p.name },
  { header: 'age', value: (p) => p.age },
  { header: 'job', value: (p) => p.job },
  { header: 'description', value: (p) => p.description },
  { header: 'goals', value: (p) => list(p.goals) },
  { header: 'needs', value: (p) => list(p.needs) },
  { header: 'painPoints', value: (p) => list(p.painPoints) },
  { header: 'values', value: (p) => list(p.values) },
  { header: 'createdAt', value: (p) => iso(p.createdAt) },
  { header: 'updatedAt', value: (p) => iso(p.updatedAt) },
];

export const OFFSITE_COLUMNS: ReadonlyArray<CsvColumn<OffsiteTouchpoint>> = [
  { header: 'id', value: (o) => o.id },
  { header: 'studyId', value: (o) => o.studyId },
  { header: 'stageId', value: (o) => o.stageId },
  { header: 'stage', value: (o, c) => c.stageNames.get(o.stageId) ?? null },
  { header: 'channel', value: (o) => o.channel },
  { header: 'name', value: (o) => o.name },
  { header: 'note', value: (o) => o.note },
  { header: 'personaId', value: (o) => o.personaId },
  { header: 'persona', value: (o, c) => personaName(o.personaId, c) },
  { header: 'sessionId', value: (o) => o.sessionId },
  { header: 'at', value: (o) => iso(o.at) },
  { header: 'createdAt', value: (o) => iso(o.createdAt) },
];

/** The columns of each exported kind: one CSV file each. */
export const CSV_COLUMNS = {
  sessions: SESSION_COLUMNS,
  personas: PERSONA_COLUMNS,
  visits: VISIT_COLUMNS,
  signals: SIGNAL_COLUMNS,
  responses: RESPONSE_COLUMNS,
  annotations: ANNOTATION_COLUMNS,
  feedback: FEEDBACK_COLUMNS,
  offsite: OFFSITE_COLUMNS,
} as const;
export type CsvKind = keyof typeof CSV_COLUMNS;
export const CSV_KINDS = Object.keys(CSV_COLUMNS) as CsvKind[];

export interface CsvRecords {
  study: Pick<Study, 'stages'>;
  sessions: readonly Session[];
  personas: readonly Persona[];
  offsite: readonly OffsiteTouchpoint[];
  visits: readonly Visit[];
  signals: readonly Signal[];
  responses: readonly SurveyResponse[];
  annotations: readonly Annotation[];
  feedback: readonly FeedbackReport[];
}

/** One kind of a study's records as a CSV file (a `StudyExport` fits `records`). */
export function studyCsv(kind: CsvKind, records: CsvRecords, options: CsvOptions = {}): string {
  const context: CsvContext = { stageNames: new Map(records.study.stages.map((s) => [s.id, s.name])), personaNames: new Map(records.personas.map((p) => [p.id, p.name])) };
  // Each kind's rows meet its own columns; the union of the table needs one cast.
  return toCsv(records[kind] as readonly unknown[], CSV_COLUMNS[kind] as ReadonlyArray<CsvColumn<unknown>>, options, context);
}

/** `journey-lens-<study>-<date>-<kind>.csv`, next to the JSON export's name. */
export function csvFileName(studyName: string, kind: CsvKind, at: number): string {
  return exportFileName(studyName, at).replace(/\.json$/, `-${kind}.csv`);
}
