// The unit registry kept in the store (issue #23): the shipped registry until an administrator saves
// one; each save a new version, the old ones kept, each audited with what changed; a save refused
// whole when a field breaks a rule, a unit is dropped, or someone saved meanwhile.
import { afterEach, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../electron/main/core/store/sqlite/audit-queries';
import {
  activeUnits,
  changeUnitRegistry,
  currentUnitRegistry,
  isKnownUnit,
  loadUnitRegistry,
  resetUnitRegistry,
} from '../../electron/main/core/units/unit-registry';
import { DEFAULT_UNIT_REGISTRY, type UnitRegistry } from '../../shared/routing/unit-registry';
import { closedAfterEach, openTempStore } from '../helpers/temp-store';
import { addTestAccount, TEST_PASSWORD } from '../helpers/accounts';
import { createConsoleCore } from '../../electron/main/core/console-core';
import { defaultFeedConfig } from '../../electron/main/core/feed/poller';
import type { CallContext } from '../../shared/contract';

const opened = closedAfterEach();
afterEach(() => resetUnitRegistry());

function rig() {
  const t = openTempStore();
  opened.push(t.sync);
  return t;
}

const renamed = (registry: UnitRegistry, id: string, en: string): UnitRegistry => ({
  units: registry.units.map((u) => (u.id === id ? { ...u, en } : u)),
});

const registryAudit = (t: ReturnType<typeof rig>) =>
  t.sync.database
    .prepare<[], { actor: string; action: string; target: string; detail_json: string }>(
      `SELECT actor, action, target, detail_json FROM audit_log WHERE action = 'unit.registry_saved' ORDER BY seq`,
    )
    .all()
    .map((r) => ({ ...r, detail: JSON.parse(r.detail_json) as Record<string, unknown> }));

describe('unit registry in the store', () => {
  it('is the shipped table until a version is saved', async () => {
    const t = rig();
    expect(await t.store.getUnitRegistry()).toBeNull();
    const inForce = await loadUnitRegistry(t.store);
    expect(inForce.version).toBe(0);
    expect(inForce.registry.units).toHaveLength(42);
    expect(isKnownUnit('kota-city')).toBe(true);
    expect(isKnownUnit('jaipur-control-room')).toBe(true);
    expect(isKnownUnit('atlantis')).toBe(false);
    expect(activeUnits()).toHaveLength(42);
  });

  it('saves each change as a new version, keeps the old ones and audits each with what changed', async () => {
    const t = rig();
    await loadUnitRegistry(t.store);
    const first = await changeUnitRegistry(t.store, {
      registry: renamed(DEFAULT_UNIT_REGISTRY, 'pali-control-room', 'Pali police control room'),
      basedOn: 0,
      by: 'Admin Testwal',
      atMs: 1_000,
    });
    expect(first.version).toBe(1);
    const retired = {
      units: first.registry.units.map((u) =>
        u.id === 'bundi-control-room' ? { ...u, active: false, replacedBy: ['kota-rural'] } : u,
      ),
    };
    const second = await changeUnitRegistry(t.store, {
      registry: retired,
      basedOn: 1,
      by: 'Admin Testwal',
      atMs: 2_000,
      sourceSha256: 'ab'.repeat(32),
    });
    expect(second.version).toBe(2);
    expect(currentUnitRegistry().version).toBe(2);
    expect(activeUnits().map((u) => u.id)).not.toContain('bundi-control-room');
    expect(isKnownUnit('bundi-control-room')).toBe(true);

    expect((await t.store.listRegistryVersions()).map((v) => [v.version, v.savedBy, v.sourceSha256])).toEqual(
      [
        [2, 'Admin Testwal', 'ab'.repeat(32)],
        [1, 'Admin Testwal', null],
      ],
    );
    const audit = registryAudit(t);
    expect(audit.map((a) => [a.actor, a.target, a.detail.change])).toEqual([
      ['Admin Testwal', 'v1', ['renamed:pali-control-room']],
      ['Admin Testwal', 'v2', ['retired:bundi-control-room', 'replaced:bundi-control-room']],
    ]);
    expect(audit[1]!.detail.sha256).toBe('ab'.repeat(32));
    // Versions are never changed or removed, and the trail still verifies.
    expect(() => t.sync.database.prepare('DELETE FROM unit_registry_versions').run()).toThrow(
      /never removed/,
    );
    expect(() => t.sync.database.prepare(`UPDATE unit_registry_versions SET saved_by = 'x'`).run()).toThrow(
      /never changed/,
    );
    expect(verifyAuditChain(t.sync.database).ok).toBe(true);

    // A restart reads the latest version back into force.
    resetUnitRegistry();
    expect((await loadUnitRegistry(t.store)).version).toBe(2);
  });

  it('refuses a broken field, a dropped unit and a stale save, and changes nothing', async () => {
    const t = rig();
    await loadUnitRegistry(t.store);
    const save = (registry: unknown, basedOn = 0) =>
      changeUnitRegistry(t.store, { registry, basedOn, by: 'Admin Testwal', atMs: 1_000 });
    const units = DEFAULT_UNIT_REGISTRY.units;
    await expect(
      save({ units: units.map((u, i) => (i === 3 ? { ...u, area: { ...u.area, pins: ['3240'] } } : u)) }),
    ).rejects.toThrow('units[3].area.pins[0]: a PIN code: 6 digits.');
    await expect(
      save({ units: units.map((u, i) => (i === 5 ? { ...u, kind: 'zone' } : u)) }),
    ).rejects.toThrow(/units\[5\]\.kind: one of commissionerate, police-district, city, rural/);
    await expect(save({ units: [...units, units[0]] })).rejects.toThrow(
      'units[42].id: kota-city appears twice.',
    );
    await expect(save({ units: units.slice(1) })).rejects.toThrow(/"kota-city" is missing/);
    await expect(
      save({
        units: units.map((u) => (u.id === 'ajmer-control-room' ? { ...u, replacedBy: ['nowhere'] } : u)),
      }),
    ).rejects.toThrow(/replacedBy\[0\]: nowhere is not another unit/);
    await save(DEFAULT_UNIT_REGISTRY);
    await expect(save(DEFAULT_UNIT_REGISTRY, 0)).rejects.toThrow(/changed meanwhile \(now version 1\)/);
    expect((await t.store.listRegistryVersions()).map((v) => v.version)).toEqual([1]);
    expect(registryAudit(t)).toHaveLength(1);
  });
});

describe('unit registry over the contract', () => {
  it('lets every logged-on role read it and only an administrator save it, audited under their name', async () => {
    const t = rig();
    const core = createConsoleCore({
      store: t.store,
      host: 'headless',
      version: 'test',
      feed: defaultFeedConfig({
        baseUrl: 'http://127.0.0.1:9',
        token: 't',
        pollIntervalMs: 1000,
        training: false,
      }),
      now: () => 5_000,
    });
    addTestAccount(t.sync.database, 'Admin Testwal', 'administrator');
    addTestAccount(t.sync.database, 'Sup Testwal', 'supervisor');
    const admin: CallContext = { role: 'desk', connection: 'a' };
    const sup: CallContext = { role: 'desk', connection: 's' };
    for (const [name, context] of [
      ['Admin Testwal', admin],
      ['Sup Testwal', sup],
    ] as const)
      await core.handlers.logon({ name, password: TEST_PASSWORD, bannerAccepted: true }, context);
    const h = core.handlers;
    expect((await h.getUnitRegistry({}, sup)).version).toBe(0);
    const registry = renamed(DEFAULT_UNIT_REGISTRY, 'ajmer-control-room', 'Ajmer police control room');
    await expect(h.saveUnitRegistry({ registry, basedOn: 0 }, sup)).rejects.toThrow(
      /supervisor role may not saveUnitRegistry/,
    );
    await expect(
      h.saveUnitRegistry({ registry: { units: [{ id: 'x' }] }, basedOn: 0 }, admin),
    ).rejects.toMatchObject({ code: 'registry.invalid' });
    const saved = await h.saveUnitRegistry({ registry, basedOn: 0 }, admin);
    expect(saved).toMatchObject({ version: 1, savedBy: 'Admin Testwal', savedAtMs: 5_000 });
    expect(
      (await h.getUnitRegistry({}, sup)).registry.units.find((u) => u.id === 'ajmer-control-room')!.en,
    ).toBe('Ajmer police control room');
    expect(await h.listRegistryVersions({}, sup)).toEqual([
      { version: 1, savedBy: 'Admin Testwal', savedAtMs: 5_000, units: 42, sourceSha256: null },
    ]);
    expect(registryAudit(t).map((a) => [a.actor, a.target, a.detail.change])).toEqual([
      ['Admin Testwal', 'v1', ['renamed:ajmer-control-room']],
    ]);
    await core.stop();
  });
});
