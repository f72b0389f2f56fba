// `lifeline verify`: is the database sound, and is its audit trail whole? It prints check names,
// counts, seq numbers, times and hashes only — never a row's content, so its output may be pasted
// into a ticket or a logbook.
import type { SqliteDatabase } from '../core/store/sqlite/open-database';
import { missingAuditTriggers, verifyAuditChain, type AuditVerification } from '../core/audit/audit-chain';
import { checkAnchors, type AnchorCheck } from '../core/audit/audit-anchors';
import type { PostgresVerifyReport } from '../core/open-admin-store';

export interface VerifyReport {
  ok: boolean;
  schemaVersion: number;
  integrity: string[];
  cipherIntegrity: string[];
  /** Pages in use that were read, so decrypted and checked against their HMAC. */
  pagesRead: number;
  audit: AuditVerification;
  missingTriggers: string[];
  /** The signed handovers' anchors and those given with --anchor, each found in the trail or not. */
  anchors: AnchorCheck[];
}

/** Problems SQLite reports are listed up to this many (a badly damaged file reports thousands). */
const MAX_LISTED = 10;

/** SQLite's own words for a failure (they name pages and tables, never row values). */
function failureText(error: unknown): string {
  const code = (error as { code?: string }).code;
  return code?.startsWith('SQLITE_') ? `${code}: ${(error as Error).message}` : 'unexpected failure';
}

export function verifyDatabase(db: SqliteDatabase, givenAnchors: readonly string[] = []): VerifyReport {
  let pagesRead = 0;
  const cipherIntegrity = attempt(() => {
    const found = cipherIntegrityCheck(db);
    pagesRead = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM dbstat').get()!.n;
    return found;
  });
  const integrity = attempt(() =>
    (db.pragma('integrity_check') as { integrity_check: string }[])
      .map((r) => r.integrity_check)
      .filter((m) => m !== 'ok'),
  );
  let audit: AuditVerification;
  let missingTriggers: string[];
  let anchors: AnchorCheck[] = [];
  try {
    audit = verifyAuditChain(db);
    missingTriggers = missingAuditTriggers(db);
    anchors = checkAnchors(db, givenAnchors);
  } catch (error) {
    audit = {
      ok: false,
      entries: 0,
      firstBrokenSeq: 0,
      firstBrokenAt: '?',
      reason: `unreadable (${failureText(error)})`,
    };
    missingTriggers = [];
  }
  return {
    ok:
      integrity.length === 0 &&
      cipherIntegrity.length === 0 &&
      audit.ok &&
      missingTriggers.length === 0 &&
      anchors.every((a) => a.ok) &&
      anchors.length >= givenAnchors.length,
    schemaVersion: db.pragma('user_version', { simple: true }) as number,
    integrity,
    cipherIntegrity,
    pagesRead,
    audit,
    missingTriggers,
    anchors,
  };
}

/**
 * SQLCipher's PRAGMA cipher_integrity_check lists pages whose HMAC fails. SQLite3 Multiple Ciphers
 * (our driver) does not know it and, like any unknown pragma, answers with no rows whatever the file
 * holds; it checks each page's HMAC when the page is read instead. So the pragma's rows count, and
 * reading every page in use (dbstat, after this) is what actually authenticates them — with HMAC
 * checking confirmed on, since an unchecked read would prove nothing.
 */
function cipherIntegrityCheck(db: SqliteDatabase): string[] {
  const reported = (db.pragma('cipher_integrity_check') as Record<string, unknown>[]).map((r) =>
    Object.values(r).join(' '),
  );
  const hmacCheck = db.pragma('hmac_check', { simple: true }) as unknown;
  if (String(hmacCheck) !== '1') reported.push('page HMAC checking is off on this connection');
  return reported;
}

function attempt(check: () => string[]): string[] {
  try {
    return check();
  } catch (error) {
    return [failureText(error)];
  }
}

