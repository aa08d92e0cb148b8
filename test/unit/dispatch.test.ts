import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { openJourneyDb } from '../../src/background/store/open-db';
import { handleMessage } from '../../src/background/dispatch';
import { applyAcknowledged, applyOutboxEntry } from '../../src/background/recording/ingest';
import type { Db } from '../../src/background/store/schema';
import * as store from '../../src/background/store/records';
import { rebuildRollups, ROLLUP_STORES, rollupTx } from '../../src/background/store/rollups';
import { StoreHealthLog } from '../../src/background/store-health';
import { newId } from '../../src/core/records/common';
import { testStudy, visitLeave, visitStart } from './fixtures/records';
import type { WorkerDeps } from '../../src/background/deps';
import { syncOff } from './fixtures/sync-off';

const EXT = { id: 'abcdefghijklmnopabcdefghijklmnop', origin: 'chrome-extension://abcdefghijklmnopabcdefghijklmnop/' };
const ui = { id: EXT.id, url: `${EXT.origin}src/ui/popup/index.html` };
const page = (url = 'http://127.0.0.1:4310/about') => ({ id: EXT.id, url, frameId: 0, tab: { id: 4 } });

let db: Db;
let deps: WorkerDeps;
let changes: number;

beforeEach(async () => {
  db = await openJourneyDb(`dispatch-${newId()}`);
  changes = 0;
  deps = {
    db: async () => db,
    handoverChannel: async () => 'channel-secret',
    teamSync: syncOff,
    injectPart: async () => undefined,
    now: () => 5_000,
    extension: EXT,
    describeTab: async () => null,
    tabUrl: async () => 'http://127.0.0.1:4310/about',
    studiesChanged: async () => void changes++,
    translate: (key) => key,
    showPrompt: async () => true,
    captureTab: async () => null,
    relayCompose: async () => null,
    showCompose: async () => 'panel',
    outlineInTab: async () => true,
    pendingCompose: { get: async () => null, forget: async () => undefined },
    startPick: async () => true,
    health: new StoreHealthLog({ read: async () => undefined, write: async () => undefined }),
  };
});

async function counts() {
  return Object.fromEntries(await Promise.all([...db.objectStoreNames].map(async (s) => [s, await db.count(s)])));
}

/** The demo study with a session of it running. */
async function recording() {
  const study = await store.saveStudy(db, testStudy());
  const session = await store.startSession(db, { studyId: study.id, personaId: null, goal: '', role: 'tester' }, 1);
  return { study, session };
}

