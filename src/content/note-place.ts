import type { Role } from '../core/records/session';
import type { JourneyContext } from '../core/records/signal';

/** Where a note or report made now belongs, and the running session's role (null without a session). */
export interface NotePlace extends JourneyContext {
  role: Role | null;
}

export type PickMode = 'annotate' | 'feedback';
