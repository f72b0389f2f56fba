// The store behind an async interface: the Electron shell runs it in a worker thread, tests run it
// in-process, and a shared PostgreSQL backend for several desks can implement the same interface.
import type { FeedFlag } from '../../../../shared/feed/flag-schema';
import type { FlagDetail, FlagState, QueueItem } from '../../../../shared/domain';

export interface ValidFlagInput {
  flag: FeedFlag;
  /** The record exactly as it came (JSON text), unknown fields included. */
  rawJson: string;
}

export interface QuarantineInput {
  field: string;
  rule: string;
  rawText: string;
  idHint: string | null;
}

export interface CommitPageInput {
  /** Which cursor this page advances (one per configured feed). */
  feedKey: string;
  /** The page's next_cursor; null for a file import, which has no cursor. */
  nextCursor: string | null;
  flags: ValidFlagInput[];
  quarantined: QuarantineInput[];
  training: boolean;
  source: string;
  receivedAtMs: number;
}

export interface CommitPageResult {
  inserted: number;
  revised: number;
  duplicates: number;
  /** Older revisions arriving after a newer one: recorded in the history, not applied. */
  stale: number;
  quarantined: number;
  /** Queue items whose platform fields changed, for pushing to the views. */
  changed: QueueItem[];
}

export interface StoreStatus {
  schemaVersion: number;
  flagsByState: Record<FlagState, number>;
  withdrawn: number;
  quarantined: number;
  cursors: { feedKey: string; cursor: string | null; committedAtMs: number }[];
}

export interface Store {
  commitPage(input: CommitPageInput): Promise<CommitPageResult>;
  getCursor(feedKey: string): Promise<string | null>;
  listOpenQueue(): Promise<QueueItem[]>;
  getFlagDetail(id: string): Promise<FlagDetail | null>;
  acknowledge(id: string, operator: string, atMs: number): Promise<QueueItem>;
  status(): Promise<StoreStatus>;
  close(): Promise<void>;
}
