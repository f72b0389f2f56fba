// Need-to-know of a district control room, enforced in the core: a unit's session is driven through
// EVERY channel of the contract (from the contract's own list, so a channel added later is covered
// or fails here) and must never get another unit's flag; each refusal is `forbidden` with an audit
// entry. Then its events: nothing of another unit's flag is ever pushed to it.
import { afterEach, describe, expect, it } from 'vitest';
import { INVOKE_CHANNELS, type InvokeChannel, type InvokeRequest } from '../../shared/contract';
import { UNIT_CHANNEL_SCOPE, unitChannelScope } from '../../shared/unit-scope';
import { OPERATOR } from '../helpers/host-rig';
import { JAIPUR, JAIPUR_DESK, JODHPUR, startUnitRoom, type UnitRoom } from '../helpers/unit-room';

let room: UnitRoom | undefined;
afterEach(async () => {
  await room?.close();
  room = undefined;
});

const SHIFT = '2026-12-07:morning';
const who = OPERATOR.name;

/**
 * A request that passes each channel's schema, naming flag `id` where the channel takes one. Total
 * over the contract: a channel added without a sample fails this test (see the loop below).
 */
const SAMPLES: { [C in InvokeChannel]: (id: string) => InvokeRequest<C> } = {
  logon: () => ({ ...JAIPUR_DESK, bannerAccepted: true }),
  createFirstAdministrator: () => ({
    name: 'Adm Testwal',
    password: 'correct horse battery',
    bannerAccepted: true,
  }),
  logoff: () => ({}),
  lockDesk: () => ({}),
  unlockDesk: () => ({ password: JAIPUR_DESK.password }),
  reportActivity: () => ({}),
  listAccounts: () => ({}),
  addAccount: () => ({
    name: 'New Testwal',
    role: 'unit',
    password: 'correct horse battery',
    units: [JODHPUR],
  }),
  setAccountRole: () => ({ name: JAIPUR_DESK.name, role: 'unit', units: [JODHPUR] }),
  releaseAccount: () => ({ name: OPERATOR.name }),
  listUnitContacts: () => ({}),
  setUnitContact: () => ({ unitKey: JODHPUR, contact: '+91 291 000000' }),
  getUnitRegistry: () => ({}),
  saveUnitRegistry: () => ({ registry: {}, basedOn: 0 }),
  listRegistryVersions: () => ({}),
  getReport: () => ({ fromMs: Date.now() - 86_400_000, toMs: Date.now() }),
  recordReportExport: () => ({ fromMs: Date.now() - 86_400_000, toMs: Date.now() }),
  holdFlag: (id) => ({ id }),
  releaseFlag: (id) => ({ id }),
  takeOverFlag: (id) => ({ id }),
  acknowledgeReceipt: (id) => ({ id }),
  recordUnitStep: (id) => ({ id, step: { kind: 'contact_made' } }),
  handBack: (id) => ({ id, reason: 'not in our area: student is in Bundi' }),
  getUnitReport: () => ({ fromMs: Date.now() - 86_400_000, toMs: Date.now() + 60_000 }),
  getSession: () => ({}),
  listQueue: () => ({}),
  getFlagDetail: (id) => ({ id }),
  revealFlag: (id) => ({ id, operator: who, reason: 'to send officers to the student' }),
  acknowledge: (id) => ({ id, operator: who }),
  dispatch: (id) => ({
    id,
    operator: who,
    unitKey: JAIPUR,
    called: 'Duty Officer',
    means: 'phone',
    reason: 'x',
  }),
  confirmDispatch: (id) => ({ id, operator: who, confirmedBy: 'Duty Officer' }),
  closeFlag: (id) => ({ id, operator: who, outcome: 'contacted' }),
  undoClose: (id) => ({ id, operator: who }),
  recordFollowUp: (id) => ({ id, operator: who, sequence: 1, outcome: 'safe_and_well' }),
  getFeedHealth: () => ({}),
  getAlarm: () => ({}),
  silenceAlarm: () => ({ operator: who, reason: 'testing the silence', minutes: 1 }),
  cancelSilence: () => ({ operator: who }),
  recordAlarmTest: () => ({ operator: who, outcome: 'played', audioOutputs: 1 }),
  confirmAlarmHeard: () => ({ heard: true }),
  getAlarmKpis: () => ({}),
  getHandover: () => ({}),
  listQuarantine: () => ({}),
  getRoster: () => ({}),
  setRoster: () => ({ shiftId: SHIFT, entries: [] }),
  signHandover: () => ({ shiftId: SHIFT, supervisor: who, notes: '' }),
  receiveHandover: () => ({ shiftId: SHIFT, supervisor: who }),
  reportClientState: () => ({ visibility: 'visible', audio: 'ok' }),
  getClientStates: () => ({}),
  saveHandoverPdf: () => ({ shiftId: SHIFT }),
};

type Outcome = { ok: true; value: unknown } | { ok: false; error: { kind: string; code?: string } };
async function call(room: UnitRoom, channel: InvokeChannel, request: unknown): Promise<Outcome> {
  try {
    const value = await room.jaipur.api.invoke(channel, request as never);
    return { ok: true, value };
  } catch (error) {
    return { ok: false, error: error as { kind: string; code?: string } };
  }
}

