/** The part of PouchDB 9's API the team sync uses (the packages ship no types). */
declare module 'pouchdb-core' {
  export interface Doc {
    _id: string;
    _rev?: string;
    _deleted?: boolean;
    _conflicts?: string[];
    _attachments?: Record<string, { content_type?: string; data?: Blob; stub?: boolean; digest?: string }>;
    _revisions?: { start: number; ids: string[] };
    [field: string]: unknown;
  }
  export interface Change {
    id: string;
    seq: number | string;
    deleted?: boolean;
    doc?: Doc;
  }
  export interface ReplicationInfo {
    direction?: 'push' | 'pull';
    change?: { pending?: number; docs_written?: number };
  }
  export interface Replication {
    on(event: 'change', listener: (info: ReplicationInfo) => void): Replication;
    on(event: 'paused', listener: (error?: unknown) => void): Replication;
    on(event: 'active', listener: () => void): Replication;
    on(event: 'denied' | 'error' | 'requestError', listener: (error: unknown) => void): Replication;
    on(event: 'complete', listener: (info: unknown) => void): Replication;
    cancel(): void;
    /** A two-way sync's directions. */
    push?: Replication;
    pull?: Replication;
  }
  export interface Options {
    auth?: { username: string; password: string };
    skip_setup?: boolean;
    auto_compaction?: boolean;
    fetch?: (url: string, init: RequestInit) => Promise<Response>;
  }
  export default class PouchDB {
    constructor(name: string, options?: Options & { adapter?: string });
    static plugin(plugin: unknown): typeof PouchDB;
    static sync(local: PouchDB, remote: PouchDB, options: Record<string, unknown>): Replication;
    static replicate(source: PouchDB, target: PouchDB, options: Record<string, unknown>): Replication & Promise<unknown>;
    info(): Promise<{ doc_count: number; update_seq: number | string }>;
    get(id: string, options?: { rev?: string; conflicts?: boolean; attachments?: boolean; binary?: boolean }): Promise<Doc>;
    put(doc: Doc): Promise<{ ok: boolean; id: string; rev: string }>;
    remove(id: string, rev: string): Promise<unknown>;
    bulkDocs(docs: Doc[], options?: { new_edits?: boolean }): Promise<Array<{ ok?: boolean; id?: string; rev?: string; error?: string; status?: number }>>;
    allDocs(options: { include_docs?: boolean; conflicts?: boolean; startkey?: string; endkey?: string; limit?: number; skip?: number }): Promise<{
      total_rows: number;
      rows: Array<{ id: string; value: { rev: string; deleted?: boolean }; doc?: Doc }>;
    }>;
    changes(options: { since: number | string; include_docs?: boolean; conflicts?: boolean; limit?: number }): Promise<{ results: Change[]; last_seq: number | string }>;
    getAttachment(docId: string, name: string): Promise<Blob>;
    close(): Promise<void>;
    destroy(): Promise<void>;
  }
}

declare module 'pouchdb-adapter-indexeddb' {
  const plugin: unknown;
  export default plugin;
}
declare module 'pouchdb-adapter-http' {
  const plugin: unknown;
  export default plugin;
}
declare module 'pouchdb-replication' {
  const plugin: unknown;
  export default plugin;
}
