// `lifeline export`: the audit entries of a time range, for an inquiry, as JSON lines — a header,
// one line per entry (every field, hashes included), and a trailer with the chain's hashes — so
// the range can be checked without the database: each entry's hash is SHA-256 over
// JSON.stringify([seq, prev_hash, at, at_ms, actor, desk, action, target, outcome, detail_json])
// (core/audit/audit-chain.ts), and each entry's prev_hash is the hash of the entry before it.
// The export is itself recorded in the trail (audit.exported, with the range and the count), in the
// same transaction as the read. Audit entries hold codes, numbers and lengths, never a subject's
// details (core/audit/audit-detail.ts).
import fs from 'node:fs';
import { ContractError } from '../../../shared/errors';
import { authenticateActor } from './authenticate';
import { DATABASE_OPTIONS_HELP, openStoreForCommand, parseCommand, requiredBy } from './open-for-command';

export const EXPORT_HELP = `Usage: lifeline export --from ISO --to ISO --by NAME [--out FILE] [options]

Writes the audit entries with from ≤ time < to (ISO 8601, e.g. 2027-06-01T00:00:00Z) as JSON lines:
a header, one line per entry with its hashes, and a trailer with the first entry's prev_hash, the
last entry's hash and the chain's head, so the range can be checked against the chain (hash =
SHA-256 of JSON [seq, prev_hash, at, at_ms, actor, desk, action, target, outcome, detail_json]).
The export is recorded in the audit trail (audit.exported) with --by. No personal data: entries
hold codes, numbers and the length of any typed text.

  --from ISO              start of the range (inclusive)
  --to ISO                end of the range (exclusive)
  --by NAME               who exports it (a supervisor or administrator), recorded in the audit trail
  --out FILE              write there (mode 0600, never over an existing file); default: stdout
${DATABASE_OPTIONS_HELP}`;

function isoTime(name: string, value: string | boolean | undefined): number {
  const ms =
    typeof value === 'string' && /^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:\d{2})?)?$/.test(value)
      ? Date.parse(value)
      : NaN;
  if (!Number.isFinite(ms))
    throw new ContractError(
      'invalid_request',
      `--${name}: an ISO 8601 time, e.g. 2027-06-01T00:00:00Z.`,
      name,
    );
  return ms;
}

export async function exportCommand(args: string[]): Promise<number> {
  const values = parseCommand('export', args, {
    from: { type: 'string' },
    to: { type: 'string' },
    by: { type: 'string' },
    out: { type: 'string' },
  });
  if (values.help) {
    console.log(EXPORT_HELP);
    return 0;
  }
  const fromMs = isoTime('from', values.from);
  const toMs = isoTime('to', values.to);
  if (toMs <= fromMs) throw new ContractError('invalid_request', '--to must be after --from.', 'to');
  const by = requiredBy(values);
  const out = typeof values.out === 'string' ? values.out : null;
  if (out !== null && fs.existsSync(out))
    throw new ContractError('conflict', `${out} exists already; an export never overwrites a file.`);
  const from = new Date(fromMs).toISOString();
  const to = new Date(toMs).toISOString();

  const { admin } = await openStoreForCommand(values);
  let lines: string[];
  let count: number;
  try {
    const actor = await authenticateActor(admin, by, ['supervisor', 'administrator', 'auditor'], 'export');
    const exportedAtMs = Date.now();
    // The read, its record in the trail (audit.exported) and the chain's check: one transaction.
    const { entries, chain, head } = await admin.exportAudit({
      fromMs,
      toMs,
      actor,
      atMs: exportedAtMs,
      detail: { from, to },
    });
    // Seq numbers in the range that are not consecutive: entries of other times lie between
    // them (an event recorded with an earlier time), which the chain covers but the range not.
    const breaks = entries.slice(1).filter((e, i) => e.seq !== entries[i]!.seq + 1).length;
    const header = {
      export: 'lifeline-audit',
      version: 1,
      from,
      to,
      exportedBy: by,
      exportedAt: new Date(exportedAtMs).toISOString(),
      hash: 'sha256(JSON.stringify([seq, prev_hash, at, at_ms, actor, desk, action, target, outcome, detail_json]))',
    };
    const trailer = {
      entries: entries.length,
      firstSeq: entries[0]?.seq ?? null,
      lastSeq: entries.at(-1)?.seq ?? null,
      firstPrevHash: entries[0]?.prev_hash ?? null,
      lastHash: entries.at(-1)?.hash ?? null,
      seqBreaks: breaks,
      chain: chain.ok
        ? { ok: true, entries: chain.entries }
        : { ok: false, firstBrokenSeq: chain.firstBrokenSeq, reason: chain.reason },
      // The entry recording this export: note its hash outside the store.
      head,
    };
    count = entries.length;
    lines = [header, ...entries, trailer].map((line) => JSON.stringify(line));
  } finally {
    await admin.close();
  }
  const text = lines.join('\n') + '\n';
  if (out === null) process.stdout.write(text);
  else {
    fs.writeFileSync(out, text, { flag: 'wx', mode: 0o600 });
    console.log(`exported ${count} audit entries (${from} … ${to}) to ${out}; recorded in the audit trail`);
  }
  return 0;
}
