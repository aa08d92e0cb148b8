import { describe, expect, it } from 'vitest';
import { choiceToFilter, EMPTY_CHOICE, filterKey, rangeIsReversed } from '../../../src/core/journey-map/map-filter';

describe('filter choices', () => {
  it('means no limit when nothing is picked', () => {
    expect(choiceToFilter(EMPTY_CHOICE)).toEqual({});
  });

  it('turns ticked personas and one session into id lists', () => {
    expect(choiceToFilter({ ...EMPTY_CHOICE, personaIds: ['p1', 'p2'], sessionId: 's1' })).toEqual({ personaIds: ['p1', 'p2'], sessionIds: ['s1'] });
  });

  it('reads dates as whole local days', () => {
    const filter = choiceToFilter({ ...EMPTY_CHOICE, from: '2025-03-01', to: '2025-03-01' });
    expect(filter.from).toBe(new Date(2025, 2, 1).getTime());
    expect(filter.to).toBe(new Date(2025, 2, 2).getTime() - 1);
    expect(choiceToFilter({ ...EMPTY_CHOICE, from: 'soon', to: '' })).toEqual({});
  });

  it('notices a reversed range', () => {
    expect(rangeIsReversed({ ...EMPTY_CHOICE, from: '2025-03-02', to: '2025-03-01' })).toBe(true);
    expect(rangeIsReversed({ ...EMPTY_CHOICE, from: '2025-03-01', to: '2025-03-01' })).toBe(false);
    expect(rangeIsReversed({ ...EMPTY_CHOICE, from: '2025-03-01' })).toBe(false);
  });

  it('keys equal filters equally, whatever the persona order', () => {
    expect(filterKey({ personaIds: ['b', 'a'] })).toBe(filterKey({ personaIds: ['a', 'b'] }));
    expect(filterKey({})).not.toBe(filterKey({ personaIds: [] }));
  });
});
