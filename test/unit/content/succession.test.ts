// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import type { ContentEvent } from '../../../src/core/messages';
import { awaitSuccessor, type Give, type Handover } from '../../../src/content/succession';
import { succeedOrphans } from '../../../src/content/take-over';
import { relayForOrphans, relayThroughSuccessor } from '../../../src/content/orphan-relay';

/** The session's channel secret (the worker's, given in `content.hello`). */
const SESSION = '11111111-1111-4111-8111-111111111111';
const VISIT = '22222222-2222-4222-8222-222222222222';
const exitIntent = (n: number): ContentEvent => ({ kind: 'exit_intent', eventId: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`, visitId: VISIT, at: n });
const held: Handover = { events: [exitIntent(1), exitIntent(2)], openVisit: { id: VISIT, enteredAt: 5, loadJudged: false } };

let pages = new AbortController();
afterEach(() => {
  pages.abort();
  pages = new AbortController();
});

/** A successor in the page: what it adopted, and the open visit it was given at once; it relays once it finds an orphan, as the observer does. */
function successor(sessionId = SESSION, send: (message: unknown) => Promise<unknown> = async () => null) {
  const adopted: ContentEvent[] = [];
  const openVisit = succeedOrphans(sessionId, (events) => adopted.push(...events), () => relayForOrphans(sessionId, send, pages.signal), pages.signal);
  return { adopted, openVisit };
}

describe('an observer taking over from one orphaned by an extension reload', () => {
  it('gets the orphan’s events and open visit at once, and what the orphan decides later', () => {
    let later: Give | null = null;
    awaitSuccessor(SESSION, (give) => {
      give(held);
      later = give;
    }, pages.signal);
    const taken = successor();
    expect(taken).toEqual({ adopted: held.events, openVisit: held.openVisit });
    later!({ events: [exitIntent(3)], openVisit: null });
    expect(taken.adopted).toEqual([...held.events, exitIntent(3)]);
  });

  it('takes over from every orphan of the session, and from none of another session or still connected', () => {
    awaitSuccessor(SESSION, (give) => give(held), pages.signal);
    awaitSuccessor(SESSION, (give) => give({ events: [exitIntent(3)], openVisit: null }), pages.signal);
    awaitSuccessor(SESSION, () => undefined, pages.signal);
    awaitSuccessor('33333333-3333-4333-8333-333333333333', (give) => give({ events: [exitIntent(9)], openVisit: null }), pages.signal);
    expect(successor()).toEqual({ adopted: [...held.events, exitIntent(3)], openVisit: held.openVisit });
  });

  it('hears nothing once the orphan’s recording has stopped', () => {
    const recording = new AbortController();
    awaitSuccessor(SESSION, (give) => give(held), recording.signal);
    recording.abort();
    expect(successor()).toEqual({ adopted: [], openVisit: null });
  });

  it('ignores an answer that is not a handover', () => {
    const answer = (detail: unknown) => () => document.dispatchEvent(new CustomEvent(`journey-lens-give-${SESSION}`, { detail }));
    const halfOpen = JSON.stringify({ events: held.events, openVisit: { id: VISIT, enteredAt: 5 } });
    for (const detail of ['not json', '{"events":{}}', 'null', halfOpen, { events: held.events }]) {
      document.addEventListener(`journey-lens-ask-${SESSION}`, answer(detail), { signal: pages.signal });
    }
    // Only the well-formed string is taken (its malformed open visit dropped); an object is not a string.
    expect(successor()).toEqual({ adopted: held.events, openVisit: null });
  });
});

describe('an orphan’s requests, carried by its successor', () => {
  /** What the successor sent the worker; a report fails there. */
  function worker() {
    const sent: unknown[] = [];
    const send = async (message: unknown) => {
      sent.push(message);
      if ((message as { type: string }).type === 'content.feedback') throw new Error('Store full');
      return { ok: true, data: { id: 'n1' } };
    };
    return { sent, send };
  }

  const unanswered = (reply: Promise<unknown>) => Promise.race([reply, new Promise((done) => setTimeout(() => done('unanswered'), 50))]);

  it('reach the worker through the successor and bring back its reply, or its failure', async () => {
    const { sent, send } = worker();
    awaitSuccessor(SESSION, (give) => give(held), pages.signal);
    successor(SESSION, send);
    const relay = relayThroughSuccessor(SESSION);
    await expect(relay({ type: 'content.annotation.save', text: 'kept' })).resolves.toEqual({ ok: true, data: { id: 'n1' } });
    await expect(relay({ type: 'content.feedback' })).rejects.toThrow('Store full');
    expect(sent).toEqual([{ type: 'content.annotation.save', text: 'kept' }, { type: 'content.feedback' }]);
  });

  it('carries only what an orphan’s forms send: no reading of notes, no deleting, no events', async () => {
    const { sent, send } = worker();
    awaitSuccessor(SESSION, (give) => give(held), pages.signal);
    successor(SESSION, send);
    const relay = relayThroughSuccessor(SESSION);
    for (const message of [{ type: 'content.annotations' }, { type: 'content.annotation.delete', id: 'n1' }, { type: 'content.events', events: [] }, 'content.feedback']) {
      expect(await unanswered(relay(message))).toBe('unanswered');
    }
    expect(sent).toEqual([]);
  });

  it('are not carried while no orphan exists, nor for another channel', async () => {
    const { sent, send } = worker();
    successor(SESSION, send);
    expect(await unanswered(relayThroughSuccessor(SESSION)({ type: 'content.annotation.save' }))).toBe('unanswered');
    awaitSuccessor('33333333-3333-4333-8333-333333333333', (give) => give(held), pages.signal);
    successor('33333333-3333-4333-8333-333333333333', send);
    expect(await unanswered(relayThroughSuccessor(SESSION)({ type: 'content.annotation.save' }))).toBe('unanswered');
    expect(sent).toEqual([]);
  });
});
