// Issue #20's leftover: a district control room's desk, enrolled for its units, is held to them from
// the moment it connects, before anyone logs on at it (over the real room server: TLS, enrolment by
// code, the device's credential). A room device enrolled without units sees the room as before, and
// an account that is not one of the desk's units is refused there.
import { afterEach, describe, expect, it } from 'vitest';
import { RoomConnection, enrolDevice, type RoomEvent } from '../../electron/main/core/net/room-client';
import type { AlarmState, QueueItem } from '../../shared/domain';
import { makeFlag } from '../helpers/flags';
import { OPERATOR, startRoomRig, type RoomRig } from '../helpers/room-rig';

const JODHPUR = 'jodhpur-control-room';
const JAIPUR = 'jaipur-control-room';
const JODHPUR_DESK = { name: 'Unit Marwarwal', password: 'correct horse battery' };
const JAIPUR_DESK = { name: 'Unit Gulabiwal', password: 'correct horse battery' };

type Answer<T = unknown> = {
  ok: boolean;
  value: T;
  error?: { kind: string; code?: string; params?: object };
};

let rig: RoomRig | undefined;
const open: RoomConnection[] = [];
afterEach(async () => {
  for (const c of open.splice(0)) c.ws.terminate();
  await rig?.close();
  rig = undefined;
});

/** A device's connection with every event it is sent, and a wait on the next one that matches. */
async function device(current: RoomRig, name: string, units?: string[]) {
  const { credential, device: enrolled } = await enrolDevice(
    current.pinned,
    current.newCode(name, 'desk', units ? { units } : {}),
  );
  const connection = await RoomConnection.connect(current.pinned, credential);
  open.push(connection);
  const events: RoomEvent[] = [];
  connection.onEvent((e) => events.push(e));
  const invoke = async <T = unknown>(channel: string, payload: unknown = {}) =>
    (await connection.invoke(channel, payload)) as Answer<T>;
  const waitFor = <T>(event: string, test: (payload: T) => boolean) =>
    new Promise<T>((resolve) => {
      const seen = events.find((e) => e.event === event && test(e.payload as T));
      if (seen) return resolve(seen.payload as T);
      const stop = connection.onEvent((e) => {
        if (e.event === event && test(e.payload as T)) {
          stop();
          resolve(e.payload as T);
        }
      });
    });
  return { connection, enrolled, events, invoke, waitFor, credential };
}

const upserted = (events: RoomEvent[]) =>
  events
    .filter((e) => e.event === 'queueChanged')
    .flatMap((e) => (e.payload as { upserts: QueueItem[] }).upserts.map((i) => i.id));
const alarmed = (events: RoomEvent[]) =>
  events.filter((e) => e.event === 'alarm').flatMap((e) => (e.payload as AlarmState).flagIds);

