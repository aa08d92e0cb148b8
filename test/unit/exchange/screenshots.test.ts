import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { applyImport } from '../../../src/background/store/import';
import { openJourneyDb } from '../../../src/background/store/open-db';
import { studyRecords } from '../../../src/background/store/queries';
import type { Db } from '../../../src/background/store/schema';
import * as store from '../../../src/background/store/records';
import { readStudyExport } from '../../../src/core/exchange/import-file';
import { MAX_SCREENSHOT_BYTES } from '../../../src/core/exchange/study-export';
import { bytesToBase64 } from '../../../src/core/exchange/base64';
import { newId } from '../../../src/core/records/common';
import type { FeedbackReport } from '../../../src/core/records/feedback';
import type { Study } from '../../../src/core/records/study';
import { testStudy } from '../fixtures/records';

const profile = () => openJourneyDb(`shots-${newId()}`);
// A PNG's signature and then every byte value: a copy that went through text anywhere would not survive.
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...Array.from({ length: 256 }, (_, i) => i)]);

const OTHER_PNG = new Uint8Array([...PNG.subarray(0, 8), 0, 255, 0]);

function report(study: Study, screenshotId: string | null): FeedbackReport {
  return {
    id: newId(), studyId: study.id, sessionId: null, visitId: null, pageKey: '/product/1', stageId: null,
    text: 'Buy button does nothing', severity: 'high', status: 'new', screenshotId, anchor: null, url: 'http://127.0.0.1:4310/product/1',
    consoleErrors: [], environment: { browser: 'Chrome 156', os: 'Linux', viewport: { width: 1280, height: 720 }, devicePixelRatio: 1 }, createdAt: 5,
  };
}

async function withReport(db: Db): Promise<{ study: Study; shotId: string }> {
  const study = await store.saveStudy(db, testStudy());
  const shotId = newId();
  await db.put('screenshots', new Blob([PNG], { type: 'image/png' }), shotId);
  await db.put('feedback', report(study, shotId));
  return { study, shotId };
}

const storedBytes = async (db: Db, id: string) => new Uint8Array(await ((await db.get('screenshots', id)) as Blob).arrayBuffer());

describe('screenshots in the study file', () => {
  it('export → import → export keeps the PNG byte for byte, and a merge brings it along', async () => {
    const a = await profile();
    const { study, shotId } = await withReport(a);
    const first = await studyRecords(a, study.id, 1);
    expect(first?.screenshots).toEqual([{ id: shotId, type: 'image/png', base64: bytesToBase64(PNG) }]);
    const b = await profile();
    expect(await applyImport(b, JSON.stringify(first))).toMatchObject({ ok: true });
    expect(await storedBytes(b, shotId)).toEqual(PNG);
    expect(await studyRecords(b, study.id, 1)).toEqual(first);
    // B files a report of its own; merging both files into C keeps both screenshots.
    const other = newId();
    await b.put('screenshots', new Blob([OTHER_PNG], { type: 'image/png' }), other);
    await b.put('feedback', report(study, other));
    const c = await profile();
    expect(await applyImport(c, JSON.stringify(first))).toMatchObject({ ok: true });
    expect(await applyImport(c, JSON.stringify(await studyRecords(b, study.id, 2)))).toMatchObject({ ok: true });
    expect(await storedBytes(c, shotId)).toEqual(PNG);
    expect(await storedBytes(c, other)).toEqual(OTHER_PNG);
  });

  it('never overwrites a stored screenshot: a file reusing its id keeps what is stored', async () => {
    const a = await profile();
    const { study, shotId } = await withReport(a);
    const file = (await studyRecords(a, study.id, 1))!;
    const forged = { ...file, screenshots: [{ ...file.screenshots[0]!, base64: bytesToBase64(OTHER_PNG) }] };
    expect(await applyImport(a, JSON.stringify(forged))).toMatchObject({ ok: true });
    expect(await storedBytes(a, shotId)).toEqual(PNG);
  });

  it('reads files written before screenshots were exported', async () => {
    const a = await profile();
    const { study } = await withReport(a);
    const { screenshots: _none, ...old } = (await studyRecords(a, study.id, 1))!;
    const read = readStudyExport(JSON.stringify(old));
    expect(read.ok && read.file.screenshots).toEqual([]);
  });

  it('refuses a screenshot that is not a PNG, not base64, too large, listed twice or of no report — and writes nothing', async () => {
    const a = await profile();
    const { study, shotId } = await withReport(a);
    const file = (await studyRecords(a, study.id, 1))!;
    const shot = file.screenshots[0]!;
    const cases: Array<[unknown[], string]> = [
      [[{ ...shot, base64: bytesToBase64(new Uint8Array([1, 2, 3])) }], 'Not a PNG image'],
      [[{ ...shot, base64: `${shot.base64}<script>` }], 'Not base64'],
      [[{ ...shot, base64: `iVBORw0KGgo${'A'.repeat(Math.ceil(MAX_SCREENSHOT_BYTES / 3) * 4)}` }], 'Screenshot larger than 8 MB'],
      [[shot, shot], 'Screenshot listed twice'],
      [[{ ...shot, id: newId() }], 'No report in the file shows this screenshot'],
    ];
    for (const [screenshots, message] of cases) {
      const read = readStudyExport({ ...file, screenshots });
      expect(read.ok ? [] : read.errors.map((e) => e.message), message).toContain(message);
      const empty = await profile();
      expect(await applyImport(empty, JSON.stringify({ ...file, screenshots }))).toMatchObject({ ok: false });
      expect(await empty.count('screenshots')).toBe(0);
    }
    expect(shotId).toBe(shot.id);
  });
});
