import { planImport, RECORD_KINDS, type ExistingData, type IdIndex, type ImportPlan } from '../../core/exchange/merge';
import { base64ToBytes } from '../../core/exchange/base64';
import { readStudyExport } from '../../core/exchange/import-file';
import type { Issue } from '../../core/issue';
import type { ImportPreview } from '../../core/replies';
import { rebuildRollups, rollupTx, type RollupRef } from './rollups';
import type { Db } from './schema';
import { ACTIVE_SESSION } from './records';
import type { StudyExport } from '../../core/exchange/study-export';

/**
 * What the whole store holds under the file's ids (of any study: an id is one record wherever it is filed), the
 * sessions its records point at, and the running session.
 */
async function existingFor(db: Db, file: StudyExport): Promise<ExistingData> {
  const tx = db.transaction(['studies', 'meta', ...RECORD_KINDS]);
  const records: ExistingData['records'] = {};
  for (const kind of RECORD_KINDS) {
    const ids = new Set<string>(file[kind].map((record) => record.id));
    if (kind === 'sessions') for (const other of RECORD_KINDS) for (const record of file[other]) if ('sessionId' in record && record.sessionId) ids.add(record.sessionId);
    const store = tx.objectStore(kind as 'sessions');
    const found = await Promise.all([...ids].map((id) => store.get(id)));
    records[kind] = new Map(found.filter((record) => record !== undefined).map((record) => [record.id, record])) as never;
  }
  const running = ((await tx.objectStore('meta').get(ACTIVE_SESSION)) as string | undefined) ?? null;
  return { study: (await tx.objectStore('studies').get(file.study.id)) ?? null, records, running };
}

function plan(db: Db, text: string): Promise<{ plan: ImportPlan; existing: ExistingData; file: StudyExport } | { errors: Issue[] }> {
  const read = readStudyExport(text);
  if (!read.ok) return Promise.resolve({ errors: read.errors });
  return existingFor(db, read.file).then((existing) => {
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
  // Every screenshot belongs to a report of the file (the schema checks). One stored under its id already is kept
  // as it is: ids are never reused, so it is the same capture, and a file must not overwrite another's.
  const shots = tx.objectStore('screenshots');
  for (const shot of result.file.screenshots) {
    puts.push(shots.getKey(shot.id).then((key): unknown => key === undefined && shots.put(new Blob([base64ToBytes(shot.base64)], { type: shot.type }), shot.id)));
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
