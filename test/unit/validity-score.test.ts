import { describe, expect, it } from 'vitest';
import { score, type Lane, type StoredSignal, type StoredVisit } from '../../validity/score';

const visit = (id: string, tabId: number, path: string): StoredVisit => ({ id, tabId, url: `http://127.0.0.1:4320${path}` });
const signal = (id: string, kind: StoredSignal['kind'], visitId: string, extra: Partial<StoredSignal> = {}): StoredSignal => ({
  id,
  kind,
  visitId,
  pageKey: '/',
  element: null,
  detail: {},
  ...extra,
});

describe('the validity score', () => {
  const visits = [visit('v1', 1, '/cart'), visit('v2', 1, '/journal'), visit('v3', 2, '/about'), visit('v4', 9, '/shop')];
  const lanes: Lane[] = [
    { name: 'dead button', normal: false, tabIds: [1], plants: [{ kind: 'dead_click', path: '/cart', selector: '#apply' }, { kind: 'dead_end', path: '/journal', detail: { status: 404 } }] },
    { name: 'reading', normal: true, tabIds: [2], plants: [] },
  ];

  it('finds a planted signal by its tab, the path of its visit, its element and its detail', () => {
    const result = score(lanes, [signal('s1', 'dead_click', 'v1', { element: { selector: '#apply' } }), signal('s2', 'dead_end', 'v2', { detail: { status: 404, reason: 'http_error' } })], visits);
    expect(result.kinds.dead_click).toEqual({ planted: 1, found: 1, missed: 0, falseAlarms: 0 });
    expect(result.kinds.dead_end).toEqual({ planted: 1, found: 1, missed: 0, falseAlarms: 0 });
  });

  it('counts a signal of the wrong kind, page, element or detail as a miss and a false alarm', () => {
    const result = score(lanes, [signal('s1', 'slow_click', 'v1', { element: { selector: '#apply' } }), signal('s2', 'dead_end', 'v2', { detail: { status: 500 } })], visits);
    expect(result.kinds.dead_click).toMatchObject({ missed: 1, found: 0 });
    expect(result.kinds.slow_click).toMatchObject({ planted: 0, falseAlarms: 1 });
    expect(result.kinds.dead_end).toMatchObject({ missed: 1, falseAlarms: 1 });
  });

  it('counts every signal of a normal walk, and any signal of no walk, as a false alarm; one plant takes one signal', () => {
    const result = score(
      lanes,
      [
        signal('s1', 'dead_click', 'v1', { element: { selector: '#apply' } }),
        signal('s2', 'dead_click', 'v1', { element: { selector: '#apply' } }),
        signal('s3', 'dead_click', 'v3'),
        signal('s4', 'rage_click', 'v4'),
        signal('s5', 'error', 'gone'),
      ],
      visits,
    );
    expect(result.kinds.dead_click).toEqual({ planted: 1, found: 1, missed: 0, falseAlarms: 2 });
    expect(result.kinds.rage_click.falseAlarms).toBe(1);
    expect(result.kinds.error.falseAlarms).toBe(1);
    expect(result.lanes.find((l) => l.name === '(signals in no walk)')!.falseAlarms.map((s) => s.kind)).toEqual(['rage_click', 'error']);
  });

  it('scores nothing stored in the tab of a try that broke off, and scores the walk again in its new tab', () => {
    const retried: Lane[] = [{ ...lanes[0]!, tabIds: [3], setAside: [1] }, lanes[1]!];
    const result = score(
      retried,
      [signal('s1', 'exit', 'v1'), signal('s2', 'dead_click', 'v5', { element: { selector: '#apply' } }), signal('s3', 'rage_click', 'v4')],
      [...visits, visit('v5', 3, '/cart')],
    );
    expect(result.kinds.exit.falseAlarms).toBe(0);
    expect(result.kinds.dead_click).toEqual({ planted: 1, found: 1, missed: 0, falseAlarms: 0 });
    expect(result.kinds.dead_end.missed).toBe(1);
    expect(result.kinds.rage_click.falseAlarms).toBe(1);
  });
});
