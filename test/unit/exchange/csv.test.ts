import { describe, expect, it } from 'vitest';
import {
  CSV_COLUMNS,
  CSV_KINDS,
  csvField,
  csvFileName,
  neutraliseFormula,
  studyCsv,
  toCsv,
  UTF8_BOM,
  type CsvColumn,
  type CsvRecords,
} from '../../../src/core/exchange/csv';
import { Annotation } from '../../../src/core/records/annotation';
import { newId } from '../../../src/core/records/common';
import { FeedbackReport } from '../../../src/core/records/feedback';
import { SurveyResponse } from '../../../src/core/records/response';
import { Signal } from '../../../src/core/records/signal';
import { OffsiteTouchpoint } from '../../../src/core/records/offsite';
import { Persona } from '../../../src/core/records/persona';
import { Session } from '../../../src/core/records/session';
import { Visit } from '../../../src/core/records/visit';
import { parseCsv } from '../fixtures/csv-read';
import { testPersona, testStudy } from '../fixtures/records';

describe('CSV fields (RFC 4180, quoted as OWASP says)', () => {
  it('quotes every field, doubling inner quotes', () => {
    expect(csvField('plain text')).toBe('"plain text"');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('a;=1+1')).toBe('"a;=1+1"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('line 1\nline 2')).toBe('"line 1\nline 2"');
    expect(csvField('line 1\r\nline 2')).toBe('"line 1\r\nline 2"');
    expect(csvField('"')).toBe('""""');
  });

  it('writes Korean and other non-ASCII text as it is', () => {
    expect(csvField('결제 버튼이 안 눌려요')).toBe('"결제 버튼이 안 눌려요"');
    expect(csvField('가격, "할인"')).toBe('"가격, ""할인"""');
    expect(csvField('😀 café 👨‍👩‍👧')).toBe('"😀 café 👨‍👩‍👧"');
  });

  it('neutralises formulas in text with a leading quote (OWASP), after spaces and in full width too, but not numbers we write', () => {
    for (const text of ['=1+1', '+1', '-1', '@SUM(A1)', '\tfoo', '\rfoo', '\nfoo', '  =1+1', '＝1+1', '＋1', '－1', '＠SUM(A1)']) {
      expect(neutraliseFormula(text)).toBe(`'${text}`);
    }
    expect(neutraliseFormula('1+1')).toBe('1+1');
    expect(csvField('=HYPERLINK("http://evil.example","click")')).toBe('"\'=HYPERLINK(""http://evil.example"",""click"")"');
    expect(csvField('\tfoo')).toBe('"\'\tfoo"');
    expect(csvField(-2)).toBe('"-2"');
    expect(csvField(0.5)).toBe('"0.5"');
  });

  it('makes bidi and zero-width controls visible and inert', () => {
    expect(csvField('invoice\u202Efdp.exe')).toBe('"invoice\uFFFDfdp.exe"');
    expect(csvField('pay\u200Bpal \u2066x\u2069')).toBe('"pay\uFFFDpal \uFFFDx\uFFFD"');
  });

  it('writes empty quoted fields for null, undefined and non-finite numbers, and true/false for booleans', () => {
    expect([null, undefined, Number.NaN, Infinity].map(csvField)).toEqual(['""', '""', '""', '""']);
    expect([true, false].map(csvField)).toEqual(['"true"', '"false"']);
  });
});

