// The queue on PostgreSQL: the open queue, the change feed, a flag's detail, acknowledgement, and the
// store's status. Mirrors sqlite-store.ts; the queue's order is shared/queue-order.ts's.
import { compareQueueItems } from '../../../../../shared/queue-order';
import { caseNoOf } from '../../../../../shared/case-number';
import { coded, ContractError } from '../../../../../shared/errors';
import type { FlagDetail, FlagState, QuarantinedRecord, QueueItem } from '../../../../../shared/domain';
import type { RoutableLocation, Route } from '../../../../../shared/routing/route';
import { routeColumns } from '../platform-columns';
import type { StoreChanges, StoreStatus } from '../store';
import { QUEUE_COLUMNS, relatedFlagOf, toQueueItem, type FlagRow, type RelatedFlagRow } from '../flag-row';
import { appendFlagEvent, eventsOf, flagRowOrNull } from './pg-flag-rows';
import type { Tx } from './pg-db';
import { personalAad } from './ingest-queries';

type Flag = FlagRow & Record<string, unknown>;

/** Open flags, and closed ones with a check-in due: each half on its partial index. Plan tested. */
export const PG_OPEN_QUEUE_SQL = `SELECT ${QUEUE_COLUMNS} FROM flags WHERE state <> 'closed' AND training = $1
   UNION ALL
   SELECT ${QUEUE_COLUMNS} FROM flags WHERE follow_up_sequence IS NOT NULL AND state = 'closed' AND training = $1`;

/** The flags changed after a position, up to the horizon read in the same snapshot. Plan tested. */
export const PG_CHANGED_SINCE_SQL = `SELECT ${QUEUE_COLUMNS}, c.received FROM
   (SELECT flag_id, bool_or(received) AS received FROM flag_changes WHERE pos > $1 AND pos <= $2 GROUP BY flag_id) c
   JOIN flags ON flags.id = c.flag_id WHERE flags.training = $3`;

export async function getCursor(tx: Tx, feedKey: string): Promise<string | null> {
  const row = await tx.one<{ cursor: string | null }>('SELECT cursor FROM feed_cursors WHERE feed_key = $1', [
    feedKey,
  ]);
  return row?.cursor ?? null;
}

export async function listOpenQueue(tx: Tx, training: boolean): Promise<QueueItem[]> {
  const rows = await tx.query<Flag>(PG_OPEN_QUEUE_SQL, [training ? 1 : 0]);
  return rows.map(toQueueItem).sort(compareQueueItems);
}

/**
 * The change feed (contract in store.ts). Positions are taken at commit under the commit-order lock
 * (pg-db.ts), so they are in commit order: in one snapshot (REPEATABLE READ, read-only), every
 * position at or below the horizon has committed, and every change still in flight will get a
 * position above it. Calling again from the horizon never skips a change.
 */
export async function changesSince(tx: Tx, eventSeq: number, training: boolean): Promise<StoreChanges> {
  const head = await tx.one<{ pos: number | null }>('SELECT max(pos) AS pos FROM flag_changes');
  const horizon = head?.pos ?? 0;
  const rows =
    eventSeq < 0 || horizon <= eventSeq
      ? []
      : await tx.query<Flag & { received: boolean }>(PG_CHANGED_SINCE_SQL, [
          eventSeq,
          horizon,
          training ? 1 : 0,
        ]);
  return {
    items: rows.map(toQueueItem),
    insertedIds: rows.filter((r) => r.received).map((r) => r.id),
    lastEventSeq: horizon,
  };
}

export async function getFlagDetail(tx: Tx, id: string): Promise<FlagDetail | null> {
  const row = await flagRowOrNull(tx, id);
  if (!row) return null;
  const related = await tx.query<RelatedFlagRow & Record<string, unknown>>(
    `SELECT seq, id, risk, state, flagged_at_ms, outcome FROM flags
     WHERE subject_key = (SELECT subject_key FROM flags WHERE id = $1) AND id <> $1
     ORDER BY flagged_at_ms DESC LIMIT 50`,
    [id],
  );
  return {
    ...toQueueItem(row),
    events: await eventsOf(tx, id),
    related: related.map(relatedFlagOf),
  };
}

