import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ContentEvent } from '../../src/core/messages';

const sendMessage = vi.fn();
const storeForSession = vi.fn();
let runtimeAlive = true;
vi.mock('../../src/platform/page-runtime', () => ({ sendMessage, storeForSession, connected: () => runtimeAlive }));
const { EventQueue } = await import('../../src/content/event-queue');

const leave = (n: number): ContentEvent => ({
  kind: 'visit.leave',
  eventId: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
  visitId: '00000000-0000-4000-8000-000000000000',
  leftAt: n,
  maxScrollDepth: 0,
  intent: 'unknown',
});

/** A worker that stores every batch it is sent. */
const ackEverything = async ({ events }: { events: ContentEvent[] }) => ({ ok: true, data: { acked: events.map((e) => e.eventId) } });

beforeEach(() => {
  vi.useFakeTimers();
  sendMessage.mockReset();
  storeForSession.mockReset().mockResolvedValue(undefined);
  runtimeAlive = true;
});
afterEach(() => vi.useRealTimers());

describe('the page’s event queue', () => {
  it('batches what arrives together and forgets only what the background acknowledged', async () => {
    sendMessage.mockImplementation(async ({ events }: { events: ContentEvent[] }) => ({ ok: true, data: { acked: events.slice(0, 1).map((e) => e.eventId) } }));
    const queue = new EventQueue(50);
    queue.push(leave(1));
    queue.push(leave(2));
    await vi.advanceTimersByTimeAsync(50);
    expect(sendMessage).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(sendMessage).toHaveBeenCalledTimes(2);
    expect(sendMessage.mock.calls[0]![0].events).toHaveLength(2);
    expect(sendMessage.mock.calls[1]![0].events.map((e: ContentEvent) => e.eventId)).toEqual([leave(2).eventId]);
    expect(queue.size).toBe(0);
  });

  it('keeps events while the worker is unreachable and sends them again, backing off', async () => {
    sendMessage.mockRejectedValueOnce(new Error('Could not establish connection. Receiving end does not exist.'));
    sendMessage.mockRejectedValueOnce(new Error('The message port closed before a response was received.'));
    sendMessage.mockImplementation(ackEverything);
    const queue = new EventQueue(0);
    queue.push(leave(1));
    await vi.advanceTimersByTimeAsync(0);
    expect(queue.size).toBe(1);
    await vi.advanceTimersByTimeAsync(100);
    expect(sendMessage).toHaveBeenCalledTimes(2);
    expect(queue.size).toBe(1);
    await vi.advanceTimersByTimeAsync(200);
    expect(sendMessage).toHaveBeenCalledTimes(3);
    expect(queue.size).toBe(0);
  });

  it('drops a batch the background refused, so it cannot block what follows', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    sendMessage.mockResolvedValueOnce({ ok: false, error: 'errorMalformedMessage' });
    sendMessage.mockImplementation(ackEverything);
    const queue = new EventQueue(0);
    queue.push(leave(1));
    await vi.advanceTimersByTimeAsync(0);
    expect(queue.size).toBe(0);
    queue.push(leave(2));
    await vi.advanceTimersByTimeAsync(0);
    expect(sendMessage).toHaveBeenCalledTimes(2);
    expect(queue.size).toBe(0);
  });
});

describe('a store that cannot write (full or failing)', () => {
  it('keeps every event, says how many it holds, and sends them again, backing off, until the write works', async () => {
    const full = { ok: false, error: 'Journey Lens is out of storage space', storeFailure: 'quota' };
    sendMessage.mockResolvedValueOnce(full).mockResolvedValueOnce(full);
    sendMessage.mockImplementation(ackEverything);
    const queue = new EventQueue(0);
    queue.push(leave(1));
    queue.push(leave(2));
    await vi.advanceTimersByTimeAsync(0);
    expect(sendMessage.mock.calls[0]![0]).toMatchObject({ queued: 2 });
    expect(queue.size).toBe(2);
    await vi.advanceTimersByTimeAsync(100);
    expect(sendMessage).toHaveBeenCalledTimes(2);
    expect(queue.size).toBe(2);
    await vi.advanceTimersByTimeAsync(199);
    expect(sendMessage).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(sendMessage).toHaveBeenCalledTimes(3);
    expect(sendMessage.mock.calls[2]![0].events).toHaveLength(2);
    expect(queue.size).toBe(0);
  });
});

