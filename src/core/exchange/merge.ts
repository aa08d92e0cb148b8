import { Study } from '../records/study';
import { issuePath, type Issue } from '../issue';
import type { StudyExport } from './study-export';

/**
 * Import as a plan (PRODUCT.md §7): every record carries a UUID, so a file merges into what is stored by id, and
 * several researchers' exports of one study combine into one. The plan says what would be added, what is already
 * there, and where the same id holds different content; the background writes `writes` and `study` in one
 * transaction, or — when `errors` is not empty — nothing at all. Importing the same file again plans no writes.
 *
 * Same id, different content (a conflict) is settled without asking, and listed:
 * - personas, annotations and feedback reports carry `updatedAt`: the later edit wins (an unedited report has none);
 * - a session or visit that has since ended (`endedAt` / `leftAt` set) replaces its unfinished copy;
 * - anything else (signals, answers, off-site touchpoints are never edited) keeps what is stored.
 *
 * Refused whole (an error, nothing written): an id the store holds for another study's record, a record filed
 * under another study's session (neither may move between studies, whose maps would keep stale counts), and any
 * record of the running session or under it.
 */

export const RECORD_KINDS = ['personas', 'sessions', 'visits', 'signals', 'responses', 'annotations', 'feedback', 'offsite'] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];
export type RecordOf<K extends RecordKind> = StudyExport[K][number];

/** What the store holds, by id: the records themselves (conflicts can be found) or just their ids (they cannot). */
export type IdIndex<T> = ReadonlySet<string> | ReadonlyMap<string, T>;

export interface ExistingData {
  /** The stored study with the file's study id, or null when there is none. */
  study: Study | null;
  /**
   * What the whole store holds under the file's ids, of any study — an id is one record wherever it is filed. The
   * sessions also hold those the file's records point at by `sessionId`.
   */
  records: { [K in RecordKind]?: IdIndex<RecordOf<K>> };
  /** The running session's id: an import never writes to or under it (recording would lose its session). */
  running: string | null;
}

export type KindCounts = Record<RecordKind, number>;

export interface ImportConflict {
  /** Where in the file: `visits[3]`. */
  path: string;
  kind: RecordKind;
  id: string;
  resolution: 'keep_existing' | 'take_incoming';
}

export interface StudyMerge {
  action: 'create' | 'merge';
  /** The configuration to store. */
  study: Study;
  /** Whether `study` differs from what is stored (always true on create). */
  changed: boolean;
  added: { stages: number; rules: number; surveys: number; scope: number };
}

export interface ImportPlan {
  studyAction: 'create' | 'merge';
  study: StudyMerge;
  /** New records per kind. */
  add: KindCounts;
  /** Records whose id is stored already with the same content (or whose content cannot be compared). */
  alreadyPresent: KindCounts;
  /** Conflicts settled in favour of the file's copy. */
  replace: KindCounts;
  conflicts: ImportConflict[];
  /** What to put in each store: the new records and the replacements. */
  writes: { [K in RecordKind]: Array<RecordOf<K>> };
  /** Anything here means: apply nothing. */
  errors: Issue[];
}

const zeroCounts = (): KindCounts => ({ personas: 0, sessions: 0, visits: 0, signals: 0, responses: 0, annotations: 0, feedback: 0, offsite: 0 });

/** JSON with object keys sorted, so two records compare by content whatever order their keys were written in. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

/** Whether the incoming copy of a record is a later state of the stored one. */
export function incomingWins(kind: RecordKind, stored: Record<string, unknown>, incoming: Record<string, unknown>): boolean {
  switch (kind) {
    case 'personas':
    case 'annotations':
      return (incoming.updatedAt as number) > (stored.updatedAt as number);
    case 'feedback':
      return ((incoming.updatedAt as number | undefined) ?? 0) > ((stored.updatedAt as number | undefined) ?? 0);
    case 'sessions':
      return stored.endedAt === null && incoming.endedAt !== null;
    case 'visits':
      return stored.leftAt === null && incoming.leftAt !== null;
    default:
      return false;
  }
}

/**
 * The study configuration both sides agree on: what is stored stays as it is (names, settings and order edited
 * here win), and stages, rules, surveys and scope patterns only the file has are appended after it, by id. New
 * rules therefore come after the stored ones — rules are evaluated in order, so local tagging keeps precedence.
 */
export function mergeStudy(existing: Study | null, incoming: Study): Study {
  if (!existing) return incoming;
  const union = <T extends { id: string }>(mine: readonly T[], theirs: readonly T[]) => {
    const ids = new Set(mine.map((item) => item.id));
    return [...mine, ...theirs.filter((item) => !ids.has(item.id))];
  };
  return {
    ...existing,
    scope: [...new Set([...existing.scope, ...incoming.scope])],
    stages: union(existing.stages, incoming.stages),
    rules: union(existing.rules, incoming.rules),
    surveys: union(existing.surveys, incoming.surveys),
    goalStageId: existing.goalStageId ?? incoming.goalStageId,
    createdAt: Math.min(existing.createdAt, incoming.createdAt),
    updatedAt: Math.max(existing.updatedAt, incoming.updatedAt),
  };
}