export async function acknowledge(tx: Tx, id: string, operator: string, atMs: number): Promise<QueueItem> {
  const changes = await tx.run(
    `UPDATE flags SET state = 'acknowledged', acknowledged_by = $1, acknowledged_at_ms = $2 WHERE id = $3 AND state = 'new'`,
    [operator, atMs, id],
  );
  if (changes === 0) {
    const raise = await tx.run(
      `UPDATE flags SET raise_acknowledged_at_ms = $1 WHERE id = $2 AND risk_raised_at_ms IS NOT NULL
         AND (raise_acknowledged_at_ms IS NULL OR raise_acknowledged_at_ms < risk_raised_at_ms)`,
      [atMs, id],
    );
    if (raise === 1) {
      const raised = (await flagRowOrNull(tx, id))!;
      await appendFlagEvent(tx, id, atMs, 'risk_raise_acknowledged', operator, { risk: raised.risk });
      return toQueueItem(raised);
    }
  }
  const row = await flagRowOrNull(tx, id);
  if (!row) throw new ContractError('not_found', coded('flag.not_found', { id }), 'id');
  if (changes === 0) {
    const taken = row.acknowledged_by
      ? coded('flag.taken_by', { caseNo: caseNoOf(row.seq), state: row.state, by: row.acknowledged_by })
      : coded('flag.taken', { caseNo: caseNoOf(row.seq), state: row.state });
    throw new ContractError('conflict', taken, 'id');
  }
  await appendFlagEvent(tx, id, atMs, 'acknowledged', operator, { from: 'new', to: 'acknowledged' });
  return toQueueItem(row);
}

export async function status(tx: Tx, version: string): Promise<StoreStatus> {
  const flagsByState: Record<FlagState, number> = { new: 0, acknowledged: 0, dispatched: 0, closed: 0 };
  for (const r of await tx.query<{ state: FlagState; n: number }>(
    'SELECT state, count(*)::int AS n FROM flags GROUP BY state',
  ))
    flagsByState[r.state] = r.n;
  const count = async (sql: string) => (await tx.one<{ n: number }>(sql))?.n ?? 0;
  const cursors = await tx.query<{ feed_key: string; cursor: string | null; committed_at_ms: number }>(
    'SELECT feed_key, cursor, committed_at_ms FROM feed_cursors',
  );
  return {
    engine: 'postgres',
    version,
    flagsByState,
    withdrawn: await count(`SELECT count(*)::int AS n FROM flags WHERE status = 'withdrawn'`),
    quarantined: await count('SELECT count(*)::int AS n FROM quarantine'),
    cursors: cursors.map((c) => ({
      feedKey: c.feed_key,
      cursor: c.cursor,
      committedAtMs: c.committed_at_ms,
    })),
  };
}

export async function listQuarantine(tx: Tx, limit: number): Promise<QuarantinedRecord[]> {
  return tx.query<QuarantinedRecord & Record<string, unknown>>(
    `SELECT seq, received_at_ms AS "receivedAtMs", source, field, rule, id_hint AS "idHint", raw_sha256 AS "rawSha256"
     FROM quarantine ORDER BY seq DESC LIMIT $1`,
    [limit],
  );
}

export async function countQuarantined(tx: Tx): Promise<number> {
  return (await tx.one<{ n: number }>('SELECT count(*)::int AS n FROM quarantine'))!.n;
}

/** Routing was there from this engine's first schema: a flag without a route is one a core stored unrouted. */
export async function listUnroutedFlags(
  tx: Tx,
): Promise<{ id: string; location: RoutableLocation | null }[]> {
  const rows = await tx.query<{ id: string; location_sealed: Buffer | null }>(
    `SELECT f.id, p.location_sealed FROM flags f LEFT JOIN flag_personal p ON p.flag_id = f.id
     WHERE f.route_outcome IS NULL`,
  );
  return rows.map((r) => {
    const json = tx.crypto.open(r.location_sealed, personalAad('location_json', r.id));
    return { id: r.id, location: json === null ? null : (JSON.parse(json) as RoutableLocation) };
  });
}

export async function setFlagRoutes(tx: Tx, routes: { id: string; route: Route }[]): Promise<void> {
  for (const { id, route } of routes) {
    const c = routeColumns(route);
    await tx.run(
      `UPDATE flags SET district_key = $2, route_outcome = $3, unit_key = $4, route_basis = $5,
         route_confidence = $6, route_candidates = $7 WHERE id = $1`,
      [
        id,
        c.district_key,
        c.route_outcome,
        c.unit_key,
        c.route_basis,
        c.route_confidence,
        c.route_candidates,
      ],
    );
  }
}
