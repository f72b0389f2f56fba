// The shared suite's fixtures, made once per engine by store-contract.ts and handed to each of its parts:
// a store opened for one case and closed after it, and the audit chain checked link by link (every
// part that writes audited actions ends by proving the chain still whole).
import { afterEach, expect } from 'vitest';
import { auditHash, GENESIS_PREV_HASH } from '../../electron/main/core/store/audit-hash';
import type { AuditEntry } from '../../electron/main/core/store/audit-hash';
import type { Engine, OpenedEngine } from '../helpers/store-engines';

export interface ContractSuite {
  engine: Engine;
  /** A fresh store on this engine, closed after the case that opened it. */
  open: () => Promise<OpenedEngine>;
  /** Asserts the audit chain whole (seq in order, each row linked and hashed); returns its rows. */
  chainOk: (e: OpenedEngine) => Promise<AuditEntry[]>;
}

/** Call at the top of the suite: registers the afterEach that closes what each case opened. */
export function contractSuite(engine: Engine): ContractSuite {
  const opened: OpenedEngine[] = [];
  afterEach(async () => {
    for (const e of opened.splice(0)) await e.close();
  });
  const open = async () => {
    const e = await engine.open();
    opened.push(e);
    return e;
  };
  const chainOk = async (e: OpenedEngine) => {
    const rows = await e.auditRows();
    let prev = GENESIS_PREV_HASH;
    rows.forEach((row, i) => {
      expect(row.seq).toBe(i + 1);
      expect(row.prev_hash).toBe(prev);
      expect(auditHash(row)).toBe(row.hash);
      prev = row.hash;
    });
    return rows;
  };
  return { engine, open, chainOk };
}