describe('a district control room desk bound to its units at enrolment', { timeout: 60_000 }, () => {
  it('sees only its units’ flags before anyone logs on; a room device sees the room; others are refused there', async () => {
    const current = (rig = await startRoomRig({
      accounts: [
        { ...JODHPUR_DESK, role: 'unit', units: [JODHPUR] },
        { ...JAIPUR_DESK, role: 'unit', units: [JAIPUR] },
      ],
    }));
    const centre = await device(current, 'Desk 1');
    const district = await device(current, 'Jodhpur CR', [JODHPUR]);
    const roomDesk = await device(current, 'Desk 2'); // enrolled without units, nobody logged on
    expect(district.enrolled).toMatchObject({ name: 'Jodhpur CR', kind: 'desk', units: [JODHPUR] });
    expect(centre.enrolled).not.toHaveProperty('units');
    expect((await centre.invoke('logon', { ...OPERATOR, bannerAccepted: true })).ok).toBe(true);

    // Three flags: one for Jodhpur, one for Jaipur, one the command centre has not sent anywhere.
    for (const [id, district] of [
      ['fl_bind_jaipur', 'Jaipur'],
      ['fl_bind_room', 'Jaipur'],
      ['fl_bind_jodhpur', 'Jodhpur'],
    ] as const)
      current.sim.publish(
        makeFlag({ id, risk: 'high', location: { district, city: district, source: 'profile' } }),
      );
    await centre.waitFor<AlarmState>('alarm', (a) =>
      ['fl_bind_jaipur', 'fl_bind_room', 'fl_bind_jodhpur'].every((id) => a.flagIds.includes(id)),
    );
    // Jaipur's first, then Jodhpur's: once the district desk has Jodhpur's, it has been sent (or
    // not) everything before it.
    for (const [id, unitKey] of [
      ['fl_bind_jaipur', JAIPUR],
      ['fl_bind_jodhpur', JODHPUR],
    ] as const) {
      expect((await centre.invoke('acknowledge', { id, operator: OPERATOR.name })).ok).toBe(true);
      const sent = await centre.invoke('dispatch', {
        id,
        operator: OPERATOR.name,
        unitKey,
        called: 'Duty Officer Testwal',
        means: 'cctns',
        reason: 'as routed by the district named',
      });
      expect(sent.ok).toBe(true);
    }
    await district.waitFor<{ upserts: QueueItem[] }>('queueChanged', (p) =>
      p.upserts.some((i) => i.id === 'fl_bind_jodhpur' && i.dispatch?.unitKey === JODHPUR),
    );
    await district.waitFor<AlarmState>('alarm', (a) => a.flagIds.includes('fl_bind_jodhpur'));

    // Nobody is logged on at the district desk, and it is held to Jodhpur all the same.
    expect((await district.invoke<{ user: unknown }>('getSession')).value).toMatchObject({ user: null });
    const queue = await district.invoke<QueueItem[]>('listQueue');
    expect(queue.value.map((i) => i.id)).toEqual(['fl_bind_jodhpur']);
    expect((await district.invoke<AlarmState>('getAlarm')).value.flagIds).toEqual(['fl_bind_jodhpur']);
    expect(new Set(upserted(district.events))).toEqual(new Set(['fl_bind_jodhpur']));
    expect(new Set(alarmed(district.events))).toEqual(new Set(['fl_bind_jodhpur']));
    // Not a word of the other flags, in any frame it was sent.
    const frames = district.connection.frames.join('\n');
    expect(frames).not.toContain('fl_bind_jaipur');
    expect(frames).not.toContain('fl_bind_room');
    // Another unit's flag named outright is refused, and the refusal recorded against the connection.
    const other = await district.invoke('getFlagDetail', { id: 'fl_bind_jaipur' });
    expect(other).toMatchObject({ ok: false, error: { kind: 'forbidden', code: 'unit.forbidden' } });
    expect(
      current
        .auditActions()
        .filter((a) => a.action === 'unit.refused')
        .map((a) => a.target),
    ).toEqual(['fl_bind_jaipur']);

    // A room device enrolled without units sees the room, as before (de-identified until logon).
    await roomDesk.waitFor<{ upserts: QueueItem[] }>('queueChanged', (p) =>
      p.upserts.some((i) => i.id === 'fl_bind_jodhpur' && i.dispatch !== null),
    );
    const room = (await roomDesk.invoke<QueueItem[]>('listQueue')).value.map((i) => i.id);
    expect(room).toEqual(expect.arrayContaining(['fl_bind_jaipur', 'fl_bind_room', 'fl_bind_jodhpur']));
    expect(new Set(upserted(roomDesk.events))).toEqual(
      new Set(['fl_bind_jaipur', 'fl_bind_room', 'fl_bind_jodhpur']),
    );

    // Another district's account, and the command centre's, are refused at the Jodhpur desk, with
    // the right password (so it is not a logon failure): coded, and recorded.
    for (const who of [JAIPUR_DESK, OPERATOR]) {
      const refused = await district.invoke('logon', { ...who, bannerAccepted: true });
      expect(refused).toMatchObject({
        ok: false,
        error: { kind: 'forbidden', code: 'session.device_units', params: { units: JODHPUR } },
      });
    }
    expect((await district.invoke<{ user: unknown }>('getSession')).value).toMatchObject({ user: null });
    const refusals = current.auditActions().filter((a) => a.action === 'session.logon_refused_device');
    expect(refusals.map((a) => a.target)).toEqual([JAIPUR_DESK.name, OPERATOR.name]);
    expect(JSON.parse(refusals[0]!.detail)).toEqual({
      accountRole: 'unit',
      units: [JAIPUR],
      deviceUnits: [JODHPUR],
    });
    expect(current.auditActions().some((a) => a.action === 'session.logon_failed')).toBe(false);
    // The Jaipur account logs on at a room desk as ever (the binding is the device's, not the account's).
    expect((await roomDesk.invoke('logon', { ...JAIPUR_DESK, bannerAccepted: true })).ok).toBe(true);
    expect((await roomDesk.invoke<QueueItem[]>('listQueue')).value.map((i) => i.id)).toEqual([
      'fl_bind_jaipur',
    ]);

    // Its own unit's account logs on and works the flag there; the view stays Jodhpur's.
    expect((await district.invoke('logon', { ...JODHPUR_DESK, bannerAccepted: true })).ok).toBe(true);
    expect((await district.invoke<QueueItem[]>('listQueue')).value.map((i) => i.id)).toEqual([
      'fl_bind_jodhpur',
    ]);
    expect((await district.invoke('acknowledgeReceipt', { id: 'fl_bind_jodhpur' })).ok).toBe(true);
  });

  it('keeps the units in the device record, the audit trail and the connect entry', async () => {
    const current = (rig = await startRoomRig());
    const district = await device(current, 'Jaipur CR', [JAIPUR]);
    await current.waitForLog(/device \d+ connected \(desk, district\)/);
    district.connection.close();
    await current.waitForLog(/device \d+ disconnected/);
    const entry = (action: string) =>
      JSON.parse(current.auditActions().find((a) => a.action === action)!.detail) as Record<string, unknown>;
    expect(entry('device.enrolment_created')).toMatchObject({ deviceKind: 'desk', units: [JAIPUR] });
    expect(entry('device.enrolled')).toMatchObject({ deviceKind: 'desk', units: [JAIPUR] });
    expect(entry('device.connected')).toEqual({ deviceKind: 'desk', units: [JAIPUR] });
    expect(current.sync.database.prepare('SELECT name, units FROM devices').all()).toEqual([
      { name: 'Jaipur CR', units: JSON.stringify([JAIPUR]) },
    ]);
  });
});
