// The store contract's part for the audit chain and what reads it (store-contract.ts runs it on every
// engine): the chain whole under concurrent writers from two stores, typed text audited only as codes
// and lengths, retention erasure keeping the record, and verify and export through the seam.
import { expect, it } from 'vitest';
import { CANARY, makeFlag } from '../helpers/flags';
import { pageInput } from '../helpers/temp-store';
import type { ContractSuite } from './store-contract-suite';

export function auditContract({ engine, open, chainOk }: ContractSuite) {
  it('the audit chain stays whole under concurrent writers, from two stores', async () => {
    const e = await open();
    const second = await e.another();
    const flags = Array.from({ length: 12 }, () => makeFlag());
    await e.store.commitPage(pageInput(flags));
    await Promise.all(
      flags.map((f, i) => (i % 2 ? e.store : second).acknowledge(f.id as string, `Op ${i}`, 2_000 + i)),
    );
    await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        (i % 2 ? second : e.store).logSession(`op${i}`, 'logon', 'desk-1', 3_000 + i),
      ),
    );
    const rows = await chainOk(e);
    expect(rows[0]!.action).toBe('audit.started');
    expect(rows.filter((r) => r.action === 'flag.acknowledged')).toHaveLength(12);
    expect(rows.filter((r) => r.action === 'session.logon')).toHaveLength(10);
    await expect(e.raw(engine.sql('DELETE FROM audit_log', 'DELETE FROM audit_log'))).rejects.toThrow(
      /append-only/,
    );
  });

  it('a reveal and a close note reach the audit trail only as codes and lengths', async () => {
    const e = await open();
    const flag = makeFlag();
    await e.store.commitPage(pageInput([flag]));
    const id = flag.id as string;
    const personal = await e.store.revealFlag(id, 'Op One', 'Welfare check for Zubeida', 2_000);
    expect(personal.subject).toMatchObject({ display_name: CANARY.name });
    const rows = await chainOk(e);
    const reveal = rows.find((r) => r.action === 'flag.revealed')!;
    expect(reveal.detail_json).toBe(JSON.stringify({ reasonLength: 'Welfare check for Zubeida'.length }));
  });

  it('retention erases personal fields of flags closed long enough, keeping the record', async () => {
    const { store } = await open();
    const flag = makeFlag({ risk: 'elevated' });
    const id = flag.id as string;
    await store.commitPage(pageInput([flag]));
    await store.acknowledge(id, 'Op One', 2_000);
    await store.closeFlag(id, 'Op One', { outcome: 'false_positive', note: 'Spoke to Zubeida' }, 3_000);
    const result = await store.purgePersonal(1_000, 10_000, 'system');
    expect(result).toMatchObject({ flagsErased: 1, personalRowsDeleted: 1, eventsRedacted: 1 });
    await expect(store.readPersonalDetail(id)).rejects.toThrow();
    const detail = (await store.getFlagDetail(id))!;
    expect(detail.state).toBe('closed');
    const closed = detail.events.find((ev) => ev.kind === 'closed')!;
    expect(closed.detail).toEqual({ outcome: 'false_positive', noteLength: 'Spoke to Zubeida'.length });
    expect(detail.events.at(-1)!.kind).toBe('personal_erased');
    expect(await store.purgePersonal(1_000, 11_000, 'system')).toMatchObject({ flagsErased: 0 });
  });

  it('verify and export read the trail through the seam: whole, anchored, and the export recorded', async () => {
    const e = await open();
    const { store } = e;
    await store.commitPage(pageInput([makeFlag()], 'c_1'));
    expect(await store.verifyAuditTrail()).toMatchObject({ ok: true });
    expect(await store.missingAuditGuards()).toEqual([]);
    const exported = await store.exportAudit({
      fromMs: 0,
      toMs: Date.now() + 60_000,
      actor: 'Auditor One',
      atMs: 9_000,
      detail: { from: 'a', to: 'b' },
    });
    expect(exported.chain).toMatchObject({ ok: true });
    const rows = await chainOk(e);
    const last = rows[rows.length - 1]!;
    expect(last.action).toBe('audit.exported');
    expect(exported.head).toMatchObject({ seq: last.seq, hash: last.hash });
    expect(await store.findAuditEntries({ seqs: [1], hashes: [last.hash] })).toEqual(
      expect.arrayContaining([expect.objectContaining({ seq: 1 }), { seq: last.seq, hash: last.hash }]),
    );
  });
}