describe('leaving the page', () => {
  it('sends what is pending at once, even behind a batch still on its way', async () => {
    let answer: (value: unknown) => void = () => undefined;
    sendMessage.mockImplementationOnce(() => new Promise((resolve) => (answer = resolve)));
    sendMessage.mockImplementation(ackEverything);
    const queue = new EventQueue(0);
    queue.push(leave(1));
    await vi.advanceTimersByTimeAsync(0);
    queue.push(leave(2));
    queue.flush();
    expect(sendMessage).toHaveBeenCalledTimes(2);
    expect(sendMessage.mock.calls[1]![0].events.map((e: ContentEvent) => e.eventId)).toEqual([leave(1).eventId, leave(2).eventId]);
    await vi.advanceTimersByTimeAsync(0);
    expect(queue.size).toBe(0);
    answer({ ok: true, data: { acked: [leave(1).eventId] } });
    await vi.advanceTimersByTimeAsync(0);
    expect(queue.size).toBe(0);
  });

  it('also leaves what is unacknowledged in the session outbox, named by its tab, for a worker that is stopped', async () => {
    sendMessage.mockRejectedValue(new Error('Could not establish connection. Receiving end does not exist.'));
    // A search typed on the page is in its query: the outbox URL goes without it, as visits store it.
    vi.stubGlobal('location', { href: 'http://127.0.0.1:4310/cart?q=typed+words#reviews' });
    const queue = new EventQueue(0);
    queue.push(leave(1));
    queue.hidden();
    expect(storeForSession).not.toHaveBeenCalled(); // the tab is not known yet: an entry must name it
    queue.tabId = 7;
    queue.push(leave(2));
    queue.flush();
    queue.hidden();
    expect(storeForSession).toHaveBeenCalledTimes(1);
    const [[items]] = storeForSession.mock.calls as [[Record<string, { tabId: number; url: string; events: ContentEvent[] }>]];
    const [[key, entry]] = Object.entries(items) as [[string, { tabId: number; url: string; events: ContentEvent[] }]];
    expect(key).toMatch(/^outbox:[0-9a-f-]{36}$/);
    expect(entry).toEqual({ tabId: 7, url: 'http://127.0.0.1:4310/cart', events: [leave(1), leave(2)] });
    // The same page hidden again (back/forward cache) overwrites its own entry.
    queue.hidden();
    expect(Object.keys(storeForSession.mock.calls[1]![0])).toEqual([key]);
    vi.unstubAllGlobals();
  });

  it('writes no outbox entry when everything is acknowledged', async () => {
    sendMessage.mockImplementation(ackEverything);
    const queue = new EventQueue(0);
    queue.tabId = 7;
    queue.push(leave(1));
    await vi.advanceTimersByTimeAsync(0);
    queue.hidden();
    expect(storeForSession).not.toHaveBeenCalled();
  });
});

describe('an extension reloaded under the page', () => {
  it('keeps what the queue holds, and what comes after, for the observer that takes over, then forwards to it', async () => {
    // The runtime goes while a batch is on its way.
    sendMessage.mockImplementation(async () => {
      runtimeAlive = false;
      throw new Error('Extension context invalidated.');
    });
    const abandoned = vi.fn();
    const queue = new EventQueue(0, abandoned);
    queue.push(leave(1));
    await vi.advanceTimersByTimeAsync(0);
    queue.push(leave(2));
    await vi.advanceTimersByTimeAsync(10_000);
    // No more tries: this runtime will never answer.
    expect(sendMessage).toHaveBeenCalledTimes(1);
    const forwarded: ContentEvent[][] = [];
    expect(queue.handOver((events) => forwarded.push(events))).toEqual([leave(1), leave(2)]);
    expect(queue.size).toBe(0);
    // What the orphan reports after the takeover goes straight to the successor.
    queue.push(leave(3));
    expect(forwarded).toEqual([[leave(3)]]);
    expect(queue.size).toBe(0);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(abandoned).not.toHaveBeenCalled();
    expect(sendMessage).toHaveBeenCalledTimes(1);
  });

  it('gives them up after 30 s when no observer takes over (the extension was removed)', async () => {
    const abandoned = vi.fn();
    const queue = new EventQueue(0, abandoned);
    runtimeAlive = false;
    queue.push(leave(1));
    queue.push(leave(2));
    await vi.advanceTimersByTimeAsync(29_999);
    expect(abandoned).not.toHaveBeenCalled();
    expect(queue.size).toBe(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(abandoned).toHaveBeenCalledTimes(1);
    expect(queue.size).toBe(0);
    expect(sendMessage).not.toHaveBeenCalled();
  });

  it('sends what the orphan handed over before its own events', async () => {
    sendMessage.mockImplementation(ackEverything);
    const queue = new EventQueue(50);
    queue.adopt([leave(1), leave(2)]);
    queue.push(leave(3));
    await vi.advanceTimersByTimeAsync(0);
    expect(sendMessage).toHaveBeenCalledTimes(1);
    expect(sendMessage.mock.calls[0]![0].events.map((e: ContentEvent) => e.eventId)).toEqual([leave(1), leave(2), leave(3)].map((e) => e.eventId));
    expect(queue.size).toBe(0);
  });
});
