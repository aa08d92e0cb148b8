import type { SyncError } from '../core/sync/settings';

/** A team sync's state and error in the person's words (options page and side panel). */
export const SYNC_STATE_KEYS = { starting: 'syncStateStarting', syncing: 'syncStateSyncing', idle: 'syncStateIdle', error: 'syncStateError' } as const;
export const SYNC_ERROR_KEYS: Record<SyncError, 'syncErrorAuth' | 'syncErrorOffline' | 'syncErrorRefused' | 'syncErrorOther'> = {
  auth: 'syncErrorAuth',
  offline: 'syncErrorOffline',
  refused: 'syncErrorRefused',
  other: 'syncErrorOther',
};
