// `lifeline import FILE.ndjson --by NAME`: flags brought in by hand when the feed is down. A second
// way in beside the feed — a line with a higher revision can replace a flag's subject or withdraw
// it — so it is an account's act like any other: --by names it, its password proves it, its role
// must allow it (shared/command-access.ts), the flags' events carry its name, and one audit entry
// holds the file's SHA-256 and the counts. Quarantined lines are listed by number, field and rule,
// never by content (they may hold a subject's details).
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { optionError } from './option-error';
import { COMMAND_ACCESS } from '../../../shared/command-access';
import { ContractError } from '../../../shared/errors';
import { importNdjson, type ImportSummary } from '../core/ingest/ndjson-import';
import { authenticateActor } from './authenticate';
import {
  DATABASE_OPTIONS_HELP,
  openStoreForCommand,
  requiredBy,
  type CommandValues,
} from './open-for-command';

/** Exit code when some lines were quarantined: the same file gives it every time. */
export const EXIT_QUARANTINED = 3;

export const IMPORT_HELP = `Usage: lifeline import FILE.ndjson --by NAME [--training] [options]

One FLAG object per line. Same validation, quarantine and idempotence as the feed. Writes into an
existing database as an account: --by NAME (${COMMAND_ACCESS.import.join(' or ')}), its password
from LIFELINE_PASSWORD, typed without echo, or on stdin. The flags' events carry that name; the audit
trail gets one import.file entry with the file's SHA-256 and the counts.
Each quarantined line is listed by its number, the field and the rule it broke (never its content).
Exit code ${EXIT_QUARANTINED} when the file has quarantined lines (on every import of that file, also when they
were quarantined before).

  --by NAME               who imports (a supervisor or administrator account)
  --training              mark the imported flags TRAINING
${DATABASE_OPTIONS_HELP}`;

function parse(args: string[]): { values: CommandValues; positionals: string[] } {
  try {
    const parsed = parseArgs({
      args,
      options: {
        by: { type: 'string' },
        training: { type: 'boolean' },
        'data-dir': { type: 'string' },
        'key-file': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      allowPositionals: true,
      strict: true,
    });
    return { values: parsed.values as CommandValues, positionals: parsed.positionals };
  } catch (error) {
    throw optionError('import', error);
  }
}

export function formatImportReport(file: string, by: string, summary: ImportSummary): string {
  const before =
    summary.quarantinedBefore > 0 ? ` (${summary.quarantinedBefore} of them quarantined before)` : '';
  return [
    `imported ${path.basename(file)}: ${summary.inserted} new, ${summary.revised} revised, ` +
      `${summary.duplicates} already stored, ${summary.stale} older revisions, ${summary.quarantined} quarantined${before}`,
    ...summary.quarantinedLines.map((q) => `  line ${q.line}: ${q.field}: ${q.rule}`),
    `file sha256 ${summary.sha256}; recorded in the audit trail (import.file, by ${by})`,
  ].join('\n');
}

export async function importCommand(args: string[]): Promise<number> {
  const { values, positionals } = parse(args);
  if (values.help) {
    console.log(IMPORT_HELP);
    return 0;
  }
  const by = requiredBy(values);
  if (positionals.length !== 1)
    throw new ContractError('invalid_request', 'import takes exactly one FILE.ndjson.');
  const file = positionals[0]!;
  if (!fs.existsSync(file) || !fs.statSync(file).isFile())
    throw new ContractError('not_found', `No file ${file}.`);
  // Never creates a database: an import needs accounts, so a running installation.
  const { admin } = await openStoreForCommand(values);
  try {
    const actor = await authenticateActor(admin, by, COMMAND_ACCESS.import, 'import flags');
    const summary = await importNdjson(file, admin, {
      now: Date.now,
      training: values.training === true,
      actor,
    });
    console.log(formatImportReport(file, actor, summary));
    return summary.quarantined > 0 ? EXIT_QUARANTINED : 0;
  } finally {
    await admin.close();
  }
}
