import { planImport, RECORD_KINDS, type ExistingData, type IdIndex, type ImportPlan } from '../../core/exchange/merge';
import { base64ToBytes } from '../../core/exchange/base64';
import type { StudyExport } from '../../core/exchange/study-export';
import { readStudyExport } from '../../core/exchange/import-file';
import type { Issue } from '../../core/issue';
import type { ImportPreview } from '../../core/replies';
import { rebuildRollups, rollupTx, type RollupRef } from './rollups';
import type { Db } from './schema';

/** What the store holds of the file's study, by id, with the records themselves so conflicts can be seen. */
async function existingFor(db: Db, studyId: string): Promise<ExistingData> {
  const tx = db.transaction(['studies', ...RECORD_KINDS]);
  const records: ExistingData['records'] = {};
  for (const kind of RECORD_KINDS) {
    const all = kind === 'personas' ? await tx.objectStore('personas').getAll() : await tx.objectStore(kind as 'sessions').index('byStudy').getAll(studyId);
    records[kind] = new Map(all.map((record) => [record.id, record])) as never;
  }
  return { study: (await tx.objectStore('studies').get(studyId)) ?? null, records };
}

function plan(db: Db, text: string): Promise<{ plan: ImportPlan; existing: ExistingData; file: StudyExport } | { errors: Issue[] }> {
  const read = readStudyExport(text);
  if (!read.ok) return Promise.resolve({ errors: read.errors });
  return existingFor(db, read.file.study.id).then((existing) => {
    const planned = planImport(existing, read.file);
    return planned.errors.length ? { errors: planned.errors } : { plan: planned, existing, file: read.file };
  });
}

/** Validates a file and says what importing it would add, replace and leave; nothing is written. */
export async function previewImport(db: Db, text: string): Promise<ImportPreview> {
  const result = await plan(db, text);
  if ('errors' in result) return { ok: false, errors: result.errors };
  const { writes: _writes, ...summary } = result.plan;
  return { ok: true, plan: summary };
}

/** Imports a file whole or not at all: planned again (the store may have changed), then written in one transaction. */
export async function applyImport(db: Db, text: string): Promise<ImportPreview> {
  const result = await plan(db, text);
  if ('errors' in result) return { ok: false, errors: result.errors };
  const { writes, study } = result.plan;
  const tx = db.transaction(['studies', 'rollups', 'screenshots', ...RECORD_KINDS], 'readwrite');
  // Queued without waiting on each: one transaction, so it still lands whole or not at all.
  const puts: Promise<unknown>[] = [tx.objectStore('studies').put(study.study)];
  for (const kind of RECORD_KINDS) {
    for (const record of writes[kind]) puts.push(tx.objectStore(kind as 'sessions').put(record as never));
  }
  // Every screenshot belongs to a report of the file (the schema checks); one stored under its id already is the
  // same capture, since ids are never reused, so putting it again changes nothing.
  for (const shot of result.file.screenshots) {
    puts.push(tx.objectStore('screenshots').put(new Blob([base64ToBytes(shot.base64)], { type: shot.type }), shot.id));
  }
  await Promise.all(puts);
  // The sessions the file wrote to are summed up again from what they now hold (old records and new).
  // A replaced record may have moved to another session: the one it left is summed up again too.
  const before = (records: readonly { id: string }[], stored: IdIndex<RollupRef> | undefined) =>
    stored instanceof Map ? records.map((r) => stored.get(r.id)).filter((r) => r !== undefined) : [];
  const { visits, signals, responses } = result.existing.records;
  const touched: RollupRef[] = [
    ...writes.visits, ...writes.signals, ...writes.responses,
    ...before(writes.visits, visits), ...before(writes.signals, signals), ...before(writes.responses, responses),
  ];
  await rebuildRollups(rollupTx(tx), touched);
  await tx.done;
  const { writes: _writes, ...summary } = result.plan;
  return { ok: true, plan: summary };
}
