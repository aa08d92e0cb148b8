import { z } from 'zod';
import { Id } from '../records/common';
import type { SyncKind } from './doc';

/** CouchDB's rule for database names. */
const DATABASE = /^[a-z][a-z0-9_$()+/-]*$/;

/**
 * Where one study syncs to. Kept in the worker's `storage.local`, never in IndexedDB, so no export carries the
 * credentials; the options page never reads the password back.
 */
export const SyncSettings = z.strictObject({
  studyId: Id,
  /** The server, e.g. https://couch.example.com (no database, no credentials in it). */
  url: z
    .url({ protocol: /^https?$/ })
    .max(500)
    .refine((url) => {
      const parsed = new URL(url);
      return !parsed.username && !parsed.password && !parsed.search && !parsed.hash;
    }, 'A server address without credentials, query or fragment'),
  database: z.string().max(238).regex(DATABASE, 'Lowercase letters, digits and _$()+-/, starting with a letter'),
  username: z.string().max(200),
  password: z.string().max(500),
  /** Screenshots are sent only when ticked (they show the pages walked). */
  screenshots: z.boolean(),
});
export type SyncSettings = z.infer<typeof SyncSettings>;

/** The database's address: the server's, with the database name appended. */
export function databaseUrl(settings: Pick<SyncSettings, 'url' | 'database'>): string {
  return `${settings.url.replace(/\/+$/, '')}/${encodeURIComponent(settings.database)}`;
}

/** The origin to ask a host permission for. */
export const serverOrigin = (url: string): string => `${new URL(url).origin}/*`;

/** Why syncing stopped, in words a person can act on (options page, side panel). */
export type SyncError = 'auth' | 'offline' | 'refused' | 'other';

export interface SyncConflict {
  docId: string;
  kind: SyncKind;
  /** The version every copy shows now (CouchDB's deterministic winner) and the ones that lost. */
  winner: { rev: string; label: string };
  others: { rev: string; label: string }[];
}

export interface SyncStatus {
  studyId: string;
  url: string;
  database: string;
  screenshots: boolean;
  username: string;
  state: 'starting' | 'syncing' | 'idle' | 'error';
  lastSyncAt: number | null;
  /** Changes not yet sent or applied, as the replication last counted them. */
  pending: number;
  error: SyncError | null;
  /** The first sync of a study: documents applied of those the server holds. */
  progress: { done: number; total: number } | null;
  /** Documents refused (bad schema, another study's ids): reported, never stored. */
  refused: { id: string; reason: string }[];
  conflicts: SyncConflict[];
}

/** What the side panel shows in one line. */
export type SyncLine = Pick<SyncStatus, 'studyId' | 'state' | 'lastSyncAt' | 'pending' | 'error'> & { conflicts: number; refused: number };

export const syncLine = (status: SyncStatus): SyncLine => ({
  studyId: status.studyId,
  state: status.state,
  lastSyncAt: status.lastSyncAt,
  pending: status.pending,
  error: status.error,
  conflicts: status.conflicts.length,
  refused: status.refused.length,
});

/** A replication error as one of the words above: HTTP status first, then what a failed fetch looks like. */
export function syncErrorOf(error: unknown): SyncError {
  const status = typeof error === 'object' && error !== null ? (error as { status?: unknown }).status : undefined;
  if (status === 401) return 'auth';
  if (status === 403 || status === 400 || status === 404 || status === 413 || status === 415) return 'refused';
  const text = String((error as { message?: unknown } | null)?.message ?? error);
  if (status === undefined || status === 0 || /Failed to fetch|NetworkError|ECONNREFUSED/i.test(text)) return 'offline';
  return 'other';
}
