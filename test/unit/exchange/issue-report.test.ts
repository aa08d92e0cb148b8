import { unzipSync, zipSync, strFromU8, strToU8 } from 'fflate';
import { Lexer, type Token, type Tokens } from 'marked';
import { describe, expect, it } from 'vitest';
import { bytesToBase64 } from '../../../src/core/exchange/base64';
import { readStudyExport } from '../../../src/core/exchange/import-file';
import { issueBody, issueMarkdown, issueSteps, issueTitle, MAX_STEPS, type IssueInput } from '../../../src/core/exchange/issue-report';
import { githubIssueUrl, jiraCsv, MAX_ISSUE_URL } from '../../../src/core/exchange/issue-tracker';
import { issueInputs, reportBundle } from '../../../src/core/exchange/report-bundle';
import { EXPORT_FORMAT, EXPORT_VERSION, type StudyExport } from '../../../src/core/exchange/study-export';
import { newId } from '../../../src/core/records/common';
import type { FeedbackReport } from '../../../src/core/records/feedback';
import type { Signal } from '../../../src/core/records/signal';
import type { Visit } from '../../../src/core/records/visit';
import { parseCsv } from '../fixtures/csv-read';
import { testStudy } from '../fixtures/records';

const study = { ...testStudy(), name: 'Shop walk' };
const stage = { ...study.stages[1]!, desiredExperience: 'The item is in the cart at once.' };
study.stages[1] = stage;
const sessionId = newId();
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 1, 2, 254, 255]);

function visit(path: string, enteredAt: number, session = sessionId): Visit {
  return {
    id: newId(), studyId: study.id, sessionId: session, tabId: 1, url: `http://127.0.0.1:4310${path}`, title: path, pageKey: path, stageId: null,
    ruleId: null, arrival: 'navigate', enteredAt, leftAt: null, maxScrollDepth: 0, endedBy: null,
  };
}
function click(on: Visit, at: number, kind: Signal['kind'], name: string | null, selector: string): Signal {
  return {
    id: newId(), studyId: study.id, sessionId: on.sessionId, visitId: on.id, pageKey: on.pageKey, stageId: null, kind, at,
    element: { tag: 'button', id: null, classes: [], role: null, name, selector }, detail: {},
  };
}
const home = visit('/', 1_000);
const product = visit('/product/1', 2_000);
const later = visit('/cart', 9_000);
const elsewhere = visit('/other', 1_500, newId());
const signals = [
  click(product, 3_000, 'dead_click', 'Add to cart', '#add'),
  click(product, 3_500, 'rage_click', null, 'div.gallery > img'),
  { ...click(product, 3_600, 'slow_page', null, 'x'), element: null },
  click(later, 9_500, 'dead_click', 'Pay', '#pay'),
];
const report: FeedbackReport = {
  id: newId(), studyId: study.id, sessionId, visitId: product.id, pageKey: '/product/*', stageId: stage.id,
  text: 'Add to cart does nothing [click](javascript:alert(1)) <img src=x>\nSecond line', severity: 'critical', status: 'new', screenshotId: newId(),
  anchor: null, url: 'http://127.0.0.1:4310/product/1', consoleErrors: [{ message: 'TypeError: cart is undefined', source: 'app.js', at: 3_100 }],
  environment: { browser: 'Chrome 156', os: 'Linux', viewport: { width: 1280, height: 720 }, devicePixelRatio: 2 }, createdAt: 5_000,
};
const input: IssueInput = { report, visits: [later, product, elsewhere, home], signals, stage, screenshotPath: `screenshots/${report.screenshotId}.png` };

const tokens = (markdown: string) => new Lexer({ gfm: true }).lex(markdown);
/** The block after a heading with this text. */
function after(list: Token[], heading: string): Token {
  const i = list.findIndex((t) => t.type === 'heading' && (t as Tokens.Heading).text === heading);
  expect(i, heading).toBeGreaterThanOrEqual(0);
  return list.slice(i + 1).find((t) => t.type !== 'space')!;
}
const inline = (token: Token, type: string): Token[] => {
  const found: Token[] = [];
  const walk = (t: Token) => {
    if (t.type === type) found.push(t);
    for (const child of ('tokens' in t ? t.tokens : undefined) ?? []) walk(child);
    for (const item of ('items' in t ? (t.items as Token[]) : undefined) ?? []) walk(item);
  };
  walk(token);
  return found;
};

