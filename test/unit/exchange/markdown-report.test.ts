import { describe, expect, it } from 'vitest';
import { escapeMarkdown, fillLabel, markdownReport, type ReportInput } from '../../../src/core/exchange/markdown-report';
import { aggregateJourney } from '../../../src/core/health/raw-rollups';
import { journeyHealth, type JourneyHealth } from '../../../src/core/health/journey-health';
import type { Annotation } from '../../../src/core/records/annotation';
import { newId } from '../../../src/core/records/common';
import type { SurveyResponse } from '../../../src/core/records/response';
import type { Session } from '../../../src/core/records/session';
import type { Signal, SignalKind } from '../../../src/core/records/signal';
import type { Instrument } from '../../../src/core/records/survey';
import type { Visit } from '../../../src/core/records/visit';
import { testStudy } from '../fixtures/records';

const tpHealth = (health: JourneyHealth, key: string) => health.touchpoints.find((h) => h.key === key);
const XSS = '<img src=x onerror=alert(1)>';

describe('escaping untrusted text for Markdown', () => {
  it('turns HTML into inert text', () => {
    expect(escapeMarkdown(XSS)).toBe('&lt;img src=x onerror=alert(1)&gt;');
    expect(escapeMarkdown('<script>alert("x")</script>')).not.toMatch(/[<>]/);
    expect(escapeMarkdown('a & b &lt;')).toBe('a &amp; b &amp;lt;');
  });

  it('keeps pipes from splitting table cells and brackets from making links or images', () => {
    expect(escapeMarkdown('| pipes |')).toBe('\\| pipes \\|');
    expect(escapeMarkdown('[click](javascript:alert(1))')).toBe('\\[click\\](javascript:alert(1))');
    expect(escapeMarkdown('![x](http://evil.example/p.png)')).toBe('!\\[x\\](http://evil.example/p.png)');
  });

  it('escapes emphasis, code, headings, lists and line breaks', () => {
    expect(escapeMarkdown('*bold* _em_ `code` ~~del~~')).toBe('\\*bold\\* \\_em\\_ \\`code\\` \\~\\~del\\~\\~');
    expect(escapeMarkdown('# Heading')).toBe('\\# Heading');
    expect(escapeMarkdown('1. first')).toBe('1\\. first');
    expect(escapeMarkdown('- item')).toBe('\\- item');
    expect(escapeMarkdown('+ item')).toBe('\\+ item');
    expect(escapeMarkdown('well-known (a + b) - c. Ok!')).toBe('well-known (a + b) - c. Ok!');
    expect(escapeMarkdown('line one\n\n## line two\r\n> quote')).toBe('line one \\#\\# line two &gt; quote');
    expect(escapeMarkdown('back\\slash')).toBe('back\\\\slash');
  });

  it('leaves Korean and ordinary text readable', () => {
    expect(escapeMarkdown('결제 버튼이 안 눌려요. 왜죠?')).toBe('결제 버튼이 안 눌려요. 왜죠?');
  });

  it('fills label placeholders', () => {
    expect(fillLabel('{a} of {b}, {c}', { a: 1, b: 'two' })).toBe('1 of two, {c}');
  });
});

