import { describe, expect, it } from 'vitest';
import { readStudyExport } from '../../../src/core/exchange/import-file';
import { issuePath } from '../../../src/core/issue';
import { canonicalJson, mergeStudy, planImport, RECORD_KINDS, type ExistingData, type ImportPlan, type RecordKind, type RecordOf } from '../../../src/core/exchange/merge';
import { EXPORT_FORMAT, EXPORT_VERSION, StudyExport } from '../../../src/core/exchange/study-export';
import { newId } from '../../../src/core/records/common';
import type { Study } from '../../../src/core/records/study';
import { testPersona, testStudy } from '../fixtures/records';

const T0 = Date.UTC(2025, 2, 1);

/** One walk with a visit, a signal, an answer, an annotation and a report, all of `study`. */
function walk(study: Study, personaId: string, at: number) {
  const stageId = study.stages[1]!.id;
  const session = { id: newId(), studyId: study.id, personaId, goal: '휴대폰 사기', role: 'researcher' as const, startedAt: at, endedAt: at + 60_000, outcome: 'abandoned' as const };
  const visit = {
    id: newId(),
    studyId: study.id,
    sessionId: session.id,
    tabId: 7,
    url: 'http://127.0.0.1:4310/product/1',
    title: '갤럭시 S25 — "특가"',
    pageKey: '/product/:id',
    stageId,
    ruleId: null,
    arrival: 'navigate' as const,
    enteredAt: at + 1000,
    leftAt: at + 30_000,
    maxScrollDepth: 0.4,
    endedBy: 'tab_closed' as const,
  };
  const where = { studyId: study.id, sessionId: session.id, visitId: visit.id, pageKey: visit.pageKey, stageId };
  return {
    sessions: [session],
    visits: [visit],
    signals: [{ id: newId(), ...where, kind: 'exit' as const, at: at + 30_000, element: null, detail: { reason: 'tab_closed' } }],
    responses: [
      { id: newId(), ...where, surveyId: newId(), instrument: 'open_text' as const, trigger: 'exit_intent' as const, signalId: null, value: null, text: '가격이 어디 있죠?\n"배송비"는?', dismissed: false, at: at + 20_000 },
    ],
    annotations: [
      {
        id: newId(),
        ...where,
        type: 'pain_point' as const,
        text: 'Price below the fold',
        emotion: -1,
        role: 'pm' as const,
        anchor: { selector: '#price', quote: { exact: '₩1,299,000', prefix: '', suffix: '' }, position: 42 },
        status: 'open' as const,
        orphaned: false,
        createdAt: at + 10_000,
        updatedAt: at + 10_000,
      },
    ],
    feedback: [
      {
        id: newId(),
        ...where,
        text: 'Buy button does nothing',
        severity: 'high' as const,
        screenshotId: null,
        anchor: null,
        url: 'http://127.0.0.1:4310/product/1',
        consoleErrors: [],
        environment: { browser: 'Chrome', os: 'macOS', viewport: { width: 1440, height: 900 }, devicePixelRatio: 2 },
        createdAt: at + 25_000,
      },
    ],
  };
}

type Walk = ReturnType<typeof walk>;

function exportOf(study: Study, personas: ReturnType<typeof testPersona>[], walks: Walk[], offsite: StudyExport['offsite'] = []): StudyExport {
  const all = (kind: keyof Walk): unknown[] => walks.flatMap((w): unknown[] => w[kind]);
  return StudyExport.parse({
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt: T0 + 9e6,
    study,
    personas,
    sessions: all('sessions'),
    visits: all('visits'),
    signals: all('signals'),
    responses: all('responses'),
    annotations: all('annotations'),
    feedback: all('feedback'),
    offsite,
  });
}

/** A store as the background keeps it: the study and each kind by id. */
class FakeStore {
  study: Study | null = null;
  records = Object.fromEntries(RECORD_KINDS.map((kind) => [kind, new Map<string, unknown>()])) as { [K in RecordKind]: Map<string, RecordOf<K>> };
  existing(): ExistingData {
    return { study: this.study, records: this.records, running: null };
  }
  apply(plan: ImportPlan): void {
    if (plan.errors.length) return;
    this.study = plan.study.study;
    for (const kind of RECORD_KINDS) for (const record of plan.writes[kind]) (this.records[kind] as Map<string, unknown>).set(record.id, record);
  }
  size(kind: RecordKind): number {
    return this.records[kind].size;
  }
}