describe('a feedback report as an issue', () => {
  it('takes its steps from the session: pages and signalled clicks before the report, in order', () => {
    expect(issueSteps(input)).toEqual([
      { kind: 'visit', at: 1_000, url: home.url },
      { kind: 'visit', at: 2_000, url: product.url },
      { kind: 'click', at: 3_000, element: '“Add to cart” (#add)', signal: 'dead_click' },
      { kind: 'click', at: 3_500, element: 'div.gallery > img', signal: 'rage_click' },
    ]);
    const long = Array.from({ length: 30 }, (_, i) => visit(`/p/${i}`, i));
    expect(issueSteps({ ...input, visits: long, signals: [] }).map((s) => s.at)).toEqual(long.slice(-MAX_STEPS).map((v) => v.enteredAt));
    expect(issueSteps({ ...input, report: { ...report, sessionId: null } })).toEqual([]);
  });

  it('is GitHub-flavoured Markdown a parser reads as steps, expected, actual, environment, errors and the screenshot', () => {
    const list = tokens(issueMarkdown(input));
    expect(list[0]).toMatchObject({ type: 'heading', depth: 1 });
    const steps = after(list, 'Steps to reproduce') as Tokens.List;
    expect(steps).toMatchObject({ type: 'list', ordered: true });
    expect(steps.items.map((item) => item.text)).toEqual([
      `Open \` ${home.url} \``,
      `Open \` ${product.url} \``,
      'Click “Add to cart” (\\#add) (nothing happened)',
      'Click div.gallery &gt; img (rage click)',
      expect.stringMatching(/^Report: Add to cart does nothing/),
    ]);
    expect((after(list, 'Expected') as Tokens.Paragraph).text).toBe('The item is in the cart at once.');
    expect((after(list, 'Environment') as Tokens.List).items.map((i) => i.text)).toEqual(['Browser: Chrome 156', 'OS: Linux', 'Viewport: 1280×720', 'Device pixel ratio: 2']);
    expect(after(list, 'Console errors')).toMatchObject({ type: 'code', text: 'TypeError: cart is undefined (app.js)' });
    const images = inline(after(list, 'Screenshot'), 'image') as Tokens.Image[];
    expect(images.map((i) => i.href)).toEqual([`screenshots/${report.screenshotId}.png`]);
    // What the tester typed stays text: no link, no HTML, anywhere.
    expect(list.flatMap((t) => [...inline(t, 'link'), ...inline(t, 'html')])).toEqual([]);
  });

  it('says so when the report was not filed in a session, and when there is no screenshot', () => {
    const body = issueBody({ ...input, report: { ...report, sessionId: null, consoleErrors: [] }, screenshotPath: null, stage: null });
    expect(body).toContain('Not filed during a recorded session');
    expect(body).toContain('No screenshot.');
    expect(body).toContain('_Not stated._');
  });

  it('has a one-line title of at most 80 characters', () => {
    expect(issueTitle(report)).toBe('Add to cart does nothing [click](javascript:alert(1)) <img src=x>');
    expect(issueTitle({ ...report, text: 'x'.repeat(200) })).toHaveLength(80);
  });

  it('opens GitHub’s new-issue page for the configured repository, cut to a length GitHub accepts', () => {
    const url = new URL(githubIssueUrl('acme/shop', 'Title', 'Body'));
    expect(url.origin + url.pathname).toBe('https://github.com/acme/shop/issues/new');
    expect(Object.fromEntries(url.searchParams)).toEqual({ title: 'Title', body: 'Body' });
    const long = Array.from({ length: 2_000 }, (_, i) => `${i}. 한국어 step`).join('\n');
    const cut = githubIssueUrl('acme/shop', 'Title', long, '(truncated)');
    expect(cut.length).toBeLessThanOrEqual(MAX_ISSUE_URL);
    expect(new URL(cut).searchParams.get('body')).toMatch(/^0\. 한국어 step\n[\s\S]*\n\n\(truncated\)\n$/);
    for (const bad of ['acme', 'acme/shop/x', '../x/y', 'acme/shop?x=1', 'https://evil/acme/shop']) expect(() => githubIssueUrl(bad, 't', 'b')).toThrow();
  });

  it('writes Jira’s CSV import: one row per report, Jira’s priority names, the body as description', () => {
    const [header, row] = parseCsv(jiraCsv([input]));
    expect(header).toEqual(['Summary', 'Issue Type', 'Priority', 'Description', 'Labels']);
    expect(row?.slice(0, 3)).toEqual([issueTitle(report), 'Bug', 'Highest']);
    expect(row?.[3]).toBe(issueBody(input));
  });
});

describe('the report bundle', () => {
  const file: StudyExport = {
    format: EXPORT_FORMAT, version: EXPORT_VERSION, exportedAt: Date.UTC(2026, 11, 6), study, personas: [],
    sessions: [{ id: sessionId, studyId: study.id, personaId: null, goal: 'Buy', role: 'researcher', startedAt: 1_000, endedAt: 10_000, outcome: 'abandoned' }],
    visits: [home, product, later], signals, responses: [], annotations: [], feedback: [report, { ...report, id: newId(), screenshotId: null, text: 'No picture' }], offsite: [],
    screenshots: [{ id: report.screenshotId!, type: 'image/png', base64: bytesToBase64(PNG) }],
  };

  it('zips a Markdown per report whose image resolves in the bundle, the PNG byte for byte, CSVs and the study file', () => {
    const files = unzipSync(zipSync(Object.fromEntries(Object.entries(reportBundle(file)).map(([n, d]) => [n, typeof d === 'string' ? strToU8(d) : d]))));
    const names = Object.keys(files);
    const dir = 'journey-lens-shop-walk-2026-12-06-reports';
    expect(names.every((n) => n.startsWith(`${dir}/`))).toBe(true);
    const markdown = strFromU8(files[`${dir}/reports/${report.id}.md`]!);
    const image = inline(after(tokens(markdown), 'Screenshot'), 'image')[0] as Tokens.Image;
    const resolved = new URL(image.href, `file:///${dir}/reports/x.md`).pathname.slice(1);
    expect(files[resolved]).toEqual(PNG);
    expect(names.filter((n) => n.endsWith('.md'))).toHaveLength(2);
    const [header, ...rows] = parseCsv(strFromU8(files[`${dir}/feedback.csv`]!).replace(/^\uFEFF/, ''));
    const column = header!.indexOf('screenshotFile');
    expect(rows.map((r) => r[column])).toEqual([`screenshots/${report.screenshotId}.png`, '']);
    expect(files[`${dir}/${rows[0]![column]}`]).toEqual(PNG);
    expect(parseCsv(strFromU8(files[`${dir}/jira.csv`]!))).toHaveLength(3);
    const json = readStudyExport(strFromU8(files[`${dir}/journey-lens-shop-walk-2026-12-06.json`]!));
    expect(json.ok && json.file).toEqual(file);
  });

  it('links only screenshots the file holds', () => {
    expect(issueInputs({ ...file, screenshots: [] }).map((i) => i.screenshotPath)).toEqual([null, null]);
  });
});