function planStudy(existing: Study | null, incoming: Study, errors: Issue[]): StudyMerge {
  const merged = mergeStudy(existing, incoming);
  const checked = Study.safeParse(merged);
  if (!checked.success) {
    for (const issue of checked.error.issues) errors.push({ path: issuePath(['study', ...issue.path]), message: issue.message });
  }
  const study = checked.success ? checked.data : merged;
  if (!existing) return { action: 'create', study, changed: true, added: { stages: study.stages.length, rules: study.rules.length, surveys: study.surveys.length, scope: study.scope.length } };
  return {
    action: 'merge',
    study,
    changed: canonicalJson(study) !== canonicalJson(existing),
    added: {
      stages: study.stages.length - existing.stages.length,
      rules: study.rules.length - existing.rules.length,
      surveys: study.surveys.length - existing.surveys.length,
      scope: study.scope.length - existing.scope.length,
    },
  };
}

const belongsElsewhere = 'Already the id of a record of another study: nothing was imported';
const underRunning = 'Part of the session being recorded: stop it before importing this file';
const elsewhereSession = 'Filed under a session of another study: nothing was imported';

/** The refusals above, for one record at `path`. */
function foreignIssues(existing: ExistingData, studyId: string, kind: RecordKind, path: string, record: Record<string, unknown>): Issue[] {
  const issues: Issue[] = [];
  const stored = existing.records[kind];
  const current = stored instanceof Map ? (stored.get(record.id as string) as { studyId?: string } | undefined) : undefined;
  if (current?.studyId !== undefined && current.studyId !== studyId) issues.push({ path: `${path}.id`, message: belongsElsewhere });
  const sessionId = kind === 'sessions' ? record.id : record.sessionId;
  if (typeof sessionId !== 'string') return issues;
  const field = kind === 'sessions' ? 'id' : 'sessionId';
  if (sessionId === existing.running) issues.push({ path: `${path}.${field}`, message: underRunning });
  const sessions = existing.records.sessions;
  const session = kind !== 'sessions' && sessions instanceof Map ? sessions.get(sessionId) : undefined;
  if (session && session.studyId !== studyId) issues.push({ path: `${path}.sessionId`, message: elsewhereSession });
  return issues;
}

/** What importing `file` over `existing` would do. Pure: nothing is written here. */
export function planImport(existing: ExistingData, file: StudyExport): ImportPlan {
  if (existing.study && existing.study.id !== file.study.id) {
    throw new Error('planImport: the stored study passed in is not the file’s study');
  }
  const errors: Issue[] = [];
  const study = planStudy(existing.study, file.study, errors);
  const add = zeroCounts();
  const alreadyPresent = zeroCounts();
  const replace = zeroCounts();
  const conflicts: ImportConflict[] = [];
  const writes = Object.fromEntries(RECORD_KINDS.map((kind) => [kind, []])) as unknown as ImportPlan['writes'];

  for (const kind of RECORD_KINDS) {
    const stored = existing.records[kind] as IdIndex<unknown> | undefined;
    const out = writes[kind] as unknown[];
    const seen = new Map<string, { index: number; json: string }>();
    (file[kind] as ReadonlyArray<{ id: string }>).forEach((record, index) => {
      const path = `${kind}[${index}]`;
      const json = canonicalJson(record);
      const twin = seen.get(record.id);
      if (twin) {
        if (twin.json !== json) errors.push({ path: `${path}.id`, message: `The same id as ${kind}[${twin.index}] with different content` });
        return;
      }
      seen.set(record.id, { index, json });
      const refused = foreignIssues(existing, file.study.id, kind, path, record as unknown as Record<string, unknown>);
      if (refused.length) {
        errors.push(...refused);
        return;
      }
      if (!stored?.has(record.id)) {
        add[kind]++;
        out.push(record);
        return;
      }
      const current = stored instanceof Map ? (stored.get(record.id) as Record<string, unknown>) : undefined;
      if (current === undefined || canonicalJson(current) === json) {
        alreadyPresent[kind]++;
        return;
      }
      const takeIncoming = incomingWins(kind, current, record as unknown as Record<string, unknown>);
      conflicts.push({ path, kind, id: record.id, resolution: takeIncoming ? 'take_incoming' : 'keep_existing' });
      if (takeIncoming) {
        replace[kind]++;
        out.push(record);
      }
    });
  }

  return { studyAction: study.action, study, add, alreadyPresent, replace, conflicts, writes, errors };
}