describe('the background refuses, and writes nothing, when', () => {
  it('the sender is not this extension, or is a frame or a non-web page', async () => {
    const before = await counts();
    const study = testStudy();
    const save = { type: 'ui.study.save', study };
    for (const sender of [
      { ...ui, id: 'someotherextensionidabcdefghijkl' },
      { url: ui.url },
      { ...page(), frameId: 3 },
      { id: EXT.id, url: 'file:///etc/passwd', frameId: 0, tab: { id: 1 } },
    ]) {
      expect(await handleMessage(save, sender, deps)).toEqual({ ok: false, error: 'errorUnknownSender' });
    }
    expect(await counts()).toEqual(before);
  });

  it('a web page sends a UI request (pages may only report visits)', async () => {
    const reply = await handleMessage({ type: 'ui.study.save', study: testStudy() }, page(), deps);
    expect(reply).toMatchObject({ ok: false, error: 'errorMalformedMessage' });
    expect(await db.count('studies')).toBe(0);
  });

  it('the type is unknown or the shape is wrong, naming the path', async () => {
    expect(await handleMessage({ type: 'ui.drop.everything' }, ui, deps)).toMatchObject({ ok: false, error: 'errorMalformedMessage' });
    expect(await handleMessage('hello', ui, deps)).toMatchObject({ ok: false });
    const study = { ...testStudy(), scope: ['not a pattern'] };
    const reply = await handleMessage({ type: 'ui.study.save', study }, ui, deps);
    expect(reply).toMatchObject({ ok: false, issues: [{ path: 'study.scope[0]' }] });
    const extra = await handleMessage({ type: 'ui.study.save', study: { ...testStudy(), admin: true } }, ui, deps);
    expect(extra).toMatchObject({ ok: false, issues: [{ path: 'study' }] });
    expect(await db.count('studies')).toBe(0);
    expect(changes).toBe(0);
  });

  it('a page reports a visit outside its study’s scope or origin, or a malformed event: each is dropped (acknowledged, unwritten)', async () => {
    const study = await store.saveStudy(db, testStudy());
    const session = await store.startSession(db, { studyId: study.id, personaId: null, goal: '', role: 'tester' }, 1);
    const foreign = visitStart(study, session.id, '/', 2);
    foreign.visit.url = 'https://elsewhere.test/';
    const sent = await handleMessage({ type: 'content.events', events: [foreign], queued: 1 }, page('https://elsewhere.test/'), deps);
    expect(sent).toEqual({ ok: true, data: { acked: [foreign.eventId] } });
    const spoofed = visitStart(study, session.id, '/', 2);
    const fromOtherOrigin = await handleMessage({ type: 'content.events', events: [spoofed], queued: 1 }, page('http://127.0.0.1:9999/'), deps);
    expect(fromOtherOrigin).toEqual({ ok: true, data: { acked: [spoofed.eventId] } });
    const script = { ...visitStart(study, session.id, '/', 2), eventId: 'not-a-uuid' };
    expect(await handleMessage({ type: 'content.events', events: [script], queued: 1 }, page(), deps)).toEqual({ ok: true, data: { acked: ['not-a-uuid'] } });
    await applyAcknowledged(deps);
    expect(await db.count('visits')).toBe(0);
  });

  it('one event past a schema limit costs no other event of its batch', async () => {
    const study = await store.saveStudy(db, testStudy());
    const session = await store.startSession(db, { studyId: study.id, personaId: null, goal: '', role: 'tester' }, 1);
    const long = visitStart(study, session.id, '/', 2);
    long.visit.title = 'x'.repeat(5000);
    const fine = visitStart(study, session.id, '/about', 3);
    const sent = await handleMessage({ type: 'content.events', events: [long, fine], queued: 2 }, page(), deps);
    expect(sent).toEqual({ ok: true, data: { acked: [fine.eventId, long.eventId] } });
    await applyAcknowledged(deps);
    expect((await db.getAll('visits')).map((v) => v.id)).toEqual([fine.visit.id]);
  });

  it('an in-page card’s answer fails the check a popup answer passes (its survey, its scale)', async () => {
    const csat = { id: newId(), instrument: 'csat' as const, trigger: { kind: 'on_demand' as const }, question: null, schedule: 'every_time' as const, enabled: true };
    const study = await store.saveStudy(db, { ...testStudy(), surveys: [csat] });
    const session = await store.startSession(db, { studyId: study.id, personaId: null, goal: '', role: 'tester' }, 1);
    const start = visitStart(study, session.id, '/about', 2);
    expect(await handleMessage({ type: 'content.events', events: [start], queued: 1 }, page(), deps)).toMatchObject({ ok: true });
    const answer = (over: object) => ({
      kind: 'response',
      eventId: newId(),
      response: {
        id: newId(),
        studyId: study.id,
        sessionId: session.id,
        visitId: start.visit.id,
        pageKey: start.visit.pageKey,
        stageId: start.visit.stageId,
        surveyId: csat.id,
        instrument: 'csat',
        trigger: 'on_demand',
        signalId: null,
        value: 4,
        text: null,
        dismissed: false,
        at: 3,
        ...over,
      },
    });
    // 7 is a valid value of some instrument (the schema takes it), but not on CSAT's 1–5.
    for (const bad of [{ value: 7 }, { value: 0 }, { instrument: 'ces', value: 7 }, { surveyId: newId(), value: 9 }, { studyId: newId() }, { dismissed: true }]) {
      // Refused one by one: acknowledged (the page drops it), never written.
      const refused = answer(bad);
      const reply = await handleMessage({ type: 'content.events', events: [refused], queued: 1 }, page(), deps);
      expect(reply, JSON.stringify(bad)).toEqual({ ok: true, data: { acked: [refused.eventId] } });
    }
    // A survey edited out of the study while its card was open: the answer is still checked on its own scale.
    const good = [answer({ value: 5 }), answer({ value: null, dismissed: true }), answer({ surveyId: newId(), instrument: 'ces', value: 7 })];
    expect(await handleMessage({ type: 'content.events', events: good, queued: 3 }, page(), deps)).toMatchObject({ ok: true });
    await handleMessage({ type: 'ui.overview' }, ui, deps);
    expect(await db.count('responses')).toBe(3);
  });

  it('a page asks about another origin', async () => {
    await store.saveStudy(db, testStudy());
    const reply = await handleMessage({ type: 'content.hello', url: 'http://127.0.0.1:4310/' }, page('https://evil.test/'), deps);
    expect(reply).toMatchObject({ ok: false });
  });
});