describe('CSV files', () => {
  const columns: CsvColumn<{ text: string; n: number | null }>[] = [
    { header: 'text', value: (r) => r.text },
    { header: 'n', value: (r) => r.n },
  ];
  const rows = [
    { text: 'a, "b"\nc', n: 1 },
    { text: '한국어 텍스트', n: null },
    { text: '=cmd|" /C calc"!A0', n: -3 },
  ];

  it('starts with a BOM by default, then the header row, with CRLF after every record', () => {
    const csv = toCsv(rows, columns);
    expect(csv.startsWith(`${UTF8_BOM}"text","n"\r\n`)).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.replace(/\r\n/g, '').includes('\r')).toBe(false);
    expect(toCsv(rows, columns, { bom: false }).startsWith('"text","n"\r\n')).toBe(true);
    expect(toCsv([], columns, { bom: false })).toBe('"text","n"\r\n');
  });

  it('reads back to the same cells with a strict RFC 4180 reader', () => {
    const parsed = parseCsv(toCsv(rows, columns, { bom: false }));
    expect(parsed).toEqual([
      ['text', 'n'],
      ['a, "b"\nc', '1'],
      ['한국어 텍스트', ''],
      ['\'=cmd|" /C calc"!A0', '-3'],
    ]);
  });

  it('encodes to UTF-8 with the BOM bytes first', () => {
    const bytes = new TextEncoder().encode(toCsv([{ text: '한', n: 1 }], columns));
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder().decode(bytes)).toContain('한');
  });

  it('names the files after the study, date and kind', () => {
    expect(csvFileName('Our shop 한국', 'visits', Date.UTC(2025, 4, 1))).toBe('journey-lens-our-shop-한국-2025-05-01-visits.csv');
  });
});