/** Researcher A walked twice; researcher B, who had imported A's file, walked once more and added a stage and rule. */
function twoResearchers() {
  const study = testStudy(T0);
  const minji = testPersona(T0);
  const joon = { ...testPersona(T0), id: newId(), name: 'Joon' };
  const a1 = walk(study, minji.id, T0);
  const a2 = walk(study, minji.id, T0 + 1e6);
  const b1 = walk(study, joon.id, T0 + 2e6);
  const loyalty = { id: newId(), name: 'Loyalty', customerGoal: '', desiredExperience: '' };
  const studyB: Study = {
    ...study,
    name: 'Renamed by B',
    stages: [...study.stages, loyalty],
    rules: [...study.rules, { id: newId(), stageId: loyalty.id, kind: 'path', pattern: '/rewards', keepQuery: false, label: '' }],
    updatedAt: T0 + 5e6,
  };
  const offsite = { id: newId(), studyId: study.id, stageId: study.stages[0]!.id, channel: 'email' as const, name: 'Newsletter', note: '', personaId: null, sessionId: null, at: null, createdAt: T0 };
  const fileA = exportOf(study, [minji], [a1, a2]);
  const fileB = exportOf(studyB, [minji, joon], [a2, b1], [offsite]);
  return { study, studyB, loyalty, fileA, fileB, a1, a2, b1 };
}

const zero = Object.fromEntries(RECORD_KINDS.map((kind) => [kind, 0]));

describe('JSON export round trip', () => {
  it('comes back equal through text, Korean and line breaks included', () => {
    const { fileA } = twoResearchers();
    const text = JSON.stringify(fileA);
    expect(StudyExport.parse(JSON.parse(text))).toEqual(fileA);
    const read = readStudyExport(text);
    expect(read.ok).toBe(true);
    if (read.ok) expect(read.file).toEqual(fileA);
    expect(read.ok && read.file.responses[0]!.text).toBe('가격이 어디 있죠?\n"배송비"는?');
    expect(readStudyExport(`\uFEFF${text}`).ok).toBe(true);
  });

  it('reports every problem by path, and nothing is read', () => {
    const { fileA } = twoResearchers();
    const broken = JSON.parse(JSON.stringify(fileA));
    broken.signals[0].kind = 'teleport';
    broken.responses[1].value = 11;
    const read = readStudyExport(JSON.stringify(broken));
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.errors.map((e) => e.path)).toEqual(['signals[0].kind', 'responses[1].value']);

    // Cross-record checks run once every record is well formed.
    const orphan = JSON.parse(JSON.stringify(fileA));
    orphan.visits[1].sessionId = newId();
    const second = readStudyExport(orphan);
    expect(!second.ok && second.errors).toEqual([{ path: 'visits[1].sessionId', message: 'No such session in the file' }]);
  });

  it('says what the file is not: JSON, a study export, or one this version can read', () => {
    const notJson = readStudyExport('{ nope');
    expect(!notJson.ok && notJson.errors[0]!.path).toBe('');
    const other = readStudyExport(JSON.stringify({ format: 'something-else' }));
    expect(!other.ok && other.errors[0]!.path).toBe('format');
    const newer = readStudyExport(JSON.stringify({ format: EXPORT_FORMAT, version: EXPORT_VERSION + 1 }));
    expect(!newer.ok && newer.errors[0]!.message).toMatch(/newer/);
    expect(issuePath(['study', 'rules', 3, 'pattern'])).toBe('study.rules[3].pattern');
  });
});

