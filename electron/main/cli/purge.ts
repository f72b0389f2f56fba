// `lifeline purge`: the retention purge, now (the running core also does it every hour). Prints
// counts only — never a flag's content — so its output may go into a logbook.
import { ContractError } from '../../../shared/errors';
import { DAY_MS, DEFAULT_RETENTION_MS } from '../core/retention/retention-policy';
import { purgeUntilDone } from '../core/retention/purge-until-done';
import { authenticateActor } from './authenticate';
import { DATABASE_OPTIONS_HELP, openStoreForCommand, parseCommand, requiredBy } from './open-for-command';

export const PURGE_HELP = `Usage: lifeline purge --by NAME [--older-than-days N] [options]

Erases the personal fields of flags closed more than N days ago (default ${DEFAULT_RETENTION_MS / DAY_MS}): their subject,
content, location, institution and raw record, the subject key that links repeat flags, and the
text typed about them (close and check-in notes, dispatch and reveal reasons, kept as their
length). Quarantined records received before then lose their raw text. The flag itself (case
number, risk, district, unit, times, outcome), its events, dispatches and the audit trail stay.
A flag whose welfare check-in is not done yet is kept until it is. Each erased flag is recorded
in the audit trail (flag.personal_erased) with --by. Deleted content is overwritten and the WAL
checkpointed and truncated, so no copy is left in the file.

  --older-than-days N     1–3650 (default ${DEFAULT_RETENTION_MS / DAY_MS})
  --by NAME               who runs it (a supervisor or administrator), recorded in the audit trail
${DATABASE_OPTIONS_HELP}`;

export async function purgeCommand(args: string[]): Promise<number> {
  const values = parseCommand('purge', args, {
    'older-than-days': { type: 'string' },
    by: { type: 'string' },
  });
  if (values.help) {
    console.log(PURGE_HELP);
    return 0;
  }
  const by = requiredBy(values);
  const daysText = values['older-than-days'];
  const days = typeof daysText === 'string' ? Number(daysText) : DEFAULT_RETENTION_MS / DAY_MS;
  if (!Number.isInteger(days) || days < 1 || days > 3650)
    throw new ContractError('invalid_request', '--older-than-days: a whole number of days, 1–3650.');
  const { admin, file } = await openStoreForCommand(values);
  try {
    const actor = await authenticateActor(admin, by, ['supervisor', 'administrator'], 'purge');
    const { last: r, ...erased } = await purgeUntilDone(admin, days * DAY_MS, Date.now(), actor);
    console.log(`database ${file}`);
    console.log(`flags closed before ${new Date(r.cutoffMs).toISOString()} (${days} days):`);
    console.log(
      `  personal fields erased: ${erased.flags} flags (${erased.rows} personal records, ` +
        `${erased.events} events reduced, ${erased.notes} notes and reasons)`,
    );
    console.log(`  kept until their welfare check-in is done: ${r.deferred} flags`);
    console.log(`quarantined records whose raw text was erased: ${r.quarantineErased}`);
    console.log(
      r.walTruncated
        ? 'write-ahead log: checkpointed and truncated'
        : 'write-ahead log: NOT yet truncated (another process is reading); run purge again when it is idle',
    );
    return 0;
  } finally {
    await admin.close();
  }
}
