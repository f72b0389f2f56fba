// A flag's row read on PostgreSQL (its layout and QueueItem mapping: ../flag-row.ts, as on SQLite),
// and the flag event every step appends: with its audit entry (all kinds but the feed's own:
// ../audit-entries.ts) and its place on the change feed.
import { coded, ContractError } from '../../../../../shared/errors';
import { QUEUE_COLUMNS, type FlagRow } from '../flag-row';
import type { Tx } from './pg-db';
import { auditDetailJson } from '../../../../../shared/audit-detail';
import { flagEventAudit } from '../audit-entries';

export async function flagRowOrNull(tx: Tx, id: string, lock = false): Promise<FlagRow | null> {
  const row = await tx.one<FlagRow & Record<string, unknown>>(
    `SELECT ${QUEUE_COLUMNS} FROM flags WHERE id = $1${lock ? ' FOR UPDATE' : ''}`,
    [id],
  );
  return row ?? null;
}

/** The flag, locked for this transaction's change (two desks acting at once take turns). */
export async function flagRow(tx: Tx, id: string, lock = true): Promise<FlagRow> {
  const row = await flagRowOrNull(tx, id, lock);
  if (!row) throw new ContractError('not_found', coded('flag.not_found', { id }), 'id');
  return row;
}

/** One step on a flag: the history (detail sealed, its audit form in clear), the audit, the change feed. */
export async function appendFlagEvent(
  tx: Tx,
  id: string,
  atMs: number,
  kind: string,
  actor: string | null,
  detail: object,
): Promise<void> {
  const detailJson = JSON.stringify(detail);
  await tx.run(
    `INSERT INTO flag_events (flag_id, at_ms, kind, actor, detail_audit, detail_sealed) VALUES ($1, $2, $3, $4, $5, $6)`,
    [
      id,
      atMs,
      kind,
      actor,
      auditDetailJson(detailJson),
      tx.crypto.seal(detailJson, eventAad(id, atMs, kind)),
    ],
  );
  tx.audit(flagEventAudit(id, atMs, kind, actor, detailJson));
  tx.flagChanged(id, kind === 'received');
}

/** A flag event's sealed detail is bound to its flag, time and kind (keyring.ts lists the same). */
export const eventAad = (id: string, atMs: number, kind: string) =>
  `flag_events.detail_json|${id}|${atMs}|${kind}`;

/** The events of a flag, their details opened (retention leaves only the audit form). */
export async function eventsOf(tx: Tx, id: string) {
  const rows = await tx.query<{
    seq: number;
    at_ms: number;
    kind: string;
    actor: string | null;
    detail_audit: string;
    detail_sealed: Buffer | null;
  }>(
    'SELECT seq, at_ms, kind, actor, detail_audit, detail_sealed FROM flag_events WHERE flag_id = $1 ORDER BY seq',
    [id],
  );
  return rows.map((e) => ({
    seq: e.seq,
    atMs: e.at_ms,
    kind: e.kind,
    actor: e.actor,
    detail: JSON.parse(
      e.detail_sealed === null
        ? e.detail_audit
        : tx.crypto.open(e.detail_sealed, eventAad(id, e.at_ms, e.kind)),
    ) as Record<string, unknown>,
  }));
}

/** Several events in one statement (a page's 'received' events): as appendFlagEvent, one round trip. */
export async function appendFlagEvents(
  tx: Tx,
  events: { id: string; atMs: number; kind: string; actor: string | null; detail: object }[],
): Promise<void> {
  if (events.length === 0) return;
  const json = events.map((e) => JSON.stringify(e.detail));
  await tx.run(
    `INSERT INTO flag_events (flag_id, at_ms, kind, actor, detail_audit, detail_sealed)
     SELECT * FROM unnest($1::text[], $2::bigint[], $3::text[], $4::text[], $5::text[], $6::bytea[])`,
    [
      events.map((e) => e.id),
      events.map((e) => e.atMs),
      events.map((e) => e.kind),
      events.map((e) => e.actor),
      json.map((j) => auditDetailJson(j)),
      events.map((e, i) => tx.crypto.seal(json[i]!, eventAad(e.id, e.atMs, e.kind))),
    ],
  );
  for (const [i, e] of events.entries()) {
    tx.audit(flagEventAudit(e.id, e.atMs, e.kind, e.actor, json[i]!));
    tx.flagChanged(e.id, e.kind === 'received');
  }
}