describe('import plan', () => {
  it('creates the study from the first file and adds everything', () => {
    const { fileA } = twoResearchers();
    const store = new FakeStore();
    const plan = planImport(store.existing(), fileA);
    expect(plan.studyAction).toBe('create');
    expect(plan.errors).toEqual([]);
    expect(plan.add).toEqual({ ...zero, personas: 1, sessions: 2, visits: 2, signals: 2, responses: 2, annotations: 2, feedback: 2 });
    expect(plan.alreadyPresent).toEqual(zero);
    store.apply(plan);
    expect(store.size('visits')).toBe(2);
    expect(store.study).toEqual(fileA.study);
  });

  it('merges a second researcher’s file by id: counts add up, nothing twice', () => {
    const { fileA, fileB, study, loyalty } = twoResearchers();
    const store = new FakeStore();
    store.apply(planImport(store.existing(), fileA));

    const plan = planImport(store.existing(), fileB);
    expect(plan.studyAction).toBe('merge');
    expect(plan.errors).toEqual([]);
    expect(plan.conflicts).toEqual([]);
    expect(plan.add).toEqual({ ...zero, personas: 1, sessions: 1, visits: 1, signals: 1, responses: 1, annotations: 1, feedback: 1, offsite: 1 });
    expect(plan.alreadyPresent).toEqual({ ...zero, personas: 1, sessions: 1, visits: 1, signals: 1, responses: 1, annotations: 1, feedback: 1 });
    for (const kind of RECORD_KINDS) {
      expect(plan.add[kind] + plan.alreadyPresent[kind], kind).toBe(fileB[kind].length);
      expect(plan.writes[kind], kind).toHaveLength(plan.add[kind]);
    }
    store.apply(plan);
    for (const kind of RECORD_KINDS) {
      const union = new Set([...fileA[kind], ...fileB[kind]].map((r) => r.id));
      expect(store.size(kind), kind).toBe(union.size);
    }
    // The stored configuration wins (A's name), B's new stage and rule are appended after A's.
    expect(store.study!.name).toBe(study.name);
    expect(store.study!.stages.map((s) => s.id)).toEqual([...study.stages.map((s) => s.id), loyalty.id]);
    expect(store.study!.rules.slice(0, study.rules.length)).toEqual(study.rules);
    expect(store.study!.rules.at(-1)!.pattern).toBe('/rewards');
    expect(plan.study).toMatchObject({ changed: true, added: { stages: 1, rules: 1, surveys: 0, scope: 0 } });
  });

  it('changes nothing when a file is imported again', () => {
    const { fileA, fileB } = twoResearchers();
    const store = new FakeStore();
    store.apply(planImport(store.existing(), fileA));
    store.apply(planImport(store.existing(), fileB));
    const before = canonicalJson({ study: store.study, records: RECORD_KINDS.map((k) => [...store.records[k].values()]) });
    for (const file of [fileA, fileB]) {
      const again = planImport(store.existing(), file);
      expect(again.add).toEqual(zero);
      expect(again.conflicts).toEqual([]);
      expect(again.study.changed).toBe(false);
      for (const kind of RECORD_KINDS) expect(again.writes[kind]).toEqual([]);
      store.apply(again);
    }
    expect(canonicalJson({ study: store.study, records: RECORD_KINDS.map((k) => [...store.records[k].values()]) })).toBe(before);
  });

  it('settles the same id with different content by path: later edits and finished walks win, facts stay', () => {
    const { fileA } = twoResearchers();
    const store = new FakeStore();
    store.apply(planImport(store.existing(), fileA));
    const edited = structuredClone(fileA);
    edited.annotations[1] = { ...edited.annotations[1]!, status: 'resolved', updatedAt: edited.annotations[1]!.updatedAt + 1 };
    edited.annotations[0] = { ...edited.annotations[0]!, text: 'older copy', updatedAt: edited.annotations[0]!.updatedAt - 1 };
    edited.signals[0] = { ...edited.signals[0]!, detail: { reason: 'idle' } };
    const plan = planImport(store.existing(), edited);
    expect(plan.conflicts).toEqual([
      { path: 'signals[0]', kind: 'signals', id: edited.signals[0]!.id, resolution: 'keep_existing' },
      { path: 'annotations[0]', kind: 'annotations', id: edited.annotations[0]!.id, resolution: 'keep_existing' },
      { path: 'annotations[1]', kind: 'annotations', id: edited.annotations[1]!.id, resolution: 'take_incoming' },
    ]);
    expect(plan.replace).toEqual({ ...zero, annotations: 1 });
    expect(plan.writes.annotations).toEqual([edited.annotations[1]]);
    expect(plan.add).toEqual(zero);
  });

  it('replaces a walk stored while it was still running with its finished copy', () => {
    const { fileA } = twoResearchers();
    const running = structuredClone(fileA);
    running.sessions[0] = { ...running.sessions[0]!, endedAt: null, outcome: null };
    running.visits[0] = { ...running.visits[0]!, leftAt: null, endedBy: null };
    const store = new FakeStore();
    store.apply(planImport(store.existing(), running));
    const plan = planImport(store.existing(), fileA);
    expect(plan.replace).toEqual({ ...zero, sessions: 1, visits: 1 });
    // …and not the other way round.
    store.apply(plan);
    expect(planImport(store.existing(), running).replace).toEqual(zero);
  });

  it('works from ids alone, without finding conflicts', () => {
    const { fileA } = twoResearchers();
    const ids = Object.fromEntries(RECORD_KINDS.map((kind) => [kind, new Set(fileA[kind].slice(0, 1).map((r) => r.id))]));
    const plan = planImport({ study: fileA.study, records: ids, running: null }, fileA);
    expect(plan.alreadyPresent).toEqual({ ...zero, personas: 1, sessions: 1, visits: 1, signals: 1, responses: 1, annotations: 1, feedback: 1 });
    expect(plan.add).toEqual({ ...zero, sessions: 1, visits: 1, signals: 1, responses: 1, annotations: 1, feedback: 1 });
  });

  it('refuses a file that repeats an id with other content, or a merge the study schema rejects', () => {
    const { fileA } = twoResearchers();
    const twice = structuredClone(fileA);
    twice.visits.push({ ...twice.visits[0]!, title: 'other' });
    twice.signals.push({ ...twice.signals[0]! });
    const plan = planImport(new FakeStore().existing(), twice);
    expect(plan.errors).toEqual([{ path: 'visits[2].id', message: 'The same id as visits[0] with different content' }]);
    expect(plan.add.signals).toBe(2);

    const crowded: Study = { ...fileA.study, stages: Array.from({ length: 20 }, (_, i) => ({ id: newId(), name: `S${i}`, customerGoal: '', desiredExperience: '' })), rules: [], goalStageId: null };
    const store = new FakeStore();
    store.study = crowded;
    const over = planImport(store.existing(), fileA);
    expect(over.errors.map((e) => e.path)).toEqual(['study.stages']);
    store.apply(over);
    expect(store.study).toBe(crowded);
  });

  it('refuses ids stored for another study, records under another study’s session, and the running session, whole', () => {
    const { fileA, a1 } = twoResearchers();
    const store = new FakeStore();
    store.apply(planImport(store.existing(), fileA));
    const before = structuredClone(store.records);

    // Study A's records copied into a new study B: their ids are A's.
    const studyB = { ...fileA.study, id: newId(), name: 'B' };
    const copy = structuredClone(fileA);
    copy.study = studyB;
    for (const kind of ['sessions', 'visits', 'signals', 'responses', 'annotations', 'feedback', 'offsite'] as const) for (const r of copy[kind]) r.studyId = studyB.id;
    const moved = planImport({ study: null, records: store.records, running: null }, copy);
    expect(moved.errors).toContainEqual({ path: 'visits[0].id', message: 'Already the id of a record of another study: nothing was imported' });
    expect(moved.errors).toContainEqual({ path: 'signals[0].sessionId', message: 'Filed under a session of another study: nothing was imported' });
    store.apply(moved);
    expect(store.records).toEqual(before);

    // A's own file again, while its first walk is being recorded.
    const running = planImport(store.existing(), fileA);
    expect(running.errors).toEqual([]);
    const live = planImport({ ...store.existing(), running: a1.sessions[0]!.id }, fileA);
    expect(live.errors).toContainEqual({ path: 'sessions[0].id', message: 'Part of the session being recorded: stop it before importing this file' });
    expect(live.errors).toContainEqual({ path: 'visits[0].sessionId', message: 'Part of the session being recorded: stop it before importing this file' });
  });

  it('will not plan a file over another study', () => {
    const { fileA } = twoResearchers();
    expect(() => planImport({ study: testStudy(), records: {}, running: null }, fileA)).toThrow();
  });
});

describe('merging study configurations', () => {
  it('keeps the stored one as it is and appends what only the file has', () => {
    const { study, studyB } = twoResearchers();
    expect(mergeStudy(null, studyB)).toBe(studyB);
    const merged = mergeStudy({ ...study, scope: ['http://127.0.0.1:4310/*'], goalStageId: null }, { ...studyB, scope: ['https://shop.example.com/*', 'http://127.0.0.1:4310/*'] });
    expect(merged.scope).toEqual(['http://127.0.0.1:4310/*', 'https://shop.example.com/*']);
    expect(merged.goalStageId).toBe(studyB.goalStageId);
    expect(merged.updatedAt).toBe(studyB.updatedAt);
    expect(merged.name).toBe(study.name);
  });
});