describe('the background answers', () => {
  it('a page in scope with its study and the running session', async () => {
    const study = await store.saveStudy(db, testStudy());
    const idle = await handleMessage({ type: 'content.hello', url: 'http://127.0.0.1:4310/about' }, page(), deps);
    expect(idle).toMatchObject({ ok: true, data: { study: { id: study.id }, session: null } });
    const session = await store.startSession(db, { studyId: study.id, personaId: null, goal: '', role: 'tester' }, 1);
    const live = await handleMessage({ type: 'content.hello', url: 'http://127.0.0.1:4310/about' }, page(), deps);
    expect(live).toMatchObject({ ok: true, data: { session: { id: session.id } } });
  });

  it('a page with the study’s pages that hold notes, each once and no other study’s, so the rest need not ask for pins', async () => {
    const study = await store.saveStudy(db, testStudy());
    const other = await store.saveStudy(db, { ...testStudy(), scope: ['http://127.0.0.1:5555/*'] });
    const note = (studyId: string, pageKey: string) =>
      ({ id: newId(), studyId, sessionId: null, visitId: null, pageKey, stageId: null, type: 'idea', text: 'try a bigger button', emotion: null, role: 'tester', anchor: {}, status: 'open', orphaned: false, createdAt: 1, updatedAt: 1 }) as never;
    for (const [studyId, pageKey] of [[study.id, '/cart'], [study.id, '/about'], [study.id, '/cart'], [other.id, '/help']] as const) await db.put('annotations', note(studyId, pageKey));
    const reply = await handleMessage({ type: 'content.hello', url: 'http://127.0.0.1:4310/about' }, page(), deps);
    expect(reply).toMatchObject({ ok: true, data: { study: { id: study.id }, notedPages: ['/about', '/cart'] } });
  });

  it('a page outside every scope with nothing', async () => {
    await store.saveStudy(db, testStudy());
    const reply = await handleMessage({ type: 'content.hello', url: 'http://127.0.0.1:5555/' }, page('http://127.0.0.1:5555/'), deps);
    expect(reply).toEqual({ ok: true, data: { study: null, session: null, tabId: 4, openVisit: null, started: null, notedPages: [] } });
  });

  it('"tag this page" with a rule appended for the tab’s page', async () => {
    const study = await store.saveStudy(db, testStudy());
    const stageId = study.stages[4]!.id;
    deps.tabUrl = async () => 'http://127.0.0.1:4310/loyalty/123?x=1';
    const reply = await handleMessage({ type: 'ui.page.tag', tabId: 4, studyId: study.id, stageId }, ui, deps);
    expect(reply.ok).toBe(true);
    const saved = await db.get('studies', study.id);
    expect(saved!.rules.at(-1)).toMatchObject({ kind: 'path', pattern: '/loyalty/:id', stageId });
    expect(changes).toBe(1);
  });

  it('a form no part of its page answers for as gone (null), as it does a closed page', async () => {
    const unanswered = { ...deps, relayCompose: async () => undefined as never };
    expect(await handleMessage({ type: 'ui.compose.open', tabId: 4, id: newId() }, ui, unanswered)).toEqual({ ok: true, data: null });
    const closed = { ...deps, relayCompose: async () => Promise.reject(new Error('No tab with id: 4')) };
    expect(await handleMessage({ type: 'ui.compose.open', tabId: 4, id: newId() }, ui, closed)).toEqual({ ok: true, data: null });
  });

  it('a study\'s walks, newest first, and no other study\'s', async () => {
    const study = await store.saveStudy(db, testStudy());
    const other = await store.saveStudy(db, { ...testStudy(), scope: ['http://127.0.0.1:5555/*'] });
    const walk = (studyId: string, startedAt: number) =>
      db.put('sessions', { id: newId(), studyId, personaId: null, goal: '', role: 'tester', startedAt, endedAt: startedAt + 1, outcome: 'goal_reached' });
    await walk(study.id, 10);
    await walk(other.id, 20);
    await walk(study.id, 30);
    const reply = await handleMessage({ type: 'ui.study.sessions', studyId: study.id }, ui, deps);
    expect(reply).toMatchObject({ ok: true, data: [{ startedAt: 30 }, { startedAt: 10 }] });
    expect(reply.ok && (reply.data as unknown[]).length).toBe(2);
  });

  it('tagging an untagged touchpoint moves its visits with their signals, answers and notes, and rebuilds the rollups', async () => {
    const study = await store.saveStudy(db, testStudy());
    const session = await store.startSession(db, { studyId: study.id, personaId: null, goal: '', role: 'tester' }, 1);
    const at = { studyId: study.id, sessionId: session.id, pageKey: '/order/:id', stageId: null };
    const visit = { ...visitStart(study, session.id, '/order/12', 2).visit, ...at, url: 'http://127.0.0.1:4310/order/12', tabId: 4, leftAt: 3, endedBy: 'link' as const, maxScrollDepth: 0 };
    const deadEnd = { id: newId(), ...at, visitId: visit.id, kind: 'dead_end' as const, at: 2, element: null, detail: { status: 404 } };
    const answer = { id: newId(), ...at, visitId: visit.id, surveyId: newId(), instrument: 'emotion' as const, trigger: 'on_demand' as const, signalId: null, value: -2, text: null, dismissed: false, at: 2 };
    const note = { id: newId(), ...at, visitId: null, type: 'pain_point' as const, text: 'Broken link', emotion: null, role: 'pm' as const, anchor: { selector: 'h1', quote: { exact: '', prefix: '', suffix: '' }, position: 0 }, status: 'open' as const, orphaned: false, createdAt: 2, updatedAt: 2 };
    await Promise.all([db.put('visits', visit), db.put('signals', deadEnd), db.put('responses', answer), db.put('annotations', note)]);
    const tx = db.transaction(ROLLUP_STORES, 'readwrite');
    await rebuildRollups(rollupTx(tx), [{ studyId: study.id, sessionId: session.id }]);
    await tx.done;
    const before = await handleMessage({ type: 'ui.map', studyId: study.id, filter: {} }, ui, deps);
    expect(before.ok && (before.data as { aggregate: { untagged: { deadEnds: number; visits: number } } }).aggregate.untagged).toMatchObject({ visits: 1, deadEnds: 1 });

    const stageId = study.stages[3]!.id;
    expect(await handleMessage({ type: 'ui.touchpoint.tag', studyId: study.id, pageKey: '/order/:id', stageId }, ui, deps)).toMatchObject({ ok: true });
    const moved = { stageId, pageKey: '/order/:id' };
    expect(await db.get('visits', visit.id)).toMatchObject(moved);
    expect(await db.get('signals', deadEnd.id)).toMatchObject(moved);
    expect(await db.get('responses', answer.id)).toMatchObject(moved);
    expect(await db.get('annotations', note.id)).toMatchObject(moved);
    const after = await handleMessage({ type: 'ui.map', studyId: study.id, filter: {} }, ui, deps);
    const map = after.ok ? (after.data as { aggregate: { untagged: { visits: number; deadEnds: number }; stages: { stageId: string; deadEnds: number; openPainPoints: number }[] } }).aggregate : null;
    expect(map?.untagged).toMatchObject({ visits: 0, deadEnds: 0 });
    expect(map?.stages.find((s) => s.stageId === stageId)).toMatchObject({ deadEnds: 1, openPainPoints: 1 });
    // A page key that is no path pattern is refused, and nothing moves.
    expect(await handleMessage({ type: 'ui.touchpoint.tag', studyId: study.id, pageKey: 'no slash', stageId }, ui, deps)).toMatchObject({ ok: false });
  });
});

