import { describe, expect, it } from 'vitest';
import type { VisitEnd } from '../../../src/core/records/visit';
import { exitOf, idledOut } from '../../../src/core/signals/exit';
import { settings } from './timeline';

const ended = (endedBy: VisitEnd | null) => ({ endedBy });

describe('exit', () => {
  it('is leaving the scope, closing the tab or idling out before the goal', () => {
    expect(exitOf(ended('left_scope'), false)).toEqual({ reason: 'left_scope' });
    expect(exitOf(ended('tab_closed'), false)).toEqual({ reason: 'tab_closed' });
    expect(exitOf(ended(null), false, { idle: true })).toEqual({ reason: 'idle' });
  });

  it('is nothing once the goal was reached', () => {
    expect(exitOf(ended('tab_closed'), true)).toBeNull();
    expect(exitOf(ended(null), true, { idle: true })).toBeNull();
  });

  it('is nothing for a visit followed by another, or a session the researcher stopped', () => {
    for (const end of ['link', 'navigation', 'back_forward', 'reload', 'route_change', 'session_stopped'] as const) {
      expect(exitOf(ended(end), false), end).toBeNull();
    }
  });

  it('names idling first: the tab was closed long after the visitor had gone', () => {
    expect(exitOf(ended('tab_closed'), false, { idle: true })).toEqual({ reason: 'idle' });
  });

  it('idles out past the timeout from the settings', () => {
    expect(idledOut(0, 600_000, settings())).toBe(false);
    expect(idledOut(0, 600_001, settings())).toBe(true);
    expect(idledOut(0, 300_001, settings({ idleTimeoutMs: 300_000 }))).toBe(true);
  });
});