const refusals = (room: UnitRoom) =>
  room.rig.database
    .prepare<[], { target: string | null; detail_json: string }>(
      `SELECT target, detail_json FROM audit_log WHERE action = 'unit.refused' AND actor = '${JAIPUR_DESK.name}'`,
    )
    .all()
    .map((r) => ({ target: r.target, channel: (JSON.parse(r.detail_json) as { channel: string }).channel }));

describe('a unit session against every channel of the contract', () => {
  it('never gets another unit’s flag, and every refusal is forbidden and audited', async () => {
    room = await startUnitRoom();
    await room.dispatched('fl_jodhpur_only', 'Jodhpur', JODHPUR);
    await room.dispatched('fl_jaipur_own', 'Jaipur', JAIPUR);
    const other = 'fl_jodhpur_only';
    const expectedRefusals: { target: string | null; channel: string }[] = [];

    for (const channel of INVOKE_CHANNELS) {
      const scope = unitChannelScope(channel);
      // A channel nobody classified is a hole in need-to-know: it fails here by name.
      expect(scope, `${channel}: not in UNIT_CHANNEL_SCOPE (shared/unit-scope.ts)`).toBeDefined();
      const sample = (SAMPLES as Record<string, ((id: string) => unknown) | undefined>)[channel];
      expect(sample, `${channel}: no sample request in this test`).toBeDefined();

      const answer = await call(room, channel, sample!(other));
      if (scope === 'refused' || scope === 'flag') {
        expect(answer, channel).toMatchObject({
          ok: false,
          error: { kind: 'forbidden', code: 'unit.forbidden' },
        });
        expectedRefusals.push({ target: scope === 'flag' ? other : null, channel });
      }
      if (scope === 'flag') {
        // An id that names no flag is refused the same way: the answer does not tell whether it exists.
        const unknown = await call(room, channel, sample!('fl_no_such_flag'));
        expect(unknown, channel).toMatchObject({
          ok: false,
          error: { kind: 'forbidden', code: 'unit.forbidden' },
        });
        expectedRefusals.push({ target: 'fl_no_such_flag', channel });
      }
      // Whatever the answer, the other unit's flag is not in it.
      expect(JSON.stringify(answer), channel).not.toContain(other);
      // Channels that log off or lock: put the session back for the next one.
      const session = await room.jaipur.api.invoke('getSession', {});
      if (session.user === null)
        await room.jaipur.api.invoke('logon', { ...JAIPUR_DESK, bannerAccepted: true });
      else if (session.locked) await room.jaipur.api.invoke('unlockDesk', { password: JAIPUR_DESK.password });
    }
    expect(Object.keys(UNIT_CHANNEL_SCOPE).sort()).toEqual([...INVOKE_CHANNELS].sort());

    // Its own flag is there, through the filtered channels.
    expect((await room.jaipur.api.invoke('listQueue', {})).map((i) => i.id)).toEqual(['fl_jaipur_own']);
    expect((await room.jaipur.api.invoke('getAlarm', {})).flagIds).toEqual(['fl_jaipur_own']);
    // The command centre still sees both (its queue is not narrowed by a unit being on).
    const centreQueue = (await room.centre.api.invoke('listQueue', {})).map((i) => i.id);
    expect(centreQueue).toEqual(expect.arrayContaining(['fl_jodhpur_only', 'fl_jaipur_own']));

    // One audit entry per refusal, naming the channel and the flag asked for.
    expect(refusals(room)).toEqual(expect.arrayContaining(expectedRefusals));
    expect(refusals(room)).toHaveLength(expectedRefusals.length);

    // Nothing pushed to the Jaipur desk ever named the Jodhpur flag.
    for (const event of ['queueChanged', 'alarm', 'roomNotice', 'clientStates', 'feedHealth'] as const)
      expect(JSON.stringify(room.jaipur.events(event)), event).not.toContain(other);
  });

  it('pushes a unit only its flags: a dispatch elsewhere never reaches it, a hand-back removes it', async () => {
    room = await startUnitRoom();
    await room.dispatched('fl_push_jod', 'Jodhpur', JODHPUR);
    await room.jodhpur.waitFor('queueChanged', (p) => p.upserts.some((i) => i.id === 'fl_push_jod'));
    await room.jodhpur.api.invoke('acknowledgeReceipt', { id: 'fl_push_jod' });
    await room.jodhpur.api.invoke('handBack', {
      id: 'fl_push_jod',
      reason: 'not in our area: student is in Bundi',
    });
    const gone = await room.jodhpur.waitFor('queueChanged', (p) => (p.removed ?? []).includes('fl_push_jod'));
    expect(gone.upserts.map((i) => i.id)).not.toContain('fl_push_jod');
    expect(await room.jodhpur.api.invoke('listQueue', {})).toEqual([]);
    await expect(room.jodhpur.api.invoke('getFlagDetail', { id: 'fl_push_jod' })).rejects.toMatchObject({
      kind: 'forbidden',
    });
    expect(JSON.stringify(room.jaipur.events('queueChanged'))).not.toContain('fl_push_jod');
    expect(JSON.stringify(room.jaipur.events('alarm'))).not.toContain('fl_push_jod');
  });
});