function hostileReport(): ReportInput {
  const base = testStudy(Date.UTC(2025, 0, 1));
  const study = { ...base, name: `Shop ${XSS}`, stages: base.stages.map((s, i) => (i === 1 ? { ...s, name: '| Consider | <b>x</b>' } : s)) };
  const [aware, consider] = study.stages.map((s) => s.id) as [string, string];
  const T0 = Date.UTC(2025, 0, 6);
  const sessions: Session[] = [];
  const visits: Visit[] = [];
  const signals: Signal[] = [];
  const responses: SurveyResponse[] = [];
  const visit = (s: Session, stageId: string, pageKey: string, at: number): Visit => {
    const v: Visit = {
      id: newId(),
      studyId: study.id,
      sessionId: s.id,
      tabId: 1,
      url: 'http://127.0.0.1:4310/',
      title: pageKey,
      pageKey,
      stageId,
      ruleId: null,
      arrival: 'navigate',
      enteredAt: at,
      leftAt: at + 500,
      maxScrollDepth: 1,
      endedBy: 'link',
    };
    visits.push(v);
    return v;
  };
  const ctx = (v: Visit) => ({ studyId: study.id, sessionId: v.sessionId, visitId: v.id, pageKey: v.pageKey, stageId: v.stageId });
  const signal = (v: Visit, kind: SignalKind) => signals.push({ id: newId(), ...ctx(v), sessionId: v.sessionId, visitId: v.id, kind, at: v.enteredAt, element: null, detail: {} });
  const answer = (v: Visit, instrument: Instrument, value: number | null, text: string | null = null) =>
    responses.push({ id: newId(), ...ctx(v), surveyId: newId(), instrument, trigger: 'on_demand', signalId: null, value, text, dismissed: false, at: v.enteredAt + 1 });

  // Seven pages in two stages, so there is a worst five; the hostile page key is the worst of all.
  const pages: Array<[string, string, SignalKind[]]> = [
    [aware, '/', []],
    [aware, '/deals', ['slow_click']],
    [aware, '/about', ['dead_click']],
    [consider, `/product/${XSS}`, ['rage_click', 'error']],
    [consider, '/search', ['quick_back']],
    [consider, '/category/| x |', ['form_abandonment']],
    [consider, '/compare', []],
  ];
  for (let i = 0; i < 6; i++) {
    const s: Session = { id: newId(), studyId: study.id, personaId: null, goal: '', role: 'researcher', startedAt: T0 + i * 1e6, endedAt: T0 + i * 1e6 + 9e5, outcome: i < 2 ? 'goal_reached' : 'abandoned' };
    sessions.push(s);
    pages.forEach(([stageId, pageKey, kinds], j) => {
      const v = visit(s, stageId, pageKey, s.startedAt + j * 10_000);
      for (const kind of kinds) signal(v, kind);
      if (j === 0) answer(v, 'emotion', 1);
      if (j === 3) answer(v, 'emotion', -2);
      if (j === 3 && i === 0) answer(v, 'open_text', null, `${XSS}\n# not a heading | cell |`);
      if (j === 0 && i === 0) answer(v, 'open_text', null, '첫 화면이 좋아요');
    });
  }
  const note = (v: Visit, type: Annotation['type'], text: string, status: Annotation['status'] = 'open'): Annotation => ({
    id: newId(),
    ...ctx(v),
    type,
    text,
    emotion: null,
    role: 'pm',
    anchor: { selector: 'body', quote: { exact: '', prefix: '', suffix: '' }, position: 0 },
    status,
    orphaned: false,
    createdAt: v.enteredAt,
    updatedAt: v.enteredAt,
  });
  const annotations = [note(visits[3]!, 'pain_point', `Price hidden ${XSS}`), note(visits[1]!, 'pain_point', 'Fixed already', 'resolved'), note(visits[0]!, 'opportunity', '[free](javascript:alert(1)) shipping banner')];
  const aggregate = aggregateJourney({ study, sessions, visits, signals, responses, annotations, offsite: [] });
  return { study, aggregate, health: journeyHealth(aggregate), filter: { personas: [`Minji ${XSS}`] }, generatedAt: Date.UTC(2025, 1, 3) };
}

