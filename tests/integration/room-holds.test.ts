// Several desks and a wall on one host: one alarm for the room, holds seen on every screen, an
// explicit takeover, held flags back to the room after their desk is gone, and the room knowing
// who is on (and sounding when nobody is).
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_HOLD_GRACE_MS } from '../../shared/room/holds';
import { NO_DESK_GRACE_MS } from '../../shared/room/room-presence';
import { CANARY, makeFlag } from '../helpers/flags';
import { DESK_TOKEN, OPERATOR, WALL_TOKEN, startHostRig, type HostRig } from '../helpers/host-rig';
import { connectRoomClient, type RoomClient } from '../helpers/room-client';

const SECOND = { name: 'Op Secondwal', password: OPERATOR.password };

let rig: HostRig | undefined;
const clients: RoomClient[] = [];
/** The core's clock runs this far ahead of the real one: the tests move time, never wait it out. */
let aheadMs = 0;

afterEach(async () => {
  for (const client of clients.splice(0)) client.close();
  await rig?.close();
  rig = undefined;
  aheadMs = 0;
});

async function room() {
  rig = await startHostRig({
    accounts: [{ ...SECOND, role: 'operator' }],
    core: { now: () => Date.now() + aheadMs },
  });
  const connect = async (token: string, who?: { name: string; password: string }) => {
    const client = connectRoomClient(rig!, token);
    clients.push(client);
    await client.waitForState('connected');
    await client.api.invoke('reportClientState', { visibility: 'visible', audio: 'ok' });
    if (who) await client.api.invoke('logon', { ...who, bannerAccepted: true });
    return client;
  };
  return {
    deskA: await connect(DESK_TOKEN, OPERATOR),
    deskB: await connect(DESK_TOKEN, SECOND),
    wall: await connect(WALL_TOKEN),
  };
}

const publishImminent = async (id: string, screens: RoomClient[]) => {
  rig!.sim.publish(makeFlag({ id, risk: 'imminent' }));
  await Promise.all(screens.map((s) => s.waitFor('alarm', (a) => a.flagIds.includes(id))));
};

