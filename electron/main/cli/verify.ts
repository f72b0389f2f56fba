// `lifeline verify`: is the database sound, and is its audit trail whole? It prints check names,
// counts, seq numbers, times and hashes only — never a row's content, so its output may be pasted
// into a ticket or a logbook.
import type { AuditVerification, StorageCheck, StoreVerifier } from '../core/store/store-admin';
import { checkAnchors, type AnchorCheck } from '../core/audit/audit-anchors';

export interface VerifyReport {
  ok: boolean;
  schemaVersion: number;
  /** The engine's own checks of its storage (SQLite: integrity_check, the pages' HMACs). */
  storage: StorageCheck[];
  audit: AuditVerification;
  missingTriggers: string[];
  /** The signed handovers' anchors and those given with --anchor, each found in the trail or not. */
  anchors: AnchorCheck[];
}

/** Problems an engine reports are listed up to this many (a badly damaged file reports thousands). */
const MAX_LISTED = 10;

/** The engine's own words for a failure when it has a code (SQLite's name pages and tables, never row values). */
function failureText(error: unknown): string {
  const code = (error as { code?: string }).code;
  return code?.startsWith('SQLITE_') ? `${code}: ${(error as Error).message}` : 'unexpected failure';
}

/** Works through the seam (store-admin.ts StoreVerifier), so any engine is verified alike. */
export async function verifyStore(
  store: StoreVerifier,
  givenAnchors: readonly string[] = [],
): Promise<VerifyReport> {
  const storage = await store.checkStorage();
  let audit: AuditVerification;
  let missingTriggers: string[];
  let anchors: AnchorCheck[] = [];
  try {
    audit = await store.verifyAuditTrail();
    missingTriggers = await store.missingAuditGuards();
    anchors = await checkAnchors(store, givenAnchors);
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
      storage.every((c) => c.problems.length === 0) &&
      audit.ok &&
      missingTriggers.length === 0 &&
      anchors.every((a) => a.ok) &&
      anchors.length >= givenAnchors.length,
    schemaVersion: await store.schemaVersion(),
    storage,
    audit,
    missingTriggers,
    anchors,
  };
}

function problems(name: string, found: string[]): string[] {
  if (found.length === 0) return [`${name}: ok`];
  const more = found.length > MAX_LISTED ? [`  … and ${found.length - MAX_LISTED} more`] : [];
  return [`${name}: FAILED`, ...found.slice(0, MAX_LISTED).map((m) => `  ${m}`), ...more];
}

export function formatVerifyReport(file: string, report: VerifyReport): string {
  const { audit } = report;
  const lines = [`database ${file} (schema ${report.schemaVersion})`];
  for (const check of report.storage) {
    lines.push(...problems(check.name, check.problems));
    if (check.problems.length === 0 && check.note) lines[lines.length - 1] += `, ${check.note}`;
  }
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
