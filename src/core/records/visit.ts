import { z } from 'zod';
import { Id, Timestamp } from './common';

/**
 * How the page was entered: navigation timing's type, an SPA route change (`page_route`: one the page made on its
 * own, with no input from the person in the second before — a redirect, a timer), or the session starting on it.
 */
export const Arrival = z.enum(['navigate', 'reload', 'back_forward', 'route_change', 'page_route', 'session_start']);
export type Arrival = z.infer<typeof Arrival>;

export const VisitEnd = z.enum(['link', 'navigation', 'back_forward', 'reload', 'route_change', 'left_scope', 'tab_closed', 'session_stopped']);
export type VisitEnd = z.infer<typeof VisitEnd>;

/** One stay on a touchpoint. `url` carries no query and no plain fragment: typed text and tokens live there. */
export const Visit = z.strictObject({
  id: Id,
  studyId: Id,
  sessionId: Id,
  tabId: z.number().int(),
  url: z.url({ protocol: /^https?$/ }).max(2000),
  title: z.string().max(300),
  pageKey: z.string().max(1000),
  stageId: Id.nullable(),
  ruleId: Id.nullable(),
  arrival: Arrival,
  enteredAt: Timestamp,
  leftAt: Timestamp.nullable(),
  /** Deepest point of the page seen, 0…1 of its scrollable height. */
  maxScrollDepth: z.number().min(0).max(1),
  endedBy: VisitEnd.nullable(),
  /** Route changes the page made on its own during the visit, folded into it (a route storm is one visit). */
  routesFolded: z.number().int().min(1).max(1_000_000).optional(),
});
export type Visit = z.infer<typeof Visit>;