describe('stopping a session', () => {
  /** A walk in two tabs: a Retention page in tab 4, then a product page opened later in tab 5, both still open. */
  async function twoTabs() {
    const base = testStudy();
    const nps = { id: newId(), instrument: 'nps' as const, trigger: { kind: 'session_end' as const }, question: null, schedule: 'once_per_session' as const, enabled: true };
    const study = await store.saveStudy(db, { ...base, surveys: [nps] });
    const session = await store.startSession(db, { studyId: study.id, personaId: null, goal: '', role: 'tester' }, 1);
    const account = { ...visitStart(study, session.id, '/account/orders', 10).visit, pageKey: '/account/*', stageId: study.stages[3]!.id, tabId: 4, leftAt: null, endedBy: null, maxScrollDepth: 0 };
    const product = { ...visitStart(study, session.id, '/product/2', 20).visit, pageKey: '/product/:id', stageId: study.stages[1]!.id, tabId: 5, leftAt: null, endedBy: null, maxScrollDepth: 0 };
    await Promise.all([db.put('visits', account), db.put('visits', product)]);
    deps.describeTab = async (tabId) => (tabId === 4 ? ({ visitId: account.id } as never) : null);
    return { study, nps, account, product };
  }

  it('files the end-of-session answer, and the exit of "abandoned", at the page it was stopped from', async () => {
    const { study, nps, account } = await twoTabs();
    const prompt = await handleMessage({ type: 'ui.session.endPrompt', tabId: 4 }, ui, deps);
    expect(prompt).toMatchObject({ ok: true, data: { surveyId: nps.id } });
    const answer = { surveyId: nps.id, value: 0, text: null, dismissed: false };
    expect(await handleMessage({ type: 'ui.session.stop', outcome: 'abandoned', answer, tabId: 4 }, ui, deps)).toMatchObject({ ok: true });
    expect(await db.getAll('responses')).toMatchObject([{ visitId: account.id, pageKey: '/account/*', stageId: study.stages[3]!.id, value: 0 }]);
    expect((await db.getAll('signals')).filter((s) => s.kind === 'exit')).toMatchObject([{ visitId: account.id, detail: { reason: 'abandoned' } }]);
  });

  // Issue 17: the popup (or panel) showing the survey was closed, and Stop pressed again.
  it('asks the end-of-session survey again when the popup showing it was closed, then files the answer', async () => {
    const { nps, account } = await twoTabs();
    const first = await handleMessage({ type: 'ui.session.endPrompt', tabId: 4 }, ui, deps);
    expect(first).toMatchObject({ ok: true, data: { surveyId: nps.id } });
    // Nothing came back: the popup closed. Stop again within the throttle's two minutes asks the same survey.
    expect(await handleMessage({ type: 'ui.session.endPrompt', tabId: 4 }, ui, deps)).toMatchObject({ ok: true, data: { surveyId: nps.id } });
    const answer = { surveyId: nps.id, value: 9, text: null, dismissed: false };
    expect(await handleMessage({ type: 'ui.session.stop', outcome: 'goal_reached', answer, tabId: 4 }, ui, deps)).toMatchObject({ ok: true });
    expect(await db.getAll('responses')).toMatchObject([{ visitId: account.id, value: 9, dismissed: false }]);
  });

  it('records the end-of-session survey as dismissed when the session stops without its answer', async () => {
    const { nps, account } = await twoTabs();
    await handleMessage({ type: 'ui.session.endPrompt', tabId: 4 }, ui, deps);
    expect(await handleMessage({ type: 'ui.session.stop', outcome: 'goal_reached', answer: null, tabId: 4 }, ui, deps)).toMatchObject({ ok: true });
    expect(await db.getAll('responses')).toMatchObject([{ surveyId: nps.id, visitId: account.id, value: null, dismissed: true }]);
  });

  it('without a tab, stops at the open page entered last', async () => {
    const { nps, product } = await twoTabs();
    const answer = { surveyId: nps.id, value: 10, text: null, dismissed: false };
    expect(await handleMessage({ type: 'ui.session.stop', outcome: 'goal_reached', answer }, ui, deps)).toMatchObject({ ok: true });
    expect(await db.getAll('responses')).toMatchObject([{ visitId: product.id }]);
    expect((await db.getAll('signals')).filter((s) => s.kind === 'exit')).toEqual([]);
  });
});