function problems(name: string, found: string[]): string[] {
  if (found.length === 0) return [`${name}: ok`];
  const more = found.length > MAX_LISTED ? [`  … and ${found.length - MAX_LISTED} more`] : [];
  return [`${name}: FAILED`, ...found.slice(0, MAX_LISTED).map((m) => `  ${m}`), ...more];
}

export function formatVerifyReport(file: string, report: VerifyReport): string {
  const { audit } = report;
  const lines = [
    `database ${file} (schema ${report.schemaVersion})`,
    ...problems('integrity_check', report.integrity),
    ...problems('cipher integrity (page HMACs)', report.cipherIntegrity),
  ];
  if (report.cipherIntegrity.length === 0)
    lines[lines.length - 1] += `, ${report.pagesRead} pages in use read and authenticated`;
  if (audit.ok) {
    const { head } = audit;
    lines.push(
      `audit trail: ok, ${audit.entries} entries chained; last entry seq ${head.seq} at ${head.at}, hash ${head.hash}`,
    );
  } else if (audit.firstBrokenSeq === 0) {
    lines.push(`audit trail: FAILED, ${audit.reason}`);
  } else {
    lines.push(
      `audit trail: BROKEN at entry seq ${audit.firstBrokenSeq} (${audit.firstBrokenAt}): ${audit.reason}` +
        ` (${audit.entries} entries before it are intact)`,
    );
  }
  lines.push(
    report.missingTriggers.length === 0
      ? 'audit triggers: ok'
      : `audit triggers: MISSING ${report.missingTriggers.join(', ')}`,
  );
  lines.push(...anchorLines(report.anchors));
  lines.push(report.ok ? 'verify: ok' : 'verify: FAILED');
  return lines.join('\n');
}

function anchorLines(anchors: readonly AnchorCheck[]): string[] {
  if (anchors.length === 0)
    return ['audit anchors: none (no signed handover carries one, none given with --anchor)'];
  const failed = anchors.filter((a) => !a.ok);
  const handovers = anchors.filter((a) => a.source !== 'given').length;
  const given = anchors.length - handovers;
  if (failed.length === 0)
    return [
      `audit anchors: ok, the trail passes through all ${anchors.length} ` +
        `(${handovers} from signed handovers, ${given} given)`,
    ];
  return [
    `audit anchors: FAILED, ${failed.length} of ${anchors.length} not in the trail`,
    ...failed
      .slice(0, MAX_LISTED)
      .map((a) => `  ${a.source}${a.seq === null ? '' : ` (seq ${a.seq})`}, hash ${a.hash}: ${a.reason}`),
    ...(failed.length > MAX_LISTED ? [`  … and ${failed.length - MAX_LISTED} more`] : []),
  ];
}

/** The PostgreSQL store's verify report: the same audit lines, the server's triggers, given anchors. */
export function formatPostgresVerifyReport(report: PostgresVerifyReport): string {
  const { audit } = report;
  const lines = [`database PostgreSQL ${report.target} (postgres schema ${report.schemaVersion})`];
  if (audit.ok)
    lines.push(
      `audit trail: ok, ${audit.entries} entries chained; last entry seq ${audit.head.seq} at ${audit.head.at}, hash ${audit.head.hash}`,
    );
  else
    lines.push(
      `audit trail: BROKEN at entry seq ${audit.firstBrokenSeq} (${audit.firstBrokenAt}): ${audit.reason}` +
        ` (${audit.entries} entries before it are intact)`,
    );
  lines.push(
    report.missingTriggers.length === 0
      ? 'append-only triggers: ok'
      : `append-only triggers: MISSING ${report.missingTriggers.join(', ')}`,
  );
  for (const a of report.anchors)
    lines.push(a.ok ? `anchor ${a.hash}: found at seq ${a.seq}` : `anchor ${a.hash}: NOT FOUND`);
  lines.push(report.ok ? 'verify: ok' : 'verify: FAILED');
  return lines.join('\n');
}
