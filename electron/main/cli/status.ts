// `lifeline status`: counts by state, quarantined records, cursors, feed health and the last day's
// alarm figures, from the embedded SQLite file or a shared PostgreSQL (no personal data either way).
// On PostgreSQL the feed's health is each core's own; status names the cores connected and which
// one polls, as the database server sees them.
import fs from 'node:fs';
import path from 'node:path';
import type { ParseArgsConfig } from 'node:util';
import { ContractError } from '../../../shared/errors';
import { resolveHostConfig, type HostConfig } from '../core/config/host-config';
import type { KeyProvider } from '../core/key/key-provider';
import { openAdminStore, openPostgresAdminStore } from '../core/open-admin-store';
import { DATABASE_FILE } from '../core/start-console';
import type { StoreAdmin } from '../core/store/store-admin';
import { HELP } from './help';
import { readHostStatus } from './host-status';

type Parse = (
  args: string[],
  extra: ParseArgsConfig['options'],
) => { flags: Record<string, string | boolean | undefined> };

async function openFor(
  config: HostConfig,
  keys: KeyProvider,
): Promise<{ store: StoreAdmin; database: string }> {
  if (config.databaseUrl) {
    const key = await keys.obtain({ databaseExists: true });
    try {
      return {
        store: await openPostgresAdminStore(config.databaseUrl, key, { createIfMissing: false }),
        database: 'PostgreSQL',
      };
    } finally {
      key.fill(0);
    }
  }
  const file = path.join(config.dataDir, DATABASE_FILE);
  if (!(fs.existsSync(file) && fs.statSync(file).size > 0))
    throw new ContractError('not_found', `No database in ${config.dataDir}.`);
  const key = await keys.obtain({ databaseExists: true });
  return { store: openAdminStore(file, key, { createIfMissing: false }), database: file };
}

export async function statusCommand(
  args: string[],
  parse: Parse,
  keyProviderFor: (config: HostConfig) => KeyProvider,
): Promise<number> {
  const { flags } = parse(args, {
    json: { type: 'boolean' },
    training: { type: 'boolean' },
    'database-url': { type: 'string' },
  });
  if (flags.help) {
    console.log(HELP.status);
    return 0;
  }
  const config = resolveHostConfig(flags, process.env);
  const { store, database } = await openFor(config, keyProviderFor(config));
  let report;
  try {
    report = {
      database,
      ...(await store.status()),
      // The embedded store's host writes its feed health beside the database; a shared store's
      // cores each have their own, and the cores list says which one polls.
      feedHealth: config.databaseUrl ? null : readHostStatus(path.join(config.dataDir, 'host-status.json')),
      cores: await store.coreSessions(),
      alarmsLast24h: await store.alarmKpis(Date.now() - 24 * 3600_000, Date.now(), flags.training === true),
    };
  } finally {
    await store.close();
  }
  if (flags.json) console.log(JSON.stringify(report, null, 2));
  else {
    const s = report.flagsByState;
    console.log(`database ${report.database} (${report.engine} schema ${report.version})`);
    console.log(
      `flags: ${s.new} new, ${s.acknowledged} acknowledged, ${s.dispatched} dispatched, ${s.closed} closed; ${report.withdrawn} withdrawn`,
    );
    console.log(`quarantined records: ${report.quarantined}`);
    for (const c of report.cursors)
      console.log(
        `cursor ${c.feedKey}: ${c.cursor ?? '(none)'} at ${new Date(c.committedAtMs).toISOString()}`,
      );
    if (report.cores === null)
      console.log(`feed health: ${report.feedHealth ? report.feedHealth.state : 'no host running'}`);
    else if (report.cores.length === 0) console.log('cores: none connected — nobody polls the feed');
    else
      for (const c of report.cores)
        console.log(
          `core ${c.name}: ${c.polling ? 'POLLING the feed' : 'waiting'} (connected since ${new Date(c.sinceMs).toISOString()}${c.address ? ` from ${c.address}` : ''})`,
        );
    const k = report.alarmsLast24h;
    console.log(
      `alarms in the last 24 h: ${k.alarms} (${k.alarmsPer10Min.toFixed(2)} per 10 min), flood ${(k.floodShare * 100).toFixed(1)} % of the time, ${k.silences} silences`,
    );
  }
  return 0;
}
