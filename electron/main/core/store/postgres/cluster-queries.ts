// Which cores are connected to this database and which one polls, as the server sees it: each core's
// lease session is named `lifeline-lease:<core>` (pg-cluster.ts), and the polling one holds the
// poller's advisory lock. For `lifeline status` on PostgreSQL; no personal data is involved.
import type { CoreSession } from '../store-admin';
import { POLLER_LOCK_CLASS } from './pg-cluster';
import type { PgDb } from './pg-db';

export async function coreSessions(db: PgDb): Promise<CoreSession[]> {
  const { rows } = await db.pool.query<{
    name: string;
    address: string | null;
    since: number;
    polling: boolean;
  }>(
    `SELECT substr(a.application_name, length('lifeline-lease:') + 1) AS name,
            host(a.client_addr) AS address,
            (extract(epoch FROM a.backend_start) * 1000)::bigint AS since,
            EXISTS (SELECT 1 FROM pg_locks l
                    WHERE l.pid = a.pid AND l.locktype = 'advisory' AND l.classid = $1
                      AND l.objsubid = 2 AND l.granted) AS polling
     FROM pg_stat_activity a
     WHERE a.datname = current_database() AND a.application_name LIKE 'lifeline-lease:%'
     ORDER BY polling DESC, name`,
    [POLLER_LOCK_CLASS],
  );
  return rows.map((r) => ({
    name: r.name,
    address: r.address,
    sinceMs: Number(r.since),
    polling: r.polling,
  }));
}