describe('a page’s first hello, with the visit of its load proposed', () => {
  const CART = 'http://127.0.0.1:4310/cart';
  const proposal = (enteredAt = 10, referrer = '') => ({ eventId: newId(), id: newId(), title: 'Your cart', enteredAt, arrival: 'navigate' as const, referrer });
  const hello = (visit: ReturnType<typeof proposal>, sender = page(`${CART}?coupon=SECRET`)) => handleMessage({ type: 'content.hello', url: CART, visit }, sender, deps);

  it('starts it, tagged by URL and title, as the page’s first batch would have: the page sends none', async () => {
    const { study, session } = await recording();
    const visit = proposal();
    const reply = await hello(visit);
    const cartStage = study.stages[2]!.id;
    expect(reply).toMatchObject({ ok: true, data: { openVisit: null, started: { pageKey: '/cart', stageId: cartStage } } });
    await applyAcknowledged(deps);
    expect(await db.getAll('visits')).toMatchObject([
      { id: visit.id, sessionId: session.id, tabId: 4, url: CART, title: 'Your cart', pageKey: '/cart', stageId: cartStage, arrival: 'navigate', enteredAt: 10, leftAt: null },
    ]);
  });

  it('starts it once when a try’s answer was lost: the next try of the same proposal is told it started', async () => {
    await recording();
    const visit = proposal();
    await hello(visit);
    expect(await hello(visit)).toMatchObject({ ok: true, data: { openVisit: null, started: { pageKey: '/cart' } } });
    await applyAcknowledged(deps);
    expect(await db.count('visits')).toBe(1);
  });

  it('starts it at the URL the page asked from when the page has routed on since, as the page then records the route change', async () => {
    const { study } = await recording();
    const visit = proposal();
    const reply = await handleMessage({ type: 'content.hello', url: 'http://127.0.0.1:4310/help', visit }, page('http://127.0.0.1:4310/help#/article/returns'), deps);
    expect(reply).toMatchObject({ ok: true, data: { started: { pageKey: '/help', stageId: study.stages[3]!.id } } });
    await applyAcknowledged(deps);
    expect(await db.get('visits', visit.id)).toMatchObject({ url: 'http://127.0.0.1:4310/help', pageKey: '/help' });
  });

  it('ends the tab’s page before it as left by a link when the referrer is in scope, else by a navigation', async () => {
    const { study, session } = await recording();
    for (const [tabId, referrer, endedBy] of [[4, 'http://127.0.0.1:4310/about?x=1', 'link'], [5, 'https://search.example/?q=phones', 'navigation']] as const) {
      const before = visitStart(study, session.id, '/about', 2);
      await handleMessage({ type: 'content.events', events: [before], queued: 1 }, { ...page(), tab: { id: tabId } }, deps);
      await hello(proposal(10, referrer), { ...page(CART), tab: { id: tabId } });
      await applyAcknowledged(deps);
      expect(await db.get('visits', before.visit.id)).toMatchObject({ endedBy });
    }
  });

  it('starts nothing without a session, for a page loaded before its session, or with a visit open in the tab at that URL', async () => {
    expect(await hello(proposal())).toMatchObject({ ok: true, data: { session: null, started: null } });
    const { study, session } = await recording();
    const early = await hello(proposal(0));
    expect(early).toMatchObject({ ok: true, data: { started: null, openVisit: null } });
    const open = visitStart(study, session.id, '/cart', 2);
    await handleMessage({ type: 'content.events', events: [open], queued: 1 }, page(CART), deps);
    expect(await hello(proposal())).toMatchObject({ ok: true, data: { started: null, openVisit: { id: open.visit.id } } });
    await applyAcknowledged(deps);
    expect((await db.getAll('visits')).map((v) => v.id)).toEqual([open.visit.id]);
  });

  it('refuses a malformed proposal, naming the field, and writes nothing', async () => {
    await recording();
    const reply = await hello({ ...proposal(), title: 'x'.repeat(301) });
    expect(reply).toMatchObject({ ok: false, error: 'errorMalformedMessage', issues: [{ path: 'visit.title' }] });
    expect(await db.count('journal')).toBe(0);
  });
});