describe('CSV per record kind', () => {
  const study = testStudy();
  const stage = study.stages[1]!;
  const sessionId = newId();
  const visitId = newId();
  const where = { studyId: study.id, sessionId, visitId, pageKey: '/product/:id', stageId: stage.id };
  const anchor = { selector: 'button#buy', quote: { exact: '구매하기', prefix: '', suffix: '' }, position: 10 };
  const minji = Persona.parse({ ...testPersona(), goals: ['Buy a phone', 'Pay once'] });
  const records: CsvRecords = {
    study,
    visits: [
      Visit.parse({
        id: visitId,
        studyId: study.id,
        sessionId,
        tabId: 3,
        url: 'http://127.0.0.1:4310/product/1',
        title: '갤럭시, "S25"',
        pageKey: '/product/:id',
        stageId: stage.id,
        ruleId: null,
        arrival: 'navigate',
        enteredAt: Date.UTC(2025, 0, 1),
        leftAt: Date.UTC(2025, 0, 1) + 4500,
        maxScrollDepth: 0.75,
        endedBy: 'link',
      }),
    ],
    signals: [
      Signal.parse({
        id: newId(),
        ...where,
        kind: 'rage_click',
        at: Date.UTC(2025, 0, 1) + 1000,
        element: { tag: 'button', id: 'buy', classes: ['btn', 'primary'], role: 'button', name: '=Buy now', selector: 'button#buy' },
        detail: { clicks: 4, label: 'a,"b"' },
      }),
    ],
    responses: [
      SurveyResponse.parse({
        id: newId(),
        ...where,
        surveyId: newId(),
        instrument: 'open_text',
        trigger: 'signal',
        signalId: null,
        value: null,
        text: '가격이\n안 보여요, "정말"',
        dismissed: false,
        at: Date.UTC(2025, 0, 1) + 2000,
      }),
    ],
    annotations: [
      Annotation.parse({
        id: newId(),
        ...where,
        type: 'pain_point',
        text: '@channel the button is dead',
        emotion: -2,
        role: 'pm',
        anchor,
        status: 'open',
        orphaned: false,
        createdAt: Date.UTC(2025, 0, 2),
        updatedAt: Date.UTC(2025, 0, 2),
      }),
    ],
    feedback: [
      FeedbackReport.parse({
        id: newId(),
        ...where,
        text: 'Crash on buy',
        severity: 'high',
        screenshotId: null,
        anchor: null,
        url: 'http://127.0.0.1:4310/product/1',
        consoleErrors: [{ message: 'TypeError: x is undefined', source: 'app.js', at: 5 }],
        environment: { browser: 'Chrome 140', os: 'Windows', viewport: { width: 1280, height: 720 }, devicePixelRatio: 1.5 },
        createdAt: Date.UTC(2025, 0, 3),
      }),
    ],
    personas: [minji],
    sessions: [Session.parse({ id: sessionId, studyId: study.id, personaId: minji.id, goal: 'Buy a phone', role: 'researcher', startedAt: Date.UTC(2025, 0, 1), endedAt: Date.UTC(2025, 0, 1, 0, 5), outcome: 'abandoned' })],
    offsite: [OffsiteTouchpoint.parse({ id: newId(), studyId: study.id, stageId: stage.id, channel: 'call_centre', name: '=Hotline', note: 'asked for stock', personaId: minji.id, sessionId, at: Date.UTC(2025, 0, 2), createdAt: Date.UTC(2025, 0, 3) })],
  };
  const read = (kind: (typeof CSV_KINDS)[number]) => {
    const [header, ...rows] = parseCsv(studyCsv(kind, records, { bom: false }));
    return rows.map((row) => Object.fromEntries(header!.map((h, i) => [h, row[i]])));
  };

  it('covers every field of every exported kind, flattening nested ones', () => {
    const schemas = { sessions: Session, personas: Persona, visits: Visit, signals: Signal, responses: SurveyResponse, annotations: Annotation, feedback: FeedbackReport, offsite: OffsiteTouchpoint };
    for (const kind of CSV_KINDS) {
      const headers = CSV_COLUMNS[kind].map((c) => c.header);
      expect(new Set(headers).size, kind).toBe(headers.length);
      for (const field of Object.keys(schemas[kind].shape)) {
        expect(headers.some((h) => h === field || h.startsWith(`${field}.`)), `${kind}.${field}`).toBe(true);
      }
    }
  });

  it('writes sessions, personas and off-site touchpoints with the persona and stage by name', () => {
    expect(read('sessions')[0]).toMatchObject({ persona: 'Minji', outcome: 'abandoned', durationMs: '300000', startedAt: '2025-01-01T00:00:00.000Z' });
    expect(read('personas')[0]).toMatchObject({ name: 'Minji', goals: 'Buy a phone; Pay once', age: '34' });
    expect(read('offsite')[0]).toMatchObject({ name: "'=Hotline", stage: stage.name, persona: 'Minji', sessionId, at: '2025-01-02T00:00:00.000Z', channel: 'call_centre' });
  });

  it('writes visits with ISO times, dwell and the stage name', () => {
    expect(read('visits')[0]).toMatchObject({ title: '갤럭시, "S25"', enteredAt: '2025-01-01T00:00:00.000Z', dwellMs: '4500', stage: stage.name, maxScrollDepth: '0.75' });
  });

  it('flattens a signal’s element and writes its detail as JSON, neutralising formula-like names', () => {
    expect(read('signals')[0]).toMatchObject({
      'element.selector': 'button#buy',
      'element.name': "'=Buy now",
      'element.classes': 'btn primary',
      detail: '{"clicks":4,"label":"a,\\"b\\""}',
    });
  });

  it('keeps open-text answers whole, line breaks and Korean included', () => {
    expect(read('responses')[0]).toMatchObject({ instrument: 'open_text', text: '가격이\n안 보여요, "정말"', value: '' });
  });

  it('flattens anchors, environments and console errors', () => {
    expect(read('annotations')[0]).toMatchObject({ text: "'@channel the button is dead", emotion: '-2', 'anchor.selector': 'button#buy', 'anchor.quote.exact': '구매하기' });
    expect(read('feedback')[0]).toMatchObject({
      'anchor.selector': '',
      'consoleErrors.count': '1',
      'environment.viewport.width': '1280',
      'environment.devicePixelRatio': '1.5',
      'environment.os': 'Windows',
    });
    expect(JSON.parse(read('feedback')[0]!.consoleErrors!)).toEqual([{ message: 'TypeError: x is undefined', source: 'app.js', at: 5 }]);
  });
});
