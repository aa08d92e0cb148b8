import { describe, expect, it } from 'vitest';
import { badgeOf } from '../../src/core/session/badge';

describe('the toolbar badge', () => {
  it('is empty with no walk, a dot while one is recorded, and counts its friction', () => {
    expect(badgeOf(null)).toEqual({ text: '', count: null });
    expect(badgeOf({})).toEqual({ text: '●', count: 0 });
    expect(badgeOf({ dead_click: 2, rage_click: 1 })).toEqual({ text: '●3', count: 3 });
    expect(badgeOf({ dead_click: 250 }).text).toBe('●99+');
  });
});
