import { describe, expect, it, vi } from 'vitest';

const sendMessage = vi.fn(async (request: { type: string }) => ({ ok: true, data: request.type }));
vi.mock('../../../src/platform/native', () => ({ native: { runtime: { sendMessage } } }));
const { askEarly, takeEarly } = await import('../../../src/ui/early-replies');

describe('answers a UI page asked for before its code loaded', () => {
  it('go to the very same request once, and to no other', async () => {
    askEarly({ type: 'ui.overview' });
    askEarly({ type: 'ui.map', studyId: '11111111-1111-4111-8111-111111111111', filter: {} });
    expect(sendMessage).toHaveBeenCalledTimes(2);
    // Another study's map, or the same with a filter, is asked for anew.
    expect(takeEarly({ type: 'ui.map', studyId: '22222222-2222-4222-8222-222222222222', filter: {} })).toBeUndefined();
    expect(takeEarly({ type: 'ui.map', studyId: '11111111-1111-4111-8111-111111111111', filter: { from: 1 } })).toBeUndefined();
    expect(await takeEarly({ type: 'ui.map', studyId: '11111111-1111-4111-8111-111111111111', filter: {} })).toEqual({ ok: true, data: 'ui.map' });
    expect(await takeEarly({ type: 'ui.overview' })).toEqual({ ok: true, data: 'ui.overview' });
    expect(takeEarly({ type: 'ui.overview' })).toBeUndefined();
  });

  it('once all are taken, serialise no request to look for one', () => {
    const request = { type: 'ui.overview' as const };
    const stringify = vi.spyOn(JSON, 'stringify');
    expect(takeEarly(request)).toBeUndefined();
    expect(stringify).not.toHaveBeenCalled();
    stringify.mockRestore();
  });
});