describe('a page that went away', () => {

  it('has what it left in the session outbox applied as its last message would have been, twice harmlessly', async () => {
    const { study, session } = await recording();
    const start = visitStart(study, session.id, '/about', 2);
    const entry = { tabId: 9, url: 'http://127.0.0.1:4310/about', events: [start, visitLeave(start.visit.id, 3, 'link', 0.7)] };
    expect(await applyOutboxEntry(entry, deps)).toBe(9);
    expect(await applyOutboxEntry(entry, deps)).toBe(9);
    expect(await db.getAll('visits')).toMatchObject([{ id: start.visit.id, tabId: 9, leftAt: 3, endedBy: 'link', maxScrollDepth: 0.7 }]);
  });

  it('gets nothing written from an entry that is malformed or outside its study’s scope or origin', async () => {
    const { study, session } = await recording();
    const start = visitStart(study, session.id, '/about', 2);
    const before = await counts();
    for (const entry of [
      null,
      { tabId: -1, url: 'http://127.0.0.1:4310/about', events: [start] },
      { tabId: 9, url: 'javascript:alert(1)', events: [start] },
      { tabId: 9, url: 'http://127.0.0.1:4310/about', events: [start], admin: true },
    ]) {
      expect(await applyOutboxEntry(entry, deps)).toBeNull();
    }
    // Well-formed entries whose events are refused one by one: the entry is done with, nothing written.
    for (const entry of [
      { tabId: 9, url: 'http://127.0.0.1:4310/about', events: [{ ...start, eventId: 'not-a-uuid' }] },
      { tabId: 9, url: 'http://127.0.0.1:9999/about', events: [start] },
    ]) {
      expect(await applyOutboxEntry(entry, deps)).toBe(9);
    }
    expect(await counts()).toEqual(before);
  });

  it('is continued, not entered twice, by an observer that replaces an orphaned one: hello names the open visit', async () => {
    const { study, session } = await recording();
    const hello = (url: string) => handleMessage({ type: 'content.hello', url }, page(url), deps);
    const start = visitStart(study, session.id, '/about', 2);
    await handleMessage({ type: 'content.events', events: [start], queued: 1 }, page(), deps);
    expect(await hello('http://127.0.0.1:4310/about')).toMatchObject({ ok: true, data: { tabId: 4, openVisit: { id: start.visit.id, enteredAt: 2 } } });
    expect(await hello('http://127.0.0.1:4310/help')).toMatchObject({ ok: true, data: { openVisit: null } });
    // Another tab's open visit of the same page is not this tab's.
    const inOtherTab = await handleMessage({ type: 'content.hello', url: 'http://127.0.0.1:4310/about' }, { ...page(), tab: { id: 5 } }, deps);
    expect(inOtherTab).toMatchObject({ ok: true, data: { tabId: 5, openVisit: null } });
    await handleMessage({ type: 'content.events', events: [visitLeave(start.visit.id, 3)], queued: 1 }, page(), deps);
    expect(await hello('http://127.0.0.1:4310/about')).toMatchObject({ ok: true, data: { openVisit: null } });
  });

  it('is answered without waiting for acknowledged events to be applied, and still finds its open visit among them', async () => {
    // A burst of tabs can keep the journal busy for seconds; a page not answered by the time it is left records nothing.
    const { study, session } = await recording();
    const hello = () => handleMessage({ type: 'content.hello', url: 'http://127.0.0.1:4310/about' }, page(), deps);
    const start = visitStart(study, session.id, '/about', 2);
    await handleMessage({ type: 'content.events', events: [start], queued: 1 }, page(), deps);
    expect(await hello()).toMatchObject({ ok: true, data: { openVisit: { id: start.visit.id, enteredAt: 2 } } });
    expect(await db.count('journal')).toBe(1);
    await handleMessage({ type: 'content.events', events: [visitLeave(start.visit.id, 3)], queued: 1 }, page(), deps);
    expect(await hello()).toMatchObject({ ok: true, data: { openVisit: null } });
    expect(await db.count('journal')).toBe(2);
    // Applied, the same answers.
    await applyAcknowledged(deps);
    expect(await db.count('journal')).toBe(0);
    expect(await hello()).toMatchObject({ ok: true, data: { openVisit: null } });
  });
});