describe('one room', () => {
  it('an acknowledgement at one desk stops that alarm at every desk and on the wall', async () => {
    const { deskA, deskB, wall } = await room();
    await publishImminent('fl_one_alarm', [deskA, deskB, wall]);
    await deskA.api.invoke('acknowledge', { id: 'fl_one_alarm', operator: OPERATOR.name });
    for (const screen of [deskA, deskB, wall]) {
      const quiet = await screen.waitFor('alarm', (a) => !a.flagIds.includes('fl_one_alarm'));
      expect(quiet.sound.flag).toBeNull();
    }
  });

  it('holds a flag for the desk that opens it; another desk must take it over, and that is recorded', async () => {
    const { deskA, deskB, wall } = await room();
    await publishImminent('fl_hold', [deskA, deskB, wall]);
    const held = await deskA.api.invoke('holdFlag', { id: 'fl_hold' });
    expect(held.heldBy).toMatchObject({ name: OPERATOR.name, desk: 'desk 1', releaseAtMs: null });
    for (const screen of [deskB, wall])
      await screen.waitFor('queueChanged', (p) =>
        p.upserts.some((i) => i.id === 'fl_hold' && i.heldBy?.name === OPERATOR.name),
      );
    expect((await deskB.api.invoke('listQueue', {})).find((i) => i.id === 'fl_hold')?.heldBy?.desk).toBe(
      'desk 1',
    );
    // Opening it at desk B does not take it: B is told who has it.
    const refused = await deskB.api.invoke('holdFlag', { id: 'fl_hold' });
    expect(refused.heldBy?.name).toBe(OPERATOR.name);
    // A releaseFlag from B cannot free A's hold either.
    expect((await deskB.api.invoke('releaseFlag', { id: 'fl_hold' })).heldBy?.name).toBe(OPERATOR.name);

    // Nor act on it: the answer names who works it.
    await expect(
      deskB.api.invoke('acknowledge', { id: 'fl_hold', operator: SECOND.name }),
    ).rejects.toMatchObject({
      kind: 'conflict',
      message: expect.stringContaining(`held by ${OPERATOR.name}`),
    });

    const taken = await deskB.api.invoke('takeOverFlag', { id: 'fl_hold' });
    expect(taken.heldBy).toMatchObject({ name: SECOND.name, desk: 'desk 2' });
    const notice = await wall.waitFor('roomNotice', (n) => n.kind === 'taken_over');
    expect(notice).toMatchObject({ id: 'fl_hold', by: SECOND.name, from: OPERATOR.name });
    await deskA.waitFor('queueChanged', (p) =>
      p.upserts.some((i) => i.id === 'fl_hold' && i.heldBy?.name === SECOND.name),
    );
    await deskB.api.invoke('acknowledge', { id: 'fl_hold', operator: SECOND.name });
    // Desk A lost it: its next action is refused with the new holder named.
    await expect(
      deskA.api.invoke('acknowledge', { id: 'fl_hold', operator: OPERATOR.name }),
    ).rejects.toMatchObject({ kind: 'conflict', message: expect.stringContaining(`held by ${SECOND.name}`) });
    const detail = await deskA.api.invoke('getFlagDetail', { id: 'fl_hold' });
    expect(detail.events.find((e) => e.kind === 'taken_over')).toMatchObject({
      actor: SECOND.name,
      detail: { fromOperator: OPERATOR.name, fromDesk: 'desk 1', toDesk: 'desk 2' },
    });
    // The wall saw holds and the notice, and never a subject's personal field.
    expect(JSON.stringify(wall.events('queueChanged'))).not.toContain(CANARY.name);
    expect(JSON.stringify(wall.events('roomNotice'))).not.toContain(CANARY.name);
  });

  it("gives a held flag back to the room after the grace when its desk's link ends, and tells the room", async () => {
    const { deskA, deskB, wall } = await room();
    await publishImminent('fl_grace', [deskA, deskB, wall]);
    await deskA.api.invoke('holdFlag', { id: 'fl_grace' });
    deskA.close();
    const waiting = await wall.waitFor('queueChanged', (p) =>
      p.upserts.some((i) => i.id === 'fl_grace' && typeof i.heldBy?.releaseAtMs === 'number'),
    );
    const hold = waiting.upserts.find((i) => i.id === 'fl_grace')!.heldBy!;
    expect(hold.releaseAtMs! - Date.now() - aheadMs).toBeGreaterThan(DEFAULT_HOLD_GRACE_MS - 5000);
    // Still held within the grace: B cannot simply open it.
    expect((await deskB.api.invoke('holdFlag', { id: 'fl_grace' })).heldBy?.name).toBe(OPERATOR.name);
    aheadMs += DEFAULT_HOLD_GRACE_MS + 1000;
    const notice = await wall.waitFor('roomNotice', (n) => n.kind === 'hold_released');
    expect(notice).toMatchObject({ id: 'fl_grace', from: OPERATOR.name, by: null });
    await deskB.waitFor('queueChanged', (p) => p.upserts.some((i) => i.id === 'fl_grace' && !i.heldBy));
    expect((await deskB.api.invoke('holdFlag', { id: 'fl_grace' })).heldBy?.name).toBe(SECOND.name);
  });

  it('lets the operator who logs off leave the flag to the room after the grace too', async () => {
    const { deskA, deskB, wall } = await room();
    await publishImminent('fl_logoff', [deskA, deskB, wall]);
    await deskA.api.invoke('holdFlag', { id: 'fl_logoff' });
    await deskA.api.invoke('logoff', {});
    await wall.waitFor('queueChanged', (p) =>
      p.upserts.some((i) => i.id === 'fl_logoff' && typeof i.heldBy?.releaseAtMs === 'number'),
    );
    aheadMs += DEFAULT_HOLD_GRACE_MS + 1000;
    await wall.waitFor('roomNotice', (n) => n.kind === 'hold_released' && n.id === 'fl_logoff');
  });

  it('shows the wall which desks are on, and sounds "no desk is receiving flags" when none is', async () => {
    const { deskA, deskB, wall } = await room();
    const both = await wall.waitFor(
      'clientStates',
      (s) => s.clients.filter((c) => c.role === 'desk' && c.loggedOn).length === 2,
    );
    expect(both.clients.map((c) => `${c.role} ${c.number} ${c.loggedOn}`)).toEqual([
      'desk 1 true',
      'desk 2 true',
      'wall 1 false',
    ]);
    await publishImminent('fl_nobody', [deskA, deskB, wall]);
    await deskA.api.invoke('logoff', {});
    deskB.close();
    await wall.waitFor('clientStates', (s) => !s.clients.some((c) => c.role === 'desk' && c.loggedOn));
    aheadMs += NO_DESK_GRACE_MS + 1000;
    const alarm = await wall.waitFor('alarm', (a) => a.noDesk?.active === true);
    expect(alarm.noDesk?.sinceMs).not.toBeNull();
    // Somebody logs on again: the room is covered, the alarm ends.
    await deskA.api.invoke('logon', {
      name: OPERATOR.name,
      password: OPERATOR.password,
      bannerAccepted: true,
    });
    await wall.waitFor('alarm', (a) => a.noDesk?.active === false);
  });
});