describe('the Markdown report', () => {
  const input = hostileReport();
  const report = markdownReport(input);
  const lines = report.split('\n');

  it('lets no HTML through: not one angle bracket survives', () => {
    expect(report).not.toMatch(/[<>]/);
    expect(report).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(report).not.toMatch(/(?<!\\)\]\(javascript/);
  });

  it('keeps every table row to its columns despite pipes in stage names', () => {
    const rows = lines.filter((line) => line.startsWith('|'));
    expect(rows.length).toBe(2 + input.study.stages.length);
    const unescapedPipes = (line: string) => line.replace(/\\\\/g, '').match(/(?<!\\)\|/g)!.length;
    for (const row of rows) expect(unescapedPipes(row), row).toBe(13);
    expect(rows.find((r) => r.includes('Consider'))).toContain('\\| Consider \\| &lt;b&gt;x&lt;/b&gt;');
  });

  it('opens with the study, the filter and the summary', () => {
    expect(lines[0]).toBe('# Journey report: Shop &lt;img src=x onerror=alert(1)&gt;');
    expect(report).toContain('- Generated: 2025-02-03');
    expect(report).toContain('- Filters: Personas: Minji &lt;img');
    expect(report).toMatch(/- Journey score: \d+\/100/);
    expect(report).toContain('- Happiness: 50% (1 of 2 stages with positive emotion)');
    expect(report).toContain('- Goal completion: 33% (2 of 6 ended sessions)');
    expect(report).toContain('- 6 sessions, 42 visits');
  });

  it('lists the five worst touchpoints, worst first, with the parts that cost the most', () => {
    const start = lines.indexOf('## Five worst touchpoints');
    const items = lines.slice(start + 1).filter((l) => /^\d\. /.test(l));
    expect(items).toHaveLength(5);
    expect(items[0]).toMatch(/^1\. \*\*\/product\/&lt;img src=x onerror=alert\(1\)&gt;\*\* /);
    const worst = tpHealth(input.health, input.aggregate.touchpoints.find((t) => t.pageKey!.startsWith('/product'))!.key)!;
    expect(items[0]).toContain(`${worst.score}/100`);
    expect(lines[lines.indexOf(items[0]!) + 1]).toMatch(/^ {3}- Friction per visit 2\.00 \(−\d/);
    const scores = items.map((l) => Number(/(\d+)\/100/.exec(l)![1]));
    expect(scores).toEqual([...scores].sort((a, b) => a - b));
  });

  it('groups verbatims by stage and lists pain points and opportunities, escaped', () => {
    const verbatims = report.slice(report.indexOf('## Verbatims'), report.indexOf('## Pain points'));
    expect(verbatims).toContain(`### ${input.study.stages[0]!.name}`);
    expect(verbatims).toContain('- 첫 화면이 좋아요 — /');
    expect(verbatims).toContain('- &lt;img src=x onerror=alert(1)&gt; \\# not a heading \\| cell \\|');
    expect(verbatims.indexOf('첫 화면')).toBeLessThan(verbatims.indexOf('not a heading'));
    expect(report).toContain('Price hidden &lt;img');
    expect(report).toContain('Fixed already (resolved)');
    expect(report).toContain('- ' + input.study.stages[0]!.name + ', /: \\[free\\](javascript:alert(1)) shipping banner');
  });

  it('takes translated labels', () => {
    const korean = markdownReport(input, { title: '여정 보고서', worstHeading: '가장 나쁜 접점 다섯', happinessDetail: '{rated}개 중 {positive}개 단계' });
    expect(korean.split('\n')[0]).toMatch(/^# 여정 보고서: /);
    expect(korean).toContain('## 가장 나쁜 접점 다섯');
    expect(korean).toContain('(2개 중 1개 단계)');
  });

  it('says so when there is nothing to report', () => {
    const study = testStudy();
    const aggregate = aggregateJourney({ study, sessions: [], visits: [], signals: [], responses: [], annotations: [], offsite: [] });
    const empty = markdownReport({ study, aggregate, health: journeyHealth(aggregate), generatedAt: 0 });
    expect(empty).toContain('- Filters: all sessions');
    expect(empty).toContain('- Journey score: –');
    // Worst touchpoints, verbatims, pain points, opportunities, stage goals, off-site touchpoints, paths.
    expect(empty.match(/None\./g)).toHaveLength(7);
  });

  it('writes each stage’s goal and desired experience, and the off-site touchpoints of the filter', () => {
    const base = testStudy();
    const study = { ...base, stages: base.stages.map((s, i) => (i === 2 ? { ...s, customerGoal: 'Pay *once*', desiredExperience: 'No surprises' } : s)) };
    const offsite = [{ id: newId(), studyId: study.id, stageId: study.stages[0]!.id, channel: 'call_centre' as const, name: 'Hotline', note: 'asked for stock', personaId: null, sessionId: null, at: Date.UTC(2025, 0, 2), createdAt: 0 }];
    const aggregate = aggregateJourney({ study, sessions: [], visits: [], signals: [], responses: [], annotations: [], offsite });
    const report = markdownReport({ study, aggregate, health: journeyHealth(aggregate), generatedAt: 0 });
    expect(report).toContain(`- **${study.stages[2]!.name}**\n  - Goal: Pay \\*once\\*\n  - Desired experience: No surprises`);
    expect(report).toContain(`- ${study.stages[0]!.name}, Call centre: **Hotline** (2025-01-02) — asked for stock`);
  });
});
